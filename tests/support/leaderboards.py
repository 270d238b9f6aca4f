# ruff: noqa: E501  (the fixture graph reads best one entity per line)
"""The leaderboard tests' graph: five partners in two programs, deals won, lost and
registered in Q1 2025, and sharing consent between some of them."""

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


Q1 = {"from": "2025-01-01", "to": "2025-03-31"}
