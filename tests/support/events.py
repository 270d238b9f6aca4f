"""Helpers shared by the change-event, subscription and webhook tests (no tests here).

* :class:`GqlWs`: a hand-written ``graphql-transport-ws`` client over the
  ``websockets`` library (connection_init, subscribe, next, complete).
* :class:`Receiver`: a webhook receiver on a free loopback port that records
  each request and can be taken down and brought back on the same port.
* :func:`run_app`: the real app with the given settings on a free port.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import websockets
from websockets.typing import Subprotocol

from graph_api.app import create_app
from graph_api.changes import Change, record
from graph_api.config import Settings
from graph_api.embedded import Connection, free_port
from graph_api.events.hub import EventHub
from graph_api.store import Store, Tx
from tests.support.servers import start_server, stop_server

PROTOCOL = "graphql-transport-ws"


def fast_settings(**overrides: Any) -> Settings:
    """Short retry timings so retry and dead-letter paths run in a moment."""
    base = Settings(
        webhook_backoff_base=0.05,
        webhook_backoff_max=0.3,
        webhook_max_attempts=3,
        webhook_poll_interval=0.2,
        webhook_lease=1.0,
        webhook_timeout=5.0,
        event_poll_interval=0.1,
    )
    return base.with_overrides(**overrides)


@dataclass
class RunningApp:
    url: str
    app: Any

    @property
    def ws_url(self) -> str:
        return self.url.replace("http://", "ws://") + "/graphql"

    @property
    def hub(self) -> EventHub:
        hub: EventHub | None = self.app.state.graph.events
        assert hub is not None
        return hub

    @property
    def store(self) -> Store:
        store: Store | None = self.app.state.graph.store
        assert store is not None
        return store

    def call(self, coro: Any, timeout: float = 60) -> Any:
        """Run a coroutine on the server's own event loop (its driver lives there)."""
        loop = self.hub.broker._loop
        assert loop is not None
        return asyncio.run_coroutine_threadsafe(coro, loop).result(timeout)

    async def on_server(self, coro: Any) -> Any:
        """Await a coroutine that runs on the server's own loop (as ``call``, without
        blocking the caller's loop)."""
        loop = self.hub.broker._loop
        assert loop is not None
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, loop))

    async def record(self, changes: list[Change], actor: str = "test") -> None:
        """Record change entries through the app's own store: its broker hears that
        store's commits, and no other store's."""
        await self.on_server(record_changes(self.store, changes, actor))


@contextlib.contextmanager
def run_app(settings: Settings, connection: Connection) -> Iterator[RunningApp]:
    app = create_app(settings, connection)
    server, thread, url = start_server(app)
    try:
        yield RunningApp(url=url, app=app)
    finally:
        stop_server(server, thread)


