"""Tesseract in-process: the words of a rendered page with their diacritics and boxes, OSD's way up, one engine
per thread, and a clear error when the language data is missing."""

from __future__ import annotations

import threading
import unicodedata

import cv2
import numpy as np
import pytest

from pipeline import tesseract
from pipeline.ocr import ocr_page, page_text
from tests.pipeline.page_images import render_page

DPI = 200
GREY = cv2.cvtColor(np.asarray(render_page(dpi=DPI, seal=False)), cv2.COLOR_RGB2GRAY)


def test_words_with_diacritics_boxes_and_confidences() -> None:
    words, lines = ocr_page(GREY, DPI)
    text = page_text(lines)
    assert "NGUYỄN THỊ THU HƯƠNG" in text
    assert "Quốc tịch: Việt Nam" in text
    assert text == unicodedata.normalize("NFC", text)
    height, width = GREY.shape
    for word in words:
        x0, y0, x1, y1 = word.bbox
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height
        assert 0.0 <= word.conf <= 1.0
    # The title's box is where the title is: near the top, in the middle.
    title = next(w for w in words if w.text == "GIẤY")
    assert title.bbox[1] < height / 3


def test_the_same_words_as_the_tesseract_command() -> None:
    import pytesseract

    ours = " ".join(page_text(ocr_page(GREY, DPI)[1]).split())
    theirs = " ".join(pytesseract.image_to_string(GREY, lang="vie", config=f"--psm 3 --dpi {DPI}").split())
    assert ours == unicodedata.normalize("NFC", theirs)


@pytest.mark.parametrize("clockwise", [0, 90, 180, 270])
def test_osd_says_how_far_to_turn_back(clockwise: int) -> None:
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    image = cv2.rotate(GREY, codes[clockwise]) if clockwise else GREY
    found = tesseract.orientation(image, DPI)
    assert found is not None
    turn, confidence = found
    assert turn == (360 - clockwise) % 360
    assert confidence >= 2.0


def test_blank_page_gives_no_words_and_no_orientation() -> None:
    blank = np.full((800, 600), 255, dtype=np.uint8)
    assert ocr_page(blank, DPI) == ([], [])
    assert tesseract.orientation(blank, DPI) is None


def test_each_thread_reads_with_its_own_engine() -> None:
    expected = page_text(ocr_page(GREY, DPI)[1])
    results: list[str] = []
    engines: list[int] = []

    def read() -> None:
        results.append(page_text(ocr_page(GREY, DPI)[1]))
        engines.append(id(tesseract._engines.by_lang["vie"]))

    threads = [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected, expected]
    assert len(set(engines)) == 2


def test_missing_language_data_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    monkeypatch.setattr(tesseract, "TESSDATA_FOLDERS", ())
    tesseract.tessdata.cache_clear()
    try:
        with pytest.raises(tesseract.TesseractUnavailable, match="tesseract-ocr-vie"):
            tesseract.tessdata()
    finally:
        tesseract.tessdata.cache_clear()


def test_a_300_dpi_page_is_read_at_200_dpi_with_its_own_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.ocr

    monkeypatch.setattr(pipeline.ocr, "OCR_MAX_DPI", 250)  # off by default (pipeline/ocr.py); when set:
    fine = cv2.cvtColor(np.asarray(render_page(dpi=300, seal=False)), cv2.COLOR_RGB2GRAY)
    seen: list[tuple[tuple[int, ...], int | None]] = []
    read = tesseract.image_to_data

    def watched(grey, dpi, *args, **kwargs):
        seen.append((grey.shape, dpi))
        return read(grey, dpi, *args, **kwargs)

    monkeypatch.setattr(tesseract, "image_to_data", watched)
    words, lines = ocr_page(fine, 300)
    [(shape, dpi)] = seen
    assert dpi == 200 and abs(shape[0] - fine.shape[0] * 2 / 3) <= 1
    assert "NGUYỄN THỊ THU HƯƠNG" in page_text(lines)
    # Boxes in the 300-dpi page's pixels: the title where it is on the 200-dpi rendering, scaled by 3/2.
    title = next(w for w in words if w.text == "GIẤY")
    title_200 = next(w for w in ocr_page(GREY, DPI)[0] if w.text == "GIẤY")
    for ours, theirs in zip(title.bbox, title_200.bbox, strict=True):
        assert abs(ours - theirs * 1.5) <= 6
    height, width = fine.shape
    assert all(0 <= w.bbox[0] < w.bbox[2] <= width and 0 <= w.bbox[1] < w.bbox[3] <= height for w in words)


def test_by_default_a_300_dpi_page_is_read_at_its_own_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    fine = cv2.cvtColor(np.asarray(render_page(dpi=300, seal=False)), cv2.COLOR_RGB2GRAY)
    seen: list[int | None] = []
    read = tesseract.image_to_data

    def watched(grey, dpi, *args, **kwargs):
        seen.append(dpi)
        return read(grey, dpi, *args, **kwargs)

    monkeypatch.setattr(tesseract, "image_to_data", watched)
    ocr_page(fine, 300)
    assert seen == [300]
