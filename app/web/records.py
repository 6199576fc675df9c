"""Stored records for the screens: search, the review queue (the catalog has no queue query, so it is read
here from the catalog's ``records`` table), a live check of a record's signed copy."""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pipeline.store import RecordView, Repository, SignatureCheck
from pipeline.store.catalog import Person, Record
from pipeline.store.verification import check_signature


def review_queue(repo: Repository, actor: str, unit_code: str, limit: int = 200) -> list[RecordView]:
    """Current records of ``unit_code`` that need a person's review, oldest first."""
    query = (select(Record).where(Record.is_current.is_(True), Record.needs_review.is_(True),
                                  repo.in_unit(unit_code))
             .order_by(Record.root_id, Record.id).limit(limit))
    with Session(repo.engine) as session:
        views = [RecordView.model_validate(r) for r in session.scalars(query)]
    repo.log_reads(actor, "review_queue", [v.id for v in views], {})
    return views


def queue_length(repo: Repository, unit_code: str) -> int:
    """How many current records of the unit wait for review (a count: no record is read, nothing to audit)."""
    with Session(repo.engine) as session:
        return session.scalar(select(func.count()).select_from(Record).where(
            Record.is_current.is_(True), Record.needs_review.is_(True), repo.in_unit(unit_code))) or 0


def person_row_id(repo: Repository, personal_id: str) -> int | None:
    """The id of one ``people`` row with this personal number (what a person token signs), or None."""
    with Session(repo.engine) as session:
        return session.scalar(select(Person.id).where(Person.personal_id == personal_id).order_by(Person.id)
                              .limit(1))


def personal_id_of_row(repo: Repository, row_id: int) -> str | None:
    with Session(repo.engine) as session:
        return session.scalar(select(Person.personal_id).where(Person.id == row_id))


def signature_status(repo: Repository, record: RecordView) -> SignatureCheck | None:
    """The signed copy verified now (integrity, trust, timestamp); None when the record has none."""
    if not record.signed_key:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = repo.objects.download(record.signed_key, Path(tmp) / "signed.pdf")
        check = check_signature(path)
    if check.summary:
        check = check.model_copy(update={"summary": check.summary.replace(str(path), "Bản ký số")})
    return check
