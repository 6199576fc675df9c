"""The archive copy (PDF/A-2b) of a file taken in at the counter, written when the dossier is approved.

Intake keeps what the archive copy is made of: the straightened page images (the JPEGs ``process_page``
encoded, shown on the screen as they are) and the OCR words of each page (``pages.json``). Writing the copy
is the pipeline's own two steps, ``write_page_pdf`` per page and ``assemble_pdfa``, on those same bytes and
words, so it is what ``process_file(archive_out=...)`` writes; it is only done later, when the officer
approves, instead of while the citizen waits for the fields.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from PIL import Image

from pipeline.models import PageOcr
from pipeline.pdfa import assemble_pdfa, write_page_pdf


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
            page_pdf = folder / f"page-{page.number:05d}.pdf"
            write_page_pdf(page_pdf, jpeg, jpeg_mode(jpeg), page.width, page.height, page.dpi,
                           page.words, page.lines)
            page_pdfs.append(page_pdf)
        partial = folder / "archive.pdf"
        assemble_pdfa(page_pdfs, partial, title=title, workdir=folder)
        partial.replace(out)
