"""GraphQL types of ``partnerStatement``."""

from __future__ import annotations

import datetime as dt

import strawberry

from graph_api.reports.statement import PartnershipTotal, PartnerStatement, StatementLine


@strawberry.type(name="StatementLine", description="One line item of a partner statement.")
class StatementLineType:
    partnership_id: strawberry.ID = strawberry.field(description="The credited partnership.")
    program_id: strawberry.ID | None = strawberry.field(description="Its program.")
    program_name: str | None = strawberry.field(description="The program's name.")
    commission_type: str | None = strawberry.field(
        description="Terms applied: percent_of_deal or per_lead."
    )
    deal_id: strawberry.ID | None = strawberry.field(description="The deal the line is for.")
    deal_name: str | None = strawberry.field(description="The deal's name.")
    lead_id: strawberry.ID | None = strawberry.field(description="The converted lead (per-lead).")
    date: dt.date | None = strawberry.field(description="Close or conversion date.")
    currency: str | None = strawberry.field(description="Currency of the amount.")
    basis: float = strawberry.field(description="Credited value, or 1 lead.")
    rate: float = strawberry.field(description="Commission rate, or flat amount per lead.")
    amount: float = strawberry.field(description="basis x rate, rounded half-up to cents.")

    @classmethod
    def of(cls, line: StatementLine) -> StatementLineType:
        return cls(
            partnership_id=strawberry.ID(line.partnership_id),
            program_id=strawberry.ID(line.program_id) if line.program_id else None,
            program_name=line.program_name,
            commission_type=line.commission_type,
            deal_id=strawberry.ID(line.deal_id) if line.deal_id else None,
            deal_name=line.deal_name,
            lead_id=strawberry.ID(line.lead_id) if line.lead_id else None,
            date=line.date,
            currency=line.currency,
            basis=float(line.basis),
            rate=float(line.rate),
            amount=float(line.amount),
        )


@strawberry.type(description="What one partnership earned in a statement.")
class StatementPartnershipTotal:
    partnership_id: strawberry.ID = strawberry.field(description="The partnership.")
    program_name: str | None = strawberry.field(description="Its program's name.")
    amount: float = strawberry.field(description="Sum of its lines.")

    @classmethod
    def of(cls, total: PartnershipTotal) -> StatementPartnershipTotal:
        return cls(
            partnership_id=strawberry.ID(total.partnership_id),
            program_name=total.program_name,
            amount=float(total.amount),
        )


@strawberry.type(name="PartnerStatement", description="A partner's earnings statement.")
class PartnerStatementType:
    statement_id: strawberry.ID = strawberry.field(
        description="Names the partner and period: the same for every issue of it."
    )
    content_hash: str = strawberry.field(
        description="sha256 of the lines and totals: a different hash for the same "
        "statementId means the statement was restated."
    )
    partner_id: strawberry.ID = strawberry.field(description="The partner.")
    partner_name: str | None = strawberry.field(description="Its name.")
    from_: dt.date = strawberry.field(name="from", description="Period start (inclusive).")
    to: dt.date = strawberry.field(description="Period end (inclusive).")
    total: float = strawberry.field(
        description="Sum of the lines; equals partnerEarnings' total for the period."
    )
    partnerships: list[StatementPartnershipTotal] = strawberry.field(
        description="Subtotal per partnership, by partnership id."
    )
    lines: list[StatementLineType] = strawberry.field(
        description="Every line item, by partnership, then date and id."
    )

    @classmethod
    def of(cls, statement: PartnerStatement) -> PartnerStatementType:
        return cls(
            statement_id=strawberry.ID(statement.statement_id),
            content_hash=statement.content_hash,
            partner_id=strawberry.ID(statement.partner_id),
            partner_name=statement.partner_name,
            from_=statement.start,
            to=statement.end,
            total=float(statement.total),
            partnerships=[StatementPartnershipTotal.of(t) for t in statement.partnerships],
            lines=[StatementLineType.of(line) for line in statement.lines],
        )
