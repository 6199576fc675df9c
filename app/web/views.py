"""What the side-by-side screen shows for one document: its page images with the field boxes, and the
form rows (label, value as typed, status, the issues that name the field)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.web.labels import field_kinds, field_labels
from app.web.values import display
from pipeline.models import Document, ExtractionResult


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
    general_issues: list[str]  # issues that name no field of the form
    needs_review: bool


def document_view(result: ExtractionResult, doc_index: int, prefix: str, page_url: str,
                  errors: dict[str, str] | None = None, reused: set[str] | None = None,
                  document: Document | None = None) -> DocumentView:
    """``page_url`` is formatted with ``{page}``; ``errors``/``reused`` are keyed by form name."""
    document = document or result.documents[doc_index]
    errors = errors or {}
    reused = reused or set()
    labels = field_labels(document.schema_id)
    kinds = field_kinds(document.schema_id)
    by_field: dict[str, list[str]] = {}
    general: list[str] = []
    for issue in document.issues:
        if issue.field and issue.field in document.fields:
            by_field.setdefault(issue.field, []).append(issue.message)
        else:
            general.append(issue.message)
    order = list(labels) + [k for k in document.fields if k not in labels]
    rows = []
    for key in order:
        fv = document.fields.get(key)
        if fv is None:
            continue
        box = None
        if fv.bbox:
            x0, y0, x1, y1 = fv.bbox
            box = (round(x0 * 100, 3), round(y0 * 100, 3), round((x1 - x0) * 100, 3), round((y1 - y0) * 100, 3))
        rows.append(FieldRow(key=key, name=prefix + key, label=labels.get(key, key), kind=kinds.get(key, "text"),
                             value=display(kinds.get(key, "text"), fv.value), status=fv.status,
                             confidence=fv.confidence, page=fv.page, box=box, issues=by_field.get(key, []),
                             error=errors.get(prefix + key), reused=prefix + key in reused))
    sizes = {p.number: (p.width, p.height) for p in result.pages}
    pages = []
    for number in document.pages or [1]:
        width, height = sizes.get(number, (1, 1))
        pages.append(PageView(number=number, url=page_url.format(page=number), width=width, height=height,
                              rows=[r for r in rows if r.box and r.page == number]))
    return DocumentView(prefix=prefix, schema_id=document.schema_id, index=doc_index, pages=pages, rows=rows,
                        general_issues=general, needs_review=document.needs_review)
