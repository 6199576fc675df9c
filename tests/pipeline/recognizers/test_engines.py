"""Both engines behind the one interface, the configuration that picks the second, the model loaded once."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pipeline.config import load_settings, settings
from pipeline.recognizers import choice
from pipeline.recognizers.base import Recognizer
from pipeline.recognizers.fallback import proportional_words
from pipeline.recognizers.onnx_line import OnnxLine
from pipeline.recognizers.tesseract_line import TesseractLineRecognizer
from tests.pipeline.recognizers.images import printed_line

TEXT = "Nguyễn Thị Hằng"


@pytest.mark.parametrize("engine", [TesseractLineRecognizer, choice.line_recognizer])
def test_each_engine_reads_a_line_with_its_confidences(engine) -> None:
    recognizer: Recognizer = engine()
    line = recognizer.read_line(printed_line(TEXT))
    assert line.text == TEXT
    assert 0.7 < line.confidence <= 1.0
    assert len(line.char_confidences) == len(line.text)


def test_a_line_longer_than_the_graph_holds_is_read_in_parts() -> None:
    # The ONNX graph's positional encoding holds 256 frames (1024 px at 32 px high): longer lines are cut.
    text = "Ủy ban nhân dân phường Hồng Gai thành phố Hạ Long tỉnh Quảng Ninh xác nhận ông Nguyễn Văn Hùng"
    line = choice.line_recognizer().read_line(printed_line(text, size=36))
    assert line.text.split()[0] == "Ủy" and line.text.split()[-1] == "Hùng"
    assert len(line.char_confidences) == len(line.text)


def test_the_model_is_loaded_once_per_process() -> None:
    assert choice.line_recognizer() is choice.line_recognizer()
    assert isinstance(choice.line_recognizer(), OnnxLine)


def test_the_configuration_picks_the_second_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOHOA_SECOND_RECOGNIZER", "off")
    settings.cache_clear()
    assert choice.second_recognizer() is None
    monkeypatch.setenv("SOHOA_SECOND_RECOGNIZER", "ON")
    settings.cache_clear()
    assert choice.second_recognizer() is choice.line_recognizer()
    monkeypatch.setenv("SOHOA_SECOND_RECOGNIZER", "maybe")
    with pytest.raises(ValidationError):
        load_settings()
    settings.cache_clear()


def test_words_of_a_line_get_boxes_in_proportion_to_their_characters() -> None:
    line = choice.line_recognizer().read_line(printed_line(TEXT))
    words = proportional_words(line, (100, 50, 100 + 10 * len(TEXT), 90), line_index=3, block=900)
    assert [w.text for w in words] == TEXT.split()
    assert [w.bbox[0] for w in words] == [100, 170, 210]  # 10 px a character, spaces counted
    assert all(w.bbox[1] == 50 and w.bbox[3] == 90 and w.line == 3 for w in words)
    assert words[-1].bbox[2] == 100 + 10 * len(TEXT)
