"""Small test images: strips of a few printed Vietnamese lines, as crops and screenshots come."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from tests.pipeline.page_images import font

STRIP_LINES = ["Ủy ban nhân dân phường Hồng Gai xác nhận ông Nguyễn Văn Thuỷ",
               "hiện cư trú tại Tổ 5, khu 3, phường Hồng Gai, tỉnh Quảng Ninh."]


def strip(lines: list[str] | None = None, size: int = 18, width: int = 760, ink=(20, 20, 24),
          paper=(255, 255, 255), skew: float = 0.0) -> np.ndarray:
    """An RGB strip of ``lines`` printed at ``size`` px, ``width`` px wide (as a 72-dpi crop of a page)."""
    lines = lines or STRIP_LINES
    pitch = int(size * 1.5)
    image = Image.new("RGB", (width, 2 * 12 + pitch * len(lines)), paper)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((12, 12 + i * pitch + size), line, font=font(size), fill=ink, anchor="ls")
    if skew:
        image = image.rotate(skew, resample=Image.BICUBIC, fillcolor=paper, expand=True)
    return np.asarray(image)
