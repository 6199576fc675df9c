"""Book scans: an image holding two facing pages is cut into its two pages at the gutter.

The gutter is looked for only in a landscape image, in the middle third of its width: a band of columns with no
ink (the pages' inner margins) and, usually, the gutter's shadow (the paper's brightness dips towards it); where
no band is free of ink (pages scanned askew), a shadow as deep and as narrow as a gutter's alone. A
landscape page of its own (a register's table) has rules and text across the middle and is not cut, nor is a
page turned a quarter (its text lines run down the image: two sides of a card with a fold between them). The
shadow left on each page is divided out later with the rest of the uneven light (``estimate_background``).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

MIN_ASPECT = 1.2  # width / height of an image that may hold two portrait pages
MEASURE_WIDTH = 700
CENTRE = (0.35, 0.65)  # where the gutter may lie, as fractions of the width
MIN_SHADOW = 0.08  # the paper's brightness at the gutter this much below the pages' own
MIN_GAP = 0.006  # an ink-free band at least this wide (fraction of the width) at the gutter
WIDE_GAP = 0.03  # ... or this wide with no shadow at all
SHADOW_ONLY = 0.1  # with no ink-free band, a gutter's shadow at least this deep ...
SHADOW_WIDTH = (0.01, 0.06)  # ... and this wide at half its depth (fractions of the width)
MIN_SIDE_INK = 0.01  # each page holds at least this share of ink pixels
DOWN_THE_PAGE = 3  # vertical text-line blobs this many times the horizontal ones: the text runs down the image
MIN_HEIGHT = 800  # pixels: a smaller image (a crop of a line or two) is no book spread
MIN_PAGE_ASPECT = 1.1  # each page's height / width at least (portrait pages)...
MAX_PAGE_ASPECT = 2.0  # ... and at most
CARD_SHAPE = (1.5, 1.68)  # width / height of an ID card (ID-1: 1.586) scanned or cropped: one card, never cut


@dataclass(frozen=True)
class Gutter:
    x: int  # column of the full image where the pages meet
    shadow: float  # how much darker the paper is at the gutter (0..1)
    gap: float  # width of the ink-free band at the gutter, as a fraction of the image's width


def find_gutter(rgb: np.ndarray) -> Gutter | None:
    """The gutter of a two-page spread, or None when the image is not one."""
    h, w = rgb.shape[:2]
    if w < MIN_ASPECT * h or h < MIN_HEIGHT:
        return None
    if CARD_SHAPE[0] <= w / h <= CARD_SHAPE[1]:
        # An ID card's proportions (a spread of such an image would have pages of 1.2-1.33: few books): a card
        # scan whose middle happens to be blank (between the photo and the text) is not two pages.
        return None
    step = max(1, int(round(w / MEASURE_WIDTH)))
    small = cv2.cvtColor(np.ascontiguousarray(rgb[::step, ::step]), cv2.COLOR_RGB2GRAY).astype(np.float32)
    sw = small.shape[1]
    shrink = sw / w
    # The paper's brightness per column (a high percentile: ink is the minority) and the ink against it.
    paper = cv2.GaussianBlur(np.percentile(small, 90, axis=0).reshape(1, -1), (0, 0), 3).ravel()
    ink = (small < paper[None, :] * 0.6).mean(axis=0)
    ink = np.convolve(ink, np.ones(3) / 3, mode="same")
    lo, hi = int(CENTRE[0] * sw), int(CENTRE[1] * sw)
    free = ink[lo:hi] < 0.002
    # The widest ink-free run in the middle, and the darkest paper inside it.
    best: tuple[int, int] | None = None
    start = None
    for i, is_free in enumerate([*free, False]):
        if is_free and start is None:
            start = i
        elif not is_free and start is not None:
            if best is None or i - start > best[1] - best[0]:
                best = (start, i)
            start = None
    sides = np.concatenate([paper[: int(0.3 * sw)], paper[int(0.7 * sw):]])
    level = max(float(np.median(sides)), 1.0)
    gutter = None
    if best is not None:
        run = slice(lo + best[0], lo + best[1])
        x = lo + best[0] + int(np.argmin(paper[run]))
        shadow = float(1 - paper[x] / level)
        gap = (best[1] - best[0]) / sw
        if (shadow >= MIN_SHADOW and gap >= MIN_GAP) or gap >= WIDE_GAP:
            gutter = (x, shadow, gap)
    if gutter is None:
        # No ink-free band (the pages scanned askew, their tables' rules reaching into the gutter): the gutter's
        # shadow alone, a dip in the paper's brightness as wide as a gutter, with the paper bright again on both sides.
        gutter = _shadow_gutter(paper, lo, hi, level)
    if gutter is None:
        return None
    x, shadow, gap = gutter
    if ink[:x].mean() < MIN_SIDE_INK or ink[x:].mean() < MIN_SIDE_INK:
        return None
    for part_width in (x, sw - x):  # each part is shaped like a portrait page
        if not MIN_PAGE_ASPECT <= small.shape[0] / max(part_width, 1) <= MAX_PAGE_ASPECT:
            return None
    return Gutter(x=int(round(x / shrink)), shadow=round(shadow, 3), gap=round(gap, 4))


def _shadow_gutter(paper: np.ndarray, lo: int, hi: int, level: float) -> tuple[int, float, float] | None:
    """(column, depth, 0.0) of a gutter's shadow in ``paper[lo:hi]``: a dip at least ``SHADOW_ONLY`` deep, its
    half-depth width within ``SHADOW_WIDTH`` of the image's width (a rule is narrower, uneven light wider), the
    paper back within a quarter of the depth on both sides within ``SHADOW_WIDTH[1]``."""
    sw = len(paper)
    x = lo + int(np.argmin(paper[lo:hi]))
    depth = float(1 - paper[x] / level)
    if depth < SHADOW_ONLY:
        return None
    below = paper < level * (1 - depth / 2)
    a, b = x, x
    while a > 0 and below[a - 1]:
        a -= 1
    while b < sw - 1 and below[b + 1]:
        b += 1
    width = (b - a + 1) / sw
    if not SHADOW_WIDTH[0] <= width <= SHADOW_WIDTH[1]:
        return None
    reach = int(SHADOW_WIDTH[1] * sw)
    back = level * (1 - depth / 4)
    if paper[max(0, a - reach):a].max(initial=0.0) < back or paper[b + 1:b + 1 + reach].max(initial=0.0) < back:
        return None
    return x, depth, 0.0


def lines_run_across(rgb: np.ndarray, dpi: int) -> bool:
    """Whether the image's text lines run horizontally: a spread's pages are upright, while a page turned a
    quarter (two ID-card sides side by side, a fold between them) has its lines running down the image."""
    from pipeline.preprocess import analysis_binary, line_blobs

    binary = analysis_binary(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), dpi)
    # Forms have columns of short labels that smear into vertical blobs too: only a clear majority counts.
    return len(line_blobs(binary, horizontal=False)) <= DOWN_THE_PAGE * len(line_blobs(binary, horizontal=True))


def split_spread(rgb: np.ndarray, dpi: int, shadow_gutter: bool = True) -> list[tuple[np.ndarray, str | None]]:
    """The pages of the image: ``[(left, "left"), (right, "right")]`` for a spread, else ``[(rgb, None)]``.
    Without ``shadow_gutter`` a gutter must be a band free of ink (a shadow alone may be a fold of one page)."""
    gutter = find_gutter(rgb)
    if gutter is None or (not shadow_gutter and gutter.gap == 0.0) or not lines_run_across(rgb, dpi):
        return [(rgb, None)]
    return [(np.ascontiguousarray(rgb[:, : gutter.x]), "left"), (np.ascontiguousarray(rgb[:, gutter.x:]), "right")]
