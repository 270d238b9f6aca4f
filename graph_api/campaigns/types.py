"""Result types of ``campaignEffectiveness``."""

from __future__ import annotations

import datetime as dt

import strawberry

from graph_api.campaigns.effectiveness import Effectiveness, Figures, PartnerFigures
from graph_api.intelligence.refs import PartnerRef
from graph_api.values import as_date


def _amount(value: object) -> float | None:
    return None if value is None else float(str(value))


@strawberry.type(description="What a campaign (or one partner's part of it) brought in.")
class CampaignFigures:
    leads: int = strawberry.field(description="Leads sourced from the campaign.")
    converted_leads: int = strawberry.field(description="Of them, converted to a deal.")
    conversion_rate: float | None = strawberry.field(
        description="convertedLeads / leads; null without leads."
    )
    deals: int = strawberry.field(
        description="Deals sourced from the campaign or converted from its leads."
    )
    won_deals: int = strawberry.field(description="Of them, won.")
    influenced_pipeline: float = strawberry.field(
        description="Amount of those deals not lost (open or won)."
    )
    won_pipeline: float = strawberry.field(description="Amount of the won ones.")
    cost_per_won_deal: float | None = strawberry.field(
        description="Budget (or a partner's budget share) / won deals; null without either."
    )

    @classmethod
    def of(cls, f: Figures) -> CampaignFigures:
        return cls(
            leads=f.leads,
            converted_leads=f.converted_leads,
            conversion_rate=f.conversion_rate,
            deals=f.deals,
            won_deals=f.won_deals,
            influenced_pipeline=float(f.influenced_pipeline),
            won_pipeline=float(f.won_pipeline),
            cost_per_won_deal=_amount(f.cost_per_won_deal),
        )


@strawberry.type(description="One participating partner's part of a campaign.")
class CampaignPartnerFigures:
    partner: PartnerRef = strawberry.field(description="The partner.")
    partnership_ids: list[strawberry.ID] = strawberry.field(
        description="Its partnerships that run the campaign."
    )
    budget_share: float | None = strawberry.field(
        description="The budget split evenly over the partners running the campaign."
    )
    figures: CampaignFigures = strawberry.field(
        description="Leads its partnerships referred and deals they are credited on."
    )

    @classmethod
    def of(cls, p: PartnerFigures) -> CampaignPartnerFigures:
        return cls(
            partner=PartnerRef.of(p.partner),
            partnership_ids=[strawberry.ID(str(i)) for i in p.partner["partnerships"]],
            budget_share=_amount(p.budget_share),
            figures=CampaignFigures.of(p.figures),
        )


@strawberry.type(description="A marketing campaign.")
class CampaignRef:
    id: strawberry.ID = strawberry.field(description="Stable id of the campaign.")
    name: str | None = strawberry.field(description="Display name.")
    channel: str | None = strawberry.field(description="Channel, e.g. webinar or email.")
    start_date: dt.date | None = strawberry.field(description="First day.")
    end_date: dt.date | None = strawberry.field(description="Last day.")
    budget: float | None = strawberry.field(description="What it cost.")
    currency: str | None = strawberry.field(description="Currency of the budget.")


@strawberry.type(description="What came of a campaign, overall and per partner.")
class CampaignEffectiveness:
    campaign: CampaignRef = strawberry.field(description="The campaign.")
    figures: CampaignFigures = strawberry.field(
        description="Over the campaign (for partner tokens: over their own leads and deals)."
    )
    partners: list[CampaignPartnerFigures] = strawberry.field(
        description="Per participating partner you may see, by partner id."
    )

    @classmethod
    def of(cls, e: Effectiveness) -> CampaignEffectiveness:
        c = e.campaign
        return cls(
            campaign=CampaignRef(
                id=strawberry.ID(str(c["id"])),
                name=c.get("name"),
                channel=c.get("channel"),
                start_date=as_date(c.get("startDate")),
                end_date=as_date(c.get("endDate")),
                budget=_amount(c.get("budget")),
                currency=c.get("currency"),
            ),
            figures=CampaignFigures.of(e.figures),
            partners=[CampaignPartnerFigures.of(p) for p in e.partners],
        )
