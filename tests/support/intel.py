"""The small partner graph the relationship-intelligence tests work out by hand.

Period under test: Q1 2024 = [2024-01-01, 2024-03-31], both bounds inclusive.

Partners (kind, tier, region)          Partnerships (program)
  p1 Alpha    reseller    gold  EMEA     ps1 p1 → prg-res (percent_of_deal, 20 %)
  p2 Bravo    referral    gold  EMEA     ps2 p2 → prg-ref (per_lead, 1000 per lead)
  p3 Charlie  technology  silver NA      ps3 p3 → prg-res
  p4 Delta    integrator  gold  EMEA     ps4 p4 → prg-res   (no deals)
  p5 Echo     integrator  gold  EMEA     (no partnership, no deals)
  d2 DistMid  distributor platinum EMEA  p1 -RESELLS_FOR-> d2 -RESELLS_FOR-> d1
  d1 DistTop  distributor platinum EMEA  (a distribution hierarchy three deep)

Customers (domain, region, industry): c1 one.com EMEA finance, c2 two.com NA
retail, c3 one.com EMEA finance (same domain as c1), c4 four.com EMEA health.
SERVES: p1→c1, p1→c2, p2→c1, p2→c3, p3→c2, p4→c1, p5→c1.
SHARES_WITH (to p1): p2 full, p3 counts, p4 overlaps; nobody shares with p2.

Deals (amount, stage, created, closed, customer; ATTRIBUTED role/share/at):
  dA 1000 won  2024-01-10 2024-03-31 c1  ps1 sourced 0.6 @01-10, ps2 referred 0.4 @03-01
  dB  100 won  2023-12-01 2024-01-01 c2  ps1 influenced 0.5 @12-01, ps2 delivered 0.25
                                         @12-02, ps3 sourced 0.25 @12-03
  dC  500 lost 2024-01-15 2024-02-15 c1  ps1 sourced 1.0 @01-15
  dD    0 won  2024-02-01 2024-02-01 c2  ps3 sourced 1.0 @02-01   (zero amount)
  dE  750 won  2024-03-15 2024-04-01 c3  ps2 sourced 1.0 @03-15   (closes one day late)
  dF  300 proposal   2024-02-20  c1  no attribution; REGISTERED ps1 approved 02-20..05-20
  dG  200 negotiation 2024-03-01 c3  ps2 influenced 1.0 @03-01; REGISTERED ps2 pending
                                     03-10..06-10
  dH   50 prospect   2024-01-05  c1  REGISTERED ps3 approved 05-20T12:00..08-01,
                                     REGISTERED ps4 expired 03-01..09-01
  dI   10 prospect   2024-05-01  c1  REGISTERED ps4 approved 05-21..07-01

Leads (all referred by ps2): l1 created 01-20, converted 03-31 to dA; l2 created
02-10, converted 04-01 to dE; l3 created 03-05, not converted.
Goals of p1: g1 won_value 2000 over Q1; g2 deals_won 4 over H1 2024;
g3 registrations 2 over 2023 (outside Q1).
"""

from __future__ import annotations

from graph_api.store import Store
from tests.support.graphs import Record, load, record

