"""Register pages as tables read from their own structure: the ruled grid (extractors/grid.py), the header
cells' wording (extractors/table_header.py), then one entry per ruled row, each value the text inside its
cell.

A column whose header cannot be read may be typed by what its cells hold (``extractors/table_content.py``);
its values are always for review. A value is accepted (``ok``) only when its reading is structurally certain:
its column was identified by its header, its row is bounded by rules, every word of it lies inside the cell
(none crosses a rule) and no ink in the cell is left unread, the row's number follows its neighbours' (so the
row is the row it seems to be), and every check of the value passes. Anything less is for review.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

import cv2
import numpy as np
from rapidfuzz.distance import Levenshtein

from extractors.cells import DEFAULT_DPI, read_region_without_rules, unread_ink, without_rules
from extractors.confidence import Assessment
from extractors.grid import Table, build_table, find_ruling, rule_masks
from extractors.kinds import KindResult, parse_value
from extractors.kinds.names import suspect_words
from extractors.layout import PageLayout, Token, make_token, union
from extractors.rules import check_rules
from extractors.table_content import content_columns
from extractors.table_header import COLUMN_NUMBER, column_keys, index_column, map_columns
from extractors.text import canonical, fold
from pipeline.models import FieldValue, Issue
from schemas import Schema

TOLERANCE_MM = 1.0  # how far a word may run over its cell's rule (the rule's width, a bar glued to it)
UNRULED_GAP_MM = 2.0  # a blank band at least this wide down a list's rows is a column boundary (no rules)
MAX_HEADER_BANDS = 3
DIVIDER_SHARE = 0.6  # a short rule divides a cell when it runs over this share of the column's width
_BARS = re.compile(r"[|¦]")
_DEBRIS = {"I", "l", "1", "[", "]", "!", "(", ")", "/", "\\"}
_DATA_DIGIT = re.compile(r"\d")
_PARENTHESISED = re.compile(r"[()]")


@dataclass
class Placed:
    """A word in a cell, and whether it runs over the cell's rules."""

    token: Token
    crossing: bool


CellWords = dict[tuple[int, int], list[Placed]]  # (band, column) -> words


def _clean_tokens(tokens: list[Token], table: Table, tolerance: float) -> list[Token]:
    """The words without the bars read from the rules: a bar glued to a word is taken off, a lone mark
    standing on a column rule dropped."""
    out = []
    for token in tokens:
        text = _BARS.sub("", token.text).strip()
        if not text:
            continue
        if text in _DEBRIS:
            cy = (token.bbox[1] + token.bbox[3]) / 2
            if any(abs(rule.x_at(cy) - token.cx) < tolerance for rule in table.columns):
                continue
        out.append(token if text == token.text else make_token(text, _bars_off(token, table), token.conf))
    return out


def _bars_off(token: Token, table: Table) -> tuple[int, int, int, int]:
    """The box of a word read with a rule glued to it as a bar ("|Ngày"), without the rule's side: the
    word starts (or ends) at the column rule inside its box."""
    x0, y0, x1, y1 = token.bbox
    cy = (y0 + y1) / 2
    mid = (x0 + x1) / 2
    rules = [c.x_at(cy) for c in table.columns]
    stripped = token.text.strip()
    if stripped[:1] in "|¦":
        x0 = int(max([x for x in rules if x0 - 2 <= x < mid] or [x0]))
    if stripped[-1:] in "|¦":
        x1 = int(min([x for x in rules if mid < x <= x1 + 2] or [x1]))
    return x0, y0, x1, y1


def _find(bounds: list[float], value: float) -> int | None:
    return next((i for i in range(len(bounds) - 1) if bounds[i] <= value < bounds[i + 1]), None)


def _cut(text: str, share: float) -> int:
    """Where a word run over a rule is cut: at its share of characters left of the rule, moved to a change
    between figures and letters nearby ("02-02-2015Nữ")."""
    at = min(len(text) - 1, max(1, round(share * len(text))))
    for shift in (0, 1, -1, 2, -2):
        k = at + shift
        if 0 < k < len(text) and text[k - 1].isdigit() != text[k].isdigit():
            return k
    return at


