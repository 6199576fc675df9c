"""Resolution from the text itself.

A crop, a screenshot or a phone photo often records no resolution, or 72 dpi; ingest then assumes one that
means nothing. What OCR needs is not the dpi but text of a size it reads well: the median height of the
character-sized connected components (``text_height``, in pixels) tells it. A page whose recorded resolution
is implausible for a scan (below ``PLAUSIBLE_DPI``) gets a resolution estimated from that height (body text of
about ``BODY_TEXT_INCH``), and is scaled up when its characters are smaller than Tesseract reads best.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

PLAUSIBLE_DPI = 150  # scanners and the PDF renderer give at least this; below it the figure is not trusted
BODY_TEXT_INCH = 0.09  # median character height of 11–13 pt print (x-height to cap height), in inches
BEST_TEXT_PX = 27.0  # median character height at which Tesseract `vie` reads best (300 dpi body text)
SMALL_TEXT_PX = 20.0  # below this a page of untrusted resolution is scaled up to BEST_TEXT_PX
MAX_SCALE = 4.0
MAX_PIXELS = 40_000_000  # a scaled page stays below this
MEASURE_SIDE = 1800  # the height is measured on a copy no larger than this


@dataclass(frozen=True)
class Resolution:
    dpi: int  # the resolution of the page as scaled (what OCR is told)
    source: str  # "file": as recorded (or assumed by ingest); "text": estimated from the text's height
    scale: float  # factor applied to the image (1.0: not resized)
    text_height: float | None  # median character height in pixels of the input image (None: not measured)


def text_height(grey: np.ndarray) -> float | None:
    """Median height in pixels of the character-sized ink components (dark on light), None when fewer than 10."""
    shrink = min(1.0, MEASURE_SIDE / max(grey.shape))
    small = cv2.resize(grey, None, fx=shrink, fy=shrink, interpolation=cv2.INTER_AREA) if shrink < 1 else grey
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    w, h, area = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_AREA]
    fill = area / np.maximum(w * h, 1)
    letters = (h >= 4) & (h <= small.shape[0] / 3) & (w <= 3 * h) & (w >= h / 6) & (fill > 0.12) & (fill < 0.9)
    if letters.sum() < 10:
        return None
    return float(np.median(h[letters])) / shrink


def resolution(grey: np.ndarray, dpi: int) -> Resolution:
    """How the page should be scaled for OCR and at what resolution it is read (see the module's rules).
    A page with a plausible resolution is left as it is and not measured (A4 scans pay nothing)."""
    if dpi >= PLAUSIBLE_DPI:
        return Resolution(dpi, "file", 1.0, None)
    height = text_height(grey)
    if height is None:
        return Resolution(dpi, "file", 1.0, None)
    estimated = height / BODY_TEXT_INCH
    scale = 1.0
    if height < SMALL_TEXT_PX:
        limit = (MAX_PIXELS / max(grey.shape[0] * grey.shape[1], 1)) ** 0.5
        scale = float(min(MAX_SCALE, BEST_TEXT_PX / height, limit))
        scale = max(scale, 1.0)
    return Resolution(int(round(estimated * scale)), "text", round(scale, 3), round(height, 1))


def rescale(image: np.ndarray, scale: float) -> np.ndarray:
    """``image`` resized by ``scale`` (bicubic upwards, area downwards); the same array when 1."""
    if abs(scale - 1.0) < 1e-3:
        return image
    interpolation = cv2.INTER_CUBIC if scale > 1 else cv2.INTER_AREA
    return cv2.resize(image, None, fx=scale, fy=scale, interpolation=interpolation)
