"""Rules that weigh a row against what is stored: date spans, and certifications.

A row may name one end of a span; the other end then comes from the stored
record. A certification needs a certification course, and without an expiry
date runs the course's validity from its issue date.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from graph_api.errors import InputInvalid
from graph_api.ingest.stored import same
from graph_api.ingest.validation import DATE_SPANS
from graph_api.values import plain


def check_spans(merged: dict[str, Any]) -> None:
    """An update naming one end of a date span is checked against the stored other end."""
    for start, end in DATE_SPANS:
        first, last = plain(merged.get(start)), plain(merged.get(end))
        if isinstance(first, date) and isinstance(last, date) and last < first:
            raise InputInvalid([([end], f"is before {start} ({first.isoformat()})")])


def plan_certification(
    values: dict[str, Any], existing: dict[str, Any] | None, course: dict[str, Any]
) -> None:
    """Only certification courses certify. Without an expiry date, a new (or re-issued)
    certification expires validityDays after its issue date: a renewal names only the
    new issue date. A course without validityDays certifies until a date is given."""
    if course.get("kind") != "certification":
        raise InputInvalid(
            [(["courseId"], "is a training course: record a Completion, not a Certification")]
        )
    days = course.get("validityDays")
    issued = values.get("issuedDate")
    reissued = existing is None or not same(existing.get("issuedDate"), issued)
    if reissued and "expiresDate" not in values and days and isinstance(issued, date):
        values["expiresDate"] = issued + timedelta(days=int(days))