def _split_over_rules(token: Token, table: Table, tolerance: float) -> list[Token]:
    """A word whose box runs over a column rule, cut at the rule into the parts on either side."""
    cy = (token.bbox[1] + token.bbox[3]) / 2
    x0, y0, x1, y1 = token.bbox
    inner = [x for x in (c.x_at(cy) for c in table.columns) if x0 + tolerance < x < x1 - tolerance]
    if not inner or len(token.text) < 2:
        return [token]
    x = inner[0]
    k = _cut(token.text, (x - x0) / max(1, x1 - x0))
    left, right = token.text[:k].strip(), token.text[k:].strip()
    parts = [make_token(left, (x0, y0, int(x), y1), token.conf)] if left else []
    if right:
        parts += _split_over_rules(make_token(right, (int(x), y0, x1, y1), token.conf), table, tolerance)
    return parts


def place(tokens: list[Token], table: Table, tolerance: float) -> CellWords:
    """Every word in the cell that holds its centre, marked when its box runs over the cell's rules (a
    word run over a column rule is cut there, both parts marked)."""
    cells: CellWords = {}
    for whole in tokens:
        parts = _split_over_rules(whole, table, tolerance)
        for token in parts:
            cx, cy = token.cx, (token.bbox[1] + token.bbox[3]) / 2
            band = _find([r.y_at(cx) for r in table.rows], cy)
            col = _find([c.x_at(cy) for c in table.columns], cx)
            if band is None or col is None:
                continue
            left, right = table.columns[col].x_at(cy), table.columns[col + 1].x_at(cy)
            top, bottom = table.rows[band].y_at(cx), table.rows[band + 1].y_at(cx)
            x0, y0, x1, y1 = token.bbox
            crossing = len(parts) > 1 or x0 < left - tolerance or x1 > right + tolerance or (
                y0 < top - tolerance or y1 > bottom + tolerance)
            cells.setdefault((band, col), []).append(Placed(token, crossing))
    return cells


def visual_lines(tokens: list[Token]) -> list[list[Token]]:
    """Tokens grouped into visual lines, top to bottom, each left to right."""
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
    return [sorted(row, key=lambda t: t.bbox[0]) for row in rows]


def _text(tokens: list[Token]) -> str:
    """A cell's text: all its lines, top to bottom, joined (a value wrapped inside its cell)."""
    return " ".join(t.text for line in visual_lines(tokens) for t in line)


def _data_like(placed: list[Placed]) -> bool:
    """A band holding figures (two digits or more in a word, column numbers "(1)", "(2)" aside): entries,
    not headers. A single digit may be OCR's reading of a speck."""
    return any(len(_DATA_DIGIT.findall(p.token.text)) >= 2 and not _PARENTHESISED.search(p.token.text)
               for p in placed)


def _number_row(placed: list[Placed]) -> bool:
    """A band of column numbers under the headers: short words only, most of them "(1)", "(2)"…"""
    texts = [p.token.text for p in placed]
    return bool(texts) and all(len(t) <= 5 for t in texts) and sum(
        bool(COLUMN_NUMBER.match(t)) for t in texts) >= len(texts) / 2


def _dividers(table: Table, col: int, band: int, tolerance: float) -> list[float]:
    """Heights of the short rules that divide the cell (band, col), at the cell's middle."""
    out = []
    for rule in table.partial:
        mid_y = (rule.y0 + rule.y1) / 2
        left, right = table.column_x(col, mid_y), table.column_x(col + 1, mid_y)
        overlap = min(rule.x1, right) - max(rule.x0, left)
        if overlap < DIVIDER_SHARE * (right - left):
            continue
        x = (left + right) / 2
        y = rule.y_at(x)
        if table.row_y(band, x) + tolerance < y < table.row_y(band + 1, x) - tolerance:
            out.append(y)
    return sorted(out)


