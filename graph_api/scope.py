"""A principal's scope: the partner ids whose data it may see.

Admins and analysts are unrestricted (``None``). A partner sees itself and,
when it is a distributor, every partner below it through ``RESELLS_FOR``. The
scope is resolved with one named query once per operation, after the request
passed validation and the limits (so a rejected request runs no Cypher), and
reaches every named read query as ``$scope``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

from graphql import GraphQLError, get_operation_ast
from graphql.execution.values import get_variable_values
from strawberry.extensions import SchemaExtension

from graph_api.context import Principal, RequestContext
from graph_api.cypher import named
from graph_api.errors import StoreUnavailable
from graph_api.store import Store

log = logging.getLogger("graph_api.security")
SCOPE_PARTNER_IDS = named("queries/scope_partner_ids")
DEMO_PARTNER = named("queries/scope_demo_partner")


async def resolve_scope(store: Store, principal: Principal) -> list[str] | None:
    """None (everything) for admin and analyst; else the partner and those below it."""
    if not principal.is_partner:
        return None
    assert principal.partner_id is not None  # enforced when the token was verified
    return await partner_and_below(store, principal.partner_id)


async def partner_and_below(store: Store, partner_id: str) -> list[str]:
    """The partner and every partner below it through ``RESELLS_FOR``."""
    row = await store.read_one(SCOPE_PARTNER_IDS, partnerId=partner_id)
    below = sorted(str(i) for i in (row or {}).get("belowIds") or [] if i != partner_id)
    # A partner that is not (yet) in the graph still scopes to its own id: it sees nothing.
    return [partner_id, *below]


async def demo_partner(store: Store) -> dict[str, Any] | None:
    """A partner to mint the example partner token for (a distributor when there is one)."""
    return await store.read_one(DEMO_PARTNER)


class ScopeExtension(SchemaExtension):
    """Resolves ``ctx.scope`` for partner principals just before execution.

    Runs after parsing, the limits and validation, so rejected operations cost
    no Cypher. A context whose scope was already set for this principal (the
    same WebSocket connection, or a caller that set it explicitly) is reused.
    """

    async def on_execute(self) -> AsyncIterator[None]:
        ctx = self.execution_context.context
        if (
            isinstance(ctx, RequestContext)
            and ctx.principal.is_partner
            and ctx.scope_for != ctx.principal
        ):
            self._check_variables()
            try:
                ctx.scope = await resolve_scope(ctx.store, ctx.principal)
            except StoreUnavailable:
                raise  # typed already: the client should hear that the store is down
            except Exception as exc:
                # Raised here, an error would bypass the masking extension: mask it now.
                log.error("scope lookup failed [request %s]", ctx.request_id, exc_info=exc)
                raise GraphQLError(
                    "Internal server error",
                    extensions={"code": "INTERNAL_SERVER_ERROR", "requestId": ctx.request_id},
                ) from None
            ctx.scope_for = ctx.principal
        yield

    def _check_variables(self) -> None:
        """Coerce the variables first: a request with bad ones fails without any Cypher."""
        ec = self.execution_context
        if ec.graphql_document is None:
            return
        operation = get_operation_ast(ec.graphql_document, ec.operation_name)
        if operation is None:
            return
        coerced = get_variable_values(
            ec.schema._schema, operation.variable_definitions or (), ec.variables or {}
        )
        if isinstance(coerced, list) and coerced:
            error = coerced[0]
            error.extensions = {**(error.extensions or {}), "code": "BAD_USER_INPUT"}
            raise error
