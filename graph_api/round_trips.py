"""Counting the Cypher statements sent: per request and per named query.

One place counts and times every statement the store layer sends: the current
request's :class:`RoundTrips` (``extensions.cypherRoundTrips``, the access log,
the benchmark) and the ``graph_api_cypher_statements`` metric. The store and
the access log use this module and it uses neither, so neither imports the
other (``/metrics`` exposes the metric with the rest of the registry).
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from prometheus_client import Counter, Histogram

from graph_api.cypher import NamedQuery

STATEMENTS = Counter(
    "graph_api_cypher_statements", "Cypher round trips, by named query (cypher/ file)", ["query"]
)
STATEMENT_SECONDS = Histogram(
    "graph_api_cypher_statement_duration_seconds",
    "Time a named Cypher statement took, as the API waited for it",
    ["query"],
)


@dataclass
class RoundTrips:
    """Counts Cypher statements sent; one instance per request (see request_counter)."""

    count: int = 0
    names: list[str] | None = None
    # Each statement with its parameters, kept only while the benchmark records
    # requests (Store.recordings) so it can replay exactly what a request sent.
    statements: list[tuple[NamedQuery, dict[str, Any]]] | None = None

    def add(self, name: str) -> None:
        self.count += 1
        if self.names is not None:
            self.names.append(name)


_current: contextvars.ContextVar[RoundTrips | None] = contextvars.ContextVar(
    "graph_api_round_trips", default=None
)


def current_counter() -> RoundTrips | None:
    """The round-trip counter of the current request, if one was started."""
    return _current.get()


def request_counter(track_names: bool = False) -> RoundTrips:
    """Start counting round trips for the current task (one request)."""
    counter = RoundTrips(names=[] if track_names else None)
    _current.set(counter)
    return counter


def count(query: NamedQuery, params: dict[str, Any]) -> None:
    """One statement sent: for the current request, if any, and for the metric."""
    counter = _current.get()
    if counter is not None:
        counter.add(query.name)
        if counter.statements is not None:
            counter.statements.append((query, params))
    STATEMENTS.labels(query.name).inc()


@contextlib.contextmanager
def timed(query: NamedQuery) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        STATEMENT_SECONDS.labels(query.name).observe(time.perf_counter() - started)
