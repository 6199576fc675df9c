"""Drawing pieces of the ID cards (85.6 x 54 mm): backgrounds (the chip cards' waves, the CMND's green
guilloche), the national emblem, photo, QR code, chip, barcode, fingerprint boxes, label/value lines, and laying
both sides out as a card scan or an A4 photocopy."""

from __future__ import annotations

import math
import random
from datetime import date

import numpy as np
import segno
from PIL import Image, ImageDraw

from samples.canvas import Page
from samples.vntext import date_figures

CARD = (85.6, 53.98)
RED = (200, 30, 35)
GUILLOCHE_GREEN = (120, 175, 135)


def waves(page: Page, tint: tuple[int, int, int], rng: random.Random) -> None:
    """The chip cards' background: soft interfering waves and rings in a pale tint."""
    w, h = page.image.size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) / page.px(1)
    phase = rng.uniform(0, 6.28)
    wave = np.sin(xx * 0.9 + 2.5 * np.sin(yy * 0.35 + phase)) * np.cos(yy * 0.7 - 1.5 * np.sin(xx * 0.2))
    ring = np.sin(np.hypot(xx - 55, yy - 30) * 1.4)
    mix = (0.5 + 0.25 * wave + 0.25 * ring)[..., None]
    base = np.array(tint, dtype=np.float32)
    light = 255 - (255 - base) * 0.35
    arr = light * (1 - mix * 0.5) + base * (mix * 0.5)
    page.image.paste(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)))


def guilloche(page: Page, ink: tuple[int, int, int], rng: random.Random, paper: tuple[int, int, int] = (236, 244, 232),
              centre: tuple[float, float] | None = None) -> None:
    """The old CMND's security print: fine rosette lines (a radius modulated by the angle) on pale paper."""
    w, h = page.image.size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) / page.px(1)
    cx, cy = centre or (page.width_mm * rng.uniform(0.45, 0.6), page.height_mm * rng.uniform(0.45, 0.6))
    radius = np.hypot(xx - cx, yy - cy)
    angle = np.arctan2(yy - cy, xx - cx)
    petals = rng.choice([12, 16, 18])
    field = np.sin(radius * 2.2 + 1.6 * np.sin(angle * petals))
    field += np.sin(radius * 1.3 - 1.2 * np.sin(angle * petals + 1))
    band = np.sin(xx * 0.55 + 2 * np.sin(yy * 0.4)) * 0.5
    lines = np.clip(1 - np.abs(field + band) * 2.8, 0, 1)[..., None] * 0.42
    paper_arr = np.array(paper, dtype=np.float32)
    arr = paper_arr * (1 - lines) + np.array(ink, dtype=np.float32) * lines
    page.image.paste(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)))


def emblem(page: Page, cx: float, cy: float, r: float) -> None:
    """The national emblem, simplified: a gold ring, a red disc and a yellow star."""
    d = page.draw
    x, y, rr = page.px(cx), page.px(cy), page.px(r)
    d.ellipse((x - rr, y - rr, x + rr, y + rr), fill=(220, 170, 40))
    d.ellipse((x - rr * 0.82, y - rr * 0.82, x + rr * 0.82, y + rr * 0.82), fill=RED)
    pts = []
    for i in range(10):
        radius = rr * (0.55 if i % 2 == 0 else 0.22)
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((x + radius * math.cos(a), y + radius * math.sin(a)))
    d.polygon(pts, fill=(250, 215, 60))


def photo(page: Page, x0: float, y0: float, x1: float, y1: float, rng: random.Random,
          backdrop: tuple[int, int, int] = (225, 232, 240)) -> None:
    """A portrait: head, hair and shoulders in a box."""
    page.rect(x0, y0, x1, y1, outline=(120, 120, 130), fill=backdrop, width=0.2)
    cx = (x0 + x1) / 2
    scale = (x1 - x0) / 17.5
    tone = rng.randint(60, 110)
    page.draw.ellipse((page.px(cx - 4.2 * scale), page.px(y0 + 4 * scale), page.px(cx + 4.2 * scale),
                       page.px(y0 + 14.5 * scale)), fill=(tone + 90, tone + 70, tone + 50))
    page.draw.ellipse((page.px(cx - 4.6 * scale), page.px(y0 + 3.2 * scale), page.px(cx + 4.6 * scale),
                       page.px(y0 + 8.5 * scale)), fill=(tone - 40, tone - 45, tone - 45))
    page.draw.chord((page.px(x0 + 1), page.px(y0 + 15 * scale), page.px(x1 - 1), page.px(y1 + 10 * scale)), 180, 360,
                    fill=(tone - 20, tone - 10, tone + 20))


