# ruff: noqa: E501  (the fixture graph reads best one entity per line)
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

GRAPH = """
CREATE (p1:Partner {id: 'p1', name: 'Alpha', kind: 'reseller', tier: 'gold', region: 'EMEA', domain: 'alpha.io'})
CREATE (p2:Partner {id: 'p2', name: 'Bravo', kind: 'referral', tier: 'gold', region: 'EMEA', domain: 'bravo.io'})
CREATE (p3:Partner {id: 'p3', name: 'Charlie', kind: 'technology', tier: 'silver', region: 'NA', domain: 'charlie.io'})
CREATE (p4:Partner {id: 'p4', name: 'Delta', kind: 'integrator', tier: 'gold', region: 'EMEA', domain: 'delta.io'})
CREATE (p5:Partner {id: 'p5', name: 'Echo', kind: 'integrator', tier: 'gold', region: 'EMEA', domain: 'echo.io'})
CREATE (d1:Partner {id: 'd1', name: 'DistTop', kind: 'distributor', tier: 'platinum', region: 'EMEA'})
CREATE (d2:Partner {id: 'd2', name: 'DistMid', kind: 'distributor', tier: 'platinum', region: 'EMEA'})
CREATE (p1)-[:RESELLS_FOR]->(d2), (d2)-[:RESELLS_FOR]->(d1)
CREATE (res:Program {id: 'prg-res', name: 'Reseller', commissionType: 'percent_of_deal', commissionRate: $rate, currency: 'USD'})
CREATE (ref:Program {id: 'prg-ref', name: 'Referral', commissionType: 'per_lead', flatAmount: 1000.0, currency: 'USD'})
CREATE (ps1:Partnership {id: 'ps1', status: 'active'}), (p1)-[:HOLDS]->(ps1), (ps1)-[:IN_PROGRAM]->(res)
CREATE (ps2:Partnership {id: 'ps2', status: 'active'}), (p2)-[:HOLDS]->(ps2), (ps2)-[:IN_PROGRAM]->(ref)
CREATE (ps3:Partnership {id: 'ps3', status: 'active'}), (p3)-[:HOLDS]->(ps3), (ps3)-[:IN_PROGRAM]->(res)
CREATE (ps4:Partnership {id: 'ps4', status: 'active'}), (p4)-[:HOLDS]->(ps4), (ps4)-[:IN_PROGRAM]->(res)
CREATE (c1:Customer {id: 'c1', name: 'Cust One', domain: 'one.com', region: 'EMEA', industry: 'finance'})
CREATE (c2:Customer {id: 'c2', name: 'Cust Two', domain: 'two.com', region: 'NA', industry: 'retail'})
CREATE (c3:Customer {id: 'c3', name: 'Cust One Sub', domain: 'one.com', region: 'EMEA', industry: 'finance'})
CREATE (c4:Customer {id: 'c4', name: 'Cust Four', domain: 'four.com', region: 'EMEA', industry: 'health'})
CREATE (p1)-[:SERVES]->(c1), (p1)-[:SERVES]->(c2), (p2)-[:SERVES]->(c1), (p2)-[:SERVES]->(c3),
       (p3)-[:SERVES]->(c2), (p4)-[:SERVES]->(c1), (p5)-[:SERVES]->(c1)
CREATE (p2)-[:SHARES_WITH {level: 'full'}]->(p1), (p3)-[:SHARES_WITH {level: 'counts'}]->(p1),
       (p4)-[:SHARES_WITH {level: 'overlaps'}]->(p1)
CREATE (dA:Deal {id: 'dA', name: 'Deal A', amount: 1000.0, currency: 'USD', stage: 'won', createdDate: date('2024-01-10'), closeDate: date('2024-03-31')})-[:FOR]->(c1)
CREATE (dB:Deal {id: 'dB', name: 'Deal B', amount: 100.0, currency: 'USD', stage: 'won', createdDate: date('2023-12-01'), closeDate: date('2024-01-01')})-[:FOR]->(c2)
CREATE (dC:Deal {id: 'dC', name: 'Deal C', amount: 500.0, currency: 'USD', stage: 'lost', createdDate: date('2024-01-15'), closeDate: date('2024-02-15')})-[:FOR]->(c1)
CREATE (dD:Deal {id: 'dD', name: 'Deal D', amount: 0.0, currency: 'USD', stage: 'won', createdDate: date('2024-02-01'), closeDate: date('2024-02-01')})-[:FOR]->(c2)
CREATE (dE:Deal {id: 'dE', name: 'Deal E', amount: 750.0, currency: 'USD', stage: 'won', createdDate: date('2024-03-15'), closeDate: date('2024-04-01')})-[:FOR]->(c3)
CREATE (dF:Deal {id: 'dF', name: 'Deal F', amount: 300.0, currency: 'USD', stage: 'proposal', createdDate: date('2024-02-20')})-[:FOR]->(c1)
CREATE (dG:Deal {id: 'dG', name: 'Deal G', amount: 200.0, currency: 'USD', stage: 'negotiation', createdDate: date('2024-03-01')})-[:FOR]->(c3)
CREATE (dH:Deal {id: 'dH', name: 'Deal H', amount: 50.0, currency: 'USD', stage: 'prospect', createdDate: date('2024-01-05')})-[:FOR]->(c1)
CREATE (dI:Deal {id: 'dI', name: 'Deal I', amount: 10.0, currency: 'USD', stage: 'prospect', createdDate: date('2024-05-01')})-[:FOR]->(c1)
CREATE (ps1)-[:ATTRIBUTED {role: 'sourced', share: 0.6, at: datetime('2024-01-10T00:00:00Z')}]->(dA)
CREATE (ps2)-[:ATTRIBUTED {role: 'referred', share: 0.4, at: datetime('2024-03-01T00:00:00Z')}]->(dA)
CREATE (ps1)-[:ATTRIBUTED {role: 'influenced', share: 0.5, at: datetime('2023-12-01T00:00:00Z')}]->(dB)
CREATE (ps2)-[:ATTRIBUTED {role: 'delivered', share: 0.25, at: datetime('2023-12-02T00:00:00Z')}]->(dB)
CREATE (ps3)-[:ATTRIBUTED {role: 'sourced', share: 0.25, at: datetime('2023-12-03T00:00:00Z')}]->(dB)
CREATE (ps1)-[:ATTRIBUTED {role: 'sourced', share: 1.0, at: datetime('2024-01-15T00:00:00Z')}]->(dC)
CREATE (ps3)-[:ATTRIBUTED {role: 'sourced', share: 1.0, at: datetime('2024-02-01T00:00:00Z')}]->(dD)
CREATE (ps2)-[:ATTRIBUTED {role: 'sourced', share: 1.0, at: datetime('2024-03-15T00:00:00Z')}]->(dE)
CREATE (ps2)-[:ATTRIBUTED {role: 'influenced', share: 1.0, at: datetime('2024-03-01T00:00:00Z')}]->(dG)
CREATE (ps1)-[:REGISTERED {status: 'approved', at: datetime('2024-02-20T00:00:00Z'), expiresAt: datetime('2024-05-20T00:00:00Z')}]->(dF)
CREATE (ps2)-[:REGISTERED {status: 'pending', at: datetime('2024-03-10T00:00:00Z'), expiresAt: datetime('2024-06-10T00:00:00Z')}]->(dG)
CREATE (ps3)-[:REGISTERED {status: 'approved', at: datetime('2024-05-20T12:00:00Z'), expiresAt: datetime('2024-08-01T00:00:00Z')}]->(dH)
CREATE (ps4)-[:REGISTERED {status: 'expired', at: datetime('2024-03-01T00:00:00Z'), expiresAt: datetime('2024-09-01T00:00:00Z')}]->(dH)
CREATE (ps4)-[:REGISTERED {status: 'approved', at: datetime('2024-05-21T00:00:00Z'), expiresAt: datetime('2024-07-01T00:00:00Z')}]->(dI)
CREATE (l1:Lead {id: 'l1', name: 'Lead 1', status: 'converted', createdDate: date('2024-01-20'), convertedDate: date('2024-03-31')})
CREATE (l2:Lead {id: 'l2', name: 'Lead 2', status: 'converted', createdDate: date('2024-02-10'), convertedDate: date('2024-04-01')})
CREATE (l3:Lead {id: 'l3', name: 'Lead 3', status: 'qualified', createdDate: date('2024-03-05')})
CREATE (l1)-[:REFERRED_BY]->(ps2), (l2)-[:REFERRED_BY]->(ps2), (l3)-[:REFERRED_BY]->(ps2)
CREATE (l1)-[:CONVERTED_TO]->(dA), (l2)-[:CONVERTED_TO]->(dE)
CREATE (p1)-[:HAS_GOAL]->(:Goal {id: 'g1', metric: 'won_value', target: 2000.0, periodStart: date('2024-01-01'), periodEnd: date('2024-03-31')})
CREATE (p1)-[:HAS_GOAL]->(:Goal {id: 'g2', metric: 'deals_won', target: 4.0, periodStart: date('2024-01-01'), periodEnd: date('2024-06-30')})
CREATE (p1)-[:HAS_GOAL]->(:Goal {id: 'g3', metric: 'registrations', target: 2.0, periodStart: date('2023-01-01'), periodEnd: date('2023-12-31')})
RETURN 1 AS created
"""

Q1 = {"from": "2024-01-01", "to": "2024-03-31"}


async def build_graph(store: Store) -> None:
    """Load the graph described in the module docstring into an empty store."""
    await store.run_raw(GRAPH, {"rate": 0.2})
