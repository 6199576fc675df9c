"""Text lines of a page found without a model: the binarised ink's connected components, rules taken out, marks
joined into lines by a dilation as wide as a letter gap and shallower than a line gap, diacritic rows joined to
the line they belong to.

The boxes are in the pixels of the grey image given (dark ink on light paper), top to bottom, then left to right.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

Box = tuple[int, int, int, int]  # x0, y0, x1, y1

WORKING_HEIGHT = 10.0  # pixels: lines to read are looked for on the page scaled so that its words are this high
TEST_HEIGHT = 7.0  # ... and lines to tell a poor reading by on one scaled further (a quarter of the pixels of A4)
MAX_WORKING_SIDE = 1800  # a page with no words read is looked at no larger than this
MIN_MARK_AREA = 6  # pixels: specks of paper grain and dust below this are dropped
RULE_LENGTH = 12  # a horizontal or vertical run this many mark heights long is a rule, not text


@dataclass(frozen=True)
class Ink:
    """The page's ink as marks: the binary image and the boxes and areas of its text-sized components."""

    binary: np.ndarray  # uint8 0/255, rules removed
    boxes: np.ndarray  # (n, 4) x0, y0, x1, y1 of each kept mark
    areas: np.ndarray  # (n,)
    mark_height: float  # median height of the marks, pixels


def binarise(grey: np.ndarray) -> np.ndarray:
    """Ink as 255: a local threshold (uneven light, coloured bands) that leaves plain paper grain out."""
    grey = np.ascontiguousarray(grey, dtype=np.uint8)
    block = max(15, (min(grey.shape) // 24) | 1)
    local = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 12)
    _, global_ = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return cv2.bitwise_and(local, global_) if np.count_nonzero(global_) < 0.5 * global_.size else local


def _without_rules(binary: np.ndarray, mark_height: float) -> np.ndarray:
    length = max(25, int(RULE_LENGTH * mark_height))
    horizontal = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    vertical = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))
    return cv2.subtract(binary, cv2.bitwise_or(horizontal, vertical))


def _marks(binary: np.ndarray) -> np.ndarray:
    stats = cv2.connectedComponentsWithStats(binary, connectivity=8)[2][1:]
    return stats[stats[:, cv2.CC_STAT_AREA] >= MIN_MARK_AREA]


def find_ink(grey: np.ndarray) -> Ink:
    binary = binarise(grey)
    stats = _marks(binary)
    mark_height = float(np.median(stats[:, cv2.CC_STAT_HEIGHT])) if len(stats) else 0.0
    if not mark_height:
        return Ink(binary, np.zeros((0, 4), dtype=int), np.zeros(0, dtype=int), 0.0)
    longest = np.maximum(stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT])
    if (longest >= RULE_LENGTH * mark_height).any():  # rules (frames, tables, underlines) taken out first
        binary = _without_rules(binary, mark_height)
        stats = _marks(binary)
    # Blotches and pictures (far taller than a letter) are no text.
    stats = stats[stats[:, cv2.CC_STAT_HEIGHT] <= 6 * mark_height]
    boxes = np.stack([stats[:, 0], stats[:, 1], stats[:, 0] + stats[:, 2], stats[:, 1] + stats[:, 3]], axis=1)
    return Ink(binary, boxes.astype(int), stats[:, cv2.CC_STAT_AREA].astype(int), mark_height)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def find_lines(grey: np.ndarray, ink: Ink | None = None) -> list[Box]:
    """The text lines of ``grey``: one box per line (a line broken by a wide gap gives one box per part)."""
    ink = ink or find_ink(grey)
    if not len(ink.boxes) or not ink.mark_height:
        return []
    h = ink.mark_height
    mask = np.zeros(ink.binary.shape, dtype=np.uint8)
    for x0, y0, x1, y1 in ink.boxes:
        mask[y0:y1, x0:x1] = 255
    # Wide enough to bridge the gaps between letters and words, shallow enough not to reach the next line.
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(1.6 * h)), 1))
    joined = cv2.dilate(mask, kernel)
    n, _labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    boxes = [[int(s[0]), int(s[1]), int(s[0] + s[2]), int(s[1] + s[3])] for s in stats[1:]]
    boxes = _merge_marks_into_lines(boxes, h)
    pad = max(2, int(0.25 * h))
    height, width = grey.shape[:2]
    out = []
    for x0, y0, x1, y1 in boxes:
        if y1 - y0 < 0.5 * h or x1 - x0 < 1.5 * h:  # a lone speck or a short mark left over: no line
            continue
        out.append((max(0, x0 - pad), max(0, y0 - pad), min(width, x1 + pad), min(height, y1 + pad)))
    return sorted(out, key=lambda b: ((b[1] + b[3]) // 2 // max(1, int(h)), b[0]))


def _merge_marks_into_lines(boxes: list[list[int]], h: float) -> list[list[int]]:
    """Diacritic rows and broken-off marks joined to the line they overlap horizontally and lie next to; parts of
    one line side by side (a gap of a few letters) joined into one."""
    boxes = sorted(boxes, key=lambda b: b[3] - b[1], reverse=True)
    merged: list[list[int]] = []
    for box in boxes:
        target = None
        for line in merged:
            if (box[3] - box[1]) < 0.7 * (line[3] - line[1]):
                # A shallow row above or below a line, within reach of its letters: its accents or descenders.
                vertical_gap = max(line[1] - box[3], box[1] - line[3], 0)
                if vertical_gap <= 0.6 * h and _overlap(box[0], box[2], line[0], line[2]) > 0.5 * (box[2] - box[0]):
                    target = line
                    break
            inside = _overlap(box[1], box[3], line[1], line[3])
            if inside >= 0.6 * min(box[3] - box[1], line[3] - line[1]):
                gap = max(line[0] - box[2], box[0] - line[2], 0)
                if gap <= 2.5 * h:
                    target = line
                    break
        if target is None:
            merged.append(list(box))
        else:
            target[0], target[1] = min(target[0], box[0]), min(target[1], box[1])
            target[2], target[3] = max(target[2], box[2]), max(target[3], box[3])
    return merged


def _darkest_of_blocks(grey: np.ndarray, step: int) -> np.ndarray:
    """The page shrunk by a whole factor, each pixel the darkest of its block: thin strokes are kept, cheaply."""
    darkest = cv2.erode(np.ascontiguousarray(grey, dtype=np.uint8),
                        cv2.getStructuringElement(cv2.MORPH_RECT, (step, step)))
    return np.ascontiguousarray(darkest[::step, ::step])


def find_lines_scaled(grey: np.ndarray, word_height: float | None, working_height: float = WORKING_HEIGHT
                      ) -> tuple[list[Box], float]:
    """``find_lines`` on the page scaled down so that its words (``word_height`` pixels high, None: unknown) are
    about ``working_height`` high: the same lines at a fraction of the cost on a large scan. The boxes are in
    ``grey``'s pixels; the second value is the median mark height, also in ``grey``'s pixels."""
    h, w = grey.shape[:2]
    factor = word_height / working_height if word_height else max(h, w) / MAX_WORKING_SIDE
    step = max(1, int(factor))
    small = grey if step == 1 else _darkest_of_blocks(grey, step)
    ink = find_ink(small)
    boxes = find_lines(small, ink)
    if small is grey:
        return boxes, ink.mark_height
    fx, fy = w / small.shape[1], h / small.shape[0]
    up = [(int(x0 * fx), int(y0 * fy), min(w, int(np.ceil(x1 * fx))), min(h, int(np.ceil(y1 * fy))))
          for x0, y0, x1, y1 in boxes]
    return up, ink.mark_height * fy
