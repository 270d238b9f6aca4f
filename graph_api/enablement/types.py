"""The enablement types: the course catalogue, program requirements, contacts'
completions and certifications, and a partner's standing against the requirements."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.enablement import statements as q
from graph_api.programs.statements import PROGRAM_BY_IDS
from graph_api.reading import GqlInfo, load_node
from graph_api.values import as_date, as_datetime, as_enum, as_float
from graph_api.vocabulary import CourseKind, PartnerTier

if TYPE_CHECKING:
    from graph_api.programs.types import Program


@strawberry.type(description="A course in the catalogue: training, or a certification.")
class Course:
    id: strawberry.ID = strawberry.field(description="Stable id of the course.")
    name: str = strawberry.field(description="Display name.")
    kind: CourseKind | None = strawberry.field(description="Training or certification.")
    validity_days: int | None = strawberry.field(
        description="Certifications: days a certification stays valid after its issue date "
        "(used when one is recorded without an expiry date); null for no limit."
    )
    source_system: str | None = strawberry.field(description="System the record came from.")
    external_id: str | None = strawberry.field(description="The record's id in sourceSystem.")
    created_at: datetime | None = strawberry.field(description="When the record was created.")
    updated_at: datetime | None = strawberry.field(description="When the record last changed.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Course:
        days = row.get("validityDays")
        return cls(
            id=strawberry.ID(row["id"]),
            name=row.get("name") or "",
            kind=as_enum(CourseKind, row.get("kind")),
            validity_days=None if days is None else int(days),
            source_system=row.get("sourceSystem"),
            external_id=row.get("externalId"),
            created_at=as_datetime(row.get("createdAt")),
            updated_at=as_datetime(row.get("updatedAt")),
        )


@strawberry.type(
    description="What a program requires of its partners at one tier: a number of "
    "contacts certified in (or, for training, having completed) one course."
)
class Requirement:
    id: strawberry.ID = strawberry.field(description="Stable id of the requirement.")
    tier: PartnerTier | None = strawberry.field(
        description="The tier it applies to (and every tier above it)."
    )
    contacts: int = strawberry.field(description="How many contacts must hold the course.")
    program_id: strawberry.ID | None = strawberry.field(description="Id of the program.")
    course_id: strawberry.ID | None = strawberry.field(description="Id of the course.")
    source_system: str | None = strawberry.field(description="System the record came from.")
    external_id: str | None = strawberry.field(description="The record's id in sourceSystem.")
    created_at: datetime | None = strawberry.field(description="When the record was created.")
    updated_at: datetime | None = strawberry.field(description="When the record last changed.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Requirement:
        return cls(
            id=strawberry.ID(row["id"]),
            tier=as_enum(PartnerTier, row.get("tier")),
            contacts=int(row.get("contacts") or 0),
            program_id=row.get("programId"),
            course_id=row.get("courseId"),
            source_system=row.get("sourceSystem"),
            external_id=row.get("externalId"),
            created_at=as_datetime(row.get("createdAt")),
            updated_at=as_datetime(row.get("updatedAt")),
        )

    @strawberry.field(description="The program stating it; null when out of your scope.")
    async def program(
        self, info: GqlInfo
    ) -> Annotated[Program, strawberry.lazy("graph_api.programs.types")] | None:
        from graph_api.programs.types import Program

        return await load_node(info.context, PROGRAM_BY_IDS, self.program_id, Program.from_record)

    @strawberry.field(description="The course to hold.")
    async def course(self, info: GqlInfo) -> Course | None:
        return await load_node(info.context, q.COURSE_BY_IDS, self.course_id, Course.from_record)


def _contact_course(row: dict[str, Any]) -> dict[str, Any]:
    """The fields a completion and a certification share: whose, and of which course."""
    return {
        "partner_id": row.get("partnerId"),
        "contact_id": strawberry.ID(str(row["contactId"])),
        "contact_name": row.get("contactName"),
        "course_id": strawberry.ID(str(row["courseId"])),
        "course_name": row.get("courseName"),
    }


@strawberry.type(description="A partner's contact completed a course (COMPLETED).")
class Completion:
    partner_id: strawberry.ID | None = strawberry.field(
        description="The partner the contact works for (null in a mutation's answer)."
    )
    contact_id: strawberry.ID = strawberry.field(description="Id of the contact.")
    contact_name: str | None = strawberry.field(description="The contact's name.")
    course_id: strawberry.ID = strawberry.field(description="Id of the course.")
    course_name: str | None = strawberry.field(description="The course's name.")
    completed_date: date | None = strawberry.field(description="When it was completed.")
    score: float | None = strawberry.field(description="Score, 0 to 100.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Completion:
        return cls(
            **_contact_course(row),
            completed_date=as_date(row.get("completedDate")),
            score=as_float(row.get("score")),
        )


@strawberry.type(description="A certification a partner's contact holds (CERTIFIED).")
class Certification:
    partner_id: strawberry.ID | None = strawberry.field(
        description="The partner the contact works for (null in a mutation's answer)."
    )
    contact_id: strawberry.ID = strawberry.field(description="Id of the contact.")
    contact_name: str | None = strawberry.field(description="The contact's name.")
    course_id: strawberry.ID = strawberry.field(description="Id of the certification course.")
    course_name: str | None = strawberry.field(description="The course's name.")
    issued_date: date | None = strawberry.field(description="When it was issued.")
    expires_date: date | None = strawberry.field(
        description="Last day it is valid; null when it does not expire."
    )

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Certification:
        return cls(
            **_contact_course(row),
            issued_date=as_date(row.get("issuedDate")),
            expires_date=as_date(row.get("expiresDate")),
        )


@strawberry.type(description="A named reference: id and name.")
class NamedRef:
    id: strawberry.ID = strawberry.field(description="Stable id.")
    name: str | None = strawberry.field(description="Display name.")


@strawberry.type(description="One requirement of one of the partner's programs, on asOf.")
class RequirementStatus:
    requirement_id: strawberry.ID = strawberry.field(description="Id of the requirement.")
    program: NamedRef = strawberry.field(description="The program stating it.")
    tier: PartnerTier | None = strawberry.field(description="The tier it belongs to.")
    course: NamedRef = strawberry.field(description="The course to hold.")
    course_kind: CourseKind | None = strawberry.field(description="Training or certification.")
    required: int = strawberry.field(description="Contacts the requirement asks for.")
    held: int = strawberry.field(
        description="The partner's contacts that satisfy it on asOf: a valid certification "
        "for a certification course, a completion for a training course."
    )
    missing: int = strawberry.field(description="Contacts still needed: required - held, >= 0.")
    met: bool = strawberry.field(description="held >= required.")
    applies: bool = strawberry.field(
        description="Whether it binds the partner now: its tier is the partner's tier or "
        "below. Requirements of higher tiers show what reaching them takes."
    )


@strawberry.type(description="Training still needed: a course and how many more contacts.")
class CourseNeed:
    course: NamedRef = strawberry.field(description="The course.")
    course_kind: CourseKind | None = strawberry.field(description="Training or certification.")
    contacts: int = strawberry.field(
        description="More contacts needed to meet every applying requirement on it."
    )


@strawberry.type(description="A certification expiring soon.")
class ExpiringCertification:
    contact: NamedRef = strawberry.field(description="The contact holding it.")
    course: NamedRef = strawberry.field(description="The certification course.")
    issued_date: date | None = strawberry.field(description="When it was issued.")
    expires_date: date = strawberry.field(description="Last day it is valid.")
    days_left: int = strawberry.field(description="Days from asOf to the expiry date.")


@strawberry.type(description="A partner's enablement on one day, against its programs.")
class EnablementStatus:
    partner_id: strawberry.ID = strawberry.field(description="The partner.")
    tier: PartnerTier | None = strawberry.field(description="The partner's tier.")
    as_of: date = strawberry.field(description="The day the figures are for.")
    requirements: list[RequirementStatus] = strawberry.field(
        description="Every requirement of every program it holds a partnership in, by "
        "program, tier, course."
    )
    met: bool = strawberry.field(description="Every applying requirement is met.")
    training_needed: list[CourseNeed] = strawberry.field(
        description="Courses with applying requirements not met, by course id."
    )
    expiring: list[ExpiringCertification] = strawberry.field(
        description="Its contacts' certifications expiring from asOf to asOf + withinDays, "
        "soonest first."
    )
    completion_rate: float | None = strawberry.field(
        description="Held seats over required seats across applying requirements (each "
        "requirement counted up to what it asks); null when none applies."
    )
    contacts: int = strawberry.field(description="Contacts working for the partner.")
    completions: int = strawberry.field(description="Courses they completed by asOf.")
    certifications: int = strawberry.field(description="Certifications they hold on asOf.")
