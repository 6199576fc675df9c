"""The red round seal of the issuing authority and a blue handwritten-looking signature.

Both are drawn on a white layer and multiplied into the page, as ink on paper: the seal shows the
signature through it. Seal text is not recorded in the page text (OCR does not read curved text).
"""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from samples.canvas import Page, _font

SEAL_RED = (205, 35, 45)
SIGN_BLUE = (25, 45, 150)


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color: tuple[int, int, int]) -> None:
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.4
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=color)


def seal_layer(page: Page, text: str, rng: random.Random, diameter_mm: float = 34.0) -> Image.Image:
    """A round seal as an RGB image on white: two rings, the authority's name around, a star inside."""
    size = page.px(diameter_mm) + 4
    layer = Image.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(layer)
    c = size / 2
    r = page.px(diameter_mm / 2)
    ring = max(2, page.px(0.9))
    draw.ellipse((c - r, c - r, c + r, c + r), outline=SEAL_RED, width=ring)
    inner = r - page.px(6.2)
    draw.ellipse((c - inner, c - inner, c + inner, c + inner), outline=SEAL_RED, width=max(1, page.px(0.4)))
    _star(draw, c, c, inner * 0.55, SEAL_RED)

    chars = list(text.upper() + " * ")
    text_r = r - page.px(3.9)
    step = 2 * math.pi / len(chars)
    char_px = min(page.px(3.0), int(text_r * step * 1.25))
    font = _font("bold", max(6, char_px))
    for i, ch in enumerate(chars):
        angle = -math.pi / 2 + i * step  # clockwise from the top
        glyph = Image.new("L", (page.px(4.5), page.px(4.5)), 0)
        ImageDraw.Draw(glyph).text((glyph.width / 2, glyph.height / 2), ch, font=font, fill=255, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle + math.pi / 2), resample=Image.Resampling.BICUBIC)
        gx = c + text_r * math.cos(angle) - glyph.width / 2
        gy = c + text_r * math.sin(angle) - glyph.height / 2
        layer.paste(Image.new("RGB", glyph.size, SEAL_RED), (round(gx), round(gy)), glyph)

    # Uneven ink: lighten random patches.
    np_rng = np.random.default_rng(rng.randrange(2**32))
    patches = np_rng.random((8, 8)).astype(np.float32)
    mask = np.asarray(Image.fromarray((patches * 255).astype(np.uint8)).resize(layer.size, Image.Resampling.BICUBIC),
                      dtype=np.float32) / 255.0
    arr = np.asarray(layer, dtype=np.float32)
    fade = 0.35 + 0.65 * np.clip(mask * 1.4, 0, 1)
    arr = 255 - (255 - arr) * fade[..., None]
    layer = Image.fromarray(arr.astype(np.uint8))
    return layer.rotate(rng.uniform(-25, 25), resample=Image.Resampling.BICUBIC, fillcolor=(255, 255, 255))


def _catmull_rom(points: list[tuple[float, float]], steps: int = 10) -> list[tuple[float, float]]:
    """A smooth curve through the points (uniform Catmull-Rom spline), for hand-drawn strokes."""

    def blend(a: float, b: float, c: float, d: float, t: float) -> float:
        return 0.5 * (2 * b + (c - a) * t + (2 * a - 5 * b + 4 * c - d) * t * t + (3 * b - a - 3 * c + d) * t ** 3)

    padded = [points[0], *points, points[-1]]
    curve: list[tuple[float, float]] = []
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1], padded[i], padded[i + 1], padded[i + 2]
        for k in range(steps):
            t = k / steps
            curve.append((blend(p0[0], p1[0], p2[0], p3[0], t), blend(p0[1], p1[1], p2[1], p3[1], t)))
    curve.append(points[-1])
    return curve


def signature_layer(page: Page, rng: random.Random, width_mm: float = 38.0, height_mm: float = 16.0) -> Image.Image:
    """A handwritten-looking blue signature: a tall initial, a run of cursive strokes of varying height with
    the odd loop, then a flourish that sweeps back under the name."""
    w, h = page.px(width_mm), page.px(height_mm)
    layer = Image.new("RGB", (w, h), (255, 255, 255))
    draw = ImageDraw.Draw(layer)
    stroke = max(2, page.px(0.4))
    x, y = w * rng.uniform(0.04, 0.1), h * rng.uniform(0.6, 0.75)
    points = [(x, y), (x + w * 0.04, h * rng.uniform(0.05, 0.15)), (x + w * 0.02, h * 0.7)]
    x += w * 0.05
    for k in range(rng.randint(5, 9)):
        x += w * rng.uniform(0.04, 0.1)
        top = k % 2 == 0
        y = h * (rng.uniform(0.2, 0.45) if top else rng.uniform(0.55, 0.72))
        points.append((x, y))
        if top and rng.random() < 0.3:  # a small loop
            points += [(x - w * 0.03, y + h * 0.12), (x + w * 0.01, y + h * 0.2)]
        if x > w * 0.78:
            break
    end = (min(w * 0.97, x + w * 0.08), h * rng.uniform(0.3, 0.5))
    points.append(end)
    draw.line(_catmull_rom(points), fill=SIGN_BLUE, width=stroke, joint="curve")
    sweep = [end, (w * rng.uniform(0.5, 0.7), h * 0.86), (w * rng.uniform(0.15, 0.3), h * 0.84),
             (w * rng.uniform(0.45, 0.6), h * rng.uniform(0.72, 0.8)), (w * rng.uniform(0.85, 0.97), h * 0.7)]
    draw.line(_catmull_rom(sweep), fill=SIGN_BLUE, width=max(2, stroke - 1), joint="curve")
    return layer.filter(ImageFilter.GaussianBlur(0.6))


def multiply(page: Page, layer: Image.Image, x_mm: float, y_mm: float) -> None:
    """Multiply an ink layer (RGB on white) into the page with its top-left corner at (x, y) mm."""
    x, y = page.px(x_mm), page.px(y_mm)
    box = (x, y, x + layer.width, y + layer.height)
    region = page.image.crop(box)
    page.image.paste(ImageChops.multiply(region, layer), box)


def sign_and_seal(page: Page, cx_mm: float, top_mm: float, seal_text: str, rng: random.Random,
                  seal: bool = True) -> None:
    """A signature centred at cx in the signing space below ``top_mm``, the seal over its left part."""
    sig = signature_layer(page, rng)
    multiply(page, sig, cx_mm - 17 + rng.uniform(-3, 3), top_mm + 6 + rng.uniform(-1.5, 1.5))
    if seal:
        stamp = seal_layer(page, seal_text, rng, diameter_mm=rng.uniform(30, 33))
        d = stamp.width * 25.4 / page.dpi
        multiply(page, stamp, cx_mm - d * 0.9 + rng.uniform(-2, 2), top_mm - 3 + rng.uniform(-1.5, 1))
