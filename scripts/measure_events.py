"""Measure change events: commit-to-subscriber latency and webhook outbox throughput.

    python scripts/measure_events.py [--writes 200] [--events 2000]

Starts a throwaway embedded store and the real app on loopback ports (or uses
NEO4J_URI), then:

* latency: one GraphQL subscriber; ``--writes`` mutations sent one after
  another over HTTP; for each, the time from the write's commit (taken by a
  commit listener in the server process) to the subscriber receiving the
  ``next`` message; p50 and p95, for each broker;
* throughput: one webhook endpoint on a local receiver; ``--events`` change
  entries committed in batches; events per second from the first commit until
  the receiver has all of them.

This is a measurement, not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import uvicorn
import websockets
from websockets.typing import Subprotocol

from graph_api.app import create_app
from graph_api.changes import CREATE, Change, record
from graph_api.config import Settings
from graph_api.embedded import Connection, EmbeddedStore, free_port
from graph_api.migrations import migrate
from graph_api.store import COMMIT_LISTENERS, Store, Tx, open_store

UPSERT = """mutation ($input: PartnerInput!) { upsertPartner(input: $input) { __typename } }"""
SUBSCRIBE = "subscription { graphChanged { sequence } }"
REGISTER = """mutation ($url: String!) { registerWebhookEndpoint(input: {url: $url}) {
  __typename } }"""


@contextlib.contextmanager
def store_connection() -> Iterator[Connection]:
    uri = os.environ.get("NEO4J_URI")
    if uri:
        yield Connection(
            uri=uri,
            user=os.environ.get("NEO4J_USER", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD", ""),
            database=os.environ.get("NEO4J_DATABASE", "neo4j"),
        )
        return
    data = Path(tempfile.mkdtemp(prefix="graph-api-measure-"))
    embedded = EmbeddedStore(data, heap="1g")
    try:
        yield embedded.start()
    finally:
        embedded.stop()
        shutil.rmtree(data, ignore_errors=True)


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:
        pass


@contextlib.contextmanager
def serve(settings: Settings, connection: Connection) -> Iterator[str]:
    port = free_port()
    server = _Server(
        uvicorn.Config(
            create_app(settings, connection), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def open_for(connection: Connection) -> Store:
    return open_store(connection.uri, connection.user, connection.password, connection.database)


async def wipe_events(connection: Connection) -> None:
    store = open_for(connection)
    try:
        await store.run_raw(
            "MATCH (n) WHERE n:Change OR n:Sequence OR n:Partner OR n:WebhookEndpoint "
            "OR n:Delivery DETACH DELETE n"
        )
    finally:
        await store.close()


async def latency(url: str, writes: int) -> list[float]:
    committed: dict[int, float] = {}

    def on_commit(events: list[Any]) -> None:
        now = time.perf_counter()
        for event in events:
            committed[int(event.seq)] = now

    COMMIT_LISTENERS.append(on_commit)
    received: dict[int, float] = {}
    ws_url = url.replace("http://", "ws://") + "/graphql"
    try:
        async with (
            websockets.connect(ws_url, subprotocols=[Subprotocol("graphql-transport-ws")]) as ws,
            httpx.AsyncClient(timeout=60) as client,
        ):
            await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
            await ws.recv()
            await ws.send(
                json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}})
            )
            await asyncio.sleep(0.5)

            async def listen() -> None:
                while len(received) < writes:
                    message = json.loads(await ws.recv())
                    if message.get("type") == "next":
                        seq = message["payload"]["data"]["graphChanged"]["sequence"]
                        received[seq] = time.perf_counter()

            listener = asyncio.create_task(listen())
            for i in range(writes):
                body = {
                    "query": UPSERT,
                    "variables": {"input": {"id": f"m{i}", "name": f"M{i}", "kind": "RESELLER"}},
                }
                response = await client.post(f"{url}/graphql", json=body)
                response.raise_for_status()
                await asyncio.sleep(0.01)
            await asyncio.wait_for(listener, 60)
    finally:
        COMMIT_LISTENERS.remove(on_commit)
    return [(received[s] - committed[s]) * 1000 for s in sorted(received) if s in committed]


class _Receiver(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real receivers do
    count = 0
    done = threading.Event()
    target = 0
    first = 0.0
    last = 0.0

    def do_POST(self) -> None:  # http.server's naming
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()
        cls = type(self)
        cls.count += 1
        cls.last = time.perf_counter()
        if cls.count == 1:
            cls.first = cls.last
        if cls.count >= cls.target:
            cls.done.set()

    def log_message(self, format: str, *args: Any) -> None:
        pass


async def throughput(url: str, connection: Connection, events: int) -> tuple[float, float]:
    """(events/s from the first commit to the last arrival, events/s between arrivals)."""
    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Receiver.target = events
    try:
        async with httpx.AsyncClient(timeout=60) as client:
            response = await client.post(
                f"{url}/graphql",
                json={"query": REGISTER, "variables": {"url": f"http://127.0.0.1:{port}/"}},
            )
            response.raise_for_status()
        store = open_for(connection)
        started = time.perf_counter()
        try:
            for start in range(0, events, 500):
                batch = [
                    Change("Partner", f"t{i}", CREATE, None, {"name": f"T{i}"}, [f"t{i}"])
                    for i in range(start, min(events, start + 500))
                ]

                async def work(tx: Tx, batch: list[Change] = batch) -> list[int]:
                    return await record(tx, "measure", batch)

                await store.write(work)
        finally:
            await store.close()
        await asyncio.to_thread(_Receiver.done.wait, 600)
        overall = events / (time.perf_counter() - started)
        return overall, (events - 1) / (_Receiver.last - _Receiver.first)
    finally:
        server.shutdown()
        server.server_close()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--writes", type=int, default=200, help="mutations for the latency run")
    parser.add_argument("--events", type=int, default=2000, help="events for the throughput run")
    args = parser.parse_args()
    with store_connection() as connection:

        async def prepare() -> None:
            store = open_for(connection)
            try:
                await migrate(store)
            finally:
                await store.close()
            await wipe_events(connection)

        asyncio.run(prepare())
        for broker in ("inprocess", "graph"):
            settings = Settings(event_broker=broker, webhook_worker=False)
            with serve(settings, connection) as url:
                asyncio.run(wipe_events(connection))
                samples = asyncio.run(latency(url, args.writes))
            print(
                f"commit -> subscriber latency, {broker} broker, {len(samples)} mutations: "
                f"p50 {statistics.median(samples):.1f} ms, p95 {pct(samples, 0.95):.1f} ms"
            )
        asyncio.run(wipe_events(connection))
        settings = Settings(webhook_poll_interval=0.2)
        with serve(settings, connection) as url:
            overall, delivery = asyncio.run(throughput(url, connection, args.events))
        print(
            f"webhook outbox throughput, 1 endpoint, {args.events} events: {delivery:.0f} "
            f"events/s delivered ({overall:.0f} events/s including the writes)"
        )


if __name__ == "__main__":
    main()
