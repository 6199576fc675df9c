"""The tasks of a batch, one per stage. They pass an ``Item`` (paths and small facts), never images.

    ocr_extract  one input → archive copy (PDF/A-2b) + extraction JSON in its work folder (or quarantine),
                 and one archive copy per paper (document) of an input that holds several
    sign         archive copies → signed copies (PAdES)           retried for transient errors
    store        scan + copies + extraction → repository records  retried with exponential backoff
                 (one record per paper with its own copies; the whole input kept as an original)
    publish      work folder → OUT/NAME.pdf, OUT/NAME.json (OUT/NAME.paper-N.pdf per paper), then the done
                 marker (all atomic)

Every stage first looks for its own output in the work folder, so a batch killed midway redoes only what
was not finished; storing is idempotent by the input's SHA-256 (the repository returns the records it has).
Logs name documents by their hash only, never by file name or content.
"""

from __future__ import annotations

import json
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from prefect import get_run_logger, task
from prefect.tasks import exponential_backoff
from pydantic import BaseModel, Field

from flows import progress
from flows.layout import Layout, atomic_copy, atomic_write_bytes, atomic_write_json
from flows.repository import repository
from pipeline.errors import BadInput
from pipeline.models import ExtractionResult

ACTOR = "sohoa-batch"
Status = Literal["pending", "done", "skipped", "duplicate", "quarantined", "failed"]


class Paper(BaseModel):
    """One document of an input and its own copies (its pages only), in the work folder."""

    doc_index: int
    schema_id: str
    pages: list[int]
    archive: str  # work/paper-N.pdf, or work/archive.pdf for an input that is one paper
    signed: str | None = None


class Item(BaseModel):
    """One input of a batch and the references to its work: what travels between the tasks."""

    source: str  # the input file (never moved, never modified)
    name: str  # the outputs' name, relative to the output folder, without extension
    sha256: str
    out_dir: str
    status: Status = "pending"
    reason: str | None = None
    pages: int = 0
    documents: int = 0
    needs_review: bool = False
    archive: str | None = None  # work/archive.pdf
    extraction: str | None = None  # work/extraction.json
    signed: str | None = None  # work/signed.pdf
    signature_level: str | None = None
    papers: list[Paper] = Field(default_factory=list)  # one per document (issue 15)
    stored: bool = False
    records: list[int] = Field(default_factory=list)
    outputs: list[str] = Field(default_factory=list)  # relative to out_dir
    resumed: list[str] = Field(default_factory=list)  # stages found finished by an earlier run
    timings: dict[str, float] = Field(default_factory=dict)

    @property
    def layout(self) -> Layout:
        return Layout(self.out_dir)

    @property
    def work(self) -> Path:
        return self.layout.work(self.sha256)

    @property
    def tag(self) -> str:
        return self.sha256[:12]

    @property
    def active(self) -> bool:
        return self.status == "pending"


def not_bad_input(task, task_run, state) -> bool:  # noqa: ANN001 (Prefect's retry_condition_fn signature)
    """Retry unless the failure is the input's or the configuration's fault (BadInput, SignerUnusable)."""
    return not isinstance(state.result(raise_on_failure=False), BadInput)


# -- OCR + extraction + archive copy ------------------------------------------------------------------------


def quarantine(item: Item, reason: str) -> Item:
    """A copy of the input (the original stays where it is) and ``NAME.reason.txt`` in OUT/quarantine/."""
    folder = item.layout.quarantine
    copy = folder / f"{item.name}{Path(item.source).suffix}"
    atomic_copy(Path(item.source), copy)
    atomic_write_bytes(folder / f"{item.name}.reason.txt", f"{Path(item.source).name}: {reason}\n".encode())
    progress.emit(progress.Event("done", item.name, status="quarantined"))
    rel = [str(copy.relative_to(item.layout.out))]
    return item.model_copy(update={"status": "quarantined", "reason": reason, "outputs": rel})


def _papers(item: Item, result: ExtractionResult, archive: Path) -> list[Paper]:
    """The archive copy of each paper of the input (written once; an input of one paper is its own)."""
    from pipeline.store.papers import write_paper_copies

    copies = write_paper_copies(archive, result.documents, item.work, Path(item.source).name)
    return [Paper(doc_index=i, schema_id=result.documents[i].schema_id, pages=result.documents[i].pages,
                  archive=str(path)) for i, path in sorted(copies.items())]


def _summarise(item: Item, result: ExtractionResult) -> dict[str, Any]:
    return {
        "pages": len(result.pages),
        "documents": len(result.documents),
        "needs_review": any(d.needs_review for d in result.documents),
        "timings": {**item.timings, **result.timings},
    }


