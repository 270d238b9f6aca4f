"""Brokers: how committed change events reach the subscribers of this process.

* ``InProcessBroker`` (default) hands the events of each write committed
  through its store (the app's) to this process's subscribers right after
  commit. Writes made through any other store (another API instance, a CLI
  import, another store object in this process) are not seen.
* ``GraphBroker`` tails the change log in the graph store by sequence number,
  woken at once by its store's commits and otherwise every
  ``GRAPH_API_EVENT_POLL_INTERVAL``. Every instance sees every committed write,
  with no extra infrastructure.

Subscribers get a :class:`Feed`, an async iterator of events with a bounded
buffer; a subscriber that falls too far behind is cut off with
:class:`SubscriberTooSlow` naming the sequence to resume after.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable
from typing import Any

from graph_api.cypher import named
from graph_api.events.model import Event
from graph_api.store import Store

log = logging.getLogger("graph_api.events")

EVENT_AFTER = named("queries/event_after")
EVENT_HEAD = named("queries/event_head")

FEED_BUFFER = 50_000  # events buffered per subscriber before it is cut off
POLL_BATCH = 1000


def call_on_loop(
    loop: asyncio.AbstractEventLoop | None, fn: Callable[..., None], *args: Any
) -> None:
    """Run ``fn`` on ``loop``: directly when already there, else thread-safely.

    A write through the store may commit on another thread's loop; fan-out must
    happen on the broker's loop.
    """
    if loop is None or loop.is_closed():
        return
    try:
        running: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    if running is loop:
        fn(*args)
    else:
        loop.call_soon_threadsafe(fn, *args)


class SubscriberTooSlow(Exception):
    def __init__(self, last_seq: int | None) -> None:
        self.last_seq = last_seq
        super().__init__(
            "the subscriber fell too far behind and was disconnected; "
            f"resubscribe with afterSequence: {last_seq if last_seq is not None else 0}"
        )


class Feed:
    """One subscriber's stream of events, in the order the broker saw them."""

    def __init__(self, broker: Broker, limit: int = FEED_BUFFER) -> None:
        self._broker = broker
        self._queue: asyncio.Queue[list[Event] | None] = asyncio.Queue()
        self._buffered = 0
        self._limit = limit
        self._overflowed = False
        self.last_seq: int | None = None
        self.closed = False

    def push(self, events: list[Event]) -> None:
        if self.closed or self._overflowed:
            return
        if self._buffered + len(events) > self._limit:
            self._overflowed = True
            self._queue.put_nowait(None)
            return
        self._buffered += len(events)
        self._queue.put_nowait(events)

    def end(self) -> None:
        self.closed = True
        self._queue.put_nowait(None)

    def close(self) -> None:
        self.closed = True
        self._broker._feeds.discard(self)

    def __aiter__(self) -> AsyncIterator[Event]:
        return self._iterate()

    async def _iterate(self) -> AsyncIterator[Event]:
        while True:
            batch = await self._queue.get()
            if batch is None:
                if self._overflowed:
                    raise SubscriberTooSlow(self.last_seq)
                return
            self._buffered -= len(batch)
            for event in batch:
                self.last_seq = event.seq
                yield event


class Broker(ABC):
    """Fans the events committed through one store out to the feeds of this process."""

    name = "broker"

    def __init__(self, store: Store) -> None:
        self.store = store
        self._feeds: set[Feed] = set()
        self._loop: asyncio.AbstractEventLoop | None = None

    def subscribe(self) -> Feed:
        feed = Feed(self)
        self._feeds.add(feed)
        return feed

    @property
    def subscriber_count(self) -> int:
        return len(self._feeds)

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self.store.add_commit_listener(self._on_commit)

    async def stop(self) -> None:
        self.store.remove_commit_listener(self._on_commit)
        for feed in list(self._feeds):
            feed.end()
        self._feeds.clear()

    def _fan_out(self, events: list[Event]) -> None:
        if not events:
            return
        for feed in list(self._feeds):
            feed.push(events)

    def _on_commit(self, events: list[Any]) -> None:
        """A write through the broker's store committed (called from the writer's thread)."""
        call_on_loop(self._loop, self.committed, sorted(events, key=lambda e: int(e.seq)))

    @abstractmethod
    def committed(self, events: list[Event]) -> None:
        """Events of a local commit, on the broker's loop."""