@dataclass
class Structure:
    """What the page's table says about itself: its header bands, entry bands and columns' fields."""

    table: Table
    header_bands: list[int]
    data_bands: list[int]
    mapping: dict[int, tuple[str, ...]]  # column -> entry field(s), upper one first for a divided column
    by_content: set[int] = field(default_factory=set)  # columns typed by their cells, their header unread
    inherited: set[int] = field(default_factory=set)  # columns named by the page before (same ruling)
    two_row_entries: bool = False  # two header rows name different fields in one column: an entry takes two rows
    running_index: int | None = None  # the entry number's column is a list's running index ("STT"): it may
    # restart on every page where the book's own numbers run on (in a column whose header went unread)

    def column_shares(self) -> list[tuple[float, float]]:
        """Each column's extent as shares of the table's width, at the table's middle height."""
        table = self.table
        mid = (table.row_y(0, table.left) + table.row_y(len(table.rows) - 1, table.left)) / 2
        width = max(table.right - table.left, 1.0)
        xs = [(table.column_x(i, mid) - table.left) / width for i in range(len(table.columns))]
        return list(zip(xs, xs[1:], strict=False))


SAME_COLUMN_SHARE = 0.015  # a column of the page before at the same place, within this share of the width


def inherit_columns(structure: Structure, before: Structure | None) -> None:
    """The page before in the same book, ruled the same way (as many columns, each at the same place), names
    the columns this page's header left unnamed: a book's header wording does not change from page to page,
    only how well it is read. Those columns' values are for review (``column_from_page_before``)."""
    if before is None:
        return
    mine, theirs = structure.column_shares(), before.column_shares()
    if len(mine) != len(theirs) or any(abs(a - c) > SAME_COLUMN_SHARE or abs(b - d) > SAME_COLUMN_SHARE
                                       for (a, b), (c, d) in zip(mine, theirs, strict=True)):
        return
    taken = {key for keys in structure.mapping.values() for key in keys}
    for col, keys in before.mapping.items():
        if col not in structure.mapping and not taken & set(keys):
            structure.mapping[col] = keys
            structure.inherited.add(col)
            taken |= set(keys)


def read_structure(schema: Schema, table: Table, cells: CellWords, tolerance: float) -> Structure:
    bands = range(len(table.rows) - 1)
    by_band: dict[int, list[Placed]] = {}
    for (band, _), placed in cells.items():
        by_band.setdefault(band, []).extend(placed)
    header_bands: list[int] = []
    last_header = -1
    for band in bands:
        if len(header_bands) >= MAX_HEADER_BANDS or _data_like(by_band.get(band, [])):
            break
        last_header = band
        if _number_row(by_band.get(band, [])):
            break  # the column numbers end the header
        header_bands.append(band)
    data_bands = [b for b in bands if b > last_header and by_band.get(b)]
    headers: dict[int, tuple[list[str], bool]] = {}
    for col in range(len(table.columns) - 1):
        lines: list[str] = []
        for band in header_bands:
            words = [p.token for p in cells.get((band, col), [])]
            group_rules = _dividers(table, col, band, tolerance)
            if group_rules:  # a group header above a short rule: the column's own header is below it
                cut = group_rules[-1]
                words = [t for t in words if (t.bbox[1] + t.bbox[3]) / 2 > cut]
            lines += [" ".join(t.text for t in line) for line in visual_lines(words)]
        divided = sum(1 for b in data_bands if _dividers(table, col, b, tolerance))
        headers[col] = (lines, bool(data_bands) and divided >= max(1, len(data_bands) / 2))
    mapping = map_columns(schema, headers)
    two_rows = _two_row_entries(schema, cells, header_bands, headers)
    texts = {col: {band: _text([p.token for p in cells.get((band, col), [])]) for band in data_bands}
             for col in range(len(table.columns) - 1)}
    typed = content_columns(schema, mapping, texts)
    sequence = schema.table.sequence if schema.table else None
    index = next((c for c, keys in mapping.items() if keys == (sequence,) and index_column(schema, headers[c][0])),
                 None)
    if index is not None:
        # The sequence field read from a list's running index ("STT"): another column whose numbers run on
        # too (its header unread) is the register's own number; the index is no field then.
        again = content_columns(schema, {c: k for c, k in mapping.items() if c != index},
                                {c: t for c, t in texts.items() if c != index})
        if any(key == sequence for key in again.values()):
            mapping = {c: k for c, k in mapping.items() if c != index}
            typed = again
            index = None
    return Structure(table, header_bands, data_bands, mapping | {col: (key,) for col, key in typed.items()},
                     set(typed), two_row_entries=two_rows, running_index=index)


