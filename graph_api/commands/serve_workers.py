"""``graph-api serve --workers N``: N uvicorn worker processes on one listening socket.

The supervisor (the ``serve`` process) owns the embedded store, migrates and
seeds, binds the socket, and starts the workers; each worker builds its own app
(its own driver) over the same store. uvicorn restarts a worker that dies;
Ctrl-C or SIGTERM stops the workers, then the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import uvicorn
from starlette.applications import Starlette
from uvicorn.supervisors.multiprocess import Multiprocess

from graph_api.app import create_app
from graph_api.config import Settings
from graph_api.embedded import Connection
from graph_api.http_server import server_config

WORKER_READY_TIMEOUT = 60.0


@dataclass(frozen=True)
class WorkerApp:
    """The app factory handed to each worker (pickled into the spawned process)."""

    settings: Settings
    connection: Connection

    def __call__(self) -> Starlette:
        return create_app(self.settings, self.connection)


class _Supervisor(Multiprocess):
    """Announces readiness once every worker serves; remembers a stop by signal."""

    def __init__(
        self, config: uvicorn.Config, sockets: list[object], on_ready: Callable[[], None]
    ) -> None:
        super().__init__(config, sockets)  # type: ignore[arg-type]
        self._on_ready = on_ready
        self.stopped_by_signal = False

    def init_processes(self) -> None:
        super().init_processes()
        for process in self.processes:
            if not process.wait_until_ready(WORKER_READY_TIMEOUT, self.should_exit):
                return  # uvicorn's loop replaces it or stops; no ready line
        self._on_ready()

    def handle_int(self) -> None:
        self.stopped_by_signal = True
        super().handle_int()

    def handle_term(self) -> None:
        self.stopped_by_signal = True
        super().handle_term()


def with_shared_events(settings: Settings, workers: int) -> Settings:
    """Workers are separate processes: they hear each other's writes through the graph."""
    if workers > 1 and settings.event_broker == "inprocess":
        print(
            "serve --workers: change events go through the graph broker so that every worker "
            "sees every worker's writes (GRAPH_API_EVENT_BROKER=graph)",
            flush=True,
        )
        return settings.with_overrides(event_broker="graph")
    return settings


def serve_workers(
    settings: Settings,
    connection: Connection,
    host: str,
    port: int,
    workers: int,
    announce: Callable[[int], None],
) -> bool:
    """Serve until stopped; True when a signal stopped it."""
    config = server_config(
        WorkerApp(settings, connection),
        settings,
        host,
        port,
        factory=True,
        workers=workers,
        log_level="info",
    )
    sock = config.bind_socket()
    bound = int(sock.getsockname()[1])
    supervisor = _Supervisor(config, [sock], lambda: announce(bound))
    try:
        supervisor.run()
    finally:
        sock.close()
    return supervisor.stopped_by_signal
