"""Register pages as tables: ruled lines found with OpenCV morphology on the page image, OCR words put
into the cells by their boxes, the header row mapped to the schema's columns, one entry per row."""

from __future__ import annotations

import re
from dataclasses import dataclass

import cv2
import numpy as np
from rapidfuzz import fuzz

from extractors.confidence import Assessment
from extractors.kinds import parse_value
from extractors.labels import label_key
from extractors.layout import PageLayout, Token, union
from extractors.rules import check_rules
from pipeline.models import FieldValue, Issue
from schemas import Schema

HEADER_CUTOFF = 75.0
SEQUENCE_KEY = "number"  # entries of a register are numbered one after the other


@dataclass
class Grid:
    rows: list[int]  # y of the horizontal rules, top to bottom
    cols: list[int]  # x of the vertical rules, left to right


def _positions(mask: np.ndarray, axis: int, min_share: float) -> list[int]:
    """Centres of the runs of rows (axis=1) or columns (axis=0) whose ink covers ``min_share``."""
    coverage = (mask > 0).sum(axis=axis)
    length = mask.shape[axis]
    hits = np.where(coverage >= min_share * length)[0]
    positions: list[int] = []
    run: list[int] = []
    for index in hits:
        if run and index - run[-1] > 2:
            positions.append(int(sum(run) / len(run)))
            run = []
        run.append(int(index))
    if run:
        positions.append(int(sum(run) / len(run)))
    return positions


