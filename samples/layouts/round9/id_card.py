"""Round-9 ID card ``card-cmnd-12-anh-chup``: a phone photograph of the 12-digit "CHỨNG MINH NHÂN DÂN" (the 2012
model, issued October 2012 – mid 2016) sent with an online application: the front and the back laid side by side
on a desk (the front at the left, the back at the right, a finger's width apart), the whole pair turned a few
degrees together as the phone was held (not each side on its own), on the desk's brown grain with light falling
from one side; no sheet of paper, no copy marks.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from datetime import date

from PIL import Image

from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import card_cmnd
from samples.layouts.card_parts import CARD
from samples.layouts.common import adjusting
from samples.layouts.round6.kit import Draw, dispatching
from samples.layouts.round8.id_card import paste_turned

FAMILIES = {"card-cmnd-12-anh-chup": "heldout"}
ISSUED = (date(2012, 10, 1), date(2016, 6, 30))
front, back = card_cmnd.front_12, card_cmnd.back_12
PHOTO = (2 * CARD[0] + 34.0, CARD[1] + 44.0)  # the photograph's field, mm
GAP = 6.0  # mm between the two sides
DESK = (128, 96, 66)
Build = Callable[..., Doc]


def _held(doc: Doc, rng: random.Random) -> None:
    """How the phone was held: the pair's turn (degrees, anticlockwise) and where the light comes from."""
    turn = rng.uniform(1.5, 4.0) * rng.choice([-1, 1])
    doc.show |= {"copy": False, "turn": turn, "light": rng.choice(["left", "right"]),
                 "shift": (rng.uniform(-4, 4), rng.uniform(-3, 3))}


def with_phone_photos(build: Build) -> Build:
    """``build`` of samples/layouts/id_card.py; a ``card-cmnd-12-anh-chup`` card is photographed."""
    return adjusting(build, FAMILIES, _held)


def centres(doc: Doc) -> list[tuple[float, float]]:
    """The centres (x, y mm) of the front and the back on the photograph: side by side, turned together."""
    turn = math.radians(doc.show["turn"])
    cx, cy = PHOTO[0] / 2 + doc.show["shift"][0], PHOTO[1] / 2 + doc.show["shift"][1]
    offset = (CARD[0] + GAP) / 2
    return [(cx + dx * math.cos(turn), cy - dx * math.sin(turn)) for dx in (-offset, offset)]


def _desk(page: Page, rng: random.Random, light: str) -> None:
    """The desk's grain and the light falling across it."""
    for _ in range(70):
        y = rng.uniform(0, PHOTO[1])
        shade = rng.randint(-14, 10)
        page.hline(0, PHOTO[0], y, rng.uniform(0.2, 0.9), tuple(max(0, c + shade) for c in DESK))
    ramp = Image.linear_gradient("L").rotate(90 if light == "left" else -90).resize(page.image.size)
    bright = Image.new("RGB", page.image.size, (255, 246, 228))
    page.image.paste(Image.composite(bright, page.image, ramp.point(lambda v: v * 0.28)))


def photograph(doc: Doc, dpi: int, rng: random.Random) -> Page:
    page = Page(*PHOTO, dpi, paper=DESK)
    _desk(page, rng, doc.show["light"])
    turn = doc.show["turn"]
    radians = math.radians(abs(turn))
    width = CARD[0] * math.cos(radians) + CARD[1] * math.sin(radians)
    height = CARD[0] * math.sin(radians) + CARD[1] * math.cos(radians)
    for (cx, cy), side in zip(centres(doc), (front, back), strict=True):
        paste_turned(page, side(doc, dpi, rng), cx - width / 2, cy - height / 2, turn)
    return page


def with_photographs(draw: Draw) -> Draw:
    """``draw`` of samples/layouts/id_card.py, with ``card-cmnd-12-anh-chup`` as its phone photograph."""
    return dispatching(draw, FAMILIES, lambda doc, dpi, rng: [photograph(doc, dpi, rng)])
