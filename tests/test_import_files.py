"""Imports: JSON Lines and CSV, bad rows with line numbers, dependency order,
idempotent re-imports, and the command's exit code."""

from __future__ import annotations

import json
import re
from pathlib import Path

from graph_api import ingest
from graph_api.embedded import Connection
from graph_api.ingest.spec import RECORD_TYPES, SPECS
from graph_api.ingest.validation import validate
from graph_api.store import Store
from tests.support.commands import store_cli
from tests.support.ingest import ACTOR, changes, count, nodes, numbered

GOOD_AND_BAD = [
    # Relationships and references come before the rows they name: dependency order.
    {
        "type": "Attribution",
        "dealId": "d1",
        "partnershipId": "ps1",
        "role": "sourced",
        "share": 0.6,
    },
    {"type": "Deal", "id": "d1", "name": "Renewal", "amount": 1200, "customerId": "c1"},
    {"type": "Partnership", "id": "ps1", "partnerId": "p1", "programId": "prog"},
    {"type": "Partner", "id": "p1", "name": "Acme", "kind": "reseller", "domain": "acme.com"},
    {
        "type": "Program",
        "id": "prog",
        "name": "Reseller",
        "commissionType": "percent_of_deal",
        "commissionRate": 0.2,
    },
    {"type": "Customer", "id": "c1", "name": "Globex", "domain": "www.globex.com"},
    # line 7: a bad value
    {"type": "Deal", "id": "d2", "name": "Bad", "amount": -10},
    # line 8: refers to the rejected deal
    {"type": "Attribution", "dealId": "d2", "partnershipId": "ps1", "role": "sourced", "share": 1},
    # line 9: missing reference
    {"type": "Deal", "id": "d3", "name": "Orphan", "amount": 5, "customerId": "nobody"},
    # line 10: unknown type
    {"type": "Invoice", "id": "i1"},
    # line 11: shares above 1 on d1
    {
        "type": "Attribution",
        "dealId": "d1",
        "partnershipId": "ps2",
        "role": "referred",
        "share": 0.5,
    },
    {"type": "Partnership", "id": "ps2", "partnerId": "p1", "programId": "prog"},
]


async def test_import_skips_bad_rows_with_line_and_reason(store: Store) -> None:
    report = await ingest.import_records(store, numbered(GOOD_AND_BAD), ACTOR, batch_size=2)
    assert report.accepted == 7
    assert [(e.line, e.reason) for e in sorted(report.rejected, key=lambda e: e.line)] == [
        (7, "amount: must not be negative (got -10)"),
        (8, "Deal 'd2' not found (its row, line 7, was rejected)"),
        (9, "Customer 'nobody' not found"),
        (
            10,
            "type: unknown record type 'Invoice'; one of Partner, Program, Partnership, "
            "Customer, Contact, Lead, Deal, Attribution, Registration, Serves, ResellsFor, "
            "SharesWith, Goal, Course, Requirement, WorksFor, Completion, Certification, "
            "Product, Order, OrderLine, StockLevel, WarrantyClaim, Campaign, CampaignRun",
        ),
        (11, "share: shares credited on deal d1 would sum to 1.1; at most 1"),
    ]
    assert report.by_type == {
        "Partner": 1,
        "Program": 1,
        "Partnership": 2,
        "Customer": 1,
        "Deal": 1,
        "Attribution": 1,
    }
    rows = await store.run_raw(
        "MATCH (ps:Partnership {id: 'ps1'})-[r:ATTRIBUTED]->(d:Deal)-[:FOR]->(c:Customer) "
        "RETURN d.id AS deal, r.share AS share, c.domain AS domain"
    )
    assert rows == [{"deal": "d1", "share": 0.6, "domain": "globex.com"}]


async def test_reimport_changes_nothing(store: Store) -> None:
    first = await ingest.import_records(store, numbered(GOOD_AND_BAD), ACTOR)
    state = (await nodes(store), len(await changes(store)))
    stamps = await store.run_raw("MATCH (n:Deal) RETURN n.id AS id, n.updatedAt AS at")
    second = await ingest.import_records(store, numbered(GOOD_AND_BAD), ACTOR)
    assert (second.accepted, second.changed, len(second.rejected)) == (first.accepted, 0, 5)
    assert first.changed == first.accepted
    assert (await nodes(store), len(await changes(store))) == state
    assert await store.run_raw("MATCH (n:Deal) RETURN n.id AS id, n.updatedAt AS at") == stamps


async def test_rows_of_one_batch_sharing_a_source_key_become_one_node(store: Store) -> None:
    rows = numbered(
        [
            {"type": "Customer", "name": "Initech", "sourceSystem": "crm", "externalId": "1"},
            {"type": "Customer", "name": "Initech", "sourceSystem": "crm", "externalId": "1"},
        ]
    )
    report = await ingest.import_records(store, rows, ACTOR)
    assert (report.accepted, report.changed) == (2, 1)
    rows_out = await store.run_raw("MATCH (c:Customer) RETURN c.name AS name")
    assert rows_out == [{"name": "Initech"}]


async def test_progress_reports_every_row(store: Store) -> None:
    seen: list[int] = []
    await ingest.import_records(store, numbered(GOOD_AND_BAD), ACTOR, 3, seen.append)
    assert sum(seen) == len(GOOD_AND_BAD)


