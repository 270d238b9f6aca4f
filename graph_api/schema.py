"""The GraphQL schema, composed from the domain modules.

Each domain module contributes a Query (and Mutation, Subscription) class;
they are merged here, in one place, so the root types read as a table of
contents of the API.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import strawberry
from graphql import DocumentNode, GraphQLError, print_ast, validate
from strawberry.extensions import SchemaExtension
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule
from strawberry.tools import merge_types

from graph_api.alerts.mutations import AlertMutation
from graph_api.alerts.queries import AlertQuery
from graph_api.alerts.subscriptions import AlertSubscription
from graph_api.audit.queries import AuditQuery
from graph_api.campaigns.queries import CampaignQuery
from graph_api.challenges.mutations import ChallengeMutation
from graph_api.challenges.queries import ChallengeQuery
from graph_api.channel.mutations import ChannelMutation
from graph_api.channel.queries import ChannelQuery
from graph_api.config import Settings
from graph_api.contacts.mutations import ContactMutation
from graph_api.contacts.queries import ContactQuery
from graph_api.customers.mutations import CustomerMutation
from graph_api.customers.queries import CustomerQuery
from graph_api.deals.mutations import DealMutation
from graph_api.deals.queries import DealQuery
from graph_api.enablement.mutations import EnablementMutation
from graph_api.enablement.queries import EnablementQuery
from graph_api.events.subscriptions import EventSubscription
from graph_api.extensions import schema_extensions
from graph_api.forecast.queries import ForecastQuery
from graph_api.goals.mutations import GoalMutation
from graph_api.goals.queries import GoalQuery
from graph_api.ingest.mutations import ImportMutation
from graph_api.intelligence.queries import IntelligenceQuery
from graph_api.leaderboards.queries import LeaderboardQuery
from graph_api.leads.mutations import LeadMutation
from graph_api.leads.queries import LeadQuery
from graph_api.observability import LoggedSchema
from graph_api.partners.mutations import PartnerMutation
from graph_api.partners.queries import PartnerQuery
from graph_api.partnerships.mutations import PartnershipMutation
from graph_api.partnerships.queries import PartnershipQuery
from graph_api.programs.mutations import ProgramMutation
from graph_api.programs.queries import ProgramQuery
from graph_api.reports.queries import ReportQuery
from graph_api.webhooks.mutations import WebhookMutation
from graph_api.webhooks.queries import WebhookQuery

QUERY_TYPES: tuple[type, ...] = (
    PartnerQuery,
    ProgramQuery,
    PartnershipQuery,
    CustomerQuery,
    ContactQuery,
    LeadQuery,
    DealQuery,
    GoalQuery,
    EnablementQuery,
    ChannelQuery,
    AuditQuery,
    WebhookQuery,
    IntelligenceQuery,
    ForecastQuery,
    LeaderboardQuery,
    ChallengeQuery,
    AlertQuery,
    ReportQuery,
    CampaignQuery,
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
    EnablementMutation,
    ChannelMutation,
    ImportMutation,
    WebhookMutation,
    ChallengeMutation,
    AlertMutation,
)
SUBSCRIPTION_TYPES: tuple[type, ...] = (EventSubscription, AlertSubscription)

Query = merge_types("Query", QUERY_TYPES)
Mutation = merge_types("Mutation", MUTATION_TYPES) if MUTATION_TYPES else None
Subscription = merge_types("Subscription", SUBSCRIPTION_TYPES) if SUBSCRIPTION_TYPES else None


CACHED_DOCUMENTS = 256
CACHED_QUERY_CHARS = 16_384  # bounds the cache to 256 short texts (and their ASTs)


@dataclass
class _Cached:
    document: DocumentNode
    normal: str | None = None  # the document printed: no comments, one layout


@dataclass
class _Validated:
    rules: tuple[Any, ...]
    errors: list[GraphQLError]
    query: str | None  # the text they were found in: error locations point into it


class DocumentCache:
    """Parsed documents by query text, and validation results by the documents'
    normalised form; both bounded LRU.

    Clients send the same few texts with different variables, and parsing plus
    validating one costs more than most of the traversals it asks for. Nothing
    here depends on variables: the limit checks, which do, still run on every
    request. Only texts that parsed are cached (under the same parse options,
    so the token caps hold); long texts are never kept. Validation is keyed by
    the printed document, so a comment or new whitespace costs a parse, never
    another validation.
    """

    def __init__(self, maxsize: int = CACHED_DOCUMENTS) -> None:
        self.maxsize = maxsize
        self.entries: OrderedDict[tuple[str, tuple[Any, ...]], _Cached] = OrderedDict()
        self.validated: OrderedDict[str, _Validated] = OrderedDict()

    @staticmethod
    def key(query: str | None, options: Mapping[str, Any]) -> tuple[str, tuple[Any, ...]] | None:
        if not query or len(query) > CACHED_QUERY_CHARS:
            return None
        return query, tuple(sorted(options.items()))

    def get(self, key: tuple[str, tuple[Any, ...]]) -> _Cached | None:
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key: tuple[str, tuple[Any, ...]], document: DocumentNode) -> _Cached:
        entry = self.entries[key] = _Cached(document)
        _trim(self.entries, self.maxsize)
        return entry

    def validation(
        self, normal: str, rules: tuple[Any, ...], query: str | None
    ) -> list[GraphQLError] | None:
        """Known errors for this document (none, or the same text's own), else None."""
        known = self.validated.get(normal)
        if known is None or known.rules != rules or (known.errors and known.query != query):
            return None
        self.validated.move_to_end(normal)
        return known.errors

    def validated_as(
        self, normal: str, rules: tuple[Any, ...], query: str | None, errors: list[GraphQLError]
    ) -> None:
        if len(normal) <= CACHED_QUERY_CHARS:
            self.validated[normal] = _Validated(rules, errors, query)
            _trim(self.validated, self.maxsize)


def _trim(entries: OrderedDict[Any, Any], maxsize: int) -> None:
    while len(entries) > maxsize:
        entries.popitem(last=False)


def validate_document(
    schema: Any, document: DocumentNode, rules: tuple[Any, ...], hide_suggestions: bool = False
) -> list[GraphQLError]:
    """graphql-core's validation with Strawberry's own rules added, as Strawberry runs it."""
    rules = (*rules, MaybeNullValidationRule, OneOfInputValidationRule)
    return validate(schema, document, rules, hide_suggestions=hide_suggestions)


class _CachedDocuments(SchemaExtension):
    """Reuses a cached document (skipping parse) and a known validation result."""

    def __init__(self, cache: DocumentCache, suggestions: bool) -> None:
        self.cache = cache
        self.suggestions = suggestions
        self.entry: _Cached | None = None

    def on_parse(self) -> Iterator[None]:
        ec = self.execution_context
        key = self.cache.key(ec.query, ec.parse_options)
        self.entry = self.cache.get(key) if key is not None else None
        if self.entry is not None and ec.graphql_document is None:
            ec.graphql_document = self.entry.document
        yield
        # A fresh parse that succeeded is kept; parse errors are reported as usual.
        if key is not None and self.entry is None and ec.graphql_document is not None:
            self.entry = self.cache.put(key, ec.graphql_document)

    def on_validate(self) -> Iterator[None]:
        ec = self.execution_context
        document = ec.graphql_document
        # Errors an earlier extension (a limit check) set stand; validation is skipped.
        if ec.pre_execution_errors is None and document is not None:
            rules = tuple(ec.validation_rules)
            entry = self.entry if self.entry and self.entry.document is document else None
            normal = entry.normal if entry and entry.normal is not None else print_ast(document)
            if entry is not None:
                entry.normal = normal
            errors = self.cache.validation(normal, rules, ec.query)
            if errors is None:
                errors = validate_document(
                    ec.schema._schema, document, rules, hide_suggestions=not self.suggestions
                )
                self.cache.validated_as(normal, rules, ec.query, errors)
            ec.pre_execution_errors = errors
        yield


def build_schema(
    settings: Settings | None = None, tracer_provider: Any | None = None
) -> strawberry.Schema:
    """The schema with the app's extensions for ``settings`` (graph_api/extensions.py);
    without settings, the bare schema whose SDL is exported.

    With introspection off, validation errors leave out "Did you mean ...?": the
    suggestions name schema members, which such a server keeps to itself.
    """
    cache = DocumentCache()
    suggestions = settings is None or settings.introspection
    return LoggedSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=schema_extensions(
            settings, tracer_provider, lambda: _CachedDocuments(cache, suggestions)
        ),
    )


schema = build_schema()
