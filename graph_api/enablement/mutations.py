"""Enablement writes, through the shared write path: validated, idempotent, recorded in
the change log (and so in the change feed) like every other entity."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import strawberry

from graph_api.enablement import statements as q
from graph_api.enablement.types import Certification, Completion, Course, Requirement
from graph_api.reading import GqlInfo
from graph_api.values import as_date
from graph_api.vocabulary import CourseKind, PartnerTier
from graph_api.writing import (
    DeleteInput,
    DeleteResult,
    UnlinkResult,
    WriteError,
    delete_record,
    input_data,
    payload,
    unlink_record,
    upsert_record,
    write_record,
)

_UNSET = strawberry.UNSET
_SOURCE_SYSTEM = "System the record comes from."
_EXTERNAL_ID = "The record's id in sourceSystem."


@strawberry.input(
    description="A course to create or update; omitted fields keep their stored values. "
    "name and kind are required when creating."
)
class CourseInput:
    id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="Id to create or update; generated when omitted."
    )
    name: str | None = strawberry.field(default=_UNSET, description="Display name.")
    kind: CourseKind | None = strawberry.field(
        default=_UNSET, description="Training or certification."
    )
    validity_days: int | None = strawberry.field(
        default=_UNSET, description="Certifications: days a certification stays valid."
    )
    source_system: str | None = strawberry.field(default=_UNSET, description=_SOURCE_SYSTEM)
    external_id: str | None = strawberry.field(default=_UNSET, description=_EXTERNAL_ID)


@strawberry.input(
    description="A program requirement to create or update: at `tier`, `contacts` "
    "contacts must hold `courseId`. All four are required when creating."
)
class RequirementInput:
    id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="Id to create or update; generated when omitted."
    )
    program_id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="The program stating it."
    )
    course_id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="The course to hold."
    )
    tier: PartnerTier | None = strawberry.field(
        default=_UNSET, description="The tier it applies to (and the tiers above)."
    )
    contacts: int | None = strawberry.field(
        default=_UNSET, description="How many contacts must hold the course; not negative."
    )
    source_system: str | None = strawberry.field(default=_UNSET, description=_SOURCE_SYSTEM)
    external_id: str | None = strawberry.field(default=_UNSET, description=_EXTERNAL_ID)


@strawberry.input(description="A contact works for a partner (WORKS_FOR).")
class ContactEmployerInput:
    contact_id: strawberry.ID = strawberry.field(description="The contact.")
    partner_id: strawberry.ID = strawberry.field(description="The partner.")
    since: date | None = strawberry.field(default=_UNSET, description="Since when.")


@strawberry.input(description="A contact and a partner, to unlink.")
class RemoveContactEmployerInput:
    contact_id: strawberry.ID = strawberry.field(description="The contact.")
    partner_id: strawberry.ID = strawberry.field(description="The partner.")


@strawberry.input(description="A contact completed a course; again for the same pair updates it.")
class CompletionInput:
    contact_id: strawberry.ID = strawberry.field(description="The contact.")
    course_id: strawberry.ID = strawberry.field(description="The course.")
    completed_date: date | None = strawberry.field(
        default=_UNSET, description="When; required the first time."
    )
    score: float | None = strawberry.field(default=_UNSET, description="Score, 0 to 100.")


@strawberry.input(
    description="A contact holds a certification; again for the same pair updates it. "
    "Without expiresDate, a new one expires the course's validityDays after issuedDate."
)
class CertificationInput:
    contact_id: strawberry.ID = strawberry.field(description="The contact.")
    course_id: strawberry.ID = strawberry.field(description="A certification course.")
    issued_date: date | None = strawberry.field(
        default=_UNSET, description="When it was issued; required the first time."
    )
    expires_date: date | None = strawberry.field(
        default=_UNSET, description="Last valid day; not before issuedDate."
    )


@strawberry.input(description="A contact and a course, to unlink.")
class ContactCourseInput:
    contact_id: strawberry.ID = strawberry.field(description="The contact.")
    course_id: strawberry.ID = strawberry.field(description="The course.")


@strawberry.type(description="The course as stored after the write.")
class CoursePayload:
    course: Course = strawberry.field(description="The written course.")


@strawberry.type(description="The requirement as stored after the write.")
class RequirementPayload:
    requirement: Requirement = strawberry.field(description="The written requirement.")


@strawberry.type(description="The contact's employer link as stored after the write.")
class ContactEmployerPayload:
    contact_id: strawberry.ID = strawberry.field(description="The contact.")
    partner_id: strawberry.ID = strawberry.field(description="The partner.")
    since: date | None = strawberry.field(description="Since when.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> ContactEmployerPayload:
        return cls(
            contact_id=strawberry.ID(str(row["contactId"])),
            partner_id=strawberry.ID(str(row["partnerId"])),
            since=as_date(row.get("since")),
        )


@strawberry.type(description="The completion as stored after the write.")
class CompletionPayload:
    completion: Completion = strawberry.field(description="The written completion.")


@strawberry.type(description="The certification as stored after the write.")
class CertificationPayload:
    certification: Certification = strawberry.field(description="The written certification.")


CourseResult = Annotated[
    CoursePayload | WriteError,
    strawberry.union("CourseResult", description="The course, or why nothing changed."),
]
RequirementResult = Annotated[
    RequirementPayload | WriteError,
    strawberry.union("RequirementResult", description="The requirement, or why nothing changed."),
]
ContactEmployerResult = Annotated[
    ContactEmployerPayload | WriteError,
    strawberry.union("ContactEmployerResult", description="The link, or why nothing changed."),
]
CompletionResult = Annotated[
    CompletionPayload | WriteError,
    strawberry.union("CompletionResult", description="The completion, or why nothing changed."),
]
CertificationResult = Annotated[
    CertificationPayload | WriteError,
    strawberry.union(
        "CertificationResult", description="The certification, or why nothing changed."
    ),
]


@strawberry.type
class EnablementMutation:
    @strawberry.mutation(description="Create a course or update one (idempotent).")
    async def upsert_course(
        self,
        info: GqlInfo,
        input: Annotated[CourseInput, strawberry.argument(description="The course's fields.")],
    ) -> CourseResult:
        return await upsert_record(
            info,
            "Course",
            input_data(input),
            q.COURSE_BY_IDS,
            payload(CoursePayload, course=Course.from_record),
        )

    @strawberry.mutation(
        description="Delete a course. With requirements, completions or certifications "
        "naming it, answers ConflictError unless cascade (which removes them all)."
    )
    async def delete_course(
        self,
        info: GqlInfo,
        input: Annotated[DeleteInput, strawberry.argument(description="Which course.")],
    ) -> DeleteResult:
        return await delete_record(info, "Course", input)

    @strawberry.mutation(description="Create a program requirement or update one (idempotent).")
    async def upsert_requirement(
        self,
        info: GqlInfo,
        input: Annotated[
            RequirementInput, strawberry.argument(description="The requirement's fields.")
        ],
    ) -> RequirementResult:
        return await upsert_record(
            info,
            "Requirement",
            input_data(input),
            q.REQUIREMENT_BY_IDS,
            payload(RequirementPayload, requirement=Requirement.from_record),
        )

    @strawberry.mutation(description="Delete a program requirement.")
    async def delete_requirement(
        self,
        info: GqlInfo,
        input: Annotated[DeleteInput, strawberry.argument(description="Which requirement.")],
    ) -> DeleteResult:
        return await delete_record(info, "Requirement", input)

    @strawberry.mutation(description="Record that a contact works for a partner.")
    async def set_contact_employer(
        self,
        info: GqlInfo,
        input: Annotated[
            ContactEmployerInput, strawberry.argument(description="Contact and partner.")
        ],
    ) -> ContactEmployerResult:
        return await write_record(
            info, "WorksFor", input_data(input), ContactEmployerPayload.from_record
        )

    @strawberry.mutation(description="Remove a contact's link to a partner.")
    async def remove_contact_employer(
        self,
        info: GqlInfo,
        input: Annotated[
            RemoveContactEmployerInput, strawberry.argument(description="Contact and partner.")
        ],
    ) -> UnlinkResult:
        return await unlink_record(info, "WorksFor", input_data(input), "contactId", "partnerId")

    @strawberry.mutation(
        description="Record a course completion (idempotent per contact and course)."
    )
    async def record_completion(
        self,
        info: GqlInfo,
        input: Annotated[CompletionInput, strawberry.argument(description="The completion.")],
    ) -> CompletionResult:
        return await write_record(
            info,
            "Completion",
            input_data(input),
            payload(CompletionPayload, completion=Completion.from_record),
        )

    @strawberry.mutation(description="Remove a course completion.")
    async def remove_completion(
        self,
        info: GqlInfo,
        input: Annotated[ContactCourseInput, strawberry.argument(description="Which one.")],
    ) -> UnlinkResult:
        return await unlink_record(info, "Completion", input_data(input), "contactId", "courseId")

    @strawberry.mutation(
        description="Record a certification (idempotent per contact and course). A training "
        "course, or an expiry before the issue date, answers ValidationError."
    )
    async def record_certification(
        self,
        info: GqlInfo,
        input: Annotated[CertificationInput, strawberry.argument(description="The certification.")],
    ) -> CertificationResult:
        return await write_record(
            info,
            "Certification",
            input_data(input),
            payload(CertificationPayload, certification=Certification.from_record),
        )

    @strawberry.mutation(description="Remove a certification.")
    async def remove_certification(
        self,
        info: GqlInfo,
        input: Annotated[ContactCourseInput, strawberry.argument(description="Which one.")],
    ) -> UnlinkResult:
        return await unlink_record(
            info, "Certification", input_data(input), "contactId", "courseId"
        )
