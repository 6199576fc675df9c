"""Catalog tables (SQLAlchemy 2). The schema itself is created by the Alembic migrations beside this module.

- ``records``: one row per version of a stored document. Content columns are never updated; a correction
  or a new signed copy inserts a new version that ``supersedes`` the previous one, and only the old row's
  ``is_current`` flag flips (at most one successor per version: ``supersedes_id`` is unique).
- ``people``: everyone a record names (the person, husband, wife, mother, father, register entries), with
  search forms of the names; what search and the per-person view read.
- ``audit_events``: append-only (database triggers refuse UPDATE and DELETE).
- ``dossier_counters`` / ``dossiers``: the per-unit, per-day sequence of dossier codes; a dossier's life cycle
  (state, procedure, applicant, appointment) and ``dossier_steps``, its append-only history of steps.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

Id = BigInteger().with_variant(Integer(), "sqlite")

STATUSES = ("extracted", "reviewed", "signed", "stored")
SUBJECT_ROLES = ("subject", "husband", "wife")


class Base(DeclarativeBase):
    pass


class Record(Base):
    __tablename__ = "records"
    __table_args__ = (
        UniqueConstraint("source_sha256", "doc_index", "version", name="uq_records_source_doc_version"),
        Index("ix_records_root_version", "root_id", "version"),
        Index("ix_records_book", "book", "authority"),
        Index("ix_records_number", "number"),
        Index("ix_records_schema_current", "schema_id", "is_current"),
        Index("ix_records_unit_current", "unit_code", "is_current"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    root_id: Mapped[int | None] = mapped_column(Id, index=False)  # id of version 1 of this record
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("records.id"), unique=True)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    change_reason: Mapped[str | None] = mapped_column(Text)

    schema_id: Mapped[str] = mapped_column(String(64))
    source_sha256: Mapped[str] = mapped_column(String(64))
    source_name: Mapped[str | None] = mapped_column(String(512))
    doc_index: Mapped[int] = mapped_column(Integer, default=0)
    pages: Mapped[list[int]] = mapped_column(JSON, default=list)
    archive_pages: Mapped[list[int] | None] = mapped_column(JSON)  # input pages its copies hold (None: all)
    dossier_code: Mapped[str | None] = mapped_column(String(64), index=True)
    unit_code: Mapped[str | None] = mapped_column(String(64))  # the unit that received it (None: configured)

    number: Mapped[str | None] = mapped_column(String(64))
    book: Mapped[str | None] = mapped_column(String(64))
    authority: Mapped[str | None] = mapped_column(String(512))
    registration_date: Mapped[str | None] = mapped_column(String(10))
    needs_review: Mapped[bool] = mapped_column(Boolean, default=True)

    scan_key: Mapped[str | None] = mapped_column(String(128))
    archive_key: Mapped[str | None] = mapped_column(String(128))
    archive_sha256: Mapped[str | None] = mapped_column(String(64))
    extraction_key: Mapped[str] = mapped_column(String(128))
    extraction_sha256: Mapped[str] = mapped_column(String(64))
    signed_key: Mapped[str | None] = mapped_column(String(128))
    signed_sha256: Mapped[str | None] = mapped_column(String(64))
    signature: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    status: Mapped[str] = mapped_column(String(16), default="extracted")
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    people: Mapped[list[Person]] = relationship(
        back_populates="record", order_by="Person.id", lazy="selectin"
    )


class Person(Base):
    __tablename__ = "people"
    __table_args__ = (
        Index("ix_people_personal_id", "personal_id"),
        Index("ix_people_name_folded", "name_folded"),
        Index("ix_people_date_of_birth", "date_of_birth"),
        Index("ix_people_entry_number", "entry_number"),
        Index("ix_people_name_key", "name_key"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # subject, husband, wife, mother, father
    entry_index: Mapped[int | None] = mapped_column(Integer)  # register entries: 0-based row
    entry_number: Mapped[str | None] = mapped_column(String(64))  # register entries: Số
    personal_id: Mapped[str | None] = mapped_column(String(16))
    full_name: Mapped[str | None] = mapped_column(String(256))
    name_folded: Mapped[str | None] = mapped_column(String(256))
    name_key: Mapped[str | None] = mapped_column(String(300))
    date_of_birth: Mapped[str | None] = mapped_column(String(10))
    birth_year: Mapped[int | None] = mapped_column(Integer)

    record: Mapped[Record] = relationship(back_populates="people")


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[int | None] = mapped_column(Id, index=True)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class DossierCounter(Base):
    __tablename__ = "dossier_counters"

    unit_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[str] = mapped_column(String(6), primary_key=True)  # YYMMDD
    last_seq: Mapped[int] = mapped_column(Integer)


class Dossier(Base):
    __tablename__ = "dossiers"

    code: Mapped[str] = mapped_column(String(80), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # the life cycle (migration 0005): app/counter/lifecycle.py names the states and the steps
    state: Mapped[str] = mapped_column(String(24), default="moi_tiep_nhan", server_default="moi_tiep_nhan")
    procedure_id: Mapped[str | None] = mapped_column(String(64))  # app/counter/data/procedures.yaml
    applicant_name: Mapped[str | None] = mapped_column(String(256))
    applicant_personal_id: Mapped[str | None] = mapped_column(String(16))
    applicant_contact: Mapped[str | None] = mapped_column(String(256))
    papers: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # paper key → {"received": bool, "checked": bool}
    received_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # the tiếp nhận step
    due_date: Mapped[str | None] = mapped_column(String(10))  # the appointment, YYYY-MM-DD (Vietnam)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class DossierStep(Base):
    """One step of a dossier's life cycle, with the server's acknowledgement (app/counter/acknowledgement.py)."""

    __tablename__ = "dossier_steps"
    __table_args__ = (Index("ix_dossier_steps_code", "dossier_code", "id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    dossier_code: Mapped[str] = mapped_column(ForeignKey("dossiers.code"))
    step: Mapped[str] = mapped_column(String(24))
    from_state: Mapped[str] = mapped_column(String(24))
    to_state: Mapped[str] = mapped_column(String(24))
    actor: Mapped[str] = mapped_column(String(128))
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    note: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    digest: Mapped[str] = mapped_column(String(64))  # SHA-256 of the step's canonical record
    acknowledgement: Mapped[str] = mapped_column(String(64))  # HMAC-SHA256 of the digest, the server's key
    # migration 0010: the acting officer's detached CMS over the record (base64 DER; NULL: none, HMAC only)
    signature: Mapped[str | None] = mapped_column(Text)
    signer_subject: Mapped[str | None] = mapped_column(String(1024))
