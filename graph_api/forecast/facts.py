"""The deals, partners and stage paths the forecast statement returns, as plain facts."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graph_api.values import as_date
from graph_api.vocabulary import OPEN_STAGES


@dataclass(frozen=True)
class DealFact:
    id: str
    amount: float
    stage: str | None
    created: dt.date | None
    closed: dt.date | None
    partner_ids: tuple[str, ...]


@dataclass(frozen=True)
class PartnerFact:
    id: str
    name: str | None
    tier: str | None
    region: str | None
    programs: tuple[str, ...]


def deals_from(rows: Iterable[Mapping[str, Any]]) -> list[DealFact]:
    return [
        DealFact(
            id=str(r["id"]),
            amount=float(r.get("amount") or 0.0),
            stage=r.get("stage"),
            created=as_date(r.get("createdDate")),
            closed=as_date(r.get("closeDate")),
            partner_ids=tuple(sorted(str(p) for p in r.get("partnerIds") or [])),
        )
        for r in rows
    ]


def partners_from(rows: Iterable[Mapping[str, Any]]) -> list[PartnerFact]:
    return [
        PartnerFact(
            id=str(r["id"]),
            name=r.get("name"),
            tier=r.get("tier"),
            region=r.get("region"),
            programs=tuple(sorted({str(g["id"]) for g in r.get("programs") or []})),
        )
        for r in rows
    ]


def stage_paths(rows: Iterable[Mapping[str, Any]]) -> dict[str, set[str]]:
    """The open stages each deal was recorded at in the change log (its create entry
    and every stage update), by deal id."""
    reached: dict[str, set[str]] = {}
    for row in rows:
        stages = reached.setdefault(str(row["dealId"]), set())
        for side in ("before", "after"):
            raw = row.get(side)
            if not raw:
                continue
            try:
                stage = json.loads(raw).get("stage")
            except (ValueError, AttributeError):
                continue
            if stage in OPEN_STAGES:
                stages.add(stage)
    return reached
