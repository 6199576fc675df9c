"""Register pages as tables: ruled lines found with OpenCV morphology on the page image, OCR words put
into the cells by their boxes, the header row mapped to the schema's columns, one entry per row."""

from __future__ import annotations

import re
from dataclasses import dataclass

import cv2
import numpy as np
from rapidfuzz import fuzz

from extractors.cells import read_region_without_rules
from extractors.confidence import Assessment
from extractors.kinds import parse_value
from extractors.labels import label_key
from extractors.layout import PageLayout, Token, union
from extractors.rules import check_rules
from extractors.text import canonical
from pipeline.models import FieldValue, Issue
from schemas import Schema

HEADER_CUTOFF = 75.0


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
    return _into_cells([token for line in layout.lines for token in line.tokens], grid)


def _into_cells(tokens: list[Token], grid: Grid) -> dict[tuple[int, int], list[Token]]:
    cells: dict[tuple[int, int], list[Token]] = {}
    for token in tokens:
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


@dataclass
class Cell:
    """One entry field being read: its value, how sure, where."""

    value: str | None
    assessment: Assessment
    page: int
    bbox: tuple[float, float, float, float]

    def to_field_value(self) -> FieldValue:
        if self.value is None:
            return FieldValue(value=None, confidence=0.0, status="review")
        return FieldValue(value=self.value, confidence=self.assessment.confidence(), status=self.assessment.status(),
                          page=self.page, bbox=self.bbox)


Row = dict[str, Cell]


def read_table(schema: Schema, layout: PageLayout) -> list[Row]:
    """The rows of one register page (cells not yet checked against each other)."""
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
    first_data = header_row + 1
    second: dict[tuple[int, int], list[Token]] = {}
    if first_data < len(grid.rows) - 1:
        box = (grid.cols[0], grid.rows[first_data], grid.cols[-1], grid.rows[-1])
        second = _into_cells(read_region_without_rules(layout.image_path, box, layout.dpi), grid)
    rows: list[Row] = []
    for row in range(first_data, len(grid.rows) - 1):
        row_tokens = {col: cells.get((row, col), []) for col in mapping}
        again = {col: second.get((row, col), []) for col in mapping}
        if any(row_tokens.values()) or any(again.values()):
            rows.append(_row(schema, layout, mapping, row_tokens, again))
    return rows


def _ocr(tokens: list[Token]) -> float:
    confs = [t.conf for t in tokens]
    return 0.5 * min(confs) + 0.5 * sum(confs) / len(confs)


SURE_QUALITY = 0.9  # readings that agree confirm each other only when the kind found one of them clean


def _row(schema: Schema, layout: PageLayout, mapping: dict[int, str], row_tokens: dict[int, list[Token]],
         again: dict[int, list[Token]] | None = None) -> Row:
    """One entry from its cells, read twice: the page's OCR and (``again``) the table read without its
    rules. Agreeing readings corroborate each other; the reading its kind finds cleaner is kept (a second
    one stands in for an unusable first); two clean readings that disagree leave the cell to a person."""
    row: Row = {}
    for col, key in mapping.items():
        kind = schema.entry_fields[key].kind
        readings = []
        for tokens in (row_tokens[col], (again or {}).get(col, [])):
            if tokens:
                readings.append((parse_value(kind, _text(tokens)), tokens))
        if not readings:
            continue
        result, tokens = readings[0]
        agree = disagree = False
        if len(readings) == 2:
            other, other_tokens = readings[1]
            if not result.valid and other.valid:
                result, tokens = other, other_tokens
            elif result.valid and other.valid:
                same = canonical(result.value or "") == canonical(other.value or "")
                # One clean reading and another that the kind repaired to the same value (``Việ Nam``,
                # ``NGUYÊN``) still agree: the value is the clean reading's.
                agree = same and max(result.quality, other.quality) >= SURE_QUALITY
                # Different values, both clean for their kind: a person decides.
                disagree = not same and min(result.quality, other.quality) >= SURE_QUALITY
                if other.quality > result.quality:  # the reading the kind finds cleaner ("Nhi", not "Nhỉ")
                    result, tokens = other, other_tokens
        ocr = max(_ocr(tokens), _ocr(readings[1][1])) if agree else _ocr(tokens)  # the better of two like reads
        assessment = Assessment(ocr=ocr, label=1.0, kind_quality=result.quality, valid=result.valid,
                                corroborated=result.closed and not disagree, read_twice=agree,
                                rule_failed=disagree)
        row[key] = Cell(result.value, assessment, layout.number, layout.fraction(union([t.bbox for t in tokens])))
    return row


def _valid(row: Row, key: str | None) -> str | None:
    cell = row.get(key) if key else None
    return cell.value if cell is not None and cell.assessment.valid else None


def check_neighbours(schema: Schema, rows: list[Row]) -> list[Issue]:
    """Each row against the rows above and below: the sequence number runs on by one, the chronological
    date never goes back. A value its neighbours confirm is corroborated; one they contradict is reviewed."""
    assert schema.table is not None
    issues: list[Issue] = []
    seq, chrono = schema.table.sequence, schema.table.chronological
    for i, row in enumerate(rows):
        above = rows[i - 1] if i > 0 else None
        below = rows[i + 1] if i + 1 < len(rows) else None
        number = _valid(row, seq)
        if number is not None and number.isdigit() and (above or below):
            n = int(number)
            prev = _valid(above, seq) if above else None
            nxt = _valid(below, seq) if below else None
            if (prev and prev.isdigit() and int(prev) + 1 == n) or (nxt and nxt.isdigit() and int(nxt) - 1 == n):
                row[seq].assessment.corroborated = True
            else:
                row[seq].assessment.rule_failed = True
                issues.append(Issue(field=f"entries[{i}].{seq}", code="register_number_sequence",
                                    message=f"Số thứ tự {n} ở dòng {i + 1} không liền mạch với các dòng bên cạnh."))
        day = _valid(row, chrono)
        if day is not None and (above is not None or below is not None):
            prev = _valid(above, chrono) if above is not None else None
            nxt = _valid(below, chrono) if below is not None else None
            known = [d for d in (prev, nxt) if d]
            fits = (prev is None or prev <= day) and (nxt is None or day <= nxt)
            if known and fits:
                row[chrono].assessment.corroborated = True
            elif known and (prev is None or nxt is None or prev <= nxt):
                row[chrono].assessment.rule_failed = True
                issues.append(Issue(field=f"entries[{i}].{chrono}", code="register_date_order",
                                    message=f"Ngày {day} ở dòng {i + 1} không theo thứ tự ngày của các dòng bên cạnh."))
    return issues


def read_register(schema: Schema, layouts: list[PageLayout]) -> tuple[list[dict[str, FieldValue]], list[Issue]]:
    """The entries of all the register pages of a document, in page order, and the issues found."""
    rows: list[Row] = []
    for layout in layouts:
        rows += read_table(schema, layout)
    issues = check_neighbours(schema, rows) if schema.table is not None else []
    entries = []
    for row in rows:
        outcome = check_rules(schema, {k: _valid(row, k) for k in row}, entries=True)
        issues += outcome.issues
        for key, cell in row.items():
            cell.assessment.rule_failed = cell.assessment.rule_failed or key in outcome.failed
            cell.assessment.corroborated = cell.assessment.corroborated or key in outcome.corroborated
        entries.append({key: row[key].to_field_value() if key in row else FieldValue(value=None, status="review")
                        for key in schema.entry_fields})
    return entries, issues
