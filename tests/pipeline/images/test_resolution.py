"""Resolution from the text itself: an image with no usable dpi is scaled so that its text has the size
Tesseract reads best; a scan with a plausible dpi is not even measured."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from pipeline.images.resolution import BEST_TEXT_PX, rescale, resolution, text_height
from tests.pipeline.images.strips import strip
from tests.pipeline.page_images import render_page


def grey(rgb: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)


@pytest.mark.parametrize("size", [16, 20, 26])
def test_text_height_follows_the_printed_size(size: int) -> None:
    found = text_height(grey(strip(size=size)))
    assert found is not None and 0.35 * size <= found <= 0.8 * size


def test_a_small_crop_at_72_dpi_is_scaled_up_and_its_dpi_estimated() -> None:
    found = resolution(grey(strip(size=18)), 72)
    assert found.source == "text" and found.scale > 1.5
    assert found.text_height is not None
    assert found.text_height * found.scale == pytest.approx(BEST_TEXT_PX, rel=0.05)
    assert 200 <= found.dpi <= 400


def test_a_scan_with_a_plausible_dpi_is_left_as_it_is() -> None:
    found = resolution(grey(np.asarray(render_page(dpi=200))), 200)
    assert (found.source, found.scale, found.dpi, found.text_height) == ("file", 1.0, 200, None)


def test_an_image_without_text_keeps_its_dpi() -> None:
    blank = np.full((200, 700), 255, np.uint8)
    assert resolution(blank, 72).source == "file"


def test_rescale_keeps_the_array_at_scale_one() -> None:
    image = np.zeros((10, 10), np.uint8)
    assert rescale(image, 1.0) is image
    assert rescale(image, 2.0).shape == (20, 20)
