"""Result types of alerts."""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from typing import Any, cast

import strawberry
from strawberry.scalars import JSON

from graph_api.alerts.rules import AlertKind
from graph_api.values import as_datetime


@strawberry.enum(description="Where an alert stands.")
class AlertStatus(Enum):
    OPEN = strawberry.enum_value("open", description="Raised; nobody acknowledged it yet.")
    ACKNOWLEDGED = strawberry.enum_value(
        "acknowledged", description="Seen by the partner or the vendor; the condition holds."
    )
    RESOLVED = strawberry.enum_value("resolved", description="Its condition cleared.")


@strawberry.type(description="An admin's rule: which condition raises alerts for partners.")
class AlertRule:
    id: strawberry.ID = strawberry.field(description="Stable id of the rule.")
    name: str = strawberry.field(description="Display name.")
    kind: AlertKind = strawberry.field(description="What the rule watches.")
    days: int | None = strawberry.field(
        description="For CERTIFICATION_EXPIRING: days before expiry; for DEAL_STALLED: days "
        "without a change."
    )
    percent: float | None = strawberry.field(
        description="For GOAL_AT_RISK: how far behind the straight line, in percent."
    )
    enabled: bool = strawberry.field(
        description="Whether it raises alerts; disabling it resolves its open ones."
    )
    created_at: dt.datetime | None = strawberry.field(description="When it was defined.")
    updated_at: dt.datetime | None = strawberry.field(description="When it last changed.")

    @classmethod
    def of(cls, row: dict[str, Any]) -> AlertRule:
        return cls(
            id=strawberry.ID(str(row["id"])),
            name=str(row["name"]),
            kind=AlertKind(row["kind"]),
            days=None if row.get("days") is None else int(row["days"]),
            percent=None if row.get("percent") is None else float(row["percent"]),
            enabled=bool(row.get("enabled", True)),
            created_at=as_datetime(row.get("createdAt")),
            updated_at=as_datetime(row.get("updatedAt")),
        )


@strawberry.type(description="A warning for one partner: a rule's condition holds for a subject.")
class Alert:
    id: strawberry.ID = strawberry.field(description="Stable id of the alert.")
    rule_id: strawberry.ID = strawberry.field(description="The rule that raised it.")
    kind: AlertKind = strawberry.field(description="What its rule watches.")
    subject_type: str = strawberry.field(
        description="What it is about: `Certification`, `StockLevel`, `Goal` or `Deal`."
    )
    subject_id: strawberry.ID = strawberry.field(
        description="The subject's id; for a relationship `<from id>-><to id>`."
    )
    partner_id: strawberry.ID = strawberry.field(description="The partner it concerns.")
    status: AlertStatus = strawberry.field(description="Open, acknowledged or resolved.")
    raised_at: dt.datetime | None = strawberry.field(description="When it was raised.")
    acknowledged_at: dt.datetime | None = strawberry.field(
        description="When it was acknowledged; null when not."
    )
    resolved_at: dt.datetime | None = strawberry.field(
        description="When its condition cleared; null while it holds."
    )
    detail: JSON | None = strawberry.field(
        description="The condition's figures when raised (expiry date, quantity and reorder "
        "point, goal progress, ...)."
    )

    @classmethod
    def of(cls, row: dict[str, Any]) -> Alert:
        detail = row.get("detail")
        if isinstance(detail, str):
            detail = json.loads(detail)
        return cls(
            id=strawberry.ID(str(row["id"])),
            rule_id=strawberry.ID(str(row["ruleId"])),
            kind=AlertKind(row["kind"]),
            subject_type=str(row["subjectType"]),
            subject_id=strawberry.ID(str(row["subjectId"])),
            partner_id=strawberry.ID(str(row["partnerId"])),
            status=AlertStatus(row["status"]),
            raised_at=as_datetime(row.get("raisedAt")),
            acknowledged_at=as_datetime(row.get("acknowledgedAt")),
            resolved_at=as_datetime(row.get("resolvedAt")),
            detail=cast(Any, detail),
        )
