"""The real app served over HTTP on a free loopback port, inside the test process."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx
import uvicorn

from graph_api.config import Settings
from graph_api.embedded import free_port
from graph_api.http_server import server_config


@dataclass
class LiveServer:
    url: str
    settings: Settings

    @property
    def graphql_url(self) -> str:
        return f"{self.url}/graphql"

    def post(
        self, query: str, variables: dict[str, Any] | None = None, **kwargs: Any
    ) -> httpx.Response:
        return httpx.post(
            self.graphql_url,
            json={"query": query, "variables": variables or {}},
            timeout=60,
            **kwargs,
        )

    def gql(
        self, query: str, variables: dict[str, Any] | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        """POST a query and return its JSON; fails the test on HTTP errors."""
        response = self.post(query, variables, **kwargs)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the test process keeps its own handlers
        pass


def start_server(app: Any) -> tuple[_Server, threading.Thread, str]:
    port = free_port()
    config = server_config(app, app.state.graph.settings, "127.0.0.1", port, log_level="warning")
    server = _Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("test server did not start")
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def stop_server(server: _Server, thread: threading.Thread) -> None:
    server.should_exit = True
    thread.join(timeout=30)
