"""Enablement reads: the course catalogue, requirements, completions, certifications,
and a partner's enablement status."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import strawberry

from graph_api.enablement import statements as q
from graph_api.enablement.status import MAX_WINDOW_DAYS, enablement_status
from graph_api.enablement.types import (
    Certification,
    Completion,
    Course,
    EnablementStatus,
    Requirement,
)
from graph_api.intelligence.common import check_count, check_id
from graph_api.pagination import Connection
from graph_api.reading import After, First, GqlInfo, load_node, top_page
from graph_api.selection import list_selection
from graph_api.values import enum_value
from graph_api.vocabulary import CourseKind, PartnerTier

PartnerFilter = Annotated[
    strawberry.ID | None, strawberry.argument(description="Only this partner's contacts.")
]
ContactFilter = Annotated[
    strawberry.ID | None, strawberry.argument(description="Only this contact.")
]
CourseFilter = Annotated[strawberry.ID | None, strawberry.argument(description="Only this course.")]


def _id(value: strawberry.ID | None, argument: str) -> str | None:
    return None if value is None else check_id(value, argument)


def _holders(
    partner_id: strawberry.ID | None,
    contact_id: strawberry.ID | None,
    course_id: strawberry.ID | None,
) -> dict[str, Any]:
    """The filters completions and certifications share, checked."""
    return {
        "partnerId": _id(partner_id, "partnerId"),
        "contactId": _id(contact_id, "contactId"),
        "courseId": _id(course_id, "courseId"),
    }


@strawberry.type
class EnablementQuery:
    @strawberry.field(description="One course by id, or null when it does not exist.")
    async def course(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The course's id.")],
    ) -> Course | None:
        return await load_node(info.context, q.COURSE_BY_IDS, id, Course.from_record)

    @strawberry.field(description="The course catalogue, by name.")
    async def courses(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        kind: Annotated[
            CourseKind | None, strawberry.argument(description="Only courses of this kind.")
        ] = None,
    ) -> Connection[Course]:
        return await top_page(
            info.context,
            q.COURSE_PAGE,
            first,
            after,
            Course.from_record,
            list_selection(info),
            kind=enum_value(kind),
        )

    @strawberry.field(description="One requirement by id, or null when missing or hidden.")
    async def requirement(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The requirement's id.")],
    ) -> Requirement | None:
        return await load_node(info.context, q.REQUIREMENT_BY_IDS, id, Requirement.from_record)

    @strawberry.field(
        description="Program requirements (of the programs you may see), by program, tier "
        "and course."
    )
    async def requirements(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        program_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this program's.")
        ] = None,
        course_id: CourseFilter = None,
        tier: Annotated[
            PartnerTier | None, strawberry.argument(description="Only this tier's.")
        ] = None,
    ) -> Connection[Requirement]:
        return await top_page(
            info.context,
            q.REQUIREMENT_PAGE,
            first,
            after,
            Requirement.from_record,
            list_selection(info),
            programId=_id(program_id, "programId"),
            courseId=_id(course_id, "courseId"),
            tier=enum_value(tier),
        )

    @strawberry.field(
        description="Courses completed by the contacts of partners you may see, newest first."
    )
    async def completions(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        partner_id: PartnerFilter = None,
        contact_id: ContactFilter = None,
        course_id: CourseFilter = None,
    ) -> Connection[Completion]:
        return await top_page(
            info.context,
            q.COMPLETION_PAGE,
            first,
            after,
            Completion.from_record,
            list_selection(info),
            **_holders(partner_id, contact_id, course_id),
        )

    @strawberry.field(
        description="Certifications held by the contacts of partners you may see, soonest "
        "expiry first."
    )
    async def certifications(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        partner_id: PartnerFilter = None,
        contact_id: ContactFilter = None,
        course_id: CourseFilter = None,
        expires_by: Annotated[
            dt.date | None,
            strawberry.argument(description="Only those expiring on or before this day."),
        ] = None,
    ) -> Connection[Certification]:
        return await top_page(
            info.context,
            q.CERTIFICATION_PAGE,
            first,
            after,
            Certification.from_record,
            list_selection(info),
            **_holders(partner_id, contact_id, course_id),
            expiresBy=expires_by,
        )

    @strawberry.field(
        description="A partner's enablement on one day: each requirement of its programs met "
        "or not, the training still needed, certifications expiring soon, and the "
        "completion rate. Null when the partner does not exist or is out of your scope."
    )
    async def enablement_status(
        self,
        info: GqlInfo,
        partner_id: Annotated[strawberry.ID, strawberry.argument(description="The partner.")],
        as_of: Annotated[
            dt.date | None, strawberry.argument(description="The day; default today (UTC).")
        ] = None,
        within_days: Annotated[
            int,
            strawberry.argument(
                description=f"Expiry window in days after asOf (0 to {MAX_WINDOW_DAYS})."
            ),
        ] = 90,
    ) -> EnablementStatus | None:
        key = check_id(partner_id, "partnerId")
        window = check_count(within_days, "withinDays", MAX_WINDOW_DAYS, minimum=0)
        day = as_of if as_of is not None else dt.datetime.now(dt.UTC).date()
        return await enablement_status(info.context, key, day, window)
