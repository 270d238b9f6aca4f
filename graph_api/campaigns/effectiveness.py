"""What came of a campaign: leads, their conversion, influenced and won pipeline, and
the cost per won deal, for the campaign and per participating partner.

- Leads: leads SOURCED_FROM the campaign; converted: those CONVERTED_TO a deal.
- Deals: deals SOURCED_FROM the campaign or converted from one of its leads.
  Influenced pipeline is the amount of those not lost (open or won); won pipeline
  the amount of the won ones.
- Per partner: the leads its partnerships referred and the deals they are
  credited on (full amounts: a co-sold deal counts for each of its partners).
  Its budget share is the budget split evenly over the partners running the
  campaign, and its cost per won deal that share over its won deals.
- Cost per won deal is null without a budget or without a won deal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from graph_api.intelligence.common import CENT, money


@dataclass(frozen=True)
class Figures:
    leads: int
    converted_leads: int
    conversion_rate: float | None
    deals: int
    won_deals: int
    influenced_pipeline: Decimal
    won_pipeline: Decimal
    cost_per_won_deal: Decimal | None


@dataclass(frozen=True)
class PartnerFigures:
    partner: dict[str, Any]
    budget_share: Decimal | None
    figures: Figures


@dataclass(frozen=True)
class Effectiveness:
    campaign: dict[str, Any]
    figures: Figures
    partners: list[PartnerFigures]


def figures(
    leads: Iterable[dict[str, Any]], deals: Iterable[dict[str, Any]], budget: Decimal | None
) -> Figures:
    lead_list = list(leads)
    deal_list = list(deals)
    converted = sum(1 for lead in lead_list if lead["dealIds"])
    open_or_won = [d for d in deal_list if d.get("stage") != "lost"]
    won = [d for d in deal_list if d.get("stage") == "won"]
    cost = None
    if budget is not None and won:
        cost = (budget / len(won)).quantize(CENT, rounding=ROUND_HALF_UP)
    return Figures(
        leads=len(lead_list),
        converted_leads=converted,
        conversion_rate=round(converted / len(lead_list), 6) if lead_list else None,
        deals=len(deal_list),
        won_deals=len(won),
        influenced_pipeline=sum((money(d.get("amount")) for d in open_or_won), Decimal("0.00")),
        won_pipeline=sum((money(d.get("amount")) for d in won), Decimal("0.00")),
        cost_per_won_deal=cost,
    )


def effectiveness(row: dict[str, Any]) -> Effectiveness:
    """The figures of one ``campaign_effectiveness`` row."""
    campaign = dict(row["campaign"])
    budget = None if campaign.get("budget") is None else money(campaign["budget"])
    participants = int(row["participants"])
    share = None
    if budget is not None and participants:
        share = (budget / participants).quantize(CENT, rounding=ROUND_HALF_UP)
    partners = []
    for partner in row["partners"]:
        mine = set(partner["partnerships"])
        leads = [lead for lead in row["leads"] if lead["partnershipId"] in mine]
        deals = [d for d in row["deals"] if mine.intersection(d["partnershipIds"])]
        partners.append(PartnerFigures(dict(partner), share, figures(leads, deals, share)))
    return Effectiveness(campaign, figures(row["leads"], row["deals"], budget), partners)
