"""Bad lines in an import: each is reported as FILE:LINE and skipped, the good rows
land, over the command and over the importRecords mutation alike."""

from __future__ import annotations

import json
from pathlib import Path

from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.commands import store_cli
from tests.support.ingest import count
from tests.support.servers import LiveServer

ROWS = 1500
BAD_UTF8 = 1200
DEEP = 1300
SURROGATE = 1400  # valid JSON, but no Unicode text: the driver cannot send it
DEPTH = 100_000  # far beyond what a recursive JSON parser survives


def _partner(i: int) -> bytes:
    return json.dumps({"type": "Partner", "id": f"p{i}", "name": f"P {i}", "kind": "msp"}).encode()


async def test_bad_utf8_and_deep_nesting_skip_their_lines_and_the_rest_lands(
    store: Store, migrated: Connection, tmp_path: Path
) -> None:
    lines = [_partner(i) for i in range(1, ROWS + 1)]
    lines[BAD_UTF8 - 1] = b'{"type": "Partner", "id": "x", "name": "Caf\xe9", "kind": "msp"}'
    nested = b"[" * DEPTH + b"]" * DEPTH
    lines[DEEP - 1] = b'{"type": "Partner", "id": "y", "name": ' + nested + b"}"
    lines[SURROGATE - 1] = b'{"type": "Partner", "id": "z", "name": "\\ud800", "kind": "msp"}'
    path = tmp_path / "partners.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = store_cli(["import", str(path)], migrated)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith(f"{path}:")]
    assert errors == [
        f"{path}:{BAD_UTF8}: not UTF-8: byte 0xe9 at column 44",
        f"{path}:{DEEP}: invalid JSON: nested too deeply",
        f"{path}:{SURROGATE}: name: must be Unicode text (it holds a lone surrogate, U+D800)",
    ]
    assert f"{ROWS - 3} row(s) accepted" in result.stdout
    assert await count(store, "MATCH (p:Partner) RETURN count(p) AS n") == ROWS - 3


def test_import_records_reports_a_deeply_nested_line_as_rejected(server: LiveServer) -> None:
    deep = '{"type": "Partner", "id": "y", "name": ' + "[" * DEPTH + "]" * DEPTH + "}"
    lines = [
        '{"type": "Partner", "id": "p1", "name": "Acme", "kind": "msp"}',
        deep,
        '{"type": "Partner", "id": "p2", "name": ' + "[" * 50 + "]" * 50 + ', "kind": "msp"}',
        '{"type": ' + "[" * 500 + "]" * 500 + "}",
        '{"type": "Partner", "id": "p3", "name": "\\udfff", "kind": "msp"}',
        '{"type": "Partner", "id": "p4", "\\ud800": "x", "kind": "msp"}',
    ]
    body = server.gql(
        "mutation($lines: [String!]!) { importRecords(input: {lines: $lines}) { "
        "__typename ... on ImportRecordsPayload { accepted rejected { line reason } } } }",
        {"lines": lines},
    )
    assert "errors" not in body, body
    report = body["data"]["importRecords"]
    assert report["accepted"] == 1
    assert report["rejected"] == [
        {"line": 2, "reason": "invalid JSON: nested too deeply"},
        {"line": 3, "reason": "name: must be a string (got list)"},
        {"line": 4, "reason": "type: must be a record type name (got list)"},
        {"line": 5, "reason": "name: must be Unicode text (it holds a lone surrogate, U+DFFF)"},
        {"line": 6, "reason": "invalid JSON: a field name holds a lone surrogate (U+D800)"},
    ]