class InProcessBroker(Broker):
    """Fans out the commits made through its store, in sequence order.

    Two writers can commit n and n+1 and have their commit hooks run in the
    other order; a later event therefore waits up to ``REORDER_WAIT`` for the
    gap before it to fill. A gap that does not fill is a write through another
    store (another process's), which this broker never sees.
    """

    name = "inprocess"
    REORDER_WAIT = 0.05

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self._next: int | None = None  # the sequence expected next
        self._held: dict[int, Event] = {}
        self._timer: asyncio.TimerHandle | None = None

    def committed(self, events: list[Event]) -> None:
        for event in events:
            if self._next is not None and event.seq < self._next:
                # Older than what was already released: a late straggler, or a new log
                # after a reset. Deliver it now rather than hold it forever.
                self._fan_out([event])
                if event.seq + 1 < self._next and not self._held:
                    self._next = event.seq + 1
                continue
            self._held[event.seq] = event
        self._release()

    def _release(self) -> None:
        if not self._held:
            return
        if self._next is None:
            self._next = min(self._held)
        ready: list[Event] = []
        while self._next in self._held:
            ready.append(self._held.pop(self._next))
            self._next += 1
        self._fan_out(ready)
        if self._held and self._timer is None and self._loop is not None:
            self._timer = self._loop.call_later(self.REORDER_WAIT, self._skip_gap)

    def _skip_gap(self) -> None:
        self._timer = None
        if self._held:
            self._next = min(self._held)
            self._release()


class GraphBroker(Broker):
    """Tails ``(:Change)`` by sequence, so commits of every instance reach every subscriber."""

    name = "graph"
    STOP_GRACE = 10.0  # seconds a poll in progress gets to finish on stop

    def __init__(self, store: Store, poll_interval: float) -> None:
        super().__init__(store)
        self.poll_interval = poll_interval
        self.cursor = 0
        self._cursor_id: str | None = None  # id of the entry at the cursor
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    async def start(self) -> None:
        await super().start()
        row = await self.store.read_one(EVENT_HEAD, at=0)
        self.cursor = int(row["head"]) if row else 0
        if self.cursor:
            mark = await self.store.read_one(EVENT_HEAD, at=self.cursor)
            self._cursor_id = mark["idAt"] if mark else None
        self._task = asyncio.create_task(self._run(), name="graph-broker")

    async def stop(self) -> None:
        # Asked to stop rather than cancelled: a task cancelled while the driver opens a
        # connection leaks its socket. Cancelled only if a poll hangs past the grace period.
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._task), self.STOP_GRACE)
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await super().stop()

    def committed(self, events: list[Event]) -> None:
        self._wake.set()  # read them from the log, in log order

    async def _run(self) -> None:
        while not self._stopping:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_interval)
            self._wake.clear()
            if self._stopping:
                return
            try:
                await self.poll()
            except Exception:  # the store may be briefly unavailable; keep tailing
                log.exception("graph broker poll failed")

    async def poll(self) -> int:
        """Read and fan out every entry after the cursor; returns how many."""
        row = await self.store.read_one(EVENT_HEAD, at=self.cursor)
        head = int(row["head"]) if row else 0
        if self.cursor and (row is None or row["idAt"] != self._cursor_id):
            self.cursor = 0  # the log was replaced (restore from backup, test wipe)
        seen = 0
        while head > self.cursor:
            events = await read_window(self.store, self.cursor, head, POLL_BATCH)
            if not events:
                break
            self.cursor = events[-1].seq
            self._cursor_id = events[-1].id
            seen += len(events)
            self._fan_out(events)
        return seen


async def read_window(
    store: Store,
    after: int,
    head: int,
    size: int,
    types: list[str] | None = None,
    scope: list[str] | None = None,
) -> list[Event]:
    """Entries after ``after`` up to ``min(after + size, head)`` that match the filters."""
    rows = await store.read(
        EVENT_AFTER,
        after=after,
        until=min(after + size, head),
        types=list(types or []),
        scope=scope,
    )
    return [Event.from_record(row["change"]) for row in rows]


def create_broker(kind: str, store: Store, poll_interval: float) -> Broker:
    if kind == "graph":
        return GraphBroker(store, poll_interval)
    return InProcessBroker(store)
