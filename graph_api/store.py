"""The one small layer between resolvers and the graph store.

Everything goes through named queries. Reads use read routing so a cluster
can serve them from followers; writes run in managed transactions, which
retry transient failures and commit all or nothing. Every call counts as one
Cypher round trip, which tests and the benchmark read per request.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import random
import time
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import neo4j
from neo4j import AsyncDriver, AsyncManagedTransaction
from neo4j.api import AsyncBookmarkManager

from graph_api import round_trips
from graph_api.cypher import NamedQuery
from graph_api.errors import StoreUnavailable
from graph_api.round_trips import RoundTrips
from graph_api.round_trips import request_counter as request_counter  # also the store's

T = TypeVar("T")
Record = dict[str, Any]

# A write that loses a race on an optimistic store (ArcadeDB validates at
# commit, so two writers bumping the change-log counter, or creating the same
# id, clash there as a uniqueness violation) is run again from the start. The
# whole unit re-runs, as the driver does for transient errors, so upserts
# resolve the clash: the second writer finds the first one's node.
CONFLICT_RETRIES = 8
CONFLICT_BACKOFF = 0.01  # seconds; doubled per attempt, with full jitter
TRANSACTION_TIMED_OUT = "Neo.ClientError.Transaction.TransactionTimedOut"


# When the current request must be answered by (time.monotonic()); None: no bound.
# Each store call is bounded by the timeout, and all of a request's calls together
# by this, so a request whose levels each wait almost the timeout cannot take several.
_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "graph_api_deadline", default=None
)


def request_deadline(seconds: float | None) -> None:
    """Give the store calls of the current task (one HTTP request) ``seconds`` in all."""
    _deadline.set(None if seconds is None else time.monotonic() + seconds)


@dataclass
class Consistency:
    """One HTTP request's bookmarks (graph_api/bookmarks.py): ``after``, sent by the
    client, and ``latest``, of the request's own last write; its reads wait for both."""

    after: neo4j.Bookmarks | None = None
    latest: neo4j.Bookmarks | None = None
    _manager: AsyncBookmarkManager | None = None

    def wrote(self, bookmarks: neo4j.Bookmarks) -> None:
        self.latest = bookmarks
        self._manager = None  # the next read waits for this write too

    def read_manager(self) -> AsyncBookmarkManager | None:
        held = [v for b in (self.after, self.latest) if b is not None for v in b.raw_values]
        if held and self._manager is None:
            self._manager = neo4j.AsyncGraphDatabase.bookmark_manager(
                initial_bookmarks=neo4j.Bookmarks.from_raw_values(held)
            )
        return self._manager


_consistency: contextvars.ContextVar[Consistency | None] = contextvars.ContextVar(
    "graph_api_consistency", default=None
)


def request_consistency(after: neo4j.Bookmarks | None) -> Consistency:
    """Start tracking bookmarks for the current task (one HTTP request)."""
    consistency = Consistency(after)
    _consistency.set(consistency)
    return consistency


def current_consistency() -> Consistency | None:
    return _consistency.get()


# Called with the change entries of each committed write transaction, right
# after commit and never for a rolled-back one. The change-event brokers and the
# webhook worker listen on their app's store (Store.add_commit_listener), so they
# hear of that store's writes without polling, and of no other store's.
CommitListener = Callable[[list[Any]], None]


