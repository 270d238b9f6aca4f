"""Helpers for the security tests: an app instance with auth on, tokens, counts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
from starlette.applications import Starlette

from graph_api.app import AppState, create_app
from graph_api.auth import mint
from graph_api.config import Settings
from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.servers import start_server, stop_server
from tests.support.statements import support_query

SECRET = "test-signing-secret-that-is-long-enough-for-hs256"


def token(role: str, partner_id: str | None = None, sub: str | None = None) -> str:
    return mint(SECRET, role, sub or f"{role}:{partner_id or 'x'}", partner_id, ttl=3600)


def auth(role: str, partner_id: str | None = None, sub: str | None = None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token(role, partner_id, sub)}"}


@dataclass
class SecureServer:
    url: str
    app: Starlette
    client: httpx.Client

    @property
    def graphql_url(self) -> str:
        return f"{self.url}/graphql"

    @property
    def state(self) -> AppState:
        state: AppState = self.app.state.graph
        return state

    @property
    def store(self) -> Store:
        assert self.state.store is not None
        return self.state.store

    def post(self, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
        return self.client.post(self.graphql_url, json=body, headers=headers or {})

    def gql(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        return self.post({"query": query, "variables": variables or {}}, headers)


@contextmanager
def secure_server(connection: Connection, **overrides: Any) -> Iterator[SecureServer]:
    """The real app with HS256 auth on, over real HTTP, with a keep-alive client."""
    settings = Settings(**{"jwt_secret": SECRET, "webhook_worker": False, **overrides})
    app = create_app(settings, connection)
    server, thread, url = start_server(app)
    try:
        with httpx.Client(timeout=60) as client:
            yield SecureServer(url=url, app=app, client=client)
    finally:
        stop_server(server, thread)


COUNTS = support_query("graph_counts")


async def graph_counts(store: Store) -> tuple[int, int]:
    row = await store.read_one(COUNTS)
    assert row is not None
    return int(row["nodes"]), int(row["rels"])
