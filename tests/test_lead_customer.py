"""A lead can name the customer account it concerns (an expansion lead at an existing
customer): through the API and import, kept on conversion, and only a customer the
writer can see."""

from __future__ import annotations

from typing import Any

from graph_api import ingest
from graph_api.context import PARTNER, Principal
from graph_api.store import Store
from tests.support.domain import build_graph, run, run_errors

ACME = Principal(sub="acme-user", role=PARTNER, partner_id="p1")
UPSERT = """mutation($i: LeadInput!) { upsertLead(input: $i) {
  __typename ... on LeadPayload { lead { id customerId customer { id name } } }
  ... on NotFoundError { id entityType } } }"""
CONVERT = """mutation($i: ConvertLeadInput!) { convertLead(input: $i) {
  __typename ... on ConvertLeadPayload { deal { id customerId customer { id } } } } }"""
LINKS = """MATCH (l:Lead {id: $id})-[:FOR]->(c:Customer) RETURN c.id AS id ORDER BY id"""


async def links(store: Store, lead: str) -> list[str]:
    return [r["id"] for r in await store.run_raw(LINKS, {"id": lead})]


async def customers(store: Store) -> int:
    rows = await store.run_raw("MATCH (c:Customer) RETURN count(c) AS n")
    return int(rows[0]["n"])


async def upsert(store: Store, data: dict[str, Any], **kw: Any) -> dict[str, Any]:
    result, _ = await run(store, UPSERT, {"i": data}, **kw)
    payload: dict[str, Any] = result["upsertLead"]
    return payload


async def test_a_lead_names_its_customer(store: Store) -> None:
    await build_graph(store)
    created = await upsert(
        store,
        {"id": "l-exp", "name": "Globex expansion", "partnershipId": "s1", "customerId": "c1"},
    )
    assert created["lead"] == {
        "id": "l-exp",
        "customerId": "c1",
        "customer": {"id": "c1", "name": "Globex"},
    }
    # Omitted, the customer stays; named, the link moves (one link, never two).
    assert (await upsert(store, {"id": "l-exp", "name": "Renamed"}))["lead"]["customerId"] == "c1"
    assert (await upsert(store, {"id": "l-exp", "customerId": "c2"}))["lead"]["customerId"] == "c2"
    assert await links(store, "l-exp") == ["c2"]
    # An unknown customer is a NotFoundError and changes nothing.
    missing = await upsert(store, {"id": "l-exp", "customerId": "nope"})
    assert missing == {"__typename": "NotFoundError", "id": "nope", "entityType": "Customer"}
    assert await links(store, "l-exp") == ["c2"]
    data, _ = await run(store, '{ lead(id: "l2") { customerId customer { id } } }')
    assert data["lead"] == {"customerId": None, "customer": None}


async def test_conversion_reuses_the_leads_customer(store: Store) -> None:
    await build_graph(store)
    await upsert(store, {"id": "l2", "customerId": "c1"})
    before = await customers(store)
    new_deal = {"id": "d-exp", "name": "Globex expansion", "amount": 5000}
    data, _ = await run(store, CONVERT, {"i": {"leadId": "l2", "deal": new_deal}})
    assert data["convertLead"]["deal"] == {
        "id": "d-exp",
        "customerId": "c1",
        "customer": {"id": "c1"},
    }
    assert await customers(store) == before
    # A deal given its own customer keeps it; an existing deal keeps the one it has.
    await upsert(store, {"id": "l-other", "name": "Other", "customerId": "c1"})
    explicit = {"id": "d-own", "name": "Own", "amount": 10, "customerId": "c2"}
    data, _ = await run(store, CONVERT, {"i": {"leadId": "l-other", "deal": explicit}})
    assert data["convertLead"]["deal"]["customerId"] == "c2"
    await upsert(store, {"id": "l-third", "name": "Third", "customerId": "c1"})
    data, _ = await run(store, CONVERT, {"i": {"leadId": "l-third", "deal": {"id": "d2"}}})
    assert data["convertLead"]["deal"]["customerId"] == "c2"


