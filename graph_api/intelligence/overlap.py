"""Account overlap between two partners, as far as the other partner consents."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.errors import InvalidArgument
from graph_api.intelligence.common import Statement, check_id
from graph_api.intelligence.refs import CustomerRef, DealRef, MatchKind, PartnerRef


@strawberry.type(description="One of the other partner's accounts matching ours.")
class OverlapMatch:
    customer: CustomerRef = strawberry.field(description="The other partner's account.")
    matched_by: MatchKind = strawberry.field(description="Same node or same domain.")
    open_deals: list[DealRef] | None = strawberry.field(
        description="The other partner's open deals there (FULL consent only)."
    )


@strawberry.type(description="One of our accounts that the other partner also has.")
class OverlapAccount:
    customer: CustomerRef = strawberry.field(description="Our account.")
    matches: list[OverlapMatch] = strawberry.field(description="Their matching accounts.")
    open_deals: list[DealRef] | None = strawberry.field(
        description="Our open deals there (FULL consent only)."
    )


@strawberry.type(
    description="Accounts two partners have in common, limited by the SHARES_WITH consent "
    "the other partner gives this one."
)
class AccountOverlap:
    partner: PartnerRef = strawberry.field(description="The asking partner.")
    other_partner: PartnerRef = strawberry.field(description="The partner compared with.")
    consent: str | None = strawberry.field(
        description="counts, overlaps or full; null when consent is missing."
    )
    consent_missing: bool = strawberry.field(
        description="True when the other partner has not consented; nothing else is shown."
    )
    shared_accounts: int | None = strawberry.field(
        description="How many of our accounts they also have (any consent level)."
    )
    accounts: list[OverlapAccount] | None = strawberry.field(
        description="The shared accounts, by customer id (OVERLAPS and FULL)."
    )


ACCOUNT_OVERLAP = named("queries/intel_account_overlap")


def deals(rows: list[dict[str, Any]] | None, full: bool) -> list[DealRef] | None:
    if not full:
        return None
    return [ref for ref in (DealRef.maybe(r) for r in rows or []) if ref is not None]


def _account(row: dict[str, Any], full: bool) -> OverlapAccount:
    customer = CustomerRef.maybe(row["customer"])
    assert customer is not None
    matches = []
    for match in row["matches"]:
        theirs = CustomerRef.maybe(match["customer"])
        assert theirs is not None
        matches.append(
            OverlapMatch(
                customer=theirs,
                matched_by=MatchKind(match["matchedBy"]),
                open_deals=deals(match.get("openDeals"), full),
            )
        )
    return OverlapAccount(
        customer=customer, matches=matches, open_deals=deals(row["openDeals"], full)
    )


def overlap_statement(
    partner_id: object, other_partner_id: object, scope: list[str] | None
) -> Statement:
    """accountOverlap's statement: two different partners."""
    mine = check_id(partner_id, "partnerId")
    theirs = check_id(other_partner_id, "otherPartnerId")
    if mine == theirs:
        raise InvalidArgument(
            "`partnerId` and `otherPartnerId` must be different partners",
            argument="otherPartnerId",
        )
    return Statement(ACCOUNT_OVERLAP, {"partnerId": mine, "otherPartnerId": theirs, "scope": scope})


async def account_overlap(
    info: Info[RequestContext, None],
    partner_id: Annotated[
        strawberry.ID, strawberry.argument(description="Stable id of the partner.")
    ],
    other_partner_id: Annotated[
        strawberry.ID, strawberry.argument(description="Stable id of the partner.")
    ],
) -> AccountOverlap | None:
    ctx = info.context
    statement = overlap_statement(partner_id, other_partner_id, ctx.scope)
    row = await ctx.store.read_one(statement.query, **statement.params)
    if row is None:
        return None
    consent = row["consent"]
    full = consent == "full"
    accounts = row["accounts"]
    return AccountOverlap(
        partner=PartnerRef.of(row["partner"]),
        other_partner=PartnerRef.of(row["other"]),
        consent=consent,
        consent_missing=consent is None,
        shared_accounts=row["sharedAccounts"],
        accounts=[_account(a, full) for a in accounts] if accounts is not None else None,
    )
