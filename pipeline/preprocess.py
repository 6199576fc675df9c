"""Preprocess a page image with OpenCV: orientation (0/90/180/270), deskew (up to ±10°), background
normalisation, and the grey image that OCR reads. The straightened colour image is what the archive copy keeps.

Orientation is decided cheaply from the layout of the text lines (``text_direction``, ``is_upside_down``);
Tesseract's OSD (about 0.25 s a page) runs only for the pages where that cheap test is unsure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import cv2
import numpy as np

from pipeline.images.colour import invert_dark_regions, reading_grey
from pipeline.images.resolution import rescale, resolution
from pipeline.images.skew import MAX_SKEW, measure_skew, projection_skew
from pipeline.models import PageNotes

ColourMode = Literal["colour", "grey"]

ANALYSIS_DPI = 100  # resolution of the small binary image used for orientation and skew
FEW_LINES = 5  # a page with fewer text-line blobs than this is too small for the layout test
STRONG_OSD = 6.0  # the OSD confidence that turns such a page
__all__ = ["MAX_SKEW", "Prepared", "as_is", "estimate_skew", "preprocess", "turned_over"]


@dataclass
class Prepared:
    colour: np.ndarray  # RGB, upright, straightened, background normalised
    grey: np.ndarray  # what OCR reads: upright, straightened, flat background
    rotation: int  # degrees clockwise applied to make the page upright
    skew: float  # degrees of skew corrected (positive: the text rose to the right)
    colour_mode: ColourMode
    orientation_method: str  # "layout" (sure), "osd" (doubtful, OSD asked), "ocr" (turned after a poor reading),
    # "as-is" (too little text to tell: not turned)
    dpi: int = 0  # resolution of ``grey`` and ``colour`` (the input's, or estimated from the text and scaled)
    notes: PageNotes = field(default_factory=PageNotes)


def preprocess(rgb: np.ndarray, dpi: int, lang: str = "vie") -> Prepared:
    notes = PageNotes(source_dpi=dpi)
    grey, notes.channel = reading_grey(rgb)
    grey, notes.inverted_regions = invert_dark_regions(grey)
    found = resolution(grey, dpi)
    notes.dpi_source, notes.scale, notes.text_height = found.source, found.scale, found.text_height
    if found.scale != 1.0:
        rgb, grey = rescale(rgb, found.scale), rescale(grey, found.scale)
    dpi = found.dpi
    small = analysis_binary(grey, dpi)
    # 1. Which way do the text lines run? Turn them horizontal (0 or 90 degrees).
    quarter, direction_sure, lines = text_direction_lines(small)
    small = rotate_quadrant(small, quarter)
    # 2. Straighten them (the skew is measured on the horizontal lines, before telling up from down); an
    # estimate that is not sure of itself is none.
    estimate = measure_skew(small)
    skew = estimate.angle
    notes.skew_confidence, notes.skew_measured = estimate.confidence, round(estimate.measured, 2)
    if abs(skew) >= 0.05:
        small = rotate_small(small, skew, border=0)
    # 3. Upright or upside down? Cheap layout test; Tesseract's OSD only when it is unsure. A page with too few
    # text lines for the layout test is read as it comes, unless OSD is very sure.
    flipped, sure = is_upside_down(small)
    method = "layout"
    if lines < FEW_LINES:
        method, quarter, flipped = "as-is", 0, False
        osd = osd_orientation(grey, dpi, min_confidence=STRONG_OSD)
        if osd:
            method, quarter = "osd", osd
    elif not (sure and direction_sure):
        # Ask OSD about the page as turned so far; when it cannot tell either, keep the layout test's answer only
        # if that one was sure, else take the common case: not upside down.
        method = "osd"
        turned = rotate_quadrant(grey, quarter)
        if abs(skew) >= 0.05:
            turned = rotate_small(turned, skew)
        osd = osd_orientation(turned, dpi)
        if osd is not None:
            quarter, flipped = (quarter + osd) % 360, False
        elif not sure:
            flipped = False
    rotation = (quarter + (180 if flipped else 0)) % 360
    if rotation:
        rgb = rotate_quadrant(rgb, rotation)
        grey = rotate_quadrant(grey, rotation)
    if abs(skew) >= 0.05:
        # The skew was measured before any 180-degree turn, which keeps its sign.
        rgb = rotate_small(rgb, skew)
        grey = rotate_small(grey, skew)
    background = estimate_background(grey, dpi)
    flat_grey = remove_leader_dots(normalise_by_background(grey, background), dpi)
    colour = normalise_colour(rgb, background)
    mode = colour_mode(colour)
    notes.orientation = method
    return Prepared(
        colour=colour,
        grey=flat_grey,
        rotation=rotation,
        skew=round(skew, 2),
        colour_mode=mode,
        orientation_method=method,
        dpi=dpi,
        notes=notes,
    )


def as_is(rgb: np.ndarray, dpi: int, lang: str = "vie") -> Prepared:
    """The page with no correction but its scale (alpha already flattened): what plain Tesseract would read,
    at the size it reads best. The fallback when the corrected page reads much worse."""
    notes = PageNotes(source_dpi=dpi, reading="as-is", orientation="as-is")
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    found = resolution(grey, dpi)
    notes.dpi_source, notes.scale, notes.text_height = found.source, found.scale, found.text_height
    rgb, grey = rescale(rgb, found.scale), rescale(grey, found.scale)
    return Prepared(colour=rgb, grey=grey, rotation=0, skew=0.0, colour_mode=colour_mode(rgb),
                    orientation_method="as-is", dpi=found.dpi, notes=notes)


def turned_over(prepared: Prepared) -> Prepared:
    """The same page turned by 180 degrees (for a doubtful page whose OCR came out poor)."""
    return Prepared(
        colour=rotate_quadrant(prepared.colour, 180),
        grey=rotate_quadrant(prepared.grey, 180),
        rotation=(prepared.rotation + 180) % 360,
        skew=prepared.skew,
        colour_mode=prepared.colour_mode,
        orientation_method="ocr",
        dpi=prepared.dpi,
        notes=prepared.notes.model_copy(update={"orientation": "ocr"}),
    )


def analysis_binary(grey: np.ndarray, dpi: int) -> np.ndarray:
    """A small binary image (ink = 255) at about ANALYSIS_DPI for layout analysis. The paper's brightness is
    divided out first, so that shadows and uneven light do not turn into ink."""
    scale = min(1.0, ANALYSIS_DPI / max(dpi, 1))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    flat = normalise_by_background(small, estimate_background(small, int(dpi * scale)))
    blur = cv2.GaussianBlur(flat, (3, 3), 0)
    _, binary = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return without_rules(binary)


def without_rules(binary: np.ndarray) -> np.ndarray:
    """The binary image with long straight rules (a register's table grid, underlines) taken out. Smeared
    together with the grid, the text of a table's cells makes no line-shaped blobs, and a register page turned a
    quarter would stay sideways."""
    # A rule skewed by a few degrees has no long run along one row: it is thickened across first (5 px), which
    # keeps its runs long (~100 px at 3 degrees) while the gaps between characters still break text apart.
    length = max(40, int(min(binary.shape) * 0.08))
    across = cv2.dilate(binary, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 5)))
    horizontal = cv2.morphologyEx(across, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    across = cv2.dilate(binary, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 1)))
    vertical = cv2.morphologyEx(across, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))
    rules = cv2.dilate(cv2.bitwise_or(horizontal, vertical), np.ones((3, 3), np.uint8))
    return cv2.bitwise_and(binary, cv2.bitwise_not(rules))


def line_blobs(binary: np.ndarray, horizontal: bool) -> list[tuple[int, int, int, int]]:
    """Bounding boxes of text-line-like blobs when characters are smeared along one direction."""
    h, w = binary.shape
    length = max(9, int(min(h, w) * 0.02))
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
    smeared = cv2.morphologyEx(binary, cv2.MORPH_CLOSE, kernel)
    n, _, stats, _ = cv2.connectedComponentsWithStats(smeared, connectivity=8)
    boxes = []
    for x, y, bw, bh, area in stats[1:]:
        long_side, short_side = (bw, bh) if horizontal else (bh, bw)
        if short_side < 4 or short_side > 40 or long_side < 4 * short_side:
            continue
        if area < 0.3 * bw * bh * 0.5:
            continue
        boxes.append((int(x), int(y), int(bw), int(bh)))
    return boxes


def _upright_score(binary: np.ndarray, boxes: list[tuple[int, int, int, int]]) -> tuple[float, int]:
    """Share of off-core ink above the x-height band, over text lines. Upright Latin (and far more so Vietnamese,
    with its tone marks) has much more ink above the band (ascenders, capitals, diacritics) than below it."""
    above = below = 0.0
    used = 0
    for x, y, bw, bh in boxes:
        pad = max(2, bh // 2)
        y0, y1 = max(0, y - pad), min(binary.shape[0], y + bh + pad)
        rows = binary[y0:y1, x : x + bw].sum(axis=1, dtype=np.float64)
        if rows.max() <= 0:
            continue
        core = np.flatnonzero(rows >= 0.5 * rows.max())
        top, bottom = core[0], core[-1]
        if bottom - top < 2:
            continue
        above += rows[:top].sum()
        below += rows[bottom + 1 :].sum()
        used += 1
    total = above + below
    return (above / total if total else 0.5), used


def text_direction(binary: np.ndarray) -> tuple[int, bool]:
    """0 when the text lines run horizontally, 90 when vertically (the page must be turned a quarter clockwise),
    and whether that is clear: smearing along the true direction gives many long thin blobs."""
    quarter, sure, _ = text_direction_lines(binary)
    return quarter, sure


def text_direction_lines(binary: np.ndarray) -> tuple[int, bool, int]:
    """``text_direction`` and the number of text-line blobs along the direction found."""
    horizontal = len(line_blobs(binary, horizontal=True))
    vertical = len(line_blobs(binary, horizontal=False))
    if vertical > 1.5 * horizontal and vertical >= FEW_LINES:
        return 90, True, vertical
    return 0, horizontal >= FEW_LINES and horizontal > 1.5 * vertical, horizontal


def is_upside_down(binary: np.ndarray) -> tuple[bool, bool]:
    """Whether a page of straight horizontal lines is upside down, and whether the test is sure of it: the ink
    above the x-height band (ascenders, capitals, Vietnamese tone marks) outweighs the ink below it on upright text."""
    score, used = _upright_score(binary, line_blobs(binary, horizontal=True))
    return score < 0.5, used >= 8 and abs(score - 0.5) >= 0.08


def osd_orientation(grey: np.ndarray, dpi: int, min_confidence: float = 2.0) -> int | None:
    """Tesseract's orientation detection: how far to turn clockwise (None when it cannot tell)."""
    from pipeline.tesseract import orientation

    scale = min(1.0, 300 / max(dpi, 1))
    img = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    found = orientation(img, int(dpi * scale))
    if found is None or found[1] < min_confidence:
        return None
    return found[0]


def rotate_quadrant(img: np.ndarray, clockwise: int) -> np.ndarray:
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(img, codes[clockwise]) if clockwise in codes else img


def estimate_skew(binary: np.ndarray) -> float:
    """The sharpest-projection skew angle in degrees, taken or not (``measure_skew`` says whether to take it)."""
    found = projection_skew(binary)
    return found[0] if found else 0.0


def rotate_small(img: np.ndarray, angle: float, border: int | None = None) -> np.ndarray:
    """Rotates by a small angle about the centre, keeping the size; uncovered corners repeat the page's edge
    (or take the ``border`` value)."""
    h, w = img.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, 1.0)
    if border is None:
        return cv2.warpAffine(img, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    return cv2.warpAffine(
        img, matrix, (w, h), flags=cv2.INTER_NEAREST, borderMode=cv2.BORDER_CONSTANT, borderValue=border
    )


def estimate_background(grey: np.ndarray, dpi: int) -> np.ndarray:
    """The paper's brightness at every pixel (uneven light, yellowing, fold shadows), ink removed by a large
    dilation at low resolution, then smoothed and brought back to full size."""
    scale = 50 / max(dpi, 1)
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    bg = cv2.dilate(small, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (7, 7)))
    bg = cv2.medianBlur(bg, 5)
    bg = cv2.GaussianBlur(bg, (0, 0), 3)
    return cv2.resize(bg, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)


