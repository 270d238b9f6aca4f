"""Reading import files (JSON Lines, CSV) and showing progress on stderr."""

from __future__ import annotations

import csv
import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from graph_api.ingest.declarations import Spec
from graph_api.ingest.spec import SPECS, canonical_type
from graph_api.ingest.validation import SURROGATE

JSONL = "jsonl"
CSV = "csv"
FORMATS = (JSONL, CSV)


class ImportFileError(Exception):
    """The file as a whole cannot be read (missing, unknown format or type)."""


def detect_format(path: Path, forced: str | None = None) -> str:
    if forced:
        return forced
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return CSV
    if suffix in (".jsonl", ".ndjson", ".json"):
        return JSONL
    raise ImportFileError(f"{path}: cannot tell the format from the name; pass --format")


def type_from_name(path: Path) -> str:
    record_type = canonical_type(path.stem)
    if record_type is None:
        raise ImportFileError(
            f"{path}: cannot tell the record type from the file name (e.g. deals.csv); pass --type"
        )
    return record_type


class BadLine(ValueError):
    """One line cannot be read as a record; the message is the reason."""


def parse_record(line: str) -> dict[str, Any]:
    """One JSON Lines record (a JSON object), or BadLine saying why not."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:  # records are flat; only hostile input nests this deep
        raise BadLine("invalid JSON: nested too deeply") from None
    if not isinstance(value, dict):
        raise BadLine("a record must be a JSON object")
    for key in value:  # values are checked with the fields; keys end up in reasons
        surrogate = SURROGATE.search(key)
        if surrogate:
            code = f"U+{ord(surrogate.group()):04X}"
            raise BadLine(f"invalid JSON: a field name holds a lone surrogate ({code})")
    return value


def read_jsonl(path: Path, bad: list[tuple[int, str]]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, record); unreadable lines go to ``bad``, the rest still load."""
    # Undecodable bytes are kept (as surrogates) so that one bad line does not end the file.
    with path.open(encoding="utf-8-sig", errors="surrogateescape") as handle:
        for number, line in enumerate(handle, start=1):
            undecoded = _undecoded(line)
            if undecoded is not None:
                byte, index = undecoded
                bad.append((number, f"not UTF-8: byte 0x{byte:02x} at column {index + 1}"))
                continue
            if not line.strip():
                continue
            try:
                record = parse_record(line)
            except BadLine as exc:
                bad.append((number, str(exc)))
                continue
            yield number, record


# Bytes that are not UTF-8, as the surrogateescape error handler keeps them.
_UNDECODED = re.compile("[\udc80-\udcff]")


def _undecoded(text: str) -> tuple[int, int] | None:
    """(byte, index) of the first byte that was not UTF-8, if any."""
    found = _UNDECODED.search(text)
    return None if found is None else (ord(found.group()) - 0xDC00, found.start())


def read_csv(
    path: Path, record_type: str, bad: list[tuple[int, str]]
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, record) from a CSV whose header names the fields.

    Anything ambiguous is refused rather than guessed: a header that repeats a
    column or names none of the type's fields (so the first row is no header)
    refuses the whole file, at line 1; a row with more cells than the header, or
    with bytes that are not UTF-8, goes to ``bad`` and the other rows still load.
    """
    spec = SPECS[record_type]
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            bad.append((1, f"unreadable CSV header: {exc}; the file was not imported"))
            return
        if header is None:
            return
        names = [name.strip() for name in header]
        problem = _header_problem(spec, names)
        if problem is not None:
            bad.append((1, f"{problem}; the file was not imported"))
            return
        end = reader.line_num
        while True:
            start = end + 1  # a quoted cell may span lines: report where the row starts
            try:
                cells = next(reader, None)
            except csv.Error as exc:
                end = reader.line_num
                bad.append((start, f"unreadable CSV: {exc}"))
                continue
            end = reader.line_num
            if cells is None:
                return
            if not any(cell.strip() for cell in cells):
                continue
            reason = _row_problem(names, cells)
            if reason is not None:
                bad.append((start, reason))
                continue
            # A short row leaves its last fields absent, as empty cells would.
            pairs = zip(names, cells, strict=False)
            record: dict[str, Any] = {name: cell for name, cell in pairs if name and name != "type"}
            record["type"] = record_type
            yield start, record


def _header_problem(spec: Spec, names: list[str]) -> str | None:
    first: dict[str, int] = {}
    for column, name in enumerate(names, start=1):
        if name and name in first:
            return f"column {name!r} appears twice (columns {first[name]} and {column})"
        first.setdefault(name, column)
    known = {f.name for f in spec.fields} | {"type"}
    if not known & set(names):
        shown = ", ".join(repr(name) for name in names[:5]) + (", ..." if len(names) > 5 else "")
        fields = ", ".join(["id"] * spec.is_node + list(spec.required))
        return (
            f"the first line names no column of a {spec.record_type} ({shown}); it must be "
            f"a header naming the fields ({fields}, ...)"
        )
    unknown = [name for name in names if name and name not in known]
    if unknown:
        listed = ", ".join(repr(name) for name in unknown)
        fields = ", ".join(f.name for f in spec.fields)
        return f"unknown column(s) {listed}; a {spec.record_type} has {fields}"
    return None


def _row_problem(names: list[str], cells: list[str]) -> str | None:
    for column, cell in enumerate(cells, start=1):
        undecoded = _undecoded(cell)
        if undecoded is not None:
            return f"not UTF-8: byte 0x{undecoded[0]:02x} in column {column}"
    if any(cell.strip() for cell in cells[len(names) :]):
        return f"{len(cells)} cells, but the header names {len(names)} columns"
    for column, (name, cell) in enumerate(zip(names, cells, strict=False), start=1):
        if not name and cell.strip():
            return f"column {column} holds a value but has no name in the header"
    return None


def count_lines(path: Path) -> int:
    with path.open(encoding="utf-8", errors="surrogateescape") as handle:
        return sum(1 for line in handle if line.strip())


class Progress:
    """A one-line progress bar on stderr, redrawn at most a few times a second."""

    def __init__(self, label: str, total: int | None = None, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.shown = 0.0
        self.tty = self.stream.isatty()

    def __call__(self, n: int) -> None:
        self.done += n
        moment = time.monotonic()
        if moment - self.shown >= (0.2 if self.tty else 5.0):
            self.shown = moment
            self._draw(final=False)

    def _draw(self, final: bool) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        if self.total:
            fraction = min(self.done / self.total, 1.0)
            bar = "#" * int(fraction * 30)
            text = f"{self.label} [{bar:<30}] {self.done}/{self.total} {rate:,.0f}/s"
        else:
            text = f"{self.label} {self.done} rows {rate:,.0f}/s"
        end = "\n" if final or not self.tty else ""
        prefix = "\r" if self.tty else ""
        self.stream.write(f"{prefix}{text}{end}")
        self.stream.flush()

    def close(self) -> None:
        self._draw(final=True)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started
