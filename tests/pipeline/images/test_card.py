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
    page[60:560, 200:620] = 245  # a sheet on the desk with no card's proportions (500 × 420)
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
    # read upright: the title and the holder's name come out (upside down, Tesseract reads neither); the motto
    # line's words vary with what the same process read before (Tesseract's adaptive classifier)
    assert "CĂN CƯỚC" in text
    assert doc.fields["full_name"].split()[-1] in text


def test_a_pale_coloured_pattern_is_suppressed_and_black_text_kept() -> None:
    from PIL import Image, ImageDraw, ImageFont

    from pipeline.images.card import suppress_pattern
    from samples.canvas import font_path

    card = np.full((300, 900, 3), (235, 240, 238), np.uint8)
    for y in range(0, 300, 9):  # fine pink wavy lines
        xs = np.arange(900)
        ys = (y + 3 * np.sin(xs / 25)).astype(int).clip(0, 299)
        card[ys, xs] = (215, 130, 160)
    image = Image.fromarray(card)
    ImageDraw.Draw(image).text((30, 120), "CĂN CƯỚC 012345", font=ImageFont.truetype(str(font_path("sans")), 60),
                                fill=(20, 20, 20))
    grey = suppress_pattern(np.asarray(image))
    lines_only = grey[:, 700:]  # no text there: the pattern is gone
    assert (lines_only < 200).mean() < 0.002
    text = grey[110:190, 30:600]
    assert (text < 100).mean() > 0.05  # the strokes are still dark


def test_a_photocopy_of_a_card_on_a_page_is_no_card_photo() -> None:
    rng = random.Random("card-copy")
    doc = id_card.build(rng, family="card-cccd-2021", copy=True)
    page = np.asarray(id_card.draw(doc, 150, rng)[0].image.convert("RGB")).astype(np.float32)
    h, w = page.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    radius = np.hypot((yy - h / 2) / (h / 2), (xx - w / 2) / (w / 2))
    scanned = np.clip(page - 90 * radius[..., None] ** 2, 0, 255).astype(np.uint8)  # a scanner's dark border
    assert find_card(scanned) is None
