"""From OCR pages to the contract's documents: classify and split pages, then extract each document.

``extract_documents(pages, schema=None)`` is what ``pipeline.process.extract_file`` calls.
"""

from __future__ import annotations

from extractors.classify import UNKNOWN, split_documents
from extractors.document import extract_document
from extractors.handwritten_register import handwritten_register_schema
from extractors.layout import PageLayout, page_layout
from extractors.text import clean_value, is_syllable
from pipeline.errors import BadInput
from pipeline.models import Document, Issue, PageOcr
from schemas import all_schemas, get_schema

UNREADABLE_SHARE = 0.4  # below this share of readable words a page is reported as unreadable


def readable_share(layout: PageLayout) -> float:
    """The share of a page's words that read as Vietnamese syllables or numbers: low when the OCR made
    garbage of it (a page upside down, a faint scan, handwriting)."""
    words = [clean_value(t.text) for line in layout.lines for t in line.tokens]
    words = [w for w in words if w]
    if not words:
        return 0.0
    good = sum(1 for w in words if is_syllable(w) or w.replace("/", "").replace(".", "").isdigit())
    return good / len(words)


def extract_documents(pages: list[PageOcr], schema: str | None = None) -> list[Document]:
    """The documents on ``pages`` (in order). ``schema`` forces every document to that schema id."""
    if not pages:
        return []
    if schema is not None and schema not in all_schemas():
        known = ", ".join(sorted(all_schemas()))
        raise BadInput("--schema", f"unknown schema {schema!r} (known: {known})")
    layouts = [page_layout(page) for page in pages]
    schemas = tuple(all_schemas().values())
    documents: list[Document] = []
    for split in split_documents(layouts, schemas, forced=schema):
        split_layouts = [layouts[i] for i in split.pages]
        if split.schema == UNKNOWN and (hand := handwritten_register_schema(split_layouts, schemas)) is not None:
            documents.append(extract_document(hand, split_layouts, split.confidence))  # all for review
            continue
        if split.schema == UNKNOWN:
            issues = [Issue(code="unknown_document", message="Không nhận ra loại giấy tờ; cần cán bộ phân loại.")]
            issues += [Issue(code="page_unreadable",
                             message=f"Trang {lay.number} gần như không đọc được (có thể bị lật ngược, mờ hoặc "
                                     "viết tay); cần xem ảnh trang.")
                       for lay in split_layouts if readable_share(lay) < UNREADABLE_SHARE]
            documents.append(Document(schema=UNKNOWN, schema_confidence=split.confidence,
                                      pages=[lay.number for lay in split_layouts], issues=issues, needs_review=True))
            continue
        documents.append(extract_document(get_schema(split.schema), split_layouts, split.confidence))
    return documents


__all__ = ["extract_documents"]
