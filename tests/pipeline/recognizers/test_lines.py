"""The text-line finder: one box per printed line, top to bottom, rules not taken for text."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from pipeline.recognizers.lines import find_lines, find_lines_scaled
from samples.canvas import font_path

LINES = ["Ủy ban nhân dân phường Hồng Gai", "thành phố Hạ Long, tỉnh Quảng Ninh", "xác nhận ông Nguyễn Văn Hùng"]


def page(ruled: bool = False, size: int = 28) -> np.ndarray:
    font = ImageFont.truetype(str(font_path("regular")), size)
    image = Image.new("L", (900, 60 + 2 * size * len(LINES)), 250)
    draw = ImageDraw.Draw(image)
    for i, text in enumerate(LINES):
        y = 30 + 2 * size * i + size
        draw.text((40, y), text, font=font, fill=20, anchor="ls")
        if ruled:
            draw.line((10, y + size // 2, 890, y + size // 2), fill=60, width=2)
    return np.asarray(image)


def test_one_box_per_line_top_to_bottom() -> None:
    boxes = find_lines(page())
    assert len(boxes) == len(LINES)
    assert [b[1] for b in boxes] == sorted(b[1] for b in boxes)
    for box in boxes:  # each box spans its line's letters (the tone marks above included)
        assert box[0] <= 45 and box[2] >= 400 and box[3] - box[1] < 2.5 * 28


def test_rules_under_the_lines_are_no_text() -> None:
    boxes = find_lines(page(ruled=True))
    assert len(boxes) == len(LINES)
    assert all(b[2] < 880 for b in boxes)  # the rules run to 890: a box that far right would hold one


def test_a_large_scan_is_looked_at_smaller_with_the_same_lines() -> None:
    big = np.asarray(Image.fromarray(page(size=28)).resize((2700, 3 * page().shape[0])))
    boxes, mark_height = find_lines_scaled(big, word_height=100)
    assert len(boxes) == len(LINES) and mark_height > 30
    assert max(b[2] for b in boxes) > 1200  # boxes in the big image's pixels


def test_a_blank_page_has_no_lines() -> None:
    assert find_lines(np.full((600, 500), 240, dtype=np.uint8)) == []
