"""Forms printed as a ruled grid: a label column, then one value column per person ("Bên chồng" | "Bên vợ")
or a single value column, each value in a cell of its own.

The grid is found from the page's rules (``extractors.grid``: horizontal rules across the table bound its
rows, vertical rules its cells, row by row, so a cell that spans two value columns is one cell). A header row
names the value columns' roles by its words (the blocks' opening phrases); the first cell of every other row
holds its label. A value is every word inside its cell, in reading order: its extent is closed on all four
sides by the rules, so a value that wraps is whole and a neighbour's words never join it. A cell that spans
several role columns holds a value of the main part of the form (the registration place, the date).

Rows whose label cell names no label of the schema, and words outside the grid, are left to the free reader
(``extractors.reader``), which skips the words inside the grid.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass, field

import cv2
import numpy as np
from rapidfuzz import fuzz

from extractors.grid import Rule, find_ruling, rule_masks
from extractors.labels import LabelMatch, find_labels, label_key, schema_labels
from extractors.layout import PageLayout, TextLine, Token
from schemas import Schema

DETECT_DPI = 150  # rules are found on a copy at this resolution (cheap, and rules survive it)
MIN_ROWS = 3  # a grid of fewer rows is not a form grid (a box, a stamp frame)
HEADER_CUTOFF = 90.0
STRADDLE = 0.25  # share of a word's width on the other side of a rule that makes its cell doubtful


@dataclass
class GridCell:
    x0: float
    y0: float
    x1: float
    y1: float
    tokens: list[Token] = field(default_factory=list)  # in reading order
    straddles: bool = False  # a word of it crosses the cell's edge

    def holds(self, token: Token) -> bool:
        cy = (token.bbox[1] + token.bbox[3]) / 2
        return self.x0 <= token.cx < self.x1 and self.y0 <= cy < self.y1

    @property
    def key(self) -> str:
        return " ".join(t.key for t in self.tokens if t.key)


@dataclass
class FormGrid:
    rows: list[list[GridCell]]  # top to bottom; each row's cells left to right
    box: tuple[float, float, float, float]
    column_blocks: dict[int, str] = field(default_factory=dict)  # column index (by x) -> block, from a header row
    column_edges: list[float] = field(default_factory=list)  # x of the grid's full-height column rules
    header_row: int | None = None
    assumed: set[int] = field(default_factory=set)  # columns whose block was inferred, not read

    def holds(self, token: Token) -> bool:
        cy = (token.bbox[1] + token.bbox[3]) / 2
        x0, y0, x1, y1 = self.box
        return x0 <= token.cx < x1 and y0 <= cy < y1

    def columns_of(self, cell: GridCell) -> list[int]:
        """The indices of the grid's columns that ``cell`` covers (by the column rules)."""
        edges = self.column_edges
        out = []
        for i in range(len(edges) - 1):
            lo, hi = edges[i], edges[i + 1]
            if min(hi, cell.x1) - max(lo, cell.x0) > 0.5 * (hi - lo):
                out.append(i)
        return out


def _scaled_gray(path: str, layout: PageLayout) -> tuple[np.ndarray, float, int] | None:
    dpi = layout.dpi or 300
    # A page of 300 dpi or more is decoded at half size directly (libjpeg's scaled decoding is cheap).
    flag = cv2.IMREAD_REDUCED_GRAYSCALE_2 if dpi >= 2 * DETECT_DPI else cv2.IMREAD_GRAYSCALE
    gray = cv2.imread(path, flag)
    if gray is None or not gray.size:
        return None
    dpi = dpi * gray.shape[1] / max(layout.width, 1)
    scale = min(1.0, DETECT_DPI / dpi)
    if scale < 1.0:
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    # The layout's coordinates are those of the image the words were read on.
    factor = layout.width / gray.shape[1]
    return gray, factor, max(int(round(dpi * scale)), 72)


def _scale(rule: Rule, factor: float) -> Rule:
    return Rule(rule.x0 * factor, rule.y0 * factor, rule.x1 * factor, rule.y1 * factor)


