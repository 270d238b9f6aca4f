"""Rule evaluation: raise an alert for each condition that holds and has none open,
resolve each open alert whose condition cleared.

Reads first (the rules, each rule's conditions, the open alerts), then, only when
something is to change, one write transaction that raises and resolves and records
an ``Alert.create`` / ``Alert.update`` change entry for each, concerning the alert's
partner: subscribers, the dashboard and webhook endpoints hear of it as of any other
change. Raising is idempotent inside its statement (``alert_raise.cypher``), so any
number of processes may evaluate at once.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from graph_api.alerts.rules import KINDS, AlertKind, holds, parameters
from graph_api.alerts.statements import ALERT_OPEN, ALERT_RAISE, ALERT_RESOLVE, ALERT_RULE_LIST
from graph_api.changes import CREATE, UPDATE, Change, record
from graph_api.store import Store, Tx
from graph_api.values import plain

ACTOR = "alerts"  # recorded with the role `system`
MAX_RULES = 500
Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Condition:
    rule_id: str
    kind: AlertKind
    subject_type: str
    subject_id: str
    partner_id: str
    detail: dict[str, Any]

    @property
    def key(self) -> str:
        """Names the condition; at most one open alert has it (see alert_raise.cypher)."""
        return f"{self.rule_id}:{self.subject_type}:{self.subject_id}:{self.partner_id}"


@dataclass
class Outcome:
    raised: list[dict[str, Any]] = field(default_factory=list)  # the alerts as stored
    resolved: list[dict[str, Any]] = field(default_factory=list)


async def load_rules(store: Store, ids: list[str] | None = None) -> list[dict[str, Any]]:
    return [dict(r["rule"]) for r in await store.read(ALERT_RULE_LIST, ids=ids, limit=MAX_RULES)]


async def evaluate(
    store: Store,
    now: dt.datetime | None = None,
    *,
    kinds: Iterable[AlertKind] | None = None,
    partners: list[str] | None = None,
    rules: list[dict[str, Any]] | None = None,
) -> Outcome:
    """Evaluate the rules (``rules`` when loaded, of ``kinds`` when given) for the
    alerts of ``partners`` (all when None) at ``now``; returns what changed."""
    now = now or utc_now()
    wanted = set(kinds) if kinds is not None else set(AlertKind)
    if rules is None:
        rules = await load_rules(store)
    rules = [r for r in rules if AlertKind(r["kind"]) in wanted]
    if not rules:
        return Outcome()
    holding: dict[str, Condition] = {}
    for rule in rules:
        if not rule.get("enabled", True):
            continue  # its open alerts resolve: nothing holds for a disabled rule
        kind = AlertKind(rule["kind"])
        spec = KINDS[kind]
        scope = partners if spec.local else None
        rows = await store.read(spec.statement, partners=scope, **parameters(rule, now))
        for row in rows:
            detail = {k: plain(v) for k, v in dict(row["detail"]).items()}
            if holds(kind, rule, detail, now.date()):
                c = Condition(
                    str(rule["id"]), kind, str(row["subjectType"]), str(row["subjectId"]),
                    str(row["partnerId"]), detail,
                )  # fmt: skip
                holding[c.key] = c
    # Non-local kinds were evaluated for every partner: so are their open alerts.
    local_ids = [str(r["id"]) for r in rules if KINDS[AlertKind(r["kind"])].local]
    other_ids = [str(r["id"]) for r in rules if not KINDS[AlertKind(r["kind"])].local]
    open_rows = await store.read(ALERT_OPEN, ruleIds=local_ids, partners=partners)
    if other_ids:
        open_rows += await store.read(ALERT_OPEN, ruleIds=other_ids, partners=None)
    open_keys = {str(r["key"]) for r in open_rows}
    to_raise = [c for k, c in sorted(holding.items()) if k not in open_keys]
    to_resolve = sorted(str(r["id"]) for r in open_rows if str(r["key"]) not in holding)
    if not to_raise and not to_resolve:
        return Outcome()
    return await store.write(lambda tx: _apply(tx, to_raise, to_resolve, now))


async def _apply(tx: Tx, raise_: list[Condition], resolve: list[str], now: dt.datetime) -> Outcome:
    outcome = Outcome()
    changes = []
    for c in raise_:
        row = await tx.run_one(
            ALERT_RAISE,
            ruleId=c.rule_id,
            partnerId=c.partner_id,
            key=c.key,
            subjectType=c.subject_type,
            subjectId=c.subject_id,
            detail=json.dumps(c.detail, sort_keys=True, default=str),
            at=now,
        )
        if row is None or not row["created"]:
            continue  # raised meanwhile by another evaluation, or the partner is gone
        after = {
            "id": row["id"], "ruleId": c.rule_id, "kind": c.kind.value,
            "subjectType": c.subject_type, "subjectId": c.subject_id,
            "partnerId": c.partner_id, "status": "open", "raisedAt": now.isoformat(),
            "detail": c.detail,
        }  # fmt: skip
        outcome.raised.append(after)
        changes.append(Change("Alert", str(row["id"]), CREATE, None, after, [c.partner_id]))
    for alert_id in resolve:
        row = await tx.run_one(ALERT_RESOLVE, id=alert_id, at=now)
        if row is None:
            continue  # resolved meanwhile
        before, after = shown(row["before"]), shown(row["after"])
        outcome.resolved.append(after)
        changes.append(Change("Alert", alert_id, UPDATE, before, after, [after["partnerId"]]))
    await record(tx, ACTOR, changes)
    return outcome


def shown(props: dict[str, Any]) -> dict[str, Any]:
    """A stored alert as change entries and events carry it (detail as an object)."""
    out = {k: plain(v) for k, v in dict(props).items() if k not in ("key", "lock")}
    for k, v in out.items():
        if isinstance(v, dt.date | dt.datetime):
            out[k] = v.isoformat()
    if isinstance(out.get("detail"), str):
        out["detail"] = json.loads(out["detail"])
    return out
