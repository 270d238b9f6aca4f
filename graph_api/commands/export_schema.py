"""``graph-api export-schema``: write the GraphQL SDL, or check the checked-in file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from strawberry.printer import print_schema

from graph_api.datafiles import data_dir

# The checked-in SDL: schema/ in a checkout, the bundled copy in an installed wheel.
DEFAULT_OUTPUT = data_dir("schema") / "schema.graphql"


def render() -> str:
    """The SDL of the schema the app serves, ending in one newline."""
    from graph_api.schema import schema

    return print_schema(schema).rstrip("\n") + "\n"


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "export-schema",
        help="write the GraphQL schema (SDL) to a file, or check that the file is current",
        description="Print the schema the code defines as SDL into --output. With --check, "
        "write nothing and exit 1 when the file differs from the code.",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"SDL file to write or check (default: {DEFAULT_OUTPUT}; '-' for stdout)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if the file is missing or differs from the code",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    sdl = render()
    output: Path = args.output
    if str(output) == "-":
        sys.stdout.write(sdl)
        return 0
    if args.check:
        current = output.read_text(encoding="utf-8") if output.exists() else None
        if current != sdl:
            print(
                f"{output} is out of date with the code; run `graph-api export-schema "
                f"--output {output}`",
                file=sys.stderr,
            )
            return 1
        print(f"{output} is up to date")
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(sdl, encoding="utf-8")
    print(f"wrote {output} ({len(sdl.splitlines())} lines)")
    return 0