def _two_row_entries(schema: Schema, cells: CellWords, header_bands: list[int],
                     headers: dict[int, tuple[list[str], bool]]) -> bool:
    """Whether two header rows of the table each name a different field in the same undivided column ("Họ và
    tên người được khai sinh" over "Họ và tên cha"): each entry then takes two rows ruled differently (the child
    above, the parents below), and a row read as an entry is not one."""
    if len(header_bands) < 2:
        return False
    for col, (_, divided) in headers.items():
        if divided:
            continue
        keys = set()
        for band in header_bands:
            words = [p.token for p in cells.get((band, col), [])]
            lines = [" ".join(t.text for t in line) for line in visual_lines(words)]
            found = column_keys(schema, lines, False) if lines else None
            if found is not None:
                keys.add(found[0])
        if len(keys) >= 2:
            return True
    return False


@dataclass
class CellReading:
    """The words of one value's cell (or of one half of a divided cell), and what doubts the cell raises."""

    words: list[Placed]
    box: tuple[int, int, int, int]  # the cell's inside (page pixels)
    doubts: list[str] = field(default_factory=list)


def _cell_box(table: Table, band: int, col: int, tolerance: float) -> tuple[float, float, float, float]:
    mid_y = (table.row_y(band, 0) + table.row_y(band + 1, 0)) / 2
    left, right = table.column_x(col, mid_y), table.column_x(col + 1, mid_y)
    mid_x = (left + right) / 2
    return left, table.row_y(band, mid_x), right, table.row_y(band + 1, mid_x)


def cell_readings(structure: Structure, band: int, col: int, words: list[Placed],
                  tolerance: float) -> dict[str, CellReading]:
    """The value(s) of one cell: the whole cell, or the halves of a divided cell split at its rule."""
    readings = _cell_readings(structure, band, col, words, tolerance)
    named = ["column_by_content"] if col in structure.by_content else (
        ["column_from_page_before"] if col in structure.inherited else [])
    if structure.two_row_entries:
        named.append("entry_over_two_rows")
    if col == structure.running_index:
        named.append("running_index")
    for reading in readings.values():
        reading.doubts += named
    return readings


def _cell_readings(structure: Structure, band: int, col: int, words: list[Placed],
                   tolerance: float) -> dict[str, CellReading]:
    table = structure.table
    keys = structure.mapping[col]
    left, top, right, bottom = _cell_box(table, band, col, tolerance)
    if len(keys) == 1:
        box = (int(left + tolerance), int(top + tolerance), int(right - tolerance), int(bottom - tolerance))
        return {keys[0]: CellReading(words, box)}
    dividers = _dividers(table, col, band, tolerance)
    if len(dividers) != 1:
        # Two stacked values with no rule (or several) between them: split by lines, for review only.
        lines = visual_lines([p.token for p in words])
        half = (len(lines) + 1) // 2 if len(lines) != 2 else 1
        upper = {id(t) for line in lines[:half] for t in line}
        box = (int(left + tolerance), int(top + tolerance), int(right - tolerance), int(bottom - tolerance))
        return {keys[0]: CellReading([p for p in words if id(p.token) in upper], box, ["stacked_unruled"]),
                keys[1]: CellReading([p for p in words if id(p.token) not in upper], box, ["stacked_unruled"])}
    cut = dividers[0]
    out = {}
    for key, (y0, y1) in zip(keys, ((top, cut), (cut, bottom)), strict=True):
        inside = [p for p in words if y0 <= (p.token.bbox[1] + p.token.bbox[3]) / 2 < y1]
        crossing = [Placed(p.token, p.crossing or p.token.bbox[1] < y0 - tolerance or p.token.bbox[3] > y1 + tolerance)
                    for p in inside]
        out[key] = CellReading(crossing, (int(left + tolerance), int(y0 + tolerance), int(right - tolerance),
                                          int(y1 - tolerance)))
    return out


@dataclass
class Cell:
    """One entry field being read: its value, how sure, where."""

    value: str | None
    assessment: Assessment
    page: int
    bbox: tuple[float, float, float, float]
    words: int = 1  # how many words the value was read from

    def to_field_value(self) -> FieldValue:
        if self.value is None:
            return FieldValue(value=None, confidence=0.0, status="review")
        return FieldValue(value=self.value, confidence=self.assessment.confidence(), status=self.assessment.status(),
                          page=self.page, bbox=self.bbox)


