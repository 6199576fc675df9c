"""Phone photos: the page is found by its corners and seen straight on; a scan is left alone."""

from __future__ import annotations

import random

import numpy as np

from pipeline.images.perspective import find_page, page_in_photo
from samples.realistic import photo_of
from tests.pipeline.page_images import render_page


def test_a_photographed_page_is_found_and_straightened() -> None:
    page = np.asarray(render_page(dpi=120))
    for seed in range(3):
        photo = photo_of(page, random.Random(f"photo-test:{seed}"))
        corners = find_page(photo)
        assert corners is not None
        straight = page_in_photo(photo)
        assert straight is not None
        h, w = straight.shape[:2]
        # Its proportions, as far as a plain homography without the camera can tell them.
        assert abs(h / w - page.shape[0] / page.shape[1]) < 0.12
        assert abs(w - page.shape[1]) < 0.15 * page.shape[1]
        # The desk is gone: the straightened page's edges are paper.
        assert np.median(straight[5:20, w // 4: 3 * w // 4]) > 200


def test_a_scan_is_not_a_photo() -> None:
    assert find_page(np.asarray(render_page(dpi=150))) is None


def test_a_small_crop_is_not_a_photo() -> None:
    crop = np.full((200, 800, 3), 40, np.uint8)
    crop[50:150, 100:700] = 250
    assert find_page(crop) is None
