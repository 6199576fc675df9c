"""An A4 page holding a ruled grid (a marriage certificate printed as a table) is a page, not an ID card in a
photo: with the uneven light of a flatbed scan or a photocopy (a darker border), the card finder must still
leave it alone, or the page is cropped to the grid and its header and title are lost."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from tests.extractors.test_form_grid import _draw_grid_form


@pytest.mark.parametrize("darkening", [0, 40, 100])
def test_a_page_with_a_grid_is_no_card(tmp_path, darkening):
    from pipeline.images.card import find_card

    path = tmp_path / "grid.png"
    _draw_grid_form(path, wife_left=False)
    page = np.asarray(Image.open(path).convert("RGB")).astype(np.float32)
    h, w = page.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    radius = np.hypot((yy - h / 2) / (h / 2), (xx - w / 2) / (w / 2))
    lit = np.clip(page - darkening * radius[..., None] ** 2, 0, 255).astype(np.uint8)
    assert find_card(lit) is None


def test_a_page_the_card_finder_mistook_for_a_card_is_read_as_a_page(monkeypatch):
    """Should the card finder take a whole A4 page for a card (its edges, its proportions: A4's 1.41 is within a
    card seen at an angle), the page's many lines give it away and it is read as the page it is."""
    from pathlib import Path

    from pipeline import reading
    from pipeline.images.card import FoundCard

    scan = sorted((Path(__file__).resolve().parents[3] / "samples" / "committed").glob("marriage_certificate_*.png"))
    if not scan:
        pytest.skip("no committed marriage certificate scan")
    rgb = np.asarray(Image.open(scan[0]).convert("RGB"))
    h, w = rgb.shape[:2]
    whole = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], dtype=np.float32)
    monkeypatch.setattr(reading, "find_card", lambda image: FoundCard(corners=whole, aspect=h / w))
    page = reading.read_page(rgb, 200)
    assert page.prepared.notes.orientation != "card"
    assert "CHỨNG NHẬN KẾT HÔN" in " ".join(line.text for line in page.lines)

