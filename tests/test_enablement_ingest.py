"""Enablement and channel records through the write path on the real store: import,
derived expiry dates, change entries naming the partners concerned, bad rows named
by line with nothing written, and the export round trip."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import pytest

from graph_api import ingest
from graph_api.errors import InputInvalid
from graph_api.exporting import write_export
from graph_api.store import Store
from tests.support.enablement import ACTOR, PARTNERS, RECORDS, load
from tests.support.ingest import count, nodes


async def _graph(store: Store) -> list[Any]:
    rows = await store.run_raw(
        "MATCH (n) WHERE NOT n:Migration AND NOT n:Change "
        "OPTIONAL MATCH (n)-[r]->(m) "
        "RETURN n.id AS id, type(r) AS rel, m.id AS to, properties(r) AS props "
        "ORDER BY id, rel, to"
    )
    return [(r["id"], r["rel"], r["to"], _without_stamps(r["props"])) for r in rows]


def _without_stamps(props: dict[str, Any] | None) -> dict[str, Any] | None:
    if props is None:
        return None
    return {k: v for k, v in props.items() if k not in ("createdAt", "updatedAt")}


async def test_import_lands_every_record_and_derives_the_expiry(store: Store) -> None:
    await load(store)
    assert await count(store, "MATCH (c:Course) RETURN count(c) AS n") == 2
    assert (
        await count(
            store,
            "MATCH (:Program)-[:REQUIRES]->(r:Requirement)-[:OF_COURSE]->(:Course) "
            "RETURN count(r) AS n",
        )
        == 3
    )
    assert (
        await count(store, "MATCH (:Contact)-[r:WORKS_FOR]->(:Partner) RETURN count(r) AS n") == 4
    )
    assert await count(store, "MATCH (:Contact)-[r:COMPLETED]->(:Course) RETURN count(r) AS n") == 2
    assert (
        await count(
            store,
            "MATCH (:Partner)-[:PLACED]->(o:Order)-[:INCLUDES]->(:Product) RETURN count(o) AS n",
        )
        == 4
    )
    assert await count(store, "MATCH (:Partner)-[s:STOCKS]->(:Product) RETURN count(s) AS n") == 3
    assert (
        await count(
            store,
            "MATCH (:Partner)-[:FILED]->(w:WarrantyClaim)-[:FOR_PRODUCT]->(:Product) "
            "MATCH (w)-[:AT_CUSTOMER]->(:Customer) RETURN count(w) AS n",
        )
        == 3
    )
    rows = await store.run_raw(
        "MATCH (:Contact {id: 'ann'})-[r:CERTIFIED]->(:Course {id: 'cert-install'}) "
        "RETURN r.expiresDate AS expires"
    )
    assert rows[0]["expires"].to_native() == date(2027, 1, 15)
    claim = await store.run_raw("MATCH (w:WarrantyClaim {id: 'w2'}) RETURN w.status AS s")
    assert claim[0]["s"] == "filed"  # the default


async def test_reimport_changes_nothing(store: Store) -> None:
    await load(store)
    before = await _graph(store)
    changes = await count(store, "MATCH (c:Change) RETURN count(c) AS n")
    report = await ingest.import_records(store, list(enumerate(RECORDS, start=1)), ACTOR)
    assert (report.accepted, report.changed, report.rejected) == (len(RECORDS), 0, [])
    assert await _graph(store) == before
    assert await count(store, "MATCH (c:Change) RETURN count(c) AS n") == changes


async def test_changes_name_the_partner_concerned(store: Store) -> None:
    await load(store)
    rows = await store.run_raw(
        "MATCH (c:Change) WHERE c.entityType IN ['CERTIFIED', 'COMPLETED', 'Order', "
        "'INCLUDES', 'STOCKS', 'WarrantyClaim', 'WORKS_FOR'] "
        "RETURN c.entityType AS type, c.entityId AS id, c.partnerIds AS partners "
        "ORDER BY type, id"
    )
    by_id = {(r["type"], r["id"]): r["partners"] for r in rows}
    assert by_id[("CERTIFIED", "bob->cert-install")] == ["dealer"]
    assert by_id[("COMPLETED", "cy->train-basics")] == ["other"]
    assert by_id[("Order", "o3")] == ["other"]
    assert by_id[("INCLUDES", "o1->valve")] == ["dealer"]
    assert by_id[("STOCKS", "other->valve")] == ["other"]
    assert by_id[("WarrantyClaim", "w1")] == ["dealer"]
    assert by_id[("WORKS_FOR", "dee->dist")] == ["dist"]


BAD: list[tuple[dict[str, Any], str]] = [
    (
        {"type": "Course", "id": "c-bad", "name": "x", "kind": "certification", "validityDays": -5},
        "validityDays: must not be negative (got -5)",
    ),
    (
        {"type": "Course", "id": "c-bad2", "name": "x", "kind": "webinar"},
        "kind: unknown value 'webinar'; one of training, certification",
    ),
    (
        {
            "type": "Requirement",
            "id": "r-bad",
            "programId": "prog",
            "courseId": "no-such-course",
            "tier": "gold",
            "contacts": 2,
        },
        "Course 'no-such-course' not found",
    ),
    (
        {
            "type": "Requirement",
            "id": "r-bad2",
            "programId": "prog",
            "courseId": "cert-install",
            "tier": "gold",
            "contacts": 1.5,
        },
        "contacts: must be a whole number (got 1.5)",
    ),
    (
        {
            "type": "Certification",
            "contactId": "bob",
            "courseId": "cert-install",
            "issuedDate": "2026-05-01",
            "expiresDate": "2026-04-01",
        },
        "expiresDate: is before issuedDate",
    ),
    (
        # A relationship record is whole: the issue date comes with every row.
        {
            "type": "Certification",
            "contactId": "ann",
            "courseId": "cert-install",
            "expiresDate": "2027-06-01",
        },
        "issuedDate: is required",
    ),
    (
        {
            "type": "Certification",
            "contactId": "ann",
            "courseId": "train-basics",
            "issuedDate": "2026-01-01",
        },
        "courseId: is a training course: record a Completion, not a Certification",
    ),
    (
        {
            "type": "Completion",
            "contactId": "ann",
            "courseId": "cert-install",
            "completedDate": "2026-01-01",
            "score": 120,
        },
        "score: must be between 0 and 100 (got 120)",
    ),
    (
        {
            "type": "Completion",
            "contactId": "nobody",
            "courseId": "train-basics",
            "completedDate": "2026-01-01",
        },
        "Contact 'nobody' not found",
    ),
    (
        {"type": "StockLevel", "partnerId": "dealer", "productId": "valve", "quantity": -3},
        "quantity: must not be negative (got -3)",
    ),
    (
        {"type": "StockLevel", "partnerId": "dealer", "productId": "no-such-sku", "quantity": 3},
        "Product 'no-such-sku' not found",
    ),
    (
        {"type": "OrderLine", "orderId": "o1", "productId": "pump-l", "quantity": -1},
        "quantity: must not be negative (got -1)",
    ),
    (
        {"type": "OrderLine", "orderId": "o1", "productId": "ghost", "quantity": 1},
        "Product 'ghost' not found",
    ),
    (
        {
            "type": "WarrantyClaim",
            "id": "w-bad",
            "partnerId": "dealer",
            "productId": "ghost",
            "filedDate": "2026-05-01",
        },
        "Product 'ghost' not found",
    ),
    (
        {
            "type": "WarrantyClaim",
            "id": "w-bad2",
            "partnerId": "dealer",
            "productId": "valve",
            "filedDate": "2026-05-01",
            "resolvedDate": "2026-04-01",
            "amount": -20,
        },
        "amount: must not be negative (got -20); resolvedDate: is before filedDate",
    ),
    (
        {"type": "WarrantyClaim", "id": "w1", "status": "lost"},
        "status: unknown value 'lost'; one of filed, approved, rejected, paid",
    ),
]


async def test_bad_rows_are_named_by_line_and_change_nothing(store: Store) -> None:
    await load(store)
    before = (await _graph(store), await nodes(store))
    changes = await count(store, "MATCH (c:Change) RETURN count(c) AS n")
    rows = list(enumerate([row for row, _ in BAD], start=1))
    report = await ingest.import_records(store, rows, ACTOR)
    assert report.accepted == 0
    assert [(e.line, e.reason) for e in sorted(report.rejected, key=lambda e: e.line)] == [
        (line, reason) for line, (_, reason) in enumerate(BAD, start=1)
    ]
    assert (await _graph(store), await nodes(store)) == before
    assert await count(store, "MATCH (c:Change) RETURN count(c) AS n") == changes


async def test_an_upsert_that_would_end_before_it_began_is_refused(store: Store) -> None:
    await load(store)
    with pytest.raises(InputInvalid) as error:
        await ingest.upsert(store, "Order", {"id": "o1", "deliveredDate": "2026-01-01"}, ACTOR)
    assert error.value.errors == [(["deliveredDate"], "is before orderedDate (2026-03-05)")]


async def test_a_recount_without_a_time_is_stamped_now(store: Store) -> None:
    await load(store, PARTNERS + [r for r in RECORDS if r["type"] == "Product"])
    first = {"partnerId": "dealer", "productId": "valve", "quantity": 4}
    stored = await ingest.upsert(store, "StockLevel", first, ACTOR)
    assert stored["countedAt"] == stored["createdAt"]
    again = await ingest.upsert(store, "StockLevel", first, ACTOR)
    assert again["countedAt"] == stored["countedAt"]  # nothing changed, nothing stamped


async def test_export_round_trips_the_new_records(store: Store) -> None:
    await load(store)
    out = io.StringIO()
    await write_export(store, out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    types = {r["type"] for r in records}
    assert {
        "Course",
        "Requirement",
        "WorksFor",
        "Completion",
        "Certification",
        "Product",
        "Order",
        "OrderLine",
        "StockLevel",
        "WarrantyClaim",
    } <= types
    claim = next(r for r in records if r.get("id") == "w1")
    assert claim["partnerId"] == "dealer" and claim["productId"] == "pump-s"
    assert claim["customerId"] == "cust"
    before = await _graph(store)
    await store.run_raw("MATCH (n) WHERE NOT n:Migration DETACH DELETE n")
    report = await ingest.import_records(store, list(enumerate(records, start=1)), ACTOR)
    assert report.rejected == []
    assert await _graph(store) == before
