"""The domain's fixed vocabularies, shared by the API, import, and the queries.

Values are stored in the graph as the lowercase strings below; GraphQL shows
them as UPPER_CASE enum names. The graph model (labels, relationship types
and property names) is documented in README "Graph model".

Property names (camelCase, on the nodes unless noted):

- every node: id, createdAt, updatedAt (datetime), sourceSystem, externalId
- Partner: name, domain (normalized), kind, tier, region
- Program: name, commissionType, commissionRate (0..1, percent programs),
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
- relationships written through the ingest path (ATTRIBUTED, REGISTERED, SERVES,
  RESELLS_FOR, SHARES_WITH) also carry createdAt and updatedAt (datetime)
"""

from __future__ import annotations

from enum import Enum

import strawberry


class PartnerKind(Enum):
    RESELLER = "reseller"
    REFERRAL = "referral"
    TECHNOLOGY = "technology"
    DISTRIBUTOR = "distributor"
    INTEGRATOR = "integrator"
    MSP = "msp"
    DEALER = "dealer"
    SERVICE = "service"


class PartnerTier(Enum):
    REGISTERED = "registered"
    SILVER = "silver"
    GOLD = "gold"
    PLATINUM = "platinum"


class Region(Enum):
    NA = "NA"
    LATAM = "LATAM"
    EMEA = "EMEA"
    APAC = "APAC"


class CommissionType(Enum):
    PERCENT_OF_DEAL = "percent_of_deal"
    PER_LEAD = "per_lead"


class PartnershipStatus(Enum):
    PENDING = "pending"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    ENDED = "ended"


class CustomerSize(Enum):
    SMALL = "small"
    MID = "mid"
    ENTERPRISE = "enterprise"


class LeadStatus(Enum):
    NEW = "new"
    QUALIFIED = "qualified"
    CONVERTED = "converted"
    DISQUALIFIED = "disqualified"


class DealStage(Enum):
    PROSPECT = "prospect"
    QUALIFIED = "qualified"
    PROPOSAL = "proposal"
    NEGOTIATION = "negotiation"
    WON = "won"
    LOST = "lost"


OPEN_STAGES = ("prospect", "qualified", "proposal", "negotiation")
CLOSED_STAGES = ("won", "lost")


class AttributionRole(Enum):
    SOURCED = "sourced"
    REFERRED = "referred"
    INFLUENCED = "influenced"
    DELIVERED = "delivered"


class RegistrationStatus(Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    EXPIRED = "expired"


ACTIVE_REGISTRATION_STATUSES = ("pending", "approved")


class ConsentLevel(Enum):
    COUNTS = "counts"
    OVERLAPS = "overlaps"
    FULL = "full"


class GoalMetric(Enum):
    WON_VALUE = "won_value"
    DEALS_WON = "deals_won"
    LEADS_CONVERTED = "leads_converted"
    REGISTRATIONS = "registrations"
    PIPELINE_VALUE = "pipeline_value"


# GraphQL enum types, one per vocabulary; the domain modules import these.
PartnerKindEnum = strawberry.enum(PartnerKind, name="PartnerKind", description="Kind of partner.")
PartnerTierEnum = strawberry.enum(PartnerTier, name="PartnerTier", description="Partner tier.")
RegionEnum = strawberry.enum(Region, name="Region", description="Sales region.")
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
