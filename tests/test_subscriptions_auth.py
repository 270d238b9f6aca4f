"""Subscriptions are authorized like queries: with auth on, a partner token
receives only events that concern its partners (its hierarchy included)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from graph_api import ingest
from graph_api.changes import CREATE, UPDATE, Change
from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.events import GqlWs, RunningApp, fast_settings, run_app
from tests.support.security import SECRET, token

QUERY = "subscription ($p: ID) { graphChanged(partnerId: $p) { sequence entityId partnerIds } }"
QUERY_AFTER = """
subscription ($p: ID, $after: Int) {
  graphChanged(partnerId: $p, afterSequence: $after) { sequence entityId partnerIds }
}
"""


@pytest.fixture(scope="module")
def secure_app(migrated: Connection) -> Iterator[RunningApp]:
    settings = fast_settings(jwt_secret=SECRET, webhook_worker=False)
    with run_app(settings, migrated) as app:
        yield app


def auth_payload(role: str, partner_id: str | None = None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token(role, partner_id)}"}


async def hierarchy(store: Store, partners: list[str], below_dist: list[str]) -> int:
    """Partners, some of them resellers under "dist"; returns the change log's head."""
    for pid in partners:
        await ingest.upsert(store, "Partner", {"id": pid, "name": pid, "kind": "reseller"}, "t")
    for pid in below_dist:
        await ingest.upsert(store, "ResellsFor", {"partnerId": pid, "distributorId": "dist"}, "t")
    rows = await store.run_raw("MATCH (c:Change) RETURN max(c.seq) AS head")
    return int(rows[0]["head"])


async def test_partner_receives_only_its_own_and_its_resellers_events(
    secure_app: RunningApp, store: Store
) -> None:
    head = await hierarchy(store, ["dist", "res", "other"], ["res"])

    def change(pid: str, owners: list[str]) -> Change:
        return Change("Deal", f"deal-{pid}", CREATE, None, {"name": pid}, owners)

    async with (
        GqlWs(secure_app.ws_url, auth_payload("partner", "dist")) as partner,
        GqlWs(secure_app.ws_url, auth_payload("admin")) as admin,
    ):
        # From the head on: a subscription that joins late still misses nothing.
        await partner.subscribe("s", QUERY_AFTER, {"after": head})
        await admin.subscribe("s", QUERY_AFTER, {"after": head})
        await partner.subscribe("foreign", QUERY, {"p": "other"})
        refused = await partner.next_for("foreign")
        await partner.ready()
        await admin.ready()
        await secure_app.record(
            [
                change("other", ["other"]),
                change("dist", ["dist"]),
                change("res", ["res"]),
                change("shared", ["other", "res"]),
            ],
        )
        mine = await partner.events("s", 3)
        everything = await admin.events("s", 4)
    assert [e["graphChanged"]["entityId"] for e in mine] == [
        "deal-dist",
        "deal-res",
        "deal-shared",
    ]
    assert [e["graphChanged"]["sequence"] for e in everything] == [
        head + 1,
        head + 2,
        head + 3,
        head + 4,
    ]
    # Asking for a partner outside the token's scope is refused, not silently empty.
    errors = refused["payload"]["errors"] if refused["type"] == "next" else refused["payload"]
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"


async def test_partner_argument_of_a_distributor_includes_its_resellers(
    secure_app: RunningApp, store: Store
) -> None:
    # Subscribing after the head: however late a subscription joins, nothing is missed.
    after = {"after": await hierarchy(store, ["dist", "res", "other"], ["res"])}
    graph = QUERY_AFTER.replace("sequence entityId partnerIds", "entityId")
    deals = graph.replace("graphChanged", "dealUpdated")
    async with (
        GqlWs(secure_app.ws_url, auth_payload("partner", "dist")) as partner,
        GqlWs(secure_app.ws_url, auth_payload("admin")) as admin,
    ):
        await partner.subscribe("deals", deals, {"p": "dist", **after})
        await partner.subscribe("all", graph, {"p": "dist", **after})
        await partner.subscribe("reseller", graph, {"p": "res", **after})
        await admin.subscribe("deals", deals, {"p": "dist", **after})
        await secure_app.record(
            [
                Change("Deal", "deal-other", CREATE, None, {"name": "o"}, ["other"]),
                Change("Deal", "deal-res", CREATE, None, {"name": "r"}, ["res"]),
                Change("Partner", "res", UPDATE, {"tier": None}, {"tier": "gold"}, ["res"]),
                Change("Deal", "deal-dist", CREATE, None, {"name": "d"}, ["dist"]),
            ],
        )
        partner_deals = await partner.events("deals", 2)
        partner_all = await partner.events("all", 3)
        reseller_only = await partner.events("reseller", 2)
        admin_deals = await admin.events("deals", 2)
    # partnerId of a distributor means the distributor and the partners below it,
    # as a distributor's own token scope does, for partner and admin callers alike.
    assert [e["dealUpdated"]["entityId"] for e in partner_deals] == ["deal-res", "deal-dist"]
    assert [e["dealUpdated"]["entityId"] for e in admin_deals] == ["deal-res", "deal-dist"]
    assert [e["graphChanged"]["entityId"] for e in partner_all] == [
        "deal-res",
        "res",
        "deal-dist",
    ]
    # A reseller's id selects only the reseller (nothing sits below it).
    assert [e["graphChanged"]["entityId"] for e in reseller_only] == ["deal-res", "res"]


