"""Deal credit under six attribution models, and the models side by side.

A model turns a deal's ATTRIBUTED lines into weights; :func:`split_cents`
turns weights into cent amounts that add up to the deal amount exactly.

Models (weights are normalized over the deal's lines):

- EVEN: 1 per line.
- ROLE_WEIGHTED: by role; defaults sourced 0.4, referred 0.3, delivered 0.2,
  influenced 0.1, any other role 0. Override with ``GRAPH_API_ROLE_WEIGHTS``,
  e.g. ``sourced=0.5,referred=0.3,delivered=0.1,influenced=0.1``.
- FIRST_TOUCH / LAST_TOUCH: 1 for the earliest / latest ``at`` (lines without
  ``at`` never win unless none has one); ties go to the smaller partnership id.
- DECLARED: the recorded ``share`` (missing = 0).
- TIME_DECAY: 2^(-days / half-life), days from the touch to the deal's close
  date (or to the latest touch when the deal is open), never negative;
  half-life 30 days, ``GRAPH_API_TIME_DECAY_HALF_LIFE_DAYS`` overrides.

When every weight is 0 (e.g. no role known), the split falls back to EVEN.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graph_api.config import CreditTerms
from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.intelligence.common import (
    DealIdArg,
    Statement,
    ToArg,
    check_count,
    check_id,
    check_period,
    days,
    money,
    or_default,
    split_cents,
)
from graph_api.intelligence.refs import DealRef, PartnerRef
from graph_api.values import as_date, as_datetime


@strawberry.enum(description="How a deal's amount is split between its credited partnerships.")
class AttributionModel(Enum):
    EVEN = strawberry.enum_value(
        "even", description="Every credited partnership gets an equal part."
    )
    ROLE_WEIGHTED = strawberry.enum_value(
        "role_weighted",
        description="Parts proportional to role weights (default sourced 0.4, referred 0.3, "
        "delivered 0.2, influenced 0.1; override with GRAPH_API_ROLE_WEIGHTS).",
    )
    FIRST_TOUCH = strawberry.enum_value(
        "first_touch", description="All to the earliest attribution (ties: smaller partnership id)."
    )
    LAST_TOUCH = strawberry.enum_value(
        "last_touch", description="All to the latest attribution (ties: smaller partnership id)."
    )
    DECLARED = strawberry.enum_value(
        "declared", description="Parts proportional to the recorded shares (missing share = 0)."
    )
    TIME_DECAY = strawberry.enum_value(
        "time_decay",
        description="Weight halves for every half-life (default 30 days, "
        "GRAPH_API_TIME_DECAY_HALF_LIFE_DAYS) between the touch and the deal's close date.",
    )


@strawberry.type(description="One credited partnership's part of a deal under a model.")
class CreditLine:
    partnership_id: strawberry.ID = strawberry.field(description="The credited partnership.")
    partner: PartnerRef = strawberry.field(description="The partner holding it.")
    role: str | None = strawberry.field(description="Attribution role, e.g. sourced.")
    attributed_at: dt.datetime | None = strawberry.field(description="When credit was recorded.")
    declared_share: float | None = strawberry.field(description="The recorded share (0..1).")
    weight: float = strawberry.field(description="This line's fraction of the deal (0..1).")
    amount: float = strawberry.field(
        description="Credited amount in cents precision; all lines add up to the deal amount."
    )


@strawberry.type(description="A deal's amount split between its credited partnerships.")
class DealCredit:
    deal: DealRef = strawberry.field(description="The deal.")
    model: AttributionModel = strawberry.field(description="The model used.")
    amount: float = strawberry.field(description="The deal amount, rounded to cents.")
    lines: list[CreditLine] = strawberry.field(
        description="Credit per partnership, ordered by partnership id; for scoped callers "
        "only the partnerships in scope."
    )
    other_credit_amount: float = strawberry.field(
        description="Credit of partnerships outside the caller's scope (0 when unrestricted)."
    )
    unattributed_amount: float = strawberry.field(
        description="The whole amount when nothing is credited, else 0; so lines + "
        "otherCreditAmount + unattributedAmount = amount exactly."
    )


@strawberry.type(description="One partner's credited won value under every model.")
class PartnerModelCredit:
    partner: PartnerRef = strawberry.field(description="The partner.")
    even: float = strawberry.field(description="Credit under EVEN.")
    role_weighted: float = strawberry.field(description="Credit under ROLE_WEIGHTED.")
    first_touch: float = strawberry.field(description="Credit under FIRST_TOUCH.")
    last_touch: float = strawberry.field(description="Credit under LAST_TOUCH.")
    declared: float = strawberry.field(description="Credit under DECLARED.")
    time_decay: float = strawberry.field(description="Credit under TIME_DECAY.")
    spread: float = strawberry.field(
        description="Largest minus smallest of the six: how much the model choice matters."
    )


@strawberry.type(description="Credited won value per partner under every model, side by side.")
class AttributionComparison:
    from_: dt.date = strawberry.field(name="from", description="First close date (inclusive).")
    to: dt.date = strawberry.field(description="Last close date (inclusive).")
    won_deals: int = strawberry.field(description="Won deals closed in the period (in scope).")
    won_value: float = strawberry.field(description="Their total amount.")
    unattributed_value: float = strawberry.field(
        description="Amount of those won deals that no partnership is credited on."
    )
    partners: list[PartnerModelCredit] = strawberry.field(
        description="Ordered by DECLARED credit descending, ties by partner id; at most `first`."
    )


DEAL_CREDIT = named("queries/intel_deal_credit")
ATTRIBUTION_COMPARISON = named("queries/intel_attribution_comparison")

_EPOCH = dt.datetime(1, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Line:
    partnership_id: str
    role: str | None
    share: float | None
    at: dt.datetime | None

    @classmethod
    def of(cls, row: dict[str, Any]) -> Line:
        share = row.get("share")
        return cls(
            partnership_id=str(row["partnershipId"]),
            role=row.get("role"),
            share=float(share) if share is not None else None,
            at=as_datetime(row.get("at")),
        )


def _touch_winner(lines: Sequence[Line], latest: bool) -> str:
    def key(line: Line) -> tuple[int, float, str]:
        has = 0 if line.at is not None else 1
        seconds = (line.at - _EPOCH).total_seconds() if line.at is not None else 0.0
        return (has, -seconds if latest else seconds, line.partnership_id)

    return min(lines, key=key).partnership_id


def weights(
    lines: Sequence[Line],
    model: AttributionModel,
    close_date: dt.date | None,
    terms: CreditTerms | None = None,
) -> list[tuple[str, float]]:
    """Each line's unnormalized weight under ``model`` (``terms``: the configured ones,
    ``settings.credit``; the documented defaults when None)."""
    if not lines:  # nothing credited: the whole amount stays unattributed
        return []
    if model is AttributionModel.EVEN:
        return [(line.partnership_id, 1.0) for line in lines]
    if model is AttributionModel.ROLE_WEIGHTED:
        table = (terms or CreditTerms()).role_weights
        return [(line.partnership_id, table.get(line.role or "", 0.0)) for line in lines]
    if model in (AttributionModel.FIRST_TOUCH, AttributionModel.LAST_TOUCH):
        winner = _touch_winner(lines, latest=model is AttributionModel.LAST_TOUCH)
        return [
            (line.partnership_id, 1.0 if line.partnership_id == winner else 0.0) for line in lines
        ]
    if model is AttributionModel.DECLARED:
        return [(line.partnership_id, max(line.share or 0.0, 0.0)) for line in lines]
    # TIME_DECAY
    touches = [line.at for line in lines if line.at is not None]
    if close_date is not None:
        reference = dt.datetime(close_date.year, close_date.month, close_date.day, tzinfo=dt.UTC)
    elif touches:
        reference = max(touches)
    else:
        return [(line.partnership_id, 1.0) for line in lines]
    half_life = (terms or CreditTerms()).half_life_days
    out = []
    for line in lines:
        if line.at is None:
            out.append((line.partnership_id, 0.0))
            continue
        days = max((reference - line.at).total_seconds() / 86400.0, 0.0)
        out.append((line.partnership_id, 0.5 ** (days / half_life)))
    return out


def credit(
    amount: Decimal,
    lines: Sequence[Line],
    model: AttributionModel,
    close_date: dt.date | None,
    terms: CreditTerms | None = None,
) -> dict[str, Decimal]:
    """Cents per partnership id; the values add up to ``amount`` (empty with no lines)."""
    return split_cents(amount, weights(lines, model, close_date, terms))


def _fraction(raw: list[tuple[str, float]], key: str) -> float:
    """A line's normalized weight (even when every weight is 0)."""
    total = sum(max(w, 0.0) for _, w in raw)
    if total == 0:
        return 1.0 / len(raw)
    return max(dict(raw)[key], 0.0) / total


