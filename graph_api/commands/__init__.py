"""Subcommands of ``graph-api``; each module exposes ``register(subparsers)``."""

from __future__ import annotations

from types import ModuleType

from graph_api.commands import import_data, migrate, seed, serve

COMMANDS: list[ModuleType] = [serve, migrate, seed, import_data]
