"""What each record type accepts: fields, value kinds, references, requirements.

One table drives validation, the import format and the writes. Field names are
camelCase and equal the GraphQL input fields and the JSONL/CSV field names.
"""

from __future__ import annotations

from typing import Any

from graph_api import vocabulary as v
from graph_api.ingest.declarations import (
    AMOUNT,
    COUNT,
    CURRENCY,
    DATE,
    DATETIME,
    DOMAIN,
    EMAIL,
    ENUM,
    PERCENT,
    REF,
    SHARE,
    TEXT,
    Deletion,
    Field,
    Owned,
    Spec,
)

# A delete that nothing blocks and that takes nothing along.
_PLAIN_DELETE = Deletion()

_SOURCE = (Field("sourceSystem", TEXT), Field("externalId", TEXT))


def _node(
    label: str,
    *fields: Field,
    required: tuple[str, ...] = (),
    natural_refs: tuple[str, ...] = (),
    deletion: Deletion = _PLAIN_DELETE,
    **defaults: Any,
) -> Spec:
    return Spec(
        record_type=label,
        fields=(Field("id", TEXT), *fields, *_SOURCE),
        required=required,
        defaults=defaults,
        label=label,
        natural_refs=natural_refs,
        deletion=deletion,
    )


SPECS: dict[str, Spec] = {
    "Partner": _node(
        "Partner",
        Field("name", TEXT),
        Field("domain", DOMAIN),
        Field("kind", ENUM, v.PartnerKind),
        Field("tier", ENUM, v.PartnerTier),
        Field("region", ENUM, v.Region),
        required=("name", "kind"),
        deletion=Deletion(
            blocked_by="(n)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)",
            blocking="deal(s) credited to its partnerships",
            owns=(Owned("HOLDS", "Partnership"), Owned("HAS_GOAL", "Goal")),
        ),
    ),
    "Program": _node(
        "Program",
        Field("name", TEXT),
        Field("kind", ENUM, v.ProgramKind),
        Field("commissionType", ENUM, v.CommissionType),
        Field("commissionRate", SHARE),
        Field("flatAmount", AMOUNT),
        Field("currency", CURRENCY),
        required=("name", "commissionType"),
        deletion=Deletion(
            blocked_by="(n)<-[:IN_PROGRAM]-(d:Partnership)",
            blocking="partnership(s) enrolled in it",
            owns=(Owned("IN_PROGRAM", "Partnership", inward=True),),
            partners="(n)<-[:IN_PROGRAM]-(:Partnership)<-[:HOLDS]-(p:Partner)",
        ),
        currency="USD",
    ),
    "Partnership": _node(
        "Partnership",
        Field("partnerId", REF, label="Partner", link="HOLDS", inward=True),
        Field("programId", REF, label="Program", link="IN_PROGRAM"),
        Field("status", ENUM, v.PartnershipStatus),
        Field("level", TEXT),
        Field("startDate", DATE),
        Field("endDate", DATE),
        required=("partnerId", "programId"),
        natural_refs=("partnerId", "programId"),
        deletion=Deletion(
            blocked_by="(n)-[:ATTRIBUTED]->(d:Deal)",
            blocking="deal(s) credited to it",
            partners="(n)<-[:HOLDS]-(p:Partner)",
        ),
        status="active",
    ),
    "Customer": _node(
        "Customer",
        Field("name", TEXT),
        Field("domain", DOMAIN),
        Field("industry", TEXT),
        Field("region", ENUM, v.Region),
        Field("size", ENUM, v.CustomerSize),
        required=("name",),
        deletion=Deletion(
            blocked_by="(n)<-[:FOR]-(d:Deal)",
            blocking="deal(s) for it",
            owns=(Owned("WORKS_AT", "Contact", inward=True),),
        ),
    ),
    "Contact": _node(
        "Contact",
        Field("name", TEXT),
        Field("email", EMAIL),
        Field("title", TEXT),
        Field("customerId", REF, label="Customer", link="WORKS_AT"),
        required=("name",),
    ),
    "Lead": _node(
        "Lead",
        Field("name", TEXT),
        Field("email", EMAIL),
        Field("company", TEXT),
        Field("status", ENUM, v.LeadStatus),
        Field("partnershipId", REF, label="Partnership", link="REFERRED_BY"),
        Field("convertedDealId", REF, label="Deal", link="CONVERTED_TO"),
        Field("customerId", REF, label="Customer", link="FOR"),
        Field("campaignId", REF, label="Campaign", link="SOURCED_FROM"),
        Field("createdDate", DATE),
        Field("convertedDate", DATE),
        required=("name",),
        deletion=Deletion(partners="(n)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(p:Partner)"),
        status="new",
    ),
    "Deal": _node(
        "Deal",
        Field("name", TEXT),
        Field("amount", AMOUNT),
        Field("currency", CURRENCY),
        Field("stage", ENUM, v.DealStage),
        Field("createdDate", DATE),
        Field("closeDate", DATE),
        Field("registeredDate", DATE),
        Field("customerId", REF, label="Customer", link="FOR"),
        Field("campaignId", REF, label="Campaign", link="SOURCED_FROM"),
        required=("name", "amount"),
        deletion=Deletion(
            partners="(n)<-[:ATTRIBUTED|REGISTERED]-(:Partnership)<-[:HOLDS]-(p:Partner)"
        ),
        currency="USD",
        stage="prospect",
    ),
    "Goal": _node(
        "Goal",
        Field("partnerId", REF, label="Partner", link="HAS_GOAL", inward=True),
        Field("metric", ENUM, v.GoalMetric),
        Field("target", AMOUNT),
        Field("periodStart", DATE),
        Field("periodEnd", DATE),
        required=("partnerId", "metric", "target", "periodStart", "periodEnd"),
        deletion=Deletion(partners="(n)<-[:HAS_GOAL]-(p:Partner)"),
    ),
    # Enablement: courses, what programs require of each tier, and what contacts achieved.
    "Course": _node(
        "Course",
        Field("name", TEXT),
        Field("kind", ENUM, v.CourseKind),
        Field("validityDays", COUNT),
        required=("name", "kind"),
        deletion=Deletion(
            blocked_by="(n)<-[:OF_COURSE|COMPLETED|CERTIFIED]-(d)",
            blocking="requirement(s) naming it or contact(s) who completed or hold it",
            owns=(Owned("OF_COURSE", "Requirement", inward=True),),
            partners="(n)<-[:COMPLETED|CERTIFIED]-(:Contact)-[:WORKS_FOR]->(p:Partner)",
        ),
    ),
    "Requirement": _node(
        "Requirement",
        Field("programId", REF, label="Program", link="REQUIRES", inward=True),
        Field("courseId", REF, label="Course", link="OF_COURSE"),
        Field("tier", ENUM, v.PartnerTier),
        Field("contacts", COUNT),
        required=("programId", "courseId", "tier", "contacts"),
    ),
    # Channel: the manufacturer's products, partners' orders, stock and warranty claims.
    "Product": _node(
        "Product",
        Field("sku", TEXT),
        Field("name", TEXT),
        Field("family", TEXT),
        required=("sku", "name"),
        deletion=Deletion(
            blocked_by="(n)<-[:INCLUDES|STOCKS|FOR_PRODUCT]-(d)",
            blocking="order(s), stock level(s) or warranty claim(s) naming it",
            partners="(n)<-[:STOCKS]-(p:Partner)",
        ),
    ),
    "Order": _node(
        "Order",
        Field("partnerId", REF, label="Partner", link="PLACED", inward=True),
        Field("status", ENUM, v.OrderStatus),
        Field("orderedDate", DATE),
        Field("deliveredDate", DATE),
        Field("currency", CURRENCY),
        required=("partnerId", "orderedDate"),
        deletion=Deletion(partners="(n)<-[:PLACED]-(p:Partner)"),
        status="placed",
        currency="USD",
    ),
    "WarrantyClaim": _node(
        "WarrantyClaim",
        Field("partnerId", REF, label="Partner", link="FILED", inward=True),
        Field("productId", REF, label="Product", link="FOR_PRODUCT"),
        Field("customerId", REF, label="Customer", link="AT_CUSTOMER"),
        Field("status", ENUM, v.ClaimStatus),
        Field("amount", AMOUNT),
        Field("currency", CURRENCY),
        Field("filedDate", DATE),
        Field("resolvedDate", DATE),
        Field("reason", TEXT),
        required=("partnerId", "productId", "filedDate"),
        deletion=Deletion(partners="(n)<-[:FILED]-(p:Partner)"),
        status="filed",
        currency="USD",
    ),
    # Marketing: campaigns that leads and deals are sourced from, run through partnerships.
    "Campaign": _node(
        "Campaign",
        Field("name", TEXT),
        Field("channel", TEXT),
        Field("startDate", DATE),
        Field("endDate", DATE),
        Field("budget", AMOUNT),
        Field("currency", CURRENCY),
        required=("name",),
        deletion=Deletion(
            blocked_by="(n)<-[:SOURCED_FROM]-(d)",
            blocking="lead(s) or deal(s) sourced from it",
            partners="(n)<-[:RUNS]-(:Partnership)<-[:HOLDS]-(p:Partner)",
        ),
        currency="USD",
    ),
    "Attribution": Spec(
        record_type="Attribution",
        fields=(
            Field("dealId", REF, label="Deal"),
            Field("partnershipId", REF, label="Partnership"),
            Field("role", ENUM, v.AttributionRole),
            Field("share", SHARE),
            Field("at", DATETIME),
        ),
        required=("dealId", "partnershipId", "role", "share"),
        rel_type="ATTRIBUTED",
        endpoints=("partnershipId", "dealId"),
    ),
    "Registration": Spec(
        record_type="Registration",
        fields=(
            Field("dealId", REF, label="Deal"),
            Field("partnershipId", REF, label="Partnership"),
            Field("at", DATETIME),
            Field("status", ENUM, v.RegistrationStatus),
            Field("expiresAt", DATETIME),
        ),
        required=("dealId", "partnershipId"),
        defaults={"status": "pending"},
        rel_type="REGISTERED",
        endpoints=("partnershipId", "dealId"),
    ),
    "Serves": Spec(
        record_type="Serves",
        fields=(
            Field("partnerId", REF, label="Partner"),
            Field("customerId", REF, label="Customer"),
            Field("since", DATE),
        ),
        required=("partnerId", "customerId"),
        rel_type="SERVES",
        endpoints=("partnerId", "customerId"),
    ),
    "ResellsFor": Spec(
        record_type="ResellsFor",
        fields=(
            Field("partnerId", REF, label="Partner"),
            Field("distributorId", REF, label="Partner"),
        ),
        required=("partnerId", "distributorId"),
        rel_type="RESELLS_FOR",
        endpoints=("partnerId", "distributorId"),
    ),
    "SharesWith": Spec(
        record_type="SharesWith",
        fields=(
            Field("partnerId", REF, label="Partner"),
            Field("withPartnerId", REF, label="Partner"),
            Field("level", ENUM, v.ConsentLevel),
        ),
        required=("partnerId", "withPartnerId", "level"),
        rel_type="SHARES_WITH",
        endpoints=("partnerId", "withPartnerId"),
    ),
    "WorksFor": Spec(
        record_type="WorksFor",
        fields=(
            Field("contactId", REF, label="Contact"),
            Field("partnerId", REF, label="Partner"),
            Field("since", DATE),
        ),
        required=("contactId", "partnerId"),
        rel_type="WORKS_FOR",
        endpoints=("contactId", "partnerId"),
    ),
    "Completion": Spec(
        record_type="Completion",
        fields=(
            Field("contactId", REF, label="Contact"),
            Field("courseId", REF, label="Course"),
            Field("completedDate", DATE),
            Field("score", PERCENT),
        ),
        required=("contactId", "courseId", "completedDate"),
        rel_type="COMPLETED",
        endpoints=("contactId", "courseId"),
    ),
    "Certification": Spec(
        record_type="Certification",
        fields=(
            Field("contactId", REF, label="Contact"),
            Field("courseId", REF, label="Course"),
            Field("issuedDate", DATE),
            Field("expiresDate", DATE),
        ),
        required=("contactId", "courseId", "issuedDate"),
        rel_type="CERTIFIED",
        endpoints=("contactId", "courseId"),
    ),
    "OrderLine": Spec(
        record_type="OrderLine",
        fields=(
            Field("orderId", REF, label="Order"),
            Field("productId", REF, label="Product"),
            Field("quantity", COUNT),
            Field("unitPrice", AMOUNT),
        ),
        required=("orderId", "productId", "quantity"),
        rel_type="INCLUDES",
        endpoints=("orderId", "productId"),
    ),
    "StockLevel": Spec(
        record_type="StockLevel",
        fields=(
            Field("partnerId", REF, label="Partner"),
            Field("productId", REF, label="Product"),
            Field("quantity", COUNT),
            Field("reorderPoint", COUNT),
            Field("countedAt", DATETIME),
        ),
        required=("partnerId", "productId", "quantity"),
        rel_type="STOCKS",
        endpoints=("partnerId", "productId"),
    ),
    "CampaignRun": Spec(
        record_type="CampaignRun",
        fields=(
            Field("partnershipId", REF, label="Partnership"),
            Field("campaignId", REF, label="Campaign"),
        ),
        required=("partnershipId", "campaignId"),
        rel_type="RUNS",
        endpoints=("partnershipId", "campaignId"),
    ),
}

