"""A small, fully linked partner graph and a GraphQL runner for the domain tests."""

from __future__ import annotations

from typing import Any

from graph_api.context import ANONYMOUS, Principal, RequestContext
from graph_api.schema import schema
from graph_api.store import Store, request_counter
from tests.support.graphs import Record, load, record

# Three partners (p1 resells for distributor p3 and shares counts with p2),
# two programs, three partnerships, two customers with a contact each, three
# deals with credits and a registration, two leads (one converted), one goal.
# Three waves, so that creation order differs from id order: partners were
# created p2, p3, p1; deals d1, d3, d2; programs prog-resell, prog-ref.
WAVES: list[list[Record]] = [
    [
        record(
            "Program",
            id="prog-resell",
            name="Reseller",
            commissionType="percent_of_deal",
            commissionRate=0.2,
            currency="EUR",
        ),
        record("Partner", id="p2", name="Beta Refer", kind="referral", tier="silver", region="NA"),
        record(
            "Customer",
            id="c1",
            name="Globex",
            region="EMEA",
            industry="Manufacturing",
            size="enterprise",
        ),
        record("Customer", id="c2", name="Initech", region="NA", industry="Software", size="mid"),
        record(
            "Deal",
            id="d1",
            name="Globex renewal",
            amount=50000.0,
            currency="EUR",
            stage="won",
            closeDate="2024-05-01",
            customerId="c1",
        ),
    ],
    [
        record(
            "Program",
            id="prog-ref",
            name="Referral",
            commissionType="per_lead",
            flatAmount=1000.0,
            currency="USD",
        ),
        record(
            "Partner", id="p3", name="Core Dist", kind="distributor", tier="platinum", region="EMEA"
        ),
        record(
            "Deal",
            id="d3",
            name="Globex expansion",
            amount=8000.0,
            currency="EUR",
            stage="prospect",
            closeDate="2024-09-30",
            customerId="c1",
        ),
    ],
    [
        record(
            "Partner",
            id="p1",
            name="Acme Resell",
            domain="acme.com",
            kind="reseller",
            tier="gold",
            region="EMEA",
        ),
        record(
            "Deal",
            id="d2",
            name="Initech platform",
            amount=12000.0,
            currency="USD",
            stage="proposal",
            closeDate="2024-07-15",
            customerId="c2",
        ),
        record("ResellsFor", partnerId="p1", distributorId="p3"),
        record("SharesWith", partnerId="p1", withPartnerId="p2", level="counts"),
        record(
            "Partnership",
            id="s1",
            partnerId="p1",
            programId="prog-resell",
            status="active",
            level="gold",
            startDate="2024-01-01",
        ),
        record(
            "Partnership",
            id="s2",
            partnerId="p2",
            programId="prog-ref",
            status="active",
            startDate="2024-02-01",
        ),
        record(
            "Partnership",
            id="s3",
            partnerId="p1",
            programId="prog-ref",
            status="pending",
            startDate="2024-03-01",
        ),
        record("Serves", partnerId="p1", customerId="c1", since="2023-06-01"),
        record("Serves", partnerId="p2", customerId="c2", since="2023-07-01"),
        record("Contact", id="ct1", name="Gail Globex", email="gail@globex.com", customerId="c1"),
        record("Contact", id="ct2", name="Ian Initech", email="ian@initech.com", customerId="c2"),
        record(
            "Attribution",
            partnershipId="s1",
            dealId="d1",
            role="sourced",
            share=0.6,
            at="2024-04-01T00:00:00Z",
        ),
        record(
            "Attribution",
            partnershipId="s2",
            dealId="d1",
            role="influenced",
            share=0.4,
            at="2024-04-02T00:00:00Z",
        ),
        record(
            "Attribution",
            partnershipId="s2",
            dealId="d2",
            role="referred",
            share=1.0,
            at="2024-04-03T00:00:00Z",
        ),
        record(
            "Registration",
            partnershipId="s1",
            dealId="d3",
            at="2024-06-01T00:00:00Z",
            status="approved",
            expiresAt="2024-12-01T00:00:00Z",
        ),
        record(
            "Lead",
            id="l1",
            name="Initech lead",
            status="converted",
            createdDate="2024-01-05",
            convertedDate="2024-01-12",
            partnershipId="s2",
            convertedDealId="d2",
        ),
        record(
            "Lead",
            id="l2",
            name="Hooli lead",
            status="new",
            createdDate="2024-02-05",
            partnershipId="s3",
        ),
        record(
            "Goal",
            id="g1",
            partnerId="p1",
            metric="won_value",
            target=100000.0,
            periodStart="2024-01-01",
            periodEnd="2024-12-31",
        ),
    ],
]


async def build_graph(store: Store) -> None:
    await load(store, WAVES)


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
