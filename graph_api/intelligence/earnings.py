"""Commissions owed under each partnership's program terms.

- percent_of_deal: commissionRate x the partnership's DECLARED credit on each
  won deal closed in the period (so co-credited deals are not paid twice).
- per_lead: flatAmount for each lead the partnership referred whose
  convertedDate is in the period and that converted to a deal.

Period bounds are inclusive. Each line is rounded half-up to cents and the
totals are sums of the rounded lines, so a statement adds up as printed.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.intelligence.common import (
    CENT,
    Statement,
    ToArg,
    check_id,
    check_period,
    money,
)
from graph_api.intelligence.credit import AttributionModel, Line, credit
from graph_api.intelligence.refs import DealRef, PartnerRef
from graph_api.values import as_date


@strawberry.type(description="A program's commission terms.")
class ProgramTerms:
    id: strawberry.ID = strawberry.field(description="Stable id of the program.")
    name: str | None = strawberry.field(description="Program name.")
    commission_type: str | None = strawberry.field(description="percent_of_deal or per_lead.")
    commission_rate: float | None = strawberry.field(
        description="Fraction of credited won value (percent programs)."
    )
    flat_amount: float | None = strawberry.field(
        description="Amount per converted lead (per-lead programs)."
    )
    currency: str | None = strawberry.field(description="Currency of the flat amount.")


@strawberry.type(description="One item a commission is computed from.")
class EarningLine:
    deal: DealRef | None = strawberry.field(
        description="The won deal (percent programs) or the deal the lead converted to."
    )
    lead_id: strawberry.ID | None = strawberry.field(description="The converted lead (per-lead).")
    date: dt.date | None = strawberry.field(
        description="Close date (percent) or conversion date (per-lead)."
    )
    basis: float = strawberry.field(
        description="Credited value under DECLARED (percent) or 1 lead (per-lead)."
    )
    rate: float = strawberry.field(description="Commission rate, or flat amount per lead.")
    amount: float = strawberry.field(description="basis x rate, rounded half-up to cents.")


@strawberry.type(description="Commission owed under one partnership's program.")
class PartnershipEarnings:
    partnership_id: strawberry.ID = strawberry.field(description="The partnership.")
    program: ProgramTerms | None = strawberry.field(description="Its program's terms.")
    amount: float = strawberry.field(description="Sum of the line amounts.")
    lines: list[EarningLine] = strawberry.field(description="Line items, by date then id.")


@strawberry.type(description="Commissions a partner is owed for a period.")
class PartnerEarnings:
    partner: PartnerRef = strawberry.field(description="The partner.")
    from_: dt.date = strawberry.field(name="from", description="Period start (inclusive).")
    to: dt.date = strawberry.field(description="Period end (inclusive).")
    total: float = strawberry.field(description="Sum over all partnerships.")
    partnerships: list[PartnershipEarnings] = strawberry.field(
        description="One entry per partnership, by partnership id."
    )


PARTNER_EARNINGS = named("queries/intel_partner_earnings")


def _terms(row: dict[str, Any] | None) -> ProgramTerms | None:
    if not row or row.get("id") is None:
        return None
    rate = row.get("commissionRate")
    flat = row.get("flatAmount")
    return ProgramTerms(
        id=strawberry.ID(str(row["id"])),
        name=row.get("name"),
        commission_type=row.get("commissionType"),
        commission_rate=float(rate) if rate is not None else None,
        flat_amount=float(flat) if flat is not None else None,
        currency=row.get("currency"),
    )


def declared_credit(deals: list[dict[str, Any]]) -> dict[str, list[tuple[dict[str, Any], Decimal]]]:
    """DECLARED credit per partnership id: [(deal row, cents)] for each deal."""
    out: dict[str, list[tuple[dict[str, Any], Decimal]]] = {}
    for entry in deals:
        deal = entry["deal"]
        lines = [Line.of(r) for r in entry["lines"]]
        parts = credit(
            money(deal.get("amount")),
            lines,
            AttributionModel.DECLARED,
            as_date(deal.get("closeDate")),
        )
        for partnership_id, part in parts.items():
            out.setdefault(partnership_id, []).append((deal, part))
    return out


def earnings(row: dict[str, Any]) -> list[PartnershipEarnings]:
    """Statements per partnership from a row of partnerships, deals and leads."""
    credited = declared_credit(row["deals"])
    leads_by: dict[str, list[dict[str, Any]]] = {}
    for lead in row["leads"]:
        leads_by.setdefault(str(lead["partnershipId"]), []).append(lead)
    out = []
    for partnership in row["partnerships"]:
        pid = str(partnership["id"])
        terms = _terms(partnership.get("program"))
        lines: list[EarningLine] = []
        kind = terms.commission_type if terms else None
        if terms is not None and kind == "percent_of_deal":
            rate = Decimal(str(terms.commission_rate or 0))
            for deal, part in credited.get(pid, []):
                lines.append(
                    EarningLine(
                        deal=DealRef.of(deal),
                        lead_id=None,
                        date=as_date(deal.get("closeDate")),
                        basis=float(part),
                        rate=float(rate),
                        amount=float((part * rate).quantize(CENT, rounding=ROUND_HALF_UP)),
                    )
                )
        elif terms is not None and kind == "per_lead":
            flat = money(terms.flat_amount)
            for lead in leads_by.get(pid, []):
                lines.append(
                    EarningLine(
                        deal=DealRef.maybe(lead.get("deal")),
                        lead_id=strawberry.ID(str(lead["id"])),
                        date=as_date(lead.get("convertedDate")),
                        basis=1.0,
                        rate=float(flat),
                        amount=float(flat),
                    )
                )
        lines.sort(
            key=lambda line: (
                line.date or dt.date.min,
                str(line.deal.id if line.deal else ""),
                str(line.lead_id or ""),
            )
        )
        total = sum((Decimal(str(line.amount)) for line in lines), Decimal("0.00"))
        out.append(
            PartnershipEarnings(
                partnership_id=strawberry.ID(pid), program=terms, amount=float(total), lines=lines
            )
        )
    return out


def earnings_statement(
    partner_id: object, from_: object, to: object, scope: list[str] | None
) -> Statement:
    """partnerEarnings' statement; ``from`` and ``to`` are the checked period's bounds."""
    key = check_id(partner_id, "partnerId")
    start, end = check_period(from_, to)
    return Statement(PARTNER_EARNINGS, {"partnerId": key, "scope": scope, "from": start, "to": end})


async def partner_earnings(
    info: Info[RequestContext, None],
    partner_id: Annotated[
        strawberry.ID, strawberry.argument(description="Stable id of the partner.")
    ],
    from_: Annotated[
        dt.date,
        strawberry.argument(name="from", description="First day of the period (inclusive)."),
    ],
    to: ToArg,
) -> PartnerEarnings | None:
    ctx = info.context
    statement = earnings_statement(partner_id, from_, to, ctx.scope)
    start, end = statement.params["from"], statement.params["to"]
    row = await ctx.store.read_one(statement.query, **statement.params)
    if row is None:
        return None
    statements = earnings(row)
    total = sum((Decimal(str(s.amount)) for s in statements), Decimal("0.00"))
    return PartnerEarnings(
        partner=PartnerRef.of(row["partner"]),
        from_=start,
        to=end,
        total=float(total),
        partnerships=statements,
    )
