"""The GraphQL schema, composed from the domain modules.

Each domain module contributes a Query (and Mutation, Subscription) class;
they are merged here, in one place, so the root types read as a table of
contents of the API.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import strawberry
from strawberry.extensions import ValidationCache
from strawberry.tools import merge_types

from graph_api.audit.mutations import ImportMutation
from graph_api.audit.queries import AuditQuery
from graph_api.contacts.mutations import ContactMutation
from graph_api.contacts.queries import ContactQuery
from graph_api.customers.mutations import CustomerMutation
from graph_api.customers.queries import CustomerQuery
from graph_api.deals.mutations import DealMutation
from graph_api.deals.queries import DealQuery
from graph_api.events.subscriptions import EventSubscription
from graph_api.events.webhook_api import WebhookMutation, WebhookQuery
from graph_api.goals.mutations import GoalMutation
from graph_api.goals.queries import GoalQuery
from graph_api.intelligence.queries import IntelligenceQuery
from graph_api.leads.mutations import LeadMutation
from graph_api.leads.queries import LeadQuery
from graph_api.observability import RoundTripReport
from graph_api.partners.mutations import PartnerMutation
from graph_api.partners.queries import PartnerQuery
from graph_api.partnerships.mutations import PartnershipMutation
from graph_api.partnerships.queries import PartnershipQuery
from graph_api.programs.mutations import ProgramMutation
from graph_api.programs.queries import ProgramQuery

QUERY_TYPES: tuple[type, ...] = (
    PartnerQuery,
    ProgramQuery,
    PartnershipQuery,
    CustomerQuery,
    ContactQuery,
    LeadQuery,
    DealQuery,
    GoalQuery,
    AuditQuery,
    WebhookQuery,
    IntelligenceQuery,
)
MUTATION_TYPES: tuple[type, ...] = (
    PartnerMutation,
    ProgramMutation,
    PartnershipMutation,
    CustomerMutation,
    ContactMutation,
    LeadMutation,
    DealMutation,
    GoalMutation,
    ImportMutation,
    WebhookMutation,
)
SUBSCRIPTION_TYPES: tuple[type, ...] = (EventSubscription,)

Query = merge_types("Query", QUERY_TYPES)
Mutation = merge_types("Mutation", MUTATION_TYPES) if MUTATION_TYPES else None
Subscription = merge_types("Subscription", SUBSCRIPTION_TYPES) if SUBSCRIPTION_TYPES else None


class _ValidationCache(ValidationCache):
    """ValidationCache that keeps errors an earlier extension (a limit check) already set."""

    def on_validate(self) -> Iterator[None]:
        if self.execution_context.pre_execution_errors:
            yield
            return
        yield from super().on_validate()


def build_schema(extensions: list[Any] | None = None) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        # Validating the same query again costs more than most traversals; results
        # are cached per document (bounded LRU), never per variables. Last in the
        # list, so the limit checks before it still see every request.
        extensions=[RoundTripReport, *(extensions or []), lambda: _ValidationCache(maxsize=256)],
    )


schema = build_schema()