def deal_credit_statement(deal_id: object, scope: list[str] | None) -> Statement:
    """dealCredit's statement: the deal and its lines, whatever the model."""
    return Statement(DEAL_CREDIT, {"dealId": check_id(deal_id, "dealId"), "scope": scope})


async def deal_credit(
    info: Info[RequestContext, None],
    deal_id: DealIdArg,
    model: Annotated[AttributionModel, strawberry.argument(description="The attribution model.")],
) -> DealCredit | None:
    ctx = info.context
    statement = deal_credit_statement(deal_id, ctx.scope)
    row = await ctx.store.read_one(statement.query, **statement.params)
    if row is None:
        return None
    deal = row["deal"]
    amount = money(deal.get("amount"))
    raw_lines = row["lines"]
    lines = [Line.of(r) for r in raw_lines]
    close = as_date(deal.get("closeDate"))
    terms = ctx.settings.credit
    raw = weights(lines, model, close, terms)
    parts = split_cents(amount, raw)
    shown: list[CreditLine] = []
    other = Decimal("0.00")
    for r, line in zip(raw_lines, lines, strict=True):
        part = parts[line.partnership_id]
        if not r.get("visible"):
            other += part
            continue
        shown.append(
            CreditLine(
                partnership_id=strawberry.ID(line.partnership_id),
                partner=PartnerRef.of(r["partner"]),
                role=line.role,
                attributed_at=line.at,
                declared_share=line.share,
                weight=_fraction(raw, line.partnership_id),
                amount=float(part),
            )
        )
    return DealCredit(
        deal=DealRef.of(deal),
        model=model,
        amount=float(amount),
        lines=shown,
        other_credit_amount=float(other),
        unattributed_amount=float(amount) if not lines else 0.0,
    )


