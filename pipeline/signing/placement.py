"""Where the visible stamp goes on page 1: in blank space near the top right corner, over no part of the
paper's own text (Decree 30/2020, Annex I: the copy's marking at the top right of the first page; a stamp
over the national motto or the unit's header hides what the copy certifies).

Page 1 is drawn small by poppler (``RENDER_DPI``), its ink found, and the stamp's box tried from the top right
corner downwards and leftwards within the top part of the page, in ``STEP_PT`` steps; the first box with no
ink in it (nor within ``CLEARANCE_PT`` of it) is chosen. Earlier stamps are ink too, so a later signature's
stamp never covers one. When no blank box is found (a page printed to its edges) or the page cannot be
drawn, the fixed box of ``stamp.stamp_box`` is used, as before.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from pipeline.signing.stamp import MARGIN, STAMP_HEIGHT, STAMP_WIDTH, stamp_box

RENDER_DPI = 24  # one pixel is 3 pt: enough to see a line of 9 pt type
INK_LEVEL = 160  # grey below this is ink
STEP_PT = 6
CLEARANCE_PT = 3
SEARCH_DOWN = 0.45  # the stamp stays in the top part of the page
SEARCH_LEFT = 0.5  # and in its right half


def page_ink(pdf: Path) -> np.ndarray | None:
    """Page 1's ink (True where dark) at ``RENDER_DPI``, or None when poppler cannot draw it."""
    from pdf2image import convert_from_path

    try:
        [image] = convert_from_path(str(pdf), dpi=RENDER_DPI, first_page=1, last_page=1, grayscale=True)
    except Exception:  # noqa: BLE001 - any failure to draw keeps the fixed box
        return None
    try:
        return np.asarray(image.convert("L")) < INK_LEVEL
    finally:
        image.close()


def blank_box(ink: np.ndarray, page_box: tuple[float, float, float, float]) -> tuple[int, int, int, int] | None:
    """The first inkless stamp box from the top right corner (PDF points, x1 y1 x2 y2), or None."""
    x0, y0, x1, y1 = page_box
    height_px, width_px = ink.shape
    scale_x, scale_y = width_px / max(x1 - x0, 1.0), height_px / max(y1 - y0, 1.0)
    width = min(STAMP_WIDTH, (x1 - x0) - 2 * MARGIN)
    # a summed-area table: the ink inside any box in constant time
    table = np.pad(ink.astype(np.int32).cumsum(0).cumsum(1), ((1, 0), (1, 0)))

    def inked(left: float, top: float) -> bool:  # top: points from the page's top edge
        c0 = max(int((left - x0 - CLEARANCE_PT) * scale_x), 0)
        c1 = min(int((left - x0 + width + CLEARANCE_PT) * scale_x) + 1, width_px)
        r0 = max(int((top - CLEARANCE_PT) * scale_y), 0)
        r1 = min(int((top + STAMP_HEIGHT + CLEARANCE_PT) * scale_y) + 1, height_px)
        return bool(table[r1, c1] - table[r0, c1] - table[r1, c0] + table[r0, c0])

    lowest = SEARCH_DOWN * (y1 - y0)
    leftmost = x0 + SEARCH_LEFT * (x1 - x0)
    top = float(MARGIN)
    while top + STAMP_HEIGHT <= lowest:
        left = x1 - MARGIN - width
        while left >= leftmost:
            if not inked(left, top):
                bottom_pdf = y1 - top - STAMP_HEIGHT
                return int(left), int(bottom_pdf), int(left + width), int(bottom_pdf + STAMP_HEIGHT)
            left -= STEP_PT
        top += STEP_PT
    return None


def placed_box(pdf: Path, page_box: tuple[float, float, float, float], slot: int) -> tuple[int, int, int, int]:
    """The stamp's box on page 1 of ``pdf``: in blank space when there is some, else the fixed corner box."""
    ink = page_ink(pdf)
    found = blank_box(ink, page_box) if ink is not None else None
    return found if found is not None else stamp_box(page_box, slot)
