"""Alert reads: the dashboard's alerts (within the caller's scope) and the rules."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph_api import authz
from graph_api.alerts.evaluation import load_rules
from graph_api.alerts.statements import ALERT_PAGE
from graph_api.alerts.types import Alert, AlertRule, AlertStatus
from graph_api.context import RequestContext
from graph_api.errors import Forbidden
from graph_api.intelligence.common import check_count, check_id
from graph_api.reading import GqlInfo
from graph_api.scope import partner_and_below

MAX_LIST = 500


async def selected_partners(ctx: RequestContext, partner_id: str | None) -> list[str] | None:
    """``partnerId``'s partners: it and the partners below it (a distributor's
    resellers); None when not given. Naming a partner outside the scope is Forbidden."""
    if partner_id is None:
        return None
    authz.check_partner_filter(ctx.scope, partner_id)
    return await partner_and_below(ctx.store, partner_id)


@strawberry.type
class AlertQuery:
    @strawberry.field(
        description="Alerts, latest first: a partner sees its own and, for a distributor, "
        "its resellers'; admins and analysts see all."
    )
    async def alerts(
        self,
        info: GqlInfo,
        partner_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="Only this partner's alerts and, for a distributor, those of the "
                "partners below it (null = all visible)."
            ),
        ] = None,
        status: Annotated[
            AlertStatus | None, strawberry.argument(description="Only this status (null = any).")
        ] = None,
        first: Annotated[int, strawberry.argument(description=f"How many (1 to {MAX_LIST}).")] = 50,
    ) -> list[Alert]:
        ctx = info.context
        limit = check_count(first, "first", MAX_LIST)
        wanted = None if partner_id is None else check_id(partner_id, "partnerId")
        partners = await selected_partners(ctx, wanted)
        rows = await ctx.store.read(
            ALERT_PAGE,
            partners=partners,
            scope=ctx.scope,
            status=None if status is None else status.value,
            limit=limit,
        )
        return [Alert.of(dict(r["alert"])) for r in rows]

    @strawberry.field(description="The alert rules (admins and analysts).")
    async def alert_rules(self, info: GqlInfo) -> list[AlertRule]:
        if info.context.principal.is_partner:
            raise Forbidden("alert rules are the vendor's configuration")
        return [AlertRule.of(r) for r in await load_rules(info.context.store)]
