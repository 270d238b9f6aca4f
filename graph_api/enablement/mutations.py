"""Enablement writes, through the shared write path: validated, idempotent, recorded in
the change log (and so in the change feed) like every other entity."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import strawberry

from graph_api.enablement import statements as q
from graph_api.enablement.types import Certification, Completion, Course, Requirement
from graph_api.errors import ConflictError, NotFoundError, ValidationError
from graph_api.reading import GqlInfo
from graph_api.vocabulary import CourseKind, PartnerTier
from graph_api.writing import (
    DeleteInput,
    DeleteResult,
    UnlinkResult,
    delete_record,
    input_data,
    unlink_record,
    upsert_record,
    write,
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


@strawberry.type(description="The completion as stored after the write.")
class CompletionPayload:
    completion: Completion = strawberry.field(description="The written completion.")


@strawberry.type(description="The certification as stored after the write.")
class CertificationPayload:
    certification: Certification = strawberry.field(description="The written certification.")


_Errors = ValidationError | NotFoundError | ConflictError
CourseResult = Annotated[
    CoursePayload | _Errors,
    strawberry.union("CourseResult", description="The course, or why nothing changed."),
]
RequirementResult = Annotated[
    RequirementPayload | _Errors,
    strawberry.union("RequirementResult", description="The requirement, or why nothing changed."),
]
ContactEmployerResult = Annotated[
    ContactEmployerPayload | _Errors,
    strawberry.union("ContactEmployerResult", description="The link, or why nothing changed."),
]
CompletionResult = Annotated[
    CompletionPayload | _Errors,
    strawberry.union("CompletionResult", description="The completion, or why nothing changed."),
]
CertificationResult = Annotated[
    CertificationPayload | _Errors,
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
        result = await upsert_record(
            info, "Course", input_data(input), q.COURSE_BY_IDS, Course.from_record
        )
        return CoursePayload(course=result) if isinstance(result, Course) else result

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
        result = await upsert_record(
            info, "Requirement", input_data(input), q.REQUIREMENT_BY_IDS, Requirement.from_record
        )
        if isinstance(result, Requirement):
            return RequirementPayload(requirement=result)
        return result

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
        async def then(stored: dict[str, Any]) -> ContactEmployerPayload:
            since = stored.get("since")
            return ContactEmployerPayload(
                contact_id=strawberry.ID(str(stored["contactId"])),
                partner_id=strawberry.ID(str(stored["partnerId"])),
                since=since if isinstance(since, date) else None,
            )

        return await write(info, "WorksFor", input_data(input), then)

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
        async def then(stored: dict[str, Any]) -> CompletionPayload:
            return CompletionPayload(completion=Completion.from_record(stored))

        return await write(info, "Completion", input_data(input), then)

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
        async def then(stored: dict[str, Any]) -> CertificationPayload:
            return CertificationPayload(certification=Certification.from_record(stored))

        return await write(info, "Certification", input_data(input), then)

    @strawberry.mutation(description="Remove a certification.")
    async def remove_certification(
        self,
        info: GqlInfo,
        input: Annotated[ContactCourseInput, strawberry.argument(description="Which one.")],
    ) -> UnlinkResult:
        return await unlink_record(
            info, "Certification", input_data(input), "contactId", "courseId"
        )
