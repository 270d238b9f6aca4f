"""The pure authorization rules of graph_api/authz.py, one by one, without a store.

The end-to-end tests (test_auth, test_isolation, test_registration_rules,
test_webhooks_auth, test_subscriptions_auth) show the same rules through the API;
these pin each rule's answer for every role, and that refusals are Forbidden.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from graph_api import authz
from graph_api.context import ADMIN, ANALYST, PARTNER, Principal
from graph_api.errors import Forbidden
from graph_api.events.model import Event

ADMIN_P = Principal(sub="ops", role=ADMIN)
ANALYST_P = Principal(sub="bi", role=ANALYST)
PARTNER_P = Principal(sub="acme-user", role=PARTNER, partner_id="acme")
EMBED_P = Principal(sub="embed:acme", role=PARTNER, partner_id="acme", read_only=True)


def owners(**overrides: Any) -> dict[str, Any]:
    """An ``authz_owners`` row where the partner ``acme`` owns nothing and sees nothing."""
    row: dict[str, Any] = {
        "partnershipOwners": [],
        "leadExists": False,
        "leadOwners": [],
        "contactExists": False,
        "contactOwners": [],
        "customerOwners": [],
        "customerVisible": False,
        "dealVisible": False,
    }
    return {**row, **overrides}


def event(*partner_ids: str) -> Event:
    return Event(
        id="c1",
        seq=1,
        at=datetime(2026, 1, 1, tzinfo=UTC),
        actor="ops",
        entity_type="Deal",
        entity_id="d1",
        operation="update",
        before=None,
        after={"stage": "won"},
        partner_ids=partner_ids,
    )


# --- which roles write which records -----------------------------------------


def test_admins_write_everything_without_an_ownership_check() -> None:
    for record_type in ("Partner", "Deal", "Registration", "Lead", "Contact", "Goal"):
        data = {"id": "x", "sourceSystem": "crm", "externalId": "1"}
        assert authz.check_write_role(ADMIN_P, record_type, data) is False


@pytest.mark.parametrize("record_type", ["Partner", "Lead", "Registration", "Contact"])
def test_analysts_write_nothing(record_type: str) -> None:
    with pytest.raises(Forbidden, match="read-only"):
        authz.check_write_role(ANALYST_P, record_type, {"id": "x"})


@pytest.mark.parametrize("record_type", ["Partner", "Deal", "Customer", "Program", "Goal"])
def test_partners_write_only_registrations_leads_and_contacts(record_type: str) -> None:
    with pytest.raises(Forbidden, match=f"not {record_type}"):
        authz.check_write_role(PARTNER_P, record_type, {"id": "x"})


@pytest.mark.parametrize("key", ["sourceSystem", "externalId"])
def test_partners_may_not_set_sync_keys(key: str) -> None:
    with pytest.raises(Forbidden, match=key):
        authz.check_write_role(PARTNER_P, "Lead", {key: "crm-1"})
    # Null is "not set": the write goes on to the ownership check.
    assert authz.check_write_role(PARTNER_P, "Lead", {key: None}) is True


def test_a_partners_own_record_types_go_on_to_the_ownership_check() -> None:
    for record_type in authz.PARTNER_WRITABLE:
        assert authz.check_write_role(PARTNER_P, record_type, {"id": "x"}) is True


# --- whose records a partner writes -------------------------------------------


def test_a_registration_needs_the_partners_partnership_and_a_visible_deal() -> None:
    data = {"partnershipId": "ps1", "dealId": "d1"}
    authz.check_ownership(
        "acme", "Registration", data, owners(partnershipOwners=["acme"], dealVisible=True)
    )
    with pytest.raises(Forbidden, match="partnership is not yours"):
        authz.check_ownership(
            "acme", "Registration", data, owners(partnershipOwners=["globex"], dealVisible=True)
        )
    with pytest.raises(Forbidden, match="deal 'd1' is not yours"):
        authz.check_ownership("acme", "Registration", data, owners(partnershipOwners=["acme"]))


@pytest.mark.parametrize("status", ["approved", "rejected"])
def test_a_partner_registers_only_as_pending(status: str) -> None:
    mine = owners(partnershipOwners=["acme"], dealVisible=True)
    data = {"partnershipId": "ps1", "dealId": "d1"}
    authz.check_ownership("acme", "Registration", {**data, "status": "pending"}, mine)
    with pytest.raises(Forbidden, match="approved or rejected by the vendor"):
        authz.check_ownership("acme", "Registration", {**data, "status": status}, mine)


def test_a_lead_under_a_foreign_id_is_refused_like_a_missing_one() -> None:
    data = {"id": "l1", "partnershipId": "ps1"}
    foreign = owners(partnershipOwners=["acme"], leadExists=True, leadOwners=["globex"])
    with pytest.raises(Forbidden, match="lead 'l1' is not yours \\(or does not exist\\)"):
        authz.check_ownership("acme", "Lead", data, foreign)
    # A free id outside the partner's namespace is refused with the same answer.
    with pytest.raises(Forbidden, match="lead 'l1' is not yours \\(or does not exist\\)"):
        authz.check_ownership("acme", "Lead", data, owners(partnershipOwners=["acme"]))


def test_a_new_lead_in_the_partners_namespace_needs_its_partnership() -> None:
    data = {"id": "acme:web-17", "partnershipId": "ps1"}
    authz.check_ownership("acme", "Lead", data, owners(partnershipOwners=["acme"]))
    with pytest.raises(Forbidden, match="the lead's partnership"):
        authz.check_ownership("acme", "Lead", data, owners(partnershipOwners=["globex"]))


@pytest.mark.parametrize("record_id", ["acme:", "acme:a:b", "globex:x", "acmex:y"])
def test_the_namespace_is_exactly_one_segment_under_the_partners_id(record_id: str) -> None:
    data = {"id": record_id, "partnershipId": "ps1"}
    with pytest.raises(Forbidden, match="is not yours"):
        authz.check_ownership("acme", "Lead", data, owners(partnershipOwners=["acme"]))


def test_an_existing_own_lead_keeps_its_partnership_unless_moved() -> None:
    existing = owners(leadExists=True, leadOwners=["acme"])
    authz.check_ownership("acme", "Lead", {"id": "l1", "name": "x"}, existing)
    with pytest.raises(Forbidden, match="the lead's partnership"):
        authz.check_ownership("acme", "Lead", {"id": "l1", "partnershipId": "ps9"}, existing)


def test_a_lead_names_only_deals_and_customers_the_partner_sees() -> None:
    base = {"id": "l1"}
    mine = owners(leadExists=True, leadOwners=["acme"])
    with pytest.raises(Forbidden, match="deal 'd9'"):
        authz.check_ownership("acme", "Lead", {**base, "convertedDealId": "d9"}, mine)
    with pytest.raises(Forbidden, match="customer 'c9'"):
        authz.check_ownership("acme", "Lead", {**base, "customerId": "c9"}, mine)
    seen = {**mine, "dealVisible": True, "customerVisible": True}
    authz.check_ownership(
        "acme", "Lead", {**base, "convertedDealId": "d9", "customerId": "c9"}, seen
    )


def test_a_contact_belongs_to_the_partners_customers() -> None:
    authz.check_ownership("acme", "Contact", {"customerId": "c1"}, owners(customerOwners=["acme"]))
    with pytest.raises(Forbidden, match="the contact's customer"):
        authz.check_ownership("acme", "Contact", {"customerId": "c1"}, owners())
    existing = owners(contactExists=True, contactOwners=["globex"])
    with pytest.raises(Forbidden, match="contact 'k1'"):
        authz.check_ownership("acme", "Contact", {"id": "k1"}, existing)
    authz.check_ownership(
        "acme", "Contact", {"id": "k1"}, owners(contactExists=True, contactOwners=["acme"])
    )


# --- imports, embed tokens -----------------------------------------------------


def test_only_admins_import() -> None:
    authz.check_import(ADMIN_P)
    for principal in (ANALYST_P, PARTNER_P, EMBED_P):
        with pytest.raises(Forbidden, match="importRecords is for admins"):
            authz.check_import(principal)


def test_embed_tokens_run_no_mutation() -> None:
    authz.check_operation(EMBED_P, mutation=False)
    with pytest.raises(Forbidden, match="read-only"):
        authz.check_operation(EMBED_P, mutation=True)
    for principal in (ADMIN_P, ANALYST_P, PARTNER_P):
        authz.check_operation(principal, mutation=True)  # the write rules decide those


def test_only_an_admin_credential_mints_embed_tokens() -> None:
    assert authz.mints_embed_tokens(ADMIN_P)
    read_only_admin = Principal(sub="ops", role=ADMIN, read_only=True)
    for principal in (ANALYST_P, PARTNER_P, EMBED_P, read_only_admin):
        assert not authz.mints_embed_tokens(principal)


# --- change events -------------------------------------------------------------


def test_a_caller_sees_events_that_concern_its_scope() -> None:
    assert authz.sees_event(None, event())
    assert authz.sees_event(None, event("globex"))
    assert authz.sees_event(["acme", "reseller"], event("globex", "reseller"))
    assert not authz.sees_event(["acme"], event("globex"))
    assert not authz.sees_event(["acme"], event())  # concerns no partner: vendor-only


def test_a_partner_filter_stays_inside_the_scope() -> None:
    authz.check_partner_filter(None, "globex")
    authz.check_partner_filter(["acme", "reseller"], "reseller")
    with pytest.raises(Forbidden, match="outside what this token may see") as caught:
        authz.check_partner_filter(["acme"], "globex")
    assert caught.value.extensions["argument"] == "partnerId"


# --- webhooks --------------------------------------------------------------------


def test_webhook_endpoints_are_managed_by_admins_and_their_registering_partner() -> None:
    assert authz.webhook_owners(ADMIN_P) is None
    assert authz.webhook_owners(PARTNER_P) == ["acme"]
    with pytest.raises(Forbidden, match="only admins and partners"):
        authz.webhook_owners(ANALYST_P)


def test_a_registered_endpoint_belongs_to_the_partner_or_to_no_one() -> None:
    assert authz.webhook_owner(ADMIN_P) is None
    assert authz.webhook_owner(PARTNER_P) == "acme"
    with pytest.raises(Forbidden):
        authz.webhook_owner(ANALYST_P)


def test_registration_changes_are_pending_only_for_partners() -> None:
    assert authz.pending_only_for(PARTNER_P, "Registration")
    assert not authz.pending_only_for(PARTNER_P, "Lead")
    assert not authz.pending_only_for(ADMIN_P, "Registration")
