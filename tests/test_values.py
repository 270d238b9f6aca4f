"""The one rule for stored temporal values: timestamps read as aware UTC datetimes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import neo4j.time
import pytest

from graph_api.values import as_date, as_datetime, as_enum, as_float, enum_value, plain
from graph_api.vocabulary import DealStage

EST = timezone(timedelta(hours=-5))


def test_none_reads_as_none() -> None:
    assert as_datetime(None) is None
    assert as_date(None) is None
    assert plain(None) is None
    assert as_float(None) is None
    assert as_enum(DealStage, None) is None
    assert enum_value(None) is None


def test_naive_datetime_is_taken_as_utc() -> None:
    value = as_datetime(datetime(2024, 3, 1, 9, 30))
    assert value == datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
    assert value is not None and value.utcoffset() == timedelta(0)


def test_aware_datetime_in_another_zone_is_converted_to_utc() -> None:
    value = as_datetime(datetime(2024, 3, 1, 22, 0, tzinfo=EST))
    assert value is not None
    assert value.utcoffset() == timedelta(0)
    assert value.isoformat() == "2024-03-02T03:00:00+00:00"


def test_date_reads_as_its_midnight_utc() -> None:
    assert as_datetime(date(2024, 3, 1)) == datetime(2024, 3, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-01T09:30:00", "2024-03-01T09:30:00+00:00"),
        ("2024-03-01T09:30:00Z", "2024-03-01T09:30:00+00:00"),
        ("2024-03-01T22:00:00-05:00", "2024-03-02T03:00:00+00:00"),
    ],
)
def test_iso_strings_read_as_utc(text: str, expected: str) -> None:
    value = as_datetime(text)
    assert value is not None and value.isoformat() == expected


def test_driver_datetimes_read_as_utc() -> None:
    local = neo4j.time.DateTime(2024, 3, 1, 9, 30, 0)  # a LocalDateTime: no zone
    assert as_datetime(local) == datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
    zoned = neo4j.time.DateTime(2024, 3, 1, 22, 0, 0, tzinfo=EST)
    value = as_datetime(zoned)
    assert value is not None and value.isoformat() == "2024-03-02T03:00:00+00:00"


def test_driver_dates_read_as_dates() -> None:
    assert as_date(neo4j.time.Date(2024, 3, 1)) == date(2024, 3, 1)
    assert as_datetime(neo4j.time.Date(2024, 3, 1)) == datetime(2024, 3, 1, tzinfo=UTC)


def test_a_timestamp_read_as_a_date_is_its_utc_day() -> None:
    assert as_date(datetime(2024, 3, 1, 22, 0, tzinfo=EST)) == date(2024, 3, 2)
    assert as_date(neo4j.time.DateTime(2024, 3, 1, 22, 0, 0, tzinfo=EST)) == date(2024, 3, 2)
    assert as_date("2024-03-01T22:00:00-05:00") == date(2024, 3, 2)
    assert as_date(datetime(2024, 3, 1, 22, 0)) == date(2024, 3, 1)
    assert as_date("2024-03-01") == date(2024, 3, 1)
    assert as_date(date(2024, 3, 1)) == date(2024, 3, 1)


def test_plain_converts_only_temporals() -> None:
    assert plain(neo4j.time.DateTime(2024, 3, 1, 9, 30, 0)) == datetime(
        2024, 3, 1, 9, 30, tzinfo=UTC
    )
    assert plain(neo4j.time.Date(2024, 3, 1)) == date(2024, 3, 1)
    assert plain("2024-03-01T09:30:00") == "2024-03-01T09:30:00"
    assert plain(3) == 3
    assert plain(["a"]) == ["a"]


def test_bad_strings_raise() -> None:
    with pytest.raises(ValueError):
        as_datetime("not a time")
    with pytest.raises(ValueError):
        as_date("2024-13-01")


def test_numbers_and_vocabulary() -> None:
    assert as_float(3) == 3.0
    assert as_float("2.5") == 2.5
    assert as_enum(DealStage, "prospect") is DealStage.PROSPECT
    assert as_enum(DealStage, "no such stage") is None
    assert enum_value(DealStage.PROSPECT) == "prospect"
