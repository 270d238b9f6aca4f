"""graph_api/vocabulary.py without a store: stored values, their GraphQL names, the
stage and status groups, and the literals the named Cypher statements compare with."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path

import pytest
from graphql import GraphQLEnumType

from graph_api import vocabulary as v
from graph_api.ingest.declarations import ENUM
from graph_api.ingest.spec import SPECS
from graph_api.schema import schema

VOCABULARIES: list[type[Enum]] = [
    value
    for value in vars(v).values()
    if isinstance(value, type) and issubclass(value, Enum) and value.__module__ == v.__name__
]
CYPHER = Path(v.__file__).resolve().parent.parent / "cypher"


def test_every_vocabulary_is_found() -> None:
    assert {vocabulary.__name__ for vocabulary in VOCABULARIES} >= {
        "PartnerKind",
        "DealStage",
        "RegistrationStatus",
        "ConsentLevel",
        "GoalMetric",
    }


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda e: e.__name__)
def test_stored_values_are_plain_unique_strings_named_in_upper_case(
    vocabulary: type[Enum],
) -> None:
    values = [member.value for member in vocabulary]
    assert all(isinstance(value, str) for value in values)
    assert len(set(values)) == len(values)
    assert all(member.name == member.value.upper() for member in vocabulary)


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda e: e.__name__)
def test_graphql_shows_each_value_with_a_description(vocabulary: type[Enum]) -> None:
    graphql_type = schema._schema.type_map.get(vocabulary.__name__)
    if graphql_type is None:
        pytest.fail(f"{vocabulary.__name__} is not in the GraphQL schema")
    assert isinstance(graphql_type, GraphQLEnumType)
    assert set(graphql_type.values) == {member.name for member in vocabulary}
    assert all(value.description for value in graphql_type.values.values())
    assert graphql_type.description


def test_open_and_closed_stages_partition_the_deal_stages() -> None:
    stages = {member.value for member in v.DealStage}
    assert set(v.OPEN_STAGES) | set(v.CLOSED_STAGES) == stages
    assert not set(v.OPEN_STAGES) & set(v.CLOSED_STAGES)
    assert set(v.CLOSED_STAGES) == {"won", "lost"}


def test_active_registrations_are_the_undecided_and_the_accepted() -> None:
    statuses = {member.value for member in v.RegistrationStatus}
    assert set(v.ACTIVE_REGISTRATION_STATUSES) == {"pending", "approved"}
    assert set(v.ACTIVE_REGISTRATION_STATUSES) < statuses


def test_every_enum_field_of_the_ingest_spec_takes_a_vocabulary() -> None:
    enum_fields = [(spec.record_type, f) for spec in SPECS.values() for f in spec.fields]
    enum_fields = [(record, f) for record, f in enum_fields if f.kind == ENUM]
    assert enum_fields
    for record, f in enum_fields:
        assert f.enum in VOCABULARIES, f"{record}.{f.name}"


def _literals(pattern: str) -> list[tuple[str, str]]:
    found = []
    for path in sorted(CYPHER.rglob("*.cypher")):
        for match in re.finditer(pattern, path.read_text()):
            found.append((path.name, match.group(1)))
    return found


def test_the_stages_named_in_cypher_are_deal_stages() -> None:
    stages = {member.value for member in v.DealStage}
    single = _literals(r"\.stage\s*(?:=|<>)\s*'([^']*)'")
    assert single, "no stage comparisons found"
    assert [(name, s) for name, s in single if s not in stages] == []
    lists = _literals(r"\.stage\s+IN\s+\[([^\]]*)\]")
    groups = {frozenset(v.OPEN_STAGES), frozenset(v.CLOSED_STAGES)}
    for name, listed in lists:
        values = frozenset(re.findall(r"'([^']*)'", listed))
        assert values in groups, f"{name}: {sorted(values)}"
