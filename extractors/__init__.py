"""From OCR pages to the contract's documents: classify and split pages, then extract each document.

``extract_documents(pages, schema=None)`` is what ``pipeline.process.extract_file`` calls.
"""

from __future__ import annotations

from extractors.classify import UNKNOWN, split_documents
from extractors.document import extract_document
from extractors.layout import page_layout
from pipeline.errors import BadInput
from pipeline.models import Document, Issue, PageOcr
from schemas import all_schemas, get_schema


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
        if split.schema == UNKNOWN:
            documents.append(Document(
                schema=UNKNOWN, schema_confidence=split.confidence, pages=[lay.number for lay in split_layouts],
                issues=[Issue(code="unknown_document",
                              message="Không nhận ra loại giấy tờ; cần cán bộ phân loại.")],
                needs_review=True))
            continue
        documents.append(extract_document(get_schema(split.schema), split_layouts, split.confidence))
    return documents


__all__ = ["extract_documents"]
