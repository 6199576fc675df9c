"""One repository per process for the tasks, opened under a lock.

Opening a ``Repository`` migrates the catalog (Alembic), and Alembic's migration context is process-global:
two threads opening the catalog at once fail (``KeyError: 'script'``, ``database is locked``). The tasks run
in threads, so they share one ``Repository`` (its SQLAlchemy engine and object-store client are thread-safe),
opened on first use. A failed open is not kept: the next attempt (a task retry) opens again.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from pipeline.config import settings

if TYPE_CHECKING:
    from pipeline.store import Repository

_lock = threading.Lock()
_open: dict[tuple, Repository] = {}


def _key() -> tuple:
    s = settings()
    return (str(s.home), s.catalog_url, s.s3_endpoint, s.s3_bucket, s.s3_access_key, s.unit_code)


def repository() -> Repository:
    """The repository of the current settings, shared by the tasks of this process."""
    from pipeline.store import Repository  # imported when first used: SQLAlchemy, Alembic, the S3 SDK (0.5 s)

    key = _key()
    with _lock:
        if key not in _open:
            _open[key] = Repository.from_settings()
        return _open[key]


def close_all() -> None:
    with _lock:
        for repo in _open.values():
            repo.close()
        _open.clear()
