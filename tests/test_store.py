"""graph_api/store.py's write rounds without a store: a clash with another writer is run
again (a bounded number of times), writers of one process take turns, a request's
deadline bounds the whole call, and end-of-transaction work runs once.

The transaction itself is scripted here (``ScriptedStore._write_once``); the real
transactions, retries included, are exercised against the store by
tests/test_concurrent_writes.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import neo4j
import pytest

from graph_api import store as store_module
from graph_api.errors import StoreUnavailable
from graph_api.store import CONFLICT_RETRIES, Store, Tx, request_counter, request_deadline

T = TypeVar("T")


class ScriptedStore(Store):
    """A Store whose transactions fail with the scripted errors, in order, then run."""

    def __init__(self, failures: list[BaseException], timeout: float | None = None) -> None:
        super().__init__(driver=None, database="neo4j", timeout=timeout)  # type: ignore[arg-type]
        self.failures = list(failures)
        self.attempts = 0
        self.log: list[str] = []

    async def _write_once(self, work: Callable[[Tx], Awaitable[T]]) -> T:
        self.attempts += 1
        if self.failures:
            raise self.failures.pop(0)
        return await work(Tx(None, self))  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    # The jittered backoff only spaces retries out; these tests count them.
    monkeypatch.setattr(store_module, "CONFLICT_BACKOFF", 0.0)


async def answer(tx: Tx) -> str:
    return "done"


async def test_a_clash_with_another_writer_runs_the_whole_unit_again() -> None:
    store = ScriptedStore([neo4j.exceptions.ConstraintError(), neo4j.exceptions.ConstraintError()])
    assert await store.write(answer) == "done"
    assert (store.attempts, store.conflict_retries) == (3, 2)


async def test_clashes_are_retried_a_bounded_number_of_times() -> None:
    clashes = [neo4j.exceptions.ConstraintError() for _ in range(CONFLICT_RETRIES + 5)]
    store = ScriptedStore(clashes)
    with pytest.raises(neo4j.exceptions.ConstraintError):
        await store.write(answer)
    assert store.attempts == CONFLICT_RETRIES + 1
    assert store.conflict_retries == CONFLICT_RETRIES


async def test_other_failures_are_not_run_again() -> None:
    store = ScriptedStore([ValueError("a bug in the unit of work")])
    with pytest.raises(ValueError):
        await store.write(answer)
    assert (store.attempts, store.conflict_retries) == (1, 0)


async def test_writers_of_one_process_take_turns() -> None:
    store = ScriptedStore([])

    def writer(name: str) -> Callable[[Tx], Awaitable[str]]:
        async def work(tx: Tx) -> str:
            store.log.append(f"{name} starts")
            for _ in range(5):  # give the other writers every chance to cut in
                await asyncio.sleep(0)
            store.log.append(f"{name} ends")
            return name

        return work

    done = await asyncio.gather(*(store.write(writer(name)) for name in "abc"))
    assert done == ["a", "b", "c"]
    assert store.log == [
        "a starts",
        "a ends",
        "b starts",
        "b ends",
        "c starts",
        "c ends",
    ]


async def test_a_spent_request_deadline_never_starts_the_write() -> None:
    store = ScriptedStore([])
    ran: list[bool] = []

    async def work(tx: Tx) -> None:
        ran.append(True)

    async def request() -> None:
        request_deadline(0.0)
        await store.write(work)

    with pytest.raises(StoreUnavailable) as raised:
        await asyncio.create_task(request())  # its own context, as each request has
    assert raised.value.extensions is not None
    assert raised.value.extensions["code"] == "STORE_UNAVAILABLE"
    assert (ran, store.attempts) == ([], 0)


async def test_a_write_that_outlasts_the_timeout_becomes_store_unavailable() -> None:
    store = ScriptedStore([], timeout=0.05)
    stuck = asyncio.Event()

    async def work(tx: Tx) -> None:
        await stuck.wait()  # a store that never answers

    with pytest.raises(StoreUnavailable):
        await store.write(work)
    # The turn was given back: the next write runs.
    assert await store.write(answer) == "done"


async def test_end_of_transaction_work_runs_once_per_name_and_last() -> None:
    store = ScriptedStore([])
    tx = Tx(None, store)  # type: ignore[arg-type]
    order: list[Any] = []

    async def flush(t: Tx) -> None:
        order.append(("flush", list(t.pending["changes"])))

    first = tx.before_commit("changes", flush)
    first.append(1)
    second = tx.before_commit("changes", flush)
    second.append(2)
    assert first is second
    await tx.finish()
    assert order == [("flush", [1, 2])]


def test_round_trips_are_counted_per_request_with_names_when_asked() -> None:
    counter = request_counter(track_names=True)
    counter.add("queries/partner_page")
    counter.add("queries/deal_page")
    assert (counter.count, counter.names) == (2, ["queries/partner_page", "queries/deal_page"])
    quiet = request_counter()
    quiet.add("queries/partner_page")
    assert (quiet.count, quiet.names) == (1, None)
