"""The app served on a free loopback port by a thread of the bench's own process."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import uvicorn

from graph_api.app import create_app
from graph_api.config import Settings
from graph_api.embedded import Connection, free_port
from graph_api.store import Store

START_TIMEOUT = 60.0


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the bench keeps its own handlers
        pass


@dataclass
class InProcess:
    """A running in-thread server, its store and its GraphQL endpoint."""

    server: _Server
    thread: threading.Thread
    store: Store
    url: str

    def cpu_seconds(self) -> float:
        """CPU time the server thread has used (uvicorn, the app and the driver)."""
        assert self.thread.ident is not None
        return time.clock_gettime(time.pthread_getcpuclockid(self.thread.ident))

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=START_TIMEOUT)


def serve_in_thread(settings: Settings, connection: Connection) -> InProcess:
    """Start the app over ``connection`` and wait until it accepts requests."""
    app = create_app(settings, connection)
    port = free_port()
    server = _Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="bench-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the benchmark server did not start")
        time.sleep(0.05)
    store = app.state.graph.store
    assert isinstance(store, Store)
    return InProcess(server, thread, store, f"http://127.0.0.1:{port}/graphql")
