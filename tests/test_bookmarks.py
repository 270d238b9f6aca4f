"""Read your writes across requests and instances: the bookmark a write returns,
sent back by the client, is handed to the driver for that request's reads."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from neo4j.api import AsyncBookmarkManager

from graph_api.bookmarks import HEADER
from graph_api.config import Settings
from graph_api.embedded import Connection
from tests.support.events import RunningApp, run_app

UPSERT = """
mutation ($input: PartnerInput!) { upsertPartner(input: $input) { __typename } }
"""
READ = '{ partner(id: "bm-partner") { id name } }'


@pytest.fixture(scope="module")
def app(migrated: Connection) -> Iterator[RunningApp]:
    with run_app(Settings(webhook_worker=False), migrated) as running:
        yield running


def post(
    app: RunningApp, query: str, headers: dict[str, Any] | None = None, **variables: Any
) -> httpx.Response:
    return httpx.post(
        f"{app.url}/graphql",
        json={"query": query, "variables": variables},
        headers=headers or {},
        timeout=60,
    )


def upsert(app: RunningApp, pid: str, headers: dict[str, Any] | None = None) -> httpx.Response:
    return post(app, UPSERT, headers, input={"id": pid, "name": pid, "kind": "RESELLER"})


def test_a_mutation_returns_its_bookmark_and_a_read_does_not(app: RunningApp) -> None:
    wrote = upsert(app, "bm-partner")
    assert wrote.status_code == 200, wrote.text
    body = wrote.json()
    assert body["data"]["upsertPartner"]["__typename"] == "PartnerPayload"
    bookmark = body["extensions"]["bookmark"]
    assert isinstance(bookmark, str) and bookmark
    assert wrote.headers[HEADER] == bookmark
    # The next write's bookmark is a newer one.
    again = upsert(app, "bm-partner-2")
    assert again.headers[HEADER] != bookmark

    read = post(app, READ)
    assert read.status_code == 200, read.text
    assert HEADER not in read.headers
    assert "bookmark" not in (read.json().get("extensions") or {})


def test_a_request_carrying_a_bookmark_reads_after_it(
    app: RunningApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    bookmark = upsert(app, "bm-partner").headers[HEADER]
    store = app.app.state.graph.store
    real = store.driver.execute_query
    # Each read's bookmark manager and the bookmarks it held when the read was sent.
    managers: list[tuple[Any, set[str]]] = []

    async def spy(*args: Any, **kwargs: Any) -> Any:
        manager = kwargs.get("bookmark_manager_")
        held = set(await manager.get_bookmarks()) if manager is not None else set()
        managers.append((manager, held))
        return await real(*args, **kwargs)

    monkeypatch.setattr(store.driver, "execute_query", spy)
    read = post(app, READ, {HEADER: bookmark})
    assert read.status_code == 200, read.text
    assert read.json()["data"]["partner"] == {"id": "bm-partner", "name": "bm-partner"}
    assert managers, "the read went past the store's read call"
    for manager, held in managers:
        assert isinstance(manager, AsyncBookmarkManager)
        assert set(bookmark.split(",")) <= held

    # Without the header, reads keep the driver's default manager.
    managers.clear()
    assert post(app, READ).status_code == 200
    assert managers and all(m is None for m, _ in managers)


@pytest.mark.parametrize(
    "value",
    ["has space", "a,,b", "x" * 2000, ",".join(f"b{i}" for i in range(100)), "ünïcode"],
    ids=["whitespace", "empty-part", "too-long", "too-many", "non-ascii"],
)
def test_a_malformed_bookmark_is_a_400_and_changes_nothing(app: RunningApp, value: str) -> None:
    pid = f"bm-refused-{abs(hash(value)) % 10_000}"
    refused = upsert(app, pid, {HEADER: value.encode()})
    assert refused.status_code == 400, refused.text
    [error] = refused.json()["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert HEADER in error["message"]
    check = post(app, "query ($id: ID!) { partner(id: $id) { id } }", id=pid)
    assert check.json()["data"]["partner"] is None


def test_reads_after_a_write_in_the_same_request_wait_for_it(
    app: RunningApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = app.app.state.graph.store
    real = store.driver.execute_query
    held: list[set[str]] = []

    async def spy(*args: Any, **kwargs: Any) -> Any:
        manager = kwargs.get("bookmark_manager_")
        held.append(set(await manager.get_bookmarks()) if manager is not None else set())
        return await real(*args, **kwargs)

    monkeypatch.setattr(store.driver, "execute_query", spy)
    # The payload's partnerships are read after the write commits.
    wrote = post(
        app,
        """mutation ($input: PartnerInput!) { upsertPartner(input: $input) {
             ... on PartnerPayload { partner { id partnerships(first: 1) { totalCount } } } } }""",
        input={"id": "bm-same-request", "name": "Same", "kind": "RESELLER"},
    )
    assert wrote.status_code == 200, wrote.text
    assert wrote.json()["data"]["upsertPartner"]["partner"]["id"] == "bm-same-request"
    bookmark = set(wrote.headers[HEADER].split(","))
    # The first read after the write waits for it (later ones hold that read's newer one).
    assert any(bookmark <= h for h in held), (bookmark, held)
