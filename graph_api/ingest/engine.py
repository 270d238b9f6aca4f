"""Batched, idempotent writes of validated records inside one write transaction.

For a batch of one record type the engine sends a fixed number of named
queries, whatever the batch size: resolve ids (only for rows without an id),
read the current state (nodes, references, whether referenced ids exist),
write the changed rows with one UNWIND statement, and append the change
entries. Unchanged rows send nothing and record nothing. Rows that fail a
check come back as errors and are not written; the others are.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from graph_api.changes import CREATE, DELETE, LINK, UNLINK, UPDATE, Change, record
from graph_api.cypher import NamedQuery, named
from graph_api.errors import Conflict, EntityNotFound, Forbidden, InputInvalid
from graph_api.ingest.spec import NODE_TYPES, RELATIONSHIP_TYPES, SPECS, Spec
from graph_api.ingest.validation import DATE_SPANS, missing_required
from graph_api.store import Tx


def _queries(record_type: str, *kinds: str) -> dict[str, NamedQuery]:
    return {k: named(f"queries/ingest_{record_type.lower()}_{k}") for k in kinds}


_NODE_Q = {
    t: _queries(t, "resolve", "state", "write", "delete_check", "delete") for t in NODE_TYPES
}
_REL_Q = {t: _queries(t, "state", "write", "unlink") for t in RELATIONSHIP_TYPES}

SHARE_TOLERANCE = 1e-9


@dataclass
class Outcome:
    """One row's result: the stored entity, or the error that kept it out."""

    entity: dict[str, Any] | None = None
    error: Exception | None = None
    changed: bool = False


def now() -> datetime:
    return datetime.now(UTC)


# -- plain values -------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """Driver values as Python values; timestamps always timezone-aware (UTC)."""
    to_native = getattr(value, "to_native", None)
    if callable(to_native):
        value = to_native()
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def plain_map(values: dict[str, Any] | None) -> dict[str, Any]:
    return {k: plain(v) for k, v in (values or {}).items()}


def same(stored: Any, new: Any) -> bool:
    stored = plain(stored)
    if isinstance(new, int | float) and isinstance(stored, int | float):
        return float(stored) == float(new)
    if isinstance(new, datetime) and isinstance(stored, datetime):
        return stored.astimezone(UTC) == new.astimezone(UTC)
    if isinstance(new, date) and isinstance(stored, date):
        return stored == new
    return bool(stored == new)


def _rounds(items: list[tuple[int, Any]], key: Any) -> list[list[tuple[int, Any]]]:
    """Split so that no key repeats within a round (later duplicates see earlier writes)."""
    rounds: list[list[tuple[int, Any]]] = []
    seen: list[set[Any]] = []
    for item in items:
        k = key(item)
        for index, keys in enumerate(seen):
            if k not in keys:
                keys.add(k)
                rounds[index].append(item)
                break
        else:
            seen.append({k})
            rounds.append([item])
    return rounds


# -- entry point --------------------------------------------------------------------------


async def apply(
    tx: Tx,
    record_type: str,
    rows: list[dict[str, Any]],
    actor: str,
    at: datetime,
    pending_only: bool = False,
) -> list[Outcome]:
    """Upsert validated rows of one type; returns one Outcome per row, in order.

    ``pending_only`` (a partner writing Registrations) refuses, with Forbidden, any row
    whose registration exists and is no longer pending.
    """
    spec = SPECS[record_type]
    indexed = list(enumerate(rows))
    outcomes: list[Outcome] = [Outcome() for _ in rows]
    if spec.is_node:
        ids, conflicts = await _resolve_ids(tx, spec, indexed)
        for i, conflict in conflicts.items():
            outcomes[i] = Outcome(error=conflict)
        valid = [item for item in indexed if item[0] not in conflicts]
        for chunk in _rounds(valid, lambda item: ids[item[0]][0]):
            await _apply_nodes(tx, spec, chunk, ids, outcomes, actor, at)
    else:
        a, b = spec.endpoints
        if record_type == "ResellsFor":
            chunks = [[item] for item in indexed]  # each edge sees the ones before it
        else:
            chunks = _rounds(indexed, lambda item: (item[1][a], item[1][b]))
        for chunk in chunks:
            await _apply_rels(tx, spec, chunk, outcomes, actor, at, pending_only)
    return outcomes


# -- nodes --------------------------------------------------------------------------------


