"""Empty, printed or handwritten: printed type against the generator's hands (tuning hands only)."""

from __future__ import annotations

import random

import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.icr.recognizer import OnnxLineRecognizer
from pipeline.icr.script import classify
from samples.handwriting import INKS, TUNING, render

TEXTS = ["Nguyễn Thị Hằng", "xã Đông Ngũ, huyện Tiên Yên", "Ngày mười lăm tháng ba", "Trần Văn Minh"]
FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"


@pytest.fixture(scope="module")
def recognizer() -> OnnxLineRecognizer:
    return OnnxLineRecognizer()


def printed(text: str) -> Image.Image:
    font = ImageFont.truetype(FONT, 26)
    image = Image.new("L", (int(font.getlength(text)) + 20, 48), 235)
    ImageDraw.Draw(image).text((10, 8), text, font=font, fill=30)
    return image


def test_printed_and_handwritten_lines_told_apart(recognizer):
    rng = random.Random(4)
    for text in TEXTS:
        image = printed(text)
        assert classify(image, recognizer.read(image).greedy()).kind == "printed", text
    hands = [classify(im, recognizer.read(im).greedy()).kind
             for im in (render(t, h, rng, INKS["blue"]) for t in TEXTS for h in TUNING[:2])]
    assert hands.count("handwritten") >= len(hands) - 1


def test_a_blank_cell_is_empty_and_ok(recognizer):
    from extractors.constrained.reader import CellReader

    blank = Image.new("RGB", (240, 50), (236, 228, 208))
    result = CellReader(recognizer).read(blank, "name")
    assert (result.script, result.value, result.status) == ("empty", None, "ok")
