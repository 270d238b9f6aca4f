"""End to end over HTTP: build a graph with mutations, read it back, hit every error type."""

from __future__ import annotations

from typing import Any

from graph_api.store import Store
from tests.support.servers import LiveServer

RESULT = """__typename
  ... on ValidationError { message fields { path reason } }
  ... on NotFoundError { message id entityType }
  ... on ConflictError { message }"""

MUTATIONS = {
    "upsertPartner": "PartnerInput",
    "upsertProgram": "ProgramInput",
    "enrollPartner": "EnrollPartnerInput",
    "upsertCustomer": "CustomerInput",
    "upsertContact": "ContactInput",
    "upsertDeal": "DealInput",
    "upsertLead": "LeadInput",
    "upsertGoal": "GoalInput",
    "attributeDeal": "AttributeDealInput",
    "registerDeal": "RegisterDealInput",
    "convertLead": "ConvertLeadInput",
    "linkPartnerCustomer": "LinkPartnerCustomerInput",
    "setSharingConsent": "SharingConsentInput",
    "setDistributor": "SetDistributorInput",
    "deletePartner": "DeleteInput",
}


def mutate(server: LiveServer, name: str, input: dict[str, Any]) -> dict[str, Any]:
    body = server.gql(
        f"mutation($input: {MUTATIONS[name]}!) {{ {name}(input: $input) {{ {RESULT} }} }}",
        {"input": input},
    )
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"][name]
    return result


def build(server: LiveServer) -> None:
    steps: list[tuple[str, dict[str, Any]]] = [
        ("upsertPartner", {"id": "p1", "name": "Acme", "kind": "RESELLER", "region": "EMEA"}),
        ("upsertPartner", {"id": "p2", "name": "Beta", "kind": "REFERRAL", "region": "NA"}),
        ("upsertPartner", {"id": "p3", "name": "Dist", "kind": "DISTRIBUTOR"}),
        (
            "upsertProgram",
            {
                "id": "g1",
                "name": "Resell",
                "commissionType": "PERCENT_OF_DEAL",
                "commissionRate": 0.2,
            },
        ),
        (
            "upsertProgram",
            {"id": "g2", "name": "Refer", "commissionType": "PER_LEAD", "flatAmount": 1000},
        ),
        ("enrollPartner", {"id": "s1", "partnerId": "p1", "programId": "g1"}),
        ("enrollPartner", {"id": "s2", "partnerId": "p2", "programId": "g2"}),
        ("upsertCustomer", {"id": "c1", "name": "Globex", "domain": "WWW.globex.com"}),
        ("upsertContact", {"id": "ct1", "name": "Gail", "customerId": "c1"}),
        (
            "upsertDeal",
            {
                "id": "d1",
                "name": "Big",
                "amount": 9000,
                "stage": "WON",
                "customerId": "c1",
                "closeDate": "2024-05-01",
            },
        ),
        (
            "upsertDeal",
            {
                "id": "d2",
                "name": "Small",
                "amount": 100,
                "customerId": "c1",
                "closeDate": "2024-08-01",
            },
        ),
        ("upsertLead", {"id": "l1", "name": "Lead", "partnershipId": "s2"}),
        (
            "upsertGoal",
            {
                "id": "goal1",
                "partnerId": "p1",
                "metric": "DEALS_WON",
                "target": 3,
                "periodStart": "2024-01-01",
                "periodEnd": "2024-12-31",
            },
        ),
        (
            "attributeDeal",
            {
                "dealId": "d1",
                "attributions": [
                    {"partnershipId": "s1", "role": "SOURCED", "share": 0.6},
                    {"partnershipId": "s2", "role": "REFERRED", "share": 0.4},
                ],
            },
        ),
        ("registerDeal", {"dealId": "d2", "partnershipId": "s1"}),
        ("convertLead", {"leadId": "l1", "deal": {"id": "d1"}}),
        ("linkPartnerCustomer", {"partnerId": "p1", "customerId": "c1"}),
        ("setSharingConsent", {"partnerId": "p1", "withPartnerId": "p2", "level": "FULL"}),
        ("setDistributor", {"partnerId": "p1", "distributorId": "p3"}),
    ]
    for name, input in steps:
        result = mutate(server, name, input)
        assert result["__typename"].endswith("Payload"), (name, result)


NAVIGATE = """{
  partners(first: 10, region: EMEA, sort: NAME) { totalCount edges { node { id
    distributor { id } goals(first: 3) { totalCount }
    sharesWith(first: 3) { edges { node { withPartner { id } } } }
    customers(first: 3) { edges { node { id contacts(first: 3) { edges { node { id } } } } } }
    partnerships(first: 3) { edges { node { id program { id }
      deals(first: 3) { edges { node { id } } }
      registrations(first: 3) { edges { node { deal { id } } } } } } } } } }
  deal(id: "d1") { customer { domain } lead { id status }
    attributions(first: 5) { edges { node { role share partner { id } } } } }
  customer(id: "c1") { deals(first: 1) { totalCount edges { node { id } }
    pageInfo { hasNextPage } } partners(first: 5) { edges { node { id } } } }
  deals(first: 10, minAmount: 1000, stage: WON) { edges { node { id } } }
  program(id: "g2") { partnerships(first: 5) { edges { node { partner { id }
    leads(first: 5) { totalCount } } } } }
  changes(entityId: "d1", first: 100) { totalCount edges { node { operation actor } } }
  spring: deals(first: 10, closeFrom: "2024-04-01", closeTo: "2024-06-30") {
    edges { node { id } } }
  byClose: deals(first: 10, sort: CLOSE_DATE, direction: DESC) { edges { node { id } } }
}"""

