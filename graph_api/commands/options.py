"""Options shared by the subcommands that open the store."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph_api.config import Settings


def add_store_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "store", "Used when NEO4J_URI is not set (the embedded store)."
    )
    group.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="embedded store's data directory (default: $GRAPH_API_DATA_DIR or ./.graph-data)",
    )
    group.add_argument(
        "--bolt-port",
        type=int,
        default=None,
        help="Bolt port on 127.0.0.1 (default: $GRAPH_API_BOLT_PORT or a free port)",
    )


def settings_from(args: argparse.Namespace) -> Settings:
    settings = Settings.from_env()
    changes: dict[str, object] = {}
    if getattr(args, "data_dir", None) is not None:
        changes["data_dir"] = args.data_dir
    if getattr(args, "bolt_port", None) is not None:
        changes["bolt_port"] = args.bolt_port
    if getattr(args, "host", None) is not None:  # serve --host: the metrics port binds it too
        changes["host"] = args.host
    return settings.with_overrides(**changes) if changes else settings
