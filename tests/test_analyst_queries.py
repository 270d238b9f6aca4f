"""Every curated analyst query runs as pasted into Neo4j Browser against the demo graph:
its ``:param`` lines evaluated as Browser evaluates them, the statement returns rows,
and the Browser variants (``*_graph.cypher``) return nodes, relationships or paths."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from neo4j.graph import Node, Relationship
from neo4j.graph import Path as GraphPath

from graph_api.cypher import CYPHER_DIR
from graph_api.embedded import Connection
from graph_api.seeding import load_demo
from graph_api.store import open_store
from tests.support.graphs import WIPE

ANALYST = CYPHER_DIR / "analyst"
FILES = sorted(ANALYST.glob("*.cypher"))
GRAPH_VARIANTS = {
    "intel_relationship_view": "intel_relationship_view_graph",
    "intel_connection_path": "intel_connection_path_graph",
    "intel_attribution_paths": "intel_attribution_paths_graph",
    "intel_cosell_pairs_for_partner": "intel_cosell_pairs_for_partner_graph",
}
# Browser's `:param name => expression` (one line): it runs `RETURN expression` and keeps it.
PARAM = re.compile(r"^:param\s+(\w+)\s*=>\s*(.+?);?\s*$", re.MULTILINE)


def browser_params(session: neo4j.Session, text: str) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for name, expression in PARAM.findall(text):
        params[name] = session.run(f"RETURN {expression} AS value").single(strict=True)["value"]
    return params


def statement(text: str) -> str:
    """What Browser sends after the :param lines: the rest, without comment lines."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith(("//", ":"))]
    return "\n".join(lines).strip().rstrip(";")


@pytest.fixture(scope="module")
def demo_graph(migrated: Connection) -> Iterator[neo4j.Driver]:
    """The migrated store holding exactly the demo dataset, for this module."""

    async def reset(seed: bool) -> None:
        store = open_store(migrated.uri, migrated.user, migrated.password, migrated.database)
        try:
            await store.write_query(WIPE)
            if seed:
                report = await load_demo(store)
                assert "0 rejected" in report.summary()
        finally:
            await store.close()

    asyncio.run(reset(seed=True))
    driver = neo4j.GraphDatabase.driver(migrated.uri, auth=(migrated.user, migrated.password))
    try:
        yield driver
    finally:
        driver.close()
        asyncio.run(reset(seed=False))


def run_file(driver: neo4j.Driver, path: Path, database: str) -> list[neo4j.Record]:
    text = path.read_text()
    with driver.session(database=database) as session:
        params = browser_params(session, text)
        used = set(re.findall(r"\$(\w+)", statement(text)))
        assert used <= params.keys(), f"{path.name}: no :param for {sorted(used - params.keys())}"
        return list(session.run(statement(text), params))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_analyst_file_answers_on_the_demo_graph(
    demo_graph: neo4j.Driver, migrated: Connection, path: Path
) -> None:
    records = run_file(demo_graph, path, migrated.database)
    assert records, f"{path.name} returns no rows on the demo graph: fix its :param values"
    # A row that names nothing (every column null or empty) is no answer either.
    assert any(any(value not in (None, [], {}) for value in r.values()) for r in records)


def test_traversals_have_browser_variants_that_draw_a_graph(
    demo_graph: neo4j.Driver, migrated: Connection
) -> None:
    readme = (ANALYST / "README.md").read_text()
    for twin, variant in GRAPH_VARIANTS.items():
        assert (ANALYST / f"{twin}.cypher").exists(), twin
        path = ANALYST / f"{variant}.cypher"
        assert f"| `{path.name}` |" in readme, path.name
        records = run_file(demo_graph, path, migrated.database)
        assert records, path.name
        values = [value for record in records for value in record.values() if value is not None]
        assert values, path.name
        for value in values:  # only graph values: Browser then shows the canvas, not a table
            assert isinstance(value, Node | Relationship | GraphPath), (path.name, type(value))
        assert any(isinstance(v, GraphPath | Relationship) for v in values), path.name


def test_browser_param_lines_are_what_the_test_evaluates() -> None:
    # Every :param line is one line Browser can evaluate; a multi-line one would be
    # silently cut here and in Browser alike.
    for path in FILES:
        for line in path.read_text().splitlines():
            if line.startswith(":param"):
                assert PARAM.fullmatch(line), (path.name, line)
                assert line.rstrip().endswith(";"), (path.name, line)
