"""The write path's per-type Cypher, generated from the record specs (ingest/spec.py).

The statements that differ between record types only in what the spec declares
(labels, reference relationships, what a delete takes along, blocks on and
concerns) are rendered here and checked in under ``cypher/queries/`` so that
they can be browsed; ``graph-api generate-cypher`` rewrites them and a test
fails when they drift from the spec. The others (the state reads, and the
registration's write and unlink, which re-check a partner's right under the
edge's lock) are written by hand: see ``HAND_WRITTEN``.

The texts are built from the spec's constants only, never from input.
"""

from __future__ import annotations

from graph_api.ingest.declarations import Field, Owned, Spec
from graph_api.ingest.spec import NODE_TYPES, RELATIONSHIP_TYPES, SPECS

HEADER = (
    "// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;\n"
    "// edit the spec and regenerate rather than this file.\n"
)
NULL_KEY = (
    "// A null key would make the embedded store scan the label: lookups use coalesce(x, '').\n"
)

# Written by hand, with why: their logic is not a function of the spec.
HAND_WRITTEN: dict[str, str] = {
    **{
        f"ingest_{t.lower()}_state": "which neighbours and partners an upsert reads is per type"
        for t in (*NODE_TYPES, *RELATIONSHIP_TYPES)
    },
    "ingest_registration_write": "re-checks a partner's pending-only right under the lock",
    "ingest_registration_unlink": "re-checks a partner's pending-only right under the lock",
    "ingest_any_partner": "not per type: whether the graph holds any partner",
}


def _plural(label: str) -> str:
    return label + "s"


def _step(left: str, link: str, inward: bool, right: str, var: str = "") -> str:
    """``left`` linked to ``right``; ``inward`` when the relationship points at ``left``."""
    arrow = f"<-[{var}:{link}]-" if inward else f"-[{var}:{link}]->"
    return f"{left}{arrow}{right}"


def _refs(spec: Spec) -> tuple[Field, ...]:
    refs = spec.refs
    for f in refs:
        assert f.link is not None and f.label is not None, (spec.record_type, f.name)
    return refs


# -- node records -------------------------------------------------------------------------


def resolve(spec: Spec) -> str:
    """Existing nodes for rows given without an id: by source key, else by natural key."""
    label = spec.label
    assert label is not None
    keys = ["i", "sourceSystem", "externalId"]
    source = (
        f"OPTIONAL MATCH (s:{label} {{sourceSystem: coalesce(k.sourceSystem, ''), "
        "externalId: coalesce(k.externalId, '')})\n"
    )
    if spec.has_domain:
        keys.append("domain")
        doc = (
            f"// Existing {_plural(label)} for rows given without an id: by sourceSystem + "
            "externalId,\n// else by normalized domain (the same company from another system).\n"
        )
        natural = f"OPTIONAL MATCH (d:{label} {{domain: coalesce(k.domain, '')}})\n"
        returned = "d.id"
    elif spec.natural_refs:
        first, second = (spec.field(name) for name in spec.natural_refs)
        assert first is not None and second is not None
        assert first.link and second.link and first.label and second.label
        keys += list(spec.natural_refs)
        doc = (
            f"// Existing {_plural(label)} for rows given without an id: by sourceSystem + "
            "externalId,\n"
            f"// else (rows without a source key) the one linking {first.name} and "
            f"{second.name}.\n"
            "// The second match comes back as byDomain, the engine's column for a "
            "natural-key match.\n"
        )
        start = f"(:{first.label} {{id: coalesce(k.{first.name}, '')}})"
        end = f"(:{second.label} {{id: coalesce(k.{second.name}, '')}})"
        # Patterns read from the reference towards the record, then on to the other one.
        to_record = _step(start, first.link, not first.inward, f"(m:{label})")
        natural = "OPTIONAL MATCH " + _step(to_record, second.link, second.inward, end) + "\n"
        returned = "m.id"
    else:
        doc = (
            f"// Existing {_plural(label)} for rows given without an id, by sourceSystem + "
            "externalId.\n"
        )
        natural = ""
        returned = "null"
    several = "; several rows per i are possible" if natural else ""
    return (
        HEADER
        + doc
        + f"// $keys: [{{{', '.join(keys)}}}]{several}.\n"
        + NULL_KEY
        + "UNWIND $keys AS k\n"
        + source
        + natural
        + f"RETURN k.i AS i, s.id AS bySource, {returned} AS byDomain\n"
    )


