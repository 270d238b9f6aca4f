"""The ``partnerStatement`` root field."""

from __future__ import annotations

import strawberry

from graph_api.intelligence.common import FromArg, PartnerIdArg, ToArg
from graph_api.reading import GqlInfo
from graph_api.reports.statement import partner_statement
from graph_api.reports.types import PartnerStatementType


async def partner_statement_field(
    info: GqlInfo, partner_id: PartnerIdArg, from_: FromArg, to: ToArg
) -> PartnerStatementType | None:
    ctx = info.context
    found = await partner_statement(ctx.store, partner_id, from_, to, ctx.scope)
    return PartnerStatementType.of(found) if found is not None else None


@strawberry.type
class ReportQuery:
    partner_statement = strawberry.field(
        resolver=partner_statement_field,
        description="A partner's earnings statement for [from, to] (inclusive): every line "
        "item of partnerEarnings with its terms, the totals, a statement id and a content "
        "hash; null when the partner does not exist or is not visible. Also served as CSV "
        "and PDF at GET /reports/statements/{partnerId}.",
    )
