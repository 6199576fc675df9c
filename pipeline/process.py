"""From a file to OCRed pages, an archive copy and an extraction result: the stages run in order, one page per
worker process (Tesseract single-threaded, as many processes as cores). One OCR pass per page feeds both the
archive copy's text layer and the extraction.

The workers are a ``PagePool``: started once and reused for every file given to it (``shared_pool`` keeps one
for the life of the process: a batch, a server), so a file does not pay for forking workers and their imports,
and pages of several files read at once never make more than ``jobs`` OCR processes. Extraction runs in the
calling process while the workers read the next pages: a document is extracted as soon as a later page shows
that it has ended, and its pages' words are let go (``process_file(keep_words=False)`` keeps memory flat
whatever the number of pages)."""

from __future__ import annotations

import atexit
import hashlib
import itertools
import multiprocessing
import os
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel

from pipeline.config import settings
from pipeline.ingest import PageSource, load_page, open_document
from pipeline.mixed_raster import MixedRaster
from pipeline.mixed_raster import split as split_layers
from pipeline.models import Document, ExtractionResult, PageOcr
from pipeline.ocr import mean_confidence, ocr_page, page_text
from pipeline.pdfa import assemble_pdfa, encode_jpeg, write_page_pdf
from pipeline.reading import PageReading, read_image

Progress = Callable[[int, int], None]  # (pages done, pages in all)
PRELOAD = ["pipeline.process", "tesserocr"]  # imported once by the fork server, so that a new worker starts with them
IN_FLIGHT_PER_WORKER = 4  # pages of one file submitted ahead per worker (workers never wait for the parent)
FIRST_WINDOW = 8  # pages read before the first try at extracting the documents that have ended
# SOHOA_PAGE_WORKERS: "processes" or "threads" (the pages read by threads of this process: Tesseract and OpenCV
# let go of the GIL, so two threads read about as fast as two processes, without a fork server and a copy of the
# libraries per worker: sohoa ocr on 20 pages 1.57x OCRmyPDF's CPU seconds against 1.28x, 336 MB against 486; a
# crash in a native library then ends the whole process). Unset: a pool made for one file (sohoa ocr, sohoa
# extract) and the pool of a batch command (sohoa digitize: 60 pages 16 % fewer CPU seconds, 23 % less memory;
# it is resumable) have threads, other shared pools (the web app's: long-lived, a worker that dies is replaced)
# processes.
PAGE_WORKERS_VARIABLE = "SOHOA_PAGE_WORKERS"
PAGE_WORKER_KINDS = ("processes", "threads")
BATCH_PAGE_WORKERS = "threads"  # a batch's (flows.batch): a crash ends the batch, which a second run resumes


def page_worker_kind(default: str = "processes") -> str:
    """``SOHOA_PAGE_WORKERS`` when it names a kind, else ``default``."""
    chosen = os.environ.get(PAGE_WORKERS_VARIABLE, "").strip().lower()
    return chosen if chosen in PAGE_WORKER_KINDS else default


class PageJob(BaseModel):
    source: PageSource
    number: int
    workdir: str
    lang: str = "vie"
    write_pdf: bool = True


class PageOutput(BaseModel):
    page: PageOcr
    pdf_path: str | None
    seconds: dict[str, float]
    following: list[PageOutput] = []  # further pages of the same image (the right page of a book spread)

    def pages(self) -> list[PageOutput]:
        """This page and the ones that follow it in the same image."""
        return [self, *self.following]


