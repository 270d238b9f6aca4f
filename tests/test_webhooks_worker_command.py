"""``graph-api webhooks-worker`` as its own OS process: it delivers the outbox,
and after it is killed a new one resumes where the graph says it stopped."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys

from graph_api.changes import CREATE, Change
from graph_api.cypher import named
from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.events import Receiver, record_changes

CREATE_ENDPOINT = named("queries/webhook_endpoint_create")


def start_worker(connection: Connection) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "NEO4J_URI": connection.uri,
        "NEO4J_USER": connection.user,
        "NEO4J_PASSWORD": connection.password,
        "NEO4J_DATABASE": connection.database,
        "GRAPH_API_WEBHOOK_POLL_INTERVAL": "0.1",
        "GRAPH_API_WEBHOOK_LEASE": "1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "graph_api", "webhooks-worker", "--max-seconds", "120"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def end_process(process: subprocess.Popen[bytes], sig: int) -> None:
    """Signal and reap the process; kill it if it lingers, so none outlives the test."""
    process.send_signal(sig)
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(30)


async def test_worker_process_delivers_and_a_new_one_resumes_after_a_kill(
    migrated: Connection, store: Store
) -> None:
    receiver = Receiver().start()
    try:
        await store.write_query(
            CREATE_ENDPOINT,
            endpoint={
                "id": "ep-cli",
                "url": receiver.url,
                "eventTypes": [],
                "secret": "cli-secret-0123456789abcdef",
                "active": True,
                "description": None,
                "ownerSub": "admin",
                "ownerPartnerId": None,
            },
        )
        for i in range(1, 4):
            await record_changes(store, [Change("Partner", f"p{i}", CREATE, None, {"n": i}, [])])
        first = start_worker(migrated)
        try:
            await asyncio.to_thread(receiver.wait_for, 3, 120)
        finally:
            end_process(first, signal.SIGKILL)  # no clean shutdown, lease left to expire
        for i in range(4, 7):
            await record_changes(store, [Change("Partner", f"p{i}", CREATE, None, {"n": i}, [])])
        killed_at = len(receiver.received)
        second = start_worker(migrated)
        try:
            await asyncio.to_thread(receiver.wait_for_unique, set(range(1, 7)), 120)
        finally:
            end_process(second, signal.SIGTERM)
    finally:
        receiver.stop()
    seqs = receiver.sequences()
    # At least once, in order: the second worker starts after the last progress the
    # first recorded (it may re-send events the first sent but had not recorded).
    first_run, resumed = seqs[:killed_at], seqs[killed_at:]
    assert first_run == list(range(1, killed_at + 1))
    assert resumed == list(range(resumed[0], 7))
    assert 1 <= resumed[0] <= killed_at + 1
