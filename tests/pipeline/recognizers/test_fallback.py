"""The second reading in pipeline.reading: a crop whose line Tesseract drops and a handwritten page are read
again line by line (real Tesseract, the real ONNX model); a good A4 page is not; no network connection is opened;
SOHOA_SECOND_RECOGNIZER=off turns it off."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import pipeline.reading as reading
from pipeline.config import settings
from pipeline.evaluation.scoring import page_edits
from pipeline.ocr import page_text
from pipeline.recognizers.base import LineText
from pipeline.recognizers.choice import line_recognizer
from pipeline.recognizers.fallback import SECOND_BLOCK
from tests.pipeline.no_network import forbid_network
from tests.pipeline.recognizers.images import handwritten_page, small_jpeg_crop

COMMITTED = Path(__file__).resolve().parents[3] / "samples" / "committed"


class Counted:
    """The real ONNX line recognizer, counting the lines it is asked to read."""

    def __init__(self) -> None:
        self.inner = line_recognizer()
        self.name = self.inner.name
        self.calls = 0

    def read_line(self, grey: np.ndarray) -> LineText:
        self.calls += 1
        return self.inner.read_line(grey)


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> Counted:
    counted = Counted()
    monkeypatch.setattr(reading, "second_recognizer", lambda: counted)
    return counted


@pytest.fixture
def second_off(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SOHOA_SECOND_RECOGNIZER", "off")
    settings.cache_clear()
    yield
    settings.cache_clear()


def cer(page: reading.PageReading, truth: str) -> float:
    edits, chars = page_edits(page_text(page.lines), truth)
    return edits / chars


def test_a_line_tesseract_drops_from_a_crop_is_read_by_the_second_engine(engine: Counted) -> None:
    rgb, lines = small_jpeg_crop()
    page = reading.read_page(rgb, 72)
    notes = page.prepared.notes
    assert notes.second_reading == "missed-lines"
    assert notes.lines_by_engine[engine.name] >= 1 and sum(notes.lines_by_engine.values()) == 2
    assert engine.calls <= 2  # the line Tesseract read nothing in (and the other only if it was read doubtfully)
    added = [w for w in page.words if w.block == SECOND_BLOCK]
    assert {"ngoài", "sang"} <= {w.text for w in added}  # the dropped line: "bản từ tiếng nước ngoài sang ..."
    line = page.lines[-1]  # the dropped line is the crop's last
    members = [page.words[i] for i in line.words]
    assert all(w.block == SECOND_BLOCK for w in members) and "ngoài" in line.text
    assert all(line.bbox[0] <= w.bbox[0] < w.bbox[2] <= line.bbox[2] for w in members)
    assert [w.bbox[0] for w in members] == sorted(w.bbox[0] for w in members)
    assert line.bbox[1] > page.lines[0].bbox[1]
    assert cer(page, "\n".join(lines)) < 0.2


def test_without_the_second_engine_the_crop_loses_its_line(second_off) -> None:
    rgb, lines = small_jpeg_crop()
    page = reading.read_page(rgb, 72)
    assert page.prepared.notes.second_reading is None and page.prepared.notes.lines_by_engine == {}
    assert "ngoài" not in page_text(page.lines)
    assert cer(page, "\n".join(lines)) > 0.25


def test_a_handwritten_page_is_read_line_by_line(engine: Counted, monkeypatch: pytest.MonkeyPatch) -> None:
    forbid_network(monkeypatch)
    rgb, text = handwritten_page()
    page = reading.read_page(rgb, 150)
    notes = page.prepared.notes
    assert notes.second_reading == "low-confidence"
    assert notes.lines_by_engine[engine.name] >= len(text.splitlines()) - 2
    assert cer(page, text) < 0.15
    assert all(w.bbox[2] > w.bbox[0] and w.bbox[3] > w.bbox[1] for w in page.words)


def test_the_handwritten_page_reads_worse_with_the_second_engine_off(second_off) -> None:
    rgb, text = handwritten_page()
    page = reading.read_page(rgb, 150)
    assert page.prepared.notes.second_reading is None
    assert cer(page, text) > 0.15


@pytest.mark.slow
def test_a_good_a4_page_never_calls_the_second_engine(engine: Counted) -> None:
    scans = sorted(COMMITTED.rglob("*.png"))[:2]
    assert scans, "samples/committed holds the committed A4 scans"
    for path in scans:
        image = Image.open(path)
        dpi = int(round(image.info.get("dpi", (200, 200))[0]))
        page = reading.read_page(np.asarray(image.convert("RGB")), dpi)
        assert page.confidence >= 0.85
        assert page.prepared.notes.second_reading is None
    assert engine.calls == 0


def test_a_good_page_does_not_even_load_the_second_engines_model() -> None:
    from pipeline.recognizers import choice

    choice.line_recognizer.cache_clear()
    path = sorted(COMMITTED.rglob("*.png"))[0]
    image = Image.open(path)
    page = reading.read_page(np.asarray(image.convert("RGB")), int(round(image.info.get("dpi", (200, 200))[0])))
    assert page.prepared.notes.second_reading is None
    assert choice.line_recognizer.cache_info().currsize == 0  # the ONNX session (41 MB, 0.8 s) never made
