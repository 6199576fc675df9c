"""The realistic generator: crops, spreads, photos and card photos with their truth, each kind its own tier."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from PIL import Image

from pipeline.evaluation.truth import find_cases
from samples.realistic import CROP_STYLES, crop_image, generate, main


def test_each_kind_is_written_with_a_truth_of_its_tier(tmp_path: Path) -> None:
    samples = generate(tmp_path, seed=5, per_kind=1)
    cases, warnings = find_cases(tmp_path)
    assert not warnings
    by_tier = {case.truth.tier: case.truth for case in cases}
    assert sorted(by_tier) == ["card", "crop", "photo", "spread"]
    assert [s.kind for s in samples] == ["crop", "spread", "photo", "card"]
    crop, spread, photo = by_tier["crop"], by_tier["spread"], by_tier["photo"]
    assert len(crop.pages) == 1 and not crop.documents and 1 <= len(crop.pages[0].text.splitlines()) <= 15
    assert [p.number for p in spread.pages] == [1, 2]
    assert [d.pages for d in spread.documents] == [[1], [2]]
    assert len(photo.pages) == 1 and photo.documents[0].pages == [1]
    for truth in by_tier.values():
        assert all(p.text and p.text == " ".join(p.text.split(" ")) for p in truth.pages)


def test_crops_are_small_and_carry_72_dpi_or_none(tmp_path: Path) -> None:
    generate(tmp_path, seed=11, per_kind=6, kinds=("crop",))
    seen = set()
    for path in sorted(tmp_path.glob("crop_*.png")):
        with Image.open(path) as im:
            assert 600 <= im.width <= 900
            dpi = im.info.get("dpi")
            assert dpi is None or round(dpi[0]) == 72
            seen.add(dpi is None)
    assert seen == {True, False}


def test_every_crop_style_is_drawn_and_rgba_has_a_transparent_background() -> None:
    styles = {}
    for seed in range(60):
        image, text, style = crop_image(random.Random(seed))
        styles.setdefault(style, (image, text))
    assert sorted(styles) == sorted(CROP_STYLES)
    rgba = np.asarray(styles["rgba"][0])
    assert rgba.shape[2] == 4 and (rgba[..., 3] == 0).mean() > 0.5


def test_the_same_seed_gives_the_same_files(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        generate(tmp_path / folder, seed=3, per_kind=1, kinds=("crop", "photo"))
    for name in ("crop_001.png", "photo_001.jpg", "crop_001.truth.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_an_unknown_kind_is_refused(capsys) -> None:
    assert main(["--out", "/tmp/unused-realistic", "--kinds", "scroll"]) == 2
    assert "scroll" in capsys.readouterr().err


def test_a_card_photo_holds_one_card_side_with_its_corners_and_turn(tmp_path: Path) -> None:
    import json

    from samples.truth_format import problems

    generate(tmp_path, seed=7, per_kind=6, kinds=("card",))
    turns, backgrounds = set(), set()
    for path in sorted(tmp_path.glob("card_*.jpg")):
        truth = json.loads(path.with_name(path.stem + ".truth.json").read_text(encoding="utf-8"))
        assert not problems(truth)
        with Image.open(path) as im:
            size = im.size
        corners = np.array(truth["card"]["corners"])
        assert corners.shape == (4, 2)
        assert (corners >= 0).all() and (corners[:, 0] < size[0]).all() and (corners[:, 1] < size[1]).all()
        long_side = max(np.linalg.norm(corners[1] - corners[0]), np.linalg.norm(corners[3] - corners[0]))
        assert 250 <= long_side <= 700  # the card 300-600 px wide, give or take the perspective
        assert truth["documents"][0]["schema"] == "citizen_id_card" and truth["pages"][0]["text"]
        turns.add(truth["pages"][0]["rotation"])
        backgrounds.add(truth["card"]["background"])
    assert len(turns) >= 2 and backgrounds <= {"table", "hand"}