class Store:
    def __init__(self, driver: AsyncDriver, database: str, timeout: float | None = None) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout
        self.total_round_trips = 0
        self.conflict_retries = 0  # writes run again after a clash with another process
        # Every write bumps the one change-log counter, so writes are serial at
        # the store anyway; queueing them here means this process's writers
        # never collide, and only writers in other processes can (see write).
        self._write_turn = asyncio.Lock()
        # None, unless the benchmark records requests: then each request's
        # statements and parameters, by request id (see counter_for).
        self.recordings: dict[str, list[tuple[NamedQuery, dict[str, Any]]]] | None = None
        self._commit_listeners: list[CommitListener] = []

    def add_commit_listener(self, listener: CommitListener) -> None:
        """Hand ``listener`` the change entries of each write committed through this store."""
        self._commit_listeners.append(listener)

    def remove_commit_listener(self, listener: CommitListener) -> None:
        with contextlib.suppress(ValueError):
            self._commit_listeners.remove(listener)

    def _committed(self, events: list[Any]) -> None:
        for listener in list(self._commit_listeners):
            try:
                listener(events)
            except Exception:  # a listener must never fail the committed write
                logging.getLogger("graph_api").exception("commit listener failed")

    def counter_for(self, request_id: str) -> RoundTrips:
        """Start counting the round trips of one request (recording them when asked)."""
        counter = request_counter()
        if self.recordings is not None:
            counter.statements = self.recordings[request_id] = []
        return counter

    def _note(self, query: NamedQuery, params: dict[str, Any]) -> None:
        self.total_round_trips += 1
        round_trips.count(query, params)

    async def _bounded(self, call: Coroutine[Any, Any, T]) -> T:
        """Await a whole store call (connection, retries, transaction) within the timeout,
        and within what is left of the request's time.

        The driver's own timeouts need a store that answers: a frozen one holds a
        socket open forever, so the wait itself is bounded here too.
        """
        budget = self.timeout
        deadline = _deadline.get()
        if deadline is not None:
            left = deadline - time.monotonic()
            budget = left if budget is None else min(budget, left)
        try:
            if budget is None:
                return await call
            if budget <= 0:
                call.close()  # never started: nothing to cancel
                raise TimeoutError
            return await asyncio.wait_for(call, budget)
        except TimeoutError as exc:
            raise StoreUnavailable(
                f"the graph store did not answer within {self.timeout or budget or 0:g}s; "
                "try again later",
                "timeout",
            ) from exc
        except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired) as exc:
            raise StoreUnavailable(
                "the graph store cannot be reached; try again later", "unreachable"
            ) from exc
        except neo4j.exceptions.ClientError as exc:
            if (exc.code or "").startswith(TRANSACTION_TIMED_OUT):
                raise StoreUnavailable(
                    f"the statement ran longer than {self.timeout or budget or 0:g}s and was "
                    "stopped",
                    "timeout",
                ) from exc
            raise

    async def read(self, query: NamedQuery, **params: Any) -> list[Record]:
        """Run a named read query with read routing and return plain dict records."""
        return [record.data() for record in await self._read(query, params)]

    async def read_values(self, query: NamedQuery, **params: Any) -> list[Record]:
        """``read`` for statements that return only values, lists and maps (map
        projections; no nodes, relationships or paths): each record's values by key,
        without ``record.data()``'s recursive conversion of graph types, which costs
        about 0.1 ms per item of a page."""
        return [
            dict(zip(record.keys(), record, strict=True))
            for record in await self._read(query, params)
        ]

    async def _read(self, query: NamedQuery, params: dict[str, Any]) -> list[neo4j.Record]:
        self._note(query, params)
        consistency = _consistency.get()
        manager = consistency.read_manager() if consistency is not None else None
        # Without one, the driver's default manager (this process's earlier queries).
        options: dict[str, Any] = {} if manager is None else {"bookmark_manager_": manager}
        with round_trips.timed(query):
            result: neo4j.EagerResult = await self._bounded(
                self.driver.execute_query(
                    neo4j.Query(query.text, timeout=self.timeout),
                    params,
                    database_=self.database,
                    routing_=neo4j.RoutingControl.READ,
                    **options,
                )
            )
        return result.records

    async def read_one(self, query: NamedQuery, **params: Any) -> Record | None:
        rows = await self.read(query, **params)
        return rows[0] if rows else None

    async def write(self, work: Callable[[Tx], Awaitable[T]]) -> T:
        """Run ``work`` in one managed write transaction (all or nothing, retried).

        Transient failures are retried by the driver; a uniqueness clash with a
        writer in another process is retried here, a bounded number of times. The
        whole of it, the wait for this process's turn included, is bounded by the timeout.
        """
        return await self._bounded(self._write(work))

    async def _write(self, work: Callable[[Tx], Awaitable[T]]) -> T:
        async with self._write_turn:
            for attempt in range(CONFLICT_RETRIES + 1):
                try:
                    return await self._write_once(work)
                except neo4j.exceptions.ConstraintError:
                    if attempt == CONFLICT_RETRIES:
                        raise
                    self.conflict_retries += 1
                    await asyncio.sleep(random.uniform(0, CONFLICT_BACKOFF * 2**attempt))
        raise AssertionError("unreachable")

    async def _write_once(self, work: Callable[[Tx], Awaitable[T]]) -> T:
        attempts: list[Tx] = []

        async def unit(tx: AsyncManagedTransaction) -> T:
            attempts.append(Tx(tx, self))
            result = await work(attempts[-1])
            await attempts[-1].finish()
            return result

        # The same per-transaction timeout as reads, so no write can hold the store forever.
        timed = neo4j.unit_of_work(timeout=self.timeout)(unit)
        async with self.driver.session(database=self.database) as session:
            result = await session.execute_write(timed)
            consistency = _consistency.get()
            if consistency is not None:  # returned to the client (graph_api/bookmarks.py)
                consistency.wrote(await session.last_bookmarks())
        if attempts and attempts[-1].committed_events:
            self._committed(attempts[-1].committed_events)
        return result

    async def write_query(self, query: NamedQuery, **params: Any) -> list[Record]:
        """One named write statement in its own managed transaction."""

        async def work(tx: Tx) -> list[Record]:
            return await tx.run(query, **params)

        return await self.write(work)

    async def run_raw(self, text: str, params: Mapping[str, Any] | None = None) -> list[Record]:
        """Unnamed statements are for migrations and admin tooling only, never for input."""
        records, _, _ = await self.driver.execute_query(
            text, dict(params or {}), database_=self.database
        )
        return [record.data() for record in records]

    async def close(self) -> None:
        await self.driver.close()