def process_page(job: PageJob) -> PageOutput:
    """One page through ingest → preprocess → OCR → archive image and one-page PDF. Runs in a worker process.
    An image holding a two-page book spread gives two pages: the second is in ``following``."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    t0 = time.perf_counter()
    rgb = load_page(job.source)
    t1 = time.perf_counter()
    readings = read_image(rgb, job.source.dpi, job.lang)
    del rgb
    outputs = []
    for i, reading in enumerate(readings):
        t2 = time.perf_counter()
        out = _page_output(job, reading, job.number + i, f"-{i + 1}" if len(readings) > 1 else "")
        out.seconds = {"load": (t1 - t0) / len(readings), **reading.seconds, "pdf": time.perf_counter() - t2}
        outputs.append(out)
    first = outputs[0]
    first.following = outputs[1:]
    return first


def archive_layers(rgb, mode: str, dpi: int, jpeg_size: int) -> MixedRaster | None:
    """The page's mixed raster layers for its archive copy, or None where one JPEG is smaller (or the page
    holds pictures)."""
    layers = split_layers(rgb, mode, dpi)
    return layers if layers is not None and layers.size < jpeg_size else None


def _page_output(job: PageJob, reading: PageReading, number: int, suffix: str) -> PageOutput:
    """The archive image (and one-page PDF) and the page model of one reading."""
    prepared, words, lines = reading.prepared, reading.words, reading.lines
    height, width = prepared.grey.shape
    jpeg = encode_jpeg(prepared.colour, prepared.colour_mode, prepared.dpi)
    image_path = Path(job.workdir) / f"page-{job.number:05d}{suffix}.jpg"
    image_path.write_bytes(jpeg)
    pdf_path = None
    if job.write_pdf:
        pdf_path = Path(job.workdir) / f"page-{job.number:05d}{suffix}.pdf"
        layers = archive_layers(prepared.colour, prepared.colour_mode, prepared.dpi, len(jpeg))
        write_page_pdf(pdf_path, jpeg, prepared.colour_mode, width, height, prepared.dpi, words, lines, layers)
    page = PageOcr(
        number=number,
        width=width,
        height=height,
        dpi=prepared.dpi,
        rotation=prepared.rotation,
        skew=prepared.skew,
        text=page_text(lines),
        mean_confidence=mean_confidence(words),
        preprocessing=prepared.notes,
        words=words,
        lines=lines,
        had_text_layer=job.source.has_text,
        image_path=str(image_path),
    )
    return PageOutput(page=page, pdf_path=str(pdf_path) if pdf_path else None, seconds={})


def warm_worker() -> int:
    """A new worker's first task: Tesseract reads its language data once (into the page cache)."""
    import numpy as np

    blank = np.full((64, 256), 255, dtype=np.uint8)
    ocr_page(blank, 200, settings().ocr_lang)
    return os.getpid()


def prepare_fork_server(extra: tuple[str, ...] = ()) -> None:
    """Before the fork server starts (the first process pool of this process): it imports ``PRELOAD`` (and
    ``extra`` modules) once for every worker it will fork, and large page arrays freed in a worker go back to
    the system at once (glibc reads the threshold when a process starts). Later calls change nothing that is
    running."""
    from multiprocessing import forkserver

    os.environ.setdefault("MALLOC_MMAP_THRESHOLD_", str(1 << 20))
    current = list(getattr(getattr(forkserver, "_forkserver", None), "_preload_modules", None) or ["__main__"])
    missing = [name for name in (*PRELOAD, *extra) if name not in current]
    if missing:
        multiprocessing.get_context("forkserver").set_forkserver_preload(current + missing)


