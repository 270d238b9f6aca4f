"""Open the configured store for a command: NEO4J_URI, or the embedded one.

CLI commands other than ``serve`` attach to an embedded store already running
on the same data directory, and start (then stop) one themselves otherwise.
"""

from __future__ import annotations

import _thread
import contextlib
import signal
import sys
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from types import FrameType

from graph_api.app import connection_for
from graph_api.config import Settings
from graph_api.embedded import Connection, EmbeddedStore, StoreError
from graph_api.store import Store, open_store


@contextlib.contextmanager
def store_connection(settings: Settings, *, reuse: bool = True) -> Iterator[Connection]:
    """Yield a Bolt connection; stop the embedded store on exit if this process started it."""
    with supervised_store(settings, reuse=reuse, watch=False) as (connection, _):
        yield connection


@contextlib.contextmanager
def supervised_store(
    settings: Settings, *, reuse: bool = True, watch: bool = True
) -> Iterator[tuple[Connection, Callable[[], str] | None]]:
    """Yield a Bolt connection and, for an embedded store, a function naming its state
    (``running``, ``restarting``, ``down``) for /health.

    With ``watch``, a JVM that dies while in use is started again on the same port,
    however often it dies (long-running ``serve``; one-shot commands simply fail).
    """
    if not settings.embedded:
        with _terminate_as_interrupt():  # same exit path and code as with the embedded store
            yield connection_for(settings), None
        return
    embedded = EmbeddedStore(
        settings.data_dir,
        bolt_port=settings.bolt_port,
        heap=settings.store_heap,
        start_timeout=settings.store_start_timeout,
    )
    with _terminate_as_interrupt():
        connection = embedded.start(reuse=reuse)
        try:
            if watch:
                with _watchdog(embedded):
                    yield connection, embedded.state
            elif embedded.attached:  # its owner restarts it; the driver's retries wait
                yield connection, embedded.state
            else:
                with _stop_when_dead(embedded):
                    yield connection, embedded.state
        finally:
            embedded.stop()


WATCH_INTERVAL = 2.0
RESTART_BACKOFF = 1.0  # seconds before retrying a failed restart; doubles per failure
RESTART_BACKOFF_MAX = 60.0
INTERRUPTED = 130  # exit code after Ctrl-C or SIGTERM (128 + SIGINT, as shells report it)


@contextlib.contextmanager
def _watchdog(embedded: EmbeddedStore) -> Iterator[None]:
    """Restart the JVM whenever it dies, backing off while restarts fail, for as long as
    this process lives; stopped (and joined) before the store is stopped."""
    done = threading.Event()

    def loop() -> None:
        wait, backoff = WATCH_INTERVAL, RESTART_BACKOFF
        while not done.wait(wait):
            try:
                restarted = embedded.restart_if_dead()
            except Exception as exc:  # whatever it was, the next attempt may succeed
                fail(f"the store could not be restarted ({exc}); trying again in {backoff:g}s")
                wait, backoff = backoff, min(backoff * 2, RESTART_BACKOFF_MAX)
                continue
            if restarted:
                fail(f"the store process stopped unexpectedly; restarted as {embedded.pid}")
            wait, backoff = WATCH_INTERVAL, RESTART_BACKOFF

    # The JVM is tied to the thread that launched it, so a restarted one ends with
    # this thread: that happens only when the store is being stopped anyway.
    thread = threading.Thread(target=loop, name="graph-store-watchdog", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


@contextlib.contextmanager
def _stop_when_dead(embedded: EmbeddedStore) -> Iterator[None]:
    """A one-shot command fails at once, naming the cause, when its own JVM dies.

    Nothing would restart it, yet the driver would retry for half a minute and
    then blame the connection settings.
    """
    done = threading.Event()
    died = threading.Event()

    def loop() -> None:
        while not done.wait(WATCH_INTERVAL):
            if embedded.death() is not None:
                died.set()
                _thread.interrupt_main()  # unwinds the command like Ctrl-C
                return

    thread = threading.Thread(target=loop, name="graph-store-watch", daemon=True)
    thread.start()
    try:
        yield
    except (KeyboardInterrupt, Exception) as exc:
        # Once the JVM is gone, whatever failed (a driver error, the store layer's own
        # error, the interrupt above) failed because of that: say so.
        death = embedded.death()
        if death is None or (isinstance(exc, KeyboardInterrupt) and not died.is_set()):
            raise
        raise StoreError(death) from exc
    finally:
        done.set()
        thread.join()


@contextlib.asynccontextmanager
async def open_async_store(
    connection: Connection, timeout: float | None = None
) -> AsyncIterator[Store]:
    store = open_store(
        connection.uri, connection.user, connection.password, connection.database, timeout
    )
    try:
        # Fail at once on a wrong address or password; managed transactions would
        # retry for half a minute before saying so.
        await store.driver.verify_connectivity()
        yield store
    finally:
        await store.close()


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM unwinds like Ctrl-C so that finally blocks stop the JVM."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def fail(message: str, code: int = 1) -> int:
    """Print one line to stderr (driver messages span several) and return the exit code."""
    print(f"graph-api: {' '.join(message.split())}", file=sys.stderr)
    return code