Row = dict[str, Cell]


def _ocr(tokens: list[Token]) -> float:
    confs = [t.conf for t in tokens]
    return 0.5 * min(confs) + 0.5 * sum(confs) / len(confs)


SURE_QUALITY = 0.9  # readings that agree confirm each other only when the kind found one of them clean


_PREFIX = re.compile(r"^\s*(\S+(?:\s\S+){0,2}?)\s*[:;.]\s*(.*)$")


def _prefix_stripped(schema: Schema, key: str, text: str) -> str:
    """The value without a printed prefix naming its field ("Mẹ: ", "Cha: ")."""
    found = _PREFIX.match(text)
    if not found or schema.table is None:
        return text
    head = fold(found.group(1)).strip()
    if any(head == fold(s).strip() for s in schema.table.columns.get(key, [])):
        return found.group(2).strip()
    return text


def _fewer_odd_words(kind: str, result: KindResult, other: KindResult) -> bool:
    """For two doubtful readings of a name, whether ``other`` has fewer words no name is spelt with."""
    if kind != "name" or not result.value or not other.value:
        return False
    return len(suspect_words(other.value.split())) < len(suspect_words(result.value.split()))


def read_cell(schema: Schema, key: str, first: CellReading, again: list[Placed], ink: np.ndarray | None,
              text_height: float) -> tuple[KindResult, list[Token], Assessment] | None:
    """One value from its cell, read twice: the page's OCR and (``again``) the table read without its rules.
    Two readings that agree confirm each other; a second stands in for an unusable first; readings that
    differ leave the value to a person (the shorter may have lost a line of the cell)."""
    kind = schema.entry_fields[key].kind
    doubts = list(first.doubts)
    tokens = [p.token for p in first.words]
    if any(p.crossing for p in first.words):
        doubts.append("crosses_rule")
    second = [p.token for p in again]
    readings = []
    for words in (tokens, second):
        if words:
            readings.append((parse_value(kind, _prefix_stripped(schema, key, _text(words))), words))
    if not readings:
        return None
    result, used = readings[0]
    agree = False
    if len(readings) == 2:
        other, other_tokens = readings[1]
        if not result.valid and other.valid:
            result, used = other, other_tokens
        elif result.valid and other.valid:
            same = canonical(result.value or "") == canonical(other.value or "")
            # One clean reading and another that the kind repaired to the same value still agree.
            agree = same and max(result.quality, other.quality) >= SURE_QUALITY
            clean = (result.quality >= SURE_QUALITY, other.quality >= SURE_QUALITY)
            if not same and clean[0] == clean[1]:
                doubts.append("readings_differ")  # two clean readings (or two doubtful ones) disagree
            # The reading the kind finds cleaner ("Nhi", not "Nhỉ"); one that lost words leaves their ink
            # unread (below).
            if other.quality > result.quality or (other.quality == result.quality
                                                   and _fewer_odd_words(kind, result, other)):
                result, used = other, other_tokens
    if used is second and any(p.crossing for p in again) and "crosses_rule" not in doubts:
        doubts.append("crosses_rule")
    if kind == "sex" and len(_text(used).split()) > 1:
        doubts.append("extra_words")  # "Nữ BÌNH": a word of the next cell, or of another value
    if ink is not None and unread_ink(ink, first.box, [t.bbox for t in used], text_height):
        doubts.append("unread_ink")
    ocr = max(_ocr(used), _ocr(readings[1][1])) if agree else _ocr(used)
    assessment = Assessment(ocr=ocr, label=1.0, kind_quality=result.quality, valid=result.valid,
                            corroborated=result.closed and "readings_differ" not in doubts, read_twice=agree,
                            doubts=doubts)
    return result, used, assessment


def _text_height(tokens: list[Token], layout: PageLayout) -> float:
    heights = [t.bbox[3] - t.bbox[1] for t in tokens if len(t.text) >= 3]
    return float(statistics.median(heights)) if heights else layout.line_height


