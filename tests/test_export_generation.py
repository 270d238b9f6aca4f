"""The per-type export statements are generated from the record specs: every export
file is either generated or named as hand-written, and two generated texts are pinned.
(tests/test_cypher_generation.py checks the files are current; tests/test_export.py
that an export imports back into the same graph.)"""

from __future__ import annotations

from graph_api import exporting
from graph_api.cypher import CYPHER_DIR
from graph_api.export_generation import (
    HAND_WRITTEN,
    generated,
    node_export,
    relationship_export,
)
from graph_api.ingest.generation import HEADER
from graph_api.ingest.spec import SPECS

QUERIES = CYPHER_DIR / "queries"


def _body(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("//"))


def test_every_export_file_is_generated_or_named_as_hand_written() -> None:
    on_disk = {path.stem for path in QUERIES.glob("export_*.cypher")}
    texts = generated()
    assert not set(texts) & set(HAND_WRITTEN)
    assert on_disk == set(texts) | set(HAND_WRITTEN)
    for stem in HAND_WRITTEN:
        assert not (QUERIES / f"{stem}.cypher").read_text().startswith("// Generated"), stem
    # One statement per record type, and the export reads exactly those.
    assert len(texts) == len(SPECS)
    used = {q.name.removeprefix("queries/") for q in exporting._QUERIES.values()}
    assert used == set(texts)


def test_node_export_collapses_each_reference_in_its_direction_and_spec_order() -> None:
    text = node_export(SPECS["WarrantyClaim"])
    assert text.startswith(HEADER)
    assert _body(text) == (
        "MATCH (n:WarrantyClaim)\n"
        "WHERE n.id > $after\n"
        "WITH n ORDER BY n.id LIMIT $limit\n"
        "OPTIONAL MATCH (n)<-[:FILED]-(r0:Partner)\n"
        "WITH n, head(collect(r0.id)) AS partnerId\n"
        "OPTIONAL MATCH (n)-[:FOR_PRODUCT]->(r1:Product)\n"
        "WITH n, partnerId, head(collect(r1.id)) AS productId\n"
        "OPTIONAL MATCH (n)-[:AT_CUSTOMER]->(r2:Customer)\n"
        "WITH n, partnerId, productId, head(collect(r2.id)) AS customerId\n"
        "RETURN n.id AS id, properties(n) AS props, partnerId, productId, customerId"
    )
    # Without references: the page and its properties only.
    assert _body(node_export(SPECS["Course"])) == (
        "MATCH (n:Course)\n"
        "WHERE n.id > $after\n"
        "WITH n ORDER BY n.id LIMIT $limit\n"
        "RETURN n.id AS id, properties(n) AS props"
    )


def test_relationship_export_runs_from_the_first_endpoint_to_the_second() -> None:
    # Attribution lists dealId first, but its edge points from the partnership.
    assert _body(relationship_export(SPECS["Attribution"])) == (
        "MATCH (a:Partnership)-[r:ATTRIBUTED]->(b:Deal)\n"
        "WHERE a.id > $afterFrom OR (a.id = $afterFrom AND b.id > $afterTo)\n"
        "WITH a, r, b ORDER BY a.id, b.id LIMIT $limit\n"
        "RETURN a.id AS fromId, b.id AS toId, properties(r) AS props"
    )
