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
    """Return the degraded page, RGB (greyscale "L" for a photocopy); the input is the clean page at ``p.dpi``.

    Works on uint8 images with OpenCV's saturating arithmetic (a 200 dpi page in about 0.2 s)."""
    if p.tier == "clean":
        return image
    rng = np.random.default_rng(seed)
    arr = np.asarray(image.convert("RGB"), dtype=np.uint8)
    h, w = arr.shape[:2]
    arr = cv2.multiply(arr, _paper(h, w, rng, yellow=p.tier == "scan" or not p.photocopy), scale=1 / 255)
    if p.photocopy:
        arr = _photocopy(arr, rng)
    if p.tier == "hard":
        shade = _uneven_light(h, w, rng)
        if p.fold:
            shade = _fold(shade, rng)
        arr = cv2.multiply(arr, cv2.merge([shade, shade, shade]), scale=1 / 255)
    arr = _skew(arr, p.skew)
    sigma = 2.0 if p.tier == "scan" else 3.0
    # Grain: saturating add of (noise + 16) then subtract 16, all in uint8.
    grain = np.clip(rng.standard_normal((h, w), dtype=np.float32) * sigma + 16, 0, 32).astype(np.uint8)
    arr = cv2.subtract(cv2.add(arr, cv2.merge([grain, grain, grain])), (16, 16, 16, 0))
    arr = cv2.GaussianBlur(arr, (0, 0), 0.6 if p.tier == "scan" else 0.8)
    arr = _jpeg_round_trip(arr, 72 if p.tier == "scan" else 55)
    # A photocopy is scanned in greyscale: one channel.
    result = Image.fromarray(cv2.cvtColor(arr, cv2.COLOR_RGB2GRAY) if p.photocopy else arr)
    if p.rotation:
        result = result.rotate(-p.rotation, expand=True)  # Pillow rotates counter-clockwise
    return result


def _paper(h: int, w: int, rng: np.random.Generator, yellow: bool) -> np.ndarray:
    """The paper colour (yellowed, or the cool white of a photocopy) with a faint low-frequency mottle."""
    tint = np.array([246, 238, 214] if yellow else [243, 243, 240], dtype=np.float32)
    small = tint[None, None, :] + rng.normal(0, 3.0, (6, 8, 1)).astype(np.float32)
    mid = np.clip(cv2.resize(small, (max(8, w // 16), max(6, h // 16)), interpolation=cv2.INTER_CUBIC), 0, 255)
    return cv2.resize(mid.astype(np.uint8), (w, h), interpolation=cv2.INTER_LINEAR)


def _photocopy(arr: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Grey, hard contrast (light greys wash out, darks get darker), toner specks, strokes a little fatter."""
    grey = cv2.cvtColor(arr, cv2.COLOR_RGB2GRAY)
    levels = np.arange(256, dtype=np.float32)
    curve = 255 * (np.clip((levels - 40) * 1.35, 0, 255) / 255) ** 1.6
    grey = cv2.LUT(grey, curve.astype(np.uint8))
    specks = rng.random(grey.shape, dtype=np.float32) < 0.0006
    grey[specks] = rng.integers(20, 90, int(specks.sum()), dtype=np.uint8)
    grey = cv2.addWeighted(cv2.erode(grey, np.ones((2, 2), np.uint8)), 0.35, grey, 0.65, 0)
    return cv2.cvtColor(grey, cv2.COLOR_GRAY2RGB)


def _uneven_light(h: int, w: int, rng: np.random.Generator) -> np.ndarray:
    """A light falling off from a random point: a uint8 map (255 = full light), computed small and enlarged."""
    sh, sw = max(2, h // 16), max(2, w // 16)
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    cx, cy = rng.uniform(0, sw), rng.uniform(0, sh)
    dist = np.hypot((xx - cx) / sw, (yy - cy) / sh)
    light = 255 * (1.0 - rng.uniform(0.18, 0.3) * np.clip(dist, 0, 1.2))
    return cv2.resize(light.astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR).astype(np.uint8)


def _fold(shade: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A fold across the middle: a soft shadow band with a thin highlight along it (applied to the light map)."""
    h, w = shade.shape
    horizontal = rng.random() < 0.7
    size = h if horizontal else w
    pos = size * rng.uniform(0.45, 0.55)
    coords = np.arange(size, dtype=np.float32)
    band = 1.0 - 0.22 * np.exp(-(((coords - pos) / (size * 0.012)) ** 2))
    band += 0.06 * np.exp(-(((coords - pos - size * 0.008) / (size * 0.002)) ** 2))
    profile = band[:, None] if horizontal else band[None, :]
    return np.clip(shade.astype(np.float32) * profile, 0, 255).astype(np.uint8)


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
