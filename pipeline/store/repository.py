"""The living document repository: objects (content-addressed, never overwritten) + catalog (versioned
records) + audit log. Every read and write of a record leaves an audit event naming the actor.

    repo = Repository.from_settings()
    [record] = repo.put(result, scan=path, archive=pdfa_path, actor="can_bo_01")
    repo.attach_signed(record.id, signed_path, summary, actor="can_bo_01")
    repo.search(personal_id="022180000123", actor=...)
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import ColumnElement, Engine, Select, or_, select, true, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload, sessionmaker

from pipeline.config import Settings, settings
from pipeline.models import Document, ExtractionResult
from pipeline.store import audit
from pipeline.store.browse import DossierPage, RecordPage, clamp, day_bounds, dossier_page, record_page
from pipeline.store.catalog import STATUSES, SUBJECT_ROLES, AuditEvent, Person, Record
from pipeline.store.corrections import merged, same_document, typed_changes
from pipeline.store.database import open_catalog
from pipeline.store.dossier import next_dossier_code
from pipeline.store.factory import object_store
from pipeline.store.keys import PersonKeys, digits, record_keys
from pipeline.store.links import Original, RecordDossier
from pipeline.store.objects import ObjectStore, StoredObject, sha256_bytes, sha256_file
from pipeline.store.search import (
    FIRST_CHUNK,
    NameMatcher,
    newest_people,
    prefix_range,
    query_words,
    remember_words,
    subject_roles,
)
from pipeline.store.verification import Verifier, check_signature, development_installation
from pipeline.store.views import (
    OriginalView,
    PersonLink,
    PersonRecords,
    RecordView,
    ReuseResult,
    SignatureStatus,
    StoredPaper,
)

Blob = Path | str | bytes
PDF = "application/pdf"
JSON_TYPE = "application/json"


DOSSIER_UNIT = re.compile(r"^[0-9A-Z]{3}\.")  # a dossier code that starts with its unit's code
REUSABLE = {"valid", "unchecked", "absent"}  # signature statuses that let a record with matching hashes be reused
REUSE_PROBLEMS = {  # the line said for a checked signature that is not valid
    "invalid": "chữ ký số không hợp lệ",
    "test_signature": "chữ ký thử nghiệm, không có giá trị pháp lý",
    "cannot_validate": "không kiểm tra được chữ ký số",
}


@dataclass(frozen=True)
class PaperCopy:
    """One document's own copies: its PDF/A archive copy (its pages only) and, when signed, the signed copy."""

    archive: Blob
    signed: Blob | None = None
    signature: Any = None


Recognition = Literal["stored", "same_file", "same_paper"]
STATUS_RANK = {status: rank for rank, status in enumerate(STATUSES)}


class RecordNotFound(LookupError):
    pass


class StaleRecord(RuntimeError):
    """The record was superseded meanwhile: corrections apply to the current version only."""


