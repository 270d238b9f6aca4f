# ruff: noqa: E501  (the fixture graph reads best one entity per line)
"""The leaderboard graph of tests/test_leaderboards.py (and tests/test_challenges.py).

Period: Q1 2025. Partners (tier, region, program):
  ace  Ace Ltd   gold   EMEA  prg-x     won dw1 1000 (with bolt)           won value 1000
  bolt Bolt Ltd  gold   EMEA  prg-x     won dw1 1000 (with ace)            won value 1000
  cog  Cog Ltd   gold   EMEA  prg-x     won dw2 500, lost dl1; registered  won value  500
  dyn  Dyn Ltd   gold   NA    prg-y     won dw4 500                        won value  500
  eon  Eon Ltd   silver EMEA  prg-y     won dw0 9999 on 2024-12-31 (outside) won value 0
Consent toward cog: ace shares `overlaps` (named), bolt only `counts` (anonymous);
cog shares `full` with dyn, which is the wrong way round (dyn stays anonymous).
"""

from __future__ import annotations

GRAPH = """
CREATE (x:Program {id: 'prg-x', name: 'X'}), (y:Program {id: 'prg-y', name: 'Y'})
CREATE (ace:Partner {id: 'ace', name: 'Ace Ltd', kind: 'reseller', tier: 'gold', region: 'EMEA'})-[:HOLDS]->(pa:Partnership {id: 'ps-ace'})-[:IN_PROGRAM]->(x)
CREATE (bolt:Partner {id: 'bolt', name: 'Bolt Ltd', kind: 'reseller', tier: 'gold', region: 'EMEA'})-[:HOLDS]->(pb:Partnership {id: 'ps-bolt'})-[:IN_PROGRAM]->(x)
CREATE (cog:Partner {id: 'cog', name: 'Cog Ltd', kind: 'reseller', tier: 'gold', region: 'EMEA'})-[:HOLDS]->(pc:Partnership {id: 'ps-cog'})-[:IN_PROGRAM]->(x)
CREATE (dyn:Partner {id: 'dyn', name: 'Dyn Ltd', kind: 'msp', tier: 'gold', region: 'NA'})-[:HOLDS]->(pd:Partnership {id: 'ps-dyn'})-[:IN_PROGRAM]->(y)
CREATE (eon:Partner {id: 'eon', name: 'Eon Ltd', kind: 'msp', tier: 'silver', region: 'EMEA'})-[:HOLDS]->(pe:Partnership {id: 'ps-eon'})-[:IN_PROGRAM]->(y)
CREATE (pa)-[:ATTRIBUTED {role: 'sourced', share: 0.5}]->(dw1:Deal {id: 'dw1', amount: 1000.0, stage: 'won', closeDate: date('2025-01-10')})<-[:ATTRIBUTED {role: 'influenced', share: 0.5}]-(pb)
CREATE (pc)-[:ATTRIBUTED {role: 'sourced', share: 1.0}]->(dw2:Deal {id: 'dw2', amount: 500.0, stage: 'won', closeDate: date('2025-02-10')})
CREATE (pc)-[:ATTRIBUTED {role: 'sourced', share: 1.0}]->(:Deal {id: 'dl1', amount: 700.0, stage: 'lost', closeDate: date('2025-03-01')})
CREATE (pc)-[:REGISTERED {status: 'approved', at: datetime('2025-02-01T09:00:00Z')}]->(dw2)
CREATE (pd)-[:ATTRIBUTED {role: 'sourced', share: 1.0}]->(:Deal {id: 'dw4', amount: 500.0, stage: 'won', closeDate: date('2025-03-31')})
CREATE (pe)-[:ATTRIBUTED {role: 'sourced', share: 1.0}]->(:Deal {id: 'dw0', amount: 9999.0, stage: 'won', closeDate: date('2024-12-31')})
CREATE (ace)-[:SHARES_WITH {level: 'overlaps'}]->(cog), (bolt)-[:SHARES_WITH {level: 'counts'}]->(cog),
       (cog)-[:SHARES_WITH {level: 'full'}]->(dyn)
RETURN 1 AS created
"""
CERTIFY = """
MATCH (dyn:Partner {id: 'dyn'})
CREATE (c:Contact {id: 'k1', name: 'Kim'})-[:WORKS_FOR]->(dyn)
CREATE (c)-[:CERTIFIED {issuedDate: date('2025-02-02')}]->(:Course {id: 'course-1', name: 'Basics'})
CREATE (c)-[:CERTIFIED {issuedDate: date('2024-02-02')}]->(:Course {id: 'course-0', name: 'Old'})
RETURN 1 AS created
"""
Q1 = {"from": "2025-01-01", "to": "2025-03-31"}
