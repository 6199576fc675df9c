"""Images the recognizer tests read: a small JPEG crop whose last line Tesseract drops, a handwritten paragraph
page of a tuning hand, a printed line."""

from __future__ import annotations

import io
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from samples.canvas import font_path
from samples.handwriting import TUNING
from samples.handwritten_pages import page
from samples.realistic import wrap

# Sentences of samples.realistic: the crop holds them in 9-pixel type, as a screenshot shrunk for a chat.
CROP_TEXT = ("Công chức tư pháp - hộ tịch kiểm tra hồ sơ, nếu thấy đủ điều kiện thì ghi vào Sổ hộ tịch. "
             "Chứng thực chữ ký của người dịch trong các giấy tờ, văn bản từ tiếng nước ngoài sang tiếng Việt.")


def small_jpeg_crop(text: str = CROP_TEXT, size: int = 9, width: int = 640, quality: int = 35
                    ) -> tuple[np.ndarray, list[str]]:
    """A crop of tiny sans-serif type saved as a poor JPEG: the RGB pixels and its lines."""
    font = ImageFont.truetype(str(font_path("sans")), size)
    lines = wrap(text, font, width - 40)
    pitch = int(size * 1.5)
    image = Image.new("RGB", (width, pitch * len(lines) + 20), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((10, 10 + pitch * i + size), line, font=font, fill=(0, 0, 0), anchor="ls")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")), lines


def handwritten_page(seed: str = "recognizer-test", hand: int = 1) -> tuple[np.ndarray, str]:
    """A paragraph page by a tuning hand (samples.handwritten_pages), 150 dpi: RGB pixels and its text."""
    image, text = page(TUNING[hand], random.Random(seed))
    return np.asarray(image), text


def printed_line(text: str, size: int = 40) -> np.ndarray:
    font = ImageFont.truetype(str(font_path("regular")), size)
    image = Image.new("L", (int(font.getlength(text)) + 40, size + 30), 245)
    ImageDraw.Draw(image).text((20, 10), text, font=font, fill=20)
    return np.asarray(image)
