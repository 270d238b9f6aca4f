"""The outbox: what each endpoint is owed from the change log, and the records of it.

The outbox is the change log itself: a write records its ``(:Change)`` entries
in its own transaction and is delivered afterwards, so the write path never
waits on a receiver. Each endpoint keeps a ``cursor`` (the last sequence number
it is done with) and ``(:Delivery)`` nodes (what was sent, how many attempts,
the last error) in the graph, so a worker that is killed resumes from there:
delivery is at least once.

Per endpoint the order of the sequence holds: event n+1 is not sent before n
was delivered or dead-lettered. Failures are retried with exponential backoff
and jitter; after ``GRAPH_API_WEBHOOK_MAX_ATTEMPTS`` the event is dead-lettered
and the endpoint moves on. ``replayDeadLetters``/``replayDelivery`` queue dead
ones again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from graph_api import authz
from graph_api.config import Settings
from graph_api.events.broker import EVENT_HEAD, read_window
from graph_api.events.model import Event
from graph_api.events.redaction import redact
from graph_api.store import Store
from graph_api.values import as_datetime
from graph_api.webhooks.delivery import Outcome, backoff, delivery_id, delivery_row
from graph_api.webhooks.statements import (
    ATTEMPT_FAILED,
    CURSOR_RESET,
    DELIVERED,
    ENDPOINT_STATE,
    OWED,
    PRUNE,
)

log = logging.getLogger("graph_api.webhooks")

BATCH = 100
FLUSH_EVERY = 0.2  # seconds between progress records while a batch is being sent
PRUNE_BATCH = 10_000

# Statuses of owed deliveries as stored (the GraphQL DeliveryStatus enum shows them).
RETRYING = "retrying"
REPLAY = "replay"
DEAD = "dead"

Post = Callable[[dict[str, Any], Event], Awaitable[Outcome]]


class Outbox:
    """Sends each endpoint what it is owed, one piece of work per :meth:`step`."""

    def __init__(self, store: Store, settings: Settings, post: Post) -> None:
        self.store = store
        self.settings = settings
        self.post = post
        # Stopping as a crash would: a step cut short records no further progress.
        self.abandoned = False

    async def step(self, endpoint_id: str, going_on: Callable[[], bool] = lambda: True) -> float:
        """Do the next piece of work for one endpoint; returns seconds until the next.

        ``going_on`` is asked before each POST of a batch; when it says no, the step
        records what it delivered (unless the worker is abandoning) and returns."""
        idle = self.settings.webhook_poll_interval
        state = await self.store.read_one(ENDPOINT_STATE, id=endpoint_id)
        if state is None or not state["endpoint"].get("active"):
            return idle
        endpoint: dict[str, Any] = state["endpoint"]
        if int(endpoint.get("owed") or 0) > 0:
            owed = await self.store.read_one(OWED, id=endpoint_id)
            if owed is not None:
                return await self._retry(endpoint, owed["delivery"], owed["change"])
        head_row = await self.store.read_one(EVENT_HEAD, at=0)
        head = int(head_row["head"]) if head_row else 0
        cursor = int(endpoint.get("cursor") or 0)
        if head < cursor:  # the log was reset; start over with it
            await self._record_delivered(endpoint_id, [], 0, reset=True)
            return 0
        if head == cursor:
            return idle
        until = min(cursor + BATCH, head)
        scope = await self._owner_scope(endpoint)
        events = await read_window(
            self.store,
            cursor,
            until,
            BATCH,
            types=list(endpoint.get("eventTypes") or []),
            scope=scope,
        )
        done: list[dict[str, Any]] = []
        flushed = time.monotonic()
        recording: asyncio.Task[None] | None = None
        try:
            for event in events:
                if not going_on():
                    if recording is not None:
                        await recording
                    if not self.abandoned:
                        await self._record_delivered(endpoint_id, done, cursor)
                    return 0
                outcome = await self.post(endpoint, redact(event, scope))
                if not outcome.ok:
                    if recording is not None:
                        await recording
                    await self._record_delivered(endpoint_id, done, cursor)
                    return await self._failed(endpoint, event, 1, outcome, head=True)
                done.append(delivery_row(endpoint_id, event, 1, outcome.status))
                cursor = event.seq
                # Record progress every FLUSH_EVERY seconds, alongside the next POSTs:
                # far fewer writes than one per event, and a killed worker re-sends
                # little. The cursor only moves forward, so the order of writes is safe.
                due = time.monotonic() - flushed >= FLUSH_EVERY
                if due and (recording is None or recording.done()):
                    if recording is not None:
                        recording.result()  # surface a failed write
                    recording = asyncio.create_task(
                        self._record_delivered(endpoint_id, done, cursor)
                    )
                    done, flushed = [], time.monotonic()
            if recording is not None:
                await recording
        finally:
            if recording is not None and not recording.done():
                # Let the write in flight end (cancelling it inside the driver can leak a
                # socket); its outcome no longer matters when the step itself failed.
                with contextlib.suppress(Exception):
                    await recording
        # Everything in the window was delivered or did not match the endpoint's filters.
        await self._record_delivered(endpoint_id, done, until)
        return 0

    async def prune(self, before: datetime | None = None) -> int:
        """Delete delivered records older than the event retention; returns how many."""
        cutoff = before or datetime.now(UTC) - timedelta(seconds=self.settings.event_retention)
        total = 0
        while True:
            rows = await self.store.write_query(PRUNE, cutoff=cutoff, limit=PRUNE_BATCH)
            pruned = int(rows[0]["pruned"]) if rows else 0
            total += pruned
            if pruned < PRUNE_BATCH:
                return total

    async def _owner_scope(self, endpoint: dict[str, Any]) -> list[str] | None:
        owner = endpoint.get("ownerPartnerId")
        return await authz.webhook_scope(self.store, None if not owner else str(owner))

    async def _retry(
        self, endpoint: dict[str, Any], owed: dict[str, Any], change: dict[str, Any] | None
    ) -> float:
        endpoint_id = str(endpoint["id"])
        is_head = owed.get("status") == RETRYING
        if change is None:  # the entry is gone from the log (pruned or reset)
            return await self._give_up(endpoint_id, owed, "the change is no longer in the log")
        due = as_datetime(owed.get("nextAttemptAt"))
        if due is not None:
            wait = (due - datetime.now(UTC)).total_seconds()
            if wait > 0:
                return wait
        scope = await self._owner_scope(endpoint)
        event = Event.from_record(change)
        if not event.concerns(scope):
            # The owner's hierarchy changed since the first attempt: a partner that left
            # it took its events along, retries and replays included.
            return await self._give_up(
                endpoint_id, owed, "the change is no longer within the owner's scope"
            )
        event = redact(event, scope)
        attempts = int(owed.get("attempts") or 0) + 1
        outcome = await self.post(endpoint, event)
        if outcome.ok:
            cursor = event.seq if is_head else int(endpoint.get("cursor") or 0)
            row = delivery_row(endpoint_id, event, attempts, outcome.status)
            await self._record_delivered(endpoint_id, [row], cursor)
            return 0
        return await self._failed(endpoint, event, attempts, outcome, head=is_head)

    async def _give_up(self, endpoint_id: str, owed: dict[str, Any], reason: str) -> float:
        """Dead-letter an owed delivery without sending it."""
        await self.store.write_query(
            ATTEMPT_FAILED,
            endpointId=endpoint_id,
            id=owed["id"],
            seq=int(owed["seq"]),
            changeId=owed.get("changeId"),
            eventType=owed.get("eventType"),
            status=DEAD,
            attempts=int(owed.get("attempts") or 0),
            error=reason,
            httpStatus=None,
            nextAttemptAt=None,
        )
        return 0

    async def _failed(
        self, endpoint: dict[str, Any], event: Event, attempts: int, outcome: Outcome, head: bool
    ) -> float:
        dead = attempts >= self.settings.webhook_max_attempts
        delay = 0.0
        if not dead:
            delay = backoff(
                attempts, self.settings.webhook_backoff_base, self.settings.webhook_backoff_max
            )
        status = DEAD if dead else (RETRYING if head else REPLAY)
        await self.store.write_query(
            ATTEMPT_FAILED,
            endpointId=str(endpoint["id"]),
            id=delivery_id(str(endpoint["id"]), event.seq),
            seq=event.seq,
            changeId=event.id,
            eventType=event.event_type,
            status=status,
            attempts=attempts,
            error=outcome.error,
            httpStatus=outcome.status,
            nextAttemptAt=None if dead else datetime.now(UTC) + timedelta(seconds=delay),
        )
        if dead:
            log.warning(
                "webhook %s: event %s dead-lettered after %s attempts: %s",
                endpoint["id"],
                event.seq,
                attempts,
                outcome.error,
            )
        return delay

    async def _record_delivered(
        self, endpoint_id: str, done: list[dict[str, Any]], cursor: int, reset: bool = False
    ) -> None:
        if reset:
            await self.store.write_query(CURSOR_RESET, endpointId=endpoint_id)
            return
        await self.store.write_query(
            DELIVERED, endpointId=endpoint_id, deliveries=done, cursor=cursor
        )
