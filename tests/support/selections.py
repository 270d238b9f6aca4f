"""Selections generated from the schema, so that fields added later are asked too."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
    get_named_type,
)
from graphql.pyutils import Undefined

from graph_api.schema import schema

# A field's arguments as query text ("" for none), or None to leave the field out;
# ``leaf`` tells a scalar or enum field from one that needs a selection of its own.
Arguments = Callable[[GraphQLField, bool], str | None]


def needs_arguments(field: GraphQLField) -> bool:
    """Whether the field has a required argument without a default."""
    return any(
        isinstance(a.type, GraphQLNonNull) and a.default_value is Undefined
        for a in field.args.values()
    )


def selection(type_: Any, depth: int, arguments: Arguments, leaf_unions: bool = False) -> str:
    """Every field of ``type_`` down to ``depth`` levels of nesting, ``__typename`` on
    each object. A union or interface lists its members while depth is left (also at
    depth 0, with only their scalar fields, when ``leaf_unions``)."""
    named = get_named_type(type_)
    if isinstance(named, GraphQLScalarType | GraphQLEnumType):
        return ""
    if isinstance(named, GraphQLUnionType | GraphQLInterfaceType):
        members = (
            named.types
            if isinstance(named, GraphQLUnionType)
            else schema._schema.get_possible_types(named)
        )
        inner = " ".join(
            f"... on {m.name} {selection(m, depth, arguments, leaf_unions)}"
            for m in members
            if depth > 0 or leaf_unions
        )
        return f"{{ __typename {inner} }}"
    assert isinstance(named, GraphQLObjectType)
    parts = ["__typename"]
    for name, field in named.fields.items():
        leaf = isinstance(get_named_type(field.type), GraphQLScalarType | GraphQLEnumType)
        if not leaf and depth <= 0:
            continue
        args = arguments(field, leaf)
        if args is None:
            continue
        if leaf:
            parts.append(f"{name}{args}")
        else:
            nested = selection(field.type, depth - 1, arguments, leaf_unions)
            parts.append(f"{name}{args} {nested}")
    return "{ " + " ".join(parts) + " }"
