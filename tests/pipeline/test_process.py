"""Whole-file reading on committed samples: every page upright and straight, as the truth says it was turned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.process import read_pages

COMMITTED = Path(__file__).resolve().parents[2] / "samples" / "committed"
# ID-card photocopies (patterned cards, few text lines) are the pages the layout test is least sure of.
# (file, lowest mean word confidence expected on its pages)
CASES = [
    ("citizen_id_card_hard_002.jpg", 0.75),  # turned 180
    ("citizen_id_card_scan_001.pdf", 0.75),  # upright, skewed
    ("citizen_id_card_hard_001.tif", 0.75),  # turned 90
    ("birth_certificate_hard_001.jpg", 0.75),
    ("birth_register_hard_002.jpg", 0.75),
    # Page 2, an ID-card photocopy turned 180, fools the layout test; its poor first reading sends it round again.
    ("dossier_hard_001.pdf", 0.5),
]


@pytest.mark.parametrize(("name", "min_confidence"), CASES)
def test_pages_come_out_upright_and_straight(name: str, min_confidence: float) -> None:
    truth = json.loads((COMMITTED / name).with_suffix(".truth.json").read_text(encoding="utf-8"))
    pages = read_pages(COMMITTED / name, jobs=1)
    assert len(pages) == len(truth["pages"])
    for page, want in zip(pages, truth["pages"], strict=True):
        assert page.rotation == (360 - want["rotation"]) % 360
        assert page.skew == pytest.approx(want["skew"], abs=0.3)
        assert page.mean_confidence > min_confidence
