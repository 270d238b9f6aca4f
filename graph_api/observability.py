"""What a request leaves behind besides its answer.

- :class:`RoundTripReport` puts Cypher round trips per request in the GraphQL
  response extensions: tests and ``graph-api bench`` read
  ``extensions.cypherRoundTrips`` to check that nesting costs one statement per
  level, not one per parent.
- :class:`LoggedSchema` logs the caller's mistakes (typed client errors, parse,
  validation and variable errors) as one INFO line on ``graph_api.requests``,
  without the query text, which may hold data; unexpected errors keep
  Strawberry's full log with the traceback.
"""

from __future__ import annotations

import logging
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from graph_api.errors import is_unexpected

log = logging.getLogger("graph_api.requests")
LOGGED_MESSAGE_CHARS = 300


class RoundTripReport(SchemaExtension):
    def get_results(self) -> dict[str, Any]:
        counter = getattr(self.execution_context.context, "round_trips", None)
        if counter is None:
            return {}
        return {"cypherRoundTrips": counter.count}


class LoggedSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        unexpected: list[GraphQLError] = []
        request_id = getattr(getattr(execution_context, "context", None), "request_id", "")
        for error in errors:
            if is_unexpected(error):
                unexpected.append(error)
                continue
            log.info(
                "client error [request %s] %s at %s: %s",
                request_id,
                _code(error),
                ".".join(map(str, error.path or ())) or "-",
                _one_line(error.message),
            )
        super().process_errors(unexpected, execution_context)


def _code(error: GraphQLError) -> str:
    # Parse and validation errors get their code after they are logged (limits.py).
    code = (error.extensions or {}).get("code")
    return str(code) if code else type(error).__name__


def _one_line(text: str) -> str:
    """Newlines and length from the caller never reach the log as they came."""
    flat = " ".join(text.split())
    if len(flat) > LOGGED_MESSAGE_CHARS:
        return flat[:LOGGED_MESSAGE_CHARS] + "…"
    return flat
