"""Pieces shared by the Ministry of Justice print-outs: national header, title, Số / Quyển số, date line,
signer block with seal and signature. Coordinates are millimetres on A4 portrait (210 x 297)."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from datetime import date

from samples.canvas import Page
from samples.doc import Doc
from samples.stamp import sign_and_seal
from samples.vntext import date_long

A4 = (210.0, 297.0)
LEFT = 20.0
RIGHT = 192.0
PT = 13.0
LINE = 7.4


def national_header(page: Page, authority_lines: list[str], y: float = 17.0) -> float:
    """Left: issuing authority; right: the national motto. Returns the baseline below the header."""
    lx, rx = 57.0, 136.0
    page.text(lx, y, authority_lines[0], "regular", 12.5, align="center")
    yy = y
    for line in authority_lines[1:]:
        yy += 5.6
        page.text(lx, yy, line, "bold", 12.5, align="center")
    w = min(page.width(authority_lines[-1], "bold", 12.5), 40)
    page.hline(lx - w / 4, lx + w / 4, yy + 2.2)
    page.text(rx, y, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold", 12.5, align="center")
    page.text(rx, y + 5.6, "Độc lập - Tự do - Hạnh phúc", "bold", 13.5, align="center")
    motto_w = page.width("Độc lập - Tự do - Hạnh phúc", "bold", 13.5)
    page.hline(rx - motto_w / 2, rx + motto_w / 2, y + 7.8)
    return max(yy, y + 5.6) + 8


def title(page: Page, y: float, text: str, pt: float = 16.5) -> float:
    page.text(105.0, y, text, "bold", pt, align="center")
    return y + 9


def number_book(page: Page, y: float, number: str, book: str | None) -> float:
    """'Số: 125' on the left half and 'Quyển số: 01/2024' on the right half of one line."""
    page.field(LEFT + 20, y, "Số", number, 95.0, PT)
    if book is not None:
        page.field(118.0, y, "Quyển số", book, 180.0, PT)
    return y + LINE + 3


def place_date(page: Page, cx: float, y: float, place: str, when: date) -> float:
    page.text(cx, y, f"{place}, {date_long(when)}", "italic", PT, align="center")
    return y + LINE


def signer_block(page: Page, cx: float, y: float, heading: list[str], hint: str | None, signer: str,
                 seal_text: str, rng: random.Random, seal: bool = True) -> float:
    """Signer heading lines, the hint in italics, signature with seal, then the signer's printed name."""
    for line in heading:
        page.text(cx, y, line, "bold", PT, align="center")
        y += 5.8
    if hint:
        page.text(cx, y, hint, "italic", 11.5, align="center")
        y += 5.2
    sign_and_seal(page, cx, y, seal_text, rng, seal)
    y += 35
    page.text(cx, y, signer, "bold", PT, align="center")
    return y + LINE


def signer_heading(rng: random.Random, default: str) -> list[str]:
    return rng.choice([[default], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                       ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]])


def three_fields(page: Page, y: float, items: list[tuple[str, str | None]], xs: list[float],
                 end: float = RIGHT, pt: float = PT) -> float:
    """Several short label/value pairs on one line (Giới tính … Dân tộc … Quốc tịch …)."""
    bounds = [*xs[1:], end]
    for (label, value), x0, x1 in zip(items, xs, bounds, strict=True):
        page.field(x0, y, label, value or "", x1 - 2, pt)
    return y + LINE


def decorative_border(page: Page, color: tuple[int, int, int], rng: random.Random) -> None:
    """The printed frame of an original certificate: two rules with a woven wave band between them, and a
    faint emblem (circle and star) watermark in the middle of the page."""
    w, h = page.width_mm, page.height_mm
    outer, inner = 7.0, 11.5
    page.rect(outer, outer, w - outer, h - outer, outline=color, width=0.6)
    page.rect(inner, inner, w - inner, h - inner, outline=color, width=0.3)
    mid = (outer + inner) / 2
    amp = (inner - outer) / 2 - 0.6
    phase = rng.uniform(0, math.pi)
    width = max(1, page.px(0.18))
    for sign in (1, -1):
        for edge in ("top", "bottom", "left", "right"):
            horizontal = edge in ("top", "bottom")
            length = w - 2 * mid if horizontal else h - 2 * mid
            steps = int(length / 0.8)
            points = []
            for k in range(steps + 1):
                t = k / steps * length
                offset = sign * amp * math.sin(t / 2.2 + phase)
                if horizontal:
                    y = mid if edge == "top" else h - mid
                    points.append((page.px(mid + t), page.px(y + offset)))
                else:
                    x = mid if edge == "left" else w - mid
                    points.append((page.px(x + offset), page.px(mid + t)))
            page.draw.line(points, fill=color, width=width)
    pale = tuple(255 - (255 - c) // 7 for c in color)
    cx, cy, r = page.px(w / 2), page.px(h * 0.52), page.px(38)
    page.draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=pale, width=page.px(2.0))
    star = []
    for i in range(10):
        radius = r * (0.7 if i % 2 == 0 else 0.28)
        angle = -math.pi / 2 + i * math.pi / 5
        star.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    page.draw.polygon(star, fill=pale)


def adjusting(build: Callable[..., Doc], families: dict[str, str],
              adjust: Callable[[Doc, random.Random], None]) -> Callable[..., Doc]:
    """``build`` of a type's layout module, with its documents of ``families`` changed by ``adjust`` (with the
    same random stream) after they are built."""

    def rebuilt(rng: random.Random, *args: object, **options: object) -> Doc:
        doc = build(rng, *args, **options)
        if doc.family in families:
            adjust(doc, rng)
        return doc

    return rebuilt


def merge_registries(namespace: dict, part: object, *names: str) -> None:
    """A later round's families merged into a type module's registries (``FAMILIES``, ``VARIANTS`` …): each
    dict ``names`` of the round's module ``part`` updates the one of that name in ``namespace``."""
    for name in names:
        namespace[name] |= getattr(part, name)
