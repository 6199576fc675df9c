"""Degradation tiers: what a scanner, a photocopier and an old paper do to a clean page (OpenCV + numpy).

- ``clean``: 300 dpi, straight, white paper.
- ``scan``: 200 dpi, skew up to ±3°, yellowed paper, slight blur, sensor noise, JPEG artefacts.
- ``hard``: 150–200 dpi, pages turned 90/180/270°, uneven light, photocopy look (grey, hard contrast, toner
  specks), fold shadow, skew, blur, noise, JPEG artefacts.

``skew`` is in degrees, counter-clockwise positive (as OpenCV's and Pillow's ``rotate``); ``rotation`` is the
clockwise quarter turn applied after the skew.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

TIERS = ("clean", "scan", "hard")


@dataclass(frozen=True)
class Plan:
    """What is done to one document's pages; recorded in the truth."""

    tier: str
    dpi: int
    skew: float
    rotation: int
    photocopy: bool
    fold: bool


def plan(tier: str, rng: random.Random, allow_rotation: bool = True, dpi: int | None = None) -> Plan:
    """Draw the degradation of one document; ``dpi`` fixes the resolution (pages of one file share it)."""
    chosen = _plan(tier, rng, allow_rotation)
    if dpi is None:
        return chosen
    return Plan(chosen.tier, dpi, chosen.skew, chosen.rotation, chosen.photocopy, chosen.fold)


def _plan(tier: str, rng: random.Random, allow_rotation: bool) -> Plan:
    if tier == "clean":
        return Plan(tier, 300, 0.0, 0, False, False)
    if tier == "scan":
        skew = round(rng.uniform(0.3, 3.0) * rng.choice([-1, 1]), 2)
        return Plan(tier, 200, skew, 0, False, False)
    if tier == "hard":
        skew = round(rng.uniform(0.2, 3.0) * rng.choice([-1, 1]), 2)
        rotation = rng.choice([0, 90, 180, 270]) if allow_rotation else 0
        return Plan(tier, rng.choice([150, 175, 200]), skew, rotation, rng.random() < 0.6, rng.random() < 0.7)
    raise ValueError(f"unknown tier {tier!r}")


def apply(image: Image.Image, p: Plan, seed: int) -> Image.Image:
    """Return the degraded page as an RGB image (the input is the clean page rendered at ``p.dpi``)."""
    if p.tier == "clean":
        return image
    rng = np.random.default_rng(seed)
    arr = np.asarray(image, dtype=np.float32)
    h, w = arr.shape[:2]
    arr = _paper(arr, rng, yellow=p.tier == "scan" or not p.photocopy)
    if p.photocopy:
        arr = _photocopy(arr, rng)
    if p.tier == "hard":
        arr = arr * _uneven_light(h, w, rng)[..., None]
        if p.fold:
            arr = _fold(arr, rng)
    arr = _skew(arr, p.skew)
    noise = rng.standard_normal(arr.shape[:2], dtype=np.float32) * (2.0 if p.tier == "scan" else 3.0)
    arr = cv2.GaussianBlur(arr + noise[..., None], (0, 0), 0.6 if p.tier == "scan" else 0.8)
    out = np.clip(arr, 0, 255).astype(np.uint8)
    out = _jpeg_round_trip(out, 72 if p.tier == "scan" else 55)
    result = Image.fromarray(out)
    if p.rotation:
        result = result.rotate(-p.rotation, expand=True)  # Pillow rotates counter-clockwise
    return result


def _paper(arr: np.ndarray, rng: np.random.Generator, yellow: bool) -> np.ndarray:
    """Tint the white paper (ink stays dark) with a faint low-frequency mottle."""
    h, w = arr.shape[:2]
    tint = np.array([246, 238, 214] if yellow else [243, 243, 240], dtype=np.float32)
    mottle = cv2.resize(rng.normal(0, 1, (8, 6)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    paper = tint[None, None, :] + mottle[..., None] * 3.0
    return arr / 255.0 * paper


def _photocopy(arr: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    grey = arr @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    grey = np.clip((grey - 40) * 1.35, 0, 255)  # hard contrast: light greys wash out, dark get darker
    grey = 255 * (grey / 255) ** 1.6
    specks = rng.random(grey.shape) < 0.0006
    grey[specks] = rng.uniform(20, 90, int(specks.sum()))
    grey = cv2.erode(grey, np.ones((2, 2), np.uint8)) * 0.35 + grey * 0.65  # toner spreads a little
    return np.repeat(grey[..., None], 3, axis=2)


def _uneven_light(h: int, w: int, rng: np.random.Generator) -> np.ndarray:
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    dist = np.hypot((xx - cx) / w, (yy - cy) / h)
    return (1.0 - rng.uniform(0.18, 0.3) * np.clip(dist, 0, 1.2)).astype(np.float32)


def _fold(arr: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A fold across the middle: a soft shadow band with a thin highlight along it."""
    h, w = arr.shape[:2]
    horizontal = rng.random() < 0.7
    size = h if horizontal else w
    pos = size * rng.uniform(0.45, 0.55)
    coords = np.arange(size, dtype=np.float32)
    band = 1.0 - 0.22 * np.exp(-(((coords - pos) / (size * 0.012)) ** 2))
    band += 0.06 * np.exp(-(((coords - pos - size * 0.008) / (size * 0.002)) ** 2))
    profile = band[:, None] if horizontal else band[None, :]
    return arr * profile[..., None]


def _skew(arr: np.ndarray, degrees: float) -> np.ndarray:
    if not degrees:
        return arr
    h, w = arr.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(arr, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=(200, 200, 196))


def _jpeg_round_trip(arr: np.ndarray, quality: int) -> np.ndarray:
    ok, buf = cv2.imencode(".jpg", cv2.cvtColor(arr, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return cv2.cvtColor(cv2.imdecode(buf, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