def read_table(schema: Schema, layout: PageLayout, second_reading: bool = True) -> list[Row]:
    """The rows of one register page (cells not yet checked against each other)."""
    return read_page_table(schema, layout, second_reading)[0]


def read_page_table(schema: Schema, layout: PageLayout, second_reading: bool = True,
                    before: Structure | None = None) -> tuple[list[Row], Structure | None]:
    """The rows of one register page and the structure read (``before``: the page before's, whose column
    names fill this page's unread headers when the ruling is the same)."""
    if schema.table is None or not layout.image_path:
        return [], None
    gray = cv2.imread(layout.image_path, cv2.IMREAD_GRAYSCALE)
    if gray is None:
        return [], None
    dpi = layout.dpi or DEFAULT_DPI
    tolerance = TOLERANCE_MM * dpi / 25.4
    horizontal, vertical = rule_masks(gray, dpi)
    words = [t.bbox for line in layout.lines for t in line.tokens]
    table = build_table(find_ruling(horizontal, vertical, dpi), 1.5 * tolerance, words,
                        min_gap=UNRULED_GAP_MM * dpi / 25.4)
    if table is None:
        return [], None
    tokens = _clean_tokens([t for line in layout.lines for t in line.tokens], table, tolerance)
    cells = place(tokens, table, tolerance)
    structure = read_structure(schema, table, cells, tolerance)
    inherit_columns(structure, before)
    if not structure.mapping or not structure.data_bands:
        return [], None
    ink, clean = without_rules(gray, horizontal, vertical)
    again: CellWords = {}
    if second_reading:
        first_band = structure.data_bands[0]
        box = (int(table.left), int(min(table.row_y(first_band, table.left), table.row_y(first_band, table.right))),
               int(table.right), int(max(table.rows[-1].y0, table.rows[-1].y1)))
        again = place(_clean_tokens(read_region_without_rules(clean, box, dpi), table, tolerance), table, tolerance)
    text_height = _text_height(tokens, layout)
    rows: list[Row] = []
    for band in structure.data_bands:
        row: Row = {}
        for col in structure.mapping:
            firsts = cell_readings(structure, band, col, cells.get((band, col), []), tolerance)
            seconds = cell_readings(structure, band, col, again.get((band, col), []), tolerance)
            for key, first in firsts.items():
                read = read_cell(schema, key, first, seconds[key].words, ink, text_height)
                if read is None:
                    continue
                result, used, assessment = read
                row[key] = Cell(result.value, assessment, layout.number,
                                layout.fraction(union([t.bbox for t in used])), len(used))
        if row:
            rows.append(row)
    return rows, structure


def _valid(row: Row, key: str | None) -> str | None:
    cell = row.get(key) if key else None
    return cell.value if cell is not None and cell.assessment.valid else None


def _runs_on(rows: list[Row], seq: str, i: int, n: int) -> bool:
    """Whether number ``n`` of row ``i`` runs on from a row one or two above or below (the row between two
    may have its number misread; two rows read as one break the count)."""
    for j in (i - 1, i + 1, i - 2, i + 2):
        if 0 <= j < len(rows):
            other = _valid(rows[j], seq)
            if other is not None and other.isdigit() and int(other) - n == j - i:
                return True
    return False


def _slot_confirmed(rows: list[Row], confirmed: list[bool], seq: str, i: int) -> bool:
    """A row whose own number was misread sits where its neighbours say one row is: the rows above and
    below are confirmed and their numbers two apart (two rows read as one would leave them three apart)."""
    if len(rows) < 3:
        return False
    if 0 < i < len(rows) - 1 and confirmed[i - 1] and confirmed[i + 1]:
        above, below = _valid(rows[i - 1], seq), _valid(rows[i + 1], seq)
        return bool(above and below and above.isdigit() and below.isdigit() and int(below) - int(above) == 2)
    # The first or last row: two confirmed rows on its one side, and its own number one clean word (two
    # rows read as one would show two numbers in the cell, or ink left unread).
    cell = rows[i].get(seq)
    if cell is None or cell.words != 1 or any(d != "readings_differ" for d in cell.assessment.doubts):
        return False
    side = (1, 2) if i == 0 else (-1, -2) if i == len(rows) - 1 else ()
    return bool(side) and all(0 <= i + k < len(rows) and confirmed[i + k] for k in side)


