"""Is a cell empty, printed or handwritten? Three signs, each cheap:

- contrast: no pixel darker than the paper by ``EMPTY_CONTRAST`` grey levels (after the darkest 0.5 %) is an
  empty cell;
- agreement: Tesseract ``vie`` (one text line, psm 7) and the handwriting recognizer read the same letters
  (case-free, 1 - normalised edit distance), and Tesseract is sure of its words: type reads alike to both,
  a hand rarely does;
- baseline regularity: the median deviation of the bottoms of the ink's letter-sized blobs from their median,
  in letter heights (print sits on one line; a hand wanders).

Printed takes agreement and a regular baseline; anything else with ink is handwritten.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image
from rapidfuzz.distance import Levenshtein

EMPTY_CONTRAST = 25
PRINTED_AGREEMENT = 0.9
PRINTED_CONFIDENCE = 80.0
PRINTED_BASELINE = 0.12


@dataclass(frozen=True)
class Script:
    kind: str  # empty | printed | handwritten
    agreement: float  # of Tesseract's and the recognizer's readings (0 for an empty cell)
    tesseract_confidence: float
    baseline_spread: float  # in letter heights


def contrast(grey: np.ndarray) -> float:
    return float(np.percentile(grey, 90) - np.percentile(grey, 0.5))


def baseline_spread(grey: np.ndarray) -> float:
    paper, darkest = float(np.percentile(grey, 90)), float(np.percentile(grey, 0.5))
    ink = (grey < paper - 0.4 * (paper - darkest)).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    if len(heights) < 3:
        return 0.0
    typical = float(np.median(heights))
    letters = stats[1:][(heights > 0.5 * typical) & (heights < 1.6 * typical)]
    if len(letters) < 3:
        return 0.0
    bottoms = letters[:, cv2.CC_STAT_TOP] + letters[:, cv2.CC_STAT_HEIGHT]
    # The median deviation from the median bottom: descenders (g, y) and dots are a minority.
    return float(np.median(np.abs(bottoms - np.median(bottoms))) / max(typical, 1.0))


def tesseract_line(grey: np.ndarray) -> tuple[str, float]:
    from pipeline.tesseract import image_to_data

    # Tesseract reads best with text ~30 px high and a margin of paper.
    scale = 48.0 / max(grey.shape[0], 1)
    big = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC) if scale > 1 else grey
    big = cv2.copyMakeBorder(big, 10, 10, 10, 10, cv2.BORDER_CONSTANT, value=float(np.percentile(grey, 90)))
    data = image_to_data(big, None, psm=7)
    words = [(t.strip(), c) for t, c in zip(data["text"], data["conf"], strict=True) if t.strip() and c >= 0]
    if not words:
        return "", 0.0
    return " ".join(t for t, _ in words), float(np.mean([c for _, c in words]))


def classify(image: Image.Image, recognized: str) -> Script:
    grey = np.asarray(image.convert("L"), dtype=np.uint8)
    if np.median(np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])) < 110:
        grey = 255 - grey
    if contrast(grey) < EMPTY_CONTRAST:
        return Script("empty", 0.0, 0.0, 0.0)
    text, confidence = tesseract_line(grey)
    agreement = Levenshtein.normalized_similarity(text.casefold(), recognized.casefold()) if text else 0.0
    spread = baseline_spread(grey)
    printed = agreement >= PRINTED_AGREEMENT and confidence >= PRINTED_CONFIDENCE and spread <= PRINTED_BASELINE
    return Script("printed" if printed else "handwritten", round(agreement, 3), round(confidence, 1),
                  round(spread, 3))
