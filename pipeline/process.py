"""From a file to OCRed pages, an archive copy and an extraction result: the stages run in order, one page per
worker process (Tesseract single-threaded, as many processes as cores). One OCR pass per page feeds both the
archive copy's text layer and the extraction."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel

from pipeline.config import settings
from pipeline.ingest import PageSource, load_page, open_document
from pipeline.models import ExtractionResult, PageOcr
from pipeline.ocr import mean_confidence, ocr_page, page_text
from pipeline.pdfa import assemble_pdfa, encode_jpeg, write_page_pdf
from pipeline.preprocess import preprocess

Progress = Callable[[int, int], None]  # (pages done, pages in all)


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


def process_page(job: PageJob) -> PageOutput:
    """One page through ingest → preprocess → OCR → archive image and one-page PDF. Runs in a worker process."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    t0 = time.perf_counter()
    rgb = load_page(job.source)
    t1 = time.perf_counter()
    prepared = preprocess(rgb, job.source.dpi, job.lang)
    del rgb
    t2 = time.perf_counter()
    words, lines = ocr_page(prepared.grey, job.source.dpi, job.lang)
    t3 = time.perf_counter()
    height, width = prepared.grey.shape
    jpeg = encode_jpeg(prepared.colour, prepared.colour_mode, job.source.dpi)
    image_path = Path(job.workdir) / f"page-{job.number:05d}.jpg"
    image_path.write_bytes(jpeg)
    pdf_path = None
    if job.write_pdf:
        pdf_path = Path(job.workdir) / f"page-{job.number:05d}.pdf"
        write_page_pdf(pdf_path, jpeg, prepared.colour_mode, width, height, job.source.dpi, words, lines)
    t4 = time.perf_counter()
    page = PageOcr(
        number=job.number,
        width=width,
        height=height,
        dpi=job.source.dpi,
        rotation=prepared.rotation,
        skew=prepared.skew,
        text=page_text(lines),
        mean_confidence=mean_confidence(words),
        words=words,
        lines=lines,
        had_text_layer=job.source.has_text,
        image_path=str(image_path),
    )
    seconds = {"load": t1 - t0, "preprocess": t2 - t1, "ocr": t3 - t2, "pdf": t4 - t3}
    return PageOutput(page=page, pdf_path=str(pdf_path) if pdf_path else None, seconds=seconds)


@contextmanager
def _workdir(workdir: Path | None) -> Iterator[Path]:
    if workdir is not None:
        workdir.mkdir(parents=True, exist_ok=True)
        yield workdir
        return
    with tempfile.TemporaryDirectory(prefix="sohoa-") as tmp:
        yield Path(tmp)


def run_pages(
    sources: list[PageSource],
    workdir: Path,
    jobs: int | None,
    write_pdf: bool,
    progress: Progress | None = None,
) -> Iterator[PageOutput]:
    """Runs ``process_page`` over the pages, ``jobs`` at a time, yielding results in page order."""
    jobs = max(1, min(jobs or settings().jobs, len(sources)))
    work = [
        PageJob(source=s, number=i + 1, workdir=str(workdir), lang=settings().ocr_lang, write_pdf=write_pdf)
        for i, s in enumerate(sources)
    ]
    done = 0
    if jobs == 1:
        for job in work:
            out = process_page(job)
            done += 1
            if progress:
                progress(done, len(work))
            yield out
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("forkserver")) as pool:
        for out in pool.map(process_page, work, chunksize=1):
            done += 1
            if progress:
                progress(done, len(work))
            yield out


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_pages(
    path: Path, jobs: int | None = None, workdir: Path | None = None, progress: Progress | None = None
) -> list[PageOcr]:
    """Ingest, preprocess and OCR every page of a file. ``image_path`` of each page stays valid while ``workdir``
    exists (pass one to keep the images; by default a temporary folder is used and removed)."""
    sources = open_document(Path(path))
    with _workdir(workdir) as wd:
        return [out.page for out in run_pages(sources, wd, jobs, write_pdf=False, progress=progress)]


def ocr_to_pdfa(
    path: Path, out: Path, jobs: int | None = None, progress: Progress | None = None
) -> list[PageOcr]:
    """The searchable PDF/A-2b archive copy of a file. Returns the pages without their words (memory stays flat)."""
    sources = open_document(Path(path))
    pages: list[PageOcr] = []
    with tempfile.TemporaryDirectory(prefix="sohoa-") as tmp:
        wd = Path(tmp)
        pdfs = []
        for result in run_pages(sources, wd, jobs, write_pdf=True, progress=progress):
            pages.append(PageOcr(**result.page.model_dump(exclude={"words", "lines", "image_path"})))
            pdfs.append(Path(result.pdf_path or ""))
            Path(result.page.image_path or "").unlink(missing_ok=True)
        assemble_pdfa(pdfs, Path(out), title=Path(path).name, workdir=wd)
    return pages


class Processed(BaseModel):
    """Everything one pass over a file gives: the extraction result and the pages with their words."""

    result: ExtractionResult
    pages: list[PageOcr]


def process_file(
    path: Path,
    schema: str | None = None,
    jobs: int | None = None,
    archive_out: Path | None = None,
    workdir: Path | None = None,
    progress: Progress | None = None,
) -> Processed:
    """OCR once, then extract, and (when ``archive_out`` is given) write the PDF/A archive copy from the same OCR."""
    path = Path(path)
    t0 = time.perf_counter()
    sources = open_document(path)
    sha = sha256_file(path)
    with _workdir(workdir) as wd:
        outputs = list(run_pages(sources, wd, jobs, write_pdf=archive_out is not None, progress=progress))
        pages = [o.page for o in outputs]
        t1 = time.perf_counter()
        if archive_out is not None:
            assemble_pdfa([Path(o.pdf_path or "") for o in outputs], archive_out, title=path.name, workdir=wd)
        t2 = time.perf_counter()
        documents = _extract(pages, schema)
        t3 = time.perf_counter()
    timings = {"ocr": round(t1 - t0, 3), "extract": round(t3 - t2, 3)}
    if archive_out is not None:
        timings["pdfa"] = round(t2 - t1, 3)
    result = ExtractionResult(
        source=path.name,
        sha256=sha,
        pages=[p.to_contract() for p in pages],
        documents=documents,
        timings=timings,
    )
    return Processed(result=result, pages=pages)


def extract_file(
    path: Path, schema: str | None = None, jobs: int | None = None, progress: Progress | None = None
) -> ExtractionResult:
    """The contract's extraction result for one file (``sohoa extract``)."""
    return process_file(path, schema=schema, jobs=jobs, progress=progress).result


def _extract(pages: list[PageOcr], schema: str | None):
    try:
        from extractors import extract_documents
    except ImportError:
        return []
    return extract_documents(pages, schema)
