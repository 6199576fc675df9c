"""The ruled grid of a register page, as segments: every horizontal and vertical rule with its extent, found
with OpenCV morphology on the page image, then the table they draw.

A rule that runs the whole width of the table bounds rows; a shorter one inside a column divides a cell (two
values stacked in one cell) or separates a group header from the headers under it. Columns are bounded by
the vertical rules that run down the body of the table. Positions are page pixels; rules may lean a little
(a residual skew), so a rule answers where it is at a given point along it.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

MIN_RULE_MM = 5.0  # shortest stroke taken for a rule (longer than any letter's bar)
GAP_MM = 2.5  # pieces of one broken rule, at most this far apart, are joined
FULL_SHARE = 0.97  # a row rule covers this share of the table's width (a group header's rule is shorter)
COLUMN_SHARE = 0.55  # a column rule covers this share of the table body's height


@dataclass(frozen=True)
class Rule:
    """A straight stroke from (x0, y0) to (x1, y1); horizontal ones run left to right, vertical ones down."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def length(self) -> float:
        return max(abs(self.x1 - self.x0), abs(self.y1 - self.y0))

    def y_at(self, x: float) -> float:
        if self.x1 == self.x0:
            return (self.y0 + self.y1) / 2
        return self.y0 + (self.y1 - self.y0) * (x - self.x0) / (self.x1 - self.x0)

    def x_at(self, y: float) -> float:
        if self.y1 == self.y0:
            return (self.x0 + self.x1) / 2
        return self.x0 + (self.x1 - self.x0) * (y - self.y0) / (self.y1 - self.y0)


@dataclass
class Ruling:
    horizontal: list[Rule]  # top to bottom
    vertical: list[Rule]  # left to right


def _binary(gray: np.ndarray) -> np.ndarray:
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)


def rule_masks(gray: np.ndarray, dpi: int) -> tuple[np.ndarray, np.ndarray]:
    """The page's horizontal and vertical strokes at least ``MIN_RULE_MM`` long (binary masks)."""
    binary = _binary(gray)
    px = max(dpi, 100) / 25.4
    length = max(15, int(MIN_RULE_MM * px))
    horizontal = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    vertical = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT,
                                                                                  (1, int(length * 1.4))))
    return horizontal, vertical


def _segments(mask: np.ndarray, horizontal: bool, gap: int, min_length: int) -> list[Rule]:
    """Connected strokes of ``mask`` (broken pieces closed over ``gap``) as rules fitted through their ink."""
    kernel = (gap, 3) if horizontal else (3, gap)
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, kernel))
    contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    rules = []
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if (w if horizontal else h) < min_length:
            continue
        ys, xs = np.nonzero(mask[y:y + h, x:x + w])
        if len(xs) == 0:
            continue
        along, across = (xs, ys) if horizontal else (ys, xs)
        if along.max() - along.min() > 0:
            slope, intercept = np.polyfit(along, across, 1)
        else:
            slope, intercept = 0.0, float(across.mean())
        a0, a1 = float(along.min()), float(along.max())
        c0, c1 = slope * a0 + intercept, slope * a1 + intercept
        if horizontal:
            rules.append(Rule(x + a0, y + c0, x + a1, y + c1))
        else:
            rules.append(Rule(x + c0, y + a0, x + c1, y + a1))
    return rules


def find_ruling(horizontal: np.ndarray, vertical: np.ndarray, dpi: int) -> Ruling:
    """The rules of a page from its stroke masks (:func:`rule_masks`)."""
    px = max(dpi, 100) / 25.4
    gap = max(5, int(GAP_MM * px))
    min_length = max(15, int(MIN_RULE_MM * px))
    rows = sorted(_segments(horizontal, True, gap, min_length), key=lambda r: (r.y0 + r.y1) / 2)
    cols = sorted(_segments(vertical, False, gap, min_length), key=lambda r: (r.x0 + r.x1) / 2)
    return Ruling(rows, cols)


@dataclass
class Table:
    """The table a ruling draws: its row rules (full width, top to bottom), its column rules (left to right),
    and the shorter rules inside it (cell dividers, group-header rules)."""

    left: float
    right: float
    rows: list[Rule]
    columns: list[Rule]
    partial: list[Rule]
    unruled: bool = False  # its columns come from blank bands between the rows' words, not from rules

    def column_x(self, index: int, y: float) -> float:
        return self.columns[index].x_at(y)

    def row_y(self, index: int, x: float) -> float:
        return self.rows[index].y_at(x)


