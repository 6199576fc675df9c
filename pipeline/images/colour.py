"""Colour before OCR: the grey image with the most contrast between ink and paper, and white-on-dark regions
turned dark-on-white.

- ``reading_grey``: luminance, or the red, green or blue channel when one of them separates ink from paper
  clearly better (Otsu's between-class standard deviation): red text on a yellow band, blue text on a
  light-blue band. The alpha channel was flattened onto white by ingest.
- ``invert_dark_regions``: regions whose local median is dark (a title band, a screenshot's dark theme) and
  that hold light, character-sized strokes are inverted, so that Tesseract (which is told not to look for
  inverted text, as certificates have none) reads them. A dark desk around a photographed page holds no such
  strokes and stays as it is.
"""

from __future__ import annotations

import cv2
import numpy as np

SWITCH_GAIN = 1.3  # a channel must have this many times luminance's contrast to be read instead,
SWITCH_MIN = 12.0  # ... and this many grey levels more
MEASURE_SIDE = 600  # the analyses run on a copy no larger than this
DARK = 110  # a region whose local median is below this is dark
MAX_LETTER = 150  # pixels: a light component taller than this is no character (a page on a dark desk)
MIN_CONTRAST = 70  # grey levels between the strokes and the dark ground of an inverted region
MIN_LIGHT = 0.008  # share of light pixels in a dark region for it to hold text (a short title on a band)


def contrast(grey: np.ndarray) -> float:
    """Otsu's between-class standard deviation, in grey levels: how far apart ink and paper are, weighted by
    how much of each there is (0 for a flat image)."""
    hist = np.bincount(grey.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    if total == 0:
        return 0.0
    p = hist / total
    levels = np.arange(256, dtype=np.float64)
    mean = float((p * levels).sum())
    weight = np.cumsum(p)
    first = np.cumsum(p * levels)
    inside = (weight > 1e-6) & (weight < 1 - 1e-6)
    if not inside.any():
        return 0.0
    between = (mean * weight[inside] - first[inside]) ** 2 / (weight[inside] * (1 - weight[inside]))
    return float(np.sqrt(between.max()))


def _small(image: np.ndarray) -> np.ndarray:
    """Every n-th pixel, so that the longest side is about MEASURE_SIDE (cheap: no filtering)."""
    step = max(1, int(round(max(image.shape[:2]) / MEASURE_SIDE)))
    return np.ascontiguousarray(image[::step, ::step]) if step > 1 else image


def reading_grey(rgb: np.ndarray) -> tuple[np.ndarray, str]:
    """The grey image OCR should read and which one it is: "luminance", "red", "green" or "blue"."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    small = _small(rgb)
    luminance = contrast(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY))
    best, best_score = "luminance", max(luminance * SWITCH_GAIN, luminance + SWITCH_MIN)
    for index, name in enumerate(("red", "green", "blue")):
        score = contrast(np.ascontiguousarray(small[..., index]))
        if score > best_score:
            best, best_score = name, score
    if best == "luminance":
        return grey, best
    return np.ascontiguousarray(rgb[..., ("red", "green", "blue").index(best)]), best


def _holds_light_strokes(region: np.ndarray) -> bool:
    """Whether a dark region holds light strokes of character size (text to invert), not just noise."""
    threshold, light = cv2.threshold(region, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    dark_mean = float(region[light == 0].mean()) if (light == 0).any() else 0.0
    light_mean = float(region[light > 0].mean()) if (light > 0).any() else 0.0
    share = float((light > 0).mean())
    if light_mean - dark_mean < MIN_CONTRAST or not MIN_LIGHT <= share <= 0.5:
        return False
    n, _, stats, _ = cv2.connectedComponentsWithStats(light, connectivity=8)
    h, w = stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_WIDTH]
    letters = (h >= 3) & (h <= min(region.shape[0] * 0.9, MAX_LETTER)) & (w <= 4 * h)
    return int(letters.sum()) >= 3 and stats[1:, cv2.CC_STAT_AREA][letters].sum() >= 0.5 * (light > 0).sum()


def invert_dark_regions(grey: np.ndarray) -> tuple[np.ndarray, int]:
    """``grey`` with its white-on-dark text regions inverted, and how many regions were inverted."""
    small = _small(grey)
    shrink_y, shrink_x = small.shape[0] / grey.shape[0], small.shape[1] / grey.shape[1]
    k = max(3, (min(small.shape) // 12) | 1)
    k = min(k, 31)
    local = cv2.medianBlur(small, k)
    dark = (local < DARK).astype(np.uint8)
    if not dark.any():
        return grey, 0
    dark = cv2.morphologyEx(dark, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    out = grey
    inverted = 0
    for label in range(1, n):
        x, y, w, h, area = stats[label]
        if area < 0.005 * dark.size or h < 4:
            continue
        x0, y0 = int(x / shrink_x), int(y / shrink_y)
        x1, y1 = int(np.ceil((x + w) / shrink_x)), int(np.ceil((y + h) / shrink_y))
        if not _holds_light_strokes(grey[y0:y1, x0:x1]):
            continue
        mask = cv2.resize(_without_small_holes(labels == label), (grey.shape[1], grey.shape[0]),
                          interpolation=cv2.INTER_NEAREST)
        if out is grey:
            out = grey.copy()
        out[mask > 0] = 255 - out[mask > 0]
        inverted += 1
    return out, inverted


def _without_small_holes(region: np.ndarray) -> np.ndarray:
    """The region's mask with its small holes filled (where bold light text made the local median light);
    large holes (a light page inside a dark frame) stay out."""
    mask = region.astype(np.uint8)
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    filled = np.zeros_like(mask)
    cv2.drawContours(filled, contours, -1, 1, thickness=cv2.FILLED)
    holes = (filled > 0) & (mask == 0)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(holes.astype(np.uint8), connectivity=4)
    large = np.flatnonzero(stats[:, cv2.CC_STAT_AREA] > 0.01 * mask.size)
    large = large[large > 0]
    if len(large):
        filled[np.isin(labels, large)] = 0
    return filled
