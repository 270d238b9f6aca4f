"""When rules run: after each committed write that can move a condition, and every
rule on a schedule: time alone makes the time-based ones hold (expiry, stalled
deals, the goal line), and the schedule also catches writes this process did not
commit (an import from another process, a deal moved to another customer).

The worker listens on its store's commit listeners (as the webhook worker does), so
it hears of that store's writes without polling. Changes gather while an evaluation
runs; the next one covers them all, for the partners they concern. Its own
``Alert`` entries wake nothing. Every API process runs one, and
``graph-api alerts-worker`` runs the schedule alone; several may evaluate at once,
since raising is idempotent (see ``alert_raise.cypher``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

from graph_api.alerts.evaluation import Clock, Outcome, evaluate, load_rules, utc_now
from graph_api.alerts.rules import KINDS, AlertKind
from graph_api.events.broker import call_on_loop
from graph_api.store import Store

log = logging.getLogger("graph_api.alerts")
SCHEDULE = 3600.0  # seconds between evaluations of every rule
STOP_GRACE = 10.0  # seconds an evaluation may take to finish when stopping


class Pending:
    """What the changes committed since the last evaluation ask to evaluate."""

    def __init__(self) -> None:
        self.kinds: set[AlertKind] = set()
        self.partners: set[str] | None = set()  # None: every partner

    def add(self, events: list[Any]) -> bool:
        """Take in committed change entries; True when they move any condition."""
        moved = False
        for event in events:
            if event.entity_type == "AlertRule":  # a rule changed: evaluate it everywhere
                self.kinds |= set(AlertKind)
                self.partners = None
                moved = True
                continue
            kinds = {k for k, spec in KINDS.items() if event.entity_type in spec.moved_by}
            if not kinds:
                continue
            moved = True
            self.kinds |= kinds
            if not event.partner_ids:
                self.partners = None
            elif self.partners is not None:
                self.partners |= set(event.partner_ids)
        return moved


class AlertWorker:
    def __init__(
        self, store: Store, clock: Clock = utc_now, schedule: float | None = SCHEDULE
    ) -> None:
        self.store = store
        self.clock = clock
        self.schedule = schedule  # None: only after writes
        self._pending = Pending()
        self._dirty = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.evaluations = 0  # finished evaluations after writes, for tests
        self.durations: list[float] = []  # seconds each of those took (measurement)
        self.scheduled_runs = 0

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self.store.add_commit_listener(self._on_commit)
        self._task = asyncio.create_task(self._run(), name="alert-evaluation")

    def _on_commit(self, events: list[Any]) -> None:
        call_on_loop(self._loop, self._take, events)

    def _take(self, events: list[Any]) -> None:
        if self._pending.add(events):
            self._dirty.set()

    async def run_scheduled(self) -> Outcome:
        """Evaluate every rule now, for every partner."""
        outcome = await evaluate(self.store, self.clock())
        self.scheduled_runs += 1
        return outcome

    async def _run(self) -> None:
        due = time.monotonic()  # the schedule runs first thing, then every `schedule` s
        while not self._stopping:
            if self.schedule is not None and time.monotonic() >= due:
                due = time.monotonic() + self.schedule
                try:
                    await self.run_scheduled()
                except Exception:
                    log.exception("scheduled alert evaluation failed")
            wait = None if self.schedule is None else max(due - time.monotonic(), 0.0)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._dirty.wait(), wait)
            if self._stopping or not self._dirty.is_set():
                continue
            self._dirty.clear()
            pending, self._pending = self._pending, Pending()
            started = time.perf_counter()
            try:
                # Rules may be saved through another process: read them every time.
                rules = await load_rules(self.store)
                if rules:
                    partners = None if pending.partners is None else sorted(pending.partners)
                    await evaluate(
                        self.store,
                        self.clock(),
                        kinds=pending.kinds,
                        partners=partners,
                        rules=rules,
                    )
            except Exception:  # the next write tries again; the API keeps serving
                log.exception("alert evaluation failed")
            self.durations.append(time.perf_counter() - started)
            self.evaluations += 1

    async def stop(self) -> None:
        """Let an evaluation in hand finish (a task cancelled inside a driver call can
        leak its connection); cancel it only past the grace period."""
        self.store.remove_commit_listener(self._on_commit)
        self._stopping = True
        self._dirty.set()
        if self._task is None:
            return
        done, _ = await asyncio.wait({self._task}, timeout=STOP_GRACE)
        if not done:
            self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task


@contextlib.asynccontextmanager
async def running(
    store: Store, clock: Clock = utc_now, schedule: float | None = SCHEDULE
) -> AsyncIterator[AlertWorker]:
    worker = AlertWorker(store, clock, schedule)
    worker.start()
    try:
        yield worker
    finally:
        await worker.stop()
