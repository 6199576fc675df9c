"""A second reading of a register table: the ruled lines erased from the page image, the table region OCRed
again (Tesseract, one call per page), its words put into the same cells.

The page's own OCR reads a table through its rules: a bar glued to a word, a word cut at a rule, low
confidences. The second reading sees the same words without the rules and with a page segmentation made
for a block of text. Where both readings agree on a cell's value, each confirms the other; where the first
is unusable, the second may stand in; where they disagree, a person decides.
"""

from __future__ import annotations

import os

import cv2
import numpy as np

from extractors.grid import rule_masks
from extractors.layout import Token, make_token

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

MARGIN = 4  # pixels kept around the table region
DEFAULT_DPI = 200  # for an image whose resolution is not known


def without_rules(gray: np.ndarray, horizontal: np.ndarray, vertical: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(ink, clean): the page's ink as a binary image (255 = ink) and the page itself, both with the strokes
    of the rule masks (:func:`extractors.grid.rule_masks`: ruled lines, and short rules dividing cells) taken
    out."""
    binary = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    mask = cv2.dilate(horizontal | vertical, np.ones((5, 5), np.uint8))
    clean = gray.copy()
    clean[(mask > 0) & (binary > 0)] = 255
    return binary & ~mask, clean


def erase_rules(gray: np.ndarray, dpi: int = 0) -> np.ndarray:
    """The image with its horizontal and vertical strokes (the ruled lines) painted white."""
    return without_rules(gray, *rule_masks(gray, dpi or DEFAULT_DPI))[1]


UNREAD_HEIGHT = 0.45  # ink this tall (share of the text height) that no word covers is unread text
WORD_PAD = 0.25  # word boxes grown by this share of the text height (accents above capitals)


def unread_ink(ink: np.ndarray, box: tuple[int, int, int, int], words: list[tuple[int, int, int, int]],
               text_height: float) -> bool:
    """Whether ``box`` (a cell's inside) holds ink that none of ``words`` covers and that is tall enough to
    be letters: a word or a line of the cell that OCR did not read."""
    x0, y0, x1, y1 = (max(0, int(v)) for v in box)
    region = ink[y0:y1, x0:x1].copy()
    if region.size == 0:
        return False
    pad = int(WORD_PAD * text_height) + 2
    for wx0, wy0, wx1, wy1 in words:
        region[max(0, wy0 - y0 - pad):max(0, wy1 - y0 + pad), max(0, wx0 - x0 - pad):max(0, wx1 - x0 + pad)] = 0
    count, _, stats, _ = cv2.connectedComponentsWithStats(region, connectivity=8)
    tall = UNREAD_HEIGHT * text_height
    return any(stats[i, cv2.CC_STAT_HEIGHT] >= tall and stats[i, cv2.CC_STAT_AREA] >= tall * 2
               for i in range(1, count))


def read_region_without_rules(clean: np.ndarray, box: tuple[int, int, int, int], dpi: int,
                              lang: str = "vie") -> list[Token]:
    """The words of ``box`` (x0, y0, x1, y1 in page pixels) of ``clean`` (the page with its rules erased,
    :func:`erase_rules`) read again, as tokens in page coordinates. Empty when Tesseract finds nothing."""
    from pipeline.ocr import words_and_lines
    from pipeline.tesseract import image_to_data

    h, w = clean.shape
    x0, y0 = max(0, box[0] - MARGIN), max(0, box[1] - MARGIN)
    x1, y1 = min(w, box[2] + MARGIN), min(h, box[3] + MARGIN)
    if x1 - x0 < 10 or y1 - y0 < 10:
        return []
    data = image_to_data(clean[y0:y1, x0:x1], dpi or None, lang, psm=6)  # a single uniform block of text
    words, _ = words_and_lines(data)
    return [make_token(word.text, (word.bbox[0] + x0, word.bbox[1] + y0, word.bbox[2] + x0, word.bbox[3] + y0),
                       word.conf) for word in words]
