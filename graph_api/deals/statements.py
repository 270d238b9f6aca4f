"""Named queries behind deal lookups, lists and nested fields."""

from __future__ import annotations

from graph_api.cypher import NamedQuery, named

DEAL_BY_IDS = named("queries/deal_by_ids")
DEAL_PAGE = named("queries/deal_page")
DEAL_ATTRIBUTIONS = named("queries/deal_attributions")
DEAL_REGISTRATIONS = named("queries/deal_registrations")

# Deal lists compute a derived id only when a selected field needs it.
DEAL_DERIVED = {"withCustomerId": ("customerId", "customer"), "withLeadId": ("leadId", "lead")}
# Deal and credit values converted (driver temporals to Python) only when selected:
# each is read by its own same-named field alone.
DEAL_CONVERTED = frozenset({"createdDate", "closeDate", "registeredDate", "createdAt", "updatedAt"})
ATTRIBUTION_CONVERTED = frozenset({"at"})
DEAL_PAGE_STAGE = named("queries/deal_page_stage")
DEAL_PAGE_PARTNERS = named("queries/deal_page_partners")


def deal_page_query(
    scope: list[str] | None, stage: str | None, partner_id: str | None
) -> NamedQuery:
    """The deals list statement whose plan fits the call: a scope or a partner starts
    from those partners; an unrestricted stage filter seeks the stage index; else scan."""
    if scope is not None or partner_id is not None:
        return DEAL_PAGE_PARTNERS
    if stage is not None:
        return DEAL_PAGE_STAGE
    return DEAL_PAGE
