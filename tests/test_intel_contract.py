"""The relationship-intelligence root fields keep the names, argument types and
defaults the contract gives them (issue text, verbatim), so frontends and
partner portals written against it keep working."""

from __future__ import annotations

from graphql import GraphQLArgument, GraphQLObjectType, Undefined

from graph_api.schema import schema
from graph_api.store import Store
from tests.support.servers import LiveServer

CONTRACT = [
    "coSellingPairs(partnerId: ID, minSharedDeals: Int = 1, first: Int = 20)",
    "coSellRecommendations(partnerId: ID!, first: Int = 10)",
    "attributionPaths(dealId: ID!)",
    "dealCredit(dealId: ID!, model: AttributionModel!)",
    "attributionComparison(from: Date!, to: Date!, first: Int = 20)",
    "partnerEarnings(partnerId: ID!, from: Date!, to: Date!)",
    "accountOverlap(partnerId: ID!, otherPartnerId: ID!)",
    "connectionPath(fromId: ID!, toId: ID!, maxHops: Int = 4)",
    "registrationConflicts(dealId: ID!)",
    "partnerDashboard(partnerId: ID!, from: Date!, to: Date!)",
    "ecosystemHealth(from: Date!, to: Date!)",
    "relationshipView(rootId: ID!, depth: Int = 2, relationshipTypes: [String!], limit: Int = 200)",
]


def _argument(name: str, arg: GraphQLArgument) -> str:
    text = f"{name}: {arg.type}"
    # Written as in the contract: `= value` only for a non-null default.
    if arg.default_value is not Undefined and arg.default_value is not None:
        text += f" = {arg.default_value}"
    return text


def _signature(query: GraphQLObjectType, field: str) -> str:
    args = ", ".join(_argument(n, a) for n, a in query.fields[field].args.items())
    return f"{field}({args})"


def test_contract_fields_keep_their_arguments() -> None:
    query = schema._schema.query_type
    assert query is not None
    assert [_signature(query, line.split("(")[0]) for line in CONTRACT] == CONTRACT


NULLS = """
query ($none: Int) {
  coSellingPairs(minSharedDeals: $none, first: $none) { partner { id } otherPartner { id } }
  coSellRecommendations(partnerId: "p1", first: $none) { partner { id } }
  attributionComparison(from: "2024-01-01", to: "2024-03-31", first: $none) { wonDeals }
  connectionPath(fromId: "p4", toId: "d1", maxHops: $none) { length }
  relationshipView(rootId: "p3", depth: $none, relationshipTypes: ["SERVES"], limit: null) {
    depth nodes { id }
  }
}
"""


async def test_null_arguments_mean_their_defaults(
    live_server: LiveServer, intel_graph: Store
) -> None:
    body = live_server.gql(NULLS, {"none": None})
    assert "errors" not in body, body
    assert body["extensions"]["cypherRoundTrips"] == 5
    data = body["data"]
    # minSharedDeals 1, first 20: all three pairs of tests/test_intel_cosell.py.
    assert [(p["partner"]["id"], p["otherPartner"]["id"]) for p in data["coSellingPairs"]] == [
        ("p1", "p2"),
        ("p1", "p3"),
        ("p2", "p3"),
    ]
    assert [r["partner"]["id"] for r in data["coSellRecommendations"]] == ["p4", "p5"]
    assert data["attributionComparison"] == {"wonDeals": 3}  # dB, dD, dA
    # maxHops 4 reaches d1 in 3 hops (p4 -> p1 -> d2 -> d1).
    assert data["connectionPath"] == {"length": 3}
    # depth 2 over SERVES: p3 -> c2 -> p1.
    view = data["relationshipView"]
    assert (view["depth"], [n["id"] for n in view["nodes"]]) == (2, ["p3", "c2", "p1"])
