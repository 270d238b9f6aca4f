"""``graph-api generate-cypher``: write the generated Cypher files, or check them."""

from __future__ import annotations

import argparse
from typing import Any

from graph_api.generated_cypher import add_arguments, run


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "generate-cypher",
        help="write the generated Cypher files (ingest statements, analyst twins), or check them",
        description="Render the per-record-type ingest statements (queries/ingest_*, from "
        "graph_api/ingest/spec.py) and the analyst twins (analyst/*, from the named queries) "
        "below --cypher-dir. With --check, write nothing and exit 1 when a file is missing or "
        "differs from its source.",
    )
    add_arguments(parser)
    parser.set_defaults(handler=run)
