"""The parts a record type is declared with: value kinds, fields, references, what a
delete takes along or refuses (graph_api/ingest/spec.py declares each type with them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any

# Value kinds understood by graph_api.ingest.validation.
TEXT = "text"
ENUM = "enum"
DATE = "date"
DATETIME = "datetime"
AMOUNT = "amount"  # a number >= 0
SHARE = "share"  # a number in 0..1
DOMAIN = "domain"
CURRENCY = "currency"
EMAIL = "email"
REF = "ref"  # the id of another entity
COUNT = "count"  # a whole number >= 0 (quantities, days, contacts)
PERCENT = "percent"  # a number in 0..100 (course scores)


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    enum: type[Enum] | None = None
    label: str | None = None  # for REF: the label the id points at
    # For a node record's REF: the relationship that stores it, and whether it points
    # from the referenced node to the record ((Partner)-[:HOLDS]->(Partnership)).
    link: str | None = None
    inward: bool = False


@dataclass(frozen=True)
class Owned:
    """Nodes a delete takes along: ``label`` nodes linked to the deleted one by ``link``."""

    link: str
    label: str
    inward: bool = False


@dataclass(frozen=True)
class Deletion:
    """What deleting a node record involves, as patterns from its node ``(n)``."""

    blocked_by: str | None = None  # ends in (d): nodes whose count refuses a plain delete
    blocking: str = "dependent record(s)"  # how the Conflict names them
    owns: tuple[Owned, ...] = ()
    partners: str | None = None  # ends in (p:Partner): the partners the delete concerns


@dataclass(frozen=True)
class Spec:
    record_type: str
    fields: tuple[Field, ...]
    required: tuple[str, ...] = ()  # on create (nodes) or always (relationships)
    defaults: dict[str, Any] = field(default_factory=dict)
    label: str | None = None  # node records
    rel_type: str | None = None  # relationship records
    endpoints: tuple[str, str] = ("", "")  # relationship records: (from field, to field)
    # Node records without a source key: references that together name one node
    # (a partner joins a program once).
    natural_refs: tuple[str, ...] = ()
    deletion: Deletion = Deletion()

    @property
    def is_node(self) -> bool:
        return self.label is not None

    def field(self, name: str) -> Field | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None

    @cached_property
    def has_domain(self) -> bool:
        """Whether a ``domain`` field identifies this type's records (its natural key)."""
        f = self.field("domain")
        return f is not None and f.kind == DOMAIN

    @property
    def refs(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.kind == REF)

    @property
    def props(self) -> tuple[Field, ...]:
        """Fields stored as properties (node or relationship)."""
        skip = set(self.endpoints)
        return tuple(f for f in self.fields if f.kind != REF and f.name not in skip)
