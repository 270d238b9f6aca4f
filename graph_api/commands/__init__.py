"""Subcommands of ``graph-api``; each module exposes ``register(subparsers)``."""

from __future__ import annotations

from types import ModuleType

from graph_api.commands import (
    alerts_worker,
    backtest,
    backup,
    bench,
    export,
    export_schema,
    generate_cypher,
    import_data,
    migrate,
    report,
    restore,
    seed,
    serve,
    token,
    webhooks_worker,
)

COMMANDS: list[ModuleType] = [
    serve,
    migrate,
    seed,
    import_data,
    export,
    export_schema,
    generate_cypher,
    backup,
    restore,
    token,
    bench,
    backtest,
    report,
    webhooks_worker,
    alerts_worker,
]
