"""The lookups of the write path are index-backed: PROFILE shows no label scan,
also when optional references are null."""

from __future__ import annotations

import re
from typing import Any

import pytest

from graph_api.cypher import named
from graph_api.ingest.spec import NODE_TYPES, RELATIONSHIP_TYPES, SPECS
from graph_api.store import Store
from tests.support.ingest import base

# Embedded store: "MATCH NODE (x:Label) (...)" without "[index: ...]" is a scan.
_ARCADE_SCAN = re.compile(r"MATCH NODE \(\s*\w+:\w+\)(?! \[index)")


def _scans(plan: dict[str, Any] | None) -> list[str]:
    if not plan:
        return []
    found = []
    operator = str(plan.get("operatorType", ""))
    if "LabelScan" in operator or "AllNodesScan" in operator:
        found.append(operator)
    text = str(plan.get("args", {}).get("string-representation", ""))
    found += [line.strip() for line in text.splitlines() if _ARCADE_SCAN.search(line)]
    for child in plan.get("children", []) or []:
        found += _scans(child)
    return found


async def profile(store: Store, name: str, **params: Any) -> list[str]:
    query = named(name)
    async with store.driver.session(database=store.database) as session:
        tx = await session.begin_transaction()
        try:
            result = await tx.run("PROFILE " + query.text, params)
            summary = await result.consume()
        finally:
            await tx.rollback()
    return _scans(summary.profile)


def _keys(record_type: str, with_refs: bool) -> list[dict[str, Any]]:
    spec = SPECS[record_type]
    key: dict[str, Any] = {"i": 0, "id": "d1", "sourceSystem": None, "externalId": None}
    key["domain"] = None
    for field in spec.fields:
        if field.kind == "ref":
            key[field.name] = (
                {"Partner": "p1", "Partnership": "ps1", "Customer": "c1"}.get(
                    field.label or "", "d1"
                )
                if with_refs
                else None
            )
    return [key]


@pytest.mark.parametrize("record_type", NODE_TYPES)
async def test_node_lookups_are_index_backed(store: Store, record_type: str) -> None:
    await base(store)
    low = record_type.lower()
    for with_refs in (True, False):
        keys = _keys(record_type, with_refs)
        assert await profile(store, f"queries/ingest_{low}_state", keys=keys) == []
        assert await profile(store, f"queries/ingest_{low}_resolve", keys=keys) == []
        assert await profile(store, f"queries/ingest_{low}_delete_check", id="d1") == []


@pytest.mark.parametrize("record_type", RELATIONSHIP_TYPES)
async def test_relationship_lookups_are_index_backed(store: Store, record_type: str) -> None:
    await base(store)
    spec = SPECS[record_type]
    a, b = spec.endpoints
    ids = {"partnershipId": "ps1", "dealId": "d1", "partnerId": "p1", "customerId": "c1"}
    key = {"i": 0, a: ids.get(a, "p2"), b: ids.get(b, "p2")}
    low = record_type.lower()
    assert await profile(store, f"queries/ingest_{low}_state", keys=[key]) == []
