"""The domain's fixed vocabularies, shared by the API, import, and the queries.

Values are stored in the graph as the lowercase strings below; GraphQL shows
them as UPPER_CASE enum names. The graph model (labels, relationship types
and property names) is documented in README "Graph model".

Property names (camelCase, on the nodes unless noted):

- every node: id, createdAt, updatedAt (datetime), sourceSystem, externalId
- Partner: name, domain (normalized), kind, tier, region
- Program: name, kind, commissionType, commissionRate (0..1, percent programs),
  flatAmount (per-lead programs), currency
- Partnership: status, level, startDate, endDate (date)
- Customer: name, domain (normalized), industry, region, size
- Contact: name, email, title
- Lead: name, email, company, status, createdDate (date), convertedDate (date)
- Deal: name, amount, currency, stage, createdDate, closeDate, registeredDate (date)
- Goal: metric, target, periodStart, periodEnd (date)
- ATTRIBUTED {role, share (0..1), at (datetime)}
- REGISTERED {at (datetime), status, expiresAt (datetime)}
- SERVES {since (date)}, SHARES_WITH {level}
- Course: name, kind, validityDays; Requirement: tier, contacts
- WORKS_FOR {since (date)}; COMPLETED {completedDate (date), score (0..100)};
  CERTIFIED {issuedDate, expiresDate (date)}
- Product: sku, name, family; Order: status, orderedDate, deliveredDate (date), currency
- INCLUDES {quantity, unitPrice}; STOCKS {quantity, reorderPoint, countedAt (datetime)}
- WarrantyClaim: status, amount, currency, filedDate, resolvedDate (date), reason
- relationships written through the ingest path (ATTRIBUTED, REGISTERED, SERVES,
  RESELLS_FOR, SHARES_WITH) also carry createdAt and updatedAt (datetime)
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry


def _value(value: str, description: str) -> Any:
    """A stored value with the description GraphQL shows for it; strawberry.enum()
    below turns each member's value back into the plain string."""
    return strawberry.enum_value(value, description=description)


class PartnerKind(Enum):
    RESELLER = _value("reseller", "Buys and resells the vendor's products to customers.")
    REFERRAL = _value("referral", "Refers leads and is paid per converted lead.")
    TECHNOLOGY = _value("technology", "Builds a product that integrates with the vendor's.")
    DISTRIBUTOR = _value("distributor", "Supplies resellers below it (multi-tier distribution).")
    INTEGRATOR = _value("integrator", "Implements and integrates the product for customers.")
    MSP = _value("msp", "Managed service provider: runs the product for its customers.")
    DEALER = _value("dealer", "Sells and stocks products locally, often under a distributor.")
    SERVICE = _value("service", "Installs, maintains or repairs for customers.")


class PartnerTier(Enum):
    REGISTERED = _value("registered", "Entry tier.")
    SILVER = _value("silver", "Second tier.")
    GOLD = _value("gold", "Third tier.")
    PLATINUM = _value("platinum", "Top tier.")


class Region(Enum):
    NA = _value("NA", "North America.")
    LATAM = _value("LATAM", "Latin America.")
    EMEA = _value("EMEA", "Europe, Middle East and Africa.")
    APAC = _value("APAC", "Asia-Pacific.")


class ProgramKind(Enum):
    RESELLER = _value("reseller", "Partners buy and resell the vendor's products.")
    REFERRAL = _value("referral", "Partners refer leads; the vendor sells.")
    TECHNOLOGY = _value("technology", "Technology alliance: partners integrate their products.")
    DISTRIBUTION = _value("distribution", "Distributors supply the resellers below them.")
    MSP = _value("msp", "Managed service providers run the product for their customers.")
    DEALER = _value("dealer", "Local dealers sell and stock the products.")
    SERVICE = _value("service", "Partners install, maintain or repair for customers.")


class CommissionType(Enum):
    PERCENT_OF_DEAL = _value(
        "percent_of_deal",
        "commissionRate (0..1) of the amount of won deals credited to the partnership.",
    )
    PER_LEAD = _value("per_lead", "flatAmount for each referred lead converted to a deal.")


class PartnershipStatus(Enum):
    PENDING = _value("pending", "Applied, not yet accepted.")
    ACTIVE = _value("active", "A current member.")
    SUSPENDED = _value("suspended", "Membership on hold.")
    ENDED = _value("ended", "No longer a member.")


class CustomerSize(Enum):
    SMALL = _value("small", "Small business.")
    MID = _value("mid", "Mid-market.")
    ENTERPRISE = _value("enterprise", "Large enterprise.")


class LeadStatus(Enum):
    NEW = _value("new", "Not yet worked.")
    QUALIFIED = _value("qualified", "Worth pursuing.")
    CONVERTED = _value("converted", "Became a deal.")
    DISQUALIFIED = _value("disqualified", "Not pursued.")


