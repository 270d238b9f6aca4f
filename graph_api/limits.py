"""Limits on query shape, enforced before any Cypher runs.

:class:`QueryLimits` is a schema extension. While parsing it caps the number
of lexical tokens; before validation it walks the operation once (following
fragments, guarding against cycles) and rejects it when it is too deep, has
too many aliases, asks for a page above 100, passes ``maxHops`` or ``depth``
above their caps, or when its estimated cost is over budget. Argument values
are read the way execution will see them: variables coerced to their declared
types (``100.0`` for an ``Int`` is 100) and defaults applied, so caps and cost
hold however a value arrives.

It also bounds what validation will cost, since graphql-core's validation runs
on the event loop and its overlapping-fields check compares every pair of
fields that share a response path: the whole document (every operation and
fragment, each fragment counted wherever it is spread) may select at most
``max_fields`` fields, no response path may be selected more than
``max_repeats`` times, and the pairs of fields sharing a path may number at
most ``max_overlaps``. The parser's caps (tokens, nesting, ``max_source_length``)
bound the rest, and ``max_variable_values`` bounds coercing the variables.

Each rejection is a :class:`~graph_api.errors.LimitExceeded` whose
``extensions.limit`` names the limit. The partner scope is resolved only after
this (see graph_api/scope.py), so a rejected request never reaches the store.

Cost: every field costs the number of times it would be resolved, which is
the product of the page sizes (``first``, or ``limit``, literal, variable or
the schema default) of the lists enclosing it; the operation's cost is the
sum over all its fields.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, cast

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    NullValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    Undefined,
    VariableDefinitionNode,
    VariableNode,
    get_named_type,
    is_input_type,
    type_from_ast,
    value_from_ast,
)
from graphql.execution.values import get_variable_values
from strawberry.extensions import SchemaExtension

from graph_api.errors import MAX_PAGE_SIZE, InvalidArgument, LimitExceeded

MAX_HOPS = 6  # connectionPath and other path searches
MAX_TRAVERSAL_DEPTH = 3  # relationshipView and other neighbourhood walks
PAGE_ARGUMENTS = ("first", "limit")
# The arguments capped by value, whatever field they appear on.
ARGUMENT_CAPS: dict[str, tuple[str, int]] = {
    "first": ("page_size", MAX_PAGE_SIZE),
    "limit": ("page_size", MAX_PAGE_SIZE),
    "maxHops": ("max_hops", MAX_HOPS),
    "depth": ("traversal_depth", MAX_TRAVERSAL_DEPTH),
}
# Per-field exceptions to ARGUMENT_CAPS: a relationship view's `limit` counts
# graph nodes (default 200), not a page of a connection.
FIELD_ARGUMENT_CAPS: dict[tuple[str, str], tuple[str, int]] = {
    ("relationshipView", "limit"): ("view_nodes", 500),
}
_TOKEN_LIMIT = re.compile(r"more than \d+ (tokens|comments)")
_SOURCE_LIMIT = re.compile(r"more than \d+ code points")


@dataclass(frozen=True)
class Limits:
    max_depth: int = 15
    max_aliases: int = 30
    max_tokens: int = 5000
    max_cost: int = 50_000
    # Lexing is pure Python, about 0.3 s per MB of comment or string: a query text is
    # kept well under the body cap (send bulk data, such as import lines, as variables).
    max_source_length: int = 100_000
    max_fields: int = 3000
    max_repeats: int = 20
    max_overlaps: int = 5000  # pairs the overlapping-fields check compares, ~5 µs each
    # Coercing variables is pure Python too (about 1.5 µs a value), and happens twice.
    max_variable_values: int = 20_000


class _Shape:
    """What validation will have to compare, counted across the whole document."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.fields = 0
        self.overlaps = 0
        self.paths: Counter[tuple[str, ...]] = Counter()

    def count(self, path: tuple[str, ...]) -> None:
        self.fields += 1
        if self.fields > self.limits.max_fields:
            raise LimitExceeded(
                "fields",
                f"the query selects more than {self.limits.max_fields} fields "
                "(a fragment counts wherever it is spread)",
                maximum=self.limits.max_fields,
            )
        self.overlaps += self.paths[path]  # the new field pairs with each earlier one
        self.paths[path] += 1
        if self.paths[path] > self.limits.max_repeats:
            raise LimitExceeded(
                "repeated_fields",
                f"`{'.'.join(path)}` is selected more than {self.limits.max_repeats} times",
                maximum=self.limits.max_repeats,
                path=list(path),
            )
        if self.overlaps > self.limits.max_overlaps:
            raise LimitExceeded(
                "field_overlaps",
                f"the query repeats fields too often: validation would compare more than "
                f"{self.limits.max_overlaps} pairs of fields sharing a response path",
                maximum=self.limits.max_overlaps,
            )