def _runs(rows: list[Row], seq: str) -> list[list[int]]:
    """The rows in runs of numbers that go on by one (row indices); a row without a number ends a run."""
    runs: list[list[int]] = []
    previous: int | None = None
    for i, row in enumerate(rows):
        number = _valid(row, seq)
        n = int(number) if number is not None and number.isdigit() else None
        if n is not None and previous is not None and runs and runs[-1][-1] == i - 1 and n == previous + 1:
            runs[-1].append(i)
        elif n is not None:
            runs.append([i])
        previous = n
    return runs


def _doubt_misread_runs(rows: list[Row], seq: str) -> None:
    """Where the numbers of two adjacent rows break the run (``132`` then ``1343, 1344 …``), the side whose
    number is one figure away from the number that would go on (``1343`` for ``133``) was misread, all its run
    alike (a consistent misreading confirms itself); when both sides are, both are doubted. One row whose
    neighbours bridge it (``42, 48, 44``) is the misread one, and only it."""
    runs = _runs(rows, seq)

    def number(i: int) -> int:
        return int(_valid(rows[i], seq) or 0)

    def bridged(k: int) -> bool:  # run k is one row between two runs whose numbers leave its slot
        return (len(runs[k]) == 1 and 0 < k < len(runs) - 1 and runs[k - 1][-1] == runs[k][0] - 1
                and runs[k + 1][0] == runs[k][0] + 1 and number(runs[k + 1][0]) == number(runs[k - 1][-1]) + 2)

    for k in range(len(runs) - 1):
        first, second = runs[k], runs[k + 1]
        if second[0] != first[-1] + 1:
            continue  # a row without a number between them: nothing to compare
        if bridged(k) or bridged(k + 1):
            continue  # the lone misread row is already reviewed by its neighbours' check
        a, b = number(first[-1]), number(second[0])
        second_misread = Levenshtein.distance(str(b), str(a + 1)) == 1
        first_misread = Levenshtein.distance(str(a), str(b - 1)) == 1
        if not (first_misread or second_misread):
            continue  # another kind of break (rows read as one, a gap in the book): the rows' own checks see it
        doubted = [second] if not first_misread else [first] if not second_misread else [first, second]
        for run in doubted:
            for i in run:
                doubts = rows[i][seq].assessment.doubts
                if "sequence_break" not in doubts:
                    doubts.append("sequence_break")


def check_neighbours(schema: Schema, rows: list[Row]) -> list[Issue]:
    """Each row against the rows above and below: the sequence number runs on by one, the chronological
    date never goes back. A value its neighbours confirm is corroborated; one they contradict is reviewed.
    A row whose number its neighbours do not confirm may not be the row it seems (two rows read as one, a
    row's rule missed): none of its values is accepted."""
    assert schema.table is not None
    issues: list[Issue] = []
    seq, chrono = schema.table.sequence, schema.table.chronological
    confirmed: list[bool] = []
    for i, row in enumerate(rows):
        above = rows[i - 1] if i > 0 else None
        below = rows[i + 1] if i + 1 < len(rows) else None
        number = _valid(row, seq)
        fits = False
        if number is not None and number.isdigit() and (above or below):
            n = int(number)
            fits = _runs_on(rows, seq, i, n)
            if fits:
                # A number that runs on from its neighbour's is right even if a second reading differs.
                row[seq].assessment.corroborated = True
                row[seq].assessment.doubts = [d for d in row[seq].assessment.doubts if d != "readings_differ"]
            else:
                row[seq].assessment.rule_failed = True
                issues.append(Issue(field=f"entries[{i}].{seq}", code="register_number_sequence",
                                    message=f"Số thứ tự {n} ở dòng {i + 1} không liền mạch với các dòng bên cạnh."))
        confirmed.append(fits)
        day = _valid(row, chrono)
        if day is not None and (above is not None or below is not None):
            prev = _valid(above, chrono) if above is not None else None
            nxt = _valid(below, chrono) if below is not None else None
            known = [d for d in (prev, nxt) if d]
            in_order = (prev is None or prev <= day) and (nxt is None or day <= nxt)
            if known and in_order:
                row[chrono].assessment.corroborated = True
            elif known and (prev is None or nxt is None or prev <= nxt):
                row[chrono].assessment.rule_failed = True
                issues.append(Issue(field=f"entries[{i}].{chrono}", code="register_date_order",
                                    message=f"Ngày {day} ở dòng {i + 1} không theo thứ tự ngày của các dòng bên cạnh."))
    if seq is not None:
        _doubt_misread_runs(rows, seq)
    if seq is not None and any(seq in row for row in rows):
        for i, row in enumerate(rows):
            if not (confirmed[i] or _slot_confirmed(rows, confirmed, seq, i)):
                for key, cell in row.items():
                    if key != seq:
                        cell.assessment.doubts.append("row_unconfirmed")
    return issues


