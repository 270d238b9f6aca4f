"""A partner's channel figures for a period: the statement returns the rows, this
module sums the money in decimals and divides claims by units."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from graph_api.channel import statements as q
from graph_api.channel.types import (
    ChannelFigures,
    ClaimBucket,
    FamilyClaimRate,
    MonthOrders,
    StockLevel,
    money,
)
from graph_api.context import RequestContext
from graph_api.intelligence.common import ratio
from graph_api.values import as_enum
from graph_api.vocabulary import ClaimStatus


def build_figures(row: dict[str, Any]) -> ChannelFigures:
    months = [
        MonthOrders(
            month=str(m["month"]), orders=int(m["orders"]), value=money(Decimal(str(m["value"])))
        )
        for m in row["months"]
    ]
    ordered = {str(f["family"]): int(f["units"]) for f in row["ordered"]}
    claimed = {str(f["family"]): int(f["claims"]) for f in row["claimed"]}
    rates = []
    for family in sorted(set(ordered) | set(claimed)):
        units, claims = ordered.get(family, 0), claimed.get(family, 0)
        rate = ratio(float(claims), float(units))
        rates.append(
            FamilyClaimRate(family=family, claims=claims, units_ordered=units, claim_rate=rate)
        )
    return ChannelFigures(
        orders=sum(m.orders for m in months),
        order_value=money(sum((Decimal(str(m["value"])) for m in row["months"]), Decimal(0))),
        order_trend=months,
        low_stock=[StockLevel.from_record(s) for s in row["lowStock"]],
        claims_by_status=[
            ClaimBucket(
                status=as_enum(ClaimStatus, c["status"]),
                count=int(c["count"]),
                amount=money(Decimal(str(c["amount"]))),
            )
            for c in row["claims"]
        ],
        claim_rates=rates,
    )


async def channel_figures(
    ctx: RequestContext, partner_id: str, start: dt.date, end: dt.date
) -> ChannelFigures | None:
    """None when the partner does not exist or is out of the caller's scope."""
    row = await ctx.store.read_one(
        q.CHANNEL_FIGURES, partnerId=partner_id, scope=ctx.scope, to=end, **{"from": start}
    )
    return None if row is None else build_figures(row)
