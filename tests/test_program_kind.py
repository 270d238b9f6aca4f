"""A program has a kind (reseller, referral, technology, ...): written through the API
and import, carried by the demo and synthetic data, and filterable."""

from __future__ import annotations

from typing import Any

from graph_api import ingest
from graph_api.seeding import demo_rows
from graph_api.store import Store
from graph_api.synthetic.records import synthetic_records
from graph_api.vocabulary import ProgramKind
from tests.support.domain import run, run_errors

UPSERT = """mutation($i: ProgramInput!) { upsertProgram(input: $i) {
  __typename ... on ProgramPayload { program { id kind } }
  ... on ValidationError { fields { path reason } } } }"""
KINDS = {k.value for k in ProgramKind}


async def upsert(store: Store, data: dict[str, Any]) -> dict[str, Any]:
    result, _ = await run(store, UPSERT, {"i": data})
    payload: dict[str, Any] = result["upsertProgram"]
    return payload


async def test_programs_have_a_kind_set_on_create_and_update(store: Store) -> None:
    created = await upsert(
        store,
        {
            "id": "pg-alliance",
            "name": "Alliance",
            "kind": "TECHNOLOGY",
            "commissionType": "PERCENT_OF_DEAL",
            "commissionRate": 0.05,
        },
    )
    assert created["program"] == {"id": "pg-alliance", "kind": "TECHNOLOGY"}
    # An update that leaves kind out keeps it; one that names it changes it.
    assert (await upsert(store, {"id": "pg-alliance", "name": "Tech"}))["program"]["kind"] == (
        "TECHNOLOGY"
    )
    assert (await upsert(store, {"id": "pg-alliance", "kind": "RESELLER"}))["program"] == {
        "id": "pg-alliance",
        "kind": "RESELLER",
    }
    rows = await store.run_raw("MATCH (g:Program {id: 'pg-alliance'}) RETURN g.kind AS kind")
    assert rows == [{"kind": "reseller"}]
    # An unknown kind is refused by the schema before anything is written.
    errors = await run_errors(store, UPSERT, {"i": {"id": "pg-x", "name": "X", "kind": "BOGUS"}})
    assert "'BOGUS' does not exist in 'ProgramKind'" in errors[0].message
    assert await store.run_raw("MATCH (g:Program {id: 'pg-x'}) RETURN g.id AS id") == []


async def test_programs_filter_by_kind(store: Store) -> None:
    for pid, kind, ctype, terms in (
        ("pg-res", "RESELLER", "PERCENT_OF_DEAL", {"commissionRate": 0.2}),
        ("pg-ref", "REFERRAL", "PER_LEAD", {"flatAmount": 100}),
        ("pg-ref2", "REFERRAL", "PER_LEAD", {"flatAmount": 50}),
        ("pg-none", None, "PER_LEAD", {"flatAmount": 10}),
    ):
        data = {"id": pid, "name": pid, "commissionType": ctype, **terms}
        if kind:
            data["kind"] = kind
        assert (await upsert(store, data))["__typename"] == "ProgramPayload"
    query = """query($k: ProgramKind) { programs(kind: $k) { totalCount nodes { id kind } } }"""
    data, _ = await run(store, query, {"k": "REFERRAL"})
    assert data["programs"] == {
        "totalCount": 2,
        "nodes": [{"id": "pg-ref", "kind": "REFERRAL"}, {"id": "pg-ref2", "kind": "REFERRAL"}],
    }
    data, _ = await run(store, query, {"k": None})
    assert data["programs"]["totalCount"] == 4
    assert {n["id"]: n["kind"] for n in data["programs"]["nodes"]}["pg-none"] is None


async def test_import_reads_the_kind(store: Store) -> None:
    rows = [
        (
            1,
            {
                "type": "Program",
                "id": "pg-dealer",
                "name": "Dealers",
                "kind": "Dealer",
                "commissionType": "percent_of_deal",
                "commissionRate": 0.1,
            },
        ),
        (
            2,
            {
                "type": "Program",
                "id": "pg-bad",
                "name": "Bad",
                "kind": "franchise",
                "commissionType": "per_lead",
                "flatAmount": 5,
            },
        ),
    ]
    report = await ingest.import_records(store, rows, "import")
    assert report.accepted == 1
    assert [(e.line, e.reason.split(";")[0]) for e in report.rejected] == [
        (2, "kind: unknown value 'franchise'")
    ]
    stored = await store.run_raw("MATCH (g:Program) RETURN g.id AS id, g.kind AS kind")
    assert stored == [{"id": "pg-dealer", "kind": "dealer"}]


def test_demo_and_synthetic_programs_have_kinds() -> None:
    demo = [r for _, r in demo_rows() if r["type"] == "Program"]
    assert demo and all(r.get("kind") in KINDS for r in demo), demo
    assert {r["id"]: r["kind"] for r in demo}["prog-nimbus-alliance"] == "technology"
    synthetic = [r for r in synthetic_records(3, seed=1) if r["type"] == "Program"]
    assert synthetic and all(r.get("kind") in KINDS for r in synthetic), synthetic
