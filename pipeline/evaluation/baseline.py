"""The naive baseline that sohoa is measured against: raw Tesseract and "label: value" regexes.

- pages: PDF pages rendered at 300 dpi (pdf2image), image frames as they are (Pillow); no
  preprocessing, no orientation or skew correction;
- OCR: one ``pytesseract.image_to_string(image, lang="vie")`` call per page;
- classification: the title keyword (``baseline_rules.TITLES``) found earliest on a page starts a
  document of that schema; a page without a title keyword belongs to the document before it;
- fields: the n-th match of the field's main label, the rest of that line up to the next label of the
  schema, simple normalisation to the contract's formats (``baseline_rules.RULES``);
- every non-null value gets status ``ok``: a baseline has no confidence.
"""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path

import pytesseract
from PIL import Image, ImageSequence

from pipeline.errors import BadInput
from pipeline.evaluation.baseline_rules import RULES, TITLES, LabelRule, ValueKind
from pipeline.evaluation.normalize import collapse_spaces
from pipeline.models import Document, ExtractionResult, FieldValue, PageResult

PDF_DPI = 300
_DATE = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_WORDED_DATE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_TRIM = " \t.:;,-_…"
_LEADER = re.compile(r"\.{3,}|…")


def load_images(path: Path) -> list[tuple[Image.Image, int]]:
    """Every page of ``path`` as (image, dpi)."""
    if path.suffix.lower() == ".pdf":
        from pdf2image import convert_from_path

        try:
            return [(image, PDF_DPI) for image in convert_from_path(str(path), dpi=PDF_DPI)]
        except Exception as err:  # noqa: BLE001 - poppler's failures have many types
            raise BadInput(path, f"cannot render PDF ({err.__class__.__name__})") from err
    try:
        with Image.open(path) as image:
            dpi = int(round(float(image.info.get("dpi", (PDF_DPI, PDF_DPI))[0]))) or PDF_DPI
            return [(frame.convert("RGB"), dpi) for frame in ImageSequence.Iterator(image)]
    except OSError as err:
        raise BadInput(path, f"cannot read image ({err})") from err


def classify(text: str) -> str | None:
    """The schema whose title keyword appears first in ``text``, or None."""
    found = []
    for schema, pattern in TITLES.items():
        match = re.search(pattern, text)
        if match:
            found.append((match.start(), schema))
    return min(found)[1] if found else None


def normalise_value(raw: str, kind: ValueKind) -> str | None:
    """Simple conversion of a raw label's value to the contract's format; None when it does not fit.

    The value ends where the form's dotted leader starts (three dots or more)."""
    text = collapse_spaces(_LEADER.split(raw)[0]).strip(_TRIM)
    if not text:
        return None
    if kind == "date":
        match = _DATE.search(text) or _WORDED_DATE.search(text)
        if not match:
            return None
        day, month, year = (int(g) for g in match.groups())
        return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
    if kind == "year":
        match = _YEAR.search(text)
        return match.group(1) if match else None
    if kind == "sex":
        folded = text.casefold()
        return "female" if "nữ" in folded else "male" if "nam" in folded else None
    if kind == "id":
        digits = "".join(ch for ch in text if ch.isdigit())
        return digits or None
    if kind == "number":
        return text.split(" ")[0]
    if kind == "name":
        return text.upper()
    return text


def _labels(schema: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{rule.label})" for rule in RULES.get(schema, [])))


def find_value(text: str, rule: LabelRule, next_label: re.Pattern[str]) -> str | None:
    """The rest of the line after the ``rule.occurrence``-th match of the label, up to the next label;
    the next line when that is empty."""
    matches = list(re.finditer(rule.label, text))
    if len(matches) <= rule.occurrence:
        return None
    lines = text[matches[rule.occurrence].end() :].split("\n")
    value = _up_to_label(lines[0], next_label, rule.stop)
    if not value.strip(_TRIM) and len(lines) > 1 and not next_label.match(lines[1]):
        value = _up_to_label(lines[1], next_label, rule.stop)  # the value printed under its label
    return normalise_value(value, rule.kind)


def _up_to_label(text: str, next_label: re.Pattern[str], stop: str | None) -> str:
    ends = [m.start() for m in (next_label.search(text, 1), re.search(stop, text) if stop else None) if m]
    return text[: min(ends)] if ends else text


def extract_fields(schema: str, text: str) -> dict[str, FieldValue]:
    next_label = _labels(schema)
    fields: dict[str, FieldValue] = {}
    for rule in RULES.get(schema, []):
        value = find_value(text, rule, next_label) if next_label.pattern else None
        fields[rule.key] = FieldValue(
            value=value, confidence=1.0 if value else 0.0, status="ok" if value is not None else "review"
        )
    return fields


def split_documents(pages: list[PageResult]) -> list[Document]:
    """Documents from per-page title keywords; each carries the fields found in its pages' text."""
    groups: list[tuple[str, list[PageResult]]] = []
    for page in pages:
        schema = classify(page.text)
        if schema is not None:
            groups.append((schema, [page]))
        elif groups:
            groups[-1][1].append(page)
    documents = []
    for schema, group in groups:
        text = "\n".join(page.text for page in group)
        documents.append(
            Document(
                schema_id=schema,
                schema_confidence=1.0,
                pages=[page.number for page in group],
                fields=extract_fields(schema, text),
                needs_review=False,
            )
        )
    return documents


def baseline_extract(path: Path) -> ExtractionResult:
    """The baseline's extraction result for one file, in the contract's shape."""
    path = Path(path)
    t0 = time.perf_counter()
    pages = []
    for number, (image, dpi) in enumerate(load_images(path), start=1):
        text = collapse_text(pytesseract.image_to_string(image, lang="vie"))
        pages.append(PageResult(number=number, width=image.width, height=image.height, dpi=dpi, text=text))
    t1 = time.perf_counter()
    documents = split_documents(pages)
    t2 = time.perf_counter()
    return ExtractionResult(
        source=path.name,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        pages=pages,
        documents=documents,
        timings={"ocr": round(t1 - t0, 3), "extract": round(t2 - t1, 3)},
    )


def collapse_text(text: str) -> str:
    """Tesseract's text as NFC lines, blank lines dropped."""
    lines = (collapse_spaces(line) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
