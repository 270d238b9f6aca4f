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

from graph_api.errors import Conflict, EntityNotFound, InputInvalid
from graph_api.ingest.importing import DEFAULT_BATCH_SIZE, ImportReport, RowError, import_records
from graph_api.ingest.spec import NODE_TYPES, RECORD_TYPES, RELATIONSHIP_TYPES
from graph_api.ingest.validation import validate
from graph_api.ingest.writes import delete, unlink, upsert, upsert_many

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
