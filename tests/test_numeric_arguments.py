"""Every Int and Float argument of every field, read from the schema, fed every way a
value can arrive: an int literal, a float literal, a string literal, and a variable
holding an int, a float or a string.

Caps and cost must hold for each way (graphql-core coerces ``100.0`` in an ``Int``
variable to 100, so the limits must count it as 100); strings must be typed errors.
Refused requests go through the real endpoint and run no Cypher at all.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
    parse,
    validate,
)

from graph_api.embedded import Connection
from graph_api.errors import MAX_PAGE_SIZE
from graph_api.limits import (
    ARGUMENT_CAPS,
    FIELD_ARGUMENT_CAPS,
    PAGE_ARGUMENTS,
    Limits,
    check_operation,
)
from graph_api.schema import schema
from graph_api.store import Store
from tests.support.security import SecureServer, auth, secure_server

SCHEMA = schema._schema
PARTNER = auth("partner", "p1")
NUMERIC = ("Int", "Float")


@dataclass(frozen=True)
class Argument:
    """One numeric argument, and an operation that reaches its field."""

    operation: str  # query | subscription
    path: tuple[str, ...]  # selections from the root to the field's parent, with arguments
    parent: str
    field: str
    name: str
    scalar: str  # Int | Float
    required: bool
    cap: tuple[str, int] | None  # (limit, maximum)

    def __str__(self) -> str:
        return f"{self.parent}.{self.field}({self.name})"

    def document(self, value: str, declared: str | None = None) -> str:
        """The operation with ``value`` (a literal or ``$v``) in this argument."""
        field = SCHEMA.get_type(self.parent).fields[self.field]  # type: ignore[union-attr]
        args = [f"{self.name}: {value}", *_required_arguments(field, skip=self.name)]
        inner = f"{self.field}({', '.join(args)}){_leaf_selection(field)}"
        for step in reversed(self.path):
            inner = f"{step} {{ {inner} }}"
        header = f"($v: {declared})" if declared else ""
        return f"{self.operation}{header} {{ {inner} }}"

    def declared(self) -> str:
        return self.scalar + ("!" if self.required else "")


SAMPLE_LITERALS = {
    "ID": '"p1"',
    "String": '"p1"',
    "Date": '"2024-01-01"',
    "Int": "1",
    "Boolean": "false",
}


def _required_arguments(field: GraphQLField, skip: str | None = None) -> list[str]:
    values = []
    for name, arg in field.args.items():
        if name == skip or not isinstance(arg.type, GraphQLNonNull) or arg.default_value:
            continue
        named = get_named_type(arg.type)
        if isinstance(named, GraphQLEnumType):
            values.append(f"{name}: {next(iter(named.values))}")
        elif named.name in SAMPLE_LITERALS:
            values.append(f"{name}: {SAMPLE_LITERALS[named.name]}")
        else:
            raise LookupError(name)  # an input object: not a field we step through
    return values


def _leaf_selection(field: GraphQLField) -> str:
    named = get_named_type(field.type)
    return "" if isinstance(named, GraphQLScalarType | GraphQLEnumType) else " { __typename }"


def _paths(root: GraphQLObjectType) -> dict[str, tuple[str, ...]]:
    """The shortest selection path from ``root`` to every object type it reaches."""
    paths: dict[str, tuple[str, ...]] = {root.name: ()}
    queue = deque([root])
    while queue:
        parent = queue.popleft()
        for name, field in parent.fields.items():
            target = get_named_type(field.type)
            if not isinstance(target, GraphQLObjectType | GraphQLInterfaceType):
                continue
            if target.name in paths:
                continue
            try:
                args = _required_arguments(field)
            except LookupError:
                continue
            step = f"{name}({', '.join(args)})" if args else name
            paths[target.name] = (*paths[parent.name], step)
            if isinstance(target, GraphQLObjectType):
                queue.append(target)
    return paths


def numeric_arguments() -> list[Argument]:
    found = []
    for operation, root in (
        ("query", SCHEMA.query_type),
        ("subscription", SCHEMA.subscription_type),
    ):
        assert root is not None
        for type_name, path in _paths(root).items():
            if operation == "subscription" and path:
                continue  # subscription payloads are events; their fields are reached by queries
            parent = SCHEMA.get_type(type_name)
            assert isinstance(parent, GraphQLObjectType | GraphQLInterfaceType)
            for field_name, field in parent.fields.items():
                for arg_name, arg in field.args.items():
                    scalar = get_named_type(arg.type).name
                    if scalar not in NUMERIC:
                        continue
                    cap = ARGUMENT_CAPS.get(arg_name)
                    cap = FIELD_ARGUMENT_CAPS.get((field_name, arg_name), cap)
                    found.append(
                        Argument(
                            operation,
                            path,
                            type_name,
                            field_name,
                            arg_name,
                            scalar,
                            isinstance(arg.type, GraphQLNonNull),
                            cap,
                        )
                    )
    return found


ARGUMENTS = numeric_arguments()
CAPPED = [a for a in ARGUMENTS if a.cap is not None]
QUERIES = [a for a in ARGUMENTS if a.operation == "query"]


def test_the_schema_walk_finds_every_numeric_argument() -> None:
    every = {
        (t.name, f, a)
        for t in SCHEMA.type_map.values()
        if isinstance(t, GraphQLObjectType) and not t.name.startswith("__")
        for f, field in t.fields.items()
        for a, arg in field.args.items()
        if get_named_type(arg.type).name in NUMERIC
    }
    assert {(a.parent, a.field, a.name) for a in ARGUMENTS} == every
    assert len(CAPPED) >= 30 and any(a.scalar == "Float" for a in ARGUMENTS)
    for argument in ARGUMENTS:  # every generated operation is a valid one
        document = argument.document("$v", argument.declared())
        assert validate(SCHEMA, parse(document)) == [], document


def _cost(argument: Argument, value: str, variables: dict[str, Any] | None = None) -> int:
    declared = argument.declared() if variables is not None else None
    document = parse(argument.document(value, declared))
    return check_operation(SCHEMA, document, None, variables, Limits(max_cost=10**9))


@pytest.mark.parametrize("argument", ARGUMENTS, ids=str)
def test_cost_is_the_same_however_the_value_arrives(argument: Argument) -> None:
    for n in (1, 2, 3):
        ways = {
            "int literal": _cost(argument, str(n)),
            "int variable": _cost(argument, "$v", {"v": n}),
            "float variable": _cost(argument, "$v", {"v": float(n)}),
        }
        if argument.scalar == "Float":
            ways["float literal"] = _cost(argument, f"{n}.0")
        assert len(set(ways.values())) == 1, (n, ways)
    if argument.name in PAGE_ARGUMENTS and argument.cap is not None:
        # A page size multiplies what is under it; the same through a variable.
        assert _cost(argument, "$v", {"v": 3.0}) > _cost(argument, "$v", {"v": 1.0})


@pytest.mark.parametrize("argument", CAPPED, ids=str)
def test_caps_hold_however_the_value_arrives(argument: Argument) -> None:
    assert argument.cap is not None
    limit, maximum = argument.cap
    over = maximum + 1
    for value, variables in (
        (str(over), None),
        ("$v", {"v": over}),
        ("$v", {"v": float(over)}),
    ):
        with pytest.raises(GraphQLError) as caught:
            _cost(argument, value, variables)
        assert caught.value.extensions == {
            "code": "LIMIT_EXCEEDED",
            "limit": limit,
            "maximum": maximum,
            "argument": argument.name,
        }, (value, variables)
    for value, variables in (("-1", None), ("$v", {"v": -1}), ("$v", {"v": -1.0})):
        with pytest.raises(GraphQLError) as caught:
            _cost(argument, value, variables)
        assert (caught.value.extensions or {})["code"] == "BAD_USER_INPUT"
    # At the cap, every way passes.
    for value, variables in ((str(maximum), None), ("$v", {"v": float(maximum)})):
        _cost(argument, value, variables)


@pytest.fixture(scope="module")
def secured(migrated: Connection) -> Iterator[SecureServer]:
    with secure_server(migrated) as server:
        yield server


def _refused(server: SecureServer, query: str, variables: dict[str, Any] | None) -> dict[str, Any]:
    trips = server.store.total_round_trips
    response = server.gql(query, variables, headers=PARTNER)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["data"] is None, (query, variables, body)
    assert server.store.total_round_trips == trips, f"ran Cypher: {query} {variables}"
    [error] = body["errors"]
    return dict(error["extensions"])


async def test_every_numeric_argument_over_http(secured: SecureServer, store: Store) -> None:
    """Over the cap, negative, a string or a fractional Int: refused, typed, no Cypher."""
    sent = 0
    for argument in QUERIES:
        declared = argument.declared()
        # Strings never pass as numbers: a literal fails validation, a variable coercion.
        for text in ("5", "101", "1e9", "' OR 1=1 //"):
            assert _refused(secured, argument.document(json.dumps(text)), None)["code"] == (
                "GRAPHQL_VALIDATION_FAILED"
            )
            assert _refused(secured, argument.document("$v", declared), {"v": text})["code"] == (
                "BAD_USER_INPUT"
            )
            sent += 2
        if argument.scalar == "Int":
            assert _refused(secured, argument.document("2.0"), None)["code"] == (
                "GRAPHQL_VALIDATION_FAILED"
            )
            assert _refused(secured, argument.document("$v", declared), {"v": 2.5})["code"] == (
                "BAD_USER_INPUT"
            )
            sent += 2
        if argument.cap is None:
            continue
        limit, maximum = argument.cap
        for value, variables in (
            (str(maximum + 1), None),
            ("$v", {"v": maximum + 1}),
            ("$v", {"v": float(maximum + 1)}),
            ("$v", {"v": 1e6}),
        ):
            header = declared if variables is not None else None
            extensions = _refused(secured, argument.document(value, header), variables)
            assert (extensions["code"], extensions.get("limit")) == ("LIMIT_EXCEEDED", limit)
            sent += 1
        for value, variables in (("-1", None), ("$v", {"v": -1.0})):
            header = declared if variables is not None else None
            extensions = _refused(secured, argument.document(value, header), variables)
            assert extensions["code"] == "BAD_USER_INPUT"
            sent += 1
    assert sent > 8 * len(QUERIES)


async def test_float_page_sizes_cannot_buy_a_costlier_query(
    secured: SecureServer, store: Store
) -> None:
    """Three nested lists of 100 items: refused at once, whether 100 or 100.0 arrives."""
    query = (
        "query($f: Int!) { partners(first: $f) { nodes { deals(first: $f) { nodes {"
        " attributions(first: $f) { nodes { role share } } } } } } }"
    )
    for f in (MAX_PAGE_SIZE, float(MAX_PAGE_SIZE)):
        extensions = _refused(secured, query, {"f": f})
        assert (extensions["code"], extensions["limit"]) == ("LIMIT_EXCEEDED", "cost")
