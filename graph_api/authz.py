"""Who may do what: every authorization rule of the API, in one place.

Read scope (which partners' data a caller sees) is resolved in
:mod:`graph_api.scope` and applied inside the named queries; the rules here
decide the rest, and every resolver, the webhook worker, the subscriptions and
the embed routes call them instead of looking at roles themselves.

Writes. Admins write everything and analysts nothing. A partner writes only
its own deal registrations (through one of its partnerships, of deals it can
already see, and only as pending: the vendor approves, and a decided
registration is final for the partner, see :func:`pending_only`), its own
leads (referred through one of its partnerships, naming only customers it can
see) and its own contacts (at customers it serves); its new leads and
contacts get generated ids, or ids it picks in its namespace (``<partner
id>:<anything without a colon>``), which make a retried create idempotent.
Everything else, and any record that is not its own, is
:class:`~graph_api.errors.Forbidden` with the same answer whether the record
is foreign or missing, so writes do not reveal what exists outside the
partner's slice. Every mutation calls :func:`check_write` before it touches
the store; ``importRecords`` is for admins (:func:`check_import`), and embed
tokens run no mutation at all (:func:`check_operation`).

Change events. A caller sees an event that concerns a partner in its scope
(:func:`sees_event`); a ``partnerId`` filter must lie within that scope
(:func:`check_partner_filter`).

Webhooks. Admins manage every endpoint; a partner manages only the endpoints
it registered itself, not those of the partners below it, whose secrets and
URLs are theirs (:func:`webhook_owners`). An endpoint receives what its
owner's token would see (:func:`webhook_scope`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph_api.context import ADMIN, ANALYST, Principal, RequestContext
from graph_api.cypher import named
from graph_api.errors import Forbidden
from graph_api.events.model import Event
from graph_api.scope import partner_and_below
from graph_api.store import Store

OWNERS = named("queries/authz_owners")
PARTNER_WRITABLE = ("Registration", "Lead", "Contact")
# Keys a CRM sync resolves records by; a partner could reach someone else's record with them.
_SYNC_KEYS = ("sourceSystem", "externalId")


# --- writes -----------------------------------------------------------------


async def check_write(ctx: RequestContext, record_type: str, data: dict[str, Any]) -> None:
    """Raise Forbidden unless the caller may write this record."""
    if not check_write_role(ctx.principal, record_type, data):
        return
    me = ctx.principal.partner_id
    assert me is not None  # enforced when the partner token was verified
    record_id = _text(data.get("id"))
    owners = await ctx.store.read_one(
        OWNERS,
        partnershipId=_text(data.get("partnershipId")),
        leadId=record_id if record_type == "Lead" else None,
        contactId=record_id if record_type == "Contact" else None,
        customerId=_text(data.get("customerId")),
        dealId=_text(data.get("dealId" if record_type == "Registration" else "convertedDealId")),
        # Registering a deal, or linking a lead to one, makes it visible: only deals
        # already in the caller's scope.
        scope=ctx.scope if ctx.scope is not None else [me],
    )
    assert owners is not None  # the query always returns one row
    check_ownership(me, record_type, data, owners)


def check_write_role(principal: Principal, record_type: str, data: Mapping[str, Any]) -> bool:
    """Raise Forbidden unless the caller's role may write this kind of record; True when
    whose the record is must still be checked (a partner's write), False when not (admin)."""
    role = principal.role
    if role == ADMIN:
        return False
    if role == ANALYST:
        raise Forbidden("analysts have read-only access", recordType=record_type)
    if record_type not in PARTNER_WRITABLE:
        raise Forbidden(
            f"partners may write only deal registrations, leads and contacts, not {record_type}",
            recordType=record_type,
        )
    for key in _SYNC_KEYS:
        if data.get(key) is not None:
            raise Forbidden(f"partners may not set `{key}`", recordType=record_type)
    return True


def check_ownership(
    me: str, record_type: str, data: Mapping[str, Any], owners: Mapping[str, Any]
) -> None:
    """Raise Forbidden unless partner ``me`` owns what its write touches; ``owners`` is
    the ``authz_owners`` row for the write (owners and visibility of each record named)."""
    record_id = _text(data.get("id"))
    if record_type == "Registration":
        _own(me in owners["partnershipOwners"], "the registration's partnership")
        _own(owners["dealVisible"], f"deal {data.get('dealId')!r}")
        if data.get("status") not in (None, "pending"):
            raise Forbidden("registrations are approved or rejected by the vendor, not partners")
    elif record_type == "Lead":
        if record_id is not None and not _new_in_namespace(record_id, me, owners["leadExists"]):
            _own(me in owners["leadOwners"], f"lead {record_id!r}")
        if "partnershipId" in data or not owners["leadExists"]:
            _own(me in owners["partnershipOwners"], "the lead's partnership")
        if data.get("convertedDealId") is not None:
            _own(owners["dealVisible"], f"deal {data['convertedDealId']!r}")
        if data.get("customerId") is not None:
            _own(owners["customerVisible"], f"customer {data['customerId']!r}")
    else:  # Contact
        if record_id is not None and not _new_in_namespace(record_id, me, owners["contactExists"]):
            _own(me in owners["contactOwners"], f"contact {record_id!r}")
        if "customerId" in data or not owners["contactExists"]:
            _own(me in owners["customerOwners"], "the contact's customer")


def pending_only(ctx: RequestContext, record_type: str) -> bool:
    """:func:`pending_only_for` the request's caller."""
    return pending_only_for(ctx.principal, record_type)


def pending_only_for(principal: Principal, record_type: str) -> bool:
    """Partners touch a registration only while it is pending: the vendor's decision is
    final. The write path checks it in the write statement itself (a concurrent approve
    must not be overwritten), so :func:`check_write` cannot: it runs before the write."""
    return record_type == "Registration" and principal.is_partner


def check_import(principal: Principal) -> None:
    """``importRecords`` writes any record type, under ids of the caller's choosing: admins only."""
    if not principal.can_write_everything:
        raise Forbidden("importRecords is for admins")


def check_operation(principal: Principal, mutation: bool) -> None:
    """Embed tokens read: any mutation with one is Forbidden, whatever its role allows."""
    if principal.read_only and mutation:
        raise Forbidden("embed tokens are read-only: mutations are not allowed")


def mints_embed_tokens(principal: Principal) -> bool:
    """Only an admin (service) credential mints embed tokens, and not an embed token itself."""
    return principal.role == ADMIN and not principal.read_only


# --- change events ----------------------------------------------------------


def sees_event(scope: list[str] | None, event: Event) -> bool:
    """Whether a caller with this scope (None = unrestricted) sees the event at all: it
    must concern one of the scope's partners. What it sees of it is redaction's."""
    return event.concerns(scope)


def check_partner_filter(scope: list[str] | None, partner_id: str) -> None:
    """A ``partnerId`` filter may name only a partner the caller sees."""
    if scope is not None and partner_id not in scope:
        raise Forbidden(
            f"partner {partner_id!r} is outside what this token may see", argument="partnerId"
        )


# --- webhooks ---------------------------------------------------------------


def webhook_owners(principal: Principal) -> list[str] | None:
    """Whose endpoints the caller manages: an admin's, all (None); a partner's, those it
    registered itself, not those of the partners below it (its read scope). Others none."""
    if principal.is_partner:
        assert principal.partner_id is not None  # enforced when the token was verified
        return [principal.partner_id]
    if principal.can_write_everything:
        return None
    raise Forbidden("only admins and partners manage webhook endpoints")


def webhook_owner(principal: Principal) -> str | None:
    """The partner an endpoint the caller registers belongs to; None for an admin's, which
    receives every event. Raises Forbidden for callers who manage no endpoints."""
    owners = webhook_owners(principal)
    return None if owners is None else owners[0]


async def webhook_scope(store: Store, owner_partner_id: str | None) -> list[str] | None:
    """What an endpoint receives, as its owner's token would see it: an admin's endpoint
    everything (None); a partner's its hierarchy as it is now, as a token's scope is
    resolved per request (a reseller that joined after registration is included, one
    that left is not)."""
    return None if not owner_partner_id else await partner_and_below(store, owner_partner_id)


# --- helpers ----------------------------------------------------------------


def _new_in_namespace(record_id: str, partner_id: str, exists: bool) -> bool:
    """A free id under ``<partner id>:`` (one more ``:`` would reach another's namespace),
    where a partner creates leads and contacts so that a retry updates the first one.

    Elsewhere ids are global, and creating under a chosen id would answer differently
    for a foreign id and a free one; inside it, only this partner creates records.
    """
    prefix = f"{partner_id}:"
    rest = record_id[len(prefix) :]
    return not exists and record_id.startswith(prefix) and bool(rest) and ":" not in rest


def _own(ok: bool, what: str) -> None:
    if not ok:
        raise Forbidden(f"{what} is not yours (or does not exist)")


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
