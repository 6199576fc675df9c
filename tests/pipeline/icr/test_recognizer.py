"""The bundled ONNX recognizer: found without importing its package, reads a rendered line, opens no socket."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.icr.model_file import model_files
from pipeline.icr.recognizer import OnnxLineRecognizer
from tests.pipeline.no_network import forbid_network

FONT = "/usr/share/fonts/truetype/freefont/FreeSerifItalic.ttf"


def line(text: str, size: int = 40) -> Image.Image:
    font = ImageFont.truetype(FONT, size)
    image = Image.new("L", (font.getbbox(text)[2] + 40, size + 30), 235)
    ImageDraw.Draw(image).text((20, 10), text, font=font, fill=30)
    return image


@pytest.fixture(scope="module")
def recognizer() -> OnnxLineRecognizer:
    return OnnxLineRecognizer()


def test_model_found_without_running_the_package():
    code = ("import sys; from pipeline.icr.recognizer import OnnxLineRecognizer; OnnxLineRecognizer(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'asterocr'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "[]"
    files = model_files()
    assert files.onnx.name == "asternet.onnx" and files.chars[0] == "<blank>" and len(files.chars) == 227


def test_reads_a_line_with_its_frame_probabilities(recognizer):
    reading = recognizer.read(line("Nguyễn Thị Hằng"))
    assert reading.greedy() == "Nguyễn Thị Hằng"
    assert reading.probs.shape[1] == len(reading.chars)
    assert abs(reading.probs.sum(axis=1) - 1).max() < 1e-6
    white_on_black = Image.eval(line("Quảng Ninh"), lambda v: 255 - v)
    assert recognizer.read(white_on_black).greedy() == "Quảng Ninh"


def test_reading_opens_no_network_connection(monkeypatch):
    forbid_network(monkeypatch)
    from extractors.constrained.reader import CellReader

    result = CellReader(OnnxLineRecognizer()).read(line("Kinh"), "ethnicity")
    assert result.value == "Kinh"
