"""A partner's standing against its programs' requirements: the statement returns the
rows, this module decides which tiers bind the partner, what is met and the rates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from graph_api.context import RequestContext
from graph_api.enablement import statements as q
from graph_api.enablement.types import (
    CourseNeed,
    EnablementStatus,
    ExpiringCertification,
    NamedRef,
    RequirementStatus,
)
from graph_api.values import as_enum, plain
from graph_api.vocabulary import CourseKind, PartnerTier

MAX_WINDOW_DAYS = 3660
# Tiers from the lowest up: a requirement binds partners of its tier and above.
TIER_RANK = {tier.value: rank for rank, tier in enumerate(PartnerTier)}


def applies(requirement_tier: str | None, partner_tier: str | None) -> bool:
    """A requirement binds a partner whose tier is the requirement's or higher."""
    if requirement_tier not in TIER_RANK or partner_tier not in TIER_RANK:
        return False
    return TIER_RANK[partner_tier] >= TIER_RANK[requirement_tier]


def _ref(row: dict[str, Any]) -> NamedRef:
    return NamedRef(id=strawberry.ID(str(row["id"])), name=row.get("name"))


def build_status(row: dict[str, Any], as_of: dt.date) -> EnablementStatus:
    partner_tier = row["partner"].get("tier")
    statuses = []
    for r in row["requirements"]:
        required, held = int(r["contacts"] or 0), int(r["held"])
        statuses.append(
            RequirementStatus(
                requirement_id=strawberry.ID(str(r["id"])),
                program=_ref(r["program"]),
                tier=as_enum(PartnerTier, r["tier"]),
                course=_ref(r["course"]),
                course_kind=as_enum(CourseKind, r["course"].get("kind")),
                required=required,
                held=held,
                missing=max(0, required - held),
                met=held >= required,
                applies=applies(r["tier"], partner_tier),
            )
        )
    binding = [s for s in statuses if s.applies]
    needs: dict[str, CourseNeed] = {}
    for s in binding:
        if s.missing:
            key = str(s.course.id)
            known = needs.get(key)
            if known is None or known.contacts < s.missing:
                needs[key] = CourseNeed(
                    course=s.course, course_kind=s.course_kind, contacts=s.missing
                )
    asked = sum(s.required for s in binding)
    expiring = []
    for e in row["expiring"]:
        expires = plain(e["expiresDate"])
        expiring.append(
            ExpiringCertification(
                contact=NamedRef(id=strawberry.ID(str(e["contactId"])), name=e["contactName"]),
                course=NamedRef(id=strawberry.ID(str(e["courseId"])), name=e["courseName"]),
                issued_date=plain(e["issuedDate"]),
                expires_date=expires,
                days_left=(expires - as_of).days,
            )
        )
    return EnablementStatus(
        partner_id=strawberry.ID(str(row["partner"]["id"])),
        tier=as_enum(PartnerTier, partner_tier),
        as_of=as_of,
        requirements=statuses,
        met=all(s.met for s in binding),
        training_needed=[needs[k] for k in sorted(needs)],
        expiring=expiring,
        completion_rate=(
            round(sum(min(s.held, s.required) for s in binding) / asked, 4) if asked else None
        ),
        contacts=int(row["contacts"]),
        completions=int(row["completions"]),
        certifications=int(row["certifications"]),
    )


async def enablement_status(
    ctx: RequestContext, partner_id: str, as_of: dt.date, within_days: int
) -> EnablementStatus | None:
    """The partner's status on ``as_of``; None when it does not exist or is out of scope."""
    until = as_of + dt.timedelta(days=within_days)
    row = await ctx.store.read_one(
        q.ENABLEMENT_STATUS, partnerId=partner_id, scope=ctx.scope, asOf=as_of, until=until
    )
    return None if row is None else build_status(row, as_of)
