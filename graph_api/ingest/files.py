"""Reading import files (JSON Lines, CSV) and showing progress on stderr."""

from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from graph_api.ingest.spec import canonical_type

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
    return value


def read_jsonl(path: Path, bad: list[tuple[int, str]]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, record); unreadable lines go to ``bad``, the rest still load."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                byte = f"0x{raw[exc.start]:02x}"
                bad.append((number, f"not UTF-8: byte {byte} at column {exc.start + 1}"))
                continue
            if not line.strip():
                continue
            try:
                record = parse_record(line)
            except BadLine as exc:
                bad.append((number, str(exc)))
                continue
            yield number, record


def read_csv(path: Path, record_type: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, record) from a CSV whose headers are field names."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            record: dict[str, Any] = {
                key.strip(): value for key, value in row.items() if key and key.strip() != "type"
            }
            if not any(
                (value or "").strip() for value in record.values() if isinstance(value, str)
            ):
                continue
            record["type"] = record_type
            yield reader.line_num, record


def count_lines(path: Path) -> int:
    with path.open("rb") as handle:
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
