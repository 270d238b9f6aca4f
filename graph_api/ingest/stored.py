"""Stored values as Python values, and whether a new value changes a stored one."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from graph_api.values import plain


def plain_map(values: dict[str, Any] | None) -> dict[str, Any]:
    return {k: plain(v) for k, v in (values or {}).items()}


def same(stored: Any, new: Any) -> bool:
    stored = plain(stored)
    if isinstance(new, int | float) and isinstance(stored, int | float):
        return float(stored) == float(new)
    if isinstance(new, datetime) and isinstance(stored, datetime):
        return stored.astimezone(UTC) == new.astimezone(UTC)
    if isinstance(new, date) and isinstance(stored, date):
        return stored == new
    return bool(stored == new)


def without_stamps(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k not in ("createdAt", "updatedAt")}
