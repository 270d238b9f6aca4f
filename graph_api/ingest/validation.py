"""Pure validation and normalization of one record (no store access).

Absent keys, ``None`` and empty strings mean "not given": on an update the
stored value stays as it is. Enum values are accepted in any case and stored
as in graph_api.vocabulary. Domains lose scheme, path, port and ``www.`` and
are lowercased; currencies are upper-cased three-letter codes. Dates are ISO
``YYYY-MM-DD``; timestamps ISO-8601 (UTC when no offset is given).
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime
from typing import Any

from graph_api.errors import InputInvalid
from graph_api.ingest.declarations import (
    AMOUNT,
    COUNT,
    CURRENCY,
    DATE,
    DATETIME,
    DOMAIN,
    EMAIL,
    ENUM,
    PERCENT,
    REF,
    SHARE,
    Field,
    Spec,
)
from graph_api.ingest.spec import SPECS

_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")
SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Fields that identify a record (besides references): no control characters in them,
# since they are matched exactly and shown in URLs, logs and Neo4j Browser.
_IDENTIFIERS = frozenset({"id", "sourceSystem", "externalId"})

Errors = list[tuple[list[str], str]]

MAX_COUNT = 2**53  # larger whole numbers lose precision as JSON numbers

# (first, last) date fields of one record: the last may not come before the first.
DATE_SPANS = (
    ("startDate", "endDate"),
    ("periodStart", "periodEnd"),
    ("issuedDate", "expiresDate"),
    ("orderedDate", "deliveredDate"),
    ("filedDate", "resolvedDate"),
)


def spec_for(record_type: str) -> Spec:
    spec = SPECS.get(record_type)
    if spec is None:
        known = ", ".join(SPECS)
        raise InputInvalid([(["type"], f"unknown record type {record_type!r}; one of {known}")])
    return spec


def validate(record_type: str, data: dict[str, Any]) -> dict[str, Any]:
    """Return the normalized record, or raise InputInvalid listing every bad field."""
    spec = spec_for(record_type)
    errors: Errors = []
    out: dict[str, Any] = {}
    for key, raw in data.items():
        f = spec.field(key)
        if f is None:
            errors.append(([key], "unknown field"))
            continue
        if _absent(raw):
            continue
        try:
            out[key] = normalize(f, raw)
        except ValueError as exc:
            errors.append(([key], str(exc)))
    _check_shape(spec, out, errors)
    if errors:
        raise InputInvalid(errors)
    return out


def missing_required(spec: Spec, values: dict[str, Any]) -> Errors:
    return [([name], "is required") for name in spec.required if _absent(values.get(name))]


def _check_shape(spec: Spec, out: dict[str, Any], errors: Errors) -> None:
    if ("sourceSystem" in out) != ("externalId" in out) and spec.is_node:
        name = "externalId" if "sourceSystem" in out else "sourceSystem"
        errors.append(([name], "sourceSystem and externalId go together"))
    if not spec.is_node:
        errors.extend(e for e in missing_required(spec, out) if e[0][0] not in _failed(errors))
        a, b = spec.endpoints
        if (
            spec.record_type in ("ResellsFor", "SharesWith")
            and out.get(a)
            and out.get(a) == out.get(b)
        ):
            reason = (
                "a partner cannot resell for itself (a cycle)"
                if spec.record_type == "ResellsFor"
                else "both ends are the same partner"
            )
            errors.append(([b], reason))
    for start, end in DATE_SPANS:
        if start in out and end in out and out[end] < out[start]:
            errors.append(([end], f"is before {start}"))
    kind = out.get("commissionType") if spec.record_type == "Program" else None
    if kind == "percent_of_deal" and "flatAmount" in out:
        errors.append((["flatAmount"], "a percent_of_deal program has no flatAmount"))
    if kind == "per_lead" and "commissionRate" in out:
        errors.append((["commissionRate"], "a per_lead program has no commissionRate"))


def _failed(errors: Errors) -> set[str]:
    return {path[0] for path, _ in errors if path}


def _absent(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def normalize(f: Field, raw: Any) -> Any:
    if f.kind == ENUM:
        return _enum(f, raw)
    if f.kind == DATE:
        return parse_date(raw)
    if f.kind == DATETIME:
        return parse_datetime(raw)
    if f.kind == AMOUNT:
        number = _number(raw)
        if number < 0:
            raise ValueError(f"must not be negative (got {number:g})")
        return number
    if f.kind == COUNT:
        number = _number(raw)
        if number < 0:
            raise ValueError(f"must not be negative (got {number:g})")
        if not number.is_integer():
            raise ValueError(f"must be a whole number (got {number:g})")
        if number > MAX_COUNT:
            raise ValueError(f"must be at most {MAX_COUNT} (got {number:g})")
        return int(number)
    if f.kind == PERCENT:
        number = _number(raw)
        if not 0 <= number <= 100:
            raise ValueError(f"must be between 0 and 100 (got {number:g})")
        return number
    if f.kind == SHARE:
        number = _number(raw)
        if not 0 <= number <= 1:
            raise ValueError(f"must be between 0 and 1 (got {number:g})")
        return number
    if f.kind == DOMAIN:
        return normalize_domain(raw)
    if f.kind == CURRENCY:
        return normalize_currency(raw)
    if f.kind == EMAIL:
        text = _text(raw).lower()
        if not _EMAIL.match(text):
            raise ValueError(f"{text!r} is not an email address")
        return text
    text = _text(raw)
    if f.kind == REF or f.name in _IDENTIFIERS:
        control = _CONTROL.search(text)
        if control:
            raise ValueError(f"must not contain control characters (U+{ord(control.group()):04X})")
    if f.kind == REF and len(text) > 200:
        raise ValueError("is not an id")
    return text


def _text(raw: Any) -> str:
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise ValueError(f"must be a string (got {type(raw).__name__})")
    text = str(raw).strip()
    surrogate = SURROGATE.search(text)
    if surrogate:  # JSON's \ud800 escapes make one; no store can hold it
        code = f"U+{ord(surrogate.group()):04X}"
        raise ValueError(f"must be Unicode text (it holds a lone surrogate, {code})")
    return text


def _number(raw: Any) -> float:
    if isinstance(raw, bool):
        raise ValueError("must be a number")
    if isinstance(raw, int | float):
        number = float(raw)
    elif isinstance(raw, str):
        try:
            number = float(raw.strip().replace("_", ""))
        except ValueError:
            raise ValueError(f"{raw!r} is not a number") from None
    else:
        raise ValueError(f"must be a number (got {type(raw).__name__})")
    if not math.isfinite(number):
        raise ValueError("must be a finite number")
    return number


def _enum(f: Field, raw: Any) -> str:
    assert f.enum is not None
    text = _text(raw).lower()
    for member in f.enum:
        if text in (str(member.value).lower(), member.name.lower()):
            return str(member.value)
    allowed = ", ".join(str(m.value) for m in f.enum)
    raise ValueError(f"unknown value {raw!r}; one of {allowed}")


def parse_date(raw: Any) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = _text(raw)
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def parse_datetime(raw: Any) -> datetime:
    if isinstance(raw, datetime):
        value = raw
    elif isinstance(raw, date):
        value = datetime(raw.year, raw.month, raw.day)
    else:
        text = _text(raw)
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{text!r} is not an ISO-8601 timestamp") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def normalize_domain(raw: Any) -> str:
    """``HTTPS://www.Acme.com/about`` and ``acme.com`` are the same company."""
    text = _text(raw).lower()
    text = _SCHEME.sub("", text)
    text = re.split(r"[/?#]", text, maxsplit=1)[0]
    text = text.rsplit("@", 1)[-1].split(":", 1)[0].strip(".")
    if text.startswith("www."):
        text = text[4:]
    if not _DOMAIN.match(text):
        raise ValueError(f"{raw!r} is not a domain name")
    return text


def normalize_currency(raw: Any) -> str:
    text = _text(raw).upper()
    if not _CURRENCY.match(text):
        raise ValueError(f"{raw!r} is not a three-letter currency code")
    return text
