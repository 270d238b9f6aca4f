"""``graph-api serve``: the one command for a new user.

With no NEO4J_URI it starts the embedded store, migrates, seeds the demo data
into an empty graph, and serves GraphQL until Ctrl-C or SIGTERM, which stop
the API and then the store. With NEO4J_URI it migrates that server and serves;
demo data is loaded there only when GRAPH_API_SEED_DEMO=true.
"""

from __future__ import annotations

import argparse
import asyncio
import shlex
import socket
from collections.abc import Callable
from types import FrameType
from typing import Any

import uvicorn

from graph_api.app import create_app
from graph_api.auth import mint, with_serving_auth
from graph_api.commands.options import add_store_options, settings_from
from graph_api.commands.serve_workers import serve_workers, with_shared_events
from graph_api.config import ConfigError, Settings
from graph_api.embedded import Connection, EmbeddedStore, describe
from graph_api.http_server import server_config
from graph_api.migrations import migrate
from graph_api.runtime import INTERRUPTED, open_async_store, supervised_store
from graph_api.scope import demo_partner

READY_PREFIX = "ready:"  # scripts and tests wait for the line that starts with this


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "serve",
        help="start the store (embedded unless NEO4J_URI is set), migrate, seed demo data, serve",
        description="Serve GraphQL at http://HOST:PORT/graphql. Without NEO4J_URI the embedded "
        "store is started in --data-dir, migrated, and seeded with demo data when empty. With "
        "NEO4J_URI that server is migrated, and seeded only when GRAPH_API_SEED_DEMO=true. "
        "Ctrl-C or SIGTERM stops the API and the embedded store.",
    )
    parser.add_argument(
        "--host", default=None, help="address to bind (default: $GRAPH_API_HOST or 127.0.0.1)"
    )
    parser.add_argument(
        "--port",
        type=int,
        default=None,
        help="HTTP port, 0 for a free one (default: $GRAPH_API_PORT or 8000)",
    )
    parser.add_argument(
        "--no-seed", action="store_true", help="do not load the demo data into an empty graph"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="API worker processes on one socket, over the one store this process owns (1)",
    )
    add_store_options(parser)
    parser.set_defaults(handler=run)


async def _prepare(connection: Connection, seed: bool) -> dict[str, Any] | None:
    """Migrate and seed; returns an example partner for the demo tokens."""
    async with open_async_store(connection) as store:
        applied = await migrate(store)
        print(
            f"migrations applied: {', '.join(applied)}" if applied else "migrations: up to date",
            flush=True,
        )
        if seed:
            from graph_api.seeding import seed_demo_if_empty

            loaded = await seed_demo_if_empty(store)
            if loaded:
                print(f"demo data loaded: {loaded}", flush=True)
        return await demo_partner(store)


def _demo_tokens(
    settings: Settings, partner: dict[str, Any] | None, configured: Settings | None = None
) -> list[str]:
    """Tokens to try the API with, when this server signs its own (no production key).

    ``configured`` is the settings before with_serving_auth: whether the secret
    was given or made here decides how to mint more tokens this server accepts.
    """
    if not settings.jwt_secret or settings.jwt_public_key or settings.production:
        return []
    ttl = 12 * 3600
    lines = [
        "Requests need `Authorization: Bearer <token>`. Demo tokens (valid 12h):",
        f"  admin: {mint(settings.jwt_secret, 'admin', 'demo-admin', ttl=ttl)}",
    ]
    if partner is not None:
        pid = str(partner["id"])
        token = mint(settings.jwt_secret, "partner", f"partner:{pid}", pid, ttl=ttl)
        lines.append(f"  partner {pid} ({partner['name']}): {token}")
    lines.append(_more_tokens(configured or settings))
    return lines


def _more_tokens(configured: Settings) -> str:
    """The hint for minting more tokens, only in a form that this server accepts."""
    command = "graph-api token --role partner --partner-id ID"
    if configured.jwt_secret:
        return f"  more: {command}  (with the same GRAPH_API_JWT_SECRET)"
    if not configured.embedded:
        return (
            "  more: none; this run signs with a secret of its own. To mint tokens, set "
            "GRAPH_API_JWT_SECRET for both `graph-api serve` and `graph-api token`"
        )
    # The secret lives in the data directory: name it, so the hint works from anywhere.
    return f"  more: {command} --data-dir {shlex.quote(str(configured.data_dir.resolve()))}"


def _check_port(host: str, port: int) -> None:
    """Fail before starting the store, not after, when the HTTP port is taken."""
    if port == 0:
        return
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise ConfigError(
                f"cannot listen on {host}:{port} ({exc.strerror}); choose another with --port "
                "or GRAPH_API_PORT, or 0 for a free one"
            ) from exc


class _Server(uvicorn.Server):
    """Announces the bound address once uvicorn is accepting connections."""

    def __init__(self, config: uvicorn.Config, on_started: Callable[[int], None]) -> None:
        super().__init__(config)
        self._on_started = on_started
        self.stopped_by_signal = False

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        # uvicorn re-raises the signal after its graceful shutdown, but whether that
        # surfaces as KeyboardInterrupt depends on event-loop timing: remember it here.
        self.stopped_by_signal = True
        super().handle_exit(sig, frame)

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            port = int(self.servers[0].sockets[0].getsockname()[1])
            self._on_started(port)


def _announcer(
    settings: Settings, connection: Connection, host: str, after: list[str]
) -> Callable[[int], None]:
    def announce(port: int) -> None:
        base = f"http://{host}:{port}"
        ide = " (GraphiQL IDE in a browser)" if settings.graphiql else ""
        lines = [f"GraphQL: {base}/graphql{ide}"]
        if settings.embedded:
            lines.append(describe(connection, settings.data_dir))
        else:
            lines.append(
                f"Graph store: {connection.uri}  user: {connection.user}  "
                f"database: {connection.database}"
            )
        stops = "the API and the store" if settings.embedded else "the API"
        lines.append(f"{READY_PREFIX} {base} (Ctrl-C stops {stops})")
        print("\n".join([*lines, *after]), flush=True)

    return announce


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if args.workers < 1:
        raise ConfigError(f"--workers must be at least 1, got {args.workers}")
    if args.workers > 1 and settings.metrics_port:  # N processes cannot share one listener
        raise ConfigError("GRAPH_API_METRICS_PORT serves one process; unset it with --workers")
    host = args.host if args.host is not None else settings.host
    port = args.port if args.port is not None else settings.port
    if settings.embedded:  # the owner of the data dir, not its HTTP port, is the real conflict
        EmbeddedStore(settings.data_dir).refuse_if_in_use()
    _check_port(host, port)
    configured, settings = settings, with_serving_auth(settings)
    with supervised_store(settings, reuse=False) as (connection, store_state):
        partner = asyncio.run(_prepare(connection, seed=settings.seed_demo and not args.no_seed))
        tokens = _demo_tokens(settings, partner, configured)
        announce = _announcer(settings, connection, host, tokens)
        if args.workers > 1:
            settings = with_shared_events(settings, args.workers)
            signalled = serve_workers(settings, connection, host, port, args.workers, announce)
            return INTERRUPTED if signalled else 0
        app = create_app(settings, connection, store_state)
        config = server_config(app, settings, host, port, log_level="info")
        server = _Server(config, announce)
        server.run()
    return INTERRUPTED if server.stopped_by_signal else 0
