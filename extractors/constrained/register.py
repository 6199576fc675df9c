"""A register document whose tables are filled in by hand, read cell by cell with the constrained reader.

For each page: the widest ruled table (extractors/grid.py, as for printed registers), its header band's words
(Tesseract reads the printed header) mapped to the schema's entry fields by their wording
(extractors/table_header.py), every later band an entry. Each mapped cell is cut inside its rules and decoded
against its field's kind (``CellReader``), with the register's year (the book number ``Quyển số: 01/1994``
or a ``Năm 1994`` line above the table) bounding its dates.

A cell is ``ok`` only when the reader found it ``ok`` (margin and fit over the kind's thresholds) and its row's
rules pass: the entry number is the one the document's sequence expects (the numbers read, voted down the
rows), the registration date lies in the register's year and never goes back from the row above, the date of
birth is not after the registration (the schema's ``date_order`` entry rules). A failed rule sends the cells it
concerns to review with an issue, as the printed reading does.

Handwritten or printed: a document whose printed reading accepted nearly all its values is printed (nothing
is looked at); otherwise a page is suspected of a hand when the letters' bottoms in its cells wander (the
median baseline spread of up to ``SPREAD_CELLS`` cells of its widest columns), and a suspected page is
handwritten when most of ``SAMPLE_CELLS`` of them are judged so by ``pipeline.icr.script`` (Tesseract and the
recognizer disagreeing, an irregular baseline). Tesseract's words alone do not tell: it reads the generated
hands (italic fonts made irregular) about as cleanly as print.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from datetime import date
from functools import cache

import cv2
import numpy as np
from PIL import Image

from extractors.cells import DEFAULT_DPI
from extractors.constrained.kinds import CellContext
from extractors.constrained.page import cut_cell, find_table
from extractors.constrained.reader import PAGE_MARGINS, CellReader, CellResult, thresholds
from extractors.grid import Table
from extractors.layout import PageLayout
from extractors.rules import check_rules
from extractors.table_header import map_columns
from extractors.tables import place, visual_lines
from extractors.text import fold
from pipeline.icr.script import EMPTY_CONTRAST, baseline_spread, classify, contrast
from pipeline.models import CellReading, FieldValue, Issue
from schemas import Schema

# The ICR kind of each schema kind (extractors/constrained/kinds.py); anything else is read as free text.
ICR_KINDS = {"register_number": "number", "date": "date", "name": "name", "sex": "sex", "place": "place",
             "ethnicity": "ethnicity", "nationality": "nationality"}
PRINTED_OK_SHARE = 0.9  # the printed reading accepted this share of its values: a printed table, nothing looked at
CANDIDATE_SPREAD = 0.05  # median baseline spread (letter heights) of the cells over which a hand is suspected
SPREAD_CELLS = 12
SAMPLE_CELLS = 6
HANDWRITTEN_SHARE = 0.5  # of the sampled cells with ink, handwritten ones at least this share
BIRTH_YEARS_BEFORE = 2  # a date of birth may be up to two years before the register's year
_BOOK_YEAR = re.compile(r"(?:quyen so|so quyen|so so)\s*:?\s*\d{1,3}\s*/\s*((?:19|20)\d\d)\b")
_YEAR_LINE = re.compile(r"^nam\s+((?:19|20)\d\d)$")


@dataclass
class RegisterTable:
    """One page's ruled table, with what its header says about its columns."""

    layout: PageLayout
    grey: np.ndarray
    table: Table
    mapping: dict[int, str]  # column -> entry field (columns holding one field only)
    data_bands: list[int]
    year: int | None = None


def register_year(layout: PageLayout, table_top: float) -> int | None:
    """The register's year from the heading above the table: the book number's year or a ``Năm YYYY`` line."""
    above = [line for line in layout.lines if line.bbox[3] <= table_top + 2]
    for line in above:
        folded = fold(line.text)
        if m := _BOOK_YEAR.search(folded):
            return int(m.group(1))
    for line in above:
        if m := _YEAR_LINE.match(fold(line.text).strip(" .:")):
            return int(m.group(1))
    return None


