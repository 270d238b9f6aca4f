"""Commit listeners belong to one store: a write is heard by the listeners of the
store it was committed through, and by no other store's, even in the same process;
so two apps in one process each hear only their own writes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from graph_api.changes import CREATE, Change, record
from graph_api.embedded import Connection
from graph_api.store import Store, Tx, open_store
from tests.support.events import (
    GqlWs,
    RunningApp,
    fast_settings,
    gql,
    record_changes,
    run_app,
)


def partner(pid: str) -> Change:
    return Change("Partner", pid, CREATE, None, {"id": pid, "name": pid.upper()}, [pid])


@pytest.fixture
async def other_store(migrated: Connection, store: Store) -> AsyncIterator[Store]:
    """A second store object on the same graph (the ``store`` fixture wiped it)."""
    handle = open_store(migrated.uri, migrated.user, migrated.password, migrated.database)
    try:
        yield handle
    finally:
        await handle.close()


def ids(heard: list[list[Any]]) -> list[list[str]]:
    return [[event.entity_id for event in events] for events in heard]


async def test_a_commit_is_heard_only_by_its_own_stores_listeners(
    store: Store, other_store: Store
) -> None:
    heard_here: list[list[Any]] = []
    heard_there: list[list[Any]] = []
    store.add_commit_listener(heard_here.append)
    other_store.add_commit_listener(heard_there.append)

    await record_changes(store, [partner("a"), partner("b")])
    assert ids(heard_here) == [["a", "b"]]
    assert heard_there == []

    await record_changes(other_store, [partner("c")])
    assert ids(heard_here) == [["a", "b"]]
    assert ids(heard_there) == [["c"]]


async def test_rolled_back_and_removed_listeners_hear_nothing(store: Store) -> None:
    heard: list[list[Any]] = []
    store.add_commit_listener(heard.append)

    async def failing(tx: Tx) -> None:
        await record(tx, "test", [partner("lost")])
        raise RuntimeError("abort after recording")

    with pytest.raises(RuntimeError):
        await store.write(failing)
    assert heard == []

    store.remove_commit_listener(heard.append)
    store.remove_commit_listener(heard.append)  # removing twice is harmless
    await record_changes(store, [partner("kept")])
    assert heard == []


async def test_a_failing_listener_neither_fails_the_write_nor_silences_the_others(
    store: Store,
) -> None:
    heard: list[list[Any]] = []

    def broken(events: list[Any]) -> None:
        raise ValueError("listener bug")

    store.add_commit_listener(broken)
    store.add_commit_listener(heard.append)
    await record_changes(store, [partner("p")])  # committed, though a listener failed
    assert ids(heard) == [["p"]]


GRAPH_CHANGED = "subscription { graphChanged { sequence entityId } }"
UPSERT_PARTNER = """
mutation ($input: PartnerInput!) {
  upsertPartner(input: $input) { __typename }
}
"""


async def test_two_apps_in_one_process_hear_only_their_own_writes(
    migrated: Connection, store: Store
) -> None:
    settings = fast_settings(event_broker="inprocess", webhook_worker=False)

    async def upsert(app: RunningApp, pid: str) -> None:
        data = await gql(
            app.url, UPSERT_PARTNER, {"input": {"id": pid, "name": pid, "kind": "RESELLER"}}
        )
        assert data["upsertPartner"]["__typename"] == "PartnerPayload"

    with run_app(settings, migrated) as one, run_app(settings, migrated) as two:
        assert one.hub is not two.hub  # each app has its own, on its own state
        async with GqlWs(one.ws_url) as on_one, GqlWs(two.ws_url) as on_two:
            await on_one.subscribe("s", GRAPH_CHANGED)
            await on_two.subscribe("s", GRAPH_CHANGED)
            await on_one.ready()
            await on_two.ready()
            await upsert(one, "p-one")
            await upsert(two, "p-two")
            await upsert(one, "p-one-again")
            # Had either heard the other's write, it would arrive here, in order.
            heard_one = [e["graphChanged"] for e in await on_one.events("s", 2)]
            [heard_two] = [e["graphChanged"] for e in await on_two.events("s", 1)]
    assert heard_one == [
        {"sequence": 1, "entityId": "p-one"},
        {"sequence": 3, "entityId": "p-one-again"},
    ]
    assert heard_two == {"sequence": 2, "entityId": "p-two"}
