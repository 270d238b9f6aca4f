"""The GraphQL schema, composed from the domain modules.

Each domain module contributes a Query (and Mutation, Subscription) class;
they are merged here, in one place, so the root types read as a table of
contents of the API.
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.tools import merge_types

from graph_api.audit.queries import AuditQuery
from graph_api.contacts.queries import ContactQuery
from graph_api.customers.queries import CustomerQuery
from graph_api.deals.queries import DealQuery
from graph_api.goals.queries import GoalQuery
from graph_api.leads.queries import LeadQuery
from graph_api.observability import RoundTripReport
from graph_api.partners.queries import PartnerQuery
from graph_api.partnerships.queries import PartnershipQuery
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
)
MUTATION_TYPES: tuple[type, ...] = ()
SUBSCRIPTION_TYPES: tuple[type, ...] = ()

Query = merge_types("Query", QUERY_TYPES)
Mutation = merge_types("Mutation", MUTATION_TYPES) if MUTATION_TYPES else None
Subscription = merge_types("Subscription", SUBSCRIPTION_TYPES) if SUBSCRIPTION_TYPES else None


def build_schema(extensions: list[Any] | None = None) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=[RoundTripReport, *(extensions or [])],
    )


schema = build_schema()
