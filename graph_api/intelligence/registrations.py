"""Deal-registration conflicts: competing active registrations for one customer."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.intelligence.common import DealIdArg, check_id
from graph_api.intelligence.types import (
    CustomerRef,
    DealRef,
    MatchKind,
    PartnerRef,
    RegistrationConflict,
    RegistrationConflicts,
)
from graph_api.values import as_datetime

REGISTRATION_CONFLICTS = named("queries/intel_registration_conflicts")


async def registration_conflicts(
    info: Info[RequestContext, None],
    deal_id: DealIdArg,
) -> RegistrationConflicts | None:
    return await conflicts_for(info.context, check_id(deal_id, "dealId"))


async def conflicts_for(ctx: RequestContext, key: str) -> RegistrationConflicts | None:
    """The conflicts of deal ``key`` as ``ctx``'s caller may see them (one round trip)."""
    row = await ctx.store.read_one(REGISTRATION_CONFLICTS, dealId=key, scope=ctx.scope)
    if row is None:
        return None
    conflicts = [
        RegistrationConflict(
            partner=PartnerRef.maybe(c["partner"]),
            partnership_id=strawberry.ID(c["partnershipId"]) if c["partnershipId"] else None,
            deal=DealRef.maybe(c["deal"]),
            customer=CustomerRef.maybe(c["customer"]),
            matched_by=MatchKind(c["matchedBy"]),
            status=str(c["status"]),
            registered_at=as_datetime(c["at"]),
            expires_at=as_datetime(c["expiresAt"]),
            conflicts_with=sorted(strawberry.ID(str(p)) for p in c["against"] if p is not None),
            redacted=bool(c["redacted"]),
        )
        for c in row["conflicts"]
    ]
    return RegistrationConflicts(
        deal=DealRef.of(row["deal"]),
        customer=CustomerRef.maybe(row["customer"]),
        conflicts=conflicts,
    )
