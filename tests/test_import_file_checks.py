"""What import files may hold: a BOM is skipped; ambiguous CSV (a repeated or missing
header, extra cells), undecodable bytes and ids with control characters are
refused with FILE:LINE and the reason, and change nothing."""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

import pytest

from graph_api.embedded import Connection
from graph_api.errors import InputInvalid
from graph_api.ingest.validation import validate
from graph_api.store import Store
from tests.support.commands import store_cli

CSV_FILES = {
    # The same column twice: which value is meant?
    "partners.csv": b"id,name,kind,name\np1,Acme,msp,Acme Corp\n",
    # More cells than the header names.
    "partner.csv": b"id,name,kind\np2,Beta,msp\np3,Gamma,msp,oops\np4,Delta,msp,\n",
    # No header: the first row would be taken for one.
    "Partner.csv": b"p5,Epsilon,msp\np6,Zeta,msp\n",
    # A BOM before the header; a NUL in an id; an undecodable byte.
    "customers.csv": codecs.BOM_UTF8
    + b'id,name\nc1,Globex\n"c\x002",Initech\nc3,Caf\xe9\n"c\n4",Umbrella\nc5,Hooli\n',
}


def _jsonl() -> bytes:
    rows = [
        {"type": "Customer", "id": "j1", "name": "First"},
        {"type": "Customer", "id": "j\u00072", "name": "Bell"},
        {"type": "Customer", "id": "j3", "name": "Third\u0000"},
    ]
    # Line ends of every kind: \n, \r\n and a lone \r all end a line.
    ends = [b"\r\n", b"\r", b"\n"]
    return codecs.BOM_UTF8 + b"".join(
        json.dumps(r).encode() + e for r, e in zip(rows, ends, strict=True)
    )


async def test_import_files_are_read_strictly(
    store: Store, migrated: Connection, tmp_path: Path
) -> None:
    for name, content in CSV_FILES.items():
        (tmp_path / name).write_bytes(content)
    (tmp_path / "feed.jsonl").write_bytes(_jsonl())
    paths = [str(tmp_path / name) for name in [*CSV_FILES, "feed.jsonl"]]
    result = store_cli(["import", *paths], migrated)
    assert result.returncode == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith(str(tmp_path))]
    assert [e.removeprefix(f"{tmp_path}/") for e in errors] == [
        "partners.csv:1: column 'name' appears twice (columns 2 and 4); the file was not imported",
        "partner.csv:3: 4 cells, but the header names 3 columns",
        "Partner.csv:1: the first line names no column of a Partner ('p5', 'Epsilon', 'msp'); "
        "it must be a header naming the fields (id, name, kind, ...); "
        "the file was not imported",
        "customers.csv:3: id: must not contain control characters (U+0000)",
        "customers.csv:4: not UTF-8: byte 0xe9 in column 2",
        "customers.csv:5: id: must not contain control characters (U+000A)",
        "feed.jsonl:2: id: must not contain control characters (U+0007)",
    ]
    assert "6 row(s) accepted (6 changed, 0 unchanged), 7 rejected" in result.stdout
    rows = await store.run_raw(
        "MATCH (n) WHERE n:Partner OR n:Customer RETURN n.id AS id, n.name AS name ORDER BY id"
    )
    assert rows == [
        {"id": "c1", "name": "Globex"},
        {"id": "c5", "name": "Hooli"},
        {"id": "j1", "name": "First"},
        {"id": "j3", "name": "Third\u0000"},
        {"id": "p2", "name": "Beta"},
        {"id": "p4", "name": "Delta"},
    ]


@pytest.mark.parametrize(
    ("record_type", "data", "field", "code"),
    [
        ("Partner", {"id": "a\u0000b", "name": "x", "kind": "msp"}, "id", "U+0000"),
        (
            "Partnership",
            {"id": "s", "partnerId": "p\u001b", "programId": "g"},
            "partnerId",
            "U+001B",
        ),
        (
            "Deal",
            {"id": "d", "sourceSystem": "crm", "externalId": "7\u007f"},
            "externalId",
            "U+007F",
        ),
    ],
)
def test_ids_and_references_with_control_characters_are_invalid(
    record_type: str, data: dict[str, Any], field: str, code: str
) -> None:
    with pytest.raises(InputInvalid) as caught:
        validate(record_type, data)
    assert ([field], f"must not contain control characters ({code})") in caught.value.errors
