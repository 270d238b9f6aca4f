"""The generated Cypher files: written, or checked, from their sources.

Three sets are generated: the write path's per-type statements
(``cypher/queries/ingest_*``) and the per-type export statements
(``cypher/queries/export_*``), both from graph_api/ingest/spec.py, and the
analyst twins (``cypher/analyst/``, from the named queries and
graph_api/analyst.py).
``graph-api generate-cypher`` runs this; so does ``python -m
graph_api.generated_cypher``, which imports no more than the generators, so it
also works while a statement file the app loads at start is still missing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from graph_api import analyst, export_generation
from graph_api.cypher import CYPHER_DIR
from graph_api.ingest import generation

COMMAND = "graph-api generate-cypher"


def generated(root: Path) -> dict[Path, str]:
    """Every generated file below ``root`` (a cypher/ folder) with its text."""
    statements = {**generation.generated(), **export_generation.generated()}
    files = {root / "queries" / f"{stem}.cypher": text for stem, text in statements.items()}
    for stem, text in analyst.generated(root / "queries").items():
        files[root / "analyst" / f"{stem}.cypher"] = text
    return files


def stale(root: Path) -> list[Path]:
    """Generated files below ``root`` that are missing or differ from their sources."""
    return [
        path
        for path, text in generated(root).items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]


DESCRIPTION = (
    "Render the per-record-type ingest and export statements (queries/ingest_*, "
    "queries/export_*, from graph_api/ingest/spec.py) and the analyst twins (analyst/*, "
    "from the named queries) below --cypher-dir. With --check, write nothing and exit 1 "
    "when a file is missing or differs from its source."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--cypher-dir",
        type=Path,
        default=CYPHER_DIR,
        help=f"the cypher/ folder to write or check (default: {CYPHER_DIR})",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if a generated file is missing or stale",
    )


def run(args: argparse.Namespace) -> int:
    root: Path = args.cypher_dir
    texts = generated(root)
    changed = stale(root)
    if args.check:
        if changed:
            names = ", ".join(str(path.relative_to(root)) for path in changed)
            print(
                f"{len(changed)} generated Cypher file(s) below {root} differ from their "
                f"sources ({names}); run `{COMMAND} --cypher-dir {root}`",
                file=sys.stderr,
            )
            return 1
        print(f"{len(texts)} generated Cypher files below {root} are up to date")
        return 0
    for path in changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(texts[path], encoding="utf-8")
    print(f"wrote {len(changed)} of {len(texts)} generated Cypher files below {root}")
    return 0


def main(
    argv: Sequence[str] | None = None, prog: str = "python -m graph_api.generated_cypher"
) -> int:
    parser = argparse.ArgumentParser(prog=prog, description=DESCRIPTION)
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