def find_register_table(schema: Schema, layout: PageLayout) -> RegisterTable | None:
    """The page's ruled table if its header names at least two of the schema's entry fields."""
    if schema.table is None or not layout.image_path:
        return None
    grey = cv2.imread(layout.image_path, cv2.IMREAD_GRAYSCALE)
    if grey is None:
        return None
    dpi = layout.dpi or DEFAULT_DPI
    table = find_table(grey, dpi)
    if table is None:
        return None
    header_rows = schema.table.header_rows
    if len(table.rows) - 1 <= header_rows:
        return None
    tolerance = dpi / 25.4
    cells = place([t for line in layout.lines for t in line.tokens], table, tolerance)
    headers: dict[int, tuple[list[str], bool]] = {}
    for col in range(len(table.columns) - 1):
        words = [p.token for band in range(header_rows) for p in cells.get((band, col), [])]
        headers[col] = ([" ".join(t.text for t in line) for line in visual_lines(words)], False)
    mapping = {col: keys[0] for col, keys in map_columns(schema, headers).items() if len(keys) == 1}
    if len(mapping) < 2:
        return None
    bands = list(range(header_rows, len(table.rows) - 1))
    top = min(table.rows[0].y0, table.rows[0].y1)
    return RegisterTable(layout, grey, table, mapping, bands, register_year(layout, top))


@cache
def cell_reader() -> CellReader:
    """The recognizer loaded once per process, with the thresholds fitted on whole tuning pages (falling back
    on the single cells' ones)."""
    return CellReader(limits=thresholds(PAGE_MARGINS) if PAGE_MARGINS.exists() else None)


def _written_cells(table: RegisterTable, limit: int) -> list[Image.Image]:
    """Up to ``limit`` cells with ink, from the table's three widest mapped columns, row by row."""
    widest = sorted(table.mapping, key=lambda c: table.table.column_x(c, 0) - table.table.column_x(c + 1, 0))
    out = []
    for band in table.data_bands:
        for col in widest[:3]:
            cell = cut_cell(table.grey, table.table, band, col)
            if cell is not None and contrast(np.asarray(cell.image)) >= EMPTY_CONTRAST:
                out.append(cell.image)
                if len(out) >= limit:
                    return out
    return out


def is_handwritten(table: RegisterTable) -> bool:
    """Whether the table's entries are written by hand (see the module's docstring): the letters' bottoms
    wander (cheap, no OCR), then most of a few cells are judged handwritten by ``pipeline.icr.script``."""
    cells = _written_cells(table, SPREAD_CELLS)
    if len(cells) < 3 or statistics.median(baseline_spread(np.asarray(c)) for c in cells) < CANDIDATE_SPREAD:
        return False
    reader = cell_reader()
    looked = cells[:SAMPLE_CELLS]
    handwritten = sum(classify(c, reader.recognizer.read(c).greedy()).kind == "handwritten" for c in looked)
    return handwritten >= HANDWRITTEN_SHARE * len(looked)


def printed_reading_sure(entries: list[dict[str, FieldValue]]) -> bool:
    """The printed reading accepted nearly all it read: a printed table (real handwriting never reads so)."""
    values = [fv for entry in entries for fv in entry.values() if fv.value is not None]
    return bool(values) and sum(fv.status == "ok" for fv in values) >= PRINTED_OK_SHARE * len(values)


def handwritten_pages(tables: list[RegisterTable]) -> bool:
    """Whether the document is read by hand: most of its register pages are handwritten."""
    votes = [is_handwritten(t) for t in tables]
    return sum(votes) * 2 > len(votes)


# --- reading -------------------------------------------------------------------------------------------

@dataclass
class ReadCell:
    key: str
    result: CellResult
    page: int
    bbox: tuple[float, float, float, float]
    status: str

    def to_field_value(self) -> FieldValue:
        r = self.result
        reading = CellReading(script=r.script, text=r.text, probability=round(r.probability, 4),
                              runner_up=r.runner_up, runner_up_probability=round(r.runner_up_probability, 4),
                              margin=r.margin, fit=r.fit)
        if r.value is None:
            return FieldValue(value=None, confidence=0.0, status=self.status, page=self.page, bbox=self.bbox,
                              reading=reading)
        return FieldValue(value=r.value, confidence=round(r.probability, 4), status=self.status, page=self.page,
                          bbox=self.bbox, reading=reading)


def _years(key: str, schema: Schema, year: int | None) -> tuple[int, int] | None:
    if year is None:
        return None
    if schema.table is not None and key == schema.table.chronological:
        return year, year
    return year - BIRTH_YEARS_BEFORE, year