RECORD_TYPES: tuple[str, ...] = (
    "Partner",
    "Program",
    "Partnership",
    "Customer",
    "Contact",
    "Lead",
    "Deal",
    "Attribution",
    "Registration",
    "Serves",
    "ResellsFor",
    "SharesWith",
    "Goal",
    "Course",
    "Requirement",
    "WorksFor",
    "Completion",
    "Certification",
    "Product",
    "Order",
    "OrderLine",
    "StockLevel",
    "WarrantyClaim",
    "Campaign",
    "CampaignRun",
)

# Referenced records first, so a file may mention an id before the row defining it.
DEPENDENCY_ORDER: tuple[str, ...] = (
    "Partner",
    "Program",
    "Customer",
    "Partnership",
    "Campaign",
    "CampaignRun",
    "Contact",
    "Deal",
    "Lead",
    "Goal",
    "Attribution",
    "Registration",
    "Serves",
    "ResellsFor",
    "SharesWith",
    "Course",
    "Requirement",
    "WorksFor",
    "Completion",
    "Certification",
    "Product",
    "Order",
    "OrderLine",
    "StockLevel",
    "WarrantyClaim",
)

NODE_TYPES = tuple(t for t in RECORD_TYPES if SPECS[t].is_node)
RELATIONSHIP_TYPES = tuple(t for t in RECORD_TYPES if not SPECS[t].is_node)

_BY_LOWER = {t.lower(): t for t in RECORD_TYPES}


def canonical_type(name: str) -> str | None:
    """``deal``, ``Deal``, ``deals`` and ``resells_for`` all name their record type."""
    key = name.strip().lower().replace("_", "").replace("-", "")
    if key in _BY_LOWER:
        return _BY_LOWER[key]
    if key.endswith("s") and key[:-1] in _BY_LOWER:
        return _BY_LOWER[key[:-1]]
    if key.endswith("es") and key[:-2] in _BY_LOWER:
        return _BY_LOWER[key[:-2]]
    return None
