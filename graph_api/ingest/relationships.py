"""Relationship rows of one batch (upsert by both ends) and the removal of one edge."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from graph_api.changes import LINK, UNLINK, UPDATE, Change, record
from graph_api.errors import Conflict, EntityNotFound, Forbidden, InputInvalid
from graph_api.ingest.declarations import Spec
from graph_api.ingest.outcome import Outcome
from graph_api.ingest.spans import check_spans, plan_certification
from graph_api.ingest.spec import SPECS
from graph_api.ingest.statements import REL_QUERIES
from graph_api.ingest.stored import plain_map, same, without_stamps
from graph_api.store import Tx

SHARE_TOLERANCE = 1e-9


def rel_id(spec: Spec, data: dict[str, Any]) -> str:
    a, b = spec.endpoints
    return f"{data[a]}->{data[b]}"


async def apply_rels(
    tx: Tx,
    spec: Spec,
    items: list[tuple[int, dict[str, Any]]],
    outcomes: list[Outcome],
    actor: str,
    at: datetime,
    pending_only: bool,
) -> None:
    queries = REL_QUERIES[spec.record_type]
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
        plan_certification(values, existing, state["extra"] or {})
    check_spans({**(existing or {}), **values})
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
        change = Change(spec.rel_type, ident, LINK, None, without_stamps(entity))
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


async def unlink_rel(
    tx: Tx, record_type: str, data: dict[str, Any], actor: str, pending_only: bool = False
) -> dict[str, Any]:
    spec = SPECS[record_type]
    queries = REL_QUERIES[record_type]
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
