"""Typed data that travels between the pipeline stages and makes up the contract's JSON result.

Field names and shapes of ``PageResult``, ``FieldValue``, ``Document`` and ``ExtractionResult`` follow
docs/contract.md (the outside contract) exactly; internal extras (words, lines) are excluded from the JSON output.
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


class PageNotes(BaseModel):
    """What the image stages before OCR found and did to one page (an addition to the contract's page: the
    ``preprocessing`` object; docs/images.md)."""

    source_dpi: int | None = None  # the resolution the file recorded (or ingest assumed for an image without one)
    dpi_source: Literal["file", "text"] = "file"  # "text": the page's ``dpi`` was estimated from its text's height
    scale: float = 1.0  # factor the input image was resized by before OCR (``width``/``height`` are after it)
    text_height: float | None = None  # median character height in pixels of the input, when it was measured
    channel: Literal["luminance", "red", "green", "blue"] = "luminance"  # the grey image OCR read
    inverted_regions: int = 0  # white-on-dark regions inverted for OCR
    skew_measured: float = 0.0  # the skew the projection found (``skew`` is what was corrected: 0 when unsure)
    skew_confidence: float = 0.0  # 0..1; below the bar (or at the edge of the search) no skew is corrected
    orientation: str = "layout"  # how the way up was decided: layout, osd, ocr, or as-is (too little text)
    reading: Literal["corrected", "as-is"] = "corrected"  # "as-is": the uncorrected image read better
    split: Literal["left", "right"] | None = None  # the page of a two-page book spread this one is
    perspective: bool = False  # a photographed page found by its corners and its perspective corrected
    # Why the page's lines were read again by the second recognizer (docs/recognizers.md), and how many lines of
    # the page's text each engine read then (empty when Tesseract read the page alone).
    second_reading: Literal["low-confidence", "missed-lines"] | None = None
    lines_by_engine: dict[str, int] = Field(default_factory=dict)


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
    preprocessing: PageNotes = Field(default_factory=PageNotes)


class PageOcr(PageResult):
    """A page after preprocessing and OCR: the contract's page plus the words and lines with boxes."""

    words: list[Word] = Field(default_factory=list)
    lines: list[Line] = Field(default_factory=list)
    had_text_layer: bool = False  # the input PDF page already carried text
    image_path: str | None = None  # the straightened colour image kept for the archive copy

    def to_contract(self) -> PageResult:
        return PageResult(**self.model_dump(include=set(PageResult.model_fields)))


class CellReading(BaseModel):
    """Addition (issue 18): how a register cell was read by the handwriting recognizer (docs/contract.md)."""

    script: str | None = None  # empty | printed | handwritten
    text: str = ""  # the recognizer's unconstrained best string
    probability: float = 0.0  # of the value among the values the cell's kind allows
    runner_up: str | None = None
    runner_up_probability: float = 0.0
    margin: float = 0.0
    fit: float = 0.0


class FieldValue(BaseModel):
    value: Any = None
    confidence: float = 0.0
    status: Literal["ok", "review"] = "review"
    page: int | None = None
    bbox: BBox | None = None
    reading: CellReading | None = Field(default=None, exclude_if=lambda r: r is None)  # addition: ICR cells only


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