async def _resolve_ids(
    tx: Tx, spec: Spec, items: list[tuple[int, dict[str, Any]]]
) -> tuple[dict[int, tuple[str, bool]], dict[int, Conflict]]:
    """Row index -> (id, matched by natural key), and the rows whose source key is taken.

    Rows without an id reuse an existing node: by source key, then by natural
    key (a Partner's or Customer's domain; a Partnership's partner and program
    when no source key is given, as a partner joins a program once). A row
    with an id whose sourceSystem + externalId already identify another node
    is a conflict: one record in a source system is one node.
    """
    ids: dict[int, tuple[str, bool]] = {}
    has_domain = spec.has_domain
    keys = []
    for i, data in items:
        by_id = "id" in data
        if by_id:
            ids[i] = (data["id"], False)
        natural = natural_key(spec, data)
        if "sourceSystem" in data or natural is not None:
            keys.append(
                {
                    "i": i,
                    "sourceSystem": data.get("sourceSystem"),
                    "externalId": data.get("externalId"),
                    "domain": data.get("domain") if has_domain and not by_id else None,
                    "partnerId": data.get("partnerId") if natural is not None else None,
                    "programId": data.get("programId") if natural is not None else None,
                }
            )
    by_source: dict[int, set[str]] = {}
    by_domain: dict[int, set[str]] = {}
    if keys:
        for row in await tx.run(_NODE_Q[spec.record_type]["resolve"], keys=keys):
            if row["bySource"] is not None:
                by_source.setdefault(row["i"], set()).add(row["bySource"])
            if row["byDomain"] is not None:
                by_domain.setdefault(row["i"], set()).add(row["byDomain"])
    conflicts: dict[int, Conflict] = {}
    # Rows of this batch that share a source key or natural key become one node too.
    fresh: dict[tuple[str, Any], str] = {}
    for i, data in items:
        source_key = ("source", (data.get("sourceSystem"), data.get("externalId")))
        domain_key = ("natural", natural_key(spec, data))
        sources = by_source.get(i, set())
        if i in ids:
            own = ids[i][0]
            owner = None
            if "sourceSystem" in data:
                if sources and own not in sources:
                    owner = min(sources)
                elif fresh.get(source_key, own) != own:
                    owner = fresh[source_key]
            if owner is not None:
                conflicts[i] = Conflict(
                    f"sourceSystem {data['sourceSystem']!r} externalId {data['externalId']!r} "
                    f"already identify {spec.record_type} {owner!r}, not {own!r}"
                )
        elif sources:
            ids[i] = (min(sources), False)
        elif by_domain.get(i):
            ids[i] = (min(by_domain[i]), True)
        elif "sourceSystem" in data and source_key in fresh:
            ids[i] = (fresh[source_key], False)
        elif domain_key[1] and domain_key in fresh:
            ids[i] = (fresh[domain_key], True)
        else:
            ids[i] = (uuid.uuid4().hex, False)
        if "sourceSystem" in data:
            fresh.setdefault(source_key, ids[i][0])
        if domain_key[1] and "id" not in data:
            fresh.setdefault(domain_key, ids[i][0])
    return ids, conflicts


def natural_key(spec: Spec, data: dict[str, Any]) -> Any:
    """What else identifies a row given without an id, or None."""
    if "id" in data:
        return None
    if spec.has_domain:
        return data.get("domain")
    if (
        spec.record_type == "Partnership"
        and "sourceSystem" not in data
        and data.get("partnerId")
        and data.get("programId")
    ):
        return (data["partnerId"], data["programId"])
    return None


async def _apply_nodes(
    tx: Tx,
    spec: Spec,
    items: list[tuple[int, dict[str, Any]]],
    ids: dict[int, tuple[str, bool]],
    outcomes: list[Outcome],
    actor: str,
    at: datetime,
) -> None:
    queries = _NODE_Q[spec.record_type]
    ref_names = [f.name for f in spec.refs]
    keys = [
        {"i": i, "id": ids[i][0], **{name: data.get(name) for name in ref_names}}
        for i, data in items
    ]
    states = {row["i"]: row for row in await tx.run(queries["state"], keys=keys)}
    writes: list[dict[str, Any]] = []
    changes: list[Change] = []
    for i, data in items:
        node_id, by_domain = ids[i]
        state = states[i]
        existing = plain_map(state["node"]) if state["node"] is not None else None
        current: dict[str, Any] = dict(state["current"] or {})
        try:
            write, change, entity = _plan_node(
                spec, node_id, data, existing, current, state, by_domain, at
            )
        except (InputInvalid, EntityNotFound, Conflict) as exc:
            outcomes[i] = Outcome(error=exc)
            continue
        outcomes[i] = Outcome(entity=entity, changed=write is not None)
        if write is not None and change is not None:
            writes.append(write)
            changes.append(change)
    if writes:
        await tx.run(queries["write"], rows=writes)
        await record(tx, actor, changes)


