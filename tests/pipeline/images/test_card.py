"""ID cards as they come: found by their edges in a photo, seen straight on, turned by their own text."""

from __future__ import annotations

import random

import cv2
import numpy as np

from pipeline.images.card import READ_WIDTH, find_card, straighten
from pipeline.reading import read_page
from samples.layouts import id_card
from samples.realistic import CARD_DPI, card_photo
from tests.pipeline.page_images import render_page


def _front(seed: int, family: str = "card-cccd-2021") -> tuple[np.ndarray, id_card.Doc]:
    rng = random.Random(f"card-test:{seed}")
    doc = id_card.build(rng, family=family, copy=False)
    page = id_card.EDITIONS[family].front(doc, CARD_DPI, rng)
    return np.asarray(page.image.convert("RGB")), doc


def _iou(a: np.ndarray, b: np.ndarray) -> float:
    inter, _ = cv2.intersectConvexConvex(np.float32(a), np.float32(b))
    return inter / (cv2.contourArea(np.float32(a)) + cv2.contourArea(np.float32(b)) - inter)


def test_a_photographed_card_is_found_by_its_edges() -> None:
    card, _ = _front(1)
    for seed in range(4):
        photo, corners, _, _ = card_photo(card, random.Random(f"card-photo:{seed}"))
        found = find_card(photo)
        assert found is not None
        assert _iou(found.corners, corners) >= 0.9
        flat, turned = straighten(photo, found.corners)
        assert flat.shape[1] == READ_WIDTH and flat.shape[1] > flat.shape[0]
        assert turned in (0, 90)


def test_a_scan_or_a_plain_image_holds_no_card() -> None:
    assert find_card(np.asarray(render_page(dpi=150))) is None
    desk = np.full((600, 800, 3), (120, 90, 60), np.uint8)
    assert find_card(desk) is None
    page = desk.copy()
    page[60:560, 250:600] = 245  # a portrait sheet on the desk: not a card's proportions
    assert find_card(page) is None


def test_a_card_photographed_upside_down_is_read_the_right_way_up() -> None:
    card, doc = _front(2)
    for seed in range(40):  # a photo with the card upside down, large enough to read
        photo, _, quarters, taken = card_photo(card, random.Random(f"card-turned:{seed}"))
        if quarters == 2 and taken["width"] >= 500:
            break
    reading = read_page(photo, 72)
    assert reading.prepared.notes.orientation == "card" and reading.prepared.notes.perspective
    text = " ".join(line.text for line in reading.lines)
    assert doc.fields["personal_id"] in text.replace(" ", "")
