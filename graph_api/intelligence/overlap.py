"""Account overlap between two partners, as far as the other partner consents."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.errors import InvalidArgument
from graph_api.intelligence.common import check_id
from graph_api.intelligence.types import (
    AccountOverlap,
    CustomerRef,
    DealRef,
    MatchKind,
    OverlapAccount,
    OverlapMatch,
    PartnerRef,
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
    mine = check_id(partner_id, "partnerId")
    theirs = check_id(other_partner_id, "otherPartnerId")
    if mine == theirs:
        raise InvalidArgument(
            "`partnerId` and `otherPartnerId` must be different partners",
            argument="otherPartnerId",
        )
    row = await ctx.store.read_one(
        ACCOUNT_OVERLAP, partnerId=mine, otherPartnerId=theirs, scope=ctx.scope
    )
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