def _plan_node(
    spec: Spec,
    node_id: str,
    data: dict[str, Any],
    existing: dict[str, Any] | None,
    current: dict[str, Any],
    state: dict[str, Any],
    by_domain: bool,
    at: datetime,
) -> tuple[dict[str, Any] | None, Change | None, dict[str, Any]]:
    values = dict(data)
    values.pop("id", None)
    if existing is None:
        values = {**spec.defaults, **values}
        if spec.record_type == "Lead" and "convertedDealId" in values and "status" not in data:
            values["status"] = "converted"
        missing = missing_required(spec, values)
        if missing:
            raise InputInvalid(missing)
    elif by_domain and existing.get("sourceSystem"):
        # Matched by domain: the node keeps the keys of the system that created it,
        # so re-importing either system's file finds it again and changes nothing.
        values.pop("sourceSystem", None)
        values.pop("externalId", None)
    _check_program_terms(spec, values, existing)
    _check_spans({**(existing or {}), **values})
    found = state["found"] or {}
    for ref in spec.refs:
        target = values.get(ref.name)
        if target is not None and not found.get(ref.name):
            assert ref.label is not None
            raise EntityNotFound(ref.label, target)
    ref_names = {f.name for f in spec.refs}
    props = {k: v for k, v in values.items() if k not in ref_names}
    refs = {k: v for k, v in values.items() if k in ref_names}
    changed_props = {
        k: v for k, v in props.items() if existing is None or not same(existing.get(k), v)
    }
    changed_refs = {k: v for k, v in refs.items() if current.get(k) != v}
    blank_refs = dict.fromkeys(ref_names)
    before_entity = None if existing is None else {**blank_refs, **existing, **current}
    if existing is not None and not changed_props and not changed_refs:
        return None, None, {**(before_entity or {}), "id": node_id}
    stamp: dict[str, Any] = {"updatedAt": at}
    if existing is None:
        stamp["createdAt"] = at
    write = {
        "id": node_id,
        "props": {**changed_props, **stamp},
        **{name: changed_refs.get(name) for name in ref_names},
    }
    after_entity = {
        **(before_entity or blank_refs),
        **changed_props,
        **changed_refs,
        **stamp,
        "id": node_id,
    }
    if existing is None:
        change = Change(spec.record_type, node_id, CREATE, None, _without_stamps(after_entity))
    else:
        keys = set(changed_props) | set(changed_refs)
        change = Change(
            spec.record_type,
            node_id,
            UPDATE,
            {k: (before_entity or {}).get(k) for k in keys},
            {k: after_entity.get(k) for k in keys},
        )
    change.partner_ids = list(state["partnerIds"] or [])
    if spec.record_type == "Partner":
        change.partner_ids = [node_id]
    return write, change, after_entity


def _without_stamps(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k not in ("createdAt", "updatedAt")}


def _check_program_terms(
    spec: Spec, values: dict[str, Any], existing: dict[str, Any] | None
) -> None:
    if spec.record_type != "Program":
        return
    merged = {**(existing or {}), **values}
    kind = merged.get("commissionType")
    if kind == "percent_of_deal" and merged.get("commissionRate") is None:
        raise InputInvalid([(["commissionRate"], "is required for a percent_of_deal program")])
    if kind == "per_lead" and merged.get("flatAmount") is None:
        raise InputInvalid([(["flatAmount"], "is required for a per_lead program")])


# -- relationships ------------------------------------------------------------------------


def rel_id(spec: Spec, data: dict[str, Any]) -> str:
    a, b = spec.endpoints
    return f"{data[a]}->{data[b]}"