def result_bytes(result: ExtractionResult) -> bytes:
    """The stored form of an extraction result: canonical JSON, so equal results get equal keys."""
    return json.dumps(result.to_json_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8")


def _person_row(keys: PersonKeys) -> Person:
    return Person(**keys.model_dump())


def _copy_person(person: Person) -> Person:
    return Person(
        role=person.role, entry_index=person.entry_index, entry_number=person.entry_number,
        personal_id=person.personal_id, full_name=person.full_name, name_folded=person.name_folded,
        name_key=person.name_key, date_of_birth=person.date_of_birth, birth_year=person.birth_year,
    )


_COPIED = (
    "root_id", "schema_id", "source_sha256", "source_name", "doc_index", "pages", "archive_pages", "dossier_code",
    "unit_code", "number",
    "book", "authority", "registration_date", "needs_review", "scan_key", "archive_key", "archive_sha256",
    "extraction_key", "extraction_sha256", "signed_key", "signed_sha256", "signature", "status",
)


class Repository:
    def __init__(self, objects: ObjectStore, engine: Engine, unit_code: str = "000.00.00.H49",
                 verifier: Verifier | None = None, development: bool | None = None):
        self.objects = objects
        self.engine = engine
        self.unit_code = unit_code
        self.verifier = verifier
        # a development installation (sohoa's development signer) reuses test-signed copies, marked;
        # None: decided from settings() at each reuse
        self.development = development
        self.names = NameMatcher(engine)
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False)

    @classmethod
    def from_settings(cls, s: Settings | None = None, verifier: Verifier | None = None) -> Repository:
        s = s or settings()
        return cls(object_store(s), open_catalog(s.catalog_url), s.unit_code, verifier, development_installation(s))

    def close(self) -> None:
        self.engine.dispose()

    def status(self) -> dict[str, Any]:
        """What the object store offers (versioning, retention, encryption, notes) and which catalog."""
        return {"objects": self.objects.status().model_dump(),
                "catalog": self.engine.url.render_as_string(hide_password=True)}

    # -- objects ---------------------------------------------------------------------------------------
    def _put_blob(self, blob: Blob | None, content_type: str) -> StoredObject | None:
        if blob is None:
            return None
        if isinstance(blob, bytes):
            return self.objects.put_bytes(blob, content_type)
        return self.objects.put_file(Path(blob), content_type)

    def load_result(self, record: RecordView) -> ExtractionResult:
        data = self.objects.get_bytes(record.extraction_key)
        if sha256_bytes(data) != record.extraction_sha256:
            raise ValueError(f"bản ghi {record.id}: dữ liệu trích xuất không khớp mã băm trong danh mục")
        return ExtractionResult.model_validate_json(data)

    def load_document(self, record: RecordView) -> Document:
        return self.load_result(record).documents[record.doc_index]

    # -- writes ----------------------------------------------------------------------------------------
    def _current_by_source(self, session: Session, sha256: str) -> dict[int, Record]:
        rows = session.scalars(
            select(Record).where(Record.source_sha256 == sha256, Record.is_current.is_(True))
        )
        return {r.doc_index: r for r in rows}

    def put(self, result: ExtractionResult, **options: Any) -> list[RecordView]:
        """The records of ``result``'s documents, in the order of its documents; ``options`` as for
        ``put_papers`` (actor, scan, archive, signed, signature, status, dossier_code, unit_code, papers)."""
        return [paper.record for paper in self.put_papers(result, **options)]

    def put_papers(
        self,
        result: ExtractionResult,
        *,
        actor: str,
        scan: Blob | None = None,
        archive: Blob | None = None,
        signed: Blob | None = None,
        signature: Any = None,
        status: str | None = None,
        dossier_code: str | None = None,
        unit_code: str | None = None,
        papers: Mapping[int, PaperCopy] | None = None,
    ) -> list[StoredPaper]:
        """Stores each document of ``result`` as a record, unless the paper is stored already: the same input
        (source SHA-256 and document index: ``same_file``) or the same paper in another file (same schema,
        personal number and document number, in the same unit: ``same_paper``) returns the current record
        unchanged, to be reused. Every record returned is linked to ``dossier_code``.

        ``papers``: each document's own copies by document index (one signed copy per paper); the whole
        input (``scan``) is then kept as an original of the dossier, not as a record's copy. Without
        ``papers``, ``archive``/``signed`` are the whole input's copies, shared by its documents (records
        stored before issue 15). ``unit_code``: the unit that received it (default the repository's)."""
        status = status or ("signed" if signed is not None else "extracted")
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        unit = unit_code or self.unit_code
        with self._read() as session:
            existing = self._current_by_source(session, result.sha256)
            recognised = {i: root for i, document in enumerate(result.documents) if i not in existing
                          and (root := self._same_paper(session, document, result.sha256, unit)) is not None}
        conflict: IntegrityError | None = None
        if len(existing) + len(recognised) < len(result.documents):
            try:
                self._insert_records(result, set(existing) | set(recognised), actor,
                                     None if papers is not None else scan, archive, signed, signature, status,
                                     dossier_code, unit, papers or {})
            except IntegrityError as err:
                conflict = err  # another process may have stored the same input at the same moment
        stored: list[StoredPaper] = []
        with self._write() as session, session.begin():
            records = self._current_by_source(session, result.sha256)
            for index in range(len(result.documents)):
                how: Recognition
                if index in recognised:
                    record, how = self._head(session, recognised[index]), "same_paper"
                elif index in records:
                    record, how = records[index], "same_file" if index in existing else "stored"
                else:
                    raise conflict or RecordNotFound(f"document {index} of {result.sha256[:12]} was not stored")
                view = RecordView.model_validate(record)
                stored.append(StoredPaper(doc_index=index, record=view, how=how))
                action = {"stored": "put", "same_file": "put_existing", "same_paper": "put_recognised"}[how]
                audit.log(session, actor, action, view.id, {"dossier_code": dossier_code} if dossier_code else None)
                if dossier_code:
                    self._link(session, view.root_id, dossier_code, how, actor)
            if papers is not None and scan is not None:
                self._keep_original(session, result, scan, dossier_code, actor)
        return stored

    def recognise(self, result: ExtractionResult, *, unit_code: str | None = None) -> dict[int, StoredPaper]:
        """The documents of ``result`` stored already, as ``put_papers`` would find them (``same_file`` or
        ``same_paper``; the current record), by document index, without storing or linking anything: what a
        screen offers for reuse before approval."""
        unit = unit_code or self.unit_code
        found: dict[int, StoredPaper] = {}
        with self._read() as session:
            existing = self._current_by_source(session, result.sha256)
            for index, document in enumerate(result.documents):
                if index in existing:
                    found[index] = StoredPaper(doc_index=index, record=RecordView.model_validate(existing[index]),
                                               how="same_file")
                elif (root := self._same_paper(session, document, result.sha256, unit)) is not None:
                    found[index] = StoredPaper(doc_index=index, how="same_paper",
                                               record=RecordView.model_validate(self._head(session, root)))
        return found

    def _same_paper(self, session: Session, document: Document, source_sha256: str, unit: str) -> int | None:
        """The root id of a current record of the same paper from another file: same schema, same personal
        number of the same person (the person, else a spouse) and same document number, in ``unit``."""
        keys = record_keys(document)
        person = next((p for p in keys.people if p.entry_index is None and p.personal_id
                       and p.role in SUBJECT_ROLES), None)
        if person is None:
            return None
        people = select(Person.record_id).where(Person.role == person.role, Person.personal_id == person.personal_id,
                                                Person.entry_index.is_(None))
        number = Record.number == keys.number if keys.number else Record.number.is_(None)
        return session.scalar(
            select(Record.root_id).where(Record.id.in_(people), Record.is_current.is_(True),
                                         Record.schema_id == document.schema_id, number,
                                         Record.source_sha256 != source_sha256, self.in_unit(unit))
            .order_by(Record.id).limit(1))

    @staticmethod
    def _head(session: Session, root_id: int) -> Record:
        return session.scalars(select(Record).where(Record.root_id == root_id, Record.is_current.is_(True))).one()

    @staticmethod
    def _link(session: Session, root_id: int, dossier_code: str, how: str, actor: str) -> None:
        if session.get(RecordDossier, (root_id, dossier_code)) is None:
            session.add(RecordDossier(root_id=root_id, dossier_code=dossier_code, how=how, linked_by=actor,
                                      linked_at=audit.now()))
            session.flush()

    def _keep_original(self, session: Session, result: ExtractionResult, scan: Blob, dossier_code: str | None,
                       actor: str) -> None:
        """The whole input as received, once per dossier (once without a dossier)."""
        found = session.scalar(select(Original.id).where(
            Original.source_sha256 == result.sha256,
            Original.dossier_code == dossier_code if dossier_code else Original.dossier_code.is_(None)))
        if found is not None:
            return
        stored = self._put_blob(scan, "application/octet-stream")
        assert stored is not None
        session.add(Original(source_sha256=result.sha256, source_name=result.source, object_key=stored.key,
                             pages=len(result.pages), dossier_code=dossier_code, stored_by=actor,
                             stored_at=audit.now()))

    def originals(self, dossier_code: str, *, actor: str) -> list[OriginalView]:
        """The whole input files a dossier was received with (the record copies hold one paper each)."""
        with self._reading() as session, session.begin():
            rows = session.scalars(select(Original).where(Original.dossier_code == dossier_code)
                                   .order_by(Original.id))
            views = [OriginalView.model_validate(r) for r in rows]
            audit.log(session, actor, "originals", None, {"dossier_code": dossier_code})
        return views

    def dossiers_of(self, record_id: int) -> list[str]:
        """Every dossier that presented the record (any version's id), in the order they did."""
        with self._read() as session:
            root = session.scalar(select(Record.root_id).where(Record.id == record_id))
            return list(session.scalars(select(RecordDossier.dossier_code).where(RecordDossier.root_id == root)
                                        .order_by(RecordDossier.linked_at, RecordDossier.dossier_code)))

    def _insert_records(self, result: ExtractionResult, skip: set[int], actor: str,
                        scan: Blob | None, archive: Blob | None, signed: Blob | None, signature: Any,
                        status: str, dossier_code: str | None, unit_code: str,
                        papers: Mapping[int, PaperCopy]) -> None:
        scan_obj = self._put_blob(scan, "application/octet-stream")
        archive_obj = self._put_blob(archive, PDF)
        signed_obj = self._put_blob(signed, PDF)
        extraction = self.objects.put_bytes(result_bytes(result), JSON_TYPE)
        own = {index: (self._put_blob(paper.archive, PDF), self._put_blob(paper.signed, PDF), paper.signature)
               for index, paper in papers.items() if index not in skip}
        with self._write() as session, session.begin():
            for index, document in enumerate(result.documents):
                if index in skip:
                    continue
                keys = record_keys(document)
                doc_archive, doc_signed, doc_signature = own.get(index, (archive_obj, signed_obj, signature))
                doc_status = status if index not in own else (
                    "signed" if doc_signed else ("extracted" if status == "signed" else status))
                record = Record(
                    version=1, is_current=True, schema_id=document.schema_id, source_sha256=result.sha256,
                    source_name=result.source, doc_index=index, pages=list(document.pages),
                    archive_pages=list(document.pages) if index in own else None,
                    dossier_code=dossier_code, unit_code=unit_code, number=keys.number, book=keys.book,
                    authority=keys.authority,
                    registration_date=keys.registration_date, needs_review=document.needs_review,
                    scan_key=scan_obj.key if scan_obj else None,
                    archive_key=doc_archive.key if doc_archive else None,
                    archive_sha256=doc_archive.sha256 if doc_archive else None,
                    extraction_key=extraction.key, extraction_sha256=extraction.sha256,
                    signed_key=doc_signed.key if doc_signed else None,
                    signed_sha256=doc_signed.sha256 if doc_signed else None,
                    signature=_summary_dict(doc_signature), status=doc_status, created_by=actor,
                    created_at=audit.now(), people=[_person_row(p) for p in keys.people],
                )
                session.add(record)
                session.flush()
                record.root_id = record.id
                remember_words(session, record.people)

    def _new_version(self, record_id: int, actor: str, reason: str, changes: dict[str, Any],
                     document: Document | None = None, detail: dict[str, Any] | None = None) -> RecordView:
        with self._write() as session, session.begin():
            old = session.get(Record, record_id)
            if old is None:
                raise RecordNotFound(record_id)
            flipped = session.execute(
                update(Record).where(Record.id == record_id, Record.is_current.is_(True)).values(is_current=False)
            )
            if flipped.rowcount != 1:
                raise StaleRecord(f"bản ghi {record_id} đã có phiên bản mới hơn")
            values = {name: getattr(old, name) for name in _COPIED}
            values.update(changes)
            if document is not None:
                keys = record_keys(document)
                values.update(number=keys.number, book=keys.book, authority=keys.authority,
                              registration_date=keys.registration_date, schema_id=document.schema_id,
                              needs_review=document.needs_review, pages=list(document.pages))
                people = [_person_row(p) for p in keys.people]
            else:
                people = [_copy_person(p) for p in old.people]
            new = Record(**values, version=old.version + 1, supersedes_id=old.id, is_current=True,
                         change_reason=reason, created_by=actor, created_at=audit.now(), people=people)
            session.add(new)
            session.flush()
            if document is not None:
                remember_words(session, people)
            audit.log(session, actor, "supersede", old.id, {"by": new.id, "reason": reason})
            audit.log(session, actor, "new_version", new.id, {"supersedes": old.id, "reason": reason, **(detail or {})})
            return RecordView.model_validate(new)

    def supersede(self, record_id: int, document: Document, *, actor: str, reason: str,
                  status: str | None = None, archive: Blob | None = None,
                  detail: dict[str, Any] | None = None) -> RecordView:
        """A correction: a new version with ``document`` in place of the old one; the old stays as history."""
        old = self.get(record_id, actor=actor)
        result = self.load_result(old)
        documents = list(result.documents)
        documents[old.doc_index] = document
        corrected = result.model_copy(update={"documents": documents})
        extraction = self.objects.put_bytes(result_bytes(corrected), JSON_TYPE)
        changes: dict[str, Any] = {"extraction_key": extraction.key, "extraction_sha256": extraction.sha256}
        if status:
            changes["status"] = _checked_status(status)
        archive_obj = self._put_blob(archive, PDF)
        if archive_obj:
            changes.update(archive_key=archive_obj.key, archive_sha256=archive_obj.sha256,
                           signed_key=None, signed_sha256=None, signature=None)
        return self._new_version(record_id, actor, reason, changes, document, detail)

    def review(self, record_id: int, machine: Document, accepted: Document, *, actor: str, reason: str,
               status: str = "reviewed") -> RecordView:
        """An officer's check of a reading of the record's paper: ``machine`` as extraction read it this time,
        ``accepted`` as the officer accepted it. Only what the officer changed over ``machine`` goes onto the
        record's current version (``corrections.merged``): a value typed over an earlier reading stays. A new
        version (with who, why and the values typed, in the audit log) is made only when the document or
        the status changes; the status never goes back (``signed`` stays ``signed``)."""
        current = self.current(record_id, actor=actor)
        document = self.load_document(current)
        updated = merged(document, machine, accepted)
        status = _checked_status(status)
        if STATUS_RANK[status] < STATUS_RANK[current.status]:
            status = current.status
        if same_document(updated, document) and status == current.status:
            return current
        typed = [change.model_dump(mode="json") for change in typed_changes(machine, accepted)]
        if same_document(updated, document):
            return self.set_status(current.id, status, actor=actor, reason=reason)
        return self.supersede(current.id, updated, actor=actor, reason=reason, status=status, detail={"typed": typed})

    def attach_signed(self, record_id: int, signed: Blob, signature: Any = None, *, actor: str,
                      status: str = "signed") -> RecordView:
        """The signed copy of a record stored before signing: a new version that carries it."""
        signed_obj = self.objects.put_bytes(signed, PDF) if isinstance(signed, bytes) \
            else self.objects.put_file(Path(signed), PDF)
        changes = {"signed_key": signed_obj.key, "signed_sha256": signed_obj.sha256,
                   "signature": _summary_dict(signature), "status": _checked_status(status)}
        return self._new_version(record_id, actor, "signed copy attached", changes)

    def set_status(self, record_id: int, status: str, *, actor: str, reason: str | None = None) -> RecordView:
        """A new version with another status (the document and copies as they are)."""
        return self._new_version(record_id, actor, reason or f"status: {status}",
                                 {"status": _checked_status(status)})

    def next_dossier_code(self, *, actor: str, unit_code: str | None = None) -> str:
        return next_dossier_code(self.engine, unit_code or self.unit_code, actor=actor)

    # -- units -----------------------------------------------------------------------------------------
    def unit_of(self, record: RecordView) -> str:
        """The unit that received the record (records stored before units were kept: the configured one)."""
        return record.unit_code or self.unit_code

    def in_unit(self, unit_code: str) -> ColumnElement[bool]:
        """The catalog condition for records of ``unit_code``."""
        if unit_code == self.unit_code:
            return or_(Record.unit_code == unit_code, Record.unit_code.is_(None))
        return Record.unit_code == unit_code

    # -- reads -----------------------------------------------------------------------------------------
    def log_reads(self, actor: str, action: str, record_ids: list[int], detail: dict[str, Any],
                  session: Session | None = None) -> None:
        """Audit events for reads of records (one per record; one without a record when none matched),
        in ``session``'s transaction when given, else in a transaction of their own."""
        if session is None:
            with self._write() as own, own.begin():
                self.log_reads(actor, action, record_ids, detail, own)
            return
        if record_ids:
            audit.log_many(session, actor, action, record_ids, detail)
        else:
            audit.log(session, actor, action, None, detail)

    def _reading(self) -> Session:
        """A session for a read and its audit events: one transaction, one commit (on SQLite it takes
        the write lock at BEGIN, so the audit insert cannot meet a conflicting writer midway)."""
        return self._write()

    def get(self, record_id: int, *, actor: str) -> RecordView:
        with self._reading() as session, session.begin():
            record = session.get(Record, record_id)
            if record is None:
                raise RecordNotFound(record_id)
            view = RecordView.model_validate(record)
            self.log_reads(actor, "get", [view.id], {}, session)
        return view

    def current(self, record_id: int, *, actor: str) -> RecordView:
        """The current version of the record that ``record_id`` is a version of."""
        with self._reading() as session, session.begin():
            record = session.get(Record, record_id)
            if record is None:
                raise RecordNotFound(record_id)
            head = session.scalars(
                select(Record).where(Record.root_id == record.root_id, Record.is_current.is_(True))
            ).one()
            view = RecordView.model_validate(head)
            self.log_reads(actor, "get", [view.id], {"asked": record_id}, session)
        return view

    def history(self, record_id: int, *, actor: str) -> list[RecordView]:
        """Every version of the record, oldest first."""
        with self._reading() as session, session.begin():
            record = session.get(Record, record_id)
            if record is None:
                raise RecordNotFound(record_id)
            versions = session.scalars(
                select(Record).where(Record.root_id == record.root_id).order_by(Record.version)
            )
            views = [RecordView.model_validate(r) for r in versions]
            self.log_reads(actor, "history", [v.id for v in views], {}, session)
        return views

    def search(
        self,
        *,
        actor: str,
        personal_id: str | None = None,
        name: str | None = None,
        date_of_birth: str | None = None,
        schema: str | None = None,
        number: str | None = None,
        book: str | None = None,
        dossier_code: str | None = None,
        authority: str | None = None,
        include_history: bool = False,
        limit: int | None = 100,
        unit_code: str | None = None,
        offset: int = 0,
    ) -> list[RecordView]:
        """Records whose person (the person, husband, wife, a register entry) matches, and whose record
        keys match; all criteria must hold, newest first. ``name``: each word typed starts a word of the
        name, in any order; without diacritics it matches any diacritics, with diacritics it must match them
        (either tone-mark style); a word that starts no name word is taken as a typo (``search.py``).
        ``personal_id`` and ``dossier_code``: the start is enough (a dossier code also without its unit,
        ``260105-0001``: the unit's). ``unit_code``: only that unit's records."""
        criteria = {k: v for k, v in {
            "personal_id": personal_id, "name": name, "date_of_birth": date_of_birth, "schema": schema,
            "number": number, "book": book, "dossier_code": dossier_code, "authority": authority,
            "unit_code": unit_code,
        }.items() if v}
        query = select(Record).options(joinedload(Record.people))  # one round trip, not two
        person_filters = []
        if personal_id and (pid := digits(personal_id)):
            person_filters.append(Person.personal_id == pid if len(pid) >= 12
                                  else prefix_range(Person.personal_id, pid))
        # SQLite, a page asked for by a name alone (a personal number or birth date narrows it better): the
        # name's matches walked newest first (_newest_by_name)
        match = None
        name_condition = False
        if name and query_words(name):
            with self._read() as lookup:  # the vocabulary, for typos
                selective = bool(personal_id and digits(personal_id)) or bool(date_of_birth)
                if self.engine.dialect.name == "sqlite" and limit is not None and not selective:
                    match = self.names.fts_match(lookup, name)
                else:
                    person_filters.append(self.names.condition(lookup, name))
                    name_condition = self.engine.dialect.name == "postgresql"
        if date_of_birth:
            person_filters.append(Person.date_of_birth == date_of_birth)
        if person_filters and match is None:
            roles = subject_roles() if name_condition else Person.role.in_(SUBJECT_ROLES)
            people = select(Person.record_id).where(roles, *person_filters)
            if name_condition:
                # PostgreSQL: the matching people taken from the GIN index whole (a materialized CTE), their record
                # ids distinct and newest first joined to the records, so a page is read off the front (100 record
                # lookups). An IN leaves the planner to look up every match's record or to walk all records
                # backwards; ordering inside the CTE, to walk people backwards computing each one's words.
                matched = people.cte("matched").prefix_with("MATERIALIZED")
                newest = select(matched.c.record_id).distinct().order_by(matched.c.record_id.desc()).subquery()
                query = query.join(newest, Record.id == newest.c.record_id)
            else:
                query = query.where(Record.id.in_(people))
        if number:
            entries = select(Person.record_id).where(Person.entry_number == number)
            query = query.where(or_(Record.number == number, Record.id.in_(entries)))
        if schema:
            query = query.where(Record.schema_id == schema)
        if book:
            query = query.where(Record.book == book)
        if dossier_code:
            query = query.where(self._dossier_condition(dossier_code.strip().upper(), unit_code))
        if authority:
            query = query.where(Record.authority == authority)
        if unit_code:
            query = query.where(self.in_unit(unit_code))
        if not include_history:
            query = query.where(Record.is_current.is_(True))
        if match is not None:
            assert limit is not None
            with self._read() as lookup:
                ids = self._newest_by_name(lookup, query, match, person_filters, offset + limit)[offset:]
            query = select(Record).options(joinedload(Record.people)).where(Record.id.in_(ids))
            offset = 0
        query = query.order_by(Record.id.desc()).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self._reading() as session, session.begin():
            views = [RecordView.model_validate(r) for r in session.scalars(query).unique()]
            self.log_reads(actor, "search", [v.id for v in views], {"criteria": criteria}, session)
        return views

    @staticmethod
    def _newest_by_name(session: Session, query: Select, match: str, person_filters: list, need: int) -> list[int]:
        """The ids of the ``need`` newest records ``query`` selects whose person's name matches ``match``
        (SQLite's FTS5): people read newest first in growing chunks until enough records are found. A record
        and its people are written in one transaction and SQLite writes one at a time, so people ids rise
        with record ids: newest people first is newest records first."""
        ids: list[int] = []
        seen: set[int] = set()
        before, chunk = None, FIRST_CHUNK
        records = query.with_only_columns(Record.id).order_by(None)
        while len(ids) < need:
            people = newest_people(session, match, before, chunk)
            if not people:
                break
            matching = select(Person.record_id).where(Person.id.in_(people), Person.role.in_(SUBJECT_ROLES),
                                                      *person_filters)
            found = session.scalars(records.where(Record.id.in_(matching)).order_by(Record.id.desc()))
            new = [i for i in found if i not in seen]
            ids += new
            seen.update(new)
            if len(people) < chunk:
                break
            before, chunk = people[-1], chunk * 4
        return sorted(ids, reverse=True)[:need]

    def browse(self, *, actor: str, unit_code: str | None = None, schema: str | None = None,
               status: str | None = None, officer: str | None = None, since: str | None = None,
               until: str | None = None, sort: str = "created_at", descending: bool | None = None, page: int = 1,
               per_page: int = 50) -> RecordPage:
        """The current records (of ``unit_code``), filtered (type, status, the officer who stored the
        version, days received), sorted (``browse.RECORD_SORTS``; newest first, other keys A to Z unless
        ``descending`` says) and paged; the read is audited."""
        page, per_page = clamp(page, per_page)
        descending = sort == "created_at" if descending is None else descending
        conditions = day_bounds(since, until, Record.created_at)
        if unit_code:
            conditions.append(self.in_unit(unit_code))
        filters = {"schema": schema, "status": status, "officer": officer}
        with self._reading() as session, session.begin():
            found = record_page(session, conditions, filters, sort, descending, page, per_page)
            self.log_reads(actor, "browse", [r.id for r in found.records],
                           {"filters": {k: v for k, v in filters.items() if v}, "sort": sort, "page": page}, session)
        return found

    def browse_dossiers(self, *, unit_code: str | None = None, filters: dict[str, Any] | None = None,
                        since: str | None = None, until: str | None = None, code: str | None = None,
                        sort: str = "created_at", descending: bool = True, page: int = 1,
                        per_page: int = 50) -> DossierPage:
        """The dossiers (of ``unit_code``), filtered by the life-cycle columns the catalog has
        (``browse.DOSSIER_FILTERS``), by day received and by the start of their code; sorted and paged."""
        page, per_page = clamp(page, per_page)
        with self._read() as session:
            return dossier_page(session, unit_code, filters or {}, since, until, sort, descending, page, per_page,
                                code.strip().upper() if code else None)

    def _dossier_condition(self, code: str, unit_code: str | None) -> ColumnElement[bool]:
        """Records presented in a dossier whose code starts with ``code`` (or with the unit's code and
        ``code``, for a code typed without its unit)."""
        starts = [code]
        if not DOSSIER_UNIT.match(code):
            starts.append(f"{unit_code or self.unit_code}-{code}")
        linked = select(RecordDossier.root_id).where(or_(*(prefix_range(RecordDossier.dossier_code, c)
                                                           for c in starts)))
        return or_(Record.root_id.in_(linked), *(prefix_range(Record.dossier_code, c) for c in starts))

    def person(self, personal_id: str, *, actor: str, unit_code: str | None = None) -> PersonRecords:
        """Everything that names ``personal_id``: as the person or a spouse (by number), and as a parent
        (by name: birth certificates whose mother or father has one of this person's names, with a birth
        year that does not contradict theirs). ``unit_code``: only that unit's records."""
        pid = digits(personal_id) or ""
        view = PersonRecords(personal_id=pid)
        seen: set[tuple[int, str, int | None]] = set()
        in_unit = self.in_unit(unit_code) if unit_code else true()
        with self._reading() as session, session.begin():
            rows = session.execute(
                select(Person, Record).join(Record, Person.record_id == Record.id)
                .where(Person.personal_id == pid, Record.is_current.is_(True), in_unit).order_by(Record.id)
            ).all()
            keys: dict[str, set[int]] = {}
            for person, record in rows:
                seen.add((record.id, person.role, person.entry_index))
                view.links.append(PersonLink(role=person.role, match="personal_id",
                                             entry_index=person.entry_index,
                                             record=RecordView.model_validate(record)))
                if person.full_name and person.full_name not in view.names:
                    view.names.append(person.full_name)
                if person.date_of_birth and person.date_of_birth not in view.dates_of_birth:
                    view.dates_of_birth.append(person.date_of_birth)
                if person.name_key:
                    years = keys.setdefault(person.name_key, set())
                    if person.birth_year:
                        years.add(person.birth_year)
            if keys:
                parents = session.execute(
                    select(Person, Record).join(Record, Person.record_id == Record.id)
                    .where(Person.role.in_(("mother", "father")), Person.name_key.in_(keys),
                           Record.is_current.is_(True), in_unit).order_by(Record.id)
                ).all()
                for person, record in parents:
                    years = keys[person.name_key]
                    if person.birth_year and years and person.birth_year not in years:
                        continue
                    if (record.id, person.role, person.entry_index) in seen:
                        continue
                    seen.add((record.id, person.role, person.entry_index))
                    view.links.append(PersonLink(role=person.role, match="name", entry_index=person.entry_index,
                                                 record=RecordView.model_validate(record)))
            self.log_reads(actor, "person_view", sorted({link.record.id for link in view.links}),
                           {"personal_id": pid}, session)
        return view

    def read_copy(self, record_id: int, which: str = "signed", *, actor: str) -> bytes:
        """The bytes of a record's stored file (``scan``, ``archive`` or ``signed``), checked against the
        catalog's hash where it keeps one, for serving or downloading; the read is audited."""
        columns = {"scan": ("scan_key", None), "archive": ("archive_key", "archive_sha256"),
                   "signed": ("signed_key", "signed_sha256")}
        if which not in columns:
            raise ValueError(f"which must be one of {', '.join(columns)}")
        record = self.get(record_id, actor=actor)
        key_column, hash_column = columns[which]
        key = getattr(record, key_column)
        if not key:
            raise RecordNotFound(f"bản ghi {record_id} không có tệp {which}")
        data = self.objects.get_bytes(key)
        expected = getattr(record, hash_column) if hash_column else key.rsplit("/", 1)[-1]
        if sha256_bytes(data) != expected:
            raise ValueError(f"bản ghi {record_id}: tệp {which} không khớp mã băm trong danh mục")
        self.log_reads(actor, f"read_{which}", [record.id], {})
        return data

    def audit_events(self, record_id: int | None = None, limit: int = 1000) -> list[AuditEvent]:
        with self._read() as session:
            return audit.events(session, record_id, limit)

    # -- reuse -----------------------------------------------------------------------------------------
    def reuse(self, record_id: int, *, actor: str) -> ReuseResult:
        """The current version of a stored result, checked (hashes of the stored objects against the
        catalog, the signature of the signed copy), with its values for prefilling a new dossier.

        ``reusable``: the hashes match and the signature, when one was checked, is valid, or is a test
        signature (sohoa's development signer) in a development installation; there it stays marked
        ("chữ ký thử nghiệm") and is never ``verified``. An installation with a real signer refuses a
        test-signed copy. A copy without a signature, or with no verifier available, is reusable
        (``verified`` False) with its problem said."""
        record = self.current(record_id, actor=actor)
        problems: list[str] = []
        data = self.objects.get_bytes(record.extraction_key)
        extraction_intact = sha256_bytes(data) == record.extraction_sha256
        if not extraction_intact:
            problems.append("dữ liệu trích xuất không khớp mã băm trong danh mục")
        document = ExtractionResult.model_validate_json(data).documents[record.doc_index]
        archive_intact = self._object_intact(record.archive_key, record.archive_sha256)
        if archive_intact is False:
            problems.append("bản lưu trữ (PDF/A) không khớp mã băm trong danh mục")
        elif archive_intact is None:
            problems.append("chưa có bản lưu trữ (PDF/A)")
        signed_intact = self._object_intact(record.signed_key, record.signed_sha256)
        signature = None
        status: SignatureStatus = "absent"
        if signed_intact is None:
            problems.append("chưa có bản ký số")
        elif not signed_intact:
            status = "unchecked"
            problems.append("bản ký số không khớp mã băm trong danh mục")
        else:
            with tempfile.TemporaryDirectory() as tmp:
                path = self.objects.download(record.signed_key or "", Path(tmp) / "signed.pdf")
                signature = check_signature(path, self.verifier)
            status = signature.status
            if status == "unchecked":
                problems.append(signature.summary or "không kiểm tra được chữ ký số")
            elif status != "valid":
                problems.append(REUSE_PROBLEMS[status])
        hashes_ok = bool(extraction_intact and archive_intact is not False and signed_intact is not False)
        reusable = hashes_ok and (status in REUSABLE or (status == "test_signature" and self.reuses_test_signatures()))
        verified = hashes_ok and status == "valid"
        prefill = {key: field.value for key, field in document.fields.items() if field.value is not None}
        self.log_reads(actor, "reuse", [record.id], {"verified": verified, "reusable": reusable,
                                                     "signature": status})
        return ReuseResult(record=record, document=document, prefill=prefill,
                           extraction_intact=extraction_intact, archive_intact=archive_intact,
                           signed_intact=signed_intact, signature=signature, verified=verified,
                           problems=problems, signature_status=status, reusable=reusable)

    def reuses_test_signatures(self) -> bool:
        """A development installation: a copy with a test signature may be reused (marked as such)."""
        return self.development if self.development is not None else development_installation()

    def _object_intact(self, key: str | None, sha256: str | None) -> bool | None:
        if not key:
            return None
        with tempfile.TemporaryDirectory() as tmp:
            path = self.objects.download(key, Path(tmp) / "object")
            return sha256_file(path) == sha256


def _checked_status(status: str) -> str:
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}; one of {', '.join(STATUSES)}")
    return status


def _summary_dict(summary: Any) -> dict[str, Any] | None:
    if summary is None:
        return None
    if isinstance(summary, dict):
        return json.loads(json.dumps(summary, default=str))
    dump: Callable[..., dict[str, Any]] | None = getattr(summary, "model_dump", None)
    if dump is not None:
        return dump(mode="json")
    return {"summary": str(summary)}
