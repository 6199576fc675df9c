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

from extractors.layout import Token, make_token

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

MARGIN = 4  # pixels kept around the table region


def erase_rules(gray: np.ndarray) -> np.ndarray:
    """The image with its long horizontal and vertical strokes (the ruled lines) painted white."""
    binary = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    h, w = binary.shape
    horizontal = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (w // 25, 1)))
    vertical = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, h // 25)))
    mask = cv2.dilate(horizontal | vertical, np.ones((5, 5), np.uint8))
    clean = gray.copy()
    clean[mask > 0] = 255
    return clean


def read_region_without_rules(image_path: str, box: tuple[int, int, int, int], dpi: int,
                              lang: str = "vie") -> list[Token]:
    """The words of ``box`` (x0, y0, x1, y1 in page pixels) read again with the ruled lines erased, as
    tokens in page coordinates. Empty when the image cannot be read or Tesseract fails."""
    from pipeline.ocr import words_and_lines
    from pipeline.tesseract import image_to_data

    gray = cv2.imread(image_path, cv2.IMREAD_GRAYSCALE)
    if gray is None:
        return []
    h, w = gray.shape
    x0, y0 = max(0, box[0] - MARGIN), max(0, box[1] - MARGIN)
    x1, y1 = min(w, box[2] + MARGIN), min(h, box[3] + MARGIN)
    if x1 - x0 < 10 or y1 - y0 < 10:
        return []
    region = erase_rules(gray)[y0:y1, x0:x1]
    data = image_to_data(region, dpi or None, lang, psm=6)  # a single uniform block of text
    words, _ = words_and_lines(data)
    return [make_token(word.text, (word.bbox[0] + x0, word.bbox[1] + y0, word.bbox[2] + x0, word.bbox[3] + y0),
                       word.conf) for word in words]
