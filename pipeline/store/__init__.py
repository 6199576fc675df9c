"""The living document repository: object store (local folder or S3/MinIO), catalog (SQLite or
PostgreSQL, Alembic-migrated), versioned records, audit log, dossier codes, Ministry of Justice export.

Entry point: ``Repository.from_settings()`` (see docs/repository.md). Importing this package does not
import the S3 client; it is imported only when an S3 endpoint is configured.
"""

from pipeline.store.objects import ObjectStore, StoredObject, StoreStatus, key_for
from pipeline.store.repository import RecordNotFound, Repository, StaleRecord
from pipeline.store.views import PersonLink, PersonRecords, RecordView, ReuseResult, SignatureCheck

__all__ = [
    "ObjectStore",
    "PersonLink",
    "PersonRecords",
    "RecordNotFound",
    "RecordView",
    "Repository",
    "ReuseResult",
    "SignatureCheck",
    "StaleRecord",
    "StoreStatus",
    "StoredObject",
    "key_for",
]
