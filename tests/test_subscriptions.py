"""Subscriptions over real WebSockets (graphql-transport-ws) against the real app.

Every test runs once per broker: the in-process default and the graph-store
broker, which tails the change log and so also serves other API instances.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from graph_api.changes import CREATE, LINK, UPDATE, Change
from graph_api.embedded import Connection
from graph_api.store import Store, Tx
from tests.test_events_support import GqlWs, RunningApp, fast_settings, gql, record_changes, run_app

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
            await store.write(failing)
        invalid = await gql(app.url, UPSERT_PARTNER, {"input": {"id": "p-bad", "kind": "RESELLER"}})
        assert invalid["upsertPartner"]["__typename"] == "ValidationError"
        await record_changes(store, [partner("p-kept", "Kept")])
        [event] = await ws.events("1", 1)
    # The first event is the committed write; the rolled-back one consumed no number.
    assert event["graphChanged"]["entityId"] == "p-kept"
    assert event["graphChanged"]["sequence"] == 1


async def test_after_sequence_replays_what_was_missed(app: RunningApp, store: Store) -> None:
    await record_changes(store, [partner(f"p{i}", f"P{i}") for i in range(1, 4)])
    async with GqlWs(app.ws_url) as ws:
        await ws.subscribe("r", GRAPH_CHANGED, {"after": 1})
        replayed = await ws.events("r", 2)
        await record_changes(store, [partner("p4", "P4")])
        [live] = await ws.events("r", 1)
        await record_changes(store, [partner("p5", "P5")])
        [later] = await ws.events("r", 1)
    assert [e["graphChanged"]["sequence"] for e in replayed] == [2, 3]
    assert [e["graphChanged"]["entityId"] for e in replayed] == ["p2", "p3"]
    # Each event exactly once, in order, across the replay/live hand-over.
    assert live["graphChanged"]["sequence"] == 4
    assert later["graphChanged"]["sequence"] == 5


async def test_replay_beyond_retention_is_refused_with_resume_point(
    app: RunningApp, store: Store
) -> None:
    await record_changes(store, [partner(f"p{i}", f"P{i}") for i in range(1, 4)])
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
        await record_changes(
            store,
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
        await record_changes(
            store,
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
        await record_changes(store, [partner("p1", "P")])
        [event] = await ws.events("b", 1)
        assert event["graphChanged"]["sequence"] == 1
        await record_changes(store, [partner("p2", "Q")])
        [second] = await ws.events("b", 1)  # nothing for "a" arrives in between
        assert second["graphChanged"]["sequence"] == 2