def _row_rules(horizontal: list[Rule], tol: float) -> list[Rule]:
    """The rules that bound the grid's rows: the largest set of horizontal rules that start and end at the
    same places (a page frame, a title's underline or a signature box is not a grid's row)."""
    best: list[Rule] = []
    for rule in horizontal:
        same = [r for r in horizontal if abs(r.x0 - rule.x0) <= tol and abs(r.x1 - rule.x1) <= tol]
        if len(same) > len(best) or (len(same) == len(best) and same and best
                                     and same[0].length > best[0].length):
            best = same
    out: list[Rule] = []
    for rule in sorted(best, key=lambda r: (r.y0 + r.y1) / 2):
        if out and abs((rule.y0 + rule.y1) / 2 - (out[-1].y0 + out[-1].y1) / 2) < tol:
            continue  # a thick rule read twice
        out.append(rule)
    return out


def _column_edges(rows: list[list[GridCell]], tol: float) -> list[float]:
    """The grid's column edges: cell edges found at the same place in at least two rows."""
    xs = sorted(x for row in rows for x in {c.x0 for c in row} | {row[-1].x1})
    edges: list[list[float]] = []
    for x in xs:
        if edges and x - edges[-1][-1] <= tol:
            edges[-1].append(x)
        else:
            edges.append([x])
    return [statistics.median(group) for group in edges if len(group) >= 2]


def _snapped(row: list[GridCell], edges: list[float], tol: float) -> list[GridCell]:
    keep = [row[0].x0] + [c.x0 for c in row[1:] if any(abs(c.x0 - e) <= tol for e in edges)] + [row[-1].x1]
    y0, y1 = row[0].y0, row[0].y1
    return [GridCell(a, y0, b, y1) for a, b in itertools.pairwise(keep)]


def find_form_grid(layout: PageLayout) -> FormGrid | None:
    """The ruled grid of a form page, with its words placed in its cells; None when the page has none."""
    if not layout.image_path:
        return None
    loaded = _scaled_gray(layout.image_path, layout)
    if loaded is None:
        return None
    gray, factor, dpi = loaded
    horizontal, vertical = rule_masks(gray, dpi)
    ruling = find_ruling(horizontal, vertical, dpi)
    tol = 1.5 * dpi / 25.4 * factor
    rows = _row_rules([_scale(r, factor) for r in ruling.horizontal], tol)
    if len(rows) < MIN_ROWS + 1:
        return None
    verticals = [_scale(r, factor) for r in ruling.vertical]
    left = statistics.median(r.x0 for r in rows)
    right = statistics.median(r.x1 for r in rows)
    grid_rows: list[list[GridCell]] = []
    for top, bottom in itertools.pairwise(rows):
        y0 = (top.y0 + top.y1) / 2
        y1 = (bottom.y0 + bottom.y1) / 2
        if y1 - y0 < 0.5 * layout.line_height:
            continue
        middle = (y0 + y1) / 2
        xs = sorted(v.x_at(middle) for v in verticals
                    if min(v.y1, y1) - max(v.y0, y0) >= 0.6 * (y1 - y0)
                    and left + tol < v.x_at(middle) < right - tol)
        edges: list[float] = []
        for x in [left, *xs, right]:
            if not edges or x - edges[-1] > tol:
                edges.append(x)
        grid_rows.append([GridCell(a, y0, b, y1) for a, b in itertools.pairwise(edges)])
    if len(grid_rows) < MIN_ROWS or sum(len(r) >= 2 for r in grid_rows) < MIN_ROWS:
        return None
    edges_all = _column_edges(grid_rows, tol)
    grid_rows = [_snapped(row, edges_all, tol) for row in grid_rows]  # an edge seen in one row only is a stray
    grid = FormGrid(grid_rows, (left, grid_rows[0][0].y0, right, grid_rows[-1][0].y1))
    grid.column_edges = edges_all
    _place_words(grid, layout)
    return grid


def _place_words(grid: FormGrid, layout: PageLayout) -> None:
    order: dict[int, tuple[float, int]] = {}  # token id -> (its OCR line's height on the page, x)
    for line in layout.lines:
        for token in line.tokens:
            if not grid.holds(token):
                continue
            for row in grid.rows:
                cell = next((c for c in row if c.holds(token)), None)
                if cell is None:
                    continue
                if _rule_glyph(token, cell, layout.line_height):
                    break
                cell.tokens.append(token)
                order[id(token)] = (_line_middle(line), token.bbox[0])
                width = max(token.bbox[2] - token.bbox[0], 1)
                outside = max(0.0, cell.x0 - token.bbox[0]) + max(0.0, token.bbox[2] - cell.x1)
                if outside > STRADDLE * width:
                    cell.straddles = True
                break
    for row in grid.rows:
        for cell in row:
            cell.tokens.sort(key=lambda t: order[id(t)])