# partners, their partnerships, those partnerships' programs and credited deals
LEVELS = """{ partners(first: 50) { edges { node { id partnerships(first: 5) { edges { node {
  program { id } deals(first: 5) { edges { node { id amount } } } } } } } } } }"""


async def test_build_and_navigate_over_http(server: LiveServer, store: Store) -> None:
    build(server)
    body = server.gql(NAVIGATE)
    assert "errors" not in body, body
    data = body["data"]
    assert data["partners"]["totalCount"] == 1
    p1 = data["partners"]["edges"][0]["node"]
    assert p1["id"] == "p1" and p1["distributor"] == {"id": "p3"}
    assert p1["goals"]["totalCount"] == 1
    assert p1["sharesWith"]["edges"] == [{"node": {"withPartner": {"id": "p2"}}}]
    assert p1["customers"]["edges"] == [
        {"node": {"id": "c1", "contacts": {"edges": [{"node": {"id": "ct1"}}]}}}
    ]
    s1 = p1["partnerships"]["edges"][0]["node"]
    assert s1["id"] == "s1" and s1["program"] == {"id": "g1"}
    assert s1["deals"]["edges"] == [{"node": {"id": "d1"}}]
    assert s1["registrations"]["edges"] == [{"node": {"deal": {"id": "d2"}}}]
    d1 = data["deal"]
    assert d1["customer"] == {"domain": "globex.com"}
    assert d1["lead"] == {"id": "l1", "status": "CONVERTED"}
    assert [e["node"] for e in d1["attributions"]["edges"]] == [
        {"role": "SOURCED", "share": 0.6, "partner": {"id": "p1"}},
        {"role": "REFERRED", "share": 0.4, "partner": {"id": "p2"}},
    ]
    c1 = data["customer"]
    assert c1["deals"]["totalCount"] == 2 and c1["deals"]["pageInfo"]["hasNextPage"] is True
    assert c1["deals"]["edges"] == [{"node": {"id": "d2"}}]
    assert c1["partners"]["edges"] == [{"node": {"id": "p1"}}]
    assert data["deals"]["edges"] == [{"node": {"id": "d1"}}]
    assert data["spring"]["edges"] == [{"node": {"id": "d1"}}]
    assert data["byClose"]["edges"] == [{"node": {"id": "d2"}}, {"node": {"id": "d1"}}]
    assert data["program"]["partnerships"]["edges"] == [
        {"node": {"partner": {"id": "p2"}, "leads": {"totalCount": 1}}}
    ]
    changes = data["changes"]
    assert changes["totalCount"] >= 1
    assert {e["node"]["actor"] for e in changes["edges"]} == {"anonymous"}
    # Round trips depend on the nesting depth of the query, not on the rows.
    levels = server.gql(LEVELS)
    assert levels["extensions"]["cypherRoundTrips"] == 4
    build_more = [
        (
            "upsertPartner",
            {"id": f"x{i}", "name": f"Extra {i}", "kind": "RESELLER", "region": "EMEA"},
        )
        for i in range(5)
    ]
    for name, input in build_more:
        assert mutate(server, name, input)["__typename"] == "PartnerPayload"
    again = server.gql(LEVELS)
    assert len(again["data"]["partners"]["edges"]) == 8
    assert again["extensions"]["cypherRoundTrips"] == 4


async def test_errors_and_idempotency_over_http(server: LiveServer, store: Store) -> None:
    build(server)
    partner = {"id": "p1", "name": "Acme", "kind": "RESELLER", "region": "EMEA"}
    assert mutate(server, "upsertPartner", partner)["__typename"] == "PartnerPayload"
    rows = await store.run_raw("MATCH (p:Partner {id: 'p1'}) RETURN count(p) AS n")
    assert rows == [{"n": 1}]
    invalid = mutate(server, "upsertDeal", {"id": "bad", "name": "Bad", "amount": -1})
    assert invalid["__typename"] == "ValidationError"
    assert invalid["fields"][0]["path"] == ["amount"]
    missing = mutate(server, "enrollPartner", {"partnerId": "p1", "programId": "nope"})
    assert missing["__typename"] == "NotFoundError" and missing["id"] == "nope"
    conflict = mutate(server, "deletePartner", {"id": "p1"})
    assert conflict["__typename"] == "ConflictError"
    cycle = mutate(server, "setDistributor", {"partnerId": "p3", "distributorId": "p1"})
    assert cycle["__typename"] == "ValidationError"
    bad_enum = server.gql(
        'mutation { upsertPartner(input: {name: "X", kind: ALIEN}) { __typename } }'
    )
    assert "ALIEN" in bad_enum["errors"][0]["message"]
    too_big = server.gql("{ partners(first: 500) { totalCount } }")
    assert too_big["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    bad_cursor = server.gql('{ deals(after: "garbage") { totalCount } }')
    assert bad_cursor["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    unknown = server.gql('{ partner(id: "nope") { id } deal(id: "nope") { id } }')
    assert unknown["data"] == {"partner": None, "deal": None}
    imported = server.gql(
        "mutation($lines: [String!]!) { importRecords(input: {lines: $lines}) { "
        "... on ImportRecordsPayload { accepted rejected { line reason } } } }",
        {
            "lines": [
                '{"type": "Serves", "partnerId": "p2", "customerId": "c1"}',
                '{"type": "Deal", "id": "d9"}',
            ]
        },
    )
    report = imported["data"]["importRecords"]
    assert report["accepted"] == 1
    assert [r["line"] for r in report["rejected"]] == [2]