async def _apply_rels(
    tx: Tx,
    spec: Spec,
    items: list[tuple[int, dict[str, Any]]],
    outcomes: list[Outcome],
    actor: str,
    at: datetime,
    pending_only: bool,
) -> None:
    queries = _REL_Q[spec.record_type]
    a, b = spec.endpoints
    keys = [{"i": i, a: data[a], b: data[b]} for i, data in items]
    states = {row["i"]: row for row in await tx.run(queries["state"], keys=keys)}
    shares: dict[str, dict[str, float]] = {}  # deal id -> partnership id -> share, this batch
    writes: list[dict[str, Any]] = []
    changes: list[Change] = []
    for i, data in items:
        state = states[i]
        try:
            if pending_only:
                _check_pending(spec, data, state["rel"])
            write, change, entity = _plan_rel(spec, data, state, shares, at)
        except (InputInvalid, EntityNotFound, Conflict, Forbidden) as exc:
            outcomes[i] = Outcome(error=exc)
            continue
        outcomes[i] = Outcome(entity=entity, changed=write is not None)
        if write is not None and change is not None:
            writes.append({**write, "pendingOnly": pending_only} if pending_only else write)
            changes.append(change)
    if writes:
        written = await tx.run(queries["write"], rows=writes)
        # The statement re-checks under the edge's lock (a decision may have landed since
        # the state was read); raising rolls the whole transaction back.
        for row in written:
            if row.get("allowed") is False:
                _check_pending(spec, row, {"status": "decided"})
        await record(tx, actor, changes)


def _check_pending(spec: Spec, data: dict[str, Any], rel: dict[str, Any] | None) -> None:
    """A partner writes a registration only while it is pending (or new)."""
    status = (rel or {}).get("status", "pending")
    if rel is not None and status != "pending":
        raise Forbidden(
            f"registration {rel_id(spec, data)} is {status}; only the vendor changes a "
            "decided registration",
            recordType=spec.record_type,
        )


def _plan_rel(
    spec: Spec,
    data: dict[str, Any],
    state: dict[str, Any],
    shares: dict[str, dict[str, float]],
    at: datetime,
) -> tuple[dict[str, Any] | None, Change | None, dict[str, Any]]:
    a, b = spec.endpoints
    fa, fb = spec.field(a), spec.field(b)
    assert fa is not None and fb is not None and fa.label and fb.label
    if not state["fromFound"]:
        raise EntityNotFound(fa.label, data[a])
    if not state["toFound"]:
        raise EntityNotFound(fb.label, data[b])
    if spec.record_type == "ResellsFor" and state["extra"]:
        raise InputInvalid(
            [
                (
                    [b],
                    f"{data[b]} already resells for {data[a]} (directly or through others); "
                    "this edge would make a cycle",
                )
            ]
        )
    existing = plain_map(state["rel"]) if state["rel"] is not None else None
    values = {k: v for k, v in data.items() if k not in (a, b)}
    if existing is None:
        values = {**spec.defaults, **values}
        if "at" in {f.name for f in spec.fields} and "at" not in values:
            values["at"] = at
    if spec.record_type == "Attribution":
        _check_shares(data, values, existing, state, shares)
    if spec.record_type == "Certification":
        _plan_certification(values, existing, state["extra"] or {})
    _check_spans({**(existing or {}), **values})
    changed = {k: v for k, v in values.items() if existing is None or not same(existing.get(k), v)}
    if spec.record_type == "StockLevel" and "quantity" in changed and "countedAt" not in values:
        changed["countedAt"] = at  # a new count without its own time was counted now
    ends = {a: data[a], b: data[b]}
    if existing is not None and not changed:
        return None, None, {**existing, **ends}
    stamp: dict[str, Any] = {"updatedAt": at}
    if existing is None:
        stamp["createdAt"] = at
    entity = {**(existing or {}), **changed, **stamp, **ends}
    assert spec.rel_type is not None
    ident = rel_id(spec, data)
    if existing is None:
        change = Change(spec.rel_type, ident, LINK, None, _without_stamps(entity))
    else:
        change = Change(
            spec.rel_type,
            ident,
            UPDATE,
            {k: existing.get(k) for k in changed},
            {k: entity.get(k) for k in changed},
        )
    change.partner_ids = list(state["partnerIds"] or [])
    return {**ends, "props": {**changed, **stamp}}, change, entity


def _check_spans(merged: dict[str, Any]) -> None:
    """An update naming one end of a date span is checked against the stored other end."""
    for start, end in DATE_SPANS:
        first, last = plain(merged.get(start)), plain(merged.get(end))
        if isinstance(first, date) and isinstance(last, date) and last < first:
            raise InputInvalid([([end], f"is before {start} ({first.isoformat()})")])


