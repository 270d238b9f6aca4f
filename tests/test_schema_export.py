"""The checked-in SDL matches the code, and every part of the schema is described."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLUnionType,
)

from graph_api import vocabulary
from graph_api.cli import main
from graph_api.commands.export_schema import render
from graph_api.schema import schema

ROOTS = {"Query", "Mutation", "Subscription"}  # containers merged from the domain modules
SDL = Path(__file__).resolve().parent.parent / "schema" / "schema.graphql"


def test_checked_in_schema_matches_the_code() -> None:
    assert SDL.read_text(encoding="utf-8") == render(), (
        "schema/schema.graphql is stale: run `graph-api export-schema`"
    )


def test_export_and_check_commands(tmp_path: Path) -> None:
    target = tmp_path / "out" / "schema.graphql"
    assert main(["export-schema", "--check", "--output", str(target)]) == 1
    assert main(["export-schema", "--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == render()
    assert main(["export-schema", "--check", "--output", str(target)]) == 0
    target.write_text(render() + "type Stale { x: Int }\n", encoding="utf-8")
    assert main(["export-schema", "--check", "--output", str(target)]) == 1


def test_every_type_field_and_argument_is_described() -> None:
    missing: list[str] = []
    for name, gql_type in schema._schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Float", "Boolean", "ID"}:
            continue
        if not gql_type.description and name not in ROOTS:
            missing.append(name)
        if isinstance(gql_type, GraphQLObjectType | GraphQLInterfaceType):
            for field_name, field in gql_type.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
                for arg_name, arg in field.args.items():
                    if not arg.description:
                        missing.append(f"{name}.{field_name}({arg_name})")
        elif isinstance(gql_type, GraphQLInputObjectType):
            for field_name, input_field in gql_type.fields.items():
                if not input_field.description:
                    missing.append(f"{name}.{field_name}")
        elif isinstance(gql_type, GraphQLEnumType | GraphQLUnionType):
            pass
    assert missing == []


def test_every_domain_enum_value_is_described() -> None:
    """The vocabularies, sort keys and sort direction: each value says what it means."""
    domain = {
        name
        for name, value in vars(vocabulary).items()
        if isinstance(value, type) and issubclass(value, Enum) and not name.endswith("Enum")
    }
    missing: list[str] = []
    checked = 0
    for name, gql_type in schema._schema.type_map.items():
        if not isinstance(gql_type, GraphQLEnumType):
            continue
        if name in domain or name.endswith("Sort") or name == "SortDirection":
            checked += 1
            missing.extend(f"{name}.{v}" for v, d in gql_type.values.items() if not d.description)
    assert checked == len(domain) + 9  # eight sort enums and SortDirection
    assert missing == []