class PagePool:
    """Page workers, started once and reused for every file read through them.

    ``jobs`` worker processes (``forkserver``; the fork server has imported this module, OpenCV, NumPy and the
    Tesseract bindings, so a worker starts in milliseconds), or ``jobs`` threads of this process with
    ``kind="threads"`` (each with its own Tesseract engine); with ``jobs == 1`` pages are read in the calling
    thread, one at a time across all threads. Files read at once from several threads share the workers: there
    are never more than ``jobs`` pages in OCR. Thread-safe. A pool whose worker died (killed for memory, a crash
    in a native library) fails the files it was reading and is replaced for the next ones."""

    def __init__(self, jobs: int | None = None, kind: str | None = None) -> None:
        self.jobs = max(1, jobs or settings().jobs)
        self.kind = kind or page_worker_kind()  # "processes" or "threads" (see PAGE_WORKERS_VARIABLE)
        self._executor: Executor | None = None
        self._lock = threading.Lock()
        self._inline = threading.Lock()
        self._closed = False

    def __enter__(self) -> PagePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _get(self) -> Executor:
        with self._lock:
            if self._closed:
                raise RuntimeError("this page pool is closed")
            if self._executor is None and self.kind == "threads":
                self._executor = ThreadPoolExecutor(max_workers=self.jobs, thread_name_prefix="sohoa-page")
            if self._executor is None:
                prepare_fork_server()
                self._executor = ProcessPoolExecutor(max_workers=self.jobs,
                                                     mp_context=multiprocessing.get_context("forkserver"))
            return self._executor

    def _discard(self, executor: Executor) -> None:
        with self._lock:
            if self._executor is executor:
                self._executor = None
        executor.shutdown(wait=False, cancel_futures=True)

    def start(self) -> PagePool:
        """Starts the workers in the background, each reading a tiny page (Tesseract's language data into the
        page cache), so that the first file finds them warm. Returns at once."""
        if self.jobs > 1:
            threading.Thread(target=self._warm, name="sohoa-page-workers", daemon=True).start()
        return self

    def _warm(self) -> None:
        try:
            executor = self._get()
            # Submitted together, so that each starts its own worker (a pool forks only when none is idle).
            for _ in range(self.jobs):
                executor.submit(warm_worker)
        except RuntimeError:  # closed meanwhile (or a broken pool: the next file replaces it)
            return

    def map(self, work: Iterable[PageJob]) -> Iterator[PageOutput]:
        """``process_page`` over ``work``, results in order. A few pages per worker are submitted ahead (the
        workers go on while the caller handles a result); those not yet read are cancelled when the caller
        stops early or a page fails."""
        if self.jobs == 1:
            for job in work:
                with self._inline:
                    out = process_page(job)
                yield out
            return
        executor = self._get()
        todo = iter(work)
        ahead: deque[Future] = deque()
        try:
            ahead.extend(executor.submit(process_page, job)
                         for job in itertools.islice(todo, IN_FLIGHT_PER_WORKER * self.jobs))
            while ahead:
                try:
                    out = ahead.popleft().result()
                except BrokenProcessPool:
                    self._discard(executor)
                    raise
                ahead.extend(executor.submit(process_page, job) for job in itertools.islice(todo, 1))
                yield out
        finally:
            for future in ahead:
                future.cancel()

    def worker_pids(self) -> list[int]:
        """The ids of the worker processes running now (none with ``jobs == 1`` or before the first page)."""
        with self._lock:
            executor = self._executor
        return sorted(getattr(executor, "_processes", None) or {})

    def close(self) -> None:
        with self._lock:
            self._closed = True
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


_shared: dict[int, PagePool] = {}
_shared_lock = threading.Lock()


def shared_pool(jobs: int | None = None, kind: str | None = None) -> PagePool:
    """This process's page pool of ``jobs`` workers (default: ``SOHOA_JOBS``, else one per core): started on first
    use, then kept warm for the life of the process and shared by everything in it (closed at exit). ``kind``:
    of the pool when this call makes it (``SOHOA_PAGE_WORKERS`` wins; else processes); a pool already made is
    returned whatever its kind."""
    jobs = max(1, jobs or settings().jobs)
    with _shared_lock:
        pool = _shared.get(jobs)
        if pool is None:
            pool = _shared[jobs] = PagePool(jobs, kind=page_worker_kind(kind or "processes")).start()
    return pool


@atexit.register
def close_shared_pools() -> None:
    with _shared_lock:
        pools = list(_shared.values())
        _shared.clear()
    for pool in pools:
        pool.close()


@contextmanager
def _workdir(workdir: Path | None) -> Iterator[Path]:
    if workdir is not None:
        workdir.mkdir(parents=True, exist_ok=True)
        yield workdir
        return
    with tempfile.TemporaryDirectory(prefix="sohoa-") as tmp:
        yield Path(tmp)


@contextmanager
def _pool_for(jobs: int | None, pages: int, pool: PagePool | None) -> Iterator[PagePool]:
    """``pool`` if given, else a pool for this file only (no more workers than pages; threads unless
    ``SOHOA_PAGE_WORKERS`` says otherwise), closed after it."""
    if pool is not None:
        yield pool
        return
    with PagePool(max(1, min(jobs or settings().jobs, pages)), kind=page_worker_kind("threads")) as own:
        yield own