DEAL_FIELDS = """id name amount currency stage closeDate createdAt updatedAt customerId
  leadId lead { id } customer { id }"""
CONVERT_DEAL = (
    "mutation($i: ConvertLeadInput!) { convertLead(input: $i) { __typename "
    f"... on ConvertLeadPayload {{ deal {{ {DEAL_FIELDS} }} }} }} }}"
)


async def test_a_new_deal_takes_the_leads_customer_and_answers_as_it_reads(store: Store) -> None:
    await build_graph(store)
    await upsert(store, {"id": "l2", "customerId": "c1"})
    fresh = {"name": "Globex renewal", "amount": 70, "closeDate": "2024-05-01"}
    data, _ = await run(store, CONVERT_DEAL, {"i": {"leadId": "l2", "deal": fresh}})
    deal = data["convertLead"]["deal"]
    assert (deal["customerId"], deal["customer"], deal["leadId"], deal["lead"]) == (
        "c1",
        {"id": "c1"},
        "l2",
        {"id": "l2"},
    )
    assert (deal["name"], deal["amount"], deal["closeDate"]) == (
        "Globex renewal",
        70.0,
        "2024-05-01",
    )
    # The payload is built from what the write stored: a read answers the same.
    read, _ = await run(
        store, f"query($id: ID!) {{ deal(id: $id) {{ {DEAL_FIELDS} }} }}", {"id": deal["id"]}
    )
    assert read["deal"] == deal


async def test_partners_name_only_customers_they_can_see(store: Store) -> None:
    await build_graph(store)
    # p1 serves c1; c2 is p2's (served by it, its deal credited to p2 only).
    mine = {"id": "p1:exp-1", "name": "Expansion", "partnershipId": "s1", "customerId": "c1"}
    created = await upsert(store, mine, principal=ACME, scope=["p1"])
    assert created["lead"]["customer"] == {"id": "c1", "name": "Globex"}
    for data in (
        {"id": "p1:exp-2", "name": "Elsewhere", "partnershipId": "s1", "customerId": "c2"},
        {"id": "p1:exp-1", "customerId": "c2"},
        {"id": "p1:exp-3", "name": "Nowhere", "partnershipId": "s1", "customerId": "nope"},
    ):
        errors = await run_errors(store, UPSERT, {"i": data}, principal=ACME, scope=["p1"])
        assert [e.extensions["code"] for e in errors] == ["FORBIDDEN"], data
        assert (
            errors[0].message == f"customer {data['customerId']!r} is not yours (or does not exist)"
        )
    assert await links(store, "p1:exp-1") == ["c1"]
    assert (
        await store.run_raw("MATCH (l:Lead) WHERE l.id IN ['p1:exp-2', 'p1:exp-3'] RETURN l") == []
    )
    # A customer the vendor linked but the partner cannot see reads as null for it.
    await upsert(store, {"id": "l2", "customerId": "c2"})
    data, _ = await run(
        store, '{ lead(id: "l2") { customerId customer { id } } }', principal=ACME, scope=["p1"]
    )
    assert data["lead"] == {"customerId": None, "customer": None}


async def test_import_links_a_lead_to_its_customer(store: Store) -> None:
    await build_graph(store)
    rows = [
        (1, {"type": "Lead", "id": "l-imp", "name": "Imported", "customerId": "c1"}),
        (2, {"type": "Lead", "id": "l-bad", "name": "Bad", "customerId": "c-missing"}),
        (3, {"type": "Customer", "id": "c-late", "name": "Defined later"}),
        (4, {"type": "Lead", "id": "l-late", "name": "Late", "customerId": "c-late"}),
    ]
    report = await ingest.import_records(store, rows, "import")
    assert report.accepted == 3
    assert [(e.line, e.reason) for e in report.rejected] == [(2, "Customer 'c-missing' not found")]
    assert await links(store, "l-imp") == ["c1"]
    assert await links(store, "l-late") == ["c-late"]
    again = await ingest.import_records(store, rows, "import")
    assert again.changed == 0
