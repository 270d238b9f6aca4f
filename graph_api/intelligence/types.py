"""Result types of the relationship-intelligence fields.

The small ``*Ref`` types carry just enough of an entity (id and name, plus a
few keys) to label a chart or link to the entity's own query; they are built
from the one query result, so they never cost another round trip.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.reading import GqlInfo
from graph_api.values import as_date, as_datetime, plain

if TYPE_CHECKING:
    from graph_api.channel.types import ChannelFigures
    from graph_api.enablement.types import EnablementStatus

# Certifications expiring this many days after a dashboard's period are flagged.
EXPIRY_WINDOW_DAYS = 90


@strawberry.enum(description="How a deal's amount is split between its credited partnerships.")
class AttributionModel(Enum):
    EVEN = strawberry.enum_value(
        "even", description="Every credited partnership gets an equal part."
    )
    ROLE_WEIGHTED = strawberry.enum_value(
        "role_weighted",
        description="Parts proportional to role weights (default sourced 0.4, referred 0.3, "
        "delivered 0.2, influenced 0.1; override with GRAPH_API_ROLE_WEIGHTS).",
    )
    FIRST_TOUCH = strawberry.enum_value(
        "first_touch", description="All to the earliest attribution (ties: smaller partnership id)."
    )
    LAST_TOUCH = strawberry.enum_value(
        "last_touch", description="All to the latest attribution (ties: smaller partnership id)."
    )
    DECLARED = strawberry.enum_value(
        "declared", description="Parts proportional to the recorded shares (missing share = 0)."
    )
    TIME_DECAY = strawberry.enum_value(
        "time_decay",
        description="Weight halves for every half-life (default 30 days, "
        "GRAPH_API_TIME_DECAY_HALF_LIFE_DAYS) between the touch and the deal's close date.",
    )


@strawberry.enum(description="Which kind of route a partner takes to a deal.")
class AttributionPathKind(Enum):
    ATTRIBUTION = strawberry.enum_value(
        "ATTRIBUTION", description="Partner → partnership → deal, via ATTRIBUTED."
    )
    REGISTRATION = strawberry.enum_value(
        "REGISTRATION", description="Partner → partnership → deal, via REGISTERED."
    )
    LEAD_REFERRAL = strawberry.enum_value(
        "LEAD_REFERRAL", description="Partner → partnership ← referred lead → converted deal."
    )
    DISTRIBUTION = strawberry.enum_value(
        "DISTRIBUTION",
        description="A credited partner → the distributors it resells for, up to the top one.",
    )


@strawberry.enum(description="How two customer accounts were matched.")
class MatchKind(Enum):
    NODE = strawberry.enum_value("NODE", description="The same customer node.")
    DOMAIN = strawberry.enum_value(
        "DOMAIN", description="Different nodes with the same normalized domain."
    )


@strawberry.type(description="A partner, reduced to what a result needs to show it.")
class PartnerRef:
    id: strawberry.ID = strawberry.field(description="Stable id of the partner.")
    name: str | None = strawberry.field(description="Display name.")
    kind: str | None = strawberry.field(description="Partner kind, e.g. reseller.")
    tier: str | None = strawberry.field(description="Partner tier, e.g. gold.")
    region: str | None = strawberry.field(description="Sales region, e.g. EMEA.")

    @classmethod
    def of(cls, row: dict[str, Any]) -> PartnerRef:
        return cls(
            id=strawberry.ID(str(row["id"])),
            name=row.get("name"),
            kind=row.get("kind"),
            tier=row.get("tier"),
            region=row.get("region"),
        )

    @classmethod
    def maybe(cls, row: dict[str, Any] | None) -> PartnerRef | None:
        return cls.of(row) if row and row.get("id") is not None else None


@strawberry.type(description="An end customer's account, reduced to id, name and domain.")
class CustomerRef:
    id: strawberry.ID = strawberry.field(description="Stable id of the customer.")
    name: str | None = strawberry.field(description="Display name.")
    domain: str | None = strawberry.field(description="Normalized web domain.")

    @classmethod
    def maybe(cls, row: dict[str, Any] | None) -> CustomerRef | None:
        if not row or row.get("id") is None:
            return None
        return cls(id=strawberry.ID(str(row["id"])), name=row.get("name"), domain=row.get("domain"))


@strawberry.type(description="A deal, reduced to the keys a result shows.")
class DealRef:
    id: strawberry.ID = strawberry.field(description="Stable id of the deal.")
    name: str | None = strawberry.field(description="Display name.")
    amount: float | None = strawberry.field(description="Deal value.")
    currency: str | None = strawberry.field(description="ISO currency code of the amount.")
    stage: str | None = strawberry.field(description="Stage, e.g. won (closed won).")
    close_date: dt.date | None = strawberry.field(description="Close date (closed deals).")

    @classmethod
    def of(cls, row: dict[str, Any]) -> DealRef:
        amount = row.get("amount")
        return cls(
            id=strawberry.ID(str(row["id"])),
            name=row.get("name"),
            amount=float(amount) if amount is not None else None,
            currency=row.get("currency"),
            stage=row.get("stage"),
            close_date=as_date(row.get("closeDate")),
        )

    @classmethod
    def maybe(cls, row: dict[str, Any] | None) -> DealRef | None:
        return cls.of(row) if row and row.get("id") is not None else None


@strawberry.type(description="One property of a node or edge, as text.")
class GraphProperty:
    key: str = strawberry.field(description="Property name.")
    value: str = strawberry.field(description="Property value as text (dates in ISO 8601).")


def properties(row: dict[str, Any] | None, keys: tuple[str, ...]) -> list[GraphProperty]:
    """The allowlisted ``keys`` present in ``row``, in the given order."""
    if not row:
        return []
    out = []
    for key in keys:
        value = plain(row.get(key))
        if value is None:
            continue
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        out.append(GraphProperty(key=key, value=text))
    return out


NODE_KEYS: dict[str, tuple[str, ...]] = {
    "Partner": ("kind", "tier", "region", "domain"),
    "Program": ("commissionType", "commissionRate", "flatAmount", "currency"),
    "Partnership": ("status", "level", "startDate", "endDate"),
    "Customer": ("domain", "industry", "region", "size"),
    "Contact": ("title",),
    "Lead": ("status", "createdDate", "convertedDate"),
    "Deal": ("amount", "currency", "stage", "closeDate"),
    "Goal": ("metric", "target", "periodStart", "periodEnd"),
}
EDGE_KEYS = ("role", "share", "at", "status", "expiresAt", "since", "level")


@strawberry.type(description="A node of a path or subgraph, ready for a visualization library.")
class GraphNode:
    id: strawberry.ID = strawberry.field(description="The entity's stable id.")
    label: str = strawberry.field(description="Node label, e.g. Partner or Deal.")
    title: str = strawberry.field(description="Display title: the name, else the id.")
    properties: list[GraphProperty] = strawberry.field(
        description="Key properties of this label (e.g. a deal's amount and stage)."
    )

    @classmethod
    def of(cls, row: dict[str, Any]) -> GraphNode:
        label = str(row.get("label") or "")
        props = row.get("props") or {}
        return cls(
            id=strawberry.ID(str(row["id"])),
            label=label,
            title=str(row.get("title") or row["id"]),
            properties=properties(props, NODE_KEYS.get(label, ())),
        )


@strawberry.type(description="A directed edge between two nodes, by their ids.")
class GraphEdge:
    source: strawberry.ID = strawberry.field(description="Id of the start node.")
    target: strawberry.ID = strawberry.field(description="Id of the end node.")
    type: str = strawberry.field(description="Relationship type, e.g. ATTRIBUTED.")
    properties: list[GraphProperty] = strawberry.field(
        description="Relationship properties (role, share, at, status, expiresAt, since, level)."
    )

    @classmethod
    def of(cls, row: dict[str, Any]) -> GraphEdge:
        return cls(
            source=strawberry.ID(str(row["source"])),
            target=strawberry.ID(str(row["target"])),
            type=str(row["type"]),
            properties=properties(row.get("props"), EDGE_KEYS),
        )


@strawberry.type(description="An ordered path: nodes[i] and nodes[i+1] are joined by edges[i].")
class GraphPath:
    nodes: list[GraphNode] = strawberry.field(description="Nodes in path order.")
    edges: list[GraphEdge] = strawberry.field(description="Edges in path order.")

    @classmethod
    def of(cls, nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> GraphPath:
        return cls(nodes=[GraphNode.of(n) for n in nodes], edges=[GraphEdge.of(e) for e in edges])


# --- co-selling -------------------------------------------------------------


@strawberry.type(
    description="Two partners credited on the same deals. score = sharedDeals + "
    "sharedWonDeals; ties go to the larger sharedWonValue, then to the smaller partner ids."
)
class CoSellingPair:
    partner: PartnerRef = strawberry.field(
        description="The first partner (the requested one, or the smaller id)."
    )
    other_partner: PartnerRef = strawberry.field(description="The second partner.")
    shared_deals: int = strawberry.field(description="Deals both are credited on.")
    shared_won_deals: int = strawberry.field(description="Of those, deals in stage won.")
    shared_closed_deals: int = strawberry.field(description="Of those, deals won or lost.")
    shared_won_value: float = strawberry.field(description="Sum of the won shared deals' amounts.")
    shared_win_rate: float | None = strawberry.field(
        description="sharedWonDeals / sharedClosedDeals; null with no closed shared deal."
    )
    shared_customers: int | None = strawberry.field(
        description="Customers both SERVE or both are credited on deals for; null when "
        "either partner is outside the caller's scope."
    )
    partner_win_rate: float | None = strawberry.field(
        description="The first partner's overall win rate (won / won+lost over all its "
        "credited deals); null with no closed deal or outside the caller's scope."
    )
    other_partner_win_rate: float | None = strawberry.field(
        description="The second partner's overall win rate, as for partnerWinRate."
    )
    score: int = strawberry.field(description="Ranking score: sharedDeals + sharedWonDeals.")


@strawberry.type(
    description="A partner to co-sell with. score = 3 x sharedCustomers + 2 if the kinds "
    "differ + 1 if the regions match + the candidate's win rate (0..1); ties go to the "
    "smaller id."
)
class CoSellRecommendation:
    partner: PartnerRef = strawberry.field(description="The recommended partner.")
    shared_customers: int = strawberry.field(description="Customers both partners SERVE.")
    complementary_kind: bool = strawberry.field(description="The two partners' kinds differ.")
    same_region: bool = strawberry.field(description="The two partners work the same region.")
    win_rate: float | None = strawberry.field(
        description="The candidate's overall win rate; null with no closed deal."
    )
    consent: str | None = strawberry.field(
        description="SHARES_WITH level the candidate grants the partner (counts, overlaps, "
        "full), or null. Partner-scoped callers only see candidates that granted one."
    )
    score: float = strawberry.field(description="The ranking score (see the type).")
    path: GraphPath | None = strawberry.field(
        description="partner -SERVES-> shared customer <-SERVES- candidate (smallest "
        "customer id); null for scoped callers unless consent is overlaps or full."
    )


# --- attribution ------------------------------------------------------------


@strawberry.type(description="One route by which a partner reaches a deal.")
class AttributionPath:
    kind: AttributionPathKind = strawberry.field(description="What kind of route this is.")
    nodes: list[GraphNode] = strawberry.field(description="Nodes in path order.")
    edges: list[GraphEdge] = strawberry.field(description="Edges in path order.")


@strawberry.type(description="Every route by which partners reach one deal.")
class AttributionPaths:
    deal: DealRef = strawberry.field(description="The deal.")
    paths: list[AttributionPath] = strawberry.field(
        description="Ordered by kind (ATTRIBUTION, REGISTRATION, LEAD_REFERRAL, DISTRIBUTION), "
        "then by node ids. Scoped callers see routes that start at partners in their scope."
    )


@strawberry.type(description="One credited partnership's part of a deal under a model.")
class CreditLine:
    partnership_id: strawberry.ID = strawberry.field(description="The credited partnership.")
    partner: PartnerRef = strawberry.field(description="The partner holding it.")
    role: str | None = strawberry.field(description="Attribution role, e.g. sourced.")
    attributed_at: dt.datetime | None = strawberry.field(description="When credit was recorded.")
    declared_share: float | None = strawberry.field(description="The recorded share (0..1).")
    weight: float = strawberry.field(description="This line's fraction of the deal (0..1).")
    amount: float = strawberry.field(
        description="Credited amount in cents precision; all lines add up to the deal amount."
    )


@strawberry.type(description="A deal's amount split between its credited partnerships.")
class DealCredit:
    deal: DealRef = strawberry.field(description="The deal.")
    model: AttributionModel = strawberry.field(description="The model used.")
    amount: float = strawberry.field(description="The deal amount, rounded to cents.")
    lines: list[CreditLine] = strawberry.field(
        description="Credit per partnership, ordered by partnership id; for scoped callers "
        "only the partnerships in scope."
    )
    other_credit_amount: float = strawberry.field(
        description="Credit of partnerships outside the caller's scope (0 when unrestricted)."
    )
    unattributed_amount: float = strawberry.field(
        description="The whole amount when nothing is credited, else 0; so lines + "
        "otherCreditAmount + unattributedAmount = amount exactly."
    )


@strawberry.type(description="One partner's credited won value under every model.")
class PartnerModelCredit:
    partner: PartnerRef = strawberry.field(description="The partner.")
    even: float = strawberry.field(description="Credit under EVEN.")
    role_weighted: float = strawberry.field(description="Credit under ROLE_WEIGHTED.")
    first_touch: float = strawberry.field(description="Credit under FIRST_TOUCH.")
    last_touch: float = strawberry.field(description="Credit under LAST_TOUCH.")
    declared: float = strawberry.field(description="Credit under DECLARED.")
    time_decay: float = strawberry.field(description="Credit under TIME_DECAY.")
    spread: float = strawberry.field(
        description="Largest minus smallest of the six: how much the model choice matters."
    )


@strawberry.type(description="Credited won value per partner under every model, side by side.")
class AttributionComparison:
    from_: dt.date = strawberry.field(name="from", description="First close date (inclusive).")
    to: dt.date = strawberry.field(description="Last close date (inclusive).")
    won_deals: int = strawberry.field(description="Won deals closed in the period (in scope).")
    won_value: float = strawberry.field(description="Their total amount.")
    unattributed_value: float = strawberry.field(
        description="Amount of those won deals that no partnership is credited on."
    )
    partners: list[PartnerModelCredit] = strawberry.field(
        description="Ordered by DECLARED credit descending, ties by partner id; at most `first`."
    )


# --- earnings ---------------------------------------------------------------


@strawberry.type(description="A program's commission terms.")
class ProgramTerms:
    id: strawberry.ID = strawberry.field(description="Stable id of the program.")
    name: str | None = strawberry.field(description="Program name.")
    commission_type: str | None = strawberry.field(description="percent_of_deal or per_lead.")
    commission_rate: float | None = strawberry.field(
        description="Fraction of credited won value (percent programs)."
    )
    flat_amount: float | None = strawberry.field(
        description="Amount per converted lead (per-lead programs)."
    )
    currency: str | None = strawberry.field(description="Currency of the flat amount.")


@strawberry.type(description="One item a commission is computed from.")
class EarningLine:
    deal: DealRef | None = strawberry.field(
        description="The won deal (percent programs) or the deal the lead converted to."
    )
    lead_id: strawberry.ID | None = strawberry.field(description="The converted lead (per-lead).")
    date: dt.date | None = strawberry.field(
        description="Close date (percent) or conversion date (per-lead)."
    )
    basis: float = strawberry.field(
        description="Credited value under DECLARED (percent) or 1 lead (per-lead)."
    )
    rate: float = strawberry.field(description="Commission rate, or flat amount per lead.")
    amount: float = strawberry.field(description="basis x rate, rounded half-up to cents.")


@strawberry.type(description="Commission owed under one partnership's program.")
class PartnershipEarnings:
    partnership_id: strawberry.ID = strawberry.field(description="The partnership.")
    program: ProgramTerms | None = strawberry.field(description="Its program's terms.")
    amount: float = strawberry.field(description="Sum of the line amounts.")
    lines: list[EarningLine] = strawberry.field(description="Line items, by date then id.")


@strawberry.type(description="Commissions a partner is owed for a period.")
class PartnerEarnings:
    partner: PartnerRef = strawberry.field(description="The partner.")
    from_: dt.date = strawberry.field(name="from", description="Period start (inclusive).")
    to: dt.date = strawberry.field(description="Period end (inclusive).")
    total: float = strawberry.field(description="Sum over all partnerships.")
    partnerships: list[PartnershipEarnings] = strawberry.field(
        description="One entry per partnership, by partnership id."
    )


# --- overlap ----------------------------------------------------------------


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


# --- paths ------------------------------------------------------------------


@strawberry.type(description="The shortest relationship path between two entities.")
class ConnectionPath:
    length: int = strawberry.field(description="Number of edges.")
    nodes: list[GraphNode] = strawberry.field(description="Nodes from the start to the end.")
    edges: list[GraphEdge] = strawberry.field(description="Edges in path order.")


# --- registrations ----------------------------------------------------------


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


# --- dashboard --------------------------------------------------------------


@strawberry.type(description="Deals of one stage.")
class StageBucket:
    stage: str = strawberry.field(description="Deal stage.")
    count: int = strawberry.field(description="Number of deals.")
    value: float = strawberry.field(description="Sum of their amounts.")


@strawberry.type(description="Progress against one goal over the goal's own period.")
class GoalProgress:
    goal_id: strawberry.ID = strawberry.field(description="The goal.")
    metric: str = strawberry.field(description="What it measures.")
    target: float = strawberry.field(description="Target value.")
    actual: float = strawberry.field(description="Value reached in [periodStart, periodEnd].")
    progress: float | None = strawberry.field(description="actual / target; null when target 0.")
    period_start: dt.date | None = strawberry.field(description="Goal period start (inclusive).")
    period_end: dt.date | None = strawberry.field(description="Goal period end (inclusive).")


@strawberry.type(description="Where a partner stands among partners of the same tier.")
class PeerBenchmark:
    tier: str | None = strawberry.field(description="The tier compared within.")
    peers: int = strawberry.field(description="Other partners of that tier.")
    won_value_percentile: float | None = strawberry.field(
        description="Percent of peers with a strictly smaller won value; null with no peers."
    )
    win_rate_percentile: float | None = strawberry.field(
        description="Percent of peers with a win rate strictly below this one's, among peers "
        "with a closed deal; null when either side has none."
    )


@strawberry.type(description="A partner credited on the same deals (all time).")
class CoSeller:
    partner: PartnerRef = strawberry.field(description="The co-selling partner.")
    shared_deals: int = strawberry.field(description="Deals both are credited on.")


@strawberry.type(description="Results of one partner below a distributor, in the period.")
class RollupChild:
    partner: PartnerRef = strawberry.field(description="The partner below.")
    parent_id: strawberry.ID | None = strawberry.field(description="Whom it resells for directly.")
    depth: int = strawberry.field(description="Levels below the distributor (1 = direct).")
    won_value: float = strawberry.field(description="Won value closed in the period.")
    won_deals: int = strawberry.field(description="Won deals closed in the period.")
    closed_deals: int = strawberry.field(description="Won or lost deals closed in the period.")


@strawberry.type(description="A distributor's roll-up of every partner below it.")
class DistributorRollup:
    partners: int = strawberry.field(description="Partners below it, at any depth.")
    won_value: float = strawberry.field(description="Their won value in the period.")
    won_deals: int = strawberry.field(description="Their won deals in the period.")
    closed_deals: int = strawberry.field(description="Their closed deals in the period.")
    children: list[RollupChild] = strawberry.field(description="Per partner, by depth then id.")


@strawberry.type(description="One partner's results for a period (bounds inclusive).")
class PartnerDashboard:
    partner: PartnerRef = strawberry.field(description="The partner.")
    from_: dt.date = strawberry.field(name="from", description="Period start (inclusive).")
    to: dt.date = strawberry.field(description="Period end (inclusive).")
    registered_deals: int = strawberry.field(
        description="Deals its partnerships registered with a registration date in the period."
    )
    pipeline: list[StageBucket] = strawberry.field(
        description="Credited deals created in the period that are still open, by stage "
        "(alphabetical); won and lost deals are outcomes, not pipeline."
    )
    outcomes: list[StageBucket] = strawberry.field(
        description="Credited deals closed in the period, by outcome: lost, then won "
        "(the won bucket is wonDeals and wonValue); outcomes with no deals are left out."
    )
    won_value: float = strawberry.field(description="Credited won deals closed in the period.")
    won_deals: int = strawberry.field(description="Number of those deals.")
    win_rate: float | None = strawberry.field(
        description="won / (won + lost) over credited deals closed in the period."
    )
    leads: int = strawberry.field(description="Leads it referred, created in the period.")
    converted_leads: int = strawberry.field(description="Of those, leads converted to a deal.")
    lead_conversion_rate: float | None = strawberry.field(
        description="convertedLeads / leads; null with no leads."
    )
    attributed_revenue: float = strawberry.field(
        description="Its DECLARED credit on won deals closed in the period."
    )
    earnings: float = strawberry.field(description="Commission total, as partnerEarnings.")
    goals: list[GoalProgress] = strawberry.field(
        description="Goals whose period overlaps this one, by period start then id."
    )
    peer_benchmark: PeerBenchmark = strawberry.field(description="Standing within its tier.")
    co_sellers: list[CoSeller] = strawberry.field(
        description="Top 5 co-selling partners by shared deals, ties by id."
    )
    rollup: DistributorRollup | None = strawberry.field(
        description="For a partner others resell for: the roll-up below it; else null."
    )

    @strawberry.field(
        description="Enablement on the period's last day: requirements met per program and "
        f"tier, training still needed, certifications expiring within {EXPIRY_WINDOW_DAYS} "
        "days after it, completion rate (as enablementStatus). Read only when selected."
    )
    async def enablement(
        self, info: GqlInfo
    ) -> Annotated[EnablementStatus, strawberry.lazy("graph_api.enablement.types")] | None:
        from graph_api.enablement.status import enablement_status

        return await enablement_status(
            info.context, str(self.partner.id), self.to, EXPIRY_WINDOW_DAYS
        )

    @strawberry.field(
        description="The manufacturer's channel through this partner in the period: orders "
        "and their monthly trend, stock below its reorder point, warranty claims by status "
        "and the claim rate per product family. Read only when selected."
    )
    async def channel(
        self, info: GqlInfo
    ) -> Annotated[ChannelFigures, strawberry.lazy("graph_api.channel.types")] | None:
        from graph_api.channel.figures import channel_figures

        return await channel_figures(info.context, str(self.partner.id), self.from_, self.to)


# --- health -----------------------------------------------------------------


@strawberry.type(
    description="Ecosystem health. score = 100 x (0.25 activeShare + 0.25 sourcedShare + "
    "0.20 (1 - top5Share) + 0.15 growthScore + 0.15 coSellingDensity), one decimal."
)
class HealthScore:
    segment: str = strawberry.field(description="all, or the region / tier value.")
    score: float = strawberry.field(description="0-100, see the type description.")
    partners: int = strawberry.field(description="Partners in the segment.")
    active_partners: int = strawberry.field(
        description="Partners credited on a deal created or closed in the period."
    )
    active_share: float = strawberry.field(description="activePartners / partners (0 if none).")
    won_value: float = strawberry.field(
        description="Won value closed in the period on deals credited to a partner of the "
        "segment (overall: to any partner)."
    )
    sourced_share: float = strawberry.field(
        description="Share of the period's won value credited to a partner of the segment."
    )
    top5_share: float = strawberry.field(
        description="Share of partner-credited won value held by the segment's top 5 partners "
        "(a deal counts fully for each credited partner)."
    )
    growth: float | None = strawberry.field(
        description="Change of wonValue against the previous period of equal length; null "
        "when that was 0."
    )
    growth_score: float = strawberry.field(
        description="clamp(0.5 + growth / 2, 0, 1); 1 when the previous period was 0 and "
        "this one is not, 0.5 when both are 0."
    )
    co_selling_density: float = strawberry.field(
        description="Share of active partners credited on a deal of the period together "
        "with another partner."
    )


@strawberry.type(description="A region or industry with customers or pipeline but few partners.")
class CoverageGap:
    dimension: str = strawberry.field(description="region or industry.")
    value: str = strawberry.field(description="The region or industry.")
    customers: int = strawberry.field(description="Customers there.")
    open_pipeline: float = strawberry.field(
        description="Amount of the open deals there that were created in the period."
    )
    active_partners: int = strawberry.field(
        description="Active partners credited on the period's deals there."
    )


@strawberry.type(description="Health of the ecosystem (or the caller's slice) for a period.")
class EcosystemHealth:
    from_: dt.date = strawberry.field(name="from", description="Period start (inclusive).")
    to: dt.date = strawberry.field(description="Period end (inclusive).")
    overall: HealthScore = strawberry.field(description="The whole ecosystem.")
    by_region: list[HealthScore] = strawberry.field(description="Per partner region.")
    by_tier: list[HealthScore] = strawberry.field(description="Per partner tier.")
    coverage_gaps: list[CoverageGap] = strawberry.field(
        description="Segments with customers or open pipeline and fewer than 2 active "
        "partners, or more than 100 customers per active partner; most customers first."
    )


# --- views ------------------------------------------------------------------


@strawberry.type(description="A capped subgraph around one entity, for a visualization.")
class RelationshipView:
    root_id: strawberry.ID = strawberry.field(description="The entity the view starts at.")
    depth: int = strawberry.field(description="Hops walked from the root.")
    nodes: list[GraphNode] = strawberry.field(
        description="Root first, then by hop distance and id; at most `limit`."
    )
    edges: list[GraphEdge] = strawberry.field(
        description="Relationships of the allowed types between the returned nodes."
    )
    truncated: bool = strawberry.field(
        description="True when more nodes were reachable than `limit` allowed."
    )


def dt_or_none(value: Any) -> dt.datetime | None:
    return as_datetime(value)