async def gql(url: str, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    import httpx

    async with httpx.AsyncClient(timeout=60) as client:
        response = await client.post(
            f"{url}/graphql", json={"query": query, "variables": variables or {}}
        )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    return body["data"]  # type: ignore[no-any-return]


class GqlWs:
    """One graphql-transport-ws connection."""

    def __init__(self, url: str, payload: dict[str, Any] | None = None) -> None:
        self.url = url
        self.payload = payload or {}
        self.headers: dict[str, str] | None = None  # sent with the HTTP upgrade request
        self.ws: Any = None
        self.stash: dict[str, collections.deque[dict[str, Any]]] = {}

    async def __aenter__(self) -> GqlWs:
        self.ws = await websockets.connect(
            self.url,
            subprotocols=[Subprotocol(PROTOCOL)],
            additional_headers=self.headers,
            max_queue=None,
            open_timeout=30,
            ping_interval=None,  # a busy test process must not fail keepalive
        )
        try:
            assert self.ws.subprotocol == PROTOCOL
            await self.send({"type": "connection_init", "payload": self.payload})
            ack = await self.receive()
            assert ack["type"] == "connection_ack", ack
        except BaseException:
            await self.close()
            raise
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()

    async def close(self) -> None:
        """Close and wait until the socket is really gone (no ResourceWarning later)."""
        if self.ws is None:
            return
        try:
            await asyncio.wait_for(self.ws.close(), 30)
        except (TimeoutError, websockets.exceptions.WebSocketException, OSError):
            self.ws.transport.abort()
        await self.ws.wait_closed()
        for _ in range(3):  # let the transport's connection_lost callbacks run
            await asyncio.sleep(0)
        self.ws = None

    async def send(self, message: dict[str, Any]) -> None:
        await self.ws.send(json.dumps(message))

    async def receive(self, timeout: float = 30) -> dict[str, Any]:
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), timeout)
            message: dict[str, Any] = json.loads(raw)
            if message["type"] == "ping":
                await self.send({"type": "pong"})
                continue
            if message["type"] == "pong":
                continue
            return message

    async def subscribe(
        self, op_id: str, query: str, variables: dict[str, Any] | None = None
    ) -> None:
        await self.send(
            {
                "id": op_id,
                "type": "subscribe",
                "payload": {"query": query, "variables": variables or {}},
            }
        )

    async def complete(self, op_id: str) -> None:
        await self.send({"id": op_id, "type": "complete"})

    async def next_for(self, op_id: str, timeout: float = 30) -> dict[str, Any]:
        """The next message of one operation; other operations' messages wait their turn."""
        queued = self.stash.setdefault(op_id, collections.deque())
        while not queued:
            message = await self.receive(timeout)
            self.stash.setdefault(message.get("id", ""), collections.deque()).append(message)
        return queued.popleft()

    async def events(self, op_id: str, count: int, timeout: float = 30) -> list[dict[str, Any]]:
        """The data of the next ``count`` ``next`` messages of one operation."""
        got: list[dict[str, Any]] = []
        while len(got) < count:
            message = await self.next_for(op_id, timeout)
            assert message["type"] == "next", message
            assert "errors" not in message["payload"], message
            got.append(message["payload"]["data"])
        return got

    async def ready(self, op_id: str = "probe") -> None:
        """Round-trip a no-op so earlier subscribe messages are surely registered."""
        await self.send({"type": "ping"})
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), 30)
            if json.loads(raw)["type"] == "pong":
                return


async def record_changes(store: Store, changes: list[Change], actor: str = "test") -> None:
    """A direct write of change entries in one transaction (bulk event source)."""

    async def work(tx: Tx) -> None:
        await record(tx, actor, changes)

    return await store.write(work)


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.body)
        return value


@dataclass
class Receiver:
    """A webhook receiver: records requests; ``status`` sets the answer; stop() takes it down."""

    port: int = field(default_factory=free_port)
    status: int = 200
    delay: float = 0.0
    received: list[Received] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def start(self) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as real receivers do

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                if len(body) < length:  # the sender went away mid-request
                    self.close_connection = True
                    return
                if receiver.delay:
                    threading.Event().wait(receiver.delay)
                status = receiver.status
                if status < 300:
                    with receiver.arrived:
                        receiver.received.append(Received(dict(self.headers.items()), body))
                        receiver.arrived.notify_all()
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def wait_for(self, count: int, timeout: float = 30) -> list[Received]:
        with self.arrived:
            ok = self.arrived.wait_for(lambda: len(self.received) >= count, timeout)
        assert ok, f"receiver got {len(self.received)} of {count} deliveries"
        return list(self.received)

    def wait_for_unique(self, wanted: set[int], timeout: float = 30) -> None:
        """Wait until every sequence in ``wanted`` arrived (duplicates allowed)."""
        with self.arrived:
            ok = self.arrived.wait_for(lambda: wanted <= set(self.sequences()), timeout)
        assert ok, f"missing sequences: {sorted(wanted - set(self.sequences()))}"

    def sequences(self) -> list[int]:
        return [r.json["sequence"] for r in self.received]