@task(name="ocr-extract", task_run_name="ocr-extract-{item.sha256:.12}", retries=1, retry_delay_seconds=2,
      retry_condition_fn=not_bad_input)
def ocr_extract(item: Item, schema: str | None = None, jobs: int | None = None) -> Item:
    """OCR once per page, extract, and write the PDF/A-2b archive copy; a bad input goes to quarantine.

    The pages go to this process's page workers (``pipeline.process.shared_pool(jobs)``: started once, shared
    by every file in OCR at the same time, so never more than ``jobs`` pages in OCR); documents are extracted
    while the next pages are read, and no page's words are kept once its document is extracted."""
    from pipeline.process import process_file, shared_pool

    log = get_run_logger()
    archive, extraction = item.work / "archive.pdf", item.work / "extraction.json"
    if archive.is_file() and extraction.is_file():
        result = ExtractionResult.model_validate_json(extraction.read_bytes())
        log.info("document %s: OCR already done by an earlier run", item.tag)
        update = _summarise(item, result) | {"archive": str(archive), "extraction": str(extraction),
                                             "resumed": [*item.resumed, "ocr"],
                                             "papers": _papers(item, result, archive)}
        return item.model_copy(update=update)
    progress.emit(progress.Event("start", item.name))

    def pages_done(done: int, total: int) -> None:
        progress.emit(progress.Event("pages", item.name, done=done, total=total))

    item.work.mkdir(parents=True, exist_ok=True)
    partial = item.work / "archive.part.pdf"
    started = time.perf_counter()
    try:
        processed = process_file(Path(item.source), schema=schema, archive_out=partial, workdir=item.work / "pages",
                                 progress=pages_done, pool=shared_pool(jobs), keep_words=False)
    except BadInput as err:
        log.warning("document %s: quarantined (%s)", item.tag, err.reason)
        shutil.rmtree(item.work, ignore_errors=True)
        return quarantine(item, err.reason)
    finally:
        shutil.rmtree(item.work / "pages", ignore_errors=True)
    result = processed.result
    if result.sha256 != item.sha256:
        raise RuntimeError(f"document {item.tag}: the input changed while it was read (now {result.sha256[:12]})")
    partial.replace(archive)
    atomic_write_bytes(extraction, json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2).encode())
    seconds = time.perf_counter() - started
    log.info("document %s: %d page(s), %d document(s) in %.1f s", item.tag, len(result.pages),
             len(result.documents), seconds)
    update = _summarise(item, result) | {"archive": str(archive), "extraction": str(extraction),
                                         "papers": _papers(item, result, archive)}
    update["timings"]["ocr_extract_task"] = round(seconds, 3)
    return item.model_copy(update=update)


# -- signature ----------------------------------------------------------------------------------------------


def prepare_signer() -> None:
    """Loads the signer once before signing tasks run in parallel threads: the development signer is created
    on first use, and two threads must not create it at once. Raises SignerUnusable early."""
    from pipeline.signing import load_signer

    load_signer().close()


@task(name="sign", task_run_name="sign-{item.sha256:.12}", retries=2, retry_delay_seconds=exponential_backoff(2),
      retry_condition_fn=not_bad_input)
def sign(item: Item, copy_form: str = "SAO Y") -> Item:
    """The PAdES signature of the archive copy (visible stamp, top right of page 1), and of each paper's own
    copy when the input holds several papers."""
    if not item.active:
        return item
    signed = item.work / "signed.pdf"
    level_file = item.work / "signed.level"
    if signed.is_file() and level_file.is_file() and all(Path(p.signed or "").is_file() for p in item.papers):
        return item.model_copy(update={"signed": str(signed), "signature_level": level_file.read_text(),
                                       "resumed": [*item.resumed, "sign"]})
    started = time.perf_counter()
    level = _sign_copy(Path(item.archive or ""), signed, copy_form)
    papers = [paper.model_copy(update={"signed": str(signed) if paper.archive == item.archive
                                       else str(_signed_paper(paper, copy_form))}) for paper in item.papers]
    atomic_write_bytes(level_file, level.encode())
    seconds = time.perf_counter() - started
    get_run_logger().info("document %s: signed (PAdES %s, %d paper(s)) in %.2f s", item.tag, level, len(papers),
                          seconds)
    return item.model_copy(update={"signed": str(signed), "signature_level": level, "papers": papers,
                                   "timings": {**item.timings, "sign": round(seconds, 3)}})


