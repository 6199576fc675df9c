"""Typed data that travels between the pipeline stages and makes up the contract's JSON result.

Field names and shapes of ``PageResult``, ``FieldValue``, ``Document`` and ``ExtractionResult`` follow
../shared/CONTRACT.md exactly; internal extras (words, lines) are excluded from the JSON output.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

BBox = tuple[float, float, float, float]


class Word(BaseModel):
    """One OCR word. ``bbox`` is in pixels of the straightened page image: (x0, y0, x1, y1)."""

    text: str
    conf: float  # 0..1
    bbox: tuple[int, int, int, int]
    block: int = 0
    par: int = 0
    line: int = 0  # index into PageOcr.lines


class Line(BaseModel):
    """One OCR text line: its words' indices into ``PageOcr.words`` and their joined text."""

    text: str
    bbox: tuple[int, int, int, int]
    words: list[int]


class PageResult(BaseModel):
    """The ``pages`` entry of the contract's result."""

    number: int
    width: int
    height: int
    dpi: int
    rotation: int = 0  # degrees clockwise that were applied to make the page upright
    skew: float = 0.0  # degrees of skew that were corrected
    text: str = ""
    mean_confidence: float = 0.0


class PageOcr(PageResult):
    """A page after preprocessing and OCR: the contract's page plus the words and lines with boxes."""

    words: list[Word] = Field(default_factory=list)
    lines: list[Line] = Field(default_factory=list)
    had_text_layer: bool = False  # the input PDF page already carried text
    image_path: str | None = None  # the straightened colour image kept for the archive copy

    def to_contract(self) -> PageResult:
        return PageResult(**self.model_dump(include=set(PageResult.model_fields)))


class FieldValue(BaseModel):
    value: Any = None
    confidence: float = 0.0
    status: Literal["ok", "review"] = "review"
    page: int | None = None
    bbox: BBox | None = None


class Issue(BaseModel):
    field: str | None = None
    code: str
    message: str


class Document(BaseModel):
    schema_id: str = Field(alias="schema", serialization_alias="schema")
    schema_confidence: float = 0.0
    pages: list[int] = Field(default_factory=list)
    fields: dict[str, FieldValue] = Field(default_factory=dict)
    entries: list[dict[str, FieldValue]] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)
    needs_review: bool = True

    model_config = {"populate_by_name": True}


class ExtractionResult(BaseModel):
    source: str
    sha256: str
    pages: list[PageResult] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    timings: dict[str, float] = Field(default_factory=dict)

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)
