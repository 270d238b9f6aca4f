"""A small, fully linked partner graph and a GraphQL runner for the domain tests."""

from __future__ import annotations

from typing import Any

from graph_api.context import ANONYMOUS, Principal, RequestContext
from graph_api.schema import schema
from graph_api.store import Store, request_counter

# Three partners (p1 resells for distributor p3 and shares counts with p2),
# two programs, three partnerships, two customers with a contact each, three
# deals with credits and a registration, two leads (one converted), one goal.
GRAPH = """
CREATE (resell:Program {id: 'prog-resell', name: 'Reseller', commissionType: 'percent_of_deal',
                        commissionRate: 0.2, currency: 'EUR',
  createdAt: datetime('2024-01-01T00:00:00Z')})
CREATE (ref:Program {id: 'prog-ref', name: 'Referral', commissionType: 'per_lead',
                     flatAmount: 1000.0, currency: 'USD',
  createdAt: datetime('2024-01-02T00:00:00Z')})
CREATE (p1:Partner {id: 'p1', name: 'Acme Resell', domain: 'acme.com', kind: 'reseller',
                    tier: 'gold', region: 'EMEA',
  createdAt: datetime('2024-01-03T00:00:00Z')})
CREATE (p2:Partner {id: 'p2', name: 'Beta Refer', kind: 'referral', tier: 'silver',
                    region: 'NA',
  createdAt: datetime('2024-01-01T00:00:00Z')})
CREATE (p3:Partner {id: 'p3', name: 'Core Dist', kind: 'distributor', tier: 'platinum',
                    region: 'EMEA',
  createdAt: datetime('2024-01-02T00:00:00Z')})
CREATE (p1)-[:RESELLS_FOR]->(p3)
CREATE (p1)-[:SHARES_WITH {level: 'counts'}]->(p2)
CREATE (s1:Partnership {id: 's1', status: 'active', level: 'gold', startDate: date('2024-01-01')})
CREATE (s2:Partnership {id: 's2', status: 'active', startDate: date('2024-02-01')})
CREATE (s3:Partnership {id: 's3', status: 'pending', startDate: date('2024-03-01')})
CREATE (p1)-[:HOLDS]->(s1)-[:IN_PROGRAM]->(resell)
CREATE (p2)-[:HOLDS]->(s2)-[:IN_PROGRAM]->(ref)
CREATE (p1)-[:HOLDS]->(s3)-[:IN_PROGRAM]->(ref)
CREATE (c1:Customer {id: 'c1', name: 'Globex', region: 'EMEA', industry: 'Manufacturing',
                     size: 'enterprise'})
CREATE (c2:Customer {id: 'c2', name: 'Initech', region: 'NA', industry: 'Software', size: 'mid'})
CREATE (p1)-[:SERVES {since: date('2023-06-01')}]->(c1)
CREATE (p2)-[:SERVES {since: date('2023-07-01')}]->(c2)
CREATE (:Contact {id: 'ct1', name: 'Gail Globex', email: 'gail@globex.com'})-[:WORKS_AT]->(c1)
CREATE (:Contact {id: 'ct2', name: 'Ian Initech', email: 'ian@initech.com'})-[:WORKS_AT]->(c2)
CREATE (d1:Deal {id: 'd1', name: 'Globex renewal', amount: 50000.0, currency: 'EUR',
                 stage: 'won', closeDate: date('2024-05-01'),
  createdAt: datetime('2024-01-10T00:00:00Z')})
CREATE (d2:Deal {id: 'd2', name: 'Initech platform', amount: 12000.0, currency: 'USD',
                 stage: 'proposal', closeDate: date('2024-07-15'),
  createdAt: datetime('2024-01-12T00:00:00Z')})
CREATE (d3:Deal {id: 'd3', name: 'Globex expansion', amount: 8000.0, currency: 'EUR',
                 stage: 'prospect', closeDate: date('2024-09-30'),
  createdAt: datetime('2024-01-11T00:00:00Z')})
CREATE (d1)-[:FOR]->(c1)
CREATE (d2)-[:FOR]->(c2)
CREATE (d3)-[:FOR]->(c1)
CREATE (s1)-[:ATTRIBUTED {role: 'sourced', share: 0.6, at: datetime('2024-04-01T00:00:00Z')}]->(d1)
CREATE (s2)-[:ATTRIBUTED {role: 'influenced', share: 0.4,
  at: datetime('2024-04-02T00:00:00Z')}]->(d1)
CREATE (s2)-[:ATTRIBUTED {role: 'referred', share: 1.0, at: datetime('2024-04-03T00:00:00Z')}]->(d2)
CREATE (s1)-[:REGISTERED {at: datetime('2024-06-01T00:00:00Z'), status: 'approved',
                          expiresAt: datetime('2024-12-01T00:00:00Z')}]->(d3)
CREATE (l1:Lead {id: 'l1', name: 'Initech lead', status: 'converted',
                 createdDate: date('2024-01-05'), convertedDate: date('2024-01-12')})
CREATE (l2:Lead {id: 'l2', name: 'Hooli lead', status: 'new', createdDate: date('2024-02-05')})
CREATE (l1)-[:REFERRED_BY]->(s2)
CREATE (l1)-[:CONVERTED_TO]->(d2)
CREATE (l2)-[:REFERRED_BY]->(s3)
CREATE (p1)-[:HAS_GOAL]->(:Goal {id: 'g1', metric: 'won_value', target: 100000.0,
                                  periodStart: date('2024-01-01'), periodEnd: date('2024-12-31')})
"""


async def build_graph(store: Store) -> None:
    await store.run_raw(GRAPH)


async def run(
    store: Store,
    query: str,
    variables: dict[str, Any] | None = None,
    scope: list[str] | None = None,
    principal: Principal = ANONYMOUS,
) -> tuple[dict[str, Any], int]:
    """Execute against the real schema and store; returns (data, Cypher round trips)."""
    ctx = RequestContext(
        store=store, round_trips=request_counter(), scope=scope, principal=principal
    )
    result = await schema.execute(query, variable_values=variables, context_value=ctx)
    assert result.errors is None, result.errors
    assert result.data is not None
    assert ctx.round_trips is not None
    return result.data, ctx.round_trips.count


async def run_errors(
    store: Store,
    query: str,
    variables: dict[str, Any] | None = None,
    principal: Principal = ANONYMOUS,
    scope: list[str] | None = None,
) -> list[Any]:
    """Execute a query expected to fail; returns the GraphQL errors."""
    ctx = RequestContext(
        store=store, round_trips=request_counter(), principal=principal, scope=scope
    )
    result = await schema.execute(query, variable_values=variables, context_value=ctx)
    assert result.errors, result.data
    return list(result.errors)
