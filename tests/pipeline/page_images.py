"""Test pages rendered with a real Vietnamese-capable font: the text is known, so OCR can be checked."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
]

LINES = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "GIẤY KHAI SINH",
    "Họ, chữ đệm, tên: NGUYỄN THỊ THU HƯƠNG",
    "Ngày, tháng, năm sinh: 15/06/1980",
    "Ghi bằng chữ: Ngày mười lăm, tháng sáu, năm một nghìn chín trăm tám mươi",
    "Giới tính: Nữ    Dân tộc: Kinh    Quốc tịch: Việt Nam",
    "Nơi sinh: Trạm Y tế xã Hạ Long, tỉnh Quảng Ninh",
    "Quê quán: xã Vân Đồn, tỉnh Quảng Ninh",
    "Họ, chữ đệm, tên người mẹ: TRẦN THỊ HOÀ",
    "Họ, chữ đệm, tên người cha: NGUYỄN VĂN THUỶ",
    "Nơi cư trú: phường Hồng Gai, tỉnh Quảng Ninh",
]
PAPER = (246, 241, 226)


def font(size: int) -> ImageFont.FreeTypeFont:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    raise RuntimeError("no font with Vietnamese glyphs installed")


def render_page(dpi: int = 200, lines: list[str] | None = None, seal: bool = True) -> Image.Image:
    """An A4 page of typed Vietnamese lines (12 pt) on slightly yellow paper, with a red seal."""
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    image = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    face = font(int(13 / 72 * dpi))
    y = int(1.2 * dpi)
    for line in lines or LINES:
        draw.text((int(0.9 * dpi), y), line, fill=(25, 25, 35), font=face)
        y += int(0.42 * dpi)
    if seal:
        cx, cy, r = int(5.6 * dpi), int(9.2 * dpi), int(0.75 * dpi)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(200, 30, 40), width=max(3, dpi // 40))
    return image


def turned(image: Image.Image, clockwise: int = 0, skew: float = 0.0) -> Image.Image:
    """The page turned clockwise by a quarter-turn multiple, then skewed (positive: lines rise to the right)."""
    out = image.rotate(-clockwise, expand=True) if clockwise else image
    if skew:
        out = out.rotate(skew, resample=Image.BICUBIC, fillcolor=PAPER)
    return out


def noisy(image: Image.Image, seed: int = 0, sigma: float = 8.0) -> Image.Image:
    arr = np.asarray(image).astype(np.int16)
    arr += np.random.default_rng(seed).normal(0, sigma, arr.shape).astype(np.int16)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
