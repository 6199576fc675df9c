"""Reading an image: a book spread gives two pages, in order; a correction that goes wrong never makes a page
read worse than the image as it came."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

import pipeline.reading as reading
from pipeline.preprocess import Prepared, rotate_small
from pipeline.process import read_pages
from samples.realistic import write_spread
from tests.pipeline.images.strips import STRIP_LINES, strip


def test_a_wrong_correction_falls_back_to_the_image_as_it_came(monkeypatch: pytest.MonkeyPatch) -> None:
    # Fault injection: the corrections turn the page by the edge of the old deskew search (10.5 degrees), as
    # they did to real crops that then read empty. The reading must come back from the uncorrected image.
    right = reading.preprocess

    def turned_too_far(rgb: np.ndarray, dpi: int, lang: str = "vie") -> Prepared:
        prepared = right(rgb, dpi, lang)
        prepared.grey = rotate_small(prepared.grey, 10.5)
        return prepared

    monkeypatch.setattr(reading, "preprocess", turned_too_far)
    page = reading.read_page(strip(size=18), 72)
    text = " ".join(line.text for line in page.lines)
    assert page.prepared.notes.reading == "as-is"
    assert "Quảng Ninh" in text and "Hồng Gai" in text


def test_a_good_reading_is_kept_without_a_second_one() -> None:
    page = reading.read_page(strip(size=18), 72)
    assert page.prepared.notes.reading == "corrected"
    assert page.confidence >= reading.AS_IS_CONFIDENCE
    assert STRIP_LINES[0].split()[-1] in " ".join(line.text for line in page.lines)
    assert page.prepared.notes.second_reading is None  # read well: no line goes to the second recognizer
    assert page.prepared.notes.lines_by_engine == {}


@pytest.mark.slow
def test_a_book_spread_gives_its_two_pages_in_order(tmp_path: Path) -> None:
    path = write_spread(tmp_path, "spread", random.Random("reading-test"))
    pages = read_pages(path, jobs=1)
    assert [p.number for p in pages] == [1, 2]
    assert [p.preprocessing.split for p in pages] == ["left", "right"]
    for page in pages:
        assert page.height > page.width  # a portrait page each
        assert len(page.text) > 300 and page.mean_confidence > 0.8


def test_a_spread_scanned_upside_down_gives_its_pages_in_the_books_order(tmp_path: Path) -> None:
    from PIL import Image

    path = write_spread(tmp_path, "spread", random.Random("reading-test"))
    upright = [p.text for p in read_pages(path, jobs=1)]
    turned = tmp_path / "turned.png"
    Image.open(path).rotate(180).save(turned, dpi=Image.open(path).info.get("dpi", (200, 200)))
    pages = read_pages(turned, jobs=1)
    assert [p.preprocessing.split for p in pages] == ["left", "right"]
    assert all(p.rotation == 180 for p in pages)
    # The book's left page (the image's right half, turned over) comes first.
    from rapidfuzz import fuzz

    assert fuzz.ratio(pages[0].text, upright[0]) > 90 > fuzz.ratio(pages[0].text, upright[1])
    assert fuzz.ratio(pages[1].text, upright[1]) > 90


def test_a_spread_scanned_sideways_gives_its_two_pages(tmp_path: Path) -> None:
    """A spread turned a quarter (its gutter across the image) reads as one page turned upright; turned, it is
    cut at its gutter and gives its two pages, each upright."""
    from PIL import Image

    path = write_spread(tmp_path, "spread", random.Random("reading-test"))
    upright = [p.text for p in read_pages(path, jobs=1)]
    sideways = tmp_path / "sideways.png"
    Image.open(path).rotate(90, expand=True).save(sideways, dpi=Image.open(path).info.get("dpi", (200, 200)))
    pages = read_pages(sideways, jobs=1)
    assert [p.preprocessing.split for p in pages] == ["left", "right"]
    assert all(p.height > p.width for p in pages)
    from rapidfuzz import fuzz

    assert fuzz.ratio(pages[0].text, upright[0]) > 90 and fuzz.ratio(pages[1].text, upright[1]) > 90


def test_a_page_turned_a_quarter_is_not_cut_as_a_spread(tmp_path: Path) -> None:
    """A typewritten certificate scanned sideways lies landscape with a blank band down its middle (between its
    lines): cut there, both halves read sideways, which a spread's pages never are. It is read whole, upright."""
    from samples.generate import generate_document

    path = generate_document(tmp_path, 2501, "birth_certificate", "hard", 6, fmt="jpeg",
                             choices=["bc-1990s-numbered"])
    pages = read_pages(path, jobs=1)
    assert len(pages) == 1 and pages[0].preprocessing.split is None
    assert pages[0].height > pages[0].width and pages[0].rotation in (90, 270)
