"""The write path's per-type statements are generated from the record specs: every
ingest file is either generated or named as hand-written, and a few generated
texts are pinned. (tests/test_cypher_generation.py checks the files are current.)"""

from __future__ import annotations

from graph_api.cypher import CYPHER_DIR
from graph_api.ingest import generation
from graph_api.ingest.spec import SPECS
from graph_api.ingest.statements import NODE_QUERIES, REL_QUERIES

QUERIES = CYPHER_DIR / "queries"


def test_every_ingest_file_is_generated_or_named_as_hand_written() -> None:
    on_disk = {path.stem for path in QUERIES.glob("ingest_*.cypher")}
    generated = set(generation.generated())
    hand_written = set(generation.HAND_WRITTEN)
    assert not generated & hand_written
    assert on_disk == generated | hand_written
    for stem in hand_written:
        assert not (QUERIES / f"{stem}.cypher").read_text().startswith("// Generated"), stem
    # The engine loads exactly these per-type statements.
    used = {q.name.removeprefix("queries/") for qs in NODE_QUERIES.values() for q in qs.values()}
    used |= {q.name.removeprefix("queries/") for qs in REL_QUERIES.values() for q in qs.values()}
    assert generated <= used


def _body(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("//"))


def test_generated_resolve_by_natural_references() -> None:
    assert _body(generation.resolve(SPECS["Partnership"])) == (
        "UNWIND $keys AS k\n"
        "OPTIONAL MATCH (s:Partnership {sourceSystem: coalesce(k.sourceSystem, ''), "
        "externalId: coalesce(k.externalId, '')})\n"
        "OPTIONAL MATCH (:Partner {id: coalesce(k.partnerId, '')})-[:HOLDS]->(m:Partnership)"
        "-[:IN_PROGRAM]->(:Program {id: coalesce(k.programId, '')})\n"
        "RETURN k.i AS i, s.id AS bySource, m.id AS byDomain"
    )
    # Without a natural key the statement matches by source key only.
    assert "byDomain" in generation.resolve(SPECS["Deal"])
    assert "null AS byDomain" in generation.resolve(SPECS["Deal"])


def test_generated_write_relinks_references_in_their_direction() -> None:
    text = generation.write(SPECS["Goal"])
    assert text.startswith(generation.HEADER)
    assert _body(text) == (
        "UNWIND $rows AS row\n"
        "MERGE (n:Goal {id: row.id})\n"
        "SET n += row.props\n"
        "CALL (n, row) {\n"
        "  OPTIONAL MATCH (n)<-[old:HAS_GOAL]-(:Partner)\n"
        "  WHERE row.partnerId IS NOT NULL\n"
        "  DELETE old\n"
        "}\n"
        "CALL (n, row) {\n"
        "  MATCH (x:Partner {id: coalesce(row.partnerId, '')})\n"
        "  CREATE (x)-[:HAS_GOAL]->(n)\n"
        "}\n"
        "RETURN count(n) AS written"
    )


def test_generated_delete_and_its_check_follow_the_declared_deletion() -> None:
    assert _body(generation.delete(SPECS["Partner"])) == (
        "MATCH (n:Partner {id: $id})\n"
        "OPTIONAL MATCH (n)-[:HOLDS|HAS_GOAL]->(o)\n"
        "WITH n, collect(o) AS owned\n"
        "FOREACH (x IN owned | DETACH DELETE x)\n"
        "DETACH DELETE n\n"
        "RETURN count(*) AS deleted"
    )
    assert _body(generation.delete_check(SPECS["Contact"])) == (
        "MATCH (n:Contact {id: $id})\n"
        "RETURN n {.*} AS node, 0 AS blocking, [] AS owned, [] AS partnerIds"
    )
    # No template leftovers in what a person reads.
    for text in generation.generated().values():
        assert "nothing block" not in text


def test_generated_unlink_names_both_ends() -> None:
    assert _body(generation.rel_unlink(SPECS["Serves"])) == (
        "MATCH (a:Partner {id: $partnerId})-[r:SERVES]->(b:Customer {id: $customerId})\n"
        "WITH r, r {.*} AS props\n"
        "DELETE r\n"
        "RETURN props"
    )


def test_generated_create_sets_every_property_and_links_references() -> None:
    assert _body(generation.create(SPECS["Contact"])) == (
        "UNWIND $rows AS row\n"
        "CREATE (n:Contact)\n"
        "SET n = row.props, n.id = row.id\n"
        "CALL (n, row) {\n"
        "  MATCH (x:Customer {id: coalesce(row.customerId, '')})\n"
        "  CREATE (n)-[:WORKS_AT]->(x)\n"
        "}\n"
        "RETURN count(n) AS written"
    )