class Tx:
    """A managed write transaction that speaks named queries and counts round trips."""

    def __init__(self, tx: AsyncManagedTransaction, store: Store) -> None:
        self.tx = tx
        self.store = store
        # Change entries recorded in this transaction; handed to the commit
        # listeners only once the transaction has committed.
        self.committed_events: list[Any] = []
        # Work held back to the end of the transaction (see before_commit), and
        # what it gathers meanwhile, by the name it was registered under.
        self._finishers: dict[str, Callable[[Tx], Awaitable[None]]] = {}
        self.pending: dict[str, list[Any]] = {}

    def before_commit(self, name: str, finish: Callable[[Tx], Awaitable[None]]) -> list[Any]:
        """Run ``finish`` once, as this transaction's last statement; returns the list
        that callers fill for it under ``name``.

        The change log uses this: its counter is the one record every writer
        touches, so it is read and bumped as late as possible, which keeps the
        window in which two writers can clash as short as one statement.
        """
        self._finishers.setdefault(name, finish)
        return self.pending.setdefault(name, [])

    async def finish(self) -> None:
        for finish in self._finishers.values():
            await finish(self)

    async def run(self, query: NamedQuery, **params: Any) -> list[Record]:
        self.store._note(query, params)
        with round_trips.timed(query):
            result = await self.tx.run(query.text, params)
            return [record.data() async for record in result]

    async def run_one(self, query: NamedQuery, **params: Any) -> Record | None:
        rows = await self.run(query, **params)
        return rows[0] if rows else None


def open_store(
    uri: str, user: str, password: str, database: str, timeout: float | None = None
) -> Store:
    """A store whose every call ends within ``timeout`` seconds (None: the driver's defaults)."""
    if timeout is None:
        return Store(neo4j.AsyncGraphDatabase.driver(uri, auth=(user, password)), database)
    driver = neo4j.AsyncGraphDatabase.driver(
        uri,
        auth=(user, password),
        connection_timeout=timeout,
        connection_acquisition_timeout=timeout,
        max_transaction_retry_time=timeout,
    )
    return Store(driver, database, timeout)
