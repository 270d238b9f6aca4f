"""The ingest API against the real store: upserts of every record type, idempotency,
source keys, domain merging, change entries, and atomic failure."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from graph_api import ingest
from graph_api.errors import Conflict, EntityNotFound, InputInvalid
from graph_api.store import Store
from tests.support.ingest import ACTOR, base, changes, count, nodes


async def test_partner_upsert_normalizes_and_records_a_create(store: Store) -> None:
    result = await ingest.upsert(
        store,
        "Partner",
        {
            "id": "p1",
            "name": " Acme ",
            "kind": "RESELLER",
            "tier": "Gold",
            "region": "emea",
            "domain": "HTTPS://www.Acme.COM/about?x=1",
        },
        ACTOR,
    )
    assert result["id"] == "p1"
    assert result["name"] == "Acme"
    assert (result["kind"], result["tier"], result["region"]) == ("reseller", "gold", "EMEA")
    assert result["domain"] == "acme.com"
    assert isinstance(result["createdAt"], datetime)
    assert result["createdAt"] == result["updatedAt"]
    stored = await store.run_raw("MATCH (p:Partner {id: 'p1'}) RETURN p.domain AS d, p.kind AS k")
    assert stored == [{"d": "acme.com", "k": "reseller"}]
    log = await changes(store)
    assert len(log) == 1
    assert log[0]["type"] == "Partner" and log[0]["op"] == "create"
    assert log[0]["actor"] == ACTOR and log[0]["partners"] == ["p1"]
    assert log[0]["fields"] == ["domain", "id", "kind", "name", "region", "tier"]


async def test_every_record_type_upserts(store: Store) -> None:
    await base(store)
    contact = await ingest.upsert(
        store,
        "Contact",
        {
            "id": "ct1",
            "name": "Jo Doe",
            "email": "Jo@Globex.com",
            "title": "CIO",
            "customerId": "c1",
        },
        ACTOR,
    )
    assert contact["email"] == "jo@globex.com" and contact["customerId"] == "c1"
    lead = await ingest.upsert(
        store,
        "Lead",
        {
            "id": "l1",
            "name": "Globex lead",
            "partnershipId": "ps2",
            "convertedDealId": "d1",
            "createdDate": "2025-01-02",
        },
        ACTOR,
    )
    assert lead["status"] == "converted"
    assert lead["createdDate"] == date(2025, 1, 2)
    attribution = await ingest.upsert(
        store,
        "Attribution",
        {
            "dealId": "d1",
            "partnershipId": "ps1",
            "role": "Sourced",
            "share": 0.7,
            "at": "2025-02-03T10:00:00Z",
        },
        ACTOR,
    )
    assert {k: attribution[k] for k in ("dealId", "partnershipId", "role", "share", "at")} == {
        "dealId": "d1",
        "partnershipId": "ps1",
        "role": "sourced",
        "share": 0.7,
        "at": datetime(2025, 2, 3, 10, tzinfo=UTC),
    }
    registration = await ingest.upsert(
        store,
        "Registration",
        {"dealId": "d1", "partnershipId": "ps1", "expiresAt": "2025-06-01T00:00:00+02:00"},
        ACTOR,
    )
    assert registration["status"] == "pending"
    assert registration["expiresAt"] == datetime(2025, 5, 31, 22, tzinfo=UTC)
    serves = await ingest.upsert(
        store, "Serves", {"partnerId": "p1", "customerId": "c1", "since": "2020-05-01"}, ACTOR
    )
    assert serves["since"] == date(2020, 5, 1)
    resells = await ingest.upsert(
        store, "ResellsFor", {"partnerId": "p1", "distributorId": "p2"}, ACTOR
    )
    assert (resells["partnerId"], resells["distributorId"]) == ("p1", "p2")
    shares = await ingest.upsert(
        store, "SharesWith", {"partnerId": "p1", "withPartnerId": "p2", "level": "OVERLAPS"}, ACTOR
    )
    assert shares["level"] == "overlaps"
    goal = await ingest.upsert(
        store,
        "Goal",
        {
            "id": "g1",
            "partnerId": "p1",
            "metric": "won_value",
            "target": 250000,
            "periodStart": "2025-01-01",
            "periodEnd": "2025-12-31",
        },
        ACTOR,
    )
    assert goal["target"] == 250000.0 and goal["partnerId"] == "p1"

    edges = await store.run_raw(
        "MATCH (a)-[r]->(b) WHERE NOT a:Change RETURN type(r) AS t, a.id AS a, b.id AS b "
        "ORDER BY t, a, b"
    )
    assert edges == [
        {"t": "ATTRIBUTED", "a": "ps1", "b": "d1"},
        {"t": "CONVERTED_TO", "a": "l1", "b": "d1"},
        {"t": "FOR", "a": "d1", "b": "c1"},
        {"t": "HAS_GOAL", "a": "p1", "b": "g1"},
        {"t": "HOLDS", "a": "p1", "b": "ps1"},
        {"t": "HOLDS", "a": "p2", "b": "ps2"},
        {"t": "IN_PROGRAM", "a": "ps1", "b": "prog-r"},
        {"t": "IN_PROGRAM", "a": "ps2", "b": "prog-l"},
        {"t": "REFERRED_BY", "a": "l1", "b": "ps2"},
        {"t": "REGISTERED", "a": "ps1", "b": "d1"},
        {"t": "RESELLS_FOR", "a": "p1", "b": "p2"},
        {"t": "SERVES", "a": "p1", "b": "c1"},
        {"t": "SHARES_WITH", "a": "p1", "b": "p2"},
        {"t": "WORKS_AT", "a": "ct1", "b": "c1"},
    ]
    log = await changes(store)
    attributed = [c for c in log if c["type"] == "ATTRIBUTED"]
    assert attributed[0]["op"] == "link" and attributed[0]["id"] == "ps1->d1"
    assert attributed[0]["partners"] == ["p1"]


@pytest.mark.parametrize(
    ("record_type", "data"),
    [
        ("Customer", {"id": "c9", "name": "Initech", "domain": "initech.com", "size": "mid"}),
        ("Deal", {"id": "d9", "name": "Big one", "amount": "1200.50", "currency": "eur"}),
        ("Attribution", {"dealId": "d1", "partnershipId": "ps2", "role": "referred", "share": 0.1}),
        ("Serves", {"partnerId": "p2", "customerId": "c1"}),
    ],
)
async def test_same_record_twice_is_one_record_and_one_change(
    store: Store, record_type: str, data: dict[str, Any]
) -> None:
    await base(store)
    before_nodes = await nodes(store)
    before_changes = len(await changes(store))
    first = await ingest.upsert(store, record_type, data, ACTOR)
    second = await ingest.upsert(store, record_type, data, ACTOR)
    assert second == first
    assert second["updatedAt"] == first["updatedAt"]
    log = await changes(store)
    assert len(log) == before_changes + 1
    created = 0 if record_type in ("Attribution", "Serves") else 1
    assert await nodes(store) == before_nodes + created


async def test_update_changes_only_given_fields_and_logs_before_after(store: Store) -> None:
    await base(store)
    first = await ingest.upsert(store, "Deal", {"id": "d1"}, ACTOR)
    assert first["amount"] == 50000.0 and first["stage"] == "prospect"
    updated = await ingest.upsert(store, "Deal", {"id": "d1", "stage": "WON"}, ACTOR)
    assert updated["stage"] == "won" and updated["amount"] == 50000.0
    assert updated["updatedAt"] > updated["createdAt"]
    log = await changes(store)
    assert log[-1]["op"] == "update" and log[-1]["fields"] == ["stage"]
    assert json.loads(log[-1]["before"]) == {"stage": "prospect"}
    assert json.loads(log[-1]["after"]) == {"stage": "won"}


async def test_reference_change_moves_the_relationship(store: Store) -> None:
    await base(store)
    await ingest.upsert(store, "Customer", {"id": "c2", "name": "Umbrella"}, ACTOR)
    moved = await ingest.upsert(store, "Deal", {"id": "d1", "customerId": "c2"}, ACTOR)
    assert moved["customerId"] == "c2"
    rows = await store.run_raw("MATCH (:Deal {id: 'd1'})-[:FOR]->(c) RETURN c.id AS c")
    assert rows == [{"c": "c2"}]
    log = await changes(store)
    assert json.loads(log[-1]["before"]) == {"customerId": "c1"}


async def test_source_system_and_external_id_identify_a_record(store: Store) -> None:
    data = {"name": "Hooli", "kind": "technology", "sourceSystem": "crm", "externalId": "A-1"}
    first = await ingest.upsert(store, "Partner", data, ACTOR)
    assert len(first["id"]) == 32
    second = await ingest.upsert(store, "Partner", {**data, "tier": "gold"}, ACTOR)
    assert second["id"] == first["id"] and second["tier"] == "gold"
    other = await ingest.upsert(store, "Partner", {**data, "externalId": "A-2"}, ACTOR)
    assert other["id"] != first["id"]
    assert await count(store, "MATCH (p:Partner) RETURN count(p) AS n") == 2


async def test_the_same_customer_from_two_systems_is_one_node(store: Store) -> None:
    crm = await ingest.upsert(
        store,
        "Customer",
        {"name": "Globex", "domain": "globex.com", "sourceSystem": "crm", "externalId": "7"},
        ACTOR,
    )
    erp = await ingest.upsert(
        store,
        "Customer",
        {
            "name": "Globex",
            "domain": "http://WWW.Globex.com/",
            "sourceSystem": "erp",
            "externalId": "K-99",
            "industry": "energy",
        },
        ACTOR,
    )
    assert erp["id"] == crm["id"]
    assert erp["industry"] == "energy"
    # The node keeps the keys of the system that created it, so both re-imports are no-ops.
    assert (erp["sourceSystem"], erp["externalId"]) == ("crm", "7")
    count_before = len(await changes(store))
    again = await ingest.upsert(
        store,
        "Customer",
        {"name": "Globex", "domain": "globex.com", "sourceSystem": "erp", "externalId": "K-99"},
        ACTOR,
    )
    assert again["id"] == crm["id"]
    assert len(await changes(store)) == count_before
    assert await count(store, "MATCH (c:Customer) RETURN count(c) AS n") == 1


async def test_partners_merge_by_domain_too(store: Store) -> None:
    first = await ingest.upsert(
        store, "Partner", {"name": "Acme", "kind": "reseller", "domain": "acme.io"}, ACTOR
    )
    second = await ingest.upsert(
        store, "Partner", {"name": "ACME Inc", "kind": "reseller", "domain": "www.acme.io"}, ACTOR
    )
    assert second["id"] == first["id"] and second["name"] == "ACME Inc"


async def test_currency_codes_are_normalized(store: Store) -> None:
    deal = await ingest.upsert(
        store, "Deal", {"id": "d1", "name": "x", "amount": 10, "currency": " eur "}, ACTOR
    )
    assert deal["currency"] == "EUR"


async def test_a_failure_in_a_batch_rolls_back_everything(store: Store) -> None:
    await base(store)
    before_nodes = await nodes(store)
    before_changes = len(await changes(store))
    with pytest.raises(EntityNotFound) as error:
        await ingest.upsert_many(
            store,
            [
                ("Customer", {"id": "c-new", "name": "Initech"}),
                (
                    "Deal",
                    {"id": "d-new", "name": "Initech deal", "amount": 5, "customerId": "c-new"},
                ),
                (
                    "Attribution",
                    {"dealId": "d-new", "partnershipId": "nope", "role": "sourced", "share": 1},
                ),
            ],
            ACTOR,
        )
    assert (error.value.entity_type, error.value.entity_id) == ("Partnership", "nope")
    assert await nodes(store) == before_nodes
    assert len(await changes(store)) == before_changes


async def test_upsert_many_reports_the_index_of_the_bad_record(store: Store) -> None:
    with pytest.raises(InputInvalid) as error:
        await ingest.upsert_many(
            store,
            [
                ("Partner", {"id": "p1", "name": "A", "kind": "reseller"}),
                ("Partner", {"id": "p2", "name": "B", "kind": "nonsense"}),
            ],
            ACTOR,
        )
    assert error.value.errors[0][0] == ["1", "kind"]
    assert await nodes(store) == 0


async def test_a_source_key_of_another_node_is_a_conflict(store: Store) -> None:
    await ingest.upsert(
        store,
        "Partner",
        {"id": "p1", "name": "A", "kind": "msp", "sourceSystem": "crm", "externalId": "9"},
        ACTOR,
    )
    with pytest.raises(Conflict) as error:
        await ingest.upsert(
            store,
            "Partner",
            {"id": "p2", "name": "B", "kind": "msp", "sourceSystem": "crm", "externalId": "9"},
            ACTOR,
        )
    assert (
        str(error.value)
        == "sourceSystem 'crm' externalId '9' already identify Partner 'p1', not 'p2'"
    )
    assert await count(store, "MATCH (p:Partner) RETURN count(p) AS n") == 1
    # The owner itself may repeat its keys.
    same = await ingest.upsert(
        store,
        "Partner",
        {"id": "p1", "name": "A2", "sourceSystem": "crm", "externalId": "9"},
        ACTOR,
    )
    assert same["name"] == "A2"


async def test_references_of_a_lead_and_a_goal_move(store: Store) -> None:
    await base(store)
    await ingest.upsert(store, "Lead", {"id": "l1", "name": "Lead", "partnershipId": "ps1"}, ACTOR)
    moved = await ingest.upsert(
        store, "Lead", {"id": "l1", "partnershipId": "ps2", "convertedDealId": "d1"}, ACTOR
    )
    assert (moved["partnershipId"], moved["convertedDealId"]) == ("ps2", "d1")
    goal = {
        "id": "g1",
        "partnerId": "p1",
        "metric": "deals_won",
        "target": 3,
        "periodStart": "2025-01-01",
        "periodEnd": "2025-06-30",
    }
    await ingest.upsert(store, "Goal", goal, ACTOR)
    await ingest.upsert(store, "Goal", {"id": "g1", "partnerId": "p2"}, ACTOR)
    edges = await store.run_raw(
        "MATCH (a)-[r:REFERRED_BY|CONVERTED_TO|HAS_GOAL]->(b) "
        "RETURN type(r) AS t, a.id AS a, b.id AS b ORDER BY t"
    )
    assert edges == [
        {"t": "CONVERTED_TO", "a": "l1", "b": "d1"},
        {"t": "HAS_GOAL", "a": "p2", "b": "g1"},
        {"t": "REFERRED_BY", "a": "l1", "b": "ps2"},
    ]