FACING_TOLERANCE = 0.35  # row spacings: a right page's row and the left page's row it continues are this close


def row_heights(rows: list[Row], structure: Structure | None, layout: PageLayout) -> list[float | None]:
    """Each row's top as a share of its table's height (0 at the table's top rule, 1 at its bottom one): the
    rows of two facing pages of one ruled book lie at the same shares, however each page lay on the scanner."""
    if structure is None:
        return [None] * len(rows)
    table = structure.table
    x = (table.left + table.right) / 2
    top, bottom = table.row_y(0, x), table.row_y(len(table.rows) - 1, x)
    span = max(bottom - top, 1.0)
    out: list[float | None] = []
    for row in rows:
        tops = [cell.bbox[1] * layout.height for cell in row.values() if cell.value is not None]
        out.append((min(tops) - top) / span if tops else None)
    return out


def join_facing(left: list[Row], left_heights: list[float | None], right: list[Row],
                right_heights: list[float | None]) -> list[Row] | None:
    """The rows of a book spread's two facing pages joined into entries, when the right page continues the left
    one's entries (a register whose entry runs across the spread: the child left, the parents right): the two
    pages share no field, and each right row lies at the height of a left row of its own (shares of the tables'
    heights: ``row_heights``). A right row at no left row's height that holds no accepted value (a column-number
    row read as an entry) is left out. None when the pages are not so (each then holds entries of its own)."""
    if not left or not right or set().union(*left) & set().union(*right):
        return None
    known = sorted(h for h in left_heights if h is not None)
    gaps = [b - a for a, b in zip(known, known[1:], strict=False) if b > a]
    if not gaps:
        return None
    tolerance = FACING_TOLERANCE * statistics.median(gaps)
    # The closest pairs first, each row in one pair at most.
    pairs = sorted((abs(rh - lh), r, i) for r, rh in enumerate(right_heights) for i, lh in enumerate(left_heights)
                   if rh is not None and lh is not None and abs(rh - lh) <= tolerance)
    partner: dict[int, int] = {}  # right row -> left row
    for _, r, i in pairs:
        if r not in partner and i not in partner.values():  # a page holds a few dozen rows at most
            partner[r] = i
    joined = [dict(row) for row in left]
    for r, row in enumerate(right):
        if r in partner:
            joined[partner[r]].update(row)
        elif any(cell.assessment.status() == "ok" for cell in row.values()):
            return None
    return joined if partner else None


def read_register(schema: Schema, layouts: list[PageLayout]) -> tuple[list[dict[str, FieldValue]], list[Issue]]:
    """The entries of all the register pages of a document, in page order (the two facing pages of a spread
    whose entries run across it joined), and the issues found."""
    rows: list[Row] = []
    before: Structure | None = None
    # The page before when it was a spread's left page: its rows (the last ones read) and their heights.
    left: tuple[list[Row], list[float | None]] | None = None
    for layout in layouts:
        page_rows, structure = read_page_table(schema, layout, before=before)
        before = structure or before
        heights = row_heights(page_rows, structure, layout)
        joined = join_facing(*left, page_rows, heights) if left is not None and layout.split == "right" else None
        if joined is not None and left is not None:
            rows[len(rows) - len(left[0]):] = joined  # the left page's rows, each with its right half
            left = None
            continue
        rows += page_rows
        left = (page_rows, heights) if layout.split == "left" else None
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
