"""Subscriptions over real WebSockets (graphql-transport-ws) against the real app.

Every test runs once per broker: the in-process default and the graph-store
broker, which tails the change log and so also serves other API instances.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph_api.changes import CREATE, LINK, UPDATE, Change
from graph_api.embedded import Connection
from graph_api.store import Store, Tx
from tests.support.commands import store_cli
from tests.support.events import GqlWs, RunningApp, fast_settings, gql, run_app

BROKERS = ["inprocess", "graph"]

GRAPH_CHANGED = """
subscription ($types: [String!], $partnerId: ID, $after: Int) {
  graphChanged(entityTypes: $types, partnerId: $partnerId, afterSequence: $after) {
    id sequence time actor entityType entityId operation eventType partnerIds
    changes { field before after }
  }
}
"""
DEAL_UPDATED = """
subscription ($dealId: ID, $after: Int) {
  dealUpdated(dealId: $dealId, afterSequence: $after) { sequence entityType entityId operation }
}
"""
UPSERT_PARTNER = """
mutation ($input: PartnerInput!) {
  upsertPartner(input: $input) {
    __typename
    ... on PartnerPayload { partner { id name } }
    ... on ValidationError { message }
  }
}
"""


@pytest.fixture(scope="module", params=BROKERS)
def app(request: pytest.FixtureRequest, migrated: Connection) -> Iterator[RunningApp]:
    with run_app(fast_settings(event_broker=request.param, webhook_worker=False), migrated) as a:
        assert a.hub.broker.name == request.param
        yield a


def partner(pid: str, name: str, op: str = CREATE) -> Change:
    before = {"name": "old"} if op == UPDATE else None
    return Change("Partner", pid, op, before, {"id": pid, "name": name}, [pid])


async def test_subscriber_receives_event_after_mutation(app: RunningApp, store: Store) -> None:
    async with GqlWs(app.ws_url) as ws:
        await ws.subscribe("1", GRAPH_CHANGED)
        await ws.ready()
        data = await gql(
            app.url, UPSERT_PARTNER, {"input": {"id": "p-ws", "name": "Acme", "kind": "RESELLER"}}
        )
        assert data["upsertPartner"]["__typename"] == "PartnerPayload"
        [event] = await ws.events("1", 1)
    change = event["graphChanged"]
    assert change["sequence"] == 1
    assert change["entityType"] == "Partner"
    assert change["entityId"] == "p-ws"
    assert change["operation"] == "create"
    assert change["eventType"] == "Partner.create"
    assert change["actor"] == "anonymous"
    assert change["partnerIds"] == ["p-ws"]
    fields = {c["field"]: (c["before"], c["after"]) for c in change["changes"]}
    assert fields["name"] == (None, "Acme")
    assert fields["kind"] == (None, "reseller")


async def test_rolled_back_write_emits_nothing(app: RunningApp, store: Store) -> None:
    async def failing(tx: Tx) -> None:
        from graph_api.changes import record

        await record(tx, "test", [partner("p-lost", "Lost")])
        raise RuntimeError("abort after recording")

    async with GqlWs(app.ws_url) as ws:
        await ws.subscribe("1", GRAPH_CHANGED)
        await ws.ready()
        with pytest.raises(RuntimeError):
            await app.on_server(app.store.write(failing))
        invalid = await gql(app.url, UPSERT_PARTNER, {"input": {"id": "p-bad", "kind": "RESELLER"}})
        assert invalid["upsertPartner"]["__typename"] == "ValidationError"
        await app.record([partner("p-kept", "Kept")])
        [event] = await ws.events("1", 1)
    # The first event is the committed write; the rolled-back one consumed no number.
    assert event["graphChanged"]["entityId"] == "p-kept"
    assert event["graphChanged"]["sequence"] == 1


async def test_after_sequence_replays_what_was_missed(app: RunningApp, store: Store) -> None:
    await app.record([partner(f"p{i}", f"P{i}") for i in range(1, 4)])
    async with GqlWs(app.ws_url) as ws:
        await ws.subscribe("r", GRAPH_CHANGED, {"after": 1})
        replayed = await ws.events("r", 2)
        await app.record([partner("p4", "P4")])
        [live] = await ws.events("r", 1)
        await app.record([partner("p5", "P5")])
        [later] = await ws.events("r", 1)
    assert [e["graphChanged"]["sequence"] for e in replayed] == [2, 3]
    assert [e["graphChanged"]["entityId"] for e in replayed] == ["p2", "p3"]
    # Each event exactly once, in order, across the replay/live hand-over.
    assert live["graphChanged"]["sequence"] == 4
    assert later["graphChanged"]["sequence"] == 5


async def test_replay_beyond_retention_is_refused_with_resume_point(
    app: RunningApp, store: Store
) -> None:
    await app.record([partner(f"p{i}", f"P{i}") for i in range(1, 4)])
    # Age the first two entries past the 7-day window; they stay in the log for audit.
    await store.run_raw(
        "MATCH (c:Change) WHERE c.seq <= 2 SET c.at = datetime() - duration('P30D')"
    )
    async with GqlWs(app.ws_url) as ws:
        await ws.subscribe("old", GRAPH_CHANGED, {"after": 0})
        message = await ws.next_for("old")
        ended = await ws.next_for("old")
        await ws.subscribe("ok", GRAPH_CHANGED, {"after": 2})
        [resumed] = await ws.events("ok", 1)
    # The operation answers one result carrying the typed error, then completes.
    assert message["type"] == "next" and message["id"] == "old", message
    assert ended == {"id": "old", "type": "complete"}
    errors: list[dict[str, Any]] = message["payload"]["errors"]
    assert errors[0]["extensions"] == {
        "code": "REPLAY_UNAVAILABLE",
        "afterSequence": 0,
        "oldestRetainedSequence": 3,
        "resumeAfterSequence": 2,
        "latestSequence": 3,
    }
    assert "no longer retained" in errors[0]["message"]
    assert resumed["graphChanged"]["sequence"] == 3
    rows = await store.run_raw("MATCH (c:Change) RETURN count(c) AS n")
    assert rows == [{"n": 3}]


async def test_filters_by_partner_and_entity_type(app: RunningApp, store: Store) -> None:
    async with GqlWs(app.ws_url) as ws:
        await ws.subscribe("p", GRAPH_CHANGED, {"partnerId": "pa"})
        await ws.subscribe("t", GRAPH_CHANGED, {"types": ["Deal.update", "ATTRIBUTED"]})
        await ws.ready()
        await app.record(
            [
                partner("pb", "B"),
                partner("pa", "A"),
                Change("Deal", "d1", CREATE, None, {"name": "D"}, ["pb"]),
                Change("Deal", "d1", UPDATE, {"amount": 1}, {"amount": 2}, ["pb"]),
                Change("ATTRIBUTED", "ps1->d1", LINK, None, {"share": 1.0}, ["pa"]),
            ],
        )
        by_partner = await ws.events("p", 2)
        by_type = await ws.events("t", 2)
    assert [e["graphChanged"]["sequence"] for e in by_partner] == [2, 5]
    assert [e["graphChanged"]["eventType"] for e in by_type] == ["Deal.update", "ATTRIBUTED.link"]
    assert by_type[1]["graphChanged"]["changes"] == [
        {"field": "share", "before": None, "after": 1.0}
    ]


async def test_deal_updated_streams_the_deal_and_its_relationships(
    app: RunningApp, store: Store
) -> None:
    async with GqlWs(app.ws_url) as ws:
        await ws.subscribe("d", DEAL_UPDATED, {"dealId": "d1"})
        await ws.ready()
        await app.record(
            [
                Change("Deal", "d2", CREATE, None, {"name": "other"}, []),
                Change("Deal", "d1", CREATE, None, {"name": "mine"}, []),
                partner("p1", "P"),
                Change("ATTRIBUTED", "ps1->d1", LINK, None, {"role": "sourced"}, ["p1"]),
                Change("REGISTERED", "ps1->d2", LINK, None, {"status": "pending"}, ["p1"]),
                Change("Deal", "d1", UPDATE, {"stage": "prospect"}, {"stage": "won"}, []),
            ],
        )
        got = await ws.events("d", 3)
    assert [(e["dealUpdated"]["sequence"], e["dealUpdated"]["entityType"]) for e in got] == [
        (2, "Deal"),
        (4, "ATTRIBUTED"),
        (6, "Deal"),
    ]


async def test_complete_stops_the_stream(app: RunningApp, store: Store) -> None:
    async with GqlWs(app.ws_url) as ws:
        await ws.subscribe("a", GRAPH_CHANGED)
        await ws.subscribe("b", GRAPH_CHANGED)
        await ws.ready()
        await ws.complete("a")
        await ws.ready()
        await app.record([partner("p1", "P")])
        [event] = await ws.events("b", 1)
        assert event["graphChanged"]["sequence"] == 1
        await app.record([partner("p2", "Q")])
        [second] = await ws.events("b", 1)  # nothing for "a" arrives in between
        assert second["graphChanged"]["sequence"] == 2


MUTATIONS: list[tuple[str, str, dict[str, Any]]] = [
    ("upsertPartner", "PartnerInput", {"id": "p1", "name": "Res", "kind": "RESELLER"}),
    ("upsertPartner", "PartnerInput", {"id": "p2", "name": "Dist", "kind": "DISTRIBUTOR"}),
    ("setDistributor", "SetDistributorInput", {"partnerId": "p1", "distributorId": "p2"}),
    (
        "setSharingConsent",
        "SharingConsentInput",
        {"partnerId": "p1", "withPartnerId": "p2", "level": "OVERLAPS"},
    ),
    (
        "upsertProgram",
        "ProgramInput",
        {"id": "g1", "name": "Resell", "commissionType": "PERCENT_OF_DEAL", "commissionRate": 0.2},
    ),
    ("enrollPartner", "EnrollPartnerInput", {"id": "s1", "partnerId": "p1", "programId": "g1"}),
    ("upsertCustomer", "CustomerInput", {"id": "c1", "name": "Globex"}),
    ("linkPartnerCustomer", "LinkPartnerCustomerInput", {"partnerId": "p1", "customerId": "c1"}),
    ("upsertDeal", "DealInput", {"id": "d1", "name": "Big", "amount": 100, "customerId": "c1"}),
    (
        "registerDeal",
        "RegisterDealInput",
        {"dealId": "d1", "partnershipId": "s1", "status": "APPROVED"},
    ),
    (
        "attributeDeal",
        "AttributeDealInput",
        {"dealId": "d1", "attributions": [{"partnershipId": "s1", "role": "SOURCED", "share": 1}]},
    ),
]


async def test_every_kind_of_write_reaches_subscribers(app: RunningApp, store: Store) -> None:
    query = "subscription { graphChanged { sequence entityType entityId operation partnerIds } }"
    async with GqlWs(app.ws_url) as ws:
        await ws.subscribe("all", query)
        await ws.ready()
        for name, input_type, input in MUTATIONS:
            text = f"mutation ($i: {input_type}!) {{ {name}(input: $i) {{ __typename }} }}"
            data = await gql(app.url, text, {"i": input})
            assert not data[name]["__typename"].endswith("Error"), (name, data)
        got = [e["graphChanged"] for e in await ws.events("all", 11)]
    assert [e["sequence"] for e in got] == list(range(1, 12))
    assert [(e["entityType"], e["entityId"], e["operation"], e["partnerIds"]) for e in got] == [
        ("Partner", "p1", "create", ["p1"]),
        ("Partner", "p2", "create", ["p2"]),
        ("RESELLS_FOR", "p1->p2", "link", ["p1", "p2"]),
        ("SHARES_WITH", "p1->p2", "link", ["p1", "p2"]),
        ("Program", "g1", "create", []),
        ("Partnership", "s1", "create", ["p1"]),
        ("Customer", "c1", "create", []),
        ("SERVES", "p1->c1", "link", ["p1"]),
        ("Deal", "d1", "create", []),
        ("REGISTERED", "s1->d1", "link", ["p1"]),
        ("ATTRIBUTED", "s1->d1", "link", ["p1"]),
    ]


async def test_cli_import_reaches_subscribers(
    app: RunningApp, store: Store, migrated: Connection, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [
        {"type": "Partner", "id": "p1", "name": "Res", "kind": "reseller"},
        {"type": "Partner", "id": "p2", "name": "Dist", "kind": "distributor"},
        {"type": "ResellsFor", "partnerId": "p1", "distributorId": "p2"},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records))
    query = GRAPH_CHANGED.replace(
        "id sequence time actor entityType entityId operation eventType partnerIds\n"
        "    changes { field before after }",
        "sequence entityType actor",
    )
    async with GqlWs(app.ws_url) as ws:
        await ws.subscribe("live", query)
        await ws.ready()
        result = await asyncio.to_thread(store_cli, ["import", str(feed)], migrated)
        assert result.returncode == 0, result.stderr
        # The import is another process: its commits are in the log for every broker...
        await ws.subscribe("replay", query, {"after": 0})
        replayed = [e["graphChanged"] for e in await ws.events("replay", 3)]
        # ...and the graph broker, which tails the log, streams them live as well.
        live = [] if app.hub.broker.name == "inprocess" else await ws.events("live", 3)
    expected = [(1, "Partner"), (2, "Partner"), (3, "RESELLS_FOR")]
    assert [(e["sequence"], e["entityType"]) for e in replayed] == expected
    assert [(e["graphChanged"]["sequence"], e["graphChanged"]["entityType"]) for e in live] == (
        [] if app.hub.broker.name == "inprocess" else expected
    )
    assert {e["actor"] for e in replayed} == {"import"}