def run_pages(
    sources: list[PageSource],
    workdir: Path,
    jobs: int | None,
    write_pdf: bool,
    progress: Progress | None = None,
    pool: PagePool | None = None,
) -> Iterator[PageOutput]:
    """Runs ``process_page`` over the pages, yielding results in page order: through ``pool`` when given (its
    workers, ``jobs`` is then unused), else through a pool of ``jobs`` workers made for this file."""
    work = (
        PageJob(source=s, number=i + 1, workdir=str(workdir), lang=settings().ocr_lang, write_pdf=write_pdf)
        for i, s in enumerate(sources)
    )
    number = 0
    with _pool_for(jobs, len(sources), pool) as workers:
        for done, out in enumerate(workers.map(work), start=1):
            if progress:
                progress(done, len(sources))
            # A book spread gives two pages: the pages that follow are numbered after it.
            for part in out.pages():
                number += 1
                part.page.number = number
                part.following = []
                yield part


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_pages(
    path: Path,
    jobs: int | None = None,
    workdir: Path | None = None,
    progress: Progress | None = None,
    pool: PagePool | None = None,
) -> list[PageOcr]:
    """Ingest, preprocess and OCR every page of a file. ``image_path`` of each page stays valid while ``workdir``
    exists (pass one to keep the images; by default a temporary folder is used and removed)."""
    sources = open_document(Path(path))
    with _workdir(workdir) as wd:
        return [out.page for out in run_pages(sources, wd, jobs, write_pdf=False, progress=progress, pool=pool)]


def _without_words(page: PageOcr) -> PageOcr:
    return page.model_copy(update={"words": [], "lines": []})


def ocr_to_pdfa(
    path: Path, out: Path, jobs: int | None = None, progress: Progress | None = None, pool: PagePool | None = None
) -> list[PageOcr]:
    """The searchable PDF/A-2b archive copy of a file. Returns the pages without their words (memory stays flat)."""
    sources = open_document(Path(path))
    pages: list[PageOcr] = []
    with tempfile.TemporaryDirectory(prefix="sohoa-") as tmp:
        wd = Path(tmp)
        pdfs = []
        for result in run_pages(sources, wd, jobs, write_pdf=True, progress=progress, pool=pool):
            pages.append(PageOcr(**result.page.model_dump(exclude={"words", "lines", "image_path"})))
            pdfs.append(Path(result.pdf_path or ""))
            Path(result.page.image_path or "").unlink(missing_ok=True)
        assemble_pdfa(pdfs, Path(out), title=Path(path).name, workdir=wd)
    return pages


class DocumentStream:
    """Extraction while the pages are still being read. Pages are added in order; every ``FIRST_WINDOW`` pages
    the documents of the pages held so far are extracted, and all but the last one (which may go on over the
    next pages) are final: their pages are let go. A document that goes on (a register) is tried again when the
    pages held have doubled. ``finish`` extracts what is left.

    The documents are those ``extract_documents`` gives for all the pages at once, because it splits pages in
    order (whether a page starts a document depends on that page and the document before it) and extracts each
    document from its own pages (``tests/pipeline/test_process_stream.py`` checks it on real pages)."""

    def __init__(self, schema: str | None, first_window: int = FIRST_WINDOW) -> None:
        self.schema = schema
        self.first_window = max(1, first_window)
        self.held: list[PageOcr] = []
        self.documents: list[Document] = []
        self.seconds = 0.0  # spent extracting
        self._next_try = self.first_window

    def add(self, page: PageOcr) -> None:
        self.held.append(page)
        if len(self.held) >= self._next_try:
            self._extract(final=False)

    def finish(self) -> list[Document]:
        if self.held:
            self._extract(final=True)
        return self.documents

    def _extract(self, final: bool) -> None:
        started = time.perf_counter()
        documents = _extract(self.held, self.schema)
        if final:
            self.documents.extend(documents)
            self.held = []
        elif len(documents) > 1 and documents[-1].pages:
            self.documents.extend(documents[:-1])
            first_open = min(documents[-1].pages)
            self.held = [p for p in self.held if p.number >= first_open]
            self._next_try = len(self.held) + self.first_window
        else:
            self._next_try = 2 * len(self.held)
        self.seconds += time.perf_counter() - started


