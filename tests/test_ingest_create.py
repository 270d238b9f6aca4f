"""Rows a batch's state read finds absent are CREATEd (no MERGE per row); a writer that
creates one of those ids meanwhile makes the transaction fail its uniqueness
constraint, and the store layer runs it again, when the row is an update."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import neo4j.exceptions
import pytest

from graph_api import ingest
from graph_api.embedded import Connection
from graph_api.ingest.statements import NODE_QUERIES
from graph_api.store import Store
from tests.support.commands import import_in_background
from tests.support.ingest import ACTOR, changes, count, numbered
from tests.support.servers import LiveServer

SHARED = 120  # ids both the import and the API writers create
WRITERS = 6
UPSERT = """mutation($input: PartnerInput!) {
  upsertPartner(input: $input) { __typename ... on PartnerPayload { partner { id } } }
}"""


async def test_creating_a_taken_id_is_the_clash_the_store_retries(store: Store) -> None:
    await ingest.upsert(store, "Partner", {"id": "p1", "name": "Acme", "kind": "reseller"}, ACTOR)
    with pytest.raises(neo4j.exceptions.ConstraintError):
        await store.write_query(
            NODE_QUERIES["Partner"]["create"], rows=[{"id": "p1", "props": {"name": "Other"}}]
        )
    rows = await store.run_raw("MATCH (p:Partner) RETURN p.id AS id, p.name AS name")
    assert rows == [{"id": "p1", "name": "Acme"}]


async def test_one_batch_creates_the_absent_and_updates_the_present(store: Store) -> None:
    await ingest.upsert(store, "Customer", {"id": "c1", "name": "Initech"}, ACTOR)
    await ingest.upsert(store, "Deal", {"id": "d1", "name": "Old", "amount": 5}, ACTOR)
    rows = [
        {"type": "Deal", "id": "d1", "name": "Renamed", "customerId": "c1"},
        {"type": "Deal", "id": "d2", "name": "New", "amount": 7, "customerId": "c1"},
        {"type": "Deal", "id": "d3", "name": "Plain", "amount": 9},
    ]
    report = await ingest.import_records(store, numbered(rows), ACTOR)
    assert (report.accepted, report.changed, report.rejected) == (3, 3, [])
    deals = await store.run_raw(
        "MATCH (d:Deal) OPTIONAL MATCH (d)-[:FOR]->(c:Customer) "
        "RETURN d.id AS id, d.name AS name, d.amount AS amount, d.stage AS stage, "
        "d.createdAt IS NOT NULL AS stamped, c.id AS customer ORDER BY id"
    )
    assert deals == [
        {"id": "d1", "name": "Renamed", "amount": 5, "stage": "prospect", "stamped": True,
         "customer": "c1"},
        {"id": "d2", "name": "New", "amount": 7.0, "stage": "prospect", "stamped": True,
         "customer": "c1"},
        {"id": "d3", "name": "Plain", "amount": 9.0, "stage": "prospect", "stamped": True,
         "customer": None},
    ]  # fmt: skip
    log = [(c["id"], c["op"]) for c in await changes(store)]
    assert log[-3:] == [("d1", "update"), ("d2", "create"), ("d3", "create")]
    again = await ingest.import_records(store, numbered(rows), ACTOR)
    assert (again.accepted, again.changed) == (3, 0)
    assert await count(store, "MATCH ()-[r:FOR]->() RETURN count(r) AS n") == 2


async def _writer(client: httpx.AsyncClient, url: str, k: int) -> list[int]:
    """Upsert this writer's share of the shared ids; the HTTP status of each answer."""
    statuses = []
    for i in range(k, SHARED, WRITERS):
        response = await client.post(
            url,
            json={
                "query": UPSERT,
                "variables": {"input": {"id": f"same-{i}", "name": f"Same {i}", "kind": "MSP"}},
            },
        )
        body = response.json()
        ok = "errors" not in body and body["data"]["upsertPartner"]["__typename"] == (
            "PartnerPayload"
        )
        statuses.append(response.status_code if ok else -1)
    return statuses


async def test_an_import_racing_api_writers_on_the_same_ids_makes_one_node_each(
    server: LiveServer, store: Store, migrated: Connection, tmp_path: Path
) -> None:
    feed = tmp_path / "partners.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"type": "Partner", "id": f"same-{i}", "name": f"Same {i}", "kind": "msp"})
            + "\n"
            for i in range(SHARED)
        )
    )
    importing = import_in_background(feed, migrated)
    try:
        async with httpx.AsyncClient(timeout=120) as client:
            results = await asyncio.gather(
                *(_writer(client, server.graphql_url, k) for k in range(WRITERS))
            )
        stdout, stderr = await asyncio.to_thread(importing.communicate, timeout=240)
    finally:
        if importing.poll() is None:
            importing.kill()
            importing.communicate()
    assert importing.returncode == 0, stderr
    assert "0 rejected" in stdout + stderr
    assert {status for writer in results for status in writer} == {200}
    ids = await store.run_raw("MATCH (p:Partner) RETURN p.id AS id")
    assert sorted(row["id"] for row in ids) == sorted(f"same-{i}" for i in range(SHARED))
    # Whoever came first created each partner once; the other write found it unchanged.
    creates = [c["id"] for c in await changes(store) if c["op"] == "create"]
    assert sorted(creates) == sorted(f"same-{i}" for i in range(SHARED))