def normalise_by_background(grey: np.ndarray, background: np.ndarray) -> np.ndarray:
    """Divides out the background so the paper is white and the ink keeps its contrast."""
    flat = cv2.divide(grey, np.maximum(background, 1), scale=255)
    return flat


def remove_leader_dots(grey: np.ndarray, dpi: int) -> np.ndarray:
    """Erases dotted leaders ("Họ, chữ đệm, tên: ........") from the image OCR reads: runs of at least four small
    dots on one baseline with short, even gaps. Tesseract otherwise reads them as dots and, past the last value,
    as strings of made-up characters. The archive copy keeps them."""
    _, ink = cv2.threshold(grey, 160, 255, cv2.THRESH_BINARY_INV)
    n, labels, stats, centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    max_dot = max(3, int(round(dpi * 0.035)))  # about 0.9 mm
    w, h = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT]
    is_dot = (w <= max_dot) & (h <= max_dot) & (w <= 2.5 * h) & (h <= 2.5 * w)
    candidates = np.flatnonzero(is_dot) + 1
    if len(candidates) < 4:
        return grey
    max_gap = dpi * 0.09  # between dot centres, about 2.3 mm
    row_tol = max(2.0, dpi * 0.012)
    order = candidates[np.argsort(centroids[candidates, 1], kind="stable")]
    erase: list[int] = []
    group: list[int] = [order[0]]
    for label in [*order[1:], None]:
        if label is not None and centroids[label, 1] - centroids[group[0], 1] <= row_tol:
            group.append(label)
            continue
        erase.extend(_dot_runs(sorted(group, key=lambda i: centroids[i, 0]), centroids, max_gap))
        if label is not None:
            group = [label]
    if not erase:
        return grey
    # Each dot with its anti-aliased rim: the dark core grown by a pixel or two.
    is_erased = np.zeros(n, dtype=np.uint8)
    is_erased[np.asarray(erase)] = 1
    mask = is_erased[labels]
    rim = max(3, int(round(dpi / 100)) * 2 + 1)
    mask = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (rim, rim)))
    out = grey.copy()
    out[mask > 0] = 255
    return out