RECORDS: list[Record] = [
    record(
        "Partner",
        id="p1",
        name="Alpha",
        kind="reseller",
        tier="gold",
        region="EMEA",
        domain="alpha.io",
    ),
    record(
        "Partner",
        id="p2",
        name="Bravo",
        kind="referral",
        tier="gold",
        region="EMEA",
        domain="bravo.io",
    ),
    record(
        "Partner",
        id="p3",
        name="Charlie",
        kind="technology",
        tier="silver",
        region="NA",
        domain="charlie.io",
    ),
    record(
        "Partner",
        id="p4",
        name="Delta",
        kind="integrator",
        tier="gold",
        region="EMEA",
        domain="delta.io",
    ),
    record(
        "Partner",
        id="p5",
        name="Echo",
        kind="integrator",
        tier="gold",
        region="EMEA",
        domain="echo.io",
    ),
    record("Partner", id="d1", name="DistTop", kind="distributor", tier="platinum", region="EMEA"),
    record("Partner", id="d2", name="DistMid", kind="distributor", tier="platinum", region="EMEA"),
    record("ResellsFor", partnerId="p1", distributorId="d2"),
    record("ResellsFor", partnerId="d2", distributorId="d1"),
    record(
        "Program",
        id="prg-res",
        name="Reseller",
        commissionType="percent_of_deal",
        commissionRate=0.2,
        currency="USD",
    ),
    record(
        "Program",
        id="prg-ref",
        name="Referral",
        commissionType="per_lead",
        flatAmount=1000.0,
        currency="USD",
    ),
    record("Partnership", id="ps1", partnerId="p1", programId="prg-res", status="active"),
    record("Partnership", id="ps2", partnerId="p2", programId="prg-ref", status="active"),
    record("Partnership", id="ps3", partnerId="p3", programId="prg-res", status="active"),
    record("Partnership", id="ps4", partnerId="p4", programId="prg-res", status="active"),
    record(
        "Customer", id="c1", name="Cust One", domain="one.com", region="EMEA", industry="finance"
    ),
    record("Customer", id="c2", name="Cust Two", domain="two.com", region="NA", industry="retail"),
    record(
        "Customer",
        id="c3",
        name="Cust One Sub",
        domain="one.com",
        region="EMEA",
        industry="finance",
    ),
    record(
        "Customer", id="c4", name="Cust Four", domain="four.com", region="EMEA", industry="health"
    ),
    record("Serves", partnerId="p1", customerId="c1"),
    record("Serves", partnerId="p1", customerId="c2"),
    record("Serves", partnerId="p2", customerId="c1"),
    record("Serves", partnerId="p2", customerId="c3"),
    record("Serves", partnerId="p3", customerId="c2"),
    record("Serves", partnerId="p4", customerId="c1"),
    record("Serves", partnerId="p5", customerId="c1"),
    record("SharesWith", partnerId="p2", withPartnerId="p1", level="full"),
    record("SharesWith", partnerId="p3", withPartnerId="p1", level="counts"),
    record("SharesWith", partnerId="p4", withPartnerId="p1", level="overlaps"),
    record(
        "Deal",
        id="dA",
        name="Deal A",
        amount=1000.0,
        currency="USD",
        stage="won",
        createdDate="2024-01-10",
        closeDate="2024-03-31",
        customerId="c1",
    ),
    record(
        "Deal",
        id="dB",
        name="Deal B",
        amount=100.0,
        currency="USD",
        stage="won",
        createdDate="2023-12-01",
        closeDate="2024-01-01",
        customerId="c2",
    ),
    record(
        "Deal",
        id="dC",
        name="Deal C",
        amount=500.0,
        currency="USD",
        stage="lost",
        createdDate="2024-01-15",
        closeDate="2024-02-15",
        customerId="c1",
    ),
    record(
        "Deal",
        id="dD",
        name="Deal D",
        amount=0.0,
        currency="USD",
        stage="won",
        createdDate="2024-02-01",
        closeDate="2024-02-01",
        customerId="c2",
    ),
    record(
        "Deal",
        id="dE",
        name="Deal E",
        amount=750.0,
        currency="USD",
        stage="won",
        createdDate="2024-03-15",
        closeDate="2024-04-01",
        customerId="c3",
    ),
    record(
        "Deal",
        id="dF",
        name="Deal F",
        amount=300.0,
        currency="USD",
        stage="proposal",
        createdDate="2024-02-20",
        customerId="c1",
    ),
    record(
        "Deal",
        id="dG",
        name="Deal G",
        amount=200.0,
        currency="USD",
        stage="negotiation",
        createdDate="2024-03-01",
        customerId="c3",
    ),
    record(
        "Deal",
        id="dH",
        name="Deal H",
        amount=50.0,
        currency="USD",
        stage="prospect",
        createdDate="2024-01-05",
        customerId="c1",
    ),
    record(
        "Deal",
        id="dI",
        name="Deal I",
        amount=10.0,
        currency="USD",
        stage="prospect",
        createdDate="2024-05-01",
        customerId="c1",
    ),
    record(
        "Attribution",
        partnershipId="ps1",
        dealId="dA",
        role="sourced",
        share=0.6,
        at="2024-01-10T00:00:00Z",
    ),
    record(
        "Attribution",
        partnershipId="ps2",
        dealId="dA",
        role="referred",
        share=0.4,
        at="2024-03-01T00:00:00Z",
    ),
    record(
        "Attribution",
        partnershipId="ps1",
        dealId="dB",
        role="influenced",
        share=0.5,
        at="2023-12-01T00:00:00Z",
    ),
    record(
        "Attribution",
        partnershipId="ps2",
        dealId="dB",
        role="delivered",
        share=0.25,
        at="2023-12-02T00:00:00Z",
    ),
    record(
        "Attribution",
        partnershipId="ps3",
        dealId="dB",
        role="sourced",
        share=0.25,
        at="2023-12-03T00:00:00Z",
    ),
    record(
        "Attribution",
        partnershipId="ps1",
        dealId="dC",
        role="sourced",
        share=1.0,
        at="2024-01-15T00:00:00Z",
    ),
    record(
        "Attribution",
        partnershipId="ps3",
        dealId="dD",
        role="sourced",
        share=1.0,
        at="2024-02-01T00:00:00Z",
    ),
    record(
        "Attribution",
        partnershipId="ps2",
        dealId="dE",
        role="sourced",
        share=1.0,
        at="2024-03-15T00:00:00Z",
    ),
    record(
        "Attribution",
        partnershipId="ps2",
        dealId="dG",
        role="influenced",
        share=1.0,
        at="2024-03-01T00:00:00Z",
    ),
    record(
        "Registration",
        partnershipId="ps1",
        dealId="dF",
        status="approved",
        at="2024-02-20T00:00:00Z",
        expiresAt="2024-05-20T00:00:00Z",
    ),
    record(
        "Registration",
        partnershipId="ps2",
        dealId="dG",
        status="pending",
        at="2024-03-10T00:00:00Z",
        expiresAt="2024-06-10T00:00:00Z",
    ),
    record(
        "Registration",
        partnershipId="ps3",
        dealId="dH",
        status="approved",
        at="2024-05-20T12:00:00Z",
        expiresAt="2024-08-01T00:00:00Z",
    ),
    record(
        "Registration",
        partnershipId="ps4",
        dealId="dH",
        status="expired",
        at="2024-03-01T00:00:00Z",
        expiresAt="2024-09-01T00:00:00Z",
    ),
    record(
        "Registration",
        partnershipId="ps4",
        dealId="dI",
        status="approved",
        at="2024-05-21T00:00:00Z",
        expiresAt="2024-07-01T00:00:00Z",
    ),
    record(
        "Lead",
        id="l1",
        name="Lead 1",
        status="converted",
        createdDate="2024-01-20",
        convertedDate="2024-03-31",
        convertedDealId="dA",
        partnershipId="ps2",
    ),
    record(
        "Lead",
        id="l2",
        name="Lead 2",
        status="converted",
        createdDate="2024-02-10",
        convertedDate="2024-04-01",
        convertedDealId="dE",
        partnershipId="ps2",
    ),
    record(
        "Lead",
        id="l3",
        name="Lead 3",
        status="qualified",
        createdDate="2024-03-05",
        partnershipId="ps2",
    ),
    record(
        "Goal",
        id="g1",
        partnerId="p1",
        metric="won_value",
        target=2000.0,
        periodStart="2024-01-01",
        periodEnd="2024-03-31",
    ),
    record(
        "Goal",
        id="g2",
        partnerId="p1",
        metric="deals_won",
        target=4.0,
        periodStart="2024-01-01",
        periodEnd="2024-06-30",
    ),
    record(
        "Goal",
        id="g3",
        partnerId="p1",
        metric="registrations",
        target=2.0,
        periodStart="2023-01-01",
        periodEnd="2023-12-31",
    ),
]

Q1 = {"from": "2024-01-01", "to": "2024-03-31"}


async def build_graph(store: Store) -> None:
    """Load the graph described in the module docstring into an empty store."""
    await load(store, [RECORDS])
