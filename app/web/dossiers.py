"""Dossiers at the counter: a folder per dossier code under ``SOHOA_HOME/web/intake/<code>/`` with the
uploaded scans, the page images with each page's OCR words (``pages.json``), the extraction as it came
(``extracted.json``) and as the officer corrected it (``result.json``). Approval writes the archive copy
(PDF/A-2b) from those images and words, stores, signs and records the dossier.

    f1/source.pdf  f1/pages/page-00001.jpg  f1/pages.json  f1/extracted.json  f1/result.json
    f1/archive.pdf  f1/signed.pdf   (at approval)
    dossier.json   (the Dossier model below)
"""

from __future__ import annotations

import re
import secrets
import shutil
import threading
import time
from collections.abc import Iterable
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from pydantic import BaseModel, Field, TypeAdapter

from app.web.archive import archive_file, write_archive
from app.web.editing import accepted, apply_form, reclassify
from app.web.reasons import vietnamese_reason
from app.web.stats import ReviewLog, entry_form_name
from app.web.workers import PageFailure, PageWorkers
from pipeline.errors import BadInput
from pipeline.ingest import PageSource, open_document
from pipeline.models import ExtractionResult, FieldValue, PageOcr
from pipeline.process import PageJob, PageOutput, sha256_file
from pipeline.store import Repository
from schemas import all_schemas

if TYPE_CHECKING:
    from pipeline.signing.signers import LoadedSigner

CODE = re.compile(r"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}-\d{6}-\d{4}$")
SAFE_NAME = re.compile(r"[^\w.\- ]+")
WORKER_DIED = "tiến trình đọc trang bị dừng đột ngột (có thể do thiếu bộ nhớ); hãy thử lại hoặc quét lại tệp"
STAGING = ".dang-nhan-"  # + a random name: uploads of a new dossier until one of its files opens (not a dossier code)
PAGES = TypeAdapter(list[PageOcr])  # pages.json: each page's OCR words and lines, for the archive copy


class DossierFile(BaseModel):
    index: int  # 1-based, the folder f<index>
    name: str  # as uploaded (cleaned)
    suffix: str
    sha256: str | None = None
    pages: int = 0
    images: list[str] = Field(default_factory=list)  # the straightened page images, by page, in f<index>/
    seconds: float = 0.0  # from the upload's arrival to this file's extraction result
    stages: dict[str, float] = Field(default_factory=dict)  # upload, ingest, pages (all files' pages), extract, save
    page_seconds: list[dict[str, float]] = Field(default_factory=list)  # per page: load, preprocess, ocr, image,
    #   and cpu: processor seconds of the page (its worker and Tesseract), what it takes on an idle core
    cpu: dict[str, float] = Field(default_factory=dict)  # processor seconds of the server's own stages (extract)
    error: str | None = None  # why the file could not be read (Vietnamese, ``reasons.vietnamese_reason``)
    checked: list[str] = Field(default_factory=list)  # "d<doc>.<key>", "d<doc>.e<row>.<key>": fields a person
    #   checked (focused, typed, or compared with the paper as a whole): the review log counts only these as seen


class ReusedItem(BaseModel):
    record_id: int
    schema_id: str
    summary: str  # person and number, for the list
    verified: bool
    problems: list[str] = Field(default_factory=list)
    filled: list[str] = Field(default_factory=list)  # "f1.d0.full_name" fields filled from it
    # additions (issue 16): the signed copy's status (``ReuseResult.signature_status``; None: an older dossier)
    # and whether its data could be used (a record that is not reusable fills nothing)
    signature: str | None = None
    reusable: bool = True


class Dossier(BaseModel):
    code: str
    created_by: str
    created_at: datetime
    status: Literal["draft", "approved"] = "draft"
    files: list[DossierFile] = Field(default_factory=list)
    reused: list[ReusedItem] = Field(default_factory=list)
    records: list[int] = Field(default_factory=list)  # current record ids after approval
    approved_by: str | None = None
    approved_at: datetime | None = None
    signed: bool = False
    sign_problem: str | None = None
    test_signature: bool = False  # signed (or reused) with sohoa's development signer: no legal value

    @property
    def unit_code(self) -> str:
        """The unit that received the dossier: its code is ``<unit>-<YYMMDD>-<NNNN>``."""
        return self.code.rsplit("-", 2)[0]


class DossierError(Exception):
    """A request the dossier cannot honour; the message is Vietnamese."""


