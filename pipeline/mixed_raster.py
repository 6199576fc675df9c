"""Mixed raster content for the archive copy: a page image split into a lossless bitonal text layer at the scan's
resolution (CCITT G4, drawn as a stencil mask in the ink's colour) over a colour (or grey) background at a lower
resolution, from which the text has been taken out.

Only dark, unsaturated ink goes to the text layer; coloured ink (red seals, blue signatures, photos) stays in the
background, in colour. The background is the page with its text (and the text's anti-aliased edge) made paper,
then reduced, so the text leaves no dark halo. On noisy, dense 200-dpi A4 pages the two
layers take a fraction of one JPEG of the whole page; ``pipeline.pdfa.write_page_pdf`` writes them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal

import cv2
import numpy as np
from PIL import Image, TiffImagePlugin

BACKGROUND_DPI = 150  # the background's resolution: the fine lines of seals and signatures keep their colour
BACKGROUND_QUALITY = 50  # 4:4:4 chroma: thin coloured lines (seal rings, frames) keep their colour
PAPER_WHITE = 235  # grey level from which the background is paper (white)
INK_MAX_CHROMA = 40  # mean max(R,G,B) − min(R,G,B) over a stroke whose ink goes to the text layer (black, grey)
INK_THRESHOLD_RANGE = (110, 175)  # grey level separating ink from paper (Otsu's, kept in this range)
# a dark component this large (both sides, inches), this solid and mostly mid-tones is a picture (a photo)
PICTURE_INCHES, PICTURE_FILL, PICTURE_MID_TONES = 0.4, 0.3, 0.5
TIFF_STRIP_OFFSETS, TIFF_STRIP_BYTE_COUNTS, TIFF_ROWS_PER_STRIP = 273, 279, 278


@dataclass(frozen=True)
class MixedRaster:
    mask_g4: bytes  # CCITT group 4, ``width``×``height``, one strip; decoded with /BlackIs1 true, ink paints
    width: int
    height: int
    ink: tuple[float, float, float]  # the text layer's colour, RGB in 0..1
    background_jpeg: bytes
    background_width: int
    background_height: int
    background_mode: Literal["colour", "grey"]

    @property
    def size(self) -> int:
        return len(self.mask_g4) + len(self.background_jpeg)


def ink_mask(rgb: np.ndarray, dpi: int) -> np.ndarray | None:
    """True where the page has dark, unsaturated ink (the text), without specks of one or two pixels; None when
    the dark parts look like a picture (a photo), which a flat ink colour would spoil."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    red, green, blue = cv2.split(rgb)
    chroma = cv2.subtract(cv2.max(cv2.max(red, green), blue), cv2.min(cv2.min(red, green), blue))
    otsu, _ = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    low, high = INK_THRESHOLD_RANGE
    dark = (grey < min(max(otsu, low), high)).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    # a stroke of coloured ink (a signature, a seal's ring) stays in the background: mean chroma per stroke
    inked = dark.astype(bool)
    sums = np.bincount(labels[inked], weights=chroma[inked], minlength=count)
    coloured = sums / np.maximum(stats[:, cv2.CC_STAT_AREA], 1) > INK_MAX_CHROMA
    coloured[0] = True
    if _has_picture(grey, stats, coloured, dpi):
        return None
    text = ~coloured & (stats[:, cv2.CC_STAT_AREA] > 2)  # specks of one or two pixels are noise
    return text[labels]


def _has_picture(grey: np.ndarray, stats: np.ndarray, coloured: np.ndarray, dpi: int) -> bool:
    """A large, solid, dark component whose box is mostly mid-tones: a photo (a QR code or a bold heading is
    mostly black and white)."""
    x, y, widths, heights, areas = (stats[1:, i] for i in range(5))
    big = (np.minimum(widths, heights) > PICTURE_INCHES * dpi) & (areas > PICTURE_FILL * widths * heights)
    for i in np.flatnonzero(big & ~coloured[1:]):
        box = grey[y[i]:y[i] + heights[i], x[i]:x[i] + widths[i]]
        if np.count_nonzero((box > 60) & (box < 190)) > PICTURE_MID_TONES * box.size:
            return True
    return False