def read_rows(schema: Schema, table: RegisterTable, reader: CellReader | None = None) -> list[dict[str, ReadCell]]:
    """Every entry band of one page, each mapped cell decoded against its field's kind."""
    reader = reader or cell_reader()
    layout = table.layout
    entry_day = date(table.year, 7, 1) if table.year else None
    rows = []
    for band in table.data_bands:
        row: dict[str, ReadCell] = {}
        for col, key in table.mapping.items():
            cell = cut_cell(table.grey, table.table, band, col)
            if cell is None:
                continue
            kind = ICR_KINDS.get(schema.entry_fields[key].kind, "text")
            context = CellContext(entry_date=entry_day, years=_years(key, schema, table.year))
            result = reader.read(cell.image, kind, context)
            row[key] = ReadCell(key, result, layout.number, layout.fraction(cell.box), result.status)
        if any(c.result.script != "empty" for c in row.values()):
            rows.append(row)
    return rows


def _review(cell: ReadCell | None) -> None:
    if cell is not None:
        cell.status = "review"


def check_sequence(rows: list[dict[str, ReadCell]], key: str) -> list[Issue]:
    """Entry numbers one after the other: the start most rows agree on (at least two); a number off it, or
    every number when no two rows agree, goes to review."""
    votes: dict[int, int] = {}
    for i, row in enumerate(rows):
        value = row[key].result.value if key in row else None
        if value and value.isdigit():
            votes[int(value) - i] = votes.get(int(value) - i, 0) + 1
    start, count = max(votes.items(), key=lambda kv: (kv[1], -kv[0]), default=(None, 0))
    issues = []
    for i, row in enumerate(rows):
        cell = row.get(key)
        if cell is None or cell.result.script == "empty":
            continue
        if count < 2 or start is None or cell.result.value != str(start + i):
            _review(cell)
            if count >= 2 and start is not None:
                issues.append(Issue(field=f"entries[{i}].{key}", code="register_number_sequence",
                                    message=f"Số thứ tự đọc được ({cell.result.value}) không theo thứ tự "
                                            f"(cần {start + i}); cần cán bộ xem."))
    return issues


def check_chronology(rows: list[dict[str, ReadCell]], key: str, years: list[int | None]) -> list[Issue]:
    """Registration dates in the register's year (unknown year: review), never before the row above's."""
    issues = []
    previous: tuple[int, str] | None = None  # the row above with a date, and its date
    for i, (row, year) in enumerate(zip(rows, years, strict=True)):
        cell = row.get(key)
        value = cell.result.value if cell is not None else None
        if cell is None or value is None:
            continue
        if year is None or not value.startswith(str(year)):
            _review(cell)
        if previous is not None and value < previous[1]:
            _review(cell)
            _review(rows[previous[0]].get(key))
            issues.append(Issue(field=f"entries[{i}].{key}", code="register_date_order",
                                message=f"Ngày đăng ký {value} trước ngày của dòng trên ({previous[1]})."))
        previous = (i, value)
    return issues


def check_row_rules(schema: Schema, rows: list[dict[str, ReadCell]]) -> list[Issue]:
    """The schema's entry rules (the date of birth not after the registration) on each row's values."""
    issues = []
    for i, row in enumerate(rows):
        outcome = check_rules(schema, {k: c.result.value for k, c in row.items()}, entries=True)
        for issue in outcome.issues:
            issues.append(issue.model_copy(update={"field": f"entries[{i}].{issue.field}"}))
        for key in outcome.failed:
            _review(row.get(key))
    return issues


def read_register_tables(schema: Schema, tables: list[RegisterTable], reader: CellReader | None = None,
                         cells: list[dict[str, ReadCell]] | None = None) -> tuple[list[dict[str, FieldValue]],
                                                                                  list[Issue]]:
    """The entries of a handwritten register document, in page order, with the row rules applied (``cells``,
    when given, receives the cells read, row by row)."""
    rows: list[dict[str, ReadCell]] = []
    years: list[int | None] = []
    known = next((t.year for t in tables if t.year is not None), None)
    for table in tables:
        page_rows = read_rows(schema, table, reader)
        rows += page_rows
        years += [table.year or known] * len(page_rows)
    issues: list[Issue] = []
    spec = schema.table
    if spec is not None and spec.sequence:
        issues += check_sequence(rows, spec.sequence)
    if spec is not None and spec.chronological:
        issues += check_chronology(rows, spec.chronological, years)
    issues += check_row_rules(schema, rows)
    entries = []
    for row in rows:
        entry = {}
        for key, entry_spec in schema.entry_fields.items():
            cell = row.get(key)
            if cell is None:
                entry[key] = FieldValue(value=None, status="review")
                continue
            if cell.result.value is None and entry_spec.required:
                cell.status = "review"
            entry[key] = cell.to_field_value()
        entries.append(entry)
    if cells is not None:
        cells.extend(rows)
    return entries, issues


__all__ = ["find_register_table", "handwritten_pages", "read_register_tables"]
