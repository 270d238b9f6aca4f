"""The campaign graph the campaign tests work out by hand, built through the ingest path.

Program prg-c (percent_of_deal 10 %). Partners pa, pb, pc hold psa, psb, psc.
Campaigns: cmp1 "Spring webinar" (webinar, 2024-01-01..03-31, budget 3000 USD),
run by psa and psb; cmp2 "Autumn mailing" (email, budget 500), run by psc only.

Leads SOURCED_FROM cmp1: la1 (psa, converted to d1), la2 (psa, converted to d2),
la3 (psa, not converted), lb1 (psb, converted to d3), lx (no partnership).
Deals: d1 1000 won (psa), d2 400 lost (psa), d3 600 proposal (psb),
d4 2000 won SOURCED_FROM cmp1 (psa 0.5, psb 0.5), d5 700 won (psa, no campaign).

cmp1 overall: 5 leads, 3 converted (0.6); deals d1..d4; influenced (not lost)
1000 + 600 + 2000 = 3600; won 1000 + 2000 = 3000 in 2 deals; cost 3000 / 2 = 1500.
pa: 3 leads, 2 converted; deals d1, d2, d4; influenced 3000; won 3000 in 2; budget
share 1500; cost 750. pb: 1 lead, 1 converted; deals d3, d4; influenced 2600; won
2000 in 1; cost 1500.
"""

from __future__ import annotations

from graph_api.store import Store
from tests.support.graphs import Record, load, record

NODES: list[Record] = [
    record("Program", id="prg-c", name="Co-marketing", commissionType="percent_of_deal",
           commissionRate=0.1, currency="USD"),
    record("Partner", id="pa", name="Alpha", kind="reseller", tier="gold", region="EMEA"),
    record("Partner", id="pb", name="Bravo", kind="reseller", tier="silver", region="EMEA"),
    record("Partner", id="pc", name="Charlie", kind="referral", tier="gold", region="NA"),
    record("Customer", id="cu1", name="Customer One", domain="one.example"),
    record("Partnership", id="psa", partnerId="pa", programId="prg-c"),
    record("Partnership", id="psb", partnerId="pb", programId="prg-c"),
    record("Partnership", id="psc", partnerId="pc", programId="prg-c"),
    record("Campaign", id="cmp1", name="Spring webinar", channel="webinar",
           startDate="2024-01-01", endDate="2024-03-31", budget=3000, currency="USD"),
    record("Campaign", id="cmp2", name="Autumn mailing", channel="email", budget=500),
]  # fmt: skip

DEALS: list[Record] = [
    record("Deal", id="d1", name="D1", amount=1000, stage="won", closeDate="2024-02-01"),
    record("Deal", id="d2", name="D2", amount=400, stage="lost", closeDate="2024-02-15"),
    record("Deal", id="d3", name="D3", amount=600, stage="proposal"),
    record("Deal", id="d4", name="D4", amount=2000, stage="won", closeDate="2024-03-01",
           campaignId="cmp1"),
    record("Deal", id="d5", name="D5", amount=700, stage="won", closeDate="2024-03-10"),
]  # fmt: skip

LINKS: list[Record] = [
    record("CampaignRun", partnershipId="psa", campaignId="cmp1"),
    record("CampaignRun", partnershipId="psb", campaignId="cmp1"),
    record("CampaignRun", partnershipId="psc", campaignId="cmp2"),
    record("Lead", id="la1", name="LA1", partnershipId="psa", campaignId="cmp1",
           convertedDealId="d1", convertedDate="2024-01-20", status="converted"),
    record("Lead", id="la2", name="LA2", partnershipId="psa", campaignId="cmp1",
           convertedDealId="d2", convertedDate="2024-01-25", status="converted"),
    record("Lead", id="la3", name="LA3", partnershipId="psa", campaignId="cmp1"),
    record("Lead", id="lb1", name="LB1", partnershipId="psb", campaignId="cmp1",
           convertedDealId="d3", convertedDate="2024-02-01", status="converted"),
    record("Lead", id="lx", name="LX", campaignId="cmp1"),
    record("Attribution", dealId="d1", partnershipId="psa", role="sourced", share=1.0),
    record("Attribution", dealId="d2", partnershipId="psa", role="sourced", share=1.0),
    record("Attribution", dealId="d3", partnershipId="psb", role="sourced", share=1.0),
    record("Attribution", dealId="d4", partnershipId="psa", role="sourced", share=0.5),
    record("Attribution", dealId="d4", partnershipId="psb", role="influenced", share=0.5),
    record("Attribution", dealId="d5", partnershipId="psa", role="sourced", share=1.0),
]  # fmt: skip


async def build_graph(store: Store) -> None:
    await load(store, [NODES, DEALS, LINKS])