def encode_g4(mask: np.ndarray) -> bytes:
    """The mask as CCITT G4 data: the single strip of a G4 TIFF written by libtiff (Pillow writes a bitonal TIFF
    as min-is-black), which a PDF stencil mask reads with ``/BlackIs1 true`` so that the ink is painted."""
    height, width = mask.shape
    image = Image.frombytes("1", (width, height), np.packbits(~mask, axis=1).tobytes())  # 1 bits are white
    info = TiffImagePlugin.ImageFileDirectory_v2()
    info[TIFF_ROWS_PER_STRIP] = height
    buf = io.BytesIO()
    image.save(buf, format="TIFF", compression="group4", tiffinfo=info)
    with Image.open(io.BytesIO(buf.getvalue())) as tiff:
        offsets = tiff.tag_v2[TIFF_STRIP_OFFSETS]
        counts = tiff.tag_v2[TIFF_STRIP_BYTE_COUNTS]
        photometric = tiff.tag_v2.get(262)
    offset = offsets[0] if isinstance(offsets, tuple) else offsets
    count = counts[0] if isinstance(counts, tuple) else counts
    data = buf.getvalue()[offset:offset + count]
    if photometric != 1:
        raise ValueError(f"unexpected TIFF photometric interpretation {photometric} for a G4 mask")
    return data


def background(rgb: np.ndarray, mask: np.ndarray, dpi: int, mode: Literal["colour", "grey"]) -> tuple[bytes, int, int]:
    """The page without its text, at ``BACKGROUND_DPI`` (never above the scan's), as JPEG; returns it and its size.
    The text and a pixel around it (its anti-aliased edge) become paper before the page is reduced."""
    height, width = mask.shape
    factor = max(1.0, dpi / BACKGROUND_DPI)
    size = (max(1, round(width / factor)), max(1, round(height / factor)))
    image = rgb if mode == "colour" else cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    text = cv2.dilate(mask.view(np.uint8) * np.uint8(255), np.ones((3, 3), np.uint8))
    image = cv2.max(image, cv2.merge([text, text, text]) if image.ndim == 3 else text)
    low = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    # paper that is nearly white becomes white (as in the full page): flat areas cost nothing
    grey = low if low.ndim == 2 else cv2.cvtColor(low, cv2.COLOR_RGB2GRAY)
    _, paper = cv2.threshold(grey, PAPER_WHITE - 1, 255, cv2.THRESH_BINARY)
    low = cv2.max(low, cv2.merge([paper, paper, paper]) if low.ndim == 3 else paper)
    buf = io.BytesIO()
    Image.fromarray(low).save(buf, format="JPEG", quality=BACKGROUND_QUALITY, optimize=True, subsampling=0)
    return buf.getvalue(), size[0], size[1]


def split(rgb: np.ndarray, mode: Literal["colour", "grey"], dpi: int) -> MixedRaster | None:
    """The two layers of one page image (RGB, paper already whitened by preprocessing), or None for a page with
    pictures (it keeps one JPEG)."""
    mask = ink_mask(rgb, dpi)
    if mask is None:
        return None
    height, width = mask.shape
    if mask.any():
        sample = rgb.reshape(-1, 3)[np.flatnonzero(mask)[::7]]  # every 7th text pixel is plenty for a colour
        ink = np.percentile(sample, 25, axis=0) / 255.0  # the strokes' core, not their anti-aliased edges
        shade = (float(ink[0]), float(ink[1]), float(ink[2]))
    else:
        shade = (0.0, 0.0, 0.0)
    if mode == "grey":
        level = (shade[0] * 0.299 + shade[1] * 0.587 + shade[2] * 0.114)
        shade = (level, level, level)
    jpeg, bw, bh = background(rgb, mask, dpi, mode)
    return MixedRaster(encode_g4(mask), width, height, shade, jpeg, bw, bh, mode)
