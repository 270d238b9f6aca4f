"""The app's schema extensions: which, and in what order, decided here only.

Strawberry enters each hook (``on_operation``, ``on_parse``, ``on_validate``,
``on_execute``) in list order and leaves it in reverse order, so every
extension wraps the ones after it. That makes the order matter:

1. ``RoundTripReport`` adds ``extensions.cypherRoundTrips`` to every answer.
2. Tracing (when configured): the operation's span encloses all the rest.
3. ``OperationMetrics`` leaves ``on_operation`` after the masking below, so it
   counts the error codes the client really gets.
4. ``MaskUnexpected`` masks (and logs) every unexpected error that the
   extensions after it and the resolvers raise.
5. ``QueryLimits`` caps tokens at parse and checks depth, aliases and cost
   before validation, so a hostile document costs little.
6. ``_RequireAuthentication`` and ``_ReadOnlyTokens`` refuse an operation at
   ``on_execute`` before ``ScopeExtension`` would spend a Cypher query on it.
7. ``ScopeExtension`` resolves a partner's scope just before execution.
8. ``DisableIntrospection`` (when introspection is off) adds a validation rule.
9. The document cache comes last: its hooks run inside the limit checks', so
   the limits still see every request, cached or not.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from strawberry.extensions import DisableIntrospection, SchemaExtension

from graph_api import metrics, tracing
from graph_api.config import Settings
from graph_api.limits import Limits, QueryLimits
from graph_api.observability import RoundTripReport
from graph_api.scope import ScopeExtension
from graph_api.security import MaskUnexpected, ReadOnlyTokens, RequireAuthentication


def schema_extensions(
    settings: Settings | None,
    tracer_provider: Any | None,
    cached_documents: Callable[[], SchemaExtension],
) -> list[Any]:
    """The extensions in the order above; with no settings (the exported schema's SDL),
    only the round-trip report and the document cache.

    Classes and factories, so every operation gets fresh extension instances.
    """
    if settings is None:
        return [RoundTripReport, cached_documents]
    limits = Limits(
        max_depth=settings.max_depth,
        max_aliases=settings.max_aliases,
        max_tokens=settings.max_tokens,
        max_cost=settings.max_cost,
    )
    return [
        RoundTripReport,
        *tracing.schema_extensions(tracer_provider),
        metrics.OperationMetrics,
        MaskUnexpected,
        functools.partial(QueryLimits, limits, suggestions=settings.introspection),
        RequireAuthentication,
        ReadOnlyTokens,
        ScopeExtension,
        *([] if settings.introspection else [DisableIntrospection]),
        cached_documents,
    ]
