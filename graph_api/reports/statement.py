"""A partner's earnings statement: ``partnerEarnings``' lines, flattened, with totals,
a stable id and a content hash.

The statement is built from the same statement and computation as
``partnerEarnings`` (graph_api/intelligence/earnings.py), so its lines add up to
that field's total. The id names the partner and period; the hash covers every
line and the totals, so the same id with another hash is a restatement.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from graph_api.intelligence.earnings import earnings, earnings_statement
from graph_api.store import Store

# Columns of a statement line, in the order the CSV and the PDF show them.
LINE_COLUMNS = (
    "partnershipId",
    "programId",
    "programName",
    "commissionType",
    "dealId",
    "dealName",
    "leadId",
    "date",
    "currency",
    "basis",
    "rate",
    "amount",
)


@dataclass(frozen=True)
class StatementLine:
    partnership_id: str
    program_id: str | None
    program_name: str | None
    commission_type: str | None
    deal_id: str | None
    deal_name: str | None
    lead_id: str | None
    date: dt.date | None
    currency: str | None
    basis: Decimal
    rate: Decimal
    amount: Decimal

    def row(self) -> list[str]:
        """The line as CSV cells, in LINE_COLUMNS order (amounts to cents, rates as given)."""
        return [
            self.partnership_id,
            self.program_id or "",
            self.program_name or "",
            self.commission_type or "",
            self.deal_id or "",
            self.deal_name or "",
            self.lead_id or "",
            self.date.isoformat() if self.date else "",
            self.currency or "",
            f"{self.basis:.2f}",
            str(self.rate),
            f"{self.amount:.2f}",
        ]


@dataclass(frozen=True)
class PartnershipTotal:
    partnership_id: str
    program_name: str | None
    amount: Decimal


@dataclass(frozen=True)
class PartnerStatement:
    statement_id: str
    content_hash: str
    partner_id: str
    partner_name: str | None
    start: dt.date
    end: dt.date
    lines: list[StatementLine]
    partnerships: list[PartnershipTotal]
    total: Decimal


def statement_id(partner_id: str, start: dt.date, end: dt.date) -> str:
    """The same partner and period always get the same id."""
    return f"stmt:{partner_id}:{start.isoformat()}:{end.isoformat()}"


def content_hash(
    partner_id: str, start: dt.date, end: dt.date, lines: list[StatementLine], total: Decimal
) -> str:
    """sha256 over a canonical JSON of the partner, period, every line and the total."""
    document = {
        "partnerId": partner_id,
        "from": start.isoformat(),
        "to": end.isoformat(),
        "lines": [dict(zip(LINE_COLUMNS, line.row(), strict=True)) for line in lines],
        "total": f"{total:.2f}",
    }
    text = json.dumps(document, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def build(row: dict[str, Any], start: dt.date, end: dt.date) -> PartnerStatement:
    """The statement of one ``intel_partner_earnings`` row."""
    partner = row["partner"]
    partner_id = str(partner["id"])
    lines: list[StatementLine] = []
    totals: list[PartnershipTotal] = []
    for entry in earnings(row):
        program = entry.program
        for line in entry.lines:
            currency = line.deal.currency if line.deal and not line.lead_id else None
            if line.lead_id and program is not None:
                currency = program.currency
            lines.append(
                StatementLine(
                    partnership_id=str(entry.partnership_id),
                    program_id=str(program.id) if program else None,
                    program_name=program.name if program else None,
                    commission_type=program.commission_type if program else None,
                    deal_id=str(line.deal.id) if line.deal else None,
                    deal_name=line.deal.name if line.deal else None,
                    lead_id=str(line.lead_id) if line.lead_id else None,
                    date=line.date,
                    currency=currency,
                    basis=Decimal(str(line.basis)),
                    rate=Decimal(str(line.rate)),
                    amount=Decimal(str(line.amount)).quantize(Decimal("0.01")),
                )
            )
        totals.append(
            PartnershipTotal(
                partnership_id=str(entry.partnership_id),
                program_name=program.name if program else None,
                amount=Decimal(str(entry.amount)).quantize(Decimal("0.01")),
            )
        )
    total = sum((line.amount for line in lines), Decimal("0.00"))
    return PartnerStatement(
        statement_id=statement_id(partner_id, start, end),
        content_hash=content_hash(partner_id, start, end, lines, total),
        partner_id=partner_id,
        partner_name=partner.get("name"),
        start=start,
        end=end,
        lines=lines,
        partnerships=totals,
        total=total,
    )


async def partner_statement(
    store: Store, partner_id: object, start: object, end: object, scope: list[str] | None
) -> PartnerStatement | None:
    """The statement, or None when the partner is missing or outside ``scope``.
    Raises InvalidArgument for a bad id or period."""
    statement = earnings_statement(partner_id, start, end, scope)
    row = await store.read_one(statement.query, **statement.params)
    if row is None:
        return None
    return build(dict(row), statement.params["from"], statement.params["to"])