def _plan_certification(
    values: dict[str, Any], existing: dict[str, Any] | None, course: dict[str, Any]
) -> None:
    """Only certification courses certify. Without an expiry date, a new (or re-issued)
    certification expires validityDays after its issue date: a renewal names only the
    new issue date. A course without validityDays certifies until a date is given."""
    if course.get("kind") != "certification":
        raise InputInvalid(
            [(["courseId"], "is a training course: record a Completion, not a Certification")]
        )
    days = course.get("validityDays")
    issued = values.get("issuedDate")
    reissued = existing is None or not same(existing.get("issuedDate"), issued)
    if reissued and "expiresDate" not in values and days and isinstance(issued, date):
        values["expiresDate"] = issued + timedelta(days=int(days))


def _check_shares(
    data: dict[str, Any],
    values: dict[str, Any],
    existing: dict[str, Any] | None,
    state: dict[str, Any],
    shares: dict[str, dict[str, float]],
) -> None:
    deal = data["dealId"]
    if deal not in shares:
        shares[deal] = {
            s["partnershipId"]: float(s["share"])
            for s in state["extra"] or []
            if s.get("partnershipId") is not None and s.get("share") is not None
        }
    share = values.get("share", (existing or {}).get("share"))
    if share is None:
        return
    proposed = {**shares[deal], data["partnershipId"]: float(share)}
    total = sum(proposed.values())
    if total > 1 + SHARE_TOLERANCE:
        raise InputInvalid(
            [(["share"], f"shares credited on deal {deal} would sum to {total:.4g}; at most 1")]
        )
    shares[deal] = proposed


# -- deletes ------------------------------------------------------------------------------


async def delete_node(
    tx: Tx, record_type: str, entity_id: str, actor: str, cascade: bool
) -> dict[str, Any]:
    queries = _NODE_Q[record_type]
    check = await tx.run_one(queries["delete_check"], id=entity_id)
    if check is None:
        raise EntityNotFound(record_type, entity_id)
    blocking = int(check["blocking"] or 0)
    if blocking and not cascade:
        raise Conflict(_conflict_message(record_type, entity_id, blocking))
    node = plain_map(check["node"])
    await tx.run(queries["delete"], id=entity_id)
    partner_ids = list(check["partnerIds"] or [])
    changes = [Change(record_type, entity_id, DELETE, node, None, partner_ids)]
    # Nodes the delete takes along (partnerships, goals, contacts) get entries of their own.
    owned = [plain_map(o) for o in check["owned"] or []]
    for before in sorted(owned, key=lambda o: (o["ownedLabel"], str(o["id"]))):
        owned_type = before.pop("ownedLabel")
        changes.append(Change(owned_type, before["id"], DELETE, before, None, partner_ids))
    await record(tx, actor, changes)
    return node


def _conflict_message(record_type: str, entity_id: str, blocking: int) -> str:
    what = {
        "Partner": "deal(s) credited to its partnerships",
        "Partnership": "deal(s) credited to it",
        "Program": "partnership(s) enrolled in it",
        "Customer": "deal(s) for it",
    }.get(record_type, "dependent record(s)")
    return (
        f"{record_type} {entity_id!r} still has {blocking} {what}; "
        "delete with cascade to remove it anyway"
    )


async def unlink_rel(
    tx: Tx, record_type: str, data: dict[str, Any], actor: str, pending_only: bool = False
) -> dict[str, Any]:
    spec = SPECS[record_type]
    queries = _REL_Q[record_type]
    a, b = spec.endpoints
    state = await tx.run_one(queries["state"], keys=[{"i": 0, a: data[a], b: data[b]}])
    if state is None or state["rel"] is None:
        raise EntityNotFound(record_type, rel_id(spec, data))
    ends = {a: data[a], b: data[b]}
    if record_type == "Registration":
        if pending_only:
            _check_pending(spec, data, state["rel"])
        removed = await tx.run(queries["unlink"], **ends, pendingOnly=pending_only)
        if not removed:  # decided under the edge's lock, after the state was read
            _check_pending(spec, data, {"status": "decided"})
    else:
        await tx.run(queries["unlink"], **ends)
    before = {**plain_map(state["rel"]), a: data[a], b: data[b]}
    assert spec.rel_type is not None
    change = Change(
        spec.rel_type, rel_id(spec, data), UNLINK, before, None, list(state["partnerIds"] or [])
    )
    await record(tx, actor, [change])
    return before


def first_error(outcomes: Iterable[Outcome]) -> Exception | None:
    for outcome in outcomes:
        if outcome.error is not None:
            return outcome.error
    return None