def _rule_glyph(token: Token, cell: GridCell, line_height: float) -> bool:
    """A cell's own rule read as a character ("|", "[", "l") next to its left or right edge."""
    text = token.text.strip()
    if not text or len(text) > 2 or (any(ch.isalnum() for ch in text) and text not in ("l", "I", "1")):
        return False
    near = 0.6 * line_height
    return token.bbox[0] - cell.x0 < near or cell.x1 - token.bbox[2] < near


def _line_middle(line: TextLine) -> float:
    """The height of an OCR line on the page (the median of its words' centres): words of one line of a
    cell keep Tesseract's line, and the lines of a wrapped value come in their order down the cell."""
    return statistics.median((t.bbox[1] + t.bbox[3]) / 2 for t in line.tokens) if line.tokens else 0.0


def name_columns(grid: FormGrid, schema: Schema) -> None:
    """The value columns' blocks from a header row: the first row (of the top three) most of whose value cells
    are wholly a block's opening phrase."""
    phrases = [(label_key(text), block) for block, spec in schema.blocks.items() for text in spec.starts]
    if not phrases:
        return
    for r, row in enumerate(grid.rows[:3]):
        named: dict[int, str] = {}
        for cell in row[1:]:
            key = cell.key
            if not key or len(key) > 40:
                continue
            score, block = max(((fuzz.ratio(key, p), b) for p, b in phrases), key=lambda s: s[0])
            cutoff = 100.0 if len(key) <= 5 else HEADER_CUTOFF
            if score >= cutoff:
                for index in grid.columns_of(cell):
                    named[index] = block
        if not named or len(set(named.values())) != len(named):
            continue
        unnamed = [i for i in range(1, len(grid.column_edges) - 1) if i not in named]
        if not unnamed:
            grid.column_blocks, grid.header_row = named, r
            return
        others = [b for b in schema.blocks if b not in named.values() and b != "main"]
        if len(unnamed) == 1 and len(others) == 1 and len(named) >= 1:
            # One heading unreadable ("Vự"): the one block left is assumed, and its values stay in review.
            grid.column_blocks, grid.header_row = {**named, unnamed[0]: others[0]}, r
            grid.assumed.add(unnamed[0])
            return


def section_block(row: list[GridCell], schema: Schema) -> str | None:
    """The block a section row opens: a row whose only words, in one cell, are a block's opening phrase
    ("Thông tin về người mẹ", "Phần khai về cha")."""
    filled = [c for c in row if c.tokens]
    if len(filled) != 1:
        return None
    key = filled[0].key
    if not key or len(key) > 40:
        return None
    phrases = [(label_key(text), block) for block, spec in schema.blocks.items() for text in spec.starts]
    scored = [(fuzz.ratio(key, p), b) for p, b in phrases]
    if not scored:
        return None
    score, block = max(scored, key=lambda s: s[0])
    return block if score >= (100.0 if len(key) <= 5 else HEADER_CUTOFF) else None


def label_of(cell: GridCell, schema: Schema) -> LabelMatch | None:
    """The label a row's first cell holds: the best match that starts the cell and covers most of it."""
    if not cell.tokens:
        return None
    line = TextLine(index=0, tokens=[_with_colon(t, i == len(cell.tokens) - 1) for i, t in enumerate(cell.tokens)])
    matches = [m for m in find_labels(line, schema_labels(schema)) if m.start == 0]
    if not matches:
        return None
    best = matches[0]
    words = [t for t in cell.tokens if t.key]
    covered = [t for t in cell.tokens[best.start:best.end] if t.key]
    if len(covered) < 0.6 * len(words):
        return None
    return best


def _with_colon(token: Token, last: bool) -> Token:
    """A label cell ends where its cell does: its last word counts as ending with a colon."""
    if not last or token.colon:
        return token
    return Token(text=token.text, key=token.key, bbox=token.bbox, conf=token.conf, colon=True)


def cell_line(cell: GridCell) -> float:
    return statistics.median(t.bbox[3] for t in cell.tokens) if cell.tokens else cell.y1
