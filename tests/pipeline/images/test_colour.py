"""Colour: the channel with most contrast is read, white-on-dark text is inverted, a dark desk is not."""

from __future__ import annotations

import cv2
import numpy as np

from pipeline.images.colour import contrast, invert_dark_regions, reading_grey
from pipeline.ocr import ocr_page, page_text
from pipeline.preprocess import preprocess
from tests.pipeline.images.strips import STRIP_LINES, strip
from tests.pipeline.page_images import render_page


def test_red_text_on_a_green_band_is_read_from_the_red_channel() -> None:
    # Luminance sees almost no difference between this red and this green; the red channel a large one.
    rgb = strip(ink=(225, 40, 40), paper=(40, 160, 40), size=22)
    grey, channel = reading_grey(rgb)
    assert channel == "red"
    assert contrast(grey) > 3 * contrast(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY))
    # In the red channel the text is light on a dark band: it is inverted too, and read.
    prepared = preprocess(rgb, 72)
    assert prepared.notes.channel == "red" and prepared.notes.inverted_regions == 1
    text = page_text(ocr_page(prepared.grey, prepared.dpi)[1])
    assert "Quảng Ninh" in text and "Hồng Gai" in text


def test_black_on_white_is_read_from_luminance() -> None:
    _, channel = reading_grey(strip())
    assert channel == "luminance"


def test_white_text_on_a_dark_band_is_inverted_and_read() -> None:
    rgb = strip(ink=(255, 255, 255), paper=(20, 50, 120), size=22)
    prepared = preprocess(rgb, 72)
    assert prepared.notes.inverted_regions == 1
    text = page_text(ocr_page(prepared.grey, prepared.dpi)[1])
    assert "Quảng Ninh" in text and "Hồng Gai" in text


def test_a_dark_title_band_above_dark_on_white_text_is_inverted_alone() -> None:
    band = strip(lines=["THÔNG BÁO"], ink=(255, 255, 255), paper=(150, 20, 20), size=26)
    body = strip(size=22)
    rgb = np.vstack([band[:, : body.shape[1]], body])
    inverted, regions = invert_dark_regions(reading_grey(rgb)[0])
    assert regions == 1
    assert inverted[: band.shape[0] - 8].mean() > 180  # the band is light now
    text = page_text(ocr_page(preprocess(rgb, 72).grey, 300)[1])
    assert "THÔNG BÁO" in text and STRIP_LINES[1].split()[0] in text


def test_a_page_on_a_dark_desk_is_not_inverted() -> None:
    page = np.asarray(render_page(dpi=60))
    desk = np.random.default_rng(1).normal(70, 8, (page.shape[0] + 200, page.shape[1] + 200, 3))
    desk = np.clip(desk, 0, 255).astype(np.uint8)
    desk[100:-100, 100:-100] = page
    _, regions = invert_dark_regions(reading_grey(desk)[0])
    assert regions == 0
