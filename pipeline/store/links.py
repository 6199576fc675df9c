"""Catalog tables that tie papers to dossiers (issue 15), beside ``catalog.py``'s records.

- ``record_dossiers``: every dossier that presented a record (by the record's ``root_id``, so the link holds
  for all its versions): the dossier that first stored it, and each later dossier in which the same paper
  arrived again (``how``: ``stored``, ``same_file`` — the same content hash —, ``same_paper`` — the same
  personal number, schema and document number). Search by dossier code reads this table.
- ``originals``: the whole input file as it was received (one object per file and dossier): kept and
  linked, never handed out with a record (a record's copies hold its own pages only).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pipeline.store.catalog import Base, Id

LINK_KINDS = ("stored", "same_file", "same_paper")


class RecordDossier(Base):
    __tablename__ = "record_dossiers"
    __table_args__ = (Index("ix_record_dossiers_code", "dossier_code"),)

    root_id: Mapped[int] = mapped_column(ForeignKey("records.id"), primary_key=True)
    dossier_code: Mapped[str] = mapped_column(String(80), primary_key=True)
    how: Mapped[str] = mapped_column(String(16))
    linked_by: Mapped[str] = mapped_column(String(128))
    linked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Original(Base):
    __tablename__ = "originals"
    __table_args__ = (
        UniqueConstraint("source_sha256", "dossier_code", name="uq_originals_source_dossier"),
        Index("ix_originals_dossier_code", "dossier_code"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    source_sha256: Mapped[str] = mapped_column(String(64))
    source_name: Mapped[str | None] = mapped_column(String(512))
    object_key: Mapped[str] = mapped_column(String(128))
    pages: Mapped[int] = mapped_column(Integer, default=0)
    dossier_code: Mapped[str | None] = mapped_column(String(80))
    stored_by: Mapped[str] = mapped_column(String(128))
    stored_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
