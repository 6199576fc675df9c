"""The append-only audit log: who did what to which record, when. The code only inserts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Insert, insert, select
from sqlalchemy.orm import Session

from pipeline.store.catalog import AuditEvent


def now() -> datetime:
    return datetime.now(UTC)


def log(session: Session, actor: str, action: str, record_id: int | None = None,
        detail: dict[str, Any] | None = None) -> None:
    """Adds one event to the session; it is written with the session's transaction."""
    session.add(AuditEvent(at=now(), actor=actor, action=action, record_id=record_id, detail=detail))


def log_many(session: Session, actor: str, action: str, record_ids: list[int],
             detail: dict[str, Any] | None = None) -> None:
    at = now()
    # one executemany INSERT (a search's first page audits 100 reads: ORM objects cost more than the query)
    session.execute(insert(AuditEvent), [{"at": at, "actor": actor, "action": action, "record_id": rid,
                                          "detail": detail} for rid in record_ids])


def event_insert(actor: str, action: str, record_id: int | None = None,
                 detail: dict[str, Any] | None = None) -> Insert:
    """The same event as an INSERT statement, for code that works on a connection, not a session."""
    return insert(AuditEvent).values(at=now(), actor=actor, action=action, record_id=record_id, detail=detail)


def events(session: Session, record_id: int | None = None, limit: int = 1000) -> list[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.id).limit(limit)
    if record_id is not None:
        query = query.where(AuditEvent.record_id == record_id)
    return list(session.scalars(query))
