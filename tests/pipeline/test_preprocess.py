"""Preprocess: pages turned 90/180/270 and skewed up to ±5° come out upright and straight, cheaply."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipeline.preprocess import analysis_binary, colour_mode, estimate_skew, preprocess
from tests.pipeline.page_images import noisy, render_page, turned

PAGE = render_page(dpi=150)


@pytest.mark.parametrize(
    ("clockwise", "skew"),
    [(0, 0.0), (0, 4.5), (0, -5.0), (90, 0.0), (90, 3.0), (180, 0.0), (180, -2.5), (270, 0.0), (270, 5.0)],
)
def test_turned_and_skewed_pages_come_out_upright_and_straight(clockwise: int, skew: float) -> None:
    scan = noisy(turned(PAGE, clockwise, skew), seed=clockwise)
    prepared = preprocess(np.asarray(scan), dpi=150)
    assert prepared.rotation == (360 - clockwise) % 360
    assert prepared.skew == pytest.approx(skew, abs=0.3)
    # The result is straight: measuring it again finds no skew left.
    assert abs(estimate_skew(analysis_binary(prepared.grey, 150))) <= 0.3
    assert prepared.grey.shape[0] > prepared.grey.shape[1]  # portrait again


def test_common_upright_page_needs_no_osd() -> None:
    prepared = preprocess(np.asarray(noisy(PAGE)), dpi=150)
    assert prepared.orientation_method == "layout"


def test_background_is_whitened_and_colour_kept() -> None:
    prepared = preprocess(np.asarray(PAGE), dpi=150)
    assert prepared.colour_mode == "colour"  # the red seal
    corner = prepared.colour[20:80, 20:80]
    assert corner.min() >= 250  # yellowish paper became white
    grey_page = render_page(dpi=150, seal=False)
    assert colour_mode(preprocess(np.asarray(grey_page), dpi=150).colour) == "grey"


def test_dotted_leaders_are_erased_for_ocr_but_kept_in_the_archive() -> None:
    from PIL import ImageDraw

    from pipeline.ocr import ocr_page, page_text
    from tests.pipeline.page_images import font

    dpi = 200
    page = render_page(dpi=dpi, lines=["Họ, chữ đệm, tên: ", "Dân tộc: Kinh", "Quốc tịch: Việt Nam"], seal=False)
    draw = ImageDraw.Draw(page)
    face = font(int(13 / 72 * dpi))
    y = int(1.2 * dpi)
    x = int(0.9 * dpi) + int(draw.textlength("Họ, chữ đệm, tên: ", font=face))
    draw.text((x, y), "TRẦN VĂN AN", fill=(25, 25, 35), font=face)
    for row in range(3):
        baseline = y + row * int(0.42 * dpi) + int(0.2 * dpi)
        for dot_x in range(x + int(1.2 * dpi) if row == 0 else int(3.0 * dpi), int(7.4 * dpi), int(dpi * 0.042)):
            draw.ellipse((dot_x, baseline, dot_x + 3, baseline + 3), fill=(30, 30, 30))
    prepared = preprocess(np.asarray(noisy(page, sigma=4)), dpi=dpi)
    text = page_text(ocr_page(prepared.grey, dpi)[1])
    assert "TRẦN VĂN AN" in text and "Quốc tịch: Việt Nam" in text
    assert "..." not in text and "…" not in text
    # The colour image for the archive still has the dots.
    row = prepared.colour[y + int(0.2 * dpi) : y + int(0.2 * dpi) + 4, int(6 * dpi) : int(7 * dpi)]
    assert row.min() < 120


REGISTER = Path(__file__).resolve().parents[2] / "samples" / "committed" / "birth_register_clean_001.png"


@pytest.mark.parametrize(("clockwise", "skew"), [(90, 2.5), (270, -2.8), (90, 0.0)])
def test_register_page_turned_a_quarter_is_found_sideways_by_layout(clockwise: int, skew: float) -> None:
    # Smeared together with the table's grid, the cells' text makes no line-shaped blobs unless the rules,
    # skewed ones too, are taken out first; then the cheap layout test is sure, without OSD.
    page = Image.open(REGISTER).convert("RGB")
    dpi = round(page.info.get("dpi", (300, 300))[0])
    scan = noisy(turned(page, clockwise, skew), seed=clockwise)
    prepared = preprocess(np.asarray(scan), dpi=dpi)
    assert prepared.rotation == (360 - clockwise) % 360
    assert prepared.skew == pytest.approx(skew, abs=0.3)
    assert prepared.orientation_method == "layout"


@pytest.mark.parametrize("size", [16, 22])
def test_a_strip_of_two_lines_at_72_dpi_is_read_as_it_comes(size: int) -> None:
    # Real crops of a few lines had their "sharpest" skew at the edge of the search (±10.5°), were turned by it
    # and read empty. Now the strip is not turned, its resolution is estimated, and it reads.
    from pipeline.ocr import ocr_page, page_text
    from tests.pipeline.images.strips import STRIP_LINES, strip

    prepared = preprocess(strip(size=size), dpi=72)
    assert prepared.rotation == 0 and abs(prepared.skew) < 0.3
    assert prepared.notes.dpi_source == "text" and prepared.notes.scale > 1
    assert prepared.dpi >= 150
    text = page_text(ocr_page(prepared.grey, prepared.dpi)[1])
    assert STRIP_LINES[1].split(",")[0] in text