def qr(page: Page, data: str, x: float, y: float, size_mm: float) -> None:
    """A real QR code of ``data`` with its quiet zone, on white."""
    code = segno.make(data, error="m", micro=False)
    rows = list(code.matrix)
    n = len(rows) + 8
    module = page.px(size_mm) / n
    page.rect(x, y, x + size_mm, y + size_mm, outline=None, fill=(255, 255, 255))
    ox, oy = page.px(x) + 4 * module, page.px(y) + 4 * module
    for r, row in enumerate(rows):
        for c, bit in enumerate(row):
            if bit:
                x0, y0 = round(ox + c * module), round(oy + r * module)
                x1, y1 = max(x0, round(ox + (c + 1) * module) - 1), max(y0, round(oy + (r + 1) * module) - 1)
                page.draw.rectangle((x0, y0, x1, y1), fill=0)


def chip(page: Page, x: float, y: float, w: float = 10.5, h: float = 8.5) -> None:
    """The contact plate of a chip card: gold with its six pads."""
    page.draw.rounded_rectangle((page.px(x), page.px(y), page.px(x + w), page.px(y + h)), radius=page.px(1.4),
                                fill=(214, 180, 96), outline=(150, 120, 60), width=max(1, page.px(0.15)))
    line = (150, 120, 60)
    page.vline(x + w / 2, y + 1.2, y + h - 1.2, 0.15, line)
    for k in (1, 2):
        page.hline(x, x + w * 0.38, y + h * k / 3, 0.15, line)
        page.hline(x + w * 0.62, x + w, y + h * k / 3, 0.15, line)
    page.rect(x + w * 0.38, y + h * 0.3, x + w * 0.62, y + h * 0.7, outline=line, width=0.15)


def barcode(page: Page, x: float, y: float, w: float, h: float, rng: random.Random) -> None:
    """A one-dimensional barcode (bars of random widths)."""
    page.rect(x - 1, y - 0.6, x + w + 1, y + h + 0.6, outline=None, fill=(255, 255, 255))
    cursor = x
    while cursor < x + w:
        bar = rng.choice([0.18, 0.18, 0.36, 0.54])
        if cursor + bar > x + w:
            break
        page.rect(cursor, y, cursor + bar, y + h, outline=None, fill=(15, 15, 15))
        cursor += bar + rng.choice([0.18, 0.36, 0.36, 0.54])


def fingerprints(page: Page, x: float, y: float, labels: tuple[str, str], box: tuple[float, float] = (13, 16.5),
                 gap: float = 1.5, pt: float = 4.2) -> None:
    """Two fingerprint boxes side by side with their captions below (captions not part of the page text)."""
    bw, bh = box
    for i, label in enumerate(labels):
        x0 = x + i * (bw + gap)
        page.rect(x0, y, x0 + bw, y + bh, outline=(110, 110, 120), fill=(238, 238, 238), width=0.15)
        for k in range(7):
            page.draw.arc((page.px(x0 + 2 + k * 0.5), page.px(y + 1.5 + k * 0.7), page.px(x0 + bw - 2 - k * 0.5),
                           page.px(y + bh - 2 - k * 0.6)), 200, 340, fill=(90, 90, 95), width=max(1, page.px(0.2)))
        page.text(x0 + bw / 2, y + bh + 2.5, label, "sans", pt, align="center", record=False)


