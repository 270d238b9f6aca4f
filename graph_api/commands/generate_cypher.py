"""``graph-api generate-cypher``: write the generated Cypher files, or check them."""

from __future__ import annotations

import argparse
from typing import Any

from graph_api.generated_cypher import DESCRIPTION, add_arguments, run


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "generate-cypher",
        help="write the generated Cypher files (ingest statements, analyst twins), or check them",
        description=DESCRIPTION,
    )
    add_arguments(parser)
    parser.set_defaults(handler=run)
