"""The ``graph-api`` command. Each subcommand lives in graph_api/commands/."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from graph_api.commands import COMMANDS
from graph_api.config import ConfigError
from graph_api.embedded import StoreError
from graph_api.migrations import MigrationError
from graph_api.runtime import fail


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="graph-api",
        description="GraphQL backend for a partner ecosystem kept in one graph database.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.handler(args)
    except KeyboardInterrupt:
        return 130
    except (StoreError, ConfigError, MigrationError) as exc:
        return fail(str(exc))
    return result


if __name__ == "__main__":
    sys.exit(main())
