"""The per-type export statements, generated from the record specs (ingest/spec.py).

``graph-api export`` reads each record type with one statement,
``cypher/queries/export_<type>.cypher``: a keyset page of the type's nodes with
their properties and the ids of their references (columns ``id``, ``props``,
then each reference in spec order), or of its relationships with their two
ends' ids (``fromId``, ``toId``, ``props``). Both shapes follow from the spec
alone, so they are rendered here and checked in like the ingest statements
(``graph-api generate-cypher``). The change log's statement is not per type and
is written by hand: see ``HAND_WRITTEN``.

The texts are built from the spec's constants only, never from input.
"""

from __future__ import annotations

from graph_api.ingest.declarations import Spec
from graph_api.ingest.generation import HEADER
from graph_api.ingest.spec import SPECS

# Written by hand, with why.
HAND_WRITTEN: dict[str, str] = {
    "export_changes": "not per type: the change log, in sequence order, for --with-changes",
}


def node_export(spec: Spec) -> str:
    """One page of a node type in id order, with its properties and reference ids."""
    label = spec.label
    assert label is not None
    refs = spec.refs
    names = [f.name for f in refs]
    doc = f"// Export: one page of {label} nodes in id order (keyset paging from $after),\n" + (
        f"// with every stored property and the ids its references point at\n"
        f"// ({', '.join(names)}), for graph-api export.\n"
        if refs
        else "// with every stored property, for graph-api export.\n"
    )
    body = f"MATCH (n:{label})\nWHERE n.id > $after\nWITH n ORDER BY n.id LIMIT $limit\n"
    # One reference at a time, each collapsed to one id before the next match, so a
    # missing reference leaves its column null without multiplying the rows.
    for i, f in enumerate(refs):
        assert f.link is not None and f.label is not None, (spec.record_type, f.name)
        arrow = f"<-[:{f.link}]-" if f.inward else f"-[:{f.link}]->"
        carried = ", ".join(["n", *names[:i]])
        body += (
            f"OPTIONAL MATCH (n){arrow}(r{i}:{f.label})\n"
            f"WITH {carried}, head(collect(r{i}.id)) AS {f.name}\n"
        )
    columns = ", ".join(["n.id AS id", "properties(n) AS props", *names])
    return HEADER + doc + body + f"RETURN {columns}\n"


def relationship_export(spec: Spec) -> str:
    """One page of a relationship type ordered by its two ends' ids, with its properties."""
    a, b = (spec.field(name) for name in spec.endpoints)
    assert a is not None and b is not None and a.label and b.label, spec.record_type
    return (
        HEADER
        + f"// Export: one page of {spec.rel_type} relationships ordered by their two ends'\n"
        + "// ids (keyset paging from $afterFrom, $afterTo), with every stored property,\n"
        + "// for graph-api export.\n"
        + f"MATCH (a:{a.label})-[r:{spec.rel_type}]->(b:{b.label})\n"
        + "WHERE a.id > $afterFrom OR (a.id = $afterFrom AND b.id > $afterTo)\n"
        + "WITH a, r, b ORDER BY a.id, b.id LIMIT $limit\n"
        + "RETURN a.id AS fromId, b.id AS toId, properties(r) AS props\n"
    )


def export_stem(record_type: str) -> str:
    """The file stem under cypher/queries/ of a record type's export statement."""
    return f"export_{record_type.lower()}"


def generated() -> dict[str, str]:
    """File stem under cypher/queries/ -> text, for every generated export statement."""
    texts = {
        export_stem(t): node_export(spec) if spec.is_node else relationship_export(spec)
        for t, spec in SPECS.items()
    }
    return dict(sorted(texts.items()))
