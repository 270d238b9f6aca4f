"""Evaluates challenges after every committed write that can move a participant's value.

The watcher follows the app's change events (the event hub's broker: with the
``graph`` broker, every API process's and every import's writes). One task
evaluates, and evaluates again if more arrived meanwhile, so a burst of writes
costs one or two evaluations. Its own ``Achievement`` entries move no value and
wake nothing. Several API processes may evaluate at once: recording is
idempotent (see ``challenge_achieve.cypher``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from graph_api.challenges.progress import evaluate
from graph_api.events.broker import SubscriberTooSlow
from graph_api.events.hub import EventHub

log = logging.getLogger("graph_api.challenges")
STOP_GRACE = 10.0  # seconds an evaluation may take to finish when the app stops
# Entity types (labels, and relationship types for links) whose changes can move a
# leaderboard value or define a challenge.
MOVING = frozenset(
    {"Deal", "Partner", "Partnership", "Contact", "Challenge",
     "ATTRIBUTED", "REGISTERED", "CERTIFIED", "WORKS_FOR"}
)  # fmt: skip


class ChallengeWatcher:
    def __init__(self, hub: EventHub) -> None:
        self.hub = hub
        self._dirty = asyncio.Event()
        self._stopping = False
        self._tasks: list[asyncio.Task[None]] = []
        self.evaluations = 0  # finished evaluations, for tests and logs

    def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self._listen(), name="challenge-events"),
            asyncio.create_task(self._run(), name="challenge-evaluation"),
        ]

    async def _listen(self) -> None:
        while not self._stopping:
            feed = self.hub.broker.subscribe()
            try:
                async for event in feed:
                    if event.entity_type in MOVING:
                        self._dirty.set()
            except SubscriberTooSlow:
                self._dirty.set()  # something was missed: evaluate, and follow on
            finally:
                feed.close()
            if not self._stopping:
                await asyncio.sleep(0.5)  # the broker ended the feed: it is stopping

    async def _run(self) -> None:
        while not self._stopping:
            await self._dirty.wait()
            self._dirty.clear()
            if self._stopping:
                return
            try:
                await evaluate(self.hub.store)
            except Exception:  # the next write tries again; the API keeps serving
                log.exception("challenge evaluation failed")
            self.evaluations += 1

    async def stop(self) -> None:
        """Let an evaluation in hand finish (a task cancelled inside a driver call can
        leak its connection); cancel it only past the grace period."""
        self._stopping = True
        self._dirty.set()
        listen, run = self._tasks
        listen.cancel()  # it only waits for events
        done, _ = await asyncio.wait({run}, timeout=STOP_GRACE)
        if not done:
            run.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task


@contextlib.asynccontextmanager
async def watching(hub: EventHub) -> AsyncIterator[ChallengeWatcher]:
    watcher = ChallengeWatcher(hub)
    watcher.start()
    try:
        yield watcher
    finally:
        await watcher.stop()
