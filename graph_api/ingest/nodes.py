"""Node rows of one batch: read their state, plan each row's change, write the changed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from graph_api.changes import CREATE, UPDATE, Change, record
from graph_api.errors import Conflict, EntityNotFound, InputInvalid
from graph_api.ingest.declarations import Spec
from graph_api.ingest.outcome import Outcome
from graph_api.ingest.spans import check_spans
from graph_api.ingest.statements import NODE_QUERIES
from graph_api.ingest.stored import plain_map, same, without_stamps
from graph_api.ingest.validation import missing_required
from graph_api.store import Tx


async def apply_nodes(
    tx: Tx,
    spec: Spec,
    items: list[tuple[int, dict[str, Any]]],
    ids: dict[int, tuple[str, bool]],
    outcomes: list[Outcome],
    actor: str,
    at: datetime,
) -> None:
    """Upsert one chunk (no id repeats): rows the state read found absent are CREATEd,
    the others updated. Should another writer create one of those ids meanwhile, the
    id's uniqueness constraint fails the transaction and Store.write runs it again."""
    queries = NODE_QUERIES[spec.record_type]
    ref_names = [f.name for f in spec.refs]
    keys = [
        {"i": i, "id": ids[i][0], **{name: data.get(name) for name in ref_names}}
        for i, data in items
    ]
    states = {row["i"]: row for row in await tx.run(queries["state"], keys=keys)}
    writes: list[dict[str, Any]] = []
    creates: list[dict[str, Any]] = []
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
            (creates if existing is None else writes).append(write)
            changes.append(change)
    if creates:
        await tx.run(queries["create"], rows=creates)
    if writes:
        await tx.run(queries["write"], rows=writes)
    if changes:
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
    check_spans({**(existing or {}), **values})
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
        change = Change(spec.record_type, node_id, CREATE, None, without_stamps(after_entity))
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