class UploadRefused(DossierError):
    """No file of a new dossier's upload could be opened: nothing is kept, no dossier code is taken."""

    def __init__(self, files: list[DossierFile]):
        self.files = files
        super().__init__("Không tệp nào đọc được, chưa tạo hồ sơ: "
                         + "; ".join(f"{f.name}: {f.error}" for f in files))


class DossierStore:
    def __init__(self, root: Path, repo: Repository, reviews: ReviewLog, workers: PageWorkers, lang: str = "vie"):
        self.root = root
        self.repo = repo
        self.reviews = reviews
        self.workers = workers  # shared by every request: pages of concurrent uploads queue for the same cores
        self.lang = lang
        self.root.mkdir(parents=True, exist_ok=True)
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    # -- files and folders ---------------------------------------------------------------------------
    def lock(self, code: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(code, threading.Lock())

    def folder(self, code: str) -> Path:
        if not CODE.match(code):
            raise DossierError("mã hồ sơ không đúng dạng")
        return self.root / code

    def file_folder(self, code: str, index: int) -> Path:
        return self.folder(code) / f"f{index}"

    def create(self, actor: str, unit_code: str | None = None) -> Dossier:
        """A new draft under the next dossier code of ``unit_code`` (the repository's unit by default)."""
        code = self.repo.next_dossier_code(actor=actor, unit_code=unit_code)
        dossier = Dossier(code=code, created_by=actor, created_at=datetime.now(UTC))
        self.folder(code).mkdir(parents=True)
        self.save(dossier)
        return dossier

    def save(self, dossier: Dossier) -> None:
        path = self.folder(dossier.code) / "dossier.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(dossier.model_dump_json(indent=1), encoding="utf-8")
        tmp.replace(path)

    def load(self, code: str) -> Dossier:
        path = self.folder(code) / "dossier.json"
        if not path.is_file():
            raise DossierError("không có hồ sơ này")
        return Dossier.model_validate_json(path.read_text(encoding="utf-8"))

    def drafts(self, unit_code: str | None = None, actor: str | None = None) -> list[Dossier]:
        """Dossiers being received (newest first): of one unit, of one officer, or all."""
        return [d for d in self._all(unit_code) if d.status == "draft" and (actor is None or d.created_by == actor)]

    def approved(self, unit_code: str | None = None, limit: int = 20) -> list[Dossier]:
        """The most recently approved dossiers (of one unit)."""
        done = [d for d in self._all(unit_code) if d.status == "approved" and d.approved_at]
        return sorted(done, key=lambda d: d.approved_at, reverse=True)[:limit]

    def _all(self, unit_code: str | None = None) -> list[Dossier]:
        pattern = f"{unit_code}-*/dossier.json" if unit_code else "*/dossier.json"
        return [Dossier.model_validate_json(path.read_text(encoding="utf-8"))
                for path in sorted(self.root.glob(pattern), reverse=True)]

    def result(self, code: str, index: int, which: str = "result") -> ExtractionResult:
        path = self.file_folder(code, index) / f"{which}.json"
        return ExtractionResult.model_validate_json(path.read_text(encoding="utf-8"))

    def save_result(self, code: str, index: int, result: ExtractionResult) -> None:
        path = self.file_folder(code, index) / "result.json"
        path.write_text(result.model_dump_json(by_alias=True, indent=1), encoding="utf-8")

    def page_image(self, dossier: Dossier, index: int, page: int) -> Path:
        """The straightened image of a page of a file (as ``process_file`` left it in the workdir)."""
        entry = next((f for f in dossier.files if f.index == index), None)
        if entry is None or not 1 <= page <= len(entry.images):
            raise DossierError("không có trang này")
        path = self.file_folder(dossier.code, index) / entry.images[page - 1]
        if not path.is_file():
            raise DossierError("không có trang này")
        return path

    # -- intake --------------------------------------------------------------------------------------
    def receive(self, actor: str, uploads: list[tuple[str, BinaryIO]], unit_code: str | None = None) -> Dossier:
        """A new dossier from uploaded files: they are saved, opened (type, size and page limits) and read in
        a staging folder first; when none can be opened or read the upload is refused (``UploadRefused``),
        the files are removed and no dossier code is taken (pages whose worker died are no fault of the file:
        that dossier is kept, its file marked unreadable, for the officer to add again). Otherwise the dossier
        is created with them."""
        started = time.perf_counter()
        staging = self.root / f"{STAGING}{secrets.token_hex(8)}"
        try:
            entries = [self._save_upload(staging, index, name, data)
                       for index, (name, data) in enumerate(uploads, start=1)]
            for entry in entries:
                try:
                    open_document(staging / f"f{entry.index}" / f"source{entry.suffix}")
                except BadInput as err:
                    entry.error = vietnamese_reason(err.reason)
            if all(entry.error for entry in entries):
                raise UploadRefused(entries)
            self._read(staging, entries, started)  # e.g. a truncated JPEG opens, and fails when read
            if all(entry.error and entry.error != WORKER_DIED for entry in entries):
                raise UploadRefused(entries)  # (a worker that died says nothing of the file: the dossier is kept)
            dossier = self.create(actor, unit_code)
            for entry in entries:
                if not entry.error:
                    (staging / f"f{entry.index}").rename(self.file_folder(dossier.code, entry.index))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        dossier.files.extend(entries)
        self.save(dossier)
        return dossier

    def add_files(self, dossier: Dossier, uploads: list[tuple[str, BinaryIO]]) -> list[DossierFile]:
        """Saves uploaded files into a draft and reads them (``_read``)."""
        if dossier.status != "draft":
            raise DossierError("hồ sơ đã duyệt, không thêm tệp được")
        started = time.perf_counter()
        entries: list[DossierFile] = []
        for name, data in uploads:
            index = len(dossier.files) + len(entries) + 1
            entries.append(self._save_upload(self.folder(dossier.code), index, name, data))
        self._read(self.folder(dossier.code), entries, started)
        dossier.files.extend(entries)
        self.save(dossier)
        return entries

    def _read(self, folder: Path, entries: list[DossierFile], started: float) -> list[DossierFile]:
        """Reads files saved under ``folder`` (``f<index>/``: a dossier's, or the staging folder of a new
        one): the pages of all the files together on the page workers (one OCR pass each), then each file's
        extraction. A file that cannot be read is removed (its entry keeps the reason, in Vietnamese). The
        archive copy is written at approval. ``started``: when the upload began to be saved."""
        saved = time.perf_counter()
        opened: list[list[PageSource]] = []
        for entry in entries:
            began = time.perf_counter()
            source = folder / f"f{entry.index}" / f"source{entry.suffix}"
            try:
                opened.append(open_document(source))
                entry.sha256 = sha256_file(source)
            except BadInput as err:
                entry.error = vietnamese_reason(err.reason)
                opened.append([])
            entry.stages = {"upload": round(saved - started, 3), "ingest": round(time.perf_counter() - began, 3)}
        jobs = []
        for entry, sources in zip(entries, opened, strict=True):
            workdir = folder / f"f{entry.index}" / "pages"
            workdir.mkdir(exist_ok=True)
            jobs.extend(PageJob(source=s, number=n, workdir=str(workdir), lang=self.lang, write_pdf=False)
                        for n, s in enumerate(sources, start=1))
        began = time.perf_counter()
        try:
            outputs = iter(self.workers.read(jobs))
        except BrokenProcessPool:  # a worker died twice on these pages: the files are marked unreadable
            outputs = iter([PageFailure(reason=WORKER_DIED)] * len(jobs))
        pages_s = time.perf_counter() - began
        for entry, sources in zip(entries, opened, strict=True):
            read = [next(outputs) for _ in sources]
            if not entry.error:
                failure = next((r for r in read if isinstance(r, PageFailure)), None)
                if failure is not None:
                    entry.error = failure.reason if failure.reason == WORKER_DIED else vietnamese_reason(failure.reason)
                else:
                    self._extract(folder / f"f{entry.index}", entry,
                                  [r for r in read if isinstance(r, PageOutput)], pages_s)
            if entry.error:  # a refused or unreadable file is not kept
                shutil.rmtree(folder / f"f{entry.index}", ignore_errors=True)
        for entry in entries:
            entry.seconds = round(time.perf_counter() - started, 3)
        return entries

    def _save_upload(self, folder: Path, index: int, name: str, data: BinaryIO) -> DossierFile:
        clean = SAFE_NAME.sub("_", Path(name or "tep").name)[:120] or "tep"
        entry = DossierFile(index=index, name=clean, suffix=Path(clean).suffix.lower()[:8])
        target = folder / f"f{index}"
        target.mkdir(parents=True)
        with (target / f"source{entry.suffix}").open("wb") as out:
            shutil.copyfileobj(data, out, 1 << 20)
        return entry

    def _extract(self, folder: Path, entry: DossierFile, read: list[PageOutput], pages_s: float) -> None:
        """The extraction of one file (in ``folder``) from its OCRed pages; keeps the pages' words for the
        archive copy. The page images are named relative to ``folder`` (it may be moved afterwards)."""
        from extractors import extract_documents  # loaded once per server (app.web.warmup)

        read = [part for r in read for part in r.pages()]  # a book spread gives two pages
        for number, part in enumerate(read, start=1):
            part.page = part.page.model_copy(update={"number": number})
        pages = [r.page for r in read]
        began, cpu = time.perf_counter(), time.thread_time()
        documents = extract_documents(pages)
        extract_s, extract_cpu = time.perf_counter() - began, time.thread_time() - cpu
        began = time.perf_counter()
        result = ExtractionResult(source=entry.name, sha256=entry.sha256 or "",
                                  pages=[p.to_contract() for p in pages], documents=documents,
                                  timings={"ocr": round(entry.stages["ingest"] + pages_s, 3),
                                           "extract": round(extract_s, 3)})
        text = result.model_dump_json(by_alias=True, indent=1)
        (folder / "extracted.json").write_text(text, encoding="utf-8")
        (folder / "result.json").write_text(text, encoding="utf-8")
        (folder / "pages.json").write_bytes(PAGES.dump_json(pages))
        entry.pages = len(pages)
        entry.images = [str(Path(p.image_path or "").relative_to(folder)) for p in pages]
        entry.page_seconds = [{("image" if k == "pdf" else k): round(v, 3) for k, v in r.seconds.items()}
                              for r in read]
        entry.stages.update(pages=round(pages_s, 3), extract=round(extract_s, 3),
                            save=round(time.perf_counter() - began, 3))
        entry.cpu = {"extract": round(extract_cpu, 3)}

    def archive(self, dossier: Dossier, entry: DossierFile) -> Path:
        """The file's PDF/A-2b archive copy, written from its page images and words when first asked for."""
        folder = self.file_folder(dossier.code, entry.index)
        out = folder / "archive.pdf"
        if not out.is_file():
            pages = PAGES.validate_json((folder / "pages.json").read_bytes())
            write_archive(pages, [folder / name for name in entry.images], out, title=entry.name)
        return out

    def edit(self, dossier: Dossier, typed: dict[str, str]) -> dict[str, str]:
        """Applies form values named ``f<file>.d<doc>.<field>``; returns errors by form name."""
        if dossier.status != "draft":
            raise DossierError("hồ sơ đã duyệt, không sửa được")
        grouped: dict[tuple[int, int], dict[str, str]] = {}
        for name, text in typed.items():
            found = re.fullmatch(r"f(\d+)\.d(\d+)\.(\w+|e\d+\.\w+)", name)
            if found:
                grouped.setdefault((int(found.group(1)), int(found.group(2))), {})[found.group(3)] = text
        errors: dict[str, str] = {}
        for entry in dossier.files:
            if entry.error:
                continue
            result = self.result(dossier.code, entry.index)
            documents = list(result.documents)
            changed_any = False
            for d, document in enumerate(documents):
                values = grouped.get((entry.index, d))
                if not values:
                    continue
                updated, doc_errors, changed = apply_form(document, values)
                errors.update({f"f{entry.index}.d{d}.{k}": v for k, v in doc_errors.items()})
                if changed:
                    documents[d] = updated
                    changed_any = True
            if changed_any:
                self.save_result(dossier.code, entry.index, result.model_copy(update={"documents": documents}))
        return errors

    def note_checked(self, dossier: Dossier, names: Iterable[str]) -> None:
        """Keeps the form names (``f<file>.d<doc>.<field>``) of the fields a person checked on a screen (the
        form's ``checked``, kept by ``app.js``), for the review log at approval; saved with the dossier."""
        by_file: dict[int, set[str]] = {}
        for name in names:
            found = re.fullmatch(r"f(\d+)\.(d\d+\.(?:\w+|e\d+\.\w+))", name)
            if found:
                by_file.setdefault(int(found.group(1)), set()).add(found.group(2))
        changed = False
        for entry in dossier.files:
            new = by_file.get(entry.index, set()) - set(entry.checked)
            if new and not entry.error:
                entry.checked = sorted({*entry.checked, *new})
                changed = True
        if changed:
            self.save(dossier)

    def checked_cells(self, entry: DossierFile) -> dict[int, set[str]]:
        """Document index → the cells a person checked, named as the review log names them (``key``,
        ``entries[<row>].<key>``)."""
        cells: dict[int, set[str]] = {}
        for name in entry.checked:
            doc, _, rest = name.partition(".")
            cells.setdefault(int(doc[1:]), set()).add(entry_form_name(rest))
        return cells

    def classify(self, dossier: Dossier, index: int, doc_index: int, schema_id: str) -> None:
        """A person sets the type of a document (one the classifier did not recognise, or got wrong)."""
        if dossier.status != "draft":
            raise DossierError("hồ sơ đã duyệt, không sửa được")
        if schema_id not in all_schemas():
            raise DossierError("loại giấy tờ không hợp lệ")
        self._change_document(dossier, index, doc_index, lambda document: reclassify(document, schema_id))
        entry = next(f for f in dossier.files if f.index == index)
        entry.checked = [name for name in entry.checked if not name.startswith(f"d{doc_index}.")]  # new fields
        self.save(dossier)

    def mark_checked(self, dossier: Dossier, target: str) -> None:
        """A person has compared every field of document ``f<file>.d<doc>.`` with the paper: all are
        marked checked (``editing.accepted``), as approval would."""
        found = re.fullmatch(r"f(\d+)\.d(\d+)\.", target)
        if dossier.status != "draft" or found is None:
            raise DossierError("không đánh dấu được giấy tờ này")
        index, doc_index = int(found.group(1)), int(found.group(2))
        self._change_document(dossier, index, doc_index, accepted)
        document = self.result(dossier.code, index).documents[doc_index]
        names = [f"{target}{key}" for key in document.fields]
        names += [f"{target}e{row}.{key}" for row, cells in enumerate(document.entries) for key in cells]
        self.note_checked(dossier, names)

    def _change_document(self, dossier: Dossier, index: int, doc_index: int, change) -> None:
        """Replaces one document of a readable file's result by ``change(document)``."""
        if not any(f.index == index and not f.error for f in dossier.files):
            raise DossierError("không có tệp này")
        result = self.result(dossier.code, index)
        if not 0 <= doc_index < len(result.documents):
            raise DossierError("không có giấy tờ này")
        documents = list(result.documents)
        documents[doc_index] = change(documents[doc_index])
        self.save_result(dossier.code, index, result.model_copy(update={"documents": documents}))

    def reuse(self, dossier: Dossier, record_id: int, actor: str) -> ReusedItem:
        """A stored result reused in this dossier: checked by the repository (hashes, signature); when it
        is reusable, its values fill the empty fields of documents of the same type in the dossier (as
        checked only when ``verified``: a test signature's values are filled for review)."""
        if dossier.status != "draft":
            raise DossierError("hồ sơ đã duyệt")
        outcome = self.repo.reuse(record_id, actor=actor)
        person = outcome.record.subject()
        summary = " · ".join(x for x in (person.full_name if person else None,
                                         person.personal_id if person else None,
                                         outcome.record.number and f"Số {outcome.record.number}") if x)
        item = ReusedItem(record_id=outcome.record.id, schema_id=outcome.record.schema_id, summary=summary,
                          verified=outcome.verified, problems=outcome.problems,
                          signature=outcome.signature_status, reusable=outcome.reusable)
        for entry in dossier.files:
            if entry.error or not outcome.reusable:
                continue
            result = self.result(dossier.code, entry.index)
            documents = list(result.documents)
            for d, document in enumerate(documents):
                if document.schema_id != outcome.record.schema_id:
                    continue
                fields = dict(document.fields)
                for key, value in outcome.prefill.items():
                    if key in fields and fields[key].value is None:
                        fields[key] = FieldValue(value=value, confidence=1.0 if outcome.verified else 0.0,
                                                 status="ok" if outcome.verified else "review")
                        item.filled.append(f"f{entry.index}.d{d}.{key}")
                documents[d] = document.model_copy(update={"fields": fields})
            self.save_result(dossier.code, entry.index, result.model_copy(update={"documents": documents}))
        dossier.reused.append(item)
        self.save(dossier)
        return item

    # -- approval ------------------------------------------------------------------------------------
    def approve(self, dossier: Dossier, actor: str, signer: LoadedSigner | None = None) -> Dossier:
        """Stores every document (the extraction as version 1, the accepted values as the next version),
        signs each file's archive copy (PAdES, ``SAO Y``) and attaches it; records what was corrected.
        ``signer``: the approving account's own credential (None: the installation's signer)."""
        if dossier.status != "draft":
            raise DossierError("hồ sơ đã duyệt")
        readable = [f for f in dossier.files if not f.error]
        reused = [item for item in dossier.reused if item.reusable]  # a refused record is not part of it
        if not readable and not reused:
            raise DossierError("hồ sơ chưa có giấy tờ nào đọc được")
        records: list[int] = []
        problems: list[str] = []
        # reused results were signed when first stored; the receipt says whether they verified now
        signed_all = True if readable else all(item.verified or _test_signed(item) for item in reused)
        test_signature = any(_test_signed(item) for item in reused)
        for entry in readable:  # one record and one signed copy per paper (app/web/archive.py)
            folder = self.file_folder(dossier.code, entry.index)
            archived = archive_file(
                self.repo, self.reviews, folder=folder, source=folder / f"source{entry.suffix}",
                pages=PAGES.validate_json((folder / "pages.json").read_bytes()),
                images=[folder / name for name in entry.images],
                extracted=self.result(dossier.code, entry.index, "extracted"),
                final=self.result(dossier.code, entry.index), dossier_code=dossier.code,
                unit_code=dossier.unit_code, actor=actor, sign=partial(_sign, signer=signer),
                checked=self.checked_cells(entry))
            records.extend(archived.records)
            test_signature = test_signature or archived.test_signature
            if archived.problem:
                problems.append(f"{entry.name}: {archived.problem}")
                signed_all = False
        dossier.records = records + [item.record_id for item in reused]
        dossier.status = "approved"
        dossier.approved_by = actor
        dossier.approved_at = datetime.now(UTC)
        dossier.signed = signed_all
        dossier.test_signature = test_signature
        dossier.sign_problem = "; ".join(problems) or None
        self.save(dossier)
        return dossier


    def resign(self, dossier: Dossier, actor: str, signer: LoadedSigner | None = None) -> Dossier:
        """Signs again what approval stored and could not sign (the signer was unusable: a token not
        plugged in, a wrong PIN): each stored paper of the dossier's files without a signed copy, from the
        archive copy approval wrote (``paper-<n>.pdf``); nothing stored is changed but the signed copy
        attached as a new version. A paper that still cannot be signed keeps the reason."""
        if dossier.status != "approved" or dossier.signed:
            raise DossierError("hồ sơ không có bản nào chờ ký số lại")
        by_source = {entry.sha256: entry for entry in dossier.files if not entry.error and entry.sha256}
        records: list[int] = []
        problems: list[str] = []
        test_signature = dossier.test_signature
        for record_id in dossier.records:
            view = self.repo.current(record_id, actor=actor)
            entry = by_source.get(view.source_sha256)
            if view.signed_key or entry is None:  # signed, or a paper reused from before
                records.append(view.id)
                continue
            folder = self.file_folder(dossier.code, entry.index)
            signed = folder / f"paper-{view.doc_index + 1}.signed.pdf"
            summary, problem = _sign(folder / f"paper-{view.doc_index + 1}.pdf", signed, signer=signer)
            if problem:
                problems.append(f"{entry.name}: {problem}")
                records.append(view.id)
                continue
            test_signature = test_signature or bool(summary.signer_is_development)
            records.append(self.repo.attach_signed(view.id, signed, summary, actor=actor).id)
        dossier.records = records
        dossier.signed = not problems
        dossier.test_signature = test_signature
        dossier.sign_problem = "; ".join(problems) or None
        self.save(dossier)
        return dossier


def _test_signed(item: ReusedItem) -> bool:
    """A reused record accepted with a test signature (a development installation)."""
    return item.reusable and item.signature == "test_signature"


def _sign(archive: Path, signed: Path, signer: LoadedSigner | None = None):
    """(summary, None) or (None, the reason in Vietnamese) when the signer cannot sign: ``signer`` (an
    account's own credential, opened by the caller) or else the installation's configured signer."""
    from pipeline.signing import sign_pdf

    try:
        return sign_pdf(archive, signed, copy_form="SAO Y", signer=signer), None
    except BadInput as err:
        return None, f"chưa ký số được: {err.reason}"