async def test_a_live_subscription_follows_hierarchy_changes(
    secure_app: RunningApp, store: Store
) -> None:
    after = {
        "after": await hierarchy(store, ["dist", "stays", "joins", "leaves"], ["stays", "leaves"])
    }

    def deal_of(pid: str) -> Change:
        return Change("Deal", f"deal-{pid}", CREATE, None, {"name": pid}, [pid])

    async with (
        GqlWs(secure_app.ws_url, auth_payload("partner", "dist")) as partner,
        GqlWs(secure_app.ws_url, auth_payload("admin")) as admin,
    ):
        await partner.subscribe("s", QUERY_AFTER, after)
        # An admin's partnerId of the distributor follows its hierarchy the same way.
        await admin.subscribe("s", QUERY_AFTER, {"p": "dist", **after})
        await partner.ready()
        await admin.ready()
        await secure_app.record([deal_of("joins"), deal_of("leaves")])
        # Delivery applies the scope of its moment: let these arrive before it changes.
        received = await partner.events("s", 1)
        selected = await admin.events("s", 1)
        # While subscribed: one reseller joins the distributor, another leaves it.
        # Through the app's store, whose commits its broker hears.
        joins = {"partnerId": "joins", "distributorId": "dist"}
        leaves = {"partnerId": "leaves", "distributorId": "dist"}
        await secure_app.on_server(ingest.upsert(secure_app.store, "ResellsFor", joins, "t"))
        await secure_app.on_server(ingest.unlink(secure_app.store, "ResellsFor", leaves, "t"))
        await secure_app.record([deal_of("joins"), deal_of("leaves"), deal_of("stays")])
        received += await partner.events("s", 4)
        selected += await admin.events("s", 4)
    # Before the change only "leaves" is below dist; after it, "joins" is and "leaves"
    # is not. The two RESELLS_FOR events concern dist itself. The last deal of
    # "leaves" must not arrive: the one after "deal-joins" is the one of "stays".
    assert [e["graphChanged"]["entityId"] for e in received] == [
        "deal-leaves",
        "joins->dist",
        "leaves->dist",
        "deal-joins",
        "deal-stays",
    ]
    # The same events; partnerIds differ: a partner sees only those in its scope.
    assert [e["graphChanged"]["sequence"] for e in selected] == [
        e["graphChanged"]["sequence"] for e in received
    ]
    assert [e["graphChanged"]["partnerIds"] for e in received][-2:] == [["joins"], ["stays"]]
    async with GqlWs(secure_app.ws_url, auth_payload("partner", "dist")) as partner:
        await partner.subscribe("s", QUERY_AFTER, after)
        replayed = await partner.events("s", 5)
    assert [e["graphChanged"]["entityId"] for e in replayed][-2:] == ["deal-joins", "deal-stays"]


async def test_partner_replay_is_scoped_too(secure_app: RunningApp, store: Store) -> None:
    await secure_app.record(
        [
            Change("Deal", "d1", CREATE, None, {"name": "a"}, ["pa"]),
            Change("Deal", "d2", CREATE, None, {"name": "b"}, ["pb"]),
            Change("Deal", "d3", CREATE, None, {"name": "c"}, ["pa", "pb"]),
        ],
    )
    async with GqlWs(secure_app.ws_url, auth_payload("partner", "pa")) as ws:
        await ws.subscribe("r", QUERY.replace("graphChanged(", "graphChanged(afterSequence: 0, "))
        replayed = await ws.events("r", 2)
    assert [e["graphChanged"]["entityId"] for e in replayed] == ["d1", "d3"]


async def test_subscription_without_token_is_rejected(secure_app: RunningApp) -> None:
    import websockets

    with pytest.raises(websockets.exceptions.ConnectionClosed):
        async with GqlWs(secure_app.ws_url) as ws:
            await ws.subscribe("s", QUERY)
            await ws.receive()


@pytest.mark.parametrize("carrier", ["connection_init", "header"])
async def test_subscription_is_closed_when_its_token_expires(
    secure_app: RunningApp, store: Store, carrier: str
) -> None:
    import time

    import websockets

    from graph_api.auth import mint

    # Long enough for the first event to arrive on a busy machine before it expires.
    short = mint(SECRET, "partner", "partner:pa", "pa", ttl=4)
    expires = jwt_exp(short)
    payload = {"Authorization": f"Bearer {short}"}
    ws = GqlWs(secure_app.ws_url, payload if carrier == "connection_init" else {})
    if carrier == "header":
        ws.headers = payload
    # From the log's head, so the event is delivered however late the subscription starts.
    rows = await store.run_raw("MATCH (c:Change) RETURN coalesce(max(c.seq), 0) AS head")
    async with ws:
        await ws.subscribe("s", QUERY_AFTER, {"after": int(rows[0]["head"])})
        await ws.ready()
        await secure_app.record([Change("Deal", "before", CREATE, None, {"n": 1}, ["pa"])])
        (live,) = await ws.events("s", 1)
        assert live["graphChanged"]["entityId"] == "before"
        with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
            message = await ws.receive(timeout=10)  # nothing but the close arrives now
            pytest.fail(f"received {message} instead of the close")
        closed_at = time.time()
    assert closed.value.rcvd is not None
    assert (closed.value.rcvd.code, closed.value.rcvd.reason) == (4401, "token expired")
    # At expiry, not before it and not long after (the leeway is for verifying, not streaming).
    assert expires - 0.5 <= closed_at <= expires + 4


def jwt_exp(token_text: str) -> float:
    import jwt

    return float(jwt.decode(token_text, options={"verify_signature": False})["exp"])


async def test_legacy_graphql_ws_protocol_is_not_offered(secure_app: RunningApp) -> None:
    """Its connections would not close at token expiry: only graphql-transport-ws is served."""
    import websockets
    from websockets.typing import Subprotocol

    async with websockets.connect(
        secure_app.ws_url, subprotocols=[Subprotocol("graphql-ws")], open_timeout=30
    ) as ws:
        assert ws.subprotocol is None
        with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), 10)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4406