def write(spec: Spec) -> str:
    """Create or update nodes, re-linking each reference that changed."""
    label = spec.label
    assert label is not None
    refs = _refs(spec)
    if refs:
        links = ", ".join(f"{f.link}" for f in refs)
        doc = (
            f"// Create or update {_plural(label)}; props holds only the changed properties.\n"
            f"// A reference given (not null) replaces the old relationship ({links}).\n"
            f"// $rows: [{{id, props, {', '.join(f.name for f in refs)}: new id or null when "
            "unchanged}]\n"
            "// Lookups use coalesce(x, ''): the embedded store scans the whole label for a\n"
            "// null key, and no id is ever empty.\n"
        )
    else:
        doc = (
            f"// Create or update {_plural(label)}; props holds only the changed properties.\n"
            "// $rows: [{id, props}]\n"
        )
    body = f"UNWIND $rows AS row\nMERGE (n:{label} {{id: row.id}})\nSET n += row.props\n"
    for f in refs:
        assert f.link is not None
        start, end = ("(x)", "(n)") if f.inward else ("(n)", "(x)")
        body += (
            "CALL (n, row) {\n"
            f"  OPTIONAL MATCH {_step('(n)', f.link, f.inward, f'(:{f.label})', 'old')}\n"
            f"  WHERE row.{f.name} IS NOT NULL\n"
            "  DELETE old\n"
            "}\n"
            "CALL (n, row) {\n"
            f"  MATCH (x:{f.label} {{id: coalesce(row.{f.name}, '')}})\n"
            f"  CREATE {_step(start, f.link, False, end)}\n"
            "}\n"
        )
    return HEADER + doc + body + "RETURN count(n) AS written\n"


def create(spec: Spec) -> str:
    """Create the nodes a batch's state read found absent: CREATE, no MERGE per row."""
    label = spec.label
    assert label is not None
    refs = _refs(spec)
    fields = ", ".join(["id", "props", *(f.name for f in refs)])
    body = f"UNWIND $rows AS row\nCREATE (n:{label})\nSET n = row.props, n.id = row.id\n"
    for f in refs:
        assert f.link is not None
        start, end = ("(x)", "(n)") if f.inward else ("(n)", "(x)")
        body += (
            "CALL (n, row) {\n"
            f"  MATCH (x:{f.label} {{id: coalesce(row.{f.name}, '')}})\n"
            f"  CREATE {_step(start, f.link, False, end)}\n"
            "}\n"
        )
    return (
        HEADER
        + f"// Create the {_plural(label)} of a batch that its state read found absent (one\n"
        + "// existence check per batch, then CREATE: no MERGE per row). An id another writer\n"
        + "// created since fails the id's uniqueness constraint, and Store.write runs the\n"
        + "// transaction again, when the state read finds the node.\n"
        + f"// $rows: [{{{fields}}}]\n"
        + body
        + "RETURN count(n) AS written\n"
    )


def _owned_pattern(owns: tuple[Owned, ...]) -> str:
    """One pattern from (n) to (o) over every owned kind (they share a direction)."""
    directions = {o.inward for o in owns}
    assert len(directions) == 1, "owned nodes of one type must share a direction"
    links = "|".join(o.link for o in owns)
    target = f"(o:{owns[0].label})" if len(owns) == 1 else "(o)"
    return _step("(n)", links, owns[0].inward, target)


def delete(spec: Spec) -> str:
    """Delete one node with the nodes it owns, and their relationships."""
    label = spec.label
    assert label is not None
    owns = spec.deletion.owns
    if not owns:
        return (
            HEADER
            + f"// Delete one {label} and its relationships.\n"
            + f"MATCH (n:{label} {{id: $id}})\nDETACH DELETE n\nRETURN count(*) AS deleted\n"
        )
    kinds = ", ".join(f"{o.label} nodes over {o.link}" for o in owns)
    return (
        HEADER
        + f"// Delete one {label} with the nodes it owns ({kinds}), and their relationships.\n"
        + f"MATCH (n:{label} {{id: $id}})\n"
        + f"OPTIONAL MATCH {_owned_pattern(owns)}\n"
        + "WITH n, collect(o) AS owned\n"
        + "FOREACH (x IN owned | DETACH DELETE x)\n"
        + "DETACH DELETE n\n"
        + "RETURN count(*) AS deleted\n"
    )


