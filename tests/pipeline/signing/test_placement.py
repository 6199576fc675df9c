"""The visible stamp's place: the first blank box from page 1's top right corner (pipeline/signing/placement.py),
checked on drawn pages (real poppler)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from pipeline.signing.placement import RENDER_DPI, blank_box, placed_box
from pipeline.signing.stamp import MARGIN, STAMP_HEIGHT, stamp_box

A4 = (0.0, 0.0, 595.0, 842.0)


def _ink(lines: list[tuple[float, float, float, float]]) -> np.ndarray:
    """A page at RENDER_DPI with black bars at the given boxes (points, from the top left)."""
    scale = RENDER_DPI / 72
    image = Image.new("L", (round(595 * scale), round(842 * scale)), 255)
    draw = ImageDraw.Draw(image)
    for x0, y0, x1, y1 in lines:
        draw.rectangle((x0 * scale, y0 * scale, x1 * scale, y1 * scale), fill=0)
    return np.asarray(image) < 160


def _covers(box, bar) -> bool:
    x0, y0, x1, y1 = box  # PDF points, y up
    top, bottom = 842 - y1, 842 - y0
    return bar[0] < x1 and bar[2] > x0 and bar[1] < bottom and bar[3] > top


def test_an_empty_corner_takes_the_stamp_where_it_always_went():
    assert blank_box(_ink([]), A4) == stamp_box(A4, 0)


def test_the_stamp_goes_below_the_national_motto_not_over_it():
    motto = [(300, 30, 560, 42), (340, 48, 520, 60)]  # "CỘNG HÒA …", "Độc lập - Tự do - Hạnh phúc"
    box = blank_box(_ink(motto), A4)
    assert box is not None and not any(_covers(box, bar) for bar in motto)
    assert 842 - box[3] >= 60 and 842 - box[3] < 60 + 3 * STAMP_HEIGHT  # just below it, still at the top


def test_a_page_inked_everywhere_keeps_the_corner_box(tmp_path):
    full = _ink([(0, 0, 595, 842)])
    assert blank_box(full, A4) is None
    pdf = tmp_path / "full.pdf"
    Image.new("L", (595, 842), 0).save(pdf, resolution=72)
    assert placed_box(pdf, A4, 0) == stamp_box(A4, 0)


def test_a_drawn_pdf_page_is_read_by_poppler(tmp_path):
    page = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
    ImageDraw.Draw(page).rectangle((600, 60, 1180, 130), fill=0)  # a header block at the top right
    pdf = tmp_path / "header.pdf"
    page.save(pdf, resolution=150)
    box = placed_box(pdf, A4, 0)
    assert 842 - box[3] > 130 * 72 / 150 and box != stamp_box(A4, 0)
    assert 842 - box[3] >= MARGIN