class DealStage(Enum):
    PROSPECT = _value("prospect", "Open: first contact.")
    QUALIFIED = _value("qualified", "Open: need and budget confirmed.")
    PROPOSAL = _value("proposal", "Open: offer sent.")
    NEGOTIATION = _value("negotiation", "Open: terms being agreed.")
    WON = _value("won", "Closed and won.")
    LOST = _value("lost", "Closed and lost.")


OPEN_STAGES = ("prospect", "qualified", "proposal", "negotiation")
CLOSED_STAGES = ("won", "lost")


class AttributionRole(Enum):
    SOURCED = _value("sourced", "Found the opportunity.")
    REFERRED = _value("referred", "Passed the customer on.")
    INFLUENCED = _value("influenced", "Helped the deal along.")
    DELIVERED = _value("delivered", "Implements or services the deal.")


class RegistrationStatus(Enum):
    PENDING = _value("pending", "Awaiting review; counts as an active registration.")
    APPROVED = _value("approved", "Accepted; an active registration.")
    REJECTED = _value("rejected", "Refused.")
    EXPIRED = _value("expired", "Lapsed.")


ACTIVE_REGISTRATION_STATUSES = ("pending", "approved")


class ConsentLevel(Enum):
    COUNTS = _value("counts", "Only counts of shared accounts.")
    OVERLAPS = _value("overlaps", "Which accounts are shared.")
    FULL = _value("full", "Shared accounts and the open deals on them.")


class GoalMetric(Enum):
    WON_VALUE = _value("won_value", "Sum of the amounts of credited deals won in the period.")
    DEALS_WON = _value("deals_won", "Number of credited deals won in the period.")
    LEADS_CONVERTED = _value("leads_converted", "Number of referred leads converted in the period.")
    REGISTRATIONS = _value(
        "registrations", "Number of deals its partnerships registered in the period."
    )
    PIPELINE_VALUE = _value(
        "pipeline_value", "Sum of the amounts of open credited deals created in the period."
    )


class CourseKind(Enum):
    TRAINING = _value("training", "A course a contact completes; nothing is held afterwards.")
    CERTIFICATION = _value(
        "certification", "A course that certifies the contact until an expiry date."
    )


class OrderStatus(Enum):
    PLACED = _value("placed", "Ordered by the partner, not shipped yet.")
    SHIPPED = _value("shipped", "On its way to the partner.")
    DELIVERED = _value("delivered", "Received by the partner.")
    CANCELLED = _value("cancelled", "Withdrawn; counts toward no figure.")


class ClaimStatus(Enum):
    FILED = _value("filed", "Filed by the partner, not decided yet.")
    APPROVED = _value("approved", "Accepted by the manufacturer, not paid yet.")
    REJECTED = _value("rejected", "Refused by the manufacturer.")
    PAID = _value("paid", "Accepted and paid out.")


# GraphQL enum types, one per vocabulary; the domain modules import these.
PartnerKindEnum = strawberry.enum(PartnerKind, name="PartnerKind", description="Kind of partner.")
PartnerTierEnum = strawberry.enum(PartnerTier, name="PartnerTier", description="Partner tier.")
RegionEnum = strawberry.enum(Region, name="Region", description="Sales region.")
ProgramKindEnum = strawberry.enum(ProgramKind, name="ProgramKind", description="Kind of program.")
CommissionTypeEnum = strawberry.enum(
    CommissionType, name="CommissionType", description="How a program pays commission."
)
PartnershipStatusEnum = strawberry.enum(
    PartnershipStatus, name="PartnershipStatus", description="State of a program membership."
)
CustomerSizeEnum = strawberry.enum(CustomerSize, name="CustomerSize", description="Account size.")
LeadStatusEnum = strawberry.enum(LeadStatus, name="LeadStatus", description="Lead lifecycle state.")
DealStageEnum = strawberry.enum(DealStage, name="DealStage", description="Opportunity stage.")
AttributionRoleEnum = strawberry.enum(
    AttributionRole, name="AttributionRole", description="How a partnership earned credit."
)
RegistrationStatusEnum = strawberry.enum(
    RegistrationStatus, name="RegistrationStatus", description="Deal registration state."
)
ConsentLevelEnum = strawberry.enum(
    ConsentLevel, name="ConsentLevel", description="What a partner shares with another."
)
GoalMetricEnum = strawberry.enum(GoalMetric, name="GoalMetric", description="What a goal measures.")
CourseKindEnum = strawberry.enum(CourseKind, name="CourseKind", description="Kind of course.")
OrderStatusEnum = strawberry.enum(
    OrderStatus, name="OrderStatus", description="State of a component order."
)
ClaimStatusEnum = strawberry.enum(
    ClaimStatus, name="ClaimStatus", description="State of a warranty claim."
)