def delete_check(spec: Spec) -> str:
    """What a delete would do: the node, what blocks it, what it takes along, who it concerns."""
    label = spec.label
    assert label is not None
    deletion = spec.deletion
    doc = [f"// Before deleting a {label}: its properties (node)"]
    lines = [f"MATCH (n:{label} {{id: $id}})"]
    if deletion.blocked_by:
        doc.append(f"how many {deletion.blocking} block a plain delete (blocking)")
        lines.append(
            f"CALL (n) {{ OPTIONAL MATCH {deletion.blocked_by} "
            "RETURN count(DISTINCT d) AS blocking }"
        )
        blocking = "blocking"
    else:
        blocking = "0 AS blocking"
    if deletion.owns:
        doc.append("the nodes removed along with it (owned, each with its label as ownedLabel)")
        owned = "\n         + ".join(
            f"[{_step('(n)', o.link, o.inward, f'(o:{o.label})')} | "
            f"o {{.*, ownedLabel: '{o.label}'}}]"
            for o in deletion.owns
        )
    else:
        owned = "[]"
    if label == "Partner":
        doc.append("and the partners concerned (partnerIds: itself)")
        partners = "[n.id]"
    elif deletion.partners:
        doc.append("and the partners concerned (partnerIds)")
        lines.append(
            f"CALL (n) {{ OPTIONAL MATCH {deletion.partners} "
            "RETURN collect(DISTINCT p.id) AS partnerIds }"
        )
        partners = "partnerIds"
    else:
        doc.append("and the partners concerned (partnerIds: none)")
        partners = "[]"
    partners = partners if partners == "partnerIds" else f"{partners} AS partnerIds"
    if deletion.owns:
        lines.append(f"RETURN n {{.*}} AS node, {blocking},")
        lines.append(f"       {owned} AS owned,")
        lines.append(f"       {partners}")
    else:
        lines.append(f"RETURN n {{.*}} AS node, {blocking}, [] AS owned, {partners}")
    return HEADER + ",\n// ".join(doc) + ".\n" + "\n".join(lines) + "\n"


# -- relationship records -----------------------------------------------------------------


def _ends(spec: Spec) -> tuple[Field, Field]:
    a, b = (spec.field(name) for name in spec.endpoints)
    assert a is not None and b is not None and a.label and b.label
    return a, b


def rel_write(spec: Spec) -> str:
    """Create or update edges by their two end ids."""
    a, b = _ends(spec)
    return (
        HEADER
        + f"// Create or update {spec.rel_type} edges; props holds only the changed properties.\n"
        + f"// $rows: [{{{a.name}, {b.name}, props}}]\n"
        + "UNWIND $rows AS row\n"
        + f"MATCH (a:{a.label} {{id: row.{a.name}}})\n"
        + f"MATCH (b:{b.label} {{id: row.{b.name}}})\n"
        + f"MERGE (a)-[r:{spec.rel_type}]->(b)\n"
        + "SET r += row.props\n"
        + "RETURN count(r) AS written\n"
    )


def rel_unlink(spec: Spec) -> str:
    """Remove one edge named by its two end ids."""
    a, b = _ends(spec)
    return (
        HEADER
        + f"// Remove one {spec.rel_type} edge; returns its properties, or nothing when absent.\n"
        + f"MATCH (a:{a.label} {{id: ${a.name}}})-[r:{spec.rel_type}]->"
        + f"(b:{b.label} {{id: ${b.name}}})\n"
        + "WITH r, r {.*} AS props\n"
        + "DELETE r\n"
        + "RETURN props\n"
    )


# -- the set ------------------------------------------------------------------------------


def generated() -> dict[str, str]:
    """File stem under cypher/queries/ -> text, for every generated statement."""
    texts: dict[str, str] = {}
    for t in NODE_TYPES:
        spec = SPECS[t]
        stem = f"ingest_{t.lower()}"
        texts[f"{stem}_resolve"] = resolve(spec)
        texts[f"{stem}_write"] = write(spec)
        texts[f"{stem}_create"] = create(spec)
        texts[f"{stem}_delete"] = delete(spec)
        texts[f"{stem}_delete_check"] = delete_check(spec)
    for t in RELATIONSHIP_TYPES:
        spec = SPECS[t]
        stem = f"ingest_{t.lower()}"
        for kind, render in (("write", rel_write), ("unlink", rel_unlink)):
            if f"{stem}_{kind}" not in HAND_WRITTEN:
                texts[f"{stem}_{kind}"] = render(spec)
    return dict(sorted(texts.items()))
