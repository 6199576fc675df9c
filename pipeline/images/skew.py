"""Skew of the text lines, with a measure of how sure it is.

Two methods look at the small binary image (ink = 255, lines about horizontal):

- the projection profile: the angle in ±MAX_SKEW whose horizontal projection of the ink is sharpest;
- the line blobs: characters smeared along the rows make one blob per text line; the length-weighted median of
  their angles (``cv2.minAreaRect``).

An estimate is taken only when it is not at the edge of the search range and either both methods agree or the
page holds many text lines and the projection has a clear peak. Otherwise the skew is "not known" and the image
is left as it is (a strip of two lines whose sharpest projection lies at the edge of the range was turned by
10.5 degrees and read empty).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

MAX_SKEW = 10.0
EDGE = 1.0  # an angle this close to ±MAX_SKEW is the edge of the search, not a measurement
AGREEMENT = 0.6  # degrees between the two methods for them to agree
MANY_LINES = 10  # a page with this many text lines may trust the projection alone
LEVEL_TIE = 0.002  # a level projection this close to the sharpest one wins (no needless resampling)
CLEAR_PEAK = 0.25  # ... when its peak stands this much above the profile 2 degrees away


@dataclass(frozen=True)
class SkewEstimate:
    angle: float  # degrees to correct (positive: the text rose to the right); 0.0 when not known
    measured: float  # the projection's sharpest angle, taken or not
    confidence: float  # 0..1
    lines: int  # text-line blobs seen
    known: bool  # whether ``angle`` is an estimate (False: the image is left as it is)


def projection_skew(binary: np.ndarray) -> tuple[float, float] | None:
    """The sharpest-projection angle (coarse 0.5° steps, then 0.05°) and its peak's contrast: 1 − sharpness 2°
    away / sharpness at the peak. None when there is too little ink."""
    ys, xs = np.nonzero(binary)
    if len(xs) < 500:
        return None
    if len(xs) > 60_000:
        pick = np.random.default_rng(0).choice(len(xs), 60_000, replace=False)
        xs, ys = xs[pick], ys[pick]
    xs = xs.astype(np.float32) - binary.shape[1] / 2
    ys = ys.astype(np.float32)
    height = binary.shape[0]
    offset = np.float32(binary.shape[1] * np.tan(np.deg2rad(MAX_SKEW + 2.5)) / 2)

    def sharpness(angle: float) -> float:
        proj = ys + xs * np.float32(np.tan(np.deg2rad(angle))) + offset
        hist = np.bincount(np.clip(proj, 0, height * 3 - 1).astype(np.int32), minlength=height * 3)
        return float(np.dot(hist.astype(np.float64), hist))

    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5)
    best = float(max(coarse, key=sharpness))
    fine = np.arange(best - 0.5, best + 0.51, 0.05)
    best = float(max(fine, key=sharpness))
    peak = sharpness(best)
    if abs(best) < 0.5 and sharpness(0.0) >= (1 - LEVEL_TIE) * peak:
        best, peak = 0.0, sharpness(0.0)  # a level page measured a hair off level is level
    away = max(sharpness(best - 2.0), sharpness(best + 2.0))
    return best, (1 - away / peak if peak > 0 else 0.0)


def blob_skew(binary: np.ndarray) -> tuple[float | None, int]:
    """The length-weighted median angle of the text-line blobs, and how many there are (None when none)."""
    h, w = binary.shape
    length = max(9, int(min(h, w) * 0.02))
    smeared = cv2.morphologyEx(binary, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    contours, _ = cv2.findContours(smeared, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    angles: list[float] = []
    weights: list[float] = []
    for contour in contours:
        (_, _), (rw, rh), angle = cv2.minAreaRect(contour)
        if rw < rh:
            rw, rh, angle = rh, rw, angle - 90
        if rh < 3 or rw < 6 * rh or rw < 40:
            continue
        angle = (angle + 90) % 180 - 90  # the long side's angle in image coordinates (y down)
        if abs(angle) > MAX_SKEW + 2:
            continue
        angles.append(-angle)  # rising to the right is positive
        weights.append(rw)
    if not angles:
        return None, 0
    order = np.argsort(angles)
    cumulative = np.cumsum(np.asarray(weights)[order])
    median = float(np.asarray(angles)[order][np.searchsorted(cumulative, cumulative[-1] / 2)])
    return median, len(angles)


def measure_skew(binary: np.ndarray) -> SkewEstimate:
    """The skew of a binary image whose text lines run about horizontally (see the module's rules)."""
    projected = projection_skew(binary)
    if projected is None:
        return SkewEstimate(0.0, 0.0, 0.0, 0, False)
    angle, contrast = projected
    blobs, lines = blob_skew(binary)
    at_edge = abs(angle) > MAX_SKEW - EDGE
    agree = blobs is not None and abs(blobs - angle) <= AGREEMENT
    many = lines >= MANY_LINES and contrast >= CLEAR_PEAK
    known = not at_edge and (agree or many)
    confidence = 0.0 if at_edge else min(1.0, contrast / CLEAR_PEAK) * (1.0 if agree else 0.6 if many else 0.3)
    return SkewEstimate(angle if known else 0.0, angle, round(confidence, 3), lines, known)
