"""The archive copy (PDF/A-2b) of a file taken in at the counter, written when the dossier is approved.

Intake keeps what the archive copy is made of: the straightened page images (the JPEGs ``process_page``
encoded, shown on the screen as they are) and the OCR words of each page (``pages.json``). Writing the copy
is the pipeline's own two steps, ``write_page_pdf`` per page and ``assemble_pdfa``, on those same bytes and
words, so it is what ``process_file(archive_out=...)`` writes (mixed raster content where it is smaller, the
text layer split from the kept JPEG); it is only done later, when the officer approves, instead of while the
citizen waits for the fields.

One archive copy per paper (issue 15): each document of a file (its own pages, as extraction split them)
gets its own PDF/A copy, signed and stored as its own record (``archive_file``); the whole file is kept as
the dossier's original, never handed out with a record.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from pydantic import BaseModel, Field

from app.web.editing import accepted
from app.web.stats import ReviewLog
from pipeline.models import Document, ExtractionResult, PageOcr
from pipeline.pdfa import assemble_pdfa, write_page_pdf
from pipeline.process import archive_layers
from pipeline.store import Repository
from pipeline.store.papers import paper_pages
from pipeline.store.repository import PaperCopy


def jpeg_mode(jpeg: bytes) -> str:
    """``grey`` for a one-channel JPEG (``encode_jpeg`` writes pages without colour so), else ``colour``."""
    with Image.open(io.BytesIO(jpeg)) as image:
        return "grey" if image.mode == "L" else "colour"


def write_archive(pages: list[PageOcr], images: list[Path], out: Path, title: str) -> None:
    """``out``: the PDF/A-2b copy of the pages, each page's image with its invisible words."""
    if len(pages) != len(images) or not pages:
        raise ValueError("one image per page is needed")
    with tempfile.TemporaryDirectory(prefix="archive-", dir=out.parent) as tmp:
        folder = Path(tmp)
        page_pdfs = []
        for page, image in zip(pages, images, strict=True):
            jpeg = image.read_bytes()
            mode = jpeg_mode(jpeg)
            with Image.open(io.BytesIO(jpeg)) as decoded:
                rgb = np.asarray(decoded.convert("RGB"))
            layers = archive_layers(rgb, mode, page.dpi, len(jpeg))  # as the pipeline's copy: mixed raster
            del rgb
            page_pdf = folder / f"page-{page.number:05d}.pdf"
            write_page_pdf(page_pdf, jpeg, mode, page.width, page.height, page.dpi,
                           page.words, page.lines, layers)
            page_pdfs.append(page_pdf)
        partial = folder / "archive.pdf"
        assemble_pdfa(page_pdfs, partial, title=title, workdir=folder)
        partial.replace(out)


def write_paper_archives(documents: list[Document], pages: list[PageOcr], images: list[Path], folder: Path,
                         title: str) -> dict[int, Path]:
    """One PDF/A-2b archive copy per document of a file, each holding that document's own pages only:
    ``folder/paper-<index>.pdf`` (written once; kept for a retried approval)."""
    image_of = {page.number: image for page, image in zip(pages, images, strict=True)}
    copies: dict[int, Path] = {}
    for index, document in enumerate(documents):
        out = folder / f"paper-{index + 1}.pdf"
        if not out.is_file():
            numbers = paper_pages(document, len(pages))
            own = [page for page in pages if page.number in numbers]
            name = title if len(documents) == 1 else f"{title} ({index + 1}/{len(documents)})"
            write_archive(own, [image_of[page.number] for page in own], out, title=name)
        copies[index] = out
    return copies


Signer = Callable[[Path, Path], tuple[Any, str | None]]  # (archive, signed out) → (summary, problem)


class ArchivedFile(BaseModel):
    """What approval stored for one file: the current record of each of its papers, and the signing."""

    records: list[int] = Field(default_factory=list)
    reused: list[int] = Field(default_factory=list)  # records of papers stored before (recognised)
    problem: str | None = None  # why a paper could not be signed (Vietnamese)
    test_signature: bool = False


def archive_file(repo: Repository, reviews: ReviewLog, *, folder: Path, source: Path, pages: list[PageOcr],
                 images: list[Path], extracted: ExtractionResult, final: ExtractionResult, dossier_code: str,
                 unit_code: str, actor: str, sign: Signer,
                 checked: dict[int, set[str]] | None = None) -> ArchivedFile:
    """Approval of one file of a dossier: one record per paper, each with its own archive copy and signed
    copy; the whole file kept as the dossier's original. A paper stored before (the same file, or the same
    card or certificate in another file) is reused: only what the officer typed over this reading goes onto
    it (``Repository.review``), and it keeps its signed copy. ``checked``: per paper, the cells a person
    checked (``ReviewLog.add``; None: all)."""
    copies = write_paper_archives(final.documents, pages, images, folder, extracted.source)
    stored = repo.put_papers(extracted, actor=actor, scan=source, dossier_code=dossier_code, unit_code=unit_code,
                             papers={i: PaperCopy(archive=path) for i, path in copies.items()})
    done = ArchivedFile()
    for paper in stored:
        document = accepted(final.documents[paper.doc_index])
        machine = extracted.documents[paper.doc_index]
        view = repo.review(paper.record.id, machine, document, actor=actor, status="reviewed",
                           reason="kiểm tra tại quầy tiếp nhận")
        reviews.add(actor=actor, source="intake", record_id=view.root_id, extracted=machine, final=document,
                    checked=None if checked is None else checked.get(paper.doc_index, set()))
        if paper.reused and view.signed_key:
            done.reused.append(view.id)
            done.records.append(view.id)
            continue
        signed = folder / f"paper-{paper.doc_index + 1}.signed.pdf"
        summary, problem = sign(copies[paper.doc_index], signed)
        if problem:
            done.problem = problem
            done.records.append(view.id)
            continue
        done.test_signature = done.test_signature or bool(summary.signer_is_development)
        done.records.append(repo.attach_signed(view.id, signed, summary, actor=actor).id)
    return done