async def test_import_command_reports_lines_and_exit_code(
    store: Store, migrated: Connection, tmp_path: Path
) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps(r) for r in GOOD_AND_BAD]
    lines.insert(3, "{not json")  # becomes line 4
    path.write_text("\n".join(lines) + "\n")
    result = store_cli(["import", str(path), "--batch-size", "4"], migrated)
    assert result.returncode == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith(str(path))]
    assert [e.split(":")[1] for e in errors] == ["4", "8", "9", "10", "11", "12"]
    assert errors[0].endswith(
        "invalid JSON: Expecting property name enclosed in double quotes (column 2)"
    )
    assert "7 row(s) accepted (7 changed, 0 unchanged), 6 rejected" in result.stdout
    # The progress bar on stderr ends full, counting every line of the file.
    bar = [line for line in result.stderr.splitlines() if line.startswith("importing [")]
    assert bar[-1].startswith(f"importing [{'#' * 30}] 13/13 ")
    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(json.dumps(r) for r in GOOD_AND_BAD[:6]) + "\n")
    again = store_cli(["import", str(good)], migrated)
    assert again.returncode == 0, again.stderr
    assert "6 row(s) accepted (0 changed, 6 unchanged), 0 rejected" in again.stdout


async def test_csv_import_one_file_per_type(
    store: Store, migrated: Connection, tmp_path: Path
) -> None:
    (tmp_path / "partners.csv").write_text(
        "id,name,kind,tier,region,domain\n"
        "p1,Acme,Reseller,gold,NA,https://www.acme.com\n"
        "p2,Northstar,distributor,,EMEA,\n"
        "p3,Broken,wizard,,,\n"
    )
    (tmp_path / "Program.csv").write_text(
        "id,name,commissionType,commissionRate,flatAmount,currency\n"
        "prog,Referral,per_lead,,1000,usd\n"
    )
    (tmp_path / "partnerships.csv").write_text(
        "id,partnerId,programId,status,startDate\nps1,p1,prog,active,2024-01-01\n"
    )
    (tmp_path / "resells.csv").write_text("partnerId,distributorId\np1,p2\n")
    # Given before the files they depend on; the order of files does not matter.
    result = store_cli(
        [
            "import",
            str(tmp_path / "partnerships.csv"),
            str(tmp_path / "partners.csv"),
            str(tmp_path / "Program.csv"),
        ],
        migrated,
    )
    assert result.returncode == 2, result.stderr
    assert f"{tmp_path / 'partners.csv'}:4: kind: unknown value 'wizard'" in result.stderr
    typed = store_cli(["import", "--type", "ResellsFor", str(tmp_path / "resells.csv")], migrated)
    assert typed.returncode == 0, typed.stderr
    rows = await store.run_raw(
        "MATCH (p:Partner {id: 'p1'})-[:HOLDS]->(:Partnership)-[:IN_PROGRAM]->(g:Program) "
        "MATCH (p)-[:RESELLS_FOR]->(d:Partner) "
        "RETURN p.domain AS domain, p.kind AS kind, g.flatAmount AS flat, g.currency AS cur, "
        "d.id AS dist"
    )
    assert rows == [
        {"domain": "acme.com", "kind": "reseller", "flat": 1000.0, "cur": "USD", "dist": "p2"}
    ]
    assert await count(store, "MATCH (p:Partner) RETURN count(p) AS n") == 2


def test_import_command_refuses_unknown_files(migrated: Connection, tmp_path: Path) -> None:
    odd = tmp_path / "stuff.csv"
    odd.write_text("a,b\n1,2\n")
    result = store_cli(["import", str(odd)], migrated)
    assert result.returncode == 1
    assert "cannot tell the record type from the file name" in result.stderr


def _import_format_section() -> str:
    readme = Path(__file__).resolve().parent.parent / "README.md"
    text = readme.read_text(encoding="utf-8")
    return text.split("## Import format", 1)[1].split("\n## ", 1)[0]


def test_readme_documents_every_type_with_a_valid_example_line() -> None:
    section = _import_format_section()
    block = re.findall(r"```json\n(.*?)```", section, flags=re.DOTALL)[0]
    examples = [json.loads(line) for line in block.splitlines() if line.strip()]
    assert sorted(e["type"] for e in examples) == sorted(RECORD_TYPES)
    for example in examples:
        data = {k: v for k, v in example.items() if k != "type"}
        validate(example["type"], data)  # raises on an unknown field or a bad value
    # The table names each type's fields, the required ones in bold.
    rows = 0
    for line in section.splitlines():
        row = re.match(r"\| `(\w+)` \| (.*?) \|", line)
        if row is None:
            continue
        spec = SPECS[row.group(1)]
        cells = [c.strip() for c in re.sub(r"\([^)]*\)", "", row.group(2)).split(",")]
        documented = {c.strip("*") for c in cells}
        assert documented == {f.name for f in spec.fields} - {"id", "sourceSystem", "externalId"}
        assert {c.strip("*") for c in cells if c.startswith("**")} == set(spec.required)
        rows += 1
    assert rows == len(RECORD_TYPES)
