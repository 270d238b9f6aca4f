"""Deal-registration conflicts: competing active registrations for one customer."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry.types import Info

from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.intelligence.common import DealIdArg, Statement, check_id
from graph_api.intelligence.refs import CustomerRef, DealRef, MatchKind, PartnerRef
from graph_api.values import as_datetime


@strawberry.type(description="Another active registration that competes with this deal's.")
class RegistrationConflict:
    partner: PartnerRef | None = strawberry.field(
        description="Who registered it; null when outside the caller's scope."
    )
    partnership_id: strawberry.ID | None = strawberry.field(
        description="The registering partnership; null when outside the caller's scope."
    )
    deal: DealRef | None = strawberry.field(
        description="The registered deal; null when outside the caller's scope."
    )
    customer: CustomerRef | None = strawberry.field(
        description="Its customer; null when outside the caller's scope."
    )
    matched_by: MatchKind = strawberry.field(description="Same customer node or same domain.")
    status: str = strawberry.field(description="pending or approved.")
    registered_at: dt.datetime | None = strawberry.field(description="Window start.")
    expires_at: dt.datetime | None = strawberry.field(description="Window end (null: open).")
    conflicts_with: list[strawberry.ID] = strawberry.field(
        description="This deal's registering partnerships whose window overlaps (empty "
        "when this deal has no registration and its created..close window was used)."
    )
    redacted: bool = strawberry.field(
        description="True when the registering partner is outside the caller's scope."
    )


@strawberry.type(description="Registrations that conflict with one deal.")
class RegistrationConflicts:
    deal: DealRef = strawberry.field(description="The deal checked.")
    customer: CustomerRef | None = strawberry.field(description="Its customer.")
    conflicts: list[RegistrationConflict] = strawberry.field(
        description="Ordered by registration time, then deal id."
    )


REGISTRATION_CONFLICTS = named("queries/intel_registration_conflicts")


async def registration_conflicts(
    info: Info[RequestContext, None],
    deal_id: DealIdArg,
) -> RegistrationConflicts | None:
    return await conflicts_for(info.context, deal_id)


def conflicts_statement(deal_id: object, scope: list[str] | None) -> Statement:
    """registrationConflicts' statement."""
    key = check_id(deal_id, "dealId")
    return Statement(REGISTRATION_CONFLICTS, {"dealId": key, "scope": scope})


async def conflicts_for(ctx: RequestContext, deal_id: object) -> RegistrationConflicts | None:
    """The conflicts of deal ``deal_id`` as ``ctx``'s caller may see them (one round trip)."""
    statement = conflicts_statement(deal_id, ctx.scope)
    row = await ctx.store.read_one(statement.query, **statement.params)
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
