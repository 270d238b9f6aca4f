"""Stored values as Python values: temporals, numbers and vocabulary enums.

One rule for time: a timestamp is a timezone-aware datetime in UTC. The store's
temporal values (``neo4j.time`` types), Python datetimes and ISO-8601 strings all
read that way; a value without a zone is taken to be UTC already (the write path
stores UTC), and one with another offset is converted to UTC. A date is a calendar
date; a timestamp read as a date is its UTC day, and a date read as a timestamp is
its midnight UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import Enum
from typing import Any


def plain(value: Any) -> Any:
    """Driver values as Python values, datetimes in aware UTC; anything else unchanged."""
    to_native = getattr(value, "to_native", None)
    if callable(to_native):
        value = to_native()
    if isinstance(value, datetime):
        return _utc(value)
    return value


def as_datetime(value: Any) -> datetime | None:
    """A stored timestamp (driver temporal, datetime, date or ISO string) in aware UTC."""
    value = plain(value)
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    return _utc(datetime.fromisoformat(str(value)))


def as_date(value: Any) -> date | None:
    """A stored date (driver temporal, date, datetime or ISO string); timestamps by UTC day."""
    value = plain(value)
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value)
    if len(text) > 10:  # a timestamp: its day in UTC, not in its own offset
        return _utc(datetime.fromisoformat(text)).date()
    return date.fromisoformat(text)


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def as_float(value: Any) -> float | None:
    return None if value is None else float(value)


def as_enum(enum: type[Any], value: Any) -> Any:
    """A stored lowercase vocabulary value as its Enum member; unknown values read as null."""
    if value is None:
        return None
    try:
        return enum(value)
    except ValueError:
        return None


def enum_value(value: Enum | None) -> Any:
    return None if value is None else value.value
