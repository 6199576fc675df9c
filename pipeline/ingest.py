"""Ingest: sniff the real file type, refuse what cannot be read (one clear reason), list the pages, and load
one page image at a time (in the worker process that OCRs it).

Supported: PDF (rendered with pdf2image/poppler), TIFF (multi-page), PNG, JPEG (EXIF orientation honoured), WebP.
Limits on bytes, pages and pixels make a decompression bomb a refusal, not a crash: every image's size is read
from its header or its PDF dictionary and checked (pipeline.limits) before a pixel is decoded, and a page larger
than the pipeline's working size is reduced to it while it is loaded.
"""

from __future__ import annotations

import io
import struct
import subprocess
from pathlib import Path
from typing import Literal

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError
from pydantic import BaseModel

from pipeline import limits as size_limits
from pipeline.config import Limits, settings
from pipeline.errors import BadInput
from pipeline.quiet import silence_imaging_libraries

silence_imaging_libraries()

Kind = Literal["pdf", "png", "jpeg", "tiff", "webp"]

MIN_RENDER_DPI = 150
DEFAULT_PDF_DPI = 300  # for PDF pages that are not a single scanned image
RENDER_TIMEOUT = 120  # seconds for poppler to render one page (a content stream can be a bomb too)
MAX_DIRECT_JPEG_BYTES = 64 * 2**20  # a scanned page's JPEG read whole to decode it directly
# What Pillow raises on a corrupt file, besides its own errors (the fuzz run found a TIFF cut short that gives a
# TypeError, "Missing dimensions"; tests/data/hostile/).
CORRUPT_IMAGE = (UnidentifiedImageError, OSError, SyntaxError, ValueError, TypeError, KeyError, IndexError,
                 struct.error, EOFError, ZeroDivisionError)


class PageSource(BaseModel):
    """Where one page comes from: enough for a worker process to load it. Small and picklable."""

    path: str
    kind: Kind
    index: int  # 0-based page or frame index
    dpi: int
    has_text: bool = False
    size: tuple[int, int] | None = None  # image pages: reduced to this size when loaded (None: their own size)


