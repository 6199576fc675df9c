"""Scoring one file: its predicted documents, fields, register rows and page texts against the truth.

The rules (docs/evaluation.md, "What is counted"):

- A field counts when its truth is not null, or when its truth is null (or there is no such truth
  document or row) and the prediction is a non-null value with status ``ok``.
- A counted field is *correct* when the prediction equals the truth after ``normalize.comparison_key``;
  it is *accepted* when the prediction is a non-null value with status ``ok``; a *silent error* is
  accepted and not correct.
- A truth document without a predicted document on its pages, or paired with one of another schema,
  has all of its fields counted as not correct and not accepted. The values of a predicted document
  of the wrong schema, of a predicted document on no truth document (spurious), and of predicted
  register rows beyond the truth rows are scored against a null truth.
- Predicted keys that the truth document or row does not have (a schema may have more fields than the
  contract lists) are not scored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, Field, computed_field
from rapidfuzz.distance import Levenshtein

from pipeline.evaluation.matching import match_documents, match_rows
from pipeline.evaluation.normalize import collapse_spaces, comparison_key, same_value
from pipeline.evaluation.truth import Case, TruthDocument
from pipeline.models import Document, ExtractionResult, FieldValue

FieldKind = Literal["field", "entry"]


class FieldOutcome(BaseModel):
    """One counted field (or register row field) of one document."""

    file: str
    tier: str
    schema_id: str = Field(serialization_alias="schema")
    kind: FieldKind = "field"
    row: int | None = None  # 0-based truth row for kind "entry" (predicted row for extra rows)
    key: str
    truth: Any = None
    predicted: Any = None
    status: str | None = None  # None when nothing was predicted for the field
    correct: bool
    accepted: bool
    # A cell read by the handwriting recognizer: its unconstrained best string, and what the hand wrote.
    text: str | None = Field(default=None, exclude_if=lambda v: v is None)
    written: str | None = Field(default=None, exclude_if=lambda v: v is None)

    @computed_field
    @property
    def silent_error(self) -> bool:
        return self.accepted and not self.correct


class DocumentScore(BaseModel):
    """One truth document (or, with ``schema_id`` None, one spurious predicted document)."""

    schema_id: str | None = Field(serialization_alias="schema")
    family: str | None = None  # the truth document's layout family (samples/families.py), when it names one
    pages: list[int] = Field(default_factory=list)
    predicted_schema: str | None = None
    predicted_pages: list[int] = Field(default_factory=list)
    classified: bool = False
    seconds: float = 0.0  # the file's processing time apportioned by pages
    fields: list[FieldOutcome] = Field(default_factory=list)


class PageScore(BaseModel):
    number: int
    schemas: list[str] = Field(default_factory=list)  # truth documents on this page
    truth_chars: int
    edits: int

    @computed_field
    @property
    def cer(self) -> float | None:
        return self.edits / self.truth_chars if self.truth_chars else None


class FileScore(BaseModel):
    source: str
    tier: str
    seconds: float
    error: str | None = None
    pages: list[PageScore] = Field(default_factory=list)
    documents: list[DocumentScore] = Field(default_factory=list)
    spurious: list[DocumentScore] = Field(default_factory=list)

    def outcomes(self) -> list[FieldOutcome]:
        return [f for doc in [*self.documents, *self.spurious] for f in doc.fields]


def _value(fv: FieldValue | None) -> tuple[Any, str | None]:
    return (fv.value, fv.status) if fv is not None else (None, None)


def score_fields(
    truth: Mapping[str, Any],
    predicted: Mapping[str, FieldValue] | None,
    *,
    file: str,
    tier: str,
    schema_id: str,
    kind: FieldKind = "field",
    row: int | None = None,
    written: Mapping[str, str] | None = None,
) -> list[FieldOutcome]:
    """The counted fields of one truth object (fields or a row) against one prediction (or None).

    The truth's keys are the ones scored: a schema may have more fields than the truth knows of. With
    no truth object at all (``truth`` empty), every predicted key is scored against a null truth.
    """
    predicted = predicted or {}
    outcomes: list[FieldOutcome] = []
    for key in truth or predicted:
        truth_value = truth.get(key)
        value, status = _value(predicted.get(key))
        reading = predicted[key].reading if key in predicted else None
        accepted = status == "ok" and comparison_key(value) is not None
        if comparison_key(truth_value) is None and not accepted:
            continue
        outcomes.append(
            FieldOutcome(
                file=file,
                tier=tier,
                schema_id=schema_id,
                kind=kind,
                row=row,
                key=key,
                truth=truth_value,
                predicted=value,
                status=status,
                correct=same_value(value, truth_value),
                accepted=accepted,
                text=reading.text if reading is not None else None,
                written=(written or {}).get(key),
            )
        )
    return outcomes


def _score_entries(truth_doc: TruthDocument, predicted: Document, *, file: str, tier: str) -> list[FieldOutcome]:
    outcomes: list[FieldOutcome] = []
    pairs = match_rows(truth_doc.entries, predicted.entries)
    for t_index, p_index in pairs:
        p_row = predicted.entries[p_index] if p_index is not None else None
        outcomes += score_fields(
            truth_doc.entries[t_index],
            p_row,
            file=file,
            tier=tier,
            schema_id=truth_doc.schema_id,
            kind="entry",
            row=t_index,
            written=truth_doc.written[t_index] if t_index < len(truth_doc.written) else None,
        )
    used = {p for _, p in pairs if p is not None}
    for p_index, p_row in enumerate(predicted.entries):
        if p_index not in used:
            outcomes += score_fields(
                {}, p_row, file=file, tier=tier, schema_id=truth_doc.schema_id, kind="entry", row=p_index
            )
    return outcomes


def _score_unsupported(predicted: Document, *, file: str, tier: str) -> list[FieldOutcome]:
    """Values of a predicted document that no truth document of its schema supports."""
    outcomes = score_fields({}, predicted.fields, file=file, tier=tier, schema_id=predicted.schema_id)
    for p_index, p_row in enumerate(predicted.entries):
        outcomes += score_fields(
            {}, p_row, file=file, tier=tier, schema_id=predicted.schema_id, kind="entry", row=p_index
        )
    return outcomes


def _score_document(truth_doc: TruthDocument, predicted: Document | None, *, file: str, tier: str) -> DocumentScore:
    classified = predicted is not None and predicted.schema_id == truth_doc.schema_id
    same = predicted if classified else None
    fields = score_fields(
        truth_doc.fields, same.fields if same else None, file=file, tier=tier, schema_id=truth_doc.schema_id
    )
    if same is not None:
        fields += _score_entries(truth_doc, same, file=file, tier=tier)
    else:
        for t_index, t_row in enumerate(truth_doc.entries):
            fields += score_fields(
                t_row, None, file=file, tier=tier, schema_id=truth_doc.schema_id, kind="entry", row=t_index
            )
        if predicted is not None:
            fields += _score_unsupported(predicted, file=file, tier=tier)
    return DocumentScore(
        schema_id=truth_doc.schema_id,
        family=truth_doc.family,
        pages=truth_doc.pages,
        predicted_schema=predicted.schema_id if predicted else None,
        predicted_pages=predicted.pages if predicted else [],
        classified=classified,
        fields=fields,
    )


def page_edits(predicted_text: str, truth_text: str) -> tuple[int, int]:
    """(edit distance, truth length) between two page texts, both NFC with whitespace collapsed."""
    truth = collapse_spaces(truth_text)
    return Levenshtein.distance(collapse_spaces(predicted_text), truth), len(truth)


def score_file(case: Case, result: ExtractionResult | None, seconds: float, error: str | None = None) -> FileScore:
    """Score one file's extraction ``result`` (None when extraction failed) against its truth."""
    truth = case.truth
    file, tier = case.name, truth.tier
    predicted = result.documents if result is not None else []
    predicted_text = {page.number: page.text for page in result.pages} if result is not None else {}

    pages = []
    for t_page in truth.pages:
        edits, chars = page_edits(predicted_text.get(t_page.number, ""), t_page.text)
        schemas = [doc.schema_id for doc in truth.documents if t_page.number in doc.pages]
        pages.append(PageScore(number=t_page.number, schemas=schemas, truth_chars=chars, edits=edits))

    page_count = max(len(truth.pages), 1)
    pairs, spurious = match_documents(truth.documents, predicted)
    documents = []
    for t_index, p_index in pairs:
        t_doc = truth.documents[t_index]
        doc = _score_document(t_doc, predicted[p_index] if p_index is not None else None, file=file, tier=tier)
        doc.seconds = seconds * len(t_doc.pages) / page_count
        documents.append(doc)
    extra = [
        DocumentScore(
            schema_id=None,
            predicted_schema=predicted[p].schema_id,
            predicted_pages=predicted[p].pages,
            fields=_score_unsupported(predicted[p], file=file, tier=tier),
        )
        for p in spurious
    ]
    return FileScore(
        source=file, tier=tier, seconds=seconds, error=error, pages=pages, documents=documents, spurious=extra
    )
