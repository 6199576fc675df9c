"""Skew estimates know when they do not know: a strip of two lines is not turned by the edge of the search."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from pipeline.images.skew import MAX_SKEW, measure_skew
from pipeline.preprocess import analysis_binary
from tests.pipeline.images.strips import strip
from tests.pipeline.page_images import noisy, render_page, turned


def binary_of(rgb: np.ndarray, dpi: int) -> np.ndarray:
    return analysis_binary(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), dpi)


@pytest.mark.parametrize("skew", [0.0, 2.0, -3.5])
def test_a_page_of_many_lines_is_measured_and_sure(skew: float) -> None:
    page = np.asarray(noisy(turned(render_page(dpi=150), 0, skew)))
    found = measure_skew(binary_of(page, 150))
    assert found.known and found.lines >= 10
    assert found.angle == pytest.approx(skew, abs=0.3)
    assert found.confidence >= 0.5


@pytest.mark.parametrize("skew", [0.0, 2.5])
def test_a_strip_of_two_lines_is_measured_where_both_methods_agree(skew: float) -> None:
    found = measure_skew(binary_of(strip(skew=skew), 72))
    assert abs(found.measured) < MAX_SKEW - 1  # not the edge of the search range
    if found.known:
        assert found.angle == pytest.approx(skew, abs=0.4)
    else:
        assert found.angle == 0.0


def test_an_image_with_no_lines_is_not_turned() -> None:
    rng = np.random.default_rng(3)
    speckles = np.zeros((300, 800), np.uint8)
    speckles[rng.integers(0, 300, 3000), rng.integers(0, 800, 3000)] = 255
    found = measure_skew(speckles)
    assert not found.known and found.angle == 0.0 and found.confidence < 0.5