MODELS = list(AttributionModel)


def comparison_statement(start: dt.date, end: dt.date, scope: list[str] | None) -> Statement:
    """attributionComparison's statement: the won deals closed in [start, end]."""
    return Statement(ATTRIBUTION_COMPARISON, {"scope": scope, "days": days(start, end)})


async def attribution_comparison(
    info: Info[RequestContext, None],
    from_: Annotated[
        dt.date,
        strawberry.argument(name="from", description="First day of the period (inclusive)."),
    ],
    to: ToArg,
    first: Annotated[
        int | None, strawberry.argument(description="How many results to return (at most 100).")
    ] = 20,
) -> AttributionComparison:
    ctx = info.context
    first = or_default(first, 20)
    start, end = check_period(from_, to)
    check_count(first, "first", 100)
    statement = comparison_statement(start, end, ctx.scope)
    rows = await ctx.store.read(statement.query, **statement.params)
    # Per partner, one running total per model, in MODELS order. This loop runs over
    # every won deal of the period, so nothing in it is built that is not needed.
    totals: dict[str, list[Decimal]] = {}
    refs: dict[str, PartnerRef] = {}
    terms = ctx.settings.credit
    won_value = Decimal("0.00")
    unattributed = Decimal("0.00")
    for row in rows:
        deal = row["deal"]
        amount = money(deal.get("amount"))
        won_value += amount
        raw_lines = row["lines"]
        if not raw_lines:
            unattributed += amount
            continue
        lines = [Line.of(r) for r in raw_lines]
        owner = {str(r["partnershipId"]): r for r in raw_lines}
        close = as_date(deal.get("closeDate"))
        for index, model in enumerate(MODELS):
            for partnership_id, part in credit(amount, lines, model, close, terms).items():
                r = owner[partnership_id]
                if not r.get("visible"):
                    continue
                partner_id = str(r["partner"]["id"])
                bucket = totals.get(partner_id)
                if bucket is None:
                    bucket = totals[partner_id] = [Decimal("0.00")] * len(MODELS)
                    refs[partner_id] = PartnerRef.of(r["partner"])
                bucket[index] += part
    at = {model: index for index, model in enumerate(MODELS)}
    declared = at[AttributionModel.DECLARED]
    ranked = sorted(totals, key=lambda pid: (-totals[pid][declared], pid))
    partners = []
    for pid in ranked[:first]:
        values = totals[pid]
        partners.append(
            PartnerModelCredit(
                partner=refs[pid],
                even=float(values[at[AttributionModel.EVEN]]),
                role_weighted=float(values[at[AttributionModel.ROLE_WEIGHTED]]),
                first_touch=float(values[at[AttributionModel.FIRST_TOUCH]]),
                last_touch=float(values[at[AttributionModel.LAST_TOUCH]]),
                declared=float(values[declared]),
                time_decay=float(values[at[AttributionModel.TIME_DECAY]]),
                spread=float(max(values) - min(values)),
            )
        )
    return AttributionComparison(
        from_=start,
        to=end,
        won_deals=len(rows),
        won_value=float(won_value),
        unattributed_value=float(unattributed),
        partners=partners,
    )
