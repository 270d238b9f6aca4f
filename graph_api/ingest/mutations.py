"""``importRecords``: feed JSON Lines records through the write path (admins only).

Each line is one record with a ``type`` field, in the same format as the
``graph-api import`` command; every accepted row lands in the change log.
"""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from graph_api import authz
from graph_api.errors import InputInvalid, ValidationError
from graph_api.ingest.files import BadLine, parse_record
from graph_api.ingest.importing import import_records
from graph_api.reading import GqlInfo
from graph_api.writing import actor

MAX_LINES = 10_000


@strawberry.input(description="Records to import, one JSON object per line.")
class ImportRecordsInput:
    lines: list[str] = strawberry.field(
        description='JSON Lines: each a record with a "type" field (Partner, Program, '
        "Partnership, Customer, Contact, Lead, Deal, Attribution, Registration, Serves, "
        "ResellsFor, SharesWith, Goal, Course, Requirement, WorksFor, Completion, "
        "Certification, Product, Order, OrderLine, StockLevel, WarrantyClaim) and the fields "
        "of that type's input. Blank lines "
        "are skipped; line numbers count from 1."
    )


@strawberry.type(description="A line that was not imported, and why.")
class RejectedRow:
    line: int = strawberry.field(description="Line number, counting from 1.")
    reason: str = strawberry.field(description="Why the row was rejected.")


@strawberry.type(description="What an import did: good rows landed, bad rows were skipped.")
class ImportRecordsPayload:
    accepted: int = strawberry.field(description="Rows written (or already stored unchanged).")
    changed: int = strawberry.field(description="Accepted rows that changed the graph.")
    rejected: list[RejectedRow] = strawberry.field(
        description="Rows skipped, with line numbers and reasons."
    )


ImportRecordsResult = Annotated[
    ImportRecordsPayload | ValidationError,
    strawberry.union("ImportRecordsResult", description="The import report, or why not run."),
]


def _rows(lines: list[str], rejected: list[RejectedRow]) -> list[tuple[int, dict[str, Any]]]:
    rows: list[tuple[int, dict[str, Any]]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rows.append((number, parse_record(line)))
        except BadLine as exc:
            rejected.append(RejectedRow(line=number, reason=str(exc)))
    return rows


@strawberry.type
class ImportMutation:
    @strawberry.mutation(
        description="Import JSON Lines records (admins only). Valid rows are written in "
        "batches; invalid rows are skipped and reported with their line number. Importing "
        "the same lines again changes nothing."
    )
    async def import_records(
        self,
        info: GqlInfo,
        input: Annotated[ImportRecordsInput, strawberry.argument(description="The lines.")],
    ) -> ImportRecordsResult:
        authz.check_import(info.context.principal)
        if len(input.lines) > MAX_LINES:
            return InputInvalid(
                [(["lines"], f"{len(input.lines)} lines; at most {MAX_LINES} per call")]
            ).as_result()
        rejected: list[RejectedRow] = []
        rows = _rows(input.lines, rejected)
        report = await import_records(info.context.store, rows, actor(info))
        rejected += [RejectedRow(line=r.line, reason=r.reason) for r in report.rejected]
        return ImportRecordsPayload(
            accepted=report.accepted,
            changed=report.changed,
            rejected=sorted(rejected, key=lambda r: r.line),
        )
