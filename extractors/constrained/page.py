"""A register page's cells, cut out for the handwriting reader: the ruled table found as for printed registers
(extractors/grid.py), then one crop per row band and column, inside its rules."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from extractors.grid import Table, build_table, find_ruling, rule_masks

INSET = 4  # pixels kept off each rule (its width and a little ink that touches it)


@dataclass
class PageCell:
    band: int  # 0 is the first band under the table's top rule (the header, on most registers)
    column: int
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 in page pixels
    image: Image.Image


def find_table(grey: np.ndarray, dpi: int) -> Table | None:
    horizontal, vertical = rule_masks(grey, dpi)
    return build_table(find_ruling(horizontal, vertical, dpi), tolerance=dpi / 25.4 * 1.5)


def cell_box(table: Table, band: int, col: int) -> tuple[int, int, int, int]:
    """The inside of the cell (band, col), its rules and ``INSET`` pixels off them left out."""
    mid_y = (table.row_y(band, 0) + table.row_y(band + 1, 0)) / 2
    x0 = int(table.column_x(col, mid_y)) + INSET
    x1 = int(table.column_x(col + 1, mid_y)) - INSET
    mid_x = (x0 + x1) / 2
    y0 = int(table.row_y(band, mid_x)) + INSET
    y1 = int(table.row_y(band + 1, mid_x)) - INSET
    return x0, y0, x1, y1


def cut_cell(grey: np.ndarray, table: Table, band: int, col: int) -> PageCell | None:
    """One cell's crop, or None for a sliver too small to hold writing."""
    x0, y0, x1, y1 = cell_box(table, band, col)
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None
    return PageCell(band, col, (x0, y0, x1, y1), Image.fromarray(np.ascontiguousarray(grey[y0:y1, x0:x1])))


def page_cells(grey: np.ndarray, dpi: int) -> list[PageCell]:
    """Every cell of the page's widest ruled table, top to bottom, left to right (none without a table)."""
    table = find_table(grey, dpi)
    if table is None:
        return []
    cells = (cut_cell(grey, table, band, col) for band in range(len(table.rows) - 1)
             for col in range(len(table.columns) - 1))
    return [c for c in cells if c is not None]