class _Walk:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: dict[str, Any],
        limits: Limits,
        shape: _Shape,
        checked: bool = True,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.limits = limits
        self.shape = shape
        self.checked = checked  # False: only the shape counts (a definition that won't run)
        self.reached: set[str] = set()
        self.aliases = 0
        self.cost = 0

    def arg_value(
        self, node: FieldNode, definition: GraphQLField | None, name: str, default: Any
    ) -> Any:
        """The argument's value as the resolver will get it; None when it is invalid
        (validation reports that) and ``default`` when it is absent or null."""
        for arg in node.arguments or ():
            if arg.name.value != name:
                continue
            declared = definition.args.get(name) if definition is not None else None
            if declared is not None:
                value = value_from_ast(arg.value, declared.type, self.variables)
                if value is Undefined:  # an unset variable, or an invalid literal
                    return default if isinstance(arg.value, VariableNode) else None
                # An explicit null on an optional Int argument means its default.
                return default if value is None else value
            # An unknown field or argument: validation rejects it, but cap what is visible.
            if isinstance(arg.value, VariableNode):
                found = self.variables.get(arg.value.name.value)
                return default if found is None else found
            if isinstance(arg.value, NullValueNode):
                return default
            if isinstance(arg.value, IntValueNode):
                return int(arg.value.value)
            return None
        return default

    def selections(
        self,
        selection_set: SelectionSetNode,
        parent: GraphQLNamedType | None,
        depth: int,
        multiplier: int,
        fragment_path: frozenset[str],
        path: tuple[str, ...] = (),
    ) -> None:
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                self.field(selection, parent, depth, multiplier, fragment_path, path)
            elif isinstance(selection, InlineFragmentNode):
                target = parent
                if selection.type_condition is not None:
                    target = self.schema.get_type(selection.type_condition.name.value)
                self.selections(
                    selection.selection_set, target, depth, multiplier, fragment_path, path
                )
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in fragment_path:
                    continue  # unknown or circular: validation reports it, nothing runs
                self.reached.add(name)
                target = self.schema.get_type(fragment.type_condition.name.value)
                self.selections(
                    fragment.selection_set, target, depth, multiplier, fragment_path | {name}, path
                )

    def field(
        self,
        node: FieldNode,
        parent: GraphQLNamedType | None,
        depth: int,
        multiplier: int,
        fragment_path: frozenset[str],
        path: tuple[str, ...],
    ) -> None:
        path = (*path, (node.alias or node.name).value)
        self.shape.count(path)
        if not self.checked:
            if node.selection_set is not None:
                self.selections(node.selection_set, None, depth + 1, 1, fragment_path, path)
            return
        if node.alias is not None:
            self.aliases += 1
            if self.aliases > self.limits.max_aliases:
                raise LimitExceeded(
                    "aliases",
                    f"the query uses more than {self.limits.max_aliases} aliases",
                    maximum=self.limits.max_aliases,
                )
        if depth > self.limits.max_depth:
            raise LimitExceeded(
                "depth",
                f"the query is nested deeper than {self.limits.max_depth} levels",
                maximum=self.limits.max_depth,
            )
        name = node.name.value
        definition = None
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            definition = parent.fields.get(name)
        defaults = {
            arg_name: arg.default_value
            for arg_name, arg in (definition.args.items() if definition else ())
        }
        for arg_name, cap in ARGUMENT_CAPS.items():
            limit, maximum = FIELD_ARGUMENT_CAPS.get((name, arg_name), cap)
            value = _number(self.arg_value(node, definition, arg_name, defaults.get(arg_name)))
            if value is not None:
                if value > maximum:
                    raise LimitExceeded(
                        limit,
                        f"`{arg_name}` is {value} on `{name}`; the largest allowed is {maximum}",
                        maximum=maximum,
                        argument=arg_name,
                    )
                if value < 0:
                    raise InvalidArgument(f"`{arg_name}` must not be negative", argument=arg_name)
        self.cost += multiplier
        if self.cost > self.limits.max_cost:
            raise LimitExceeded(
                "cost",
                f"the query's estimated cost exceeds the budget of {self.limits.max_cost} "
                "(each field counts once per item of every list around it; ask for smaller "
                "pages or fewer nested lists)",
                maximum=self.limits.max_cost,
            )
        if node.selection_set is None:
            return
        size = 1
        for arg_name in PAGE_ARGUMENTS:
            value = _number(self.arg_value(node, definition, arg_name, defaults.get(arg_name)))
            if value is not None and value > 0:
                size = max(size, math.ceil(value))
        child = get_named_type(definition.type) if definition else None
        self.selections(
            node.selection_set, child, depth + 1, multiplier * size, fragment_path, path
        )


