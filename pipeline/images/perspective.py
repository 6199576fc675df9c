"""Phone photos: the page's four corners found and the perspective corrected.

Only an image whose border is not paper is looked at (a scan has paper, or the scanner's white, to its edges):
the paper is then the large bright region, and its outline simplified to four corners is the page. A photo
with no such region (a close-up, a page filling the frame, a cluttered desk) is read as it is.
"""

from __future__ import annotations

import cv2
import numpy as np

MEASURE_SIDE = 800
CHECK_SIDE = 200  # the first look (is the border paper?) is at this size
BORDER = 0.04  # the strip along the edges that tells a photo (desk) from a scan (paper)
MIN_CONTRAST = 40  # grey levels between the page's paper and the border
MIN_AREA = 0.2  # the page covers at least this share of the image
MAX_AREA = 0.97
MIN_SIDE = 1000  # a smaller image is a crop or a screenshot, not a photo of a page


def _order(corners: np.ndarray) -> np.ndarray:
    """Top-left, top-right, bottom-right, bottom-left."""
    s = corners.sum(axis=1)
    d = np.diff(corners, axis=1).ravel()
    return np.float32([corners[np.argmin(s)], corners[np.argmin(d)], corners[np.argmax(s)], corners[np.argmax(d)]])


def _paper_and_border(rgb: np.ndarray, step: int, grey: np.ndarray | None = None) -> tuple[float, float]:
    """The brightness of the paper (the image's middle) and of the strip along its edges, on every
    ``step``-th pixel."""
    if grey is None:
        grey = cv2.cvtColor(np.ascontiguousarray(rgb[::step, ::step]), cv2.COLOR_RGB2GRAY)
    sh, sw = grey.shape
    b = max(2, int(BORDER * min(sh, sw)))
    border = np.concatenate([grey[:b].ravel(), grey[-b:].ravel(), grey[:, :b].ravel(), grey[:, -b:].ravel()])
    centre = grey[sh // 4: 3 * sh // 4, sw // 4: 3 * sw // 4]
    return float(np.percentile(centre, 75)), float(np.median(border))


def find_page(rgb: np.ndarray) -> np.ndarray | None:
    """The page's corners in the image (4×2, ordered from the top left, clockwise), or None."""
    h, w = rgb.shape[:2]
    if max(h, w) < MIN_SIDE:
        return None
    levels = _paper_and_border(rgb, max(1, int(max(h, w) / CHECK_SIDE)))
    if levels[0] - levels[1] < MIN_CONTRAST:  # paper to the edges: a scan, not a photo
        return None
    step = max(1, int(max(h, w) / MEASURE_SIDE))
    grey = cv2.cvtColor(np.ascontiguousarray(rgb[::step, ::step]), cv2.COLOR_RGB2GRAY)
    sh, sw = grey.shape
    paper, border_level = _paper_and_border(rgb, step, grey)
    blur = cv2.GaussianBlur(grey, (5, 5), 0)
    _, bright = cv2.threshold(blur, (paper + border_level) / 2, 255, cv2.THRESH_BINARY)
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    outline = cv2.convexHull(max(contours, key=cv2.contourArea))
    area = cv2.contourArea(outline) / (sh * sw)
    if not MIN_AREA <= area <= MAX_AREA:
        return None
    corners = four_corners(outline, (0.01, 0.02, 0.03, 0.05))
    if corners is None or not cv2.isContourConvex(corners.reshape(-1, 1, 2)):
        return None
    return corners * step


def four_corners(outline: np.ndarray, epsilons: tuple[float, ...]) -> np.ndarray | None:
    """The outline simplified to four corners (ordered from the top left, clockwise), with the first of
    ``epsilons`` (fractions of its perimeter) that gives four, or None."""
    perimeter = cv2.arcLength(outline, True)
    for epsilon in epsilons:
        rough = cv2.approxPolyDP(outline, epsilon * perimeter, True)
        if len(rough) == 4:
            return _order(rough.reshape(4, 2).astype(np.float32))
    return None


def unwarp(rgb: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """The page seen straight on: the quadrilateral ``corners`` mapped onto a rectangle of its own size."""
    tl, tr, br, bl = corners
    width = int(round(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))))
    height = int(round(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))))
    target = np.float32([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]])
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    return cv2.warpPerspective(rgb, matrix, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def page_in_photo(rgb: np.ndarray) -> np.ndarray | None:
    """The photographed page straightened, or None when the image is not a photo of a page."""
    corners = find_page(rgb)
    return None if corners is None else unwarp(rgb, corners)