def find_grid(image_path: str) -> Grid | None:
    """The table's rules: long horizontal and vertical strokes kept by morphological opening."""
    gray = cv2.imread(image_path, cv2.IMREAD_GRAYSCALE)
    if gray is None:
        return None
    binary = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    h, w = binary.shape
    horizontal = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (w // 25, 1)))
    vertical = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, h // 25)))
    horizontal = cv2.dilate(horizontal, np.ones((3, 3), np.uint8))
    vertical = cv2.dilate(vertical, np.ones((3, 3), np.uint8))
    rows = _positions(horizontal, 1, 0.4)
    if len(rows) < 3:
        return None
    top, bottom = rows[0], rows[-1]
    cols = _positions(vertical[top:bottom], 0, 0.6)
    if len(cols) < 3:
        return None
    return Grid(rows=rows, cols=cols)


def _cell_of(token: Token, grid: Grid) -> tuple[int, int] | None:
    cx, cy = token.cx, (token.bbox[1] + token.bbox[3]) / 2
    row = next((i for i in range(len(grid.rows) - 1) if grid.rows[i] <= cy < grid.rows[i + 1]), None)
    col = next((j for j in range(len(grid.cols) - 1) if grid.cols[j] <= cx < grid.cols[j + 1]), None)
    if row is None or col is None:
        return None
    return row, col


def _cells(layout: PageLayout, grid: Grid) -> dict[tuple[int, int], list[Token]]:
    cells: dict[tuple[int, int], list[Token]] = {}
    for line in layout.lines:
        for token in line.tokens:
            where = _cell_of(token, grid)
            if where is not None:
                cells.setdefault(where, []).append(token)
    return cells


def _text(tokens: list[Token]) -> str:
    """A cell's text: its tokens grouped into visual lines (top to bottom), each read left to right;
    bars read from the ruled lines are dropped."""
    rows: list[list[Token]] = []
    for token in sorted(tokens, key=lambda t: (t.bbox[1] + t.bbox[3]) / 2):
        cy = (token.bbox[1] + token.bbox[3]) / 2
        height = token.bbox[3] - token.bbox[1]
        if rows:
            last = rows[-1]
            last_cy = sum((t.bbox[1] + t.bbox[3]) / 2 for t in last) / len(last)
            if abs(cy - last_cy) < 0.5 * max(height, 1):
                last.append(token)
                continue
        rows.append([token])
    words = [t.text.replace("|", "").strip() for row in rows for t in sorted(row, key=lambda t: t.bbox[0])]
    return " ".join(w for w in words if w)


def _header_key(text: str) -> str:
    return label_key(re.sub(r"[^\w/]+", " ", text))


def map_columns(schema: Schema, headers: dict[int, str]) -> dict[int, str]:
    """Column index → entry field key, best header matches first, each key once."""
    assert schema.table is not None
    scored = []
    for col, text in headers.items():
        key_text = _header_key(text)
        for key, labels in schema.table.columns.items():
            score = max(fuzz.token_sort_ratio(key_text, _header_key(lb)) for lb in labels)
            if score >= HEADER_CUTOFF:
                scored.append((score, col, key))
    mapping: dict[int, str] = {}
    for _score, col, key in sorted(scored, reverse=True):
        if col not in mapping and key not in mapping.values():
            mapping[col] = key
    return mapping


CONTENT_SHARE = 0.6  # share of a column's cells that must be valid for one kind to map it by content


def map_by_content(schema: Schema, cells: dict[tuple[int, int], list[Token]], mapping: dict[int, str],
                   columns: set[int], header_row: int) -> dict[int, str]:
    """Columns whose header was not read, mapped by what their cells hold: when the cells are valid for
    the kind of exactly one entry field still without a column (sex, a date, …)."""
    free = [k for k in schema.entry_fields if k not in mapping.values()]
    extra: dict[int, str] = {}
    for col in sorted(columns):
        texts = [_text(t) for (row, c), t in cells.items() if c == col and row > header_row]
        texts = [t for t in texts if t]
        if not texts:
            continue
        fits = []
        for key in free:
            if key in extra.values():
                continue
            kind = schema.entry_fields[key].kind
            if kind in ("text", "name", "place"):
                continue  # too general to tell columns apart
            valid = sum(parse_value(kind, t).valid for t in texts)
            if valid >= CONTENT_SHARE * len(texts):
                fits.append(key)
        if len(fits) == 1:
            extra[col] = fits[0]
    return extra


def read_table(schema: Schema, layout: PageLayout) -> list[dict[str, FieldValue]]:
    if schema.table is None or not layout.image_path:
        return []
    grid = find_grid(layout.image_path)
    if grid is None:
        return []
    cells = _cells(layout, grid)
    header_row = schema.table.header_rows - 1
    headers = {col: _text(tokens) for (row, col), tokens in cells.items() if row == header_row}
    mapping = map_columns(schema, headers)
    if not mapping:
        return []
    columns = {col for (_, col) in cells}
    mapping |= map_by_content(schema, cells, mapping, columns - set(mapping), header_row)
    entries: list[dict[str, FieldValue]] = []
    for row in range(header_row + 1, len(grid.rows) - 1):
        row_tokens = {col: cells.get((row, col), []) for col in mapping}
        if not any(row_tokens.values()):
            continue
        entries.append(_entry(schema, layout, mapping, row_tokens))
    return entries


def _entry(schema: Schema, layout: PageLayout, mapping: dict[int, str],
           row_tokens: dict[int, list[Token]]) -> dict[str, FieldValue]:
    assessments: dict[str, tuple[Assessment, str | None, list[Token]]] = {}
    for col, key in mapping.items():
        tokens = row_tokens[col]
        if not tokens:
            continue
        result = parse_value(schema.entry_fields[key].kind, _text(tokens))
        confs = [t.conf for t in tokens]
        ocr = 0.5 * min(confs) + 0.5 * sum(confs) / len(confs)
        assessment = Assessment(ocr=ocr, label=1.0, kind_quality=result.quality, valid=result.valid)
        assessments[key] = (assessment, result.value, tokens)
    values = {k: (v if a.valid else None) for k, (a, v, _) in assessments.items()}
    outcome = check_rules(schema, values, entries=True)
    entry: dict[str, FieldValue] = {}
    for key in schema.entry_fields:
        if key not in assessments or assessments[key][1] is None:
            entry[key] = FieldValue(value=None, confidence=0.0, status="review")
            continue
        assessment, value, tokens = assessments[key]
        assessment.rule_failed = key in outcome.failed
        entry[key] = FieldValue(value=value, confidence=assessment.confidence(), status=assessment.status(),
                                page=layout.number, bbox=layout.fraction(union([t.bbox for t in tokens])))
    return entry


def _number(entry: dict[str, FieldValue]) -> int | None:
    fv = entry.get(SEQUENCE_KEY)
    if fv is None or not isinstance(fv.value, str) or not fv.value.isdigit():
        return None
    return int(fv.value)


def check_sequence(entries: list[dict[str, FieldValue]]) -> list[Issue]:
    """Entry numbers of a register run on by one: a number that neither neighbour confirms goes to review."""
    issues: list[Issue] = []
    numbers = [_number(e) for e in entries]
    for i, entry in enumerate(entries):
        n = numbers[i]
        if n is None or len(entries) < 2:
            continue
        before = i > 0 and numbers[i - 1] is not None and numbers[i - 1] + 1 == n
        after = i + 1 < len(entries) and numbers[i + 1] is not None and numbers[i + 1] - 1 == n
        if before or after:
            continue
        fv = entry[SEQUENCE_KEY]
        entry[SEQUENCE_KEY] = fv.model_copy(update={"status": "review", "confidence": round(fv.confidence * 0.5, 4)})
        issues.append(Issue(field=f"entries[{i}].{SEQUENCE_KEY}", code="register_number_sequence",
                            message=f"Số thứ tự {n} ở dòng {i + 1} không liền mạch với các dòng bên cạnh."))
    return issues


def read_register(schema: Schema, layouts: list[PageLayout]) -> tuple[list[dict[str, FieldValue]], list[Issue]]:
    """The entries of all the register pages of a document, in page order, and the issues found."""
    entries: list[dict[str, FieldValue]] = []
    for layout in layouts:
        entries += read_table(schema, layout)
    issues = check_sequence(entries) if SEQUENCE_KEY in (schema.entry_fields or {}) else []
    return entries, issues
