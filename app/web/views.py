"""What the side-by-side screen shows for one document: its page images with the field boxes, and the
form rows (label, value as typed, status, the issues that name the field)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.web.labels import document_labels, entry_kinds, entry_labels, field_kinds
from app.web.values import display
from pipeline.models import Document, ExtractionResult, FieldValue


@dataclass
class FieldRow:
    key: str
    name: str  # the form input's name
    label: str
    kind: str
    value: str  # as shown in the input
    status: str  # ok | review
    confidence: float
    page: int | None
    box: tuple[float, float, float, float] | None  # left, top, width, height in percent of the page
    issues: list[str] = field(default_factory=list)
    error: str | None = None
    reused: bool = False
    stored: str | None = None  # the value of the paper stored already, where it differs (``known.py``)


@dataclass
class PageView:
    number: int
    url: str
    width: int
    height: int
    rows: list[FieldRow] = field(default_factory=list)  # the fields drawn on this page


@dataclass
class DocumentView:
    prefix: str  # form names are prefix + key
    schema_id: str
    index: int
    pages: list[PageView]
    rows: list[FieldRow]
    entry_columns: list[tuple[str, str]]  # register rows: (key, header)
    entries: list[list[FieldRow]]
    general_issues: list[str]  # issues that name no field of the form
    needs_review: bool


def _row(key: str, name: str, label: str, kind: str, fv: FieldValue, issues: list[str],
         errors: dict[str, str], reused: set[str]) -> FieldRow:
    box = None
    if fv.bbox:
        x0, y0, x1, y1 = fv.bbox
        box = (round(x0 * 100, 3), round(y0 * 100, 3), round((x1 - x0) * 100, 3), round((y1 - y0) * 100, 3))
    return FieldRow(key=key, name=name, label=label, kind=kind, value=display(kind, fv.value), status=fv.status,
                    confidence=fv.confidence, page=fv.page, box=box, issues=issues, error=errors.get(name),
                    reused=name in reused)


def document_view(result: ExtractionResult, doc_index: int, prefix: str, page_url: str,
                  errors: dict[str, str] | None = None, reused: set[str] | None = None,
                  document: Document | None = None) -> DocumentView:
    """``page_url`` is formatted with ``{page}``; ``errors``/``reused`` are keyed by form name."""
    document = document or result.documents[doc_index]
    errors = errors or {}
    reused = reused or set()
    labels = document_labels(document.schema_id, [p.text for p in result.pages if p.number in document.pages])
    kinds = field_kinds(document.schema_id)
    by_field: dict[str, list[str]] = {}
    general: list[str] = []
    for issue in document.issues:
        if issue.field:
            by_field.setdefault(issue.field, []).append(issue.message)
        else:
            general.append(issue.message)
    order = list(labels) + [k for k in document.fields if k not in labels]
    rows = [_row(key, prefix + key, labels.get(key, key), kinds.get(key, "text"), document.fields[key],
                 by_field.pop(key, []), errors, reused) for key in order if key in document.fields]
    headers = entry_labels(document.schema_id)
    row_kinds = entry_kinds(document.schema_id)
    columns = [(key, headers[key]) for key in headers] or (
        [(key, key) for key in document.entries[0]] if document.entries else [])
    entries = []
    for i, entry in enumerate(document.entries):
        cells = []
        for key, header in columns:
            if key in entry:
                where = f"entries[{i}].{key}"
                cells.append(_row(key, f"{prefix}e{i}.{key}", header, row_kinds.get(key, "text"),
                                  entry[key], by_field.pop(where, []), errors, reused))
        entries.append(cells)
    general += [message for messages in by_field.values() for message in messages]
    sizes = {p.number: (p.width, p.height) for p in result.pages}
    pages = []
    for number in document.pages or [1]:
        width, height = sizes.get(number, (1, 1))
        drawn = [r for r in [*rows, *(cell for cells in entries for cell in cells)] if r.box and r.page == number]
        pages.append(PageView(number=number, url=page_url.format(page=number), width=width, height=height,
                              rows=drawn))
    return DocumentView(prefix=prefix, schema_id=document.schema_id, index=doc_index, pages=pages, rows=rows,
                        entry_columns=columns, entries=entries, general_issues=general,
                        needs_review=document.needs_review)