def label_value(page: Page, x: float, y: float, label: str, value: str, x_end: float = 83, pt: float = 6.0,
                value_pt: float = 7.2, gap: float = 3.4, label_style: str = "sans", value_style: str = "sansbold",
                colon: str = ":") -> float:
    """``Label:`` in small type, the value after it on the same line (continuing below from x).
    Returns the baseline after the value."""
    end = page.text(x, y, label + colon, label_style, pt, record=False)
    lines = page.wrap(value, x_end - end - 1, x_end - x, value_style, value_pt)
    page.text(end + 1, y, lines[0], value_style, value_pt, record=False)
    page.record(f"{label}{colon} {lines[0]}", x, y)
    for line in lines[1:]:
        y += gap
        page.text(x, y, line, value_style, value_pt)
    return y + gap + 0.2


def label_above(page: Page, x: float, y: float, label: str, value: str, x_end: float = 83, pt: float = 5.2,
                value_pt: float = 7.0, gap: float = 3.1, label_style: str = "sans", value_style: str = "sansbold",
                colon: str = ":") -> float:
    """``Label:`` on its own line, the value on the lines below it. Returns the baseline after the value."""
    page.text(x, y, label + colon, label_style, pt)
    y += gap
    for line in page.wrap(value, x_end - x, x_end - x, value_style, value_pt):
        page.text(x, y, line, value_style, value_pt)
        y += gap
    return y + 0.2


def dotted_value(page: Page, x: float, y: float, label: str, value: str, x_end: float, pt: float,
                 value_style: str, value_pt: float, gap: float, label_style: str = "bold",
                 cont_x: float | None = None) -> float:
    """The old CMND's way: ``Label`` then the value over a dotted line to the card's edge, continuing on
    dotted lines below. Returns the baseline after the value."""
    end = page.text(x, y, label, label_style, pt, record=False)
    start = end + 1.2
    cont = x if cont_x is None else cont_x
    lines = page.wrap(value, x_end - start, x_end - cont, value_style, value_pt)
    page.text(start, y + 0.2, lines[0], value_style, value_pt, record=False)
    page.record(f"{label} {lines[0]}", x, y)
    _dotted_rule(page, start, x_end, y + 0.7)
    for line in lines[1:]:
        y += gap
        page.text(cont, y + 0.2, line, value_style, value_pt)
        _dotted_rule(page, cont, x_end, y + 0.7)
    return y + gap


def _dotted_rule(page: Page, x0: float, x1: float, y: float) -> None:
    step, dot = 0.7, max(1, page.px(0.12))
    x = x0
    while x < x1:
        px, py = page.px(x), page.px(y)
        page.draw.rectangle((px, py, px + dot - 1, py + dot - 1), fill=(90, 110, 95))
        x += step


def expiry_text(expiry_date: str | None) -> str:
    """The printed expiry: the date in figures, or "Không thời hạn" for a card that never expires."""
    return date_figures(date.fromisoformat(expiry_date)) if expiry_date else "Không thời hạn"


def paste_card(target: Page, card: Page, x: float, y: float) -> None:
    """Paste a card side with rounded corners and a faint shadow; its text pieces move with it."""
    mask = Image.new("L", card.image.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, card.image.width - 1, card.image.height - 1),
                                           radius=card.px(3.2), fill=255)
    shadow = Image.new("RGB", card.image.size, (150, 150, 150))
    target.image.paste(shadow, (target.px(x + 0.4), target.px(y + 0.5)), mask)
    target.image.paste(card.image, (target.px(x), target.px(y)), mask)
    target.pieces.extend((py + y, px + x, text) for py, px, text in card.pieces)


def lay_out(front: Page, back: Page, copy: bool, dpi: int, rng: random.Random) -> Page:
    """Both sides on one page: photocopied onto A4 (front above back), or on a scanner bed."""
    if copy:
        page = Page(210, 297, dpi)
        x = rng.uniform(50, 68)
        paste_card(page, front, x, 24 + rng.uniform(0, 6))
        paste_card(page, back, x, 90 + rng.uniform(0, 8))
        return page
    page = Page(CARD[0] + 16, CARD[1] * 2 + 22, dpi, paper=(232, 232, 228))
    paste_card(page, front, 8, 7)
    paste_card(page, back, 8, CARD[1] + 15)
    return page