def _dot_runs(row: list[int], centroids: np.ndarray, max_gap: float, min_run: int = 4) -> list[int]:
    """The dots of ``row`` (sorted by x) that belong to runs of at least ``min_run`` evenly spaced dots."""
    found: list[int] = []
    run = [row[0]] if row else []
    for label in row[1:]:
        gap = centroids[label, 0] - centroids[run[-1], 0]
        if 0 < gap <= max_gap:
            run.append(label)
            continue
        if len(run) >= min_run:
            found.extend(run)
        run = [label]
    if len(run) >= min_run:
        found.extend(run)
    return found


def normalise_colour(rgb: np.ndarray, background: np.ndarray) -> np.ndarray:
    """Whitens the paper of the colour image while keeping the hue of the ink (red seals, blue signatures):
    each channel is divided by the paper brightness estimated on the grey image."""
    bg = np.maximum(background, 1)
    out = cv2.divide(rgb, cv2.merge([bg, bg, bg]), scale=255)
    # Paper that is nearly white becomes white: it keeps JPEG small and the copy legible.
    _, paper = cv2.threshold(cv2.cvtColor(out, cv2.COLOR_RGB2GRAY), 235, 255, cv2.THRESH_BINARY)
    return cv2.max(out, cv2.merge([paper, paper, paper]))


def colour_mode(rgb: np.ndarray) -> ColourMode:
    """'colour' when the page has coloured ink (seals, signatures, photos), 'grey' otherwise (scanner noise has
    too little saturation to count)."""
    small = cv2.resize(rgb, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    hsv = cv2.cvtColor(small, cv2.COLOR_RGB2HSV)
    saturated = (hsv[..., 1] > 80) & (hsv[..., 2] < 245) & (hsv[..., 2] > 50)
    return "colour" if saturated.mean() > 0.0003 else "grey"


def binarize(grey: np.ndarray) -> np.ndarray:
    """A clean black-on-white binary image (for table lines and analysis): light denoise, then Otsu."""
    den = cv2.medianBlur(grey, 3)
    _, binary = cv2.threshold(den, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return binary
