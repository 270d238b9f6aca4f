"""The ``graph-api`` command. Each subcommand lives in graph_api/commands/."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from graph_api import __version__


def build_parser() -> argparse.ArgumentParser:
    from graph_api.commands import COMMANDS

    parser = argparse.ArgumentParser(
        prog="graph-api",
        description="GraphQL backend for a partner ecosystem kept in one graph database.",
    )
    parser.add_argument("--version", action="version", version=f"graph-api {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["generate-cypher"]:
        # It must run while a file it writes is still missing, and the other commands
        # load every statement file when imported: so it goes before they are imported.
        from graph_api.generated_cypher import main as generate

        return generate(args[1:], prog="graph-api generate-cypher")
    return _run(args)


def _run(argv: list[str]) -> int:
    import neo4j.exceptions

    from graph_api.config import ConfigError
    from graph_api.embedded import StoreError
    from graph_api.errors import StoreUnavailable
    from graph_api.migrations import MigrationError
    from graph_api.runtime import INTERRUPTED, fail

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.handler(args)
    except KeyboardInterrupt:
        return INTERRUPTED
    except (StoreError, ConfigError, MigrationError) as exc:
        return fail(str(exc))
    except StoreUnavailable as exc:  # the store stopped answering part way through
        return fail(f"cannot use the graph store: {exc.message}")
    except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.AuthError) as exc:
        if not os.environ.get("NEO4J_URI"):  # the embedded store: no settings to blame
            return fail(f"cannot use the embedded graph store: {exc}")
        return fail(
            f"cannot use the graph store: {exc}. Check NEO4J_URI, NEO4J_USER and "
            "NEO4J_PASSWORD, or unset NEO4J_URI to use the embedded store"
        )
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
        return fail(f"the graph store reported an error: {exc}")
    return result


if __name__ == "__main__":
    sys.exit(main())