def build_table(ruling: Ruling, tolerance: float, words: list[tuple[int, int, int, int]] | None = None,
                min_gap: float = 0.0) -> Table | None:
    """The widest table of the ruling: the longest horizontal rule gives its width, the rules covering
    ``FULL_SHARE`` of that width its rows, the vertical rules running down most of it its columns.
    ``tolerance``: how far (pixels) a rule may fall short of the table's edge or of another rule. A table
    ruled across only (a list printed by software: rows, no column rules) has its columns where its rows'
    words leave a band at least ``min_gap`` wide blank from its first data row to its last (``words``: the
    page's word boxes); such a table is ``unruled``."""
    if not ruling.horizontal:
        return None
    longest = max(ruling.horizontal, key=lambda r: r.length)
    left, right = longest.x0, longest.x1
    width = right - left
    rows, partial = [], []
    for rule in ruling.horizontal:
        inside = min(rule.x1, right) - max(rule.x0, left)
        if inside >= FULL_SHARE * width:
            rows.append(rule)
        elif inside > 0 and rule.x0 >= left - tolerance and rule.x1 <= right + tolerance:
            partial.append(rule)
    rows = _merge_close(rows, tolerance)
    if len(rows) < 2:
        return None
    top, bottom = rows[0], rows[-1]
    columns = []
    for rule in ruling.vertical:
        x = rule.x_at((rule.y0 + rule.y1) / 2)
        if not left - tolerance <= x <= right + tolerance:
            continue
        y_top, y_bottom = top.y_at(x), bottom.y_at(x)
        covered = min(rule.y1, y_bottom) - max(rule.y0, y_top)
        if covered >= COLUMN_SHARE * (y_bottom - y_top):
            columns.append(rule)
    columns = _merge_close(columns, tolerance, vertical=True)
    unruled = False
    if len(columns) < 3 and words is not None and len(rows) >= 3:
        columns, unruled = _columns_from_gaps(rows, left, right, words, min_gap), True
    if len(columns) < 3:
        return None
    partial = [r for r in partial if r.y0 > top.y_at(r.x0) + tolerance and r.y1 < bottom.y_at(r.x1) - tolerance]
    return Table(left=left, right=right, rows=rows, columns=columns, partial=partial, unruled=unruled)


MIN_UNRULED_COLUMNS = 4  # a list read as a table by its blank bands needs this many columns at least


def _columns_from_gaps(rows: list[Rule], left: float, right: float, words: list[tuple[int, int, int, int]],
                       min_gap: float) -> list[Rule]:
    """Column rules of a table ruled across only: the table's edges and the middle of every band of x at
    least ``min_gap`` wide that no word of the data rows (below the first row rule's band, the header) covers.
    Empty when fewer than ``MIN_UNRULED_COLUMNS`` columns come out."""
    first, last = (rows[1].y0 + rows[1].y1) / 2, (rows[-1].y0 + rows[-1].y1) / 2
    body = [w for w in words if first <= (w[1] + w[3]) / 2 <= last and left <= (w[0] + w[2]) / 2 <= right]
    if not body:
        return []
    lo = int(left)
    covered = np.zeros(int(right) - lo + 1, dtype=bool)
    for x0, _, x1, _ in body:
        covered[max(0, x0 - lo):max(0, x1 - lo + 1)] = True
    edges = [float(left)]
    run = 0
    for i, is_covered in enumerate([*covered, True]):
        if not is_covered:
            run += 1
            continue
        if run >= min_gap and i - run > 0 and i < len(covered):
            edges.append(lo + i - run / 2)
        run = 0
    edges.append(float(right))
    if len(edges) - 1 < MIN_UNRULED_COLUMNS:
        return []
    top, bottom = (rows[0].y0 + rows[0].y1) / 2, last
    return [Rule(x, top, x, bottom) for x in edges]


def _merge_close(rules: list[Rule], tolerance: float, vertical: bool = False) -> list[Rule]:
    """Rules closer than ``tolerance`` to each other (a thick rule read as two) kept once: the longest."""
    def where(rule: Rule) -> float:
        return (rule.x0 + rule.x1) / 2 if vertical else (rule.y0 + rule.y1) / 2

    out: list[Rule] = []
    for rule in sorted(rules, key=where):
        if out and abs(where(rule) - where(out[-1])) < tolerance:
            if rule.length > out[-1].length:
                out[-1] = rule
            continue
        out.append(rule)
    return out
