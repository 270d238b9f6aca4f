"""Concurrent writers: every write succeeds and the change log stays gapless.

Every write bumps one change-log counter. Sixteen GraphQL writers on distinct
records run against the live server while ``graph-api import`` writes from
another process, so both kinds of clash are exercised: writers in one process
(queued by the store layer) and writers in two processes (retried after the
store refuses the loser). Runs on the embedded store by default and on Neo4j
when NEO4J_URI is set.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
from pathlib import Path
from typing import Any

import httpx

from graph_api.changes import CREATE, Change, record
from graph_api.embedded import Connection
from graph_api.store import Store, Tx
from tests.support.commands import import_in_background
from tests.support.servers import LiveServer

WRITERS = 16
MIN_WRITES_EACH = 6
MAX_WRITES_EACH = 40
IMPORTED = 400

UPSERT = """mutation($input: PartnerInput!) {
  upsertPartner(input: $input) { __typename ... on PartnerPayload { partner { id } } }
}"""
LOG = "MATCH (c:Change) RETURN c.seq AS seq, c.entityId AS entityId ORDER BY seq"
PARTNERS = "MATCH (p:Partner) RETURN count(p) AS n"


async def _writer(
    client: httpx.AsyncClient, url: str, k: int, importing: subprocess.Popen[str]
) -> list[dict[str, Any]]:
    """Create then rename partners until the import is done (bounded either way)."""
    answers: list[dict[str, Any]] = []
    j = 0
    while j < MAX_WRITES_EACH and (j < MIN_WRITES_EACH or importing.poll() is None):
        pid = f"w{k}-{j // 2}"
        name = f"Writer {k} record {j // 2}" + (" renamed" if j % 2 else "")
        response = await client.post(
            url,
            json={
                "query": UPSERT,
                "variables": {"input": {"id": pid, "name": name, "kind": "RESELLER"}},
            },
        )
        answers.append({"status": response.status_code, "body": response.json()})
        j += 1
    return answers


async def test_concurrent_writers_and_import_all_succeed_without_gaps(
    server: LiveServer, store: Store, migrated: Connection, tmp_path: Path
) -> None:
    feed = tmp_path / "partners.jsonl"
    feed.write_text(
        "".join(
            json.dumps(
                {"type": "Partner", "id": f"imp-{i}", "name": f"Imported {i}", "kind": "reseller"}
            )
            + "\n"
            for i in range(IMPORTED)
        )
    )
    importing = import_in_background(feed, migrated)
    try:
        async with httpx.AsyncClient(timeout=120) as client:
            results = await asyncio.gather(
                *(_writer(client, server.graphql_url, k, importing) for k in range(WRITERS))
            )
        _, stderr = await asyncio.to_thread(importing.communicate, timeout=240)
    finally:
        if importing.poll() is None:
            importing.kill()
            importing.communicate()
    assert importing.returncode == 0, stderr

    answers = [a for writer in results for a in writer]
    failed = [
        a
        for a in answers
        if a["status"] != 200
        or "errors" in a["body"]
        or a["body"]["data"]["upsertPartner"]["__typename"] != "PartnerPayload"
    ]
    assert not failed, failed[:3]
    # Each writer's records: a create and a rename, both changes.
    written = len(answers)
    assert written >= WRITERS * MIN_WRITES_EACH

    log = await store.run_raw(LOG)
    seqs = [row["seq"] for row in log]
    assert seqs == list(range(1, written + IMPORTED + 1)), "gaps or duplicates in the change log"
    entities = [row["entityId"] for row in log]
    assert sum(e.startswith("imp-") for e in entities) == IMPORTED
    assert sum(e.startswith("w") for e in entities) == written
    count = await store.run_raw(PARTNERS)
    created = sum((len(writer) + 1) // 2 for writer in results)
    assert count[0]["n"] == IMPORTED + created


async def test_concurrent_store_writes_in_one_process_never_clash(store: Store) -> None:
    """Sixteen writers through one Store: queued, so none is refused and none retried."""

    async def write(k: int) -> None:
        async def work(tx: Tx) -> None:
            await record(tx, "test", [Change("Partner", f"s{k}", CREATE, after={"k": k})])

        await store.write(work)

    await asyncio.gather(*(write(k) for k in range(WRITERS * 4)))
    seqs = [row["seq"] for row in await store.run_raw(LOG)]
    assert seqs == list(range(1, WRITERS * 4 + 1))
    assert store.conflict_retries == 0