def check_operation(
    schema: GraphQLSchema,
    document: Any,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    limits: Limits,
    hide_suggestions: bool = False,
) -> int:
    """Raise LimitExceeded (or InvalidArgument) when an operation breaks a limit, or the
    variables' own coercion error; else return the estimated cost."""
    _count_values(variables, limits.max_variable_values)
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    shape = _Shape(limits)
    cost = 0
    reached: set[str] = set()
    selected = list(_operations(document, operation_name))
    selected_ids = {id(operation) for operation in selected}
    for operation in selected:
        root = schema.get_root_type(operation.operation)
        values = _coerced_variables(schema, operation, variables, hide_suggestions)
        walk = _Walk(schema, fragments, values, limits, shape)
        walk.selections(operation.selection_set, root, 1, 1, frozenset())
        cost += walk.cost
        reached |= walk.reached
    # Validation visits every definition, run or not: their shape counts too.
    rest = _Walk(schema, fragments, {}, limits, shape, checked=False)
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode) and id(definition) not in selected_ids:
            rest.selections(definition.selection_set, None, 1, 1, frozenset())
        elif isinstance(definition, FragmentDefinitionNode):
            name = definition.name.value
            if name not in reached and name not in rest.reached:
                rest.reached.add(name)
                rest.selections(definition.selection_set, None, 1, 1, frozenset({name}), (name,))
    return cost


def _coerced_variables(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    given: Mapping[str, Any] | None,
    hide_suggestions: bool,
) -> dict[str, Any]:
    """The variables as execution will see them: coerced to their declared types, with
    defaults. Definitions naming no input type are left to validation."""
    definitions: list[VariableDefinitionNode] = [
        d
        for d in operation.variable_definitions or ()
        if is_input_type(type_from_ast(schema, d.type))
    ]
    coerced = get_variable_values(
        schema,
        definitions,
        dict(given) if isinstance(given, Mapping) else {},
        max_errors=1,
        hide_suggestions=hide_suggestions,
    )
    if isinstance(coerced, list):
        # Execution would refuse these values just the same; say so before anything runs.
        error = coerced[0]
        error.extensions = {**(error.extensions or {}), "code": "BAD_USER_INPUT"}
        raise error
    return coerced.coerced


def _count_values(variables: Any, maximum: int) -> None:
    """Refuse variables holding more than ``maximum`` values, counting every item of
    every list and object; stops as soon as it is over."""
    pending = [variables]
    seen = 0
    while pending:
        value = pending.pop()
        seen += 1
        if seen > maximum + 1:  # the variables object itself does not count
            raise LimitExceeded(
                "variable_values",
                f"the variables hold more than {maximum} values "
                "(every item of every list and object counts)",
                maximum=maximum,
            )
        if isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)


def _number(value: Any) -> int | float | None:
    """A finite number (an Int, or a Float an unknown field was given), else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value if math.isfinite(value) else None


def _operations(document: Any, name: str | None) -> Iterator[OperationDefinitionNode]:
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode) and (
            name is None or (definition.name is not None and definition.name.value == name)
        ):
            yield definition


class QueryLimits(SchemaExtension):
    """Token cap at parse time; depth, aliases, page sizes, argument caps and cost before
    validation."""

    def __init__(self, limits: Limits | None = None, suggestions: bool = True) -> None:
        self.limits = limits or Limits()
        self.suggestions = suggestions  # bad variables' errors may say "Did you mean ...?"

    def on_operation(self) -> Iterator[None]:
        # graphql-core's newer parser limits are not in strawberry's ParseOptions type yet.
        options = cast(dict[str, Any], self.execution_context.parse_options)
        options["max_lexical_tokens"] = self.limits.max_tokens
        options["max_comments"] = self.limits.max_tokens
        options["max_source_length"] = self.limits.max_source_length
        yield

    def on_parse(self) -> Iterator[None]:
        yield
        # The parser aborted on a size cap: give its syntax error the typed shape.
        for error in self.execution_context.pre_execution_errors or ():
            if _SOURCE_LIMIT.search(error.message):
                limit, maximum = "document_size", self.limits.max_source_length
                message = (
                    f"the query text is longer than {maximum} characters "
                    "(send bulk data as variables)"
                )
            elif _TOKEN_LIMIT.search(error.message):
                limit, maximum = "tokens", self.limits.max_tokens
                message = (
                    f"the query has more than {maximum} tokens "
                    f"({error.message.removeprefix('Syntax Error: ')})"
                )
            else:
                continue
            error.message = message
            error.extensions = {"code": LimitExceeded.code, "limit": limit, "maximum": maximum}
            # Its location is arbitrary, and printing it (logs) would echo the text.
            error.source = error.positions = error.locations = None
        _tag(self.execution_context.pre_execution_errors, "GRAPHQL_PARSE_FAILED")

    def on_validate(self) -> Iterator[None]:
        ctx = self.execution_context
        document = ctx.graphql_document
        if document is not None and ctx.pre_execution_errors is None:
            try:
                check_operation(
                    ctx.schema._schema,
                    document,
                    ctx.operation_name,
                    ctx.variables,
                    self.limits,
                    hide_suggestions=not self.suggestions,
                )
            except GraphQLError as error:
                # Setting the errors here skips validation and execution altogether.
                ctx.pre_execution_errors = [error]
        yield
        _tag(ctx.pre_execution_errors, "GRAPHQL_VALIDATION_FAILED")


def _tag(errors: list[GraphQLError] | None, code: str) -> None:
    """Give graphql-core's own parse and validation errors a code, like every other error."""
    for error in errors or ():
        if not (error.extensions or {}).get("code"):
            error.extensions = {**(error.extensions or {}), "code": code}
