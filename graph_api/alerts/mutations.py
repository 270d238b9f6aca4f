"""Alert writes: rules (admins), acknowledging an alert, evaluating now (admins).

Every write records change-log entries in its own transaction (``AlertRule.*``,
``Alert.update``), like any other write.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

import strawberry

from graph_api.alerts.evaluation import evaluate, shown
from graph_api.alerts.rules import KINDS, AlertKind
from graph_api.alerts.statements import ALERT_ACKNOWLEDGE, ALERT_RULE_STATE, ALERT_RULE_WRITE
from graph_api.alerts.types import Alert, AlertRule
from graph_api.changes import CREATE, UPDATE, Change, record
from graph_api.context import ANALYST
from graph_api.errors import EntityNotFound, Forbidden, InputInvalid, NotFoundError, ValidationError
from graph_api.intelligence.common import MAX_ID_LENGTH, check_id
from graph_api.reading import GqlInfo
from graph_api.store import Tx
from graph_api.writing import actor, check_write

MAX_NAME = 200
MAX_DAYS = 3650
DEFINITION = ("name", "kind", "days", "percent", "enabled")


@strawberry.input(description="An alert rule's whole definition; saving it again replaces it.")
class AlertRuleInput:
    id: strawberry.ID | None = strawberry.field(
        default=None, description="Id to create or replace; generated when omitted."
    )
    name: str = strawberry.field(description="Display name (1 to 200 characters).")
    kind: AlertKind = strawberry.field(description="What the rule watches.")
    days: int | None = strawberry.field(
        default=None,
        description=f"CERTIFICATION_EXPIRING (default 30) and DEAL_STALLED (default 14): "
        f"1 to {MAX_DAYS} days; not used by the other kinds.",
    )
    percent: float | None = strawberry.field(
        default=None, description="GOAL_AT_RISK: 0 to 100 (default 20); not used otherwise."
    )
    enabled: bool = strawberry.field(default=True, description="Whether it raises alerts.")


@strawberry.type(description="The alert rule as stored.")
class AlertRulePayload:
    rule: AlertRule = strawberry.field(description="The saved rule.")


@strawberry.type(description="The alert, acknowledged (or as it was, when not open).")
class AlertPayload:
    alert: Alert = strawberry.field(description="The alert.")


@strawberry.type(description="What an evaluation changed.")
class AlertEvaluation:
    raised: list[Alert] = strawberry.field(description="Alerts raised now.")
    resolved: list[Alert] = strawberry.field(description="Alerts resolved now.")


AlertRuleResult = Annotated[
    AlertRulePayload | ValidationError,
    strawberry.union("AlertRuleResult", description="The rule, or why nothing changed."),
]
AcknowledgeAlertResult = Annotated[
    AlertPayload | NotFoundError,
    strawberry.union("AcknowledgeAlertResult", description="The alert, or why not."),
]


def definition(input: AlertRuleInput) -> tuple[str, dict[str, Any]]:
    """The id and stored properties of a valid input; InputInvalid names every problem."""
    errors: list[tuple[list[str], str]] = []
    rid = str(input.id) if input.id is not None else uuid.uuid4().hex
    if not rid or len(rid) > MAX_ID_LENGTH or rid != rid.strip() or not rid.isprintable():
        errors.append((["id"], f"must be 1 to {MAX_ID_LENGTH} printable characters"))
    name = input.name.strip()
    if not name or len(name) > MAX_NAME:
        errors.append((["name"], f"must be 1 to {MAX_NAME} characters"))
    kind = KINDS[input.kind]
    days = input.days if kind.days is not None else None
    if kind.days is not None:
        days = kind.days if days is None else days
        if not 1 <= days <= MAX_DAYS:
            errors.append((["days"], f"must be 1 to {MAX_DAYS}"))
    percent = input.percent if kind.percent is not None else None
    if kind.percent is not None:
        percent = kind.percent if percent is None else percent
        if not 0.0 <= percent <= 100.0:  # NaN fails too
            errors.append((["percent"], "must be 0 to 100"))
    if errors:
        raise InputInvalid(errors)
    return rid, {
        "name": name,
        "kind": input.kind.value,
        "days": days,
        "percent": None if percent is None else float(percent),
        "enabled": input.enabled,
    }


def _plain(props: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.iso_format() if hasattr(v, "iso_format") else v) for k, v in props.items()}


@strawberry.type
class AlertMutation:
    @strawberry.mutation(description="Define an alert rule, or replace one's definition (admins).")
    async def upsert_alert_rule(
        self,
        info: GqlInfo,
        input: Annotated[AlertRuleInput, strawberry.argument(description="The definition.")],
    ) -> AlertRuleResult:
        await check_write(info, "AlertRule", {})
        try:
            rid, props = definition(input)
        except InputInvalid as exc:
            return exc.as_result()
        who = actor(info)

        async def work(tx: Tx) -> dict[str, Any]:
            state = await tx.run_one(ALERT_RULE_STATE, id=rid)
            before = _plain(dict(state["before"])) if state and state["before"] else None
            if before is not None and all(before.get(k) == props[k] for k in DEFINITION):
                return before  # the same definition again: nothing changes
            row = await tx.run_one(ALERT_RULE_WRITE, id=rid, at=dt.datetime.now(dt.UTC), **props)
            assert row is not None
            after = _plain(dict(row["after"]))
            operation = CREATE if before is None else UPDATE
            await record(tx, who, [Change("AlertRule", rid, operation, before, after, [])])
            return after

        saved = await info.context.store.write(work)
        return AlertRulePayload(rule=AlertRule.of(saved))

    @strawberry.mutation(
        description="Acknowledge an open alert (admins, and partners for the alerts they "
        "see); an acknowledged alert stays until its condition clears."
    )
    async def acknowledge_alert(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The alert's id.")],
    ) -> AcknowledgeAlertResult:
        ctx = info.context
        if ctx.principal.role == ANALYST:
            raise Forbidden("analysts have read-only access", recordType="Alert")
        alert_id = check_id(id, "id")
        who = actor(info)

        async def work(tx: Tx) -> dict[str, Any]:
            at = dt.datetime.now(dt.UTC)
            row = await tx.run_one(
                ALERT_ACKNOWLEDGE, id=alert_id, scope=ctx.scope, at=at, by=str(who)
            )
            if row is None:
                raise EntityNotFound("Alert", alert_id)
            before, after = shown(row["before"]), shown(row["after"])
            if before["status"] != after["status"]:
                change = Change("Alert", alert_id, UPDATE, before, after, [after["partnerId"]])
                await record(tx, who, [change])
            return after

        try:
            after = await ctx.store.write(work)
        except EntityNotFound as exc:
            return exc.as_result()
        return AlertPayload(alert=Alert.of(after))

    @strawberry.mutation(
        description="Evaluate every rule now (admins): raise what holds, resolve what "
        "cleared; this also happens after each relevant write and on the worker's schedule."
    )
    async def evaluate_alerts(self, info: GqlInfo) -> AlertEvaluation:
        await check_write(info, "AlertRule", {})
        outcome = await evaluate(info.context.store)
        return AlertEvaluation(
            raised=[Alert.of(a) for a in outcome.raised],
            resolved=[Alert.of(a) for a in outcome.resolved],
        )
