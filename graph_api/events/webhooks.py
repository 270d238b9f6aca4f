"""Signed webhooks delivered from the change-log outbox.

The outbox is the change log itself: a write records its ``(:Change)`` entries
in its own transaction, and this worker delivers them afterwards, so the write
path never waits on a receiver. Each endpoint keeps a ``cursor`` (the last
sequence number it is done with) and ``(:Delivery)`` nodes (what was sent, how
many attempts, the last error) in the graph, so a worker that is killed
resumes from there: delivery is at least once.

Per endpoint the order of the sequence holds: event n+1 is not sent before n
was delivered or dead-lettered. Failures are retried with exponential backoff
and jitter; after ``GRAPH_API_WEBHOOK_MAX_ATTEMPTS`` the event is dead-lettered
and the endpoint moves on. ``replayDeadLetters``/``replayDelivery`` queue dead
ones again.

Only one API instance delivers at a time: it holds a lease node in the graph
and renews it; when it dies another instance takes over after the lease expires.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import ipaddress
import json
import logging
import random
import secrets
import socket
import time
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx

from graph_api.config import Settings
from graph_api.cypher import named
from graph_api.events.broker import EVENT_HEAD, call_on_loop, read_window
from graph_api.events.model import Event
from graph_api.events.redaction import redact
from graph_api.scope import partner_and_below
from graph_api.store import Store
from graph_api.values import as_datetime

log = logging.getLogger("graph_api.webhooks")

ENDPOINTS_ACTIVE = named("queries/webhook_endpoints_active")
ENDPOINT_STATE = named("queries/webhook_endpoint_state")
OWED = named("queries/webhook_owed")
DELIVERED = named("queries/webhook_delivered")
ATTEMPT_FAILED = named("queries/webhook_attempt_failed")
LEASE = named("queries/webhook_lease")
LEASE_RELEASE = named("queries/webhook_lease_release")
CURSOR_RESET = named("queries/webhook_cursor_reset")
PRUNE = named("queries/webhook_prune")

LEASE_NAME = "webhook-delivery"
BATCH = 100
FLUSH_EVERY = 0.2  # seconds between progress records while a batch is being sent
COALESCE = 0.05  # seconds the supervisor lets wake-ups gather
PRUNE_EVERY = 3600.0  # seconds between clean-ups of old delivery records
PRUNE_BATCH = 10_000
STOP_GRACE = 5.0  # seconds a stopping task gets beyond one POST's timeout
MAX_URL_LENGTH = 2048
SIGNATURE_HEADER = "X-Graph-Signature"
TIMESTAMP_HEADER = "X-Graph-Timestamp"

DELIVERED_STATUS = "delivered"
RETRYING = "retrying"
REPLAY = "replay"
DEAD = "dead"


# --- signing ----------------------------------------------------------------


def sign(secret: str, timestamp: int | str, body: bytes) -> str:
    """``sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>``."""
    message = str(timestamp).encode() + b"." + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(
    secret: str,
    timestamp: str,
    body: bytes,
    signature: str,
    tolerance: float = 300.0,
    now: float | None = None,
) -> bool:
    """What a receiver does: recompute, compare in constant time, reject stale timestamps."""
    try:
        age = abs((time.time() if now is None else now) - int(timestamp))
    except ValueError:
        return False
    return age <= tolerance and hmac.compare_digest(sign(secret, timestamp, body), signature)


def generate_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


# --- URL validation ---------------------------------------------------------


def url_problem(url: str, settings: Settings) -> str | None:
    """Why ``url`` cannot be a webhook endpoint, or None when it can."""
    text_problem = _url_text_problem(url)
    if text_problem:
        return text_problem
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"not a valid URL: {exc}"
    if parts.scheme not in {"http", "https"}:
        return "the URL must start with http:// or https://"
    if not parts.hostname:
        return "the URL has no host"
    if parts.username or parts.password:
        return "credentials in the URL are not allowed; use the signing secret"
    if settings.production and not settings.webhook_allow_private:
        try:
            infos = socket.getaddrinfo(parts.hostname, port or 443, proto=socket.IPPROTO_TCP)
        except OSError:
            return f"the host {parts.hostname!r} does not resolve"
        for info in infos:
            address = ipaddress.ip_address(info[4][0])
            if not address.is_global:
                return (
                    f"{parts.hostname} resolves to the non-public address {address}; "
                    "set GRAPH_API_WEBHOOK_ALLOW_PRIVATE=true to allow it"
                )
    return None


def _url_text_problem(url: str) -> str | None:
    """Refuse what urlsplit would quietly strip or keep: it drops leading blanks and
    control characters and removes tabs and newlines, so " http://x" would pass and be
    stored (and sent) as typed; a control character could split a request line."""
    if len(url) > MAX_URL_LENGTH:
        return f"the URL is {len(url)} characters long; use at most {MAX_URL_LENGTH} characters"
    if url != url.strip():
        return "the URL has leading or trailing whitespace"
    for position, char in enumerate(url):
        if unicodedata.category(char) in ("Cc", "Cf"):
            return f"the URL contains the control character U+{ord(char):04X} at {position}"
        if char.isspace():
            return f"the URL contains whitespace at {position}; percent-encode it (%20)"
    return None


# --- backoff ----------------------------------------------------------------


def backoff(attempts: int, base: float, maximum: float) -> float:
    """Exponential backoff with 'equal jitter': half fixed, half random."""
    delay = min(maximum, base * 2.0 ** max(0, attempts - 1))
    return delay / 2 + random.uniform(0, delay / 2)


# --- the worker -------------------------------------------------------------


@dataclass
class _Runner:
    endpoint_id: str
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    task: asyncio.Task[None] | None = None
    retired: bool = False  # the endpoint went away or the lease was lost: finish and exit


@dataclass
class Outcome:
    ok: bool
    status: int | None = None
    error: str | None = None


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
        self._client = client
        self._own_client = client is None
        self._runners: dict[str, _Runner] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._retiring: set[asyncio.Task[None]] = set()
        self._stopping = False
        self._abandon = False  # stopping as a crash would: record no further progress

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
        self._abandon = not release
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
        cutoff = before or datetime.now(UTC) - timedelta(seconds=self.settings.event_retention)
        total = 0
        while True:
            rows = await self.store.write_query(PRUNE, cutoff=cutoff, limit=PRUNE_BATCH)
            pruned = int(rows[0]["pruned"]) if rows else 0
            total += pruned
            if pruned < PRUNE_BATCH:
                return total

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
                    if not self._abandon:
                        await self._record_delivered(endpoint_id, done, cursor)
                    return 0
                outcome = await self.post(endpoint, redact(event, scope))
                if not outcome.ok:
                    if recording is not None:
                        await recording
                    await self._record_delivered(endpoint_id, done, cursor)
                    return await self._failed(endpoint, event, 1, outcome, head=True)
                done.append(_delivery_row(endpoint_id, event, 1, outcome.status))
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

    async def _owner_scope(self, endpoint: dict[str, Any]) -> list[str] | None:
        """What the endpoint receives, as its owner's token would see it: an admin's
        endpoint everything (None); a partner's its hierarchy as it is now, as a token's
        scope is resolved per request (a reseller that joined after registration is
        included, one that left is not)."""
        owner = endpoint.get("ownerPartnerId")
        return None if not owner else await partner_and_below(self.store, str(owner))

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
            row = _delivery_row(endpoint_id, event, attempts, outcome.status)
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

    async def post(self, endpoint: dict[str, Any], event: Event) -> Outcome:
        """One signed POST of one event; never raises."""
        assert self._client is not None
        body = json.dumps(event.payload(), separators=(",", ":"), default=str).encode()
        timestamp = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "graph-api-webhooks/1",
            "X-Graph-Event-Id": event.id,
            "X-Graph-Event-Type": event.event_type,
            "X-Graph-Sequence": str(event.seq),
            "X-Graph-Delivery": delivery_id(str(endpoint["id"]), event.seq),
            TIMESTAMP_HEADER: timestamp,
            SIGNATURE_HEADER: sign(str(endpoint["secret"]), timestamp, body),
        }
        url = str(endpoint["url"])
        if self.settings.production and not self.settings.webhook_allow_private:
            # Checked again at each delivery: the host's DNS may point elsewhere now.
            problem = await asyncio.to_thread(url_problem, url, self.settings)
            if problem:
                return Outcome(False, None, f"not sent: {problem}")
        try:
            response = await self._client.post(url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            return Outcome(False, None, f"{type(exc).__name__}: {exc}".strip()[:500])
        if 200 <= response.status_code < 300:
            self.delivered += 1
            return Outcome(True, response.status_code)
        text = response.text[:200]
        return Outcome(False, response.status_code, f"HTTP {response.status_code}: {text}")


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


def delivery_id(endpoint_id: str, seq: int) -> str:
    return f"{endpoint_id}:{seq}"


def _delivery_row(
    endpoint_id: str, event: Event, attempts: int, status: int | None
) -> dict[str, Any]:
    return {
        "id": delivery_id(endpoint_id, event.seq),
        "seq": event.seq,
        "changeId": event.id,
        "eventType": event.event_type,
        "attempts": attempts,
        "httpStatus": status,
    }
