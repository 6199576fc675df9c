"""One archive copy per paper: the pages of one document taken out of a whole input's PDF/A archive copy.

An input may hold several papers (a dossier scanned as one PDF: a birth certificate, then another couple's
marriage certificate). Each becomes its own record, with an archive copy that holds its own pages only, so
that a search hit or a reuse hands out that paper and nothing else. The pages are copied as they are (page
image, invisible OCR words, fonts) and joined again by ``pipeline.pdfa.assemble_pdfa``, which makes the copy
PDF/A-2b as it does for a whole input.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pikepdf

from pipeline.models import Document
from pipeline.pdfa import assemble_pdfa


def paper_pages(document: Document, page_count: int) -> list[int]:
    """The input's pages that are this document's own (1-based, in order); a document without pages: all."""
    own = sorted({page for page in document.pages if 1 <= page <= page_count})
    return own or list(range(1, page_count + 1))


def write_paper_copy(whole: Path, pages: list[int], out: Path, title: str) -> None:
    """``out``: a PDF/A-2b copy of ``pages`` (1-based) of the archive copy ``whole``."""
    with tempfile.TemporaryDirectory(prefix="paper-", dir=out.parent) as tmp:
        folder = Path(tmp)
        singles = []
        with pikepdf.open(whole) as source:
            for page in pages:
                single = pikepdf.new()
                single.pages.append(source.pages[page - 1])
                path = folder / f"page-{page:05d}.pdf"
                single.save(path)
                singles.append(path)
        partial = folder / "paper.pdf"
        assemble_pdfa(singles, partial, title=title, workdir=folder)
        partial.replace(out)


def write_paper_copies(whole: Path, documents: list[Document], folder: Path, title: str) -> dict[int, Path]:
    """One archive copy per document of an input, by document index: ``folder/paper-<n>.pdf``, each written
    once (a resumed batch keeps those it has). An input of one document covering every page is its own
    paper: its copy is ``whole`` itself."""
    with pikepdf.open(whole) as source:
        count = len(source.pages)
    if len(documents) == 1 and paper_pages(documents[0], count) == list(range(1, count + 1)):
        return {0: whole}
    copies: dict[int, Path] = {}
    for index, document in enumerate(documents):
        out = folder / f"paper-{index + 1}.pdf"
        if not out.is_file():
            write_paper_copy(whole, paper_pages(document, count), out, f"{title} ({index + 1}/{len(documents)})")
        copies[index] = out
    return copies
