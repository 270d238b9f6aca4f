"""Running the same import again changes nothing: rows that would not be idempotent
(no identity, or one record given twice with different values) are refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from graph_api import ingest
from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.commands import store_cli
from tests.support.ingest import ACTOR, changes, count, nodes, numbered

ROWS: list[dict[str, Any]] = [
    {"type": "Partner", "id": "p1", "name": "Acme", "kind": "reseller"},
    # line 2: no id, no source key, no domain: each run would create another partner
    {"type": "Partner", "name": "Nameless", "kind": "msp"},
    # line 3: the same partner again with another name: each run would rename it twice
    {"type": "Partner", "id": "p1", "name": "Acme Corp", "kind": "reseller"},
    # line 4: an exact repeat is harmless
    {"type": "Partner", "id": "p1", "name": "Acme", "kind": "reseller"},
    # lines 5-6: identified by source key, then by domain, are fine
    {"type": "Customer", "name": "Initech", "sourceSystem": "crm", "externalId": "7"},
    {"type": "Customer", "name": "Globex", "domain": "globex.com"},
    # line 7: the same source key with another name
    {"type": "Customer", "name": "Initech Inc", "sourceSystem": "crm", "externalId": "7"},
    # line 8: a deal without an id
    {"type": "Deal", "name": "Renewal", "amount": 10},
    {
        "type": "Program",
        "id": "prog",
        "name": "Resell",
        "commissionType": "percent_of_deal",
        "commissionRate": 0.2,
    },
    {"type": "Partnership", "id": "ps1", "partnerId": "p1", "programId": "prog"},
    {"type": "Deal", "id": "d1", "name": "Renewal", "amount": 10},
    {"type": "Attribution", "dealId": "d1", "partnershipId": "ps1", "role": "sourced", "share": 1},
    # line 13: the same credit with another role
    {
        "type": "Attribution",
        "dealId": "d1",
        "partnershipId": "ps1",
        "role": "referred",
        "share": 1,
    },
]

NO_ID = (
    "id: is required in an import unless {keys} identify the row; "
    "without one, every run would create another {type}"
)


async def test_rows_that_would_change_on_every_run_are_refused(store: Store) -> None:
    first = await ingest.import_records(store, numbered(ROWS), ACTOR)
    assert sorted((e.line, e.reason) for e in first.rejected) == [
        (2, NO_ID.format(keys="sourceSystem and externalId, or domain,", type="Partner")),
        (
            3,
            "Partner 'p1' is already on line 1 with other values; give each record once "
            "(a repeat that differs would rewrite it on every run)",
        ),
        (
            7,
            "Customer sourceSystem 'crm' externalId '7' is already on line 5 with other "
            "values; give each record once (a repeat that differs would rewrite it on every run)",
        ),
        (8, NO_ID.format(keys="sourceSystem and externalId", type="Deal")),
        (
            13,
            "Attribution 'ps1'->'d1' is already on line 12 with other values; give each "
            "record once (a repeat that differs would rewrite it on every run)",
        ),
    ]
    assert first.accepted == 8
    state = (await nodes(store), len(await changes(store)))
    stored = await store.run_raw("MATCH (n) RETURN n.name AS name, n.updatedAt AS at ORDER BY name")
    second = await ingest.import_records(store, numbered(ROWS), ACTOR)
    assert (second.accepted, second.changed, len(second.rejected)) == (8, 0, 5)
    assert (await nodes(store), len(await changes(store))) == state
    again = await store.run_raw("MATCH (n) RETURN n.name AS name, n.updatedAt AS at ORDER BY name")
    assert again == stored
    assert await count(store, "MATCH (p:Partner) RETURN count(p) AS n") == 1
    assert await count(store, "MATCH (d:Deal) RETURN count(d) AS n") == 1


async def test_the_command_names_the_file_and_line_of_the_first_occurrence(
    store: Store, migrated: Connection, tmp_path: Path
) -> None:
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps(ROWS[0]) + "\n")
    second = tmp_path / "second.jsonl"
    second.write_text(json.dumps(ROWS[3]) + "\n" + json.dumps(ROWS[2]) + "\n")
    result = store_cli(["import", str(first), str(second)], migrated)
    assert result.returncode == 2, result.stderr
    assert f"{second}:2: Partner 'p1' is already on {first}:1 with other values" in result.stderr, (
        result.stderr
    )
    assert "2 row(s) accepted (1 changed, 1 unchanged), 1 rejected" in result.stdout
