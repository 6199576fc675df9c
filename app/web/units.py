"""Need-to-know by unit (issue 16, finding 8). Every account belongs to a unit (``User.unit_code``); every
record carries the unit that received it (``records.unit_code``; older records: the configured unit) and
every dossier is its unit's (the unit code starts the dossier code).

- Officers see their unit's records and dossiers only (search, the per-person view, the review queue, the
  counter's lists); a record of another unit opens only as an explicit reuse: the officer gives a reason,
  an audit event ``cross_unit_read`` (reason, both units) is written, and the record can then be read by
  that officer for ``GRANT_HOURS`` (each read audited as usual). Correcting another unit's record is not
  possible at all.
- The unit of a record is looked up before the record is read, so a refusal reads (and shows) nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi import Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.web.auth import Principal
from pipeline.store import RecordNotFound
from pipeline.store.catalog import AuditEvent, Record

CROSS_UNIT_READ = "cross_unit_read"
GRANT_HOURS = 12
MIN_REASON = 10


class OtherUnit(Exception):
    """The record belongs to another unit: reading it needs a stated reason (``reason_allowed``), or is
    not possible (an edit)."""

    def __init__(self, record_id: int, unit_code: str, reason_allowed: bool = True):
        super().__init__(record_id)
        self.record_id = record_id
        self.unit_code = unit_code
        self.reason_allowed = reason_allowed


def _owner(request: Request, record_id: int) -> tuple[int, str]:
    """(root id, unit code) of a record, read without an audit event: nothing of the record is shown."""
    repo = request.app.state.ctx.repo
    with Session(repo.engine) as session:
        row = session.execute(select(Record.root_id, Record.unit_code).where(Record.id == record_id)).first()
    if row is None:
        raise RecordNotFound(record_id)
    return int(row.root_id or record_id), row.unit_code or repo.unit_code


def _granted(request: Request, principal: Principal, root_id: int) -> bool:
    repo = request.app.state.ctx.repo
    with Session(repo.engine) as session:
        times = session.scalars(select(AuditEvent.at).where(
            AuditEvent.actor == principal.user.actor, AuditEvent.action == CROSS_UNIT_READ,
            AuditEvent.record_id == root_id)).all()
    cutoff = datetime.now(UTC) - timedelta(hours=GRANT_HOURS)
    return any((at if at.tzinfo else at.replace(tzinfo=UTC)) >= cutoff for at in times)


def check_readable(request: Request, principal: Principal, record_id: int) -> None:
    """Raises ``OtherUnit`` unless the record is the user's unit's or its reuse was granted."""
    root_id, unit = _owner(request, record_id)
    if unit != principal.user.unit_code and not _granted(request, principal, root_id):
        raise OtherUnit(record_id, unit)


def check_editable(request: Request, principal: Principal, record_id: int) -> None:
    """Raises ``OtherUnit`` (no reason can open it) unless the record is the user's unit's."""
    _root_id, unit = _owner(request, record_id)
    if unit != principal.user.unit_code:
        raise OtherUnit(record_id, unit, reason_allowed=False)


def grant(request: Request, principal: Principal, record_id: int, reason: str) -> str | None:
    """Records an explicit reuse of another unit's record (the audit event is the grant); None when done,
    else why not (Vietnamese)."""
    reason = " ".join(reason.split())
    if len(reason) < MIN_REASON:
        return f"Hãy nêu lý do (ít nhất {MIN_REASON} ký tự)."
    root_id, unit = _owner(request, record_id)
    if unit == principal.user.unit_code:
        return None
    request.app.state.ctx.repo.log_reads(principal.user.actor, CROSS_UNIT_READ, [root_id], {
        "reason": reason, "unit_code": principal.user.unit_code, "record_unit": unit, "asked": record_id})
    return None