def sniff_kind(path: Path, head: bytes) -> Kind:
    """The real type from the first bytes, whatever the file's name says."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "tiff"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    looks_text = _looks_like_text(head)
    what = "a text file" if looks_text else "an unsupported file type"
    raise BadInput(path, f"not a PDF or image: the content is {what} (supported: PDF, TIFF, PNG, JPEG, WebP)")


def _looks_like_text(head: bytes) -> bool:
    """UTF-8 (or ASCII) text without control characters other than whitespace."""
    sample = head[:1024]
    text = sample.decode("utf-8", errors="ignore")
    if len(text.encode("utf-8")) < len(sample) - 3:  # more than a character cut at the end did not decode
        return False
    return bool(text) and all(c.isprintable() or c in "\t\r\n" for c in text)


def open_document(path: Path, limits: Limits | None = None) -> list[PageSource]:
    """Checks the file and lists its pages. Raises BadInput with the reason for anything unreadable."""
    limits = limits or settings().limits
    path = Path(path)
    if not path.exists():
        raise BadInput(path, "no such file")
    if path.is_dir():
        raise BadInput(path, "is a folder, not a file")
    size = path.stat().st_size
    if size == 0:
        raise BadInput(path, "empty file (0 bytes)")
    if size > limits.max_bytes:
        raise BadInput(path, f"file too large ({size / 2**20:.0f} MB; limit {limits.max_bytes / 2**20:.0f} MB)")
    with path.open("rb") as fh:
        head = fh.read(2048)
    kind = sniff_kind(path, head)
    if kind == "pdf":
        return _pdf_pages(path, limits)
    return _image_pages(path, kind, limits)


def _pdf_pages(path: Path, limits: Limits) -> list[PageSource]:
    import pikepdf

    with path.open("rb") as fh:
        fh.seek(max(0, path.stat().st_size - 2048))
        tail = fh.read()
    if b"%%EOF" not in tail:
        raise BadInput(path, "truncated or corrupt PDF (no end-of-file marker)")
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        raise BadInput(path, "encrypted PDF: a password is needed to open it") from None
    except (pikepdf.PdfError, ValueError, OSError) as err:
        raise BadInput(path, f"corrupt PDF ({str(err).splitlines()[0][:120]})") from None
    with pdf:
        n = len(pdf.pages)
        if n == 0:
            raise BadInput(path, "PDF has no pages")
        if n > limits.max_pages:
            raise BadInput(path, f"too many pages ({n}; limit {limits.max_pages})")
        try:
            size_limits.check_pdf_images(path, pdf, limits)
        except (pikepdf.PdfError, ValueError, TypeError) as err:
            raise BadInput(path, f"corrupt PDF ({str(err).splitlines()[0][:120]})") from None
        texts = _pdf_page_texts(path, n)
        sources = []
        for i, page in enumerate(pdf.pages):
            try:
                dpi = _pdf_page_dpi(page)
                w_in, h_in = _page_inches(page)
            except Exception as err:  # a broken page dictionary
                raise BadInput(path, f"corrupt PDF page {i + 1} ({err})") from None
            dpi = dpi or DEFAULT_PDF_DPI
            dpi = max(MIN_RENDER_DPI, min(dpi, limits.max_render_dpi))
            most = min(limits.max_pixels, size_limits.MAX_WORK_PIXELS)
            if w_in * h_in * dpi * dpi > most:
                dpi = int((most / max(w_in * h_in, 1e-6)) ** 0.5)
                if dpi < MIN_RENDER_DPI:
                    raise BadInput(path, f"page {i + 1} is too large ({w_in:.0f}×{h_in:.0f} inches)")
            sources.append(PageSource(path=str(path), kind="pdf", index=i, dpi=dpi, has_text=bool(texts[i])))
    return sources


def _page_inches(page) -> tuple[float, float]:
    box = [float(v) for v in page.mediabox]
    w, h = abs(box[2] - box[0]) / 72, abs(box[3] - box[1]) / 72
    if int(page.obj.get("/Rotate", 0)) % 180 == 90:
        w, h = h, w
    return w, h


def _pdf_page_dpi(page) -> int | None:
    """The resolution of a scanned page: its largest image's pixels over the page's inches (None if no image)."""
    import pikepdf

    w_in, _ = _page_inches(page)
    best = None
    try:
        images = page.get_images()
    except (pikepdf.PdfError, KeyError, TypeError):
        return None
    for _name, raw in images.items():
        try:
            width = int(raw.Width)
            height = int(raw.Height)
        except (AttributeError, ValueError, TypeError):
            continue
        if best is None or width * height > best[0] * best[1]:
            best = (width, height)
    if best is None or w_in <= 0:
        return None
    long_px = max(best)
    long_in = max(_page_inches(page))
    return int(round(long_px / long_in))


def _pdf_page_texts(path: Path, n: int) -> list[str]:
    """The existing text layer of each page (pdftotext), to recognise pages that already carry text."""
    try:
        out = subprocess.run(
            ["pdftotext", "-q", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            timeout=120,
            check=False,
        ).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.TimeoutExpired):
        return [""] * n
    pages = out.split("\f")
    return [(pages[i].strip() if i < len(pages) else "") for i in range(n)]


def _image_pages(path: Path, kind: Kind, limits: Limits) -> list[PageSource]:
    Image.MAX_IMAGE_PIXELS = None  # we check the size ourselves, before any pixel is decoded
    try:
        with Image.open(path) as im:
            frames = getattr(im, "n_frames", 1)
            if frames > limits.max_pages:
                raise BadInput(path, f"too many pages ({frames}; limit {limits.max_pages})")
            sources = []
            for i in range(frames):
                im.seek(i)
                w, h = im.size
                what = f"page {i + 1} of the image" if frames > 1 else "image"
                size_limits.check_pixels(path, w, h, limits, what)
                if w < 16 or h < 16:
                    raise BadInput(path, f"image too small ({w}×{h} pixels)")
                size = size_limits.work_size(w, h)
                if kind == "jpeg":
                    im.draft(im.mode, size or (w, h))  # a large JPEG is decoded at 1/2, 1/4 or 1/8 of its size
                strip = size_limits.tiff_strip_bytes(im.tag_v2, w, h) if kind == "tiff" else 0
                size_limits.check_decoded(path, im.mode, *im.size, what, buffer=strip)
                dpi = _image_dpi(im.info, w, h)
                if size:
                    dpi = max(1, round(dpi * size[0] / w))
                sources.append(PageSource(path=str(path), kind=kind, index=i, dpi=dpi, size=size))
    except BadInput:
        raise
    except CORRUPT_IMAGE as err:
        raise BadInput(path, f"corrupt or unreadable {kind.upper()} image ({err})") from None
    return sources


def _image_dpi(info: dict, width: int, height: int) -> int:
    dpi = info.get("dpi")
    if dpi:
        try:
            value = int(round(float(dpi[0])))
            if 70 <= value <= 1200:
                return value
        except (TypeError, ValueError):
            pass
    # No usable resolution recorded: assume a page of A4 size.
    return max(72, min(600, int(round(max(width, height) / 11.69))))


def load_page(src: PageSource) -> np.ndarray:
    """Decodes one page as an RGB array (H, W, 3) uint8. Raises BadInput if its pixels cannot be read."""
    path = Path(src.path)
    if src.kind == "pdf":
        scanned = _scanned_image(path, src) if not src.has_text else None
        if scanned is not None:
            return scanned
        from pdf2image import convert_from_path
        from pdf2image.exceptions import PDFPageCountError, PDFPopplerTimeoutError, PDFSyntaxError

        try:
            images = convert_from_path(
                path,
                dpi=src.dpi,
                first_page=src.index + 1,
                last_page=src.index + 1,
                fmt="ppm",
                thread_count=1,
                timeout=RENDER_TIMEOUT,
            )
        except (PDFPageCountError, PDFSyntaxError) as err:
            raise BadInput(path, f"page {src.index + 1} cannot be rendered ({err})") from None
        except PDFPopplerTimeoutError:
            raise BadInput(path, f"page {src.index + 1} cannot be rendered in {RENDER_TIMEOUT} s") from None
        if not images:
            raise BadInput(path, f"page {src.index + 1} cannot be rendered")
        return np.asarray(images[0].convert("RGB"))
    Image.MAX_IMAGE_PIXELS = None
    try:
        with Image.open(path) as opened:
            opened.seek(src.index)
            if src.size and src.kind == "jpeg":
                opened.draft(opened.mode, src.size)
            opened.load()
            im = _reduced(opened, src.size) if src.size else opened
            if im is not opened:
                opened.close()  # the large decoded image is freed before the page is converted
            if src.kind == "jpeg":
                im = ImageOps.exif_transpose(im)
            elif src.kind in ("tiff", "webp"):
                im = ImageOps.exif_transpose(im) or im
            return np.asarray(_to_rgb(im))
    except CORRUPT_IMAGE as err:
        raise BadInput(path, f"corrupt or truncated image ({err})") from None


def _scanned_image(path: Path, src: PageSource) -> np.ndarray | None:
    """The page's own JPEG when the page is nothing but one scanned JPEG filling it at the resolution it is read
    at (most scanners' PDFs): decoding it directly is faster and loses nothing. None when the page is anything
    else; poppler renders it then, reading any image row by row, which takes little memory whatever its size."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            page = pdf.pages[src.index]
            if int(page.obj.get("/Rotate", 0)) % 360:
                return None
            images = list(page.get_images().values())
            if len(images) != 1:
                return None
            raw = images[0]
            if raw.get("/Filter") not in (pikepdf.Name.DCTDecode, pikepdf.Array([pikepdf.Name.DCTDecode])):
                return None
            if any(key in raw for key in ("/Decode", "/SMask", "/Mask", "/ImageMask")):
                return None
            width, height = int(raw.Width), int(raw.Height)
            w_in, h_in = _page_inches(page)
            if abs(width - w_in * src.dpi) > 0.01 * width or abs(height - h_in * src.dpi) > 0.01 * height:
                return None  # not at the resolution the page is read at: poppler scales it while rendering
            if width * height > size_limits.MAX_WORK_PIXELS or int(raw.get("/Length", 0)) > MAX_DIRECT_JPEG_BYTES:
                return None
            with Image.open(io.BytesIO(raw.read_raw_bytes()), formats=["JPEG"]) as im:
                if im.size != (width, height) or im.mode not in ("RGB", "L"):
                    return None  # the JPEG is not the size its dictionary says
                im.load()
                return np.asarray(_to_rgb(im))
    except Exception:  # anything unusual: let poppler render the page instead
        return None


def _reduced(im: Image.Image, size: tuple[int, int]) -> Image.Image:
    """A large page reduced to ``size`` (box filter: every pixel counts, strokes stay). Bilevel and palette
    images are turned into greys and colours first (Pillow would pick the nearest pixel for them)."""
    if im.mode == "1":
        im = im.convert("L")
    elif im.mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    if im.size == size:
        return im
    return im.resize(size, Image.Resampling.BOX)


def _to_rgb(im: Image.Image) -> Image.Image:
    if im.mode == "RGB":
        return im
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        im = im.convert("RGBA")
        white = Image.new("RGBA", im.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, im).convert("RGB")
    if im.mode in ("I;16", "I;16B", "I;16L", "I"):
        arr = np.asarray(im, dtype=np.float32)
        arr = (arr / max(float(arr.max()), 1.0) * 255).astype(np.uint8)
        return Image.fromarray(arr).convert("RGB")
    return im.convert("RGB")
