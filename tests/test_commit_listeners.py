"""Commit listeners belong to one store: a write is heard by the listeners of the
store it was committed through, and by no other store's, even in the same process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from graph_api.changes import CREATE, Change, record
from graph_api.embedded import Connection
from graph_api.store import Store, Tx, open_store
from tests.support.events import record_changes


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
