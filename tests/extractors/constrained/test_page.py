"""A generated handwritten register page (tuning hands): the ruled table found, its cells cut out and read."""

from __future__ import annotations

import numpy as np
import pytest

from extractors.constrained.kinds import CellContext
from extractors.constrained.page import page_cells
from extractors.constrained.reader import CellReader
from samples.handwriting import TUNING, register_page


@pytest.mark.slow
def test_page_cells_cut_out_and_read():
    page = register_page(TUNING, 8, seed=3, year=1990)
    cells = page_cells(np.asarray(page.image), page.dpi)
    assert len(cells) == 9 * len(page.columns)  # the header band and 8 entries, every column
    reader = CellReader()
    header = [reader.read(c.image, "text").script for c in cells if c.band == 0]
    assert header.count("printed") >= len(header) - 1
    right = ok = ok_right = 0
    body = [c for c in cells if c.band > 0]
    for c in body:
        truth = page.cells[c.band - 1][c.column]
        kind = page.columns[c.column]
        context = CellContext(truth.entry_date, truth.years, str(c.band) if kind == "number" else None)
        result = reader.read(c.image, kind, context)
        right += result.value == truth.value
        ok += result.status == "ok"
        ok_right += result.status == "ok" and result.value == truth.value
    assert right >= 0.85 * len(body)
    assert ok >= 0.6 * len(body) and ok_right == ok
