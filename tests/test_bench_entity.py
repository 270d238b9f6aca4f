"""``graph-api bench --suite entity`` end to end at a tiny size, on the test store.

The run generates its dataset through the import path into the (wiped) test
graph, serves the app in a thread, and checks every shape's answer against its
reference statement; a deliberately wrong reference must stop the run.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph_api import cypher
from graph_api.bench.fields import fields
from graph_api.bench.importing import timed_load, write_file
from graph_api.bench.shapes import shapes
from graph_api.cli import main
from graph_api.cypher import NamedQuery, named
from graph_api.embedded import Connection
from graph_api.store import Store, open_store
from graph_api.synthetic.records import synthetic_records
from tests.support.statements import support_query

WIPE = support_query("wipe_graph")
SHAPES = {"dealById", "partnerById", "nested", "bigWins", "partnerships", "partnerWon", "portal"}
# Enough of the samples' shape to list the intelligence suite's fields.
SAMPLES_SHAPE = {
    "partners": [],
    "deals": [],
    "registeredDeals": [],
    "customers": [],
    "consents": [],
    "lastClose": None,
}
TINY = ["bench", "--suite", "entity", "--sizes", "0.002", "--requests", "2", "--warmup", "0"]


def _wipe(connection: Connection) -> None:
    async def run() -> None:
        c = connection
        store = open_store(c.uri, c.user, c.password, c.database)
        try:
            await store.write_query(WIPE)
        finally:
            await store.close()

    asyncio.run(run())


@pytest.fixture
def bench_env(migrated: Connection, monkeypatch: pytest.MonkeyPatch) -> Iterator[Connection]:
    """The bench pointed at the test store (as NEO4J_URI), over an empty graph."""
    _wipe(migrated)
    monkeypatch.setenv("NEO4J_URI", migrated.uri)
    monkeypatch.setenv("NEO4J_USER", migrated.user)
    monkeypatch.setenv("NEO4J_PASSWORD", migrated.password)
    monkeypatch.setenv("NEO4J_DATABASE", migrated.database)
    monkeypatch.delenv("GRAPH_API_JWT_SECRET", raising=False)
    yield migrated
    _wipe(migrated)


def test_entity_suite_reports_every_shape_checked_and_catches_a_wrong_reference(
    bench_env: Connection,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "entity.json"
    args = [*TINY, "--clients", "1,2", "--workers", "0", "--load-requests", "6"]
    assert main([*args, "--out", str(out)]) == 0, capsys.readouterr().err

    report = json.loads(out.read_text())
    rows = {r["shape"]: r for r in report["shapes"]}
    assert set(rows) == SHAPES
    for row in rows.values():
        assert row["checked"] == 2  # every answer compared equal with the reference
        assert row["errors"] == 0
        assert row["round_trips"] >= 1
        assert row["endpoint_p50_ms"] > 0 and row["single_p50_ms"] > 0
        assert row["ratio_single"] > 0 and row["statements_p50_ms"] > 0
    levels = {(r["mix"], r["clients"]) for r in report["concurrency"]}
    assert levels == {("read", 1), ("read", 2), ("70/30", 1), ("70/30", 2)}
    for level in report["concurrency"]:
        assert level["requests"] == 6 and level["req_per_s"] > 0
        assert level["read_errors"] == 0 and level["write_errors"] == 0

    # The same run with a reference that answers something else must fail, loudly.
    good = named("bench/entity_partnerships")
    assert "LIMIT $first" in good.text
    wrong = NamedQuery(good.name, good.text.replace("LIMIT $first", "LIMIT 1"))
    monkeypatch.setitem(cypher._loaded, good.name, wrong)
    assert wrong in [s.reference for s in shapes({"partners": [], "lastClose": None})]
    capsys.readouterr()
    again = [*TINY, "--reuse", "--only", "partnerships", "--clients", ""]
    assert main(again) == 1
    err = capsys.readouterr().err
    assert "answer check failed" in err and "partnerships" in err
    assert re.search(r"[2-9] items from the endpoint, 1 from the reference", err), err


def test_intel_suite_times_every_field_without_errors(
    bench_env: Connection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "intel.json"
    args = ["bench", "--sizes", "0.002", "--requests", "2", "--warmup", "0", "--out", str(out)]
    assert main(args) == 0, capsys.readouterr().err

    rows = {r["field"]: r for r in json.loads(out.read_text())}
    assert set(rows) == {spec.name for spec in fields(SAMPLES_SHAPE)}
    for row in rows.values():
        assert row["errors"] == 0, row
        assert row["round_trips"] == 1, row  # one statement per field, as the driver side
        assert row["http_p50_ms"] > 0 and row["driver_p50_ms"] > 0


async def test_raw_import_path_builds_the_same_graph_as_the_importer(
    store: Store, tmp_path: Path
) -> None:
    """The bench's import comparison is fair only if both paths load the same graph."""
    path = tmp_path / "records.jsonl"
    records = write_file(path, synthetic_records(3, seed=7, customers=12, deals=30))
    fingerprint = (
        "MATCH (d:Deal)-[:FOR]->(c:Customer) "
        "OPTIONAL MATCH (s:Partnership)-[a:ATTRIBUTED]->(d) "
        "WITH d, c, a, s ORDER BY d.id, s.id "
        "RETURN d.id AS id, d.amount AS amount, d.stage AS stage, d.currency AS currency, "
        "toString(d.closeDate) AS closed, c.id AS customer, "
        "collect([s.id, a.role, a.share]) AS credits ORDER BY id"
    )

    raw = await timed_load(store, path, batch_size=50, raw=True)
    raw_graph = await store.run_raw(fingerprint)
    await store.write_query(WIPE)
    imported = await timed_load(store, path, batch_size=50, raw=False)
    imported_graph = await store.run_raw(fingerprint)

    assert raw.records == imported.records == records
    assert (raw.nodes, raw.relationships) == (imported.nodes, imported.relationships)
    assert raw.nodes > 0 and raw.relationships > 0 and raw.records_per_s > 0
    assert raw_graph == imported_graph and len(raw_graph) == 30