def _sign_copy(archive: Path, signed: Path, copy_form: str) -> str:
    """Signs ``archive`` into ``signed`` (through a partial file), keeping the summary beside it as
    ``<signed>.json`` (``signature.json`` for the whole input's copy); returns the PAdES level. A copy
    signed by an earlier run is kept."""
    from pipeline.signing import sign_pdf

    summary_file = _signature_file(signed)
    if signed.is_file() and summary_file.is_file():
        return json.loads(summary_file.read_text(encoding="utf-8"))["level"]
    partial = signed.with_name(signed.stem + ".part.pdf")
    summary = sign_pdf(archive, partial, copy_form=copy_form, visible=True)
    partial.replace(signed)
    atomic_write_json(summary_file, summary.model_dump(mode="json"))
    return summary.level.value


def _signature_file(signed: Path) -> Path:
    return signed.with_name("signature.json") if signed.name == "signed.pdf" else signed.with_suffix(".json")


def _signed_paper(paper: Paper, copy_form: str) -> Path:
    out = Path(paper.archive).with_name(f"paper-{paper.doc_index + 1}.signed.pdf")
    _sign_copy(Path(paper.archive), out, copy_form)
    return out


# -- repository ---------------------------------------------------------------------------------------------


@task(name="store", task_run_name="store-{item.sha256:.12}", retries=6, retry_delay_seconds=exponential_backoff(1),
      retry_jitter_factor=0.2)
def store(item: Item, actor: str = ACTOR, dossier_code: str | None = None) -> Item:
    """Scan, archive copy, signed copy and extraction into the repository (idempotent by the input's hash).

    Retried 6 times, 1 s, 2 s, 4 s … 32 s apart (about a minute in all): an object store or a catalog that is
    down for a while does not fail the batch."""
    if not item.active:
        return item
    from pipeline.store.repository import PaperCopy  # the store's modules load when an input is stored

    started = time.perf_counter()
    result = ExtractionResult.model_validate_json(Path(item.extraction or "").read_bytes())
    papers = {}
    for paper in item.papers:
        signed = Path(paper.signed) if paper.signed else None
        signature = json.loads(_signature_file(signed).read_text(encoding="utf-8")) if signed else None
        papers[paper.doc_index] = PaperCopy(archive=Path(paper.archive), signed=signed, signature=signature)
    records = repository().put(result, actor=actor, scan=Path(item.source), dossier_code=dossier_code,
                               papers=papers)
    seconds = time.perf_counter() - started
    ids = [r.id for r in records]
    get_run_logger().info("document %s: stored as record(s) %s in %.2f s", item.tag, ids, seconds)
    return item.model_copy(update={"stored": True, "records": ids,
                                   "timings": {**item.timings, "store": round(seconds, 3)}})


# -- outputs ------------------------------------------------------------------------------------------------


def published_papers(item: Item, outputs: list[str]) -> list[dict[str, Any]]:
    """The summary's and the marker's ``papers``: each document, its pages, its record and its own PDF."""
    own = outputs[2:] if len(item.papers) > 1 else outputs[:1]
    return [{"doc_index": p.doc_index, "schema": p.schema_id, "pages": p.pages,
             "record": item.records[p.doc_index] if p.doc_index < len(item.records) else None,
             "pdf": own[i] if i < len(own) else None} for i, p in enumerate(item.papers)]



@task(name="publish", task_run_name="publish-{item.sha256:.12}", retries=1, retry_delay_seconds=1)
def publish(item: Item) -> Item:
    """OUT/NAME.pdf and OUT/NAME.json (each written atomically), then the done marker, then the work folder
    goes. A kill before the marker only makes a resumed batch publish again."""
    if not item.active:
        return item
    layout = item.layout
    pdf, data = layout.pdf(item.name), layout.json(item.name)
    atomic_copy(Path(item.signed or item.archive or ""), pdf)
    atomic_copy(Path(item.extraction or ""), data)
    outputs = [str(pdf.relative_to(layout.out)), str(data.relative_to(layout.out))]
    if len(item.papers) > 1:  # each paper's own copy beside the whole input's
        for paper in item.papers:
            own = layout.out / f"{item.name}.paper-{paper.doc_index + 1}.pdf"
            atomic_copy(Path(paper.signed or paper.archive), own)
            outputs.append(str(own.relative_to(layout.out)))
    done = item.model_copy(update={"status": "done", "outputs": outputs})
    marker = {
        "source": Path(item.source).name, "name": item.name, "sha256": item.sha256, "outputs": outputs,
        "signed": bool(item.signed), "signature_level": item.signature_level, "stored": item.stored,
        "records": item.records, "pages": item.pages, "documents": item.documents,
        "papers": published_papers(item, outputs),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    atomic_write_json(layout.marker(item.sha256), marker)
    shutil.rmtree(item.work, ignore_errors=True)
    progress.emit(progress.Event("done", item.name, status="done"))
    return done
