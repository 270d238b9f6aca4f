"""Who may write what.

Admins write everything and analysts nothing. A partner writes only its own
deal registrations (through one of its partnerships, of deals it can already
see, and only as pending: the vendor approves, and a decided registration is
final for the partner, see :func:`pending_only`), its own leads (referred
through one of its partnerships, naming only customers it can see) and its
own contacts (at customers it serves); its new leads and contacts get
generated ids, or ids it picks in its namespace (``<partner id>:<anything
without a colon>``), which make a retried create idempotent. Everything
else, and any record that is not its own, is :class:`~graph_api.errors.Forbidden`
with the same answer whether the record is foreign or missing, so writes do
not reveal what exists outside the partner's slice. Every mutation calls
:func:`check_write` before it touches the store.
"""

from __future__ import annotations

from typing import Any

from graph_api.context import ADMIN, ANALYST, RequestContext
from graph_api.cypher import named
from graph_api.errors import Forbidden

OWNERS = named("queries/authz_owners")
PARTNER_WRITABLE = ("Registration", "Lead", "Contact")
# Keys a CRM sync resolves records by; a partner could reach someone else's record with them.
_SYNC_KEYS = ("sourceSystem", "externalId")


async def check_write(ctx: RequestContext, record_type: str, data: dict[str, Any]) -> None:
    """Raise Forbidden unless the caller may write this record."""
    role = ctx.principal.role
    if role == ADMIN:
        return
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
    """Partners touch a registration only while it is pending: the vendor's decision is
    final. The write path checks it in the write statement itself (a concurrent approve
    must not be overwritten), so :func:`check_write` cannot: it runs before the write."""
    return record_type == "Registration" and ctx.principal.is_partner


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
