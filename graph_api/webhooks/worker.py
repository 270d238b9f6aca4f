"""The webhook delivery worker: one task per active endpoint, under a lease.

Only one API instance (or ``graph-api webhooks-worker``) delivers at a time: it
holds a lease node in the graph and renews it; when it dies another instance
takes over after the lease expires. What each endpoint is sent, and how it is
recorded, is the outbox's (graph_api/webhooks/outbox.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx

from graph_api.config import Settings
from graph_api.events.broker import call_on_loop
from graph_api.events.model import Event
from graph_api.store import Store
from graph_api.webhooks import delivery
from graph_api.webhooks.delivery import Outcome
from graph_api.webhooks.outbox import Outbox
from graph_api.webhooks.statements import ENDPOINTS_ACTIVE, LEASE, LEASE_RELEASE

log = logging.getLogger("graph_api.webhooks")

LEASE_NAME = "webhook-delivery"
COALESCE = 0.05  # seconds the supervisor lets wake-ups gather
PRUNE_EVERY = 3600.0  # seconds between clean-ups of old delivery records
STOP_GRACE = 5.0  # seconds a stopping task gets beyond one POST's timeout


@dataclass
class _Runner:
    endpoint_id: str
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    task: asyncio.Task[None] | None = None
    retired: bool = False  # the endpoint went away or the lease was lost: finish and exit


class WebhookWorker:
    """Delivers the outbox to every active endpoint while this instance holds the lease."""

    def __init__(
        self, store: Store, settings: Settings, client: httpx.AsyncClient | None = None
    ) -> None:
        self.store = store
        self.settings = settings
        self.owner = uuid.uuid4().hex
        self.delivered = 0  # successful POSTs since start (for the throughput script)
        self.holds_lease = False
        self.outbox = Outbox(store, settings, self.post)
        self._client = client
        self._own_client = client is None
        self._runners: dict[str, _Runner] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._retiring: set[asyncio.Task[None]] = set()
        self._stopping = False

    # lifecycle

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        if self._client is None:
            self._client = httpx.AsyncClient(
                timeout=self.settings.webhook_timeout, follow_redirects=False
            )
        self.store.add_commit_listener(self._on_commit)
        self._task = asyncio.create_task(self._supervise(), name="webhook-worker")

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def stop(self, release: bool = True) -> None:
        """Stop delivering; ``release=False`` records no further progress and leaves the
        lease to expire, as a crash between two POSTs would.

        Tasks are asked to stop, not cancelled: each finishes the POST or store call in
        hand first. A task cancelled while the driver opens a connection leaks its socket.
        Only a task still busy after the grace period is cancelled.
        """
        self.store.remove_commit_listener(self._on_commit)
        self._stopping = True
        self.outbox.abandoned = not release
        self._wake_all()
        if self._task is not None:  # first the supervisor, which may still add runners
            await _finish([self._task], STOP_GRACE)  # store calls only, no POSTs
        runners = [t for t in self._runners_tasks() if t]
        await _finish(runners, self.settings.webhook_timeout + STOP_GRACE)
        self._runners.clear()
        self._retiring.clear()
        self._task = None
        if release and self.holds_lease:
            with contextlib.suppress(Exception):
                await self.store.write_query(LEASE_RELEASE, name=LEASE_NAME, owner=self.owner)
        self.holds_lease = False
        if self._own_client and self._client is not None:
            await self._client.aclose()
            self._client = None

    def nudge(self) -> None:
        """Look for work now (a write committed, or endpoints changed)."""
        call_on_loop(self._loop, self._wake_all)

    def _on_commit(self, events: list[Any]) -> None:
        self.nudge()

    def _wake_all(self) -> None:
        self._wake.set()
        for runner in self._runners.values():
            runner.wake.set()

    def _runners_tasks(self) -> list[asyncio.Task[None] | None]:
        return [*(r.task for r in self._runners.values()), *self._retiring]

    # supervision: lease and one task per active endpoint

    async def _supervise(self) -> None:
        tick = min(self.settings.webhook_poll_interval, self.settings.webhook_lease / 3)
        renewed = float("-inf")
        pruned = time.monotonic()
        while not self._stopping:
            self._wake.clear()
            try:
                # Renew well before the lease lapses, not on every wake-up.
                if (
                    not self.holds_lease
                    or time.monotonic() - renewed >= self.settings.webhook_lease / 3
                ):
                    self.holds_lease = await self._take_lease()
                    renewed = time.monotonic()
                if self.holds_lease:
                    await self._sync_runners()
                    if time.monotonic() - pruned >= PRUNE_EVERY:
                        await self.prune()
                        pruned = time.monotonic()
                else:
                    self._cancel_runners(set(self._runners))
            except Exception:
                log.exception("webhook worker: supervision failed; retrying")
            await asyncio.sleep(COALESCE)  # a burst of commits wakes this once
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), tick)

    async def prune(self, before: datetime | None = None) -> int:
        """Delete delivered records older than the event retention; returns how many."""
        return await self.outbox.prune(before)

    async def _take_lease(self) -> bool:
        now = int(time.time() * 1000)
        rows = await self.store.write_query(
            LEASE,
            name=LEASE_NAME,
            owner=self.owner,
            now=now,
            until=now + int(self.settings.webhook_lease * 1000),
        )
        return bool(rows and rows[0]["held"])

    async def _sync_runners(self) -> None:
        rows = await self.store.read(ENDPOINTS_ACTIVE)
        active = {row["endpoint"]["id"] for row in rows}
        self._cancel_runners(set(self._runners) - active)
        for endpoint_id in sorted(active - set(self._runners)):
            runner = _Runner(endpoint_id)
            runner.task = asyncio.create_task(
                self._run_endpoint(runner), name=f"webhook-{endpoint_id}"
            )
            self._runners[endpoint_id] = runner

    def _cancel_runners(self, ids: set[str]) -> None:
        """Retire runners: each exits after the POST or store call in hand (see stop)."""
        for endpoint_id in ids:
            runner = self._runners.pop(endpoint_id)
            runner.retired = True
            runner.wake.set()
            if runner.task is not None and not runner.task.done():
                self._retiring.add(runner.task)
                runner.task.add_done_callback(self._retiring.discard)

    async def _run_endpoint(self, runner: _Runner) -> None:
        def going_on() -> bool:
            return not (self._stopping or runner.retired)

        while going_on():
            runner.wake.clear()
            try:
                delay = await self.step(runner.endpoint_id, going_on)
            except Exception:
                log.exception("webhook worker: endpoint %s step failed", runner.endpoint_id)
                delay = self.settings.webhook_poll_interval
            if delay > 0 and going_on():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(runner.wake.wait(), delay)

    # delivery

    async def step(self, endpoint_id: str, going_on: Callable[[], bool] = lambda: True) -> float:
        """Do the next piece of work for one endpoint; returns seconds until the next."""
        return await self.outbox.step(endpoint_id, going_on)

    async def post(self, endpoint: dict[str, Any], event: Event) -> Outcome:
        """One signed POST of one event through this worker's client; never raises."""
        assert self._client is not None
        outcome = await delivery.post(self._client, self.settings, endpoint, event)
        if outcome.ok:
            self.delivered += 1
        return outcome


async def _finish(tasks: list[asyncio.Task[None]], grace: float) -> None:
    """Wait for tasks asked to stop; cancel those still running after ``grace`` seconds."""
    if not tasks:
        return
    _, pending = await asyncio.wait(tasks, timeout=grace)
    for task in pending:
        task.cancel()
    for task in tasks:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
