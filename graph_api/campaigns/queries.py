"""The ``campaignEffectiveness`` root field: one statement, then the arithmetic of
graph_api/campaigns/effectiveness.py."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph_api.campaigns.effectiveness import effectiveness
from graph_api.campaigns.statements import CAMPAIGN_EFFECTIVENESS
from graph_api.campaigns.types import CampaignEffectiveness
from graph_api.intelligence.common import check_id
from graph_api.reading import GqlInfo


async def campaign_effectiveness(
    info: GqlInfo,
    campaign_id: Annotated[
        strawberry.ID, strawberry.argument(description="Stable id of the campaign.")
    ],
) -> CampaignEffectiveness | None:
    ctx = info.context
    key = check_id(campaign_id, "campaignId")
    row = await ctx.store.read_one(CAMPAIGN_EFFECTIVENESS, campaignId=key, scope=ctx.scope)
    return CampaignEffectiveness.of(effectiveness(dict(row))) if row is not None else None


@strawberry.type
class CampaignQuery:
    campaign_effectiveness = strawberry.field(
        resolver=campaign_effectiveness,
        description="Leads, their conversion to deals, influenced and won pipeline and cost "
        "per won deal of a campaign, overall and per participating partner. Partner tokens "
        "see campaigns a partner in their scope runs, counted over their own leads and "
        "deals; null for any other campaign, as for an unknown id.",
    )
