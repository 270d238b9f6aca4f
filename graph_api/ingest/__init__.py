"""The write path: validated, idempotent upserts and imports of every record type.

Every call runs in managed write transactions and appends change entries in
the same transaction, so a failure writes nothing and records nothing.

Identity. A record is upserted by ``id``. Without an ``id``, a node record is
matched by ``sourceSystem`` + ``externalId``; Partners and Customers are then
matched by their normalized ``domain`` too, so the same company arriving from
two systems is one node (which keeps the source keys of the system that
created it). When nothing matches, a new id is generated.

Updates. Absent fields (and nulls, and empty strings) leave stored values as
they are; sending the same record twice changes nothing: no ``updatedAt``
bump, no change entry.
"""

# The names below load on first use, so that graph_api.ingest.spec and the statement
# generator import without the write path (which loads the statement files they write).
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph_api.errors import Conflict, EntityNotFound, InputInvalid
    from graph_api.ingest.importing import (
        DEFAULT_BATCH_SIZE,
        ImportReport,
        RowError,
        import_records,
    )
    from graph_api.ingest.spec import NODE_TYPES, RECORD_TYPES, RELATIONSHIP_TYPES
    from graph_api.ingest.validation import validate
    from graph_api.ingest.writes import delete, unlink, upsert, upsert_many

_HOMES = {
    "Conflict": "graph_api.errors",
    "EntityNotFound": "graph_api.errors",
    "InputInvalid": "graph_api.errors",
    "DEFAULT_BATCH_SIZE": "graph_api.ingest.importing",
    "ImportReport": "graph_api.ingest.importing",
    "RowError": "graph_api.ingest.importing",
    "import_records": "graph_api.ingest.importing",
    "NODE_TYPES": "graph_api.ingest.spec",
    "RECORD_TYPES": "graph_api.ingest.spec",
    "RELATIONSHIP_TYPES": "graph_api.ingest.spec",
    "validate": "graph_api.ingest.validation",
    "delete": "graph_api.ingest.writes",
    "unlink": "graph_api.ingest.writes",
    "upsert": "graph_api.ingest.writes",
    "upsert_many": "graph_api.ingest.writes",
}
__all__ = [
    "DEFAULT_BATCH_SIZE",
    "NODE_TYPES",
    "RECORD_TYPES",
    "RELATIONSHIP_TYPES",
    "Conflict",
    "EntityNotFound",
    "ImportReport",
    "InputInvalid",
    "RowError",
    "delete",
    "import_records",
    "unlink",
    "upsert",
    "upsert_many",
    "validate",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)
