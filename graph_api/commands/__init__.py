"""Subcommands of ``graph-api``; each module exposes ``register(subparsers)``."""

from __future__ import annotations

from types import ModuleType

from graph_api.commands import migrate, serve

COMMANDS: list[ModuleType] = [serve, migrate]
