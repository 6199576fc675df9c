"""ID cards as they come: the card found in a photo by its edges, seen straight on, laid landscape and cropped.

A card (ID-1: 85.6 × 54 mm, rounded corners) is looked for only in an image whose border is not paper (a scan
has paper to its edges): the border's colours (a table, a hand, the room beyond) are the background, and the
card is the largest region that differs from all of them. Its outline, simplified to four sides, each side
refitted as a straight line through its middle (so that the rounded corners do not pull the corners in), must
have the card's proportions (long / short side 1.35–1.85) and fill the quadrilateral it spans. The card is
then mapped onto an upright rectangle, its long side across. Whether it is upside down is left to its text
(``pipeline.reading`` reads it both ways and keeps the better reading).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from pipeline.images.perspective import four_corners, unwarp
from pipeline.models import PageNotes
from pipeline.preprocess import Prepared, colour_mode, estimate_background, normalise_by_background, normalise_colour

MEASURE_SIDE = 480  # the card is measured at this size
FIRST_LOOK = 200  # ... after a first look at this one
BORDER = 0.03  # the strip along the edges whose colours are the background
PAPER_BORDER = 215  # a border this bright (grey level, 75th percentile) and this plain is paper: a scan
PLAIN_BORDER = 12.0  # grey levels of spread (std) below which a bright border is plain paper
MIN_DISTANCE = 14.0  # Lab distance from every background colour below which a pixel is background
MIN_AREA, MAX_AREA = 0.15, 0.95  # the card's share of the image (a card on a photocopied A4 page is 7 %)
ASPECT = (1.36, 1.85)  # long side / short side (ID-1 is 1.586; a view at an angle stretches or squeezes it)
LEVELS = (1.0, 1.4, 1.9, 0.7, 0.5)  # the thresholds tried, as multiples of Otsu's level
MIN_FILL = 0.88  # the region's area over its quadrilateral's
NEAR_EDGE = 3.5  # px at the measuring size
MIN_SUPPORT = 0.6  # the card's sides run along edges of the image over this share of their length
TEXT_AROUND = 50.0  # character-sized blobs around the card (per unit of area) above which it is a page's part
CARD_MM = (85.6, 53.98)
PAPER_KERNEL = 25  # px at READ_WIDTH (about 1.2 mm): wider than a stroke, finer than the waves
DARK_INK = 140  # luminance (after the paper is levelled) below which a pixel is ink whatever its colour
FAINT = 215  # grey levels above this are lifted to white (what is left of the pattern)
READ_WIDTH = 1800  # the card is read at this width (about 530 dpi: its 5–6 pt labels at a readable size)


@dataclass(frozen=True)
class FoundCard:
    corners: np.ndarray  # 4×2, in the input image, ordered from the top left of the image, clockwise
    aspect: float  # long side / short side of the quadrilateral


def _background_colours(lab: np.ndarray) -> np.ndarray:
    """Up to three colours of the image's border strip (k-means in Lab)."""
    h, w = lab.shape[:2]
    b = max(2, int(BORDER * min(h, w)))
    strip = np.concatenate([lab[:b].reshape(-1, 3), lab[-b:].reshape(-1, 3), lab[:, :b].reshape(-1, 3),
                            lab[:, -b:].reshape(-1, 3)]).astype(np.float32)
    strip = strip[:: max(1, len(strip) // 3000)]
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 20, 1.0)
    _, _, centres = cv2.kmeans(strip, 3, None, criteria, 2, cv2.KMEANS_PP_CENTERS)
    return centres


def is_scan(rgb: np.ndarray) -> bool:
    """Paper to the edges (a bright, plain border): a scan, not a photo of a card."""
    h, w = rgb.shape[:2]
    step = max(1, int(max(h, w) / 200))
    grey = cv2.cvtColor(np.ascontiguousarray(rgb[::step, ::step]), cv2.COLOR_RGB2GRAY)
    b = max(2, int(0.04 * min(grey.shape)))
    border = np.concatenate([grey[:b].ravel(), grey[-b:].ravel(), grey[:, :b].ravel(), grey[:, -b:].ravel()])
    return float(np.percentile(border, 25)) >= PAPER_BORDER and float(border.std()) < PLAIN_BORDER


def _side_lines(outline: np.ndarray, corners: np.ndarray) -> list[np.ndarray] | None:
    """Each side refitted as a line (vx, vy, x0, y0) through the outline points along its middle 70 %."""
    points = outline.reshape(-1, 2).astype(np.float32)
    lines = []
    for i in range(4):
        a, b = corners[i], corners[(i + 1) % 4]
        length = float(np.linalg.norm(b - a))
        if length < 8:
            return None
        direction = (b - a) / length
        normal = np.float32([-direction[1], direction[0]])
        along = (points - a) @ direction
        across = np.abs((points - a) @ normal)
        near = points[(along > 0.15 * length) & (along < 0.85 * length) & (across < max(3.0, 0.04 * length))]
        if len(near) < 5:
            lines.append(np.float32([direction[0], direction[1], a[0], a[1]]))
            continue
        lines.append(cv2.fitLine(near, cv2.DIST_HUBER, 0, 0.01, 0.01).ravel())
    return lines


def _meet(first: np.ndarray, second: np.ndarray) -> np.ndarray | None:
    (vx1, vy1, x1, y1), (vx2, vy2, x2, y2) = first, second
    det = vx1 * (-vy2) - vy1 * (-vx2)
    if abs(det) < 1e-6:
        return None
    t = ((x2 - x1) * (-vy2) - (y2 - y1) * (-vx2)) / det
    return np.float32([x1 + t * vx1, y1 + t * vy1])


def _quadrilateral(outline: np.ndarray, boundary: np.ndarray) -> np.ndarray | None:
    """Four corners of a convex outline: simplified, then each corner where its two sides meet, each side
    refitted through the region's ``boundary`` points along it."""
    corners = four_corners(outline, (0.02, 0.03, 0.045, 0.06))
    if corners is None:
        return None
    lines = _side_lines(boundary, corners)
    if lines is None:
        return None
    refined = [_meet(lines[(i - 1) % 4], lines[i]) for i in range(4)]
    if any(p is None for p in refined):
        return corners
    quad = np.float32(refined)
    # A refit that moved a corner far (a side bent by a finger, a glare) is not trusted.
    if np.abs(quad - corners).max() > 0.1 * np.sqrt(cv2.contourArea(corners)):
        return corners
    return quad


def _sides(corners: np.ndarray) -> tuple[float, float]:
    tl, tr, br, bl = corners
    across = (np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2
    down = (np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2
    return float(across), float(down)


def find_card(rgb: np.ndarray) -> FoundCard | None:
    """The ID card in a photo, by its edges, or None (a scan, no card-shaped region). A first look at
    ``FIRST_LOOK`` px turns most images away cheaply; a card seen there is measured at ``MEASURE_SIDE``."""
    h, w = rgb.shape[:2]
    if min(h, w) < 150 or is_scan(rgb):
        return None
    if _find_at(rgb, FIRST_LOOK) is None:
        return None
    return _find_at(rgb, MEASURE_SIDE)


def _find_at(rgb: np.ndarray, side: int) -> FoundCard | None:
    """``find_card`` on the image brought down to ``side`` px (its longer side)."""
    h, w = rgb.shape[:2]
    step = max(1, int(max(h, w) / (2 * side)))  # every step-th pixel first: cheap on a large scan
    strided = np.ascontiguousarray(rgb[::step, ::step])
    inner = min(1.0, side / max(strided.shape[:2]))
    small = cv2.resize(strided, (max(1, round(strided.shape[1] * inner)), max(1, round(strided.shape[0] * inner))),
                       interpolation=cv2.INTER_AREA)
    shrink = small.shape[1] / w
    sharp, small = small, cv2.GaussianBlur(small, (5, 5), 0)
    lab = cv2.cvtColor(small, cv2.COLOR_RGB2LAB).astype(np.float32)
    centres = _background_colours(lab)
    distance = np.sqrt(np.min([((lab - centre) ** 2).sum(axis=2) for centre in centres], axis=0))
    level, _ = cv2.threshold(np.clip(distance, 0, 255).astype(np.uint8), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # Candidates: the regions apart from the background at Otsu's level, at higher ones (a card on a lit palm),
    # at lower ones (a pale card on a pale table), and the outlines of the image's edges. The candidate whose
    # sides run along the strongest edges is the card.
    edges = cv2.Canny(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY), 30, 90)
    masks = [distance > max(MIN_DISTANCE, level * factor) for factor in LEVELS]
    masks.append(_enclosed(cv2.dilate(edges, np.ones((3, 3), np.uint8))))
    to_edge = cv2.distanceTransform(255 - edges, cv2.DIST_L2, 3)
    best: tuple[float, np.ndarray, float] | None = None
    for mask in masks:
        found = _card_region(mask)
        if found is None:
            continue
        support = _edge_support(to_edge, found[0])
        if best is None or support > best[0]:
            best = (support, *found)
    if best is None or best[0] < MIN_SUPPORT or _text_around(sharp, best[1]) > TEXT_AROUND:
        return None
    return FoundCard(corners=best[1] / shrink, aspect=round(best[2], 3))


def _text_around(small: np.ndarray, corners: np.ndarray) -> float:
    """Character-sized ink blobs outside the quadrilateral, per unit of the image's area outside it: a table or
    a hand holds next to none; a page around a table, a photocopy around a card holds text."""
    grey = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    inside = np.zeros(grey.shape, np.uint8)
    cv2.fillConvexPoly(inside, np.int32(np.round(corners)), 255)
    inside = cv2.dilate(inside, np.ones((15, 15), np.uint8))
    ink = (grey.astype(np.int16) < cv2.blur(grey, (15, 15)).astype(np.int16) - 30).astype(np.uint8)
    ink[inside > 0] = 0
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights, areas = stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_AREA]
    blobs = int(((heights >= 3) & (heights <= 20) & (areas >= 4)).sum())
    return blobs / max(float((inside == 0).mean()), 0.01)


def _enclosed(edges: np.ndarray) -> np.ndarray:
    """The largest area enclosed by the image's edges."""
    contours, _ = cv2.findContours(edges, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    mask = np.zeros(edges.shape, np.uint8)
    if contours:
        cv2.drawContours(mask, [max(contours, key=cv2.contourArea)], -1, 255, cv2.FILLED)
    return mask > 0


def _edge_support(to_edge: np.ndarray, corners: np.ndarray) -> float:
    """The share of the quadrilateral's perimeter that runs along an edge of the image (within ``NEAR_EDGE``
    px of one; ``to_edge`` is each pixel's distance to the nearest edge)."""
    points = []
    for i in range(4):
        a, b = corners[i], corners[(i + 1) % 4]
        t = np.linspace(0.1, 0.9, 40)[:, None]  # the rounded corners are not on the sides' lines
        points.append(a + (b - a) * t)
    xy = np.concatenate(points).round().astype(int)
    h, w = to_edge.shape
    xy[:, 0] = xy[:, 0].clip(0, w - 1)
    xy[:, 1] = xy[:, 1].clip(0, h - 1)
    return float((to_edge[xy[:, 1], xy[:, 0]] <= NEAR_EDGE).mean())


def _card_region(mask: np.ndarray) -> tuple[np.ndarray, float] | None:
    """The corners and aspect of the largest region of ``mask`` when it is shaped like a card."""
    region = mask.astype(np.uint8) * 255
    region = cv2.morphologyEx(region, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    region = cv2.morphologyEx(region, cv2.MORPH_CLOSE, np.ones((7, 7), np.uint8))
    contours, _ = cv2.findContours(region, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    if not contours:
        return None
    largest = max(contours, key=cv2.contourArea)
    outline = cv2.convexHull(largest)
    sh, sw = region.shape
    if not MIN_AREA <= cv2.contourArea(outline) / (sh * sw) <= MAX_AREA:
        return None
    corners = _quadrilateral(outline, largest)
    if corners is None or not cv2.isContourConvex(corners.reshape(-1, 1, 2)):
        return None
    quad_area = cv2.contourArea(corners)
    if quad_area <= 0 or cv2.contourArea(largest) / quad_area < MIN_FILL:
        return None
    aspect = card_aspect(corners)
    if not ASPECT[0] <= aspect <= ASPECT[1]:
        return None
    return corners, aspect


def card_aspect(corners: np.ndarray) -> float:
    across, down = _sides(corners)
    return max(across, down) / max(min(across, down), 1.0)


def straighten(rgb: np.ndarray, corners: np.ndarray) -> tuple[np.ndarray, int]:
    """The card seen straight on, its long side across, at ``READ_WIDTH`` px and the card's proportions (the
    way up still open: upright or upside down), and the degrees it was turned clockwise to lie so."""
    flat = unwarp(rgb, corners)
    turned = 0
    if flat.shape[0] > flat.shape[1]:
        flat, turned = cv2.rotate(flat, cv2.ROTATE_90_CLOCKWISE), 90
    height = round(READ_WIDTH * CARD_MM[1] / CARD_MM[0])
    interpolation = cv2.INTER_CUBIC if flat.shape[1] < READ_WIDTH else cv2.INTER_AREA
    return cv2.resize(flat, (READ_WIDTH, height), interpolation=interpolation), turned


def read_dpi() -> int:
    """The resolution of a straightened card."""
    return round(READ_WIDTH / (CARD_MM[0] / 25.4))


def suppress_pattern(card: np.ndarray) -> np.ndarray:
    """The card's grey image with its printed background (waves, guilloche: fine, pale, coloured lines) taken
    out: each channel divided by its own local paper level (a closing finer than the pattern's waves but wider
    than a stroke), then, where the luminance is not dark ink, the brightest channel (a coloured line is
    pale in the channel of its own colour, black text is dark in all of them, red titles are dark in
    luminance), and the faint remains lifted to white."""
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (PAPER_KERNEL, PAPER_KERNEL))
    flat = []
    for channel in cv2.split(card):
        paper = cv2.GaussianBlur(cv2.dilate(channel, kernel), (0, 0), PAPER_KERNEL / 3)
        flat.append(cv2.divide(channel, np.maximum(paper, 1), scale=255))
    r, g, b = flat
    luminance = cv2.cvtColor(cv2.merge(flat), cv2.COLOR_RGB2GRAY)
    brightest = cv2.max(cv2.max(r, g), b)
    grey = np.where(luminance < DARK_INK, luminance, brightest)
    lifted = grey.astype(np.float32) * (255.0 / FAINT)
    return np.clip(lifted, 0, 255).astype(np.uint8)


def card_page(card: np.ndarray, rotation: int = 0, suppress: bool = False) -> Prepared:
    """The straightened card (upright or upside down) as OCR reads it: the grey image with its light evened
    out, or with ``suppress`` its printed background taken out (``suppress_pattern``; off in reading: on the
    generated card photos it read no better, docs/images.md); the colour copy whitened."""
    dpi = read_dpi()
    grey = cv2.cvtColor(card, cv2.COLOR_RGB2GRAY)
    background = estimate_background(grey, dpi)
    flat = suppress_pattern(card) if suppress else normalise_by_background(grey, background)
    colour = normalise_colour(card, background)
    notes = PageNotes(source_dpi=dpi, perspective=True, orientation="card")
    return Prepared(colour=colour, grey=flat, rotation=rotation, skew=0.0, colour_mode=colour_mode(colour),
                    orientation_method="card", dpi=dpi, notes=notes)
