"""Book spreads: two facing pages are cut at the gutter; a landscape page of its own is not."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from PIL import Image

from pipeline.images.spread import find_gutter, split_spread
from samples.realistic import write_spread

CARD_SIDES = Path(__file__).resolve().parents[3] / "samples" / "committed" / "citizen_id_card_hard_001.tif"
REGISTER = Path(__file__).resolve().parents[3] / "samples" / "committed" / "birth_register_clean_001.png"


def test_a_generated_spread_is_cut_at_its_gutter(tmp_path: Path) -> None:
    for seed in range(3):
        path = write_spread(tmp_path, f"spread_{seed}", random.Random(f"spread-test:{seed}"))
        rgb = np.asarray(Image.open(path).convert("RGB"))
        gutter = find_gutter(rgb)
        assert gutter is not None
        # The two A4 pages are of one width: the gutter is in the middle, within the gap drawn between them.
        assert abs(gutter.x - rgb.shape[1] / 2) < 0.04 * rgb.shape[1]
        left, right = split_spread(rgb, 200)
        assert (left[1], right[1]) == ("left", "right")
        assert left[0].shape[1] + right[0].shape[1] == rgb.shape[1]


def _askew_spread() -> np.ndarray:
    """Two pages of ruled tables scanned askew: their rules reach into the gutter (no column free of ink), which
    only the gutter's shadow marks."""
    h, w = 1400, 2000
    page = np.full((h, w), 245.0, np.float32)
    for half, (x0, x1) in enumerate(((80, 1004), (996, 1920))):
        tilt = 0.012 if half == 0 else -0.012
        for y in range(150, 1300, 60):  # a table's rows, each with a few "words"
            ys = (y + tilt * (np.arange(x0, x1) - x0)).astype(int)
            for thick in range(4):
                page[ys + thick, np.arange(x0, x1)] = 40
            for wx in range(x0 + 30, x1 - 120, 160):
                page[y + 18:y + 34, wx:wx + 90] = 60
    xs = np.arange(w, dtype=np.float32)
    page *= 1 - 0.3 * np.exp(-(((xs - 1000) / 35) ** 2))[None, :]
    return np.repeat(page[:, :, None], 3, axis=2).clip(0, 255).astype(np.uint8)


def test_an_askew_spread_is_cut_at_its_shadow() -> None:
    rgb = _askew_spread()
    gutter = find_gutter(rgb)
    assert gutter is not None and abs(gutter.x - 1000) < 20 and gutter.gap == 0.0
    assert [side for _, side in split_spread(rgb, 200)] == ["left", "right"]


def test_a_landscape_register_page_is_not_cut() -> None:
    rgb = np.asarray(Image.open(REGISTER).convert("RGB"))
    assert rgb.shape[1] > rgb.shape[0]
    assert find_gutter(rgb) is None
    assert len(split_spread(rgb, 300)) == 1


def test_a_portrait_page_is_not_looked_at() -> None:
    portrait = np.full((1100, 800, 3), 255, np.uint8)
    assert split_spread(portrait, 100)[0][1] is None


def test_a_wide_crop_of_one_line_is_not_cut() -> None:
    from tests.pipeline.images.strips import strip

    line = strip(lines=["Bản sao được cấp từ sổ gốc          có giá trị sử dụng thay cho bản chính"], size=22)
    assert split_spread(line, 72)[0][1] is None


def test_a_page_turned_a_quarter_with_a_fold_between_two_card_sides_is_not_cut() -> None:
    rgb = np.asarray(Image.open(CARD_SIDES).convert("RGB"))
    assert find_gutter(rgb) is not None  # the fold looks like a gutter...
    assert len(split_spread(rgb, 300)) == 1  # ... but the text runs down the image: one page turned a quarter


def test_a_card_scan_with_a_blank_middle_is_not_cut() -> None:
    from samples.layouts import id_card

    for family in ("card-cccd-2021", "card-cmnd-12"):
        rng = random.Random(f"card-not-cut:{family}")
        doc = id_card.build(rng, family=family, copy=False)
        front = np.array(id_card.EDITIONS[family].front(doc, 600, rng).image.convert("RGB"))
        width = front.shape[1]
        front[:, int(0.48 * width): int(0.52 * width)] = front[5:10, 5:10].reshape(-1, 3).max(axis=0)
        assert len(split_spread(front, 600)) == 1


def test_both_card_sides_on_a_scanner_bed_turned_a_quarter_are_not_cut() -> None:
    import cv2

    from samples.layouts import id_card

    for family in ("card-cccd-2021", "card-cmnd-12", "card-random"):
        rng = random.Random(f"bed-not-cut:{family}")
        doc = id_card.build(rng, family=family, copy=False)
        bed = np.asarray(id_card.draw(doc, 300, rng)[0].image.convert("RGB"))
        for turn in (cv2.ROTATE_90_CLOCKWISE, cv2.ROTATE_90_COUNTERCLOCKWISE):
            assert len(split_spread(cv2.rotate(bed, turn), 300)) == 1