def extract_stream(pages: Iterable[PageOcr], schema: str | None = None,
                   first_window: int = FIRST_WINDOW) -> list[Document]:
    """``extract_documents`` over pages given one by one (see ``DocumentStream``)."""
    stream = DocumentStream(schema, first_window)
    for page in pages:
        stream.add(page)
    return stream.finish()


class Processed(BaseModel):
    """Everything one pass over a file gives: the extraction result and the pages (with their words unless
    ``process_file(keep_words=False)``)."""

    result: ExtractionResult
    pages: list[PageOcr]


def process_file(
    path: Path,
    schema: str | None = None,
    jobs: int | None = None,
    archive_out: Path | None = None,
    workdir: Path | None = None,
    progress: Progress | None = None,
    pool: PagePool | None = None,
    keep_words: bool = True,
) -> Processed:
    """OCR once, extract, and (when ``archive_out`` is given) write the PDF/A archive copy from the same OCR.

    Pages are read by ``pool``'s workers when given (else by ``jobs`` workers started for this file); documents
    are extracted while the next pages are read (``DocumentStream``). ``keep_words=False``: the pages returned
    have no words and lines, and no page's words are kept longer than its document needs them, so memory does
    not grow with the number of pages (unless one document spans them all).

    ``result.timings`` (seconds, they add up to the wall time): ``ocr`` reading the pages (minus the extraction
    done meanwhile), ``extract`` extracting, ``pdfa`` joining the archive copy."""
    path = Path(path)
    t0 = time.perf_counter()
    sources = open_document(path)
    sha = sha256_file(path)
    stream = DocumentStream(schema)
    pages: list[PageOcr] = []
    contract = []
    pdfs: list[Path] = []
    with _workdir(workdir) as wd:
        for out in run_pages(sources, wd, jobs, write_pdf=archive_out is not None, progress=progress, pool=pool):
            contract.append(out.page.to_contract())
            pages.append(out.page if keep_words else _without_words(out.page))
            if out.pdf_path:
                pdfs.append(Path(out.pdf_path))
            stream.add(out.page)
        t1 = time.perf_counter()
        if archive_out is not None:
            assemble_pdfa(pdfs, archive_out, title=path.name, workdir=wd)
        t2 = time.perf_counter()
        documents = stream.finish()
        t3 = time.perf_counter()
    timings = {"ocr": round(t1 - t0 - (stream.seconds - (t3 - t2)), 3), "extract": round(stream.seconds, 3)}
    if archive_out is not None:
        timings["pdfa"] = round(t2 - t1, 3)
    result = ExtractionResult(source=path.name, sha256=sha, pages=contract, documents=documents, timings=timings)
    return Processed(result=result, pages=pages)


def extract_file(
    path: Path,
    schema: str | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    pool: PagePool | None = None,
) -> ExtractionResult:
    """The contract's extraction result for one file (``sohoa extract``)."""
    return process_file(path, schema=schema, jobs=jobs, progress=progress, pool=pool, keep_words=False).result


def warm_extractors() -> None:
    """Loads the extractors (schemas, gazetteers, label tables, spaCy: seconds) by extracting a one-line page, so
    that the first file does not wait for them; meant for a background thread of a process that will extract."""
    from pipeline.models import Line, Word

    words = [Word(text=t, conf=0.9, bbox=(10 + 100 * i, 10, 90 + 100 * i, 40), line=0)
             for i, t in enumerate(("GIẤY", "KHAI", "SINH"))]
    page = PageOcr(number=1, width=1000, height=1400, dpi=200, words=words,
                   lines=[Line(text="GIẤY KHAI SINH", bbox=(10, 10, 290, 40), words=[0, 1, 2])])
    _extract([page], None)


def _extract(pages: list[PageOcr], schema: str | None) -> list[Document]:
    from extractors import extract_documents  # imported here: extractors load spaCy and the schemas

    return extract_documents(pages, schema)
