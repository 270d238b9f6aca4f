"""Partners write registrations only while they are pending: the vendor's decision is final."""

from __future__ import annotations

from typing import Any

from graph_api.context import PARTNER, Principal
from graph_api.cypher import named
from graph_api.store import Store, Tx
from tests.support.domain import build_graph, run, run_errors

ACME = Principal(sub="acme-user", role=PARTNER, partner_id="p1")
REGISTER = """mutation($i: RegisterDealInput!) { registerDeal(input: $i) {
  __typename ... on RegisterDealPayload { registration { status expiresAt } } } }"""
WITHDRAW = """mutation($i: DealPartnershipInput!) { withdrawRegistration(input: $i) {
  __typename } }"""
STATE = """MATCH (:Partnership {id: $s})-[r:REGISTERED]->(:Deal {id: $d})
RETURN r.status AS status, toString(r.expiresAt) AS expiresAt, keys(r) AS keys"""
WRITE = named("queries/ingest_registration_write")
UNLINK = named("queries/ingest_registration_unlink")


async def state(store: Store, s: str, d: str) -> list[dict[str, Any]]:
    return await store.run_raw(STATE, {"s": s, "d": d})


async def changes(store: Store) -> int:
    rows = await store.run_raw("MATCH (c:Change) RETURN count(c) AS n")
    return int(rows[0]["n"])


async def test_partners_cannot_change_a_decided_registration(store: Store) -> None:
    await build_graph(store)
    # d3 is registered by p1's s1 and approved; d1 is credited to s1, registered and rejected.
    admin = {"dealId": "d1", "partnershipId": "s1", "status": "REJECTED"}
    data, _ = await run(store, REGISTER, {"i": admin})
    assert data["registerDeal"]["registration"]["status"] == "REJECTED"
    approved = await state(store, "s1", "d3")
    rejected = await state(store, "s1", "d1")
    logged = await changes(store)

    attempts = [
        (REGISTER, {"dealId": "d3", "partnershipId": "s1", "expiresAt": "2030-01-01T00:00:00Z"}),
        (REGISTER, {"dealId": "d3", "partnershipId": "s1", "status": "PENDING"}),
        (REGISTER, {"dealId": "d1", "partnershipId": "s1", "status": "PENDING"}),
        (REGISTER, {"dealId": "d1", "partnershipId": "s1", "at": "2024-02-01T00:00:00Z"}),
        (WITHDRAW, {"dealId": "d3", "partnershipId": "s1"}),
        (WITHDRAW, {"dealId": "d1", "partnershipId": "s1"}),
    ]
    for mutation, variables in attempts:
        errors = await run_errors(store, mutation, {"i": variables}, principal=ACME, scope=["p1"])
        assert [e.extensions["code"] for e in errors] == ["FORBIDDEN"], (variables, errors)
        assert "only the vendor" in errors[0].message
    assert await state(store, "s1", "d3") == approved
    assert await state(store, "s1", "d1") == rejected
    assert await changes(store) == logged


async def test_partners_create_and_edit_their_own_pending_registrations(store: Store) -> None:
    await build_graph(store)
    await store.run_raw("MATCH (:Partnership {id: 's1'})-[r:REGISTERED]->() DELETE r")
    first = {"dealId": "d1", "partnershipId": "s1"}
    data, _ = await run(store, REGISTER, {"i": first}, principal=ACME, scope=["p1"])
    assert data["registerDeal"]["registration"] == {"status": "PENDING", "expiresAt": None}
    edit = {**first, "expiresAt": "2030-01-01T00:00:00Z"}
    data, _ = await run(store, REGISTER, {"i": edit}, principal=ACME, scope=["p1"])
    assert data["registerDeal"]["registration"]["expiresAt"].startswith("2030-01-01")
    (row,) = await state(store, "s1", "d1")
    assert row["status"] == "pending" and "lock" not in row["keys"]
    data, _ = await run(store, WITHDRAW, {"i": first}, principal=ACME, scope=["p1"])
    assert data["withdrawRegistration"]["__typename"] == "UnlinkPayload"
    assert await state(store, "s1", "d1") == []
    # The vendor still changes its decisions as it likes.
    data, _ = await run(
        store, REGISTER, {"i": {"dealId": "d3", "partnershipId": "s1", "status": "REJECTED"}}
    )
    assert data["registerDeal"]["registration"]["status"] == "REJECTED"


async def test_the_pending_check_is_part_of_the_write_statement(store: Store) -> None:
    """A vendor decision committed after the partner's write read the registration (the
    race) still wins: the write statement itself re-reads the status under the edge's
    write lock and leaves a decided registration alone."""
    await build_graph(store)
    approved = await state(store, "s1", "d3")
    row = {
        "partnershipId": "s1",
        "dealId": "d3",
        "props": {"status": "pending", "expiresAt": "2031-01-01"},
        "pendingOnly": True,
    }

    async def partner_write(tx: Tx) -> list[dict[str, Any]]:
        return await tx.run(WRITE, rows=[row])

    result = await store.write(partner_write)
    assert [r["allowed"] for r in result] == [False]
    assert await state(store, "s1", "d3") == approved

    async def partner_unlink(tx: Tx) -> list[dict[str, Any]]:
        return await tx.run(UNLINK, partnershipId="s1", dealId="d3", pendingOnly=True)

    assert await store.write(partner_unlink) == []
    assert await state(store, "s1", "d3") == approved
