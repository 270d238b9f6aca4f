"""One row's result in a batch, and the clock the batch is stamped with."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any


@dataclass
class Outcome:
    """One row's result: the stored entity, or the error that kept it out."""

    entity: dict[str, Any] | None = None
    error: Exception | None = None
    changed: bool = False


def now() -> datetime:
    return datetime.now(UTC)


def first_error(outcomes: Iterable[Outcome]) -> Exception | None:
    for outcome in outcomes:
        if outcome.error is not None:
            return outcome.error
    return None
