"""A secured live server over the demo dataset, for the embed tests."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from graph_api.embed.tokens import mint_embed_token
from graph_api.embedded import Connection
from graph_api.scope import demo_partner
from graph_api.seeding import load_demo
from graph_api.store import open_store
from tests.support.graphs import WIPE
from tests.support.security import SECRET, SecureServer, secure_server

VIEW = """query V($rootId: ID!, $depth: Int, $limit: Int) {
  relationshipView(rootId: $rootId, depth: $depth, limit: $limit) {
    truncated nodes { id label } edges { source target type }
  }
}"""


def seed_demo(connection: Connection) -> dict[str, Any]:
    """Wipe the graph, load the demo data, and return the demo partner (a distributor)."""

    async def run() -> dict[str, Any]:
        store = open_store(
            connection.uri, connection.user, connection.password, connection.database
        )
        try:
            await store.write_query(WIPE)
            await load_demo(store)
            partner = await demo_partner(store)
            assert partner is not None
            return dict(partner)
        finally:
            await store.close()

    # In a thread of its own: a running Playwright keeps an event loop on this one.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, run()).result()


@contextmanager
def embed_server(connection: Connection, **overrides: Any) -> Iterator[SecureServer]:
    with secure_server(connection, **overrides) as server:
        yield server


def embed_token(partner_id: str, ttl: int = 900) -> str:
    return mint_embed_token(SECRET, partner_id, ttl).token


def view(
    server: SecureServer, token: str, root_id: str, depth: int = 2, limit: int = 200
) -> dict[str, Any]:
    """relationshipView as the API answers it for ``token``."""
    response = server.gql(
        VIEW,
        {"rootId": root_id, "depth": depth, "limit": limit},
        {"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["relationshipView"]
    return result


def edge_ids(edges: list[dict[str, Any]]) -> set[str]:
    return {f"{e['source']}|{e['type']}|{e['target']}" for e in edges}


@contextmanager
def html_host(document: str, port: int = 0) -> Iterator[str]:
    """A page on another origin (its own loopback port) that serves ``document``."""
    body = document.encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)
