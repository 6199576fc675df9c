"""What a person sees, before and after: the pages of a signed revision and of the final file rendered and
read by poppler (``pdftoppm``, ``pdftotext -bbox``) and compared, text and pixels.

Only pages whose drawing inputs changed are rendered (``revisions.changed_pages``). Areas that later signatures
and form filling may change (``revisions.allowed_areas``) are left out of the comparison, with one exception:
a widget may draw there, but not hide what the page itself showed at signing (page ink, seen then, turned
lighter: the "hide-and-replace" shadow attack, an opaque field or stamp over the printed text).

Rendering is at most ``RENDER_PX`` pixels on the long side, grey, whatever the page size (a bounded cost,
and text changes of ~8 pt still show).
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import numpy as np
import pikepdf
from PIL import Image

from pipeline.signing.models import VisualCheck
from pipeline.signing.revisions import Area, allowed_areas, changed_pages

RENDER_PX = 1000  # long side of a rendered page, pixels (~85 dpi for A4)
PIXEL_DELTA = 64  # grey levels: a pixel counts as changed beyond this (anti-aliasing noise stays below)
MIN_CHANGED_PIXELS = 4  # a changed mark smaller than this is not a visible change
INK = 128  # darker than this in the signed revision: something drawn
MIN_HIDDEN_PIXELS = 8  # page ink made lighter inside a widget area
MASK_MARGIN_PX = 2  # anti-aliased widget borders spill over the rectangle's edge
POPPLER_TIMEOUT_S = 60
POPPLER_MEMORY_BYTES = 512 * 1024 * 1024  # address space of one poppler run: a hostile page fails, not the host
PARALLEL_POPPLER = 2
MAX_RENDERED_PAGES = 300  # more changed pages than this: "cannot validate" rather than an hour of rendering
PRLIMIT = shutil.which("prlimit")
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', re.DOTALL
)
PAGE_SIZE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


class VisualCheckFailed(Exception):
    """poppler or qpdf could not read or render a revision."""


def _run(args: list[str]) -> bytes:
    tool = args[0]
    limited = [PRLIMIT, f"--as={POPPLER_MEMORY_BYTES}", "--", *args] if PRLIMIT else args
    try:
        done = subprocess.run(limited, capture_output=True, timeout=POPPLER_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise VisualCheckFailed(f"{tool}: {err}") from err
    if done.returncode != 0:
        raise VisualCheckFailed(f"{tool} exit {done.returncode}: {done.stderr.decode(errors='replace')[:200]}")
    return done.stdout


class RenderedFile:
    """One revision on disk, its pages rendered and read on demand (cached: the final file serves every
    signature)."""

    def __init__(self, path: Path):
        self.path = path
        self._pixels: dict[tuple[int, bool], np.ndarray] = {}
        self._words: dict[int, tuple[tuple[float, float], list[tuple[float, float, str]]]] = {}

    def pixels(self, page: int, annotations: bool = True) -> np.ndarray:
        key = (page, annotations)
        if key not in self._pixels:
            n = str(page + 1)
            hide = [] if annotations else ["-hide-annotations"]
            out = _run(["pdftoppm", "-gray", "-scale-to", str(RENDER_PX), *hide, "-f", n, "-l", n, "-singlefile",
                        str(self.path)])
            try:
                self._pixels[key] = np.asarray(Image.open(io.BytesIO(out)).convert("L"), dtype=np.int16)
            except OSError as err:
                raise VisualCheckFailed(f"pdftoppm page {n}: {err}") from err
        return self._pixels[key]

    def words(self, page: int) -> tuple[tuple[float, float], list[tuple[float, float, str]]]:
        """The page size and its words as (u, v, text): the word's centre in page fractions."""
        if page not in self._words:
            n = str(page + 1)
            out = _run(["pdftotext", "-bbox", "-enc", "UTF-8", "-f", n, "-l", n, str(self.path), "-"])
            text = out.decode("utf-8", errors="replace")
            size = PAGE_SIZE.search(text)
            width, height = (float(size.group(1)), float(size.group(2))) if size else (1.0, 1.0)
            words = [
                ((float(x0) + float(x1)) / 2 / width, (float(y0) + float(y1)) / 2 / height,
                 unicodedata.normalize("NFC", html.unescape(w)))
                for x0, y0, x1, y1, w in WORD.findall(text)
            ]
            self._words[page] = ((width, height), words)
        return self._words[page]


def _inside(u: float, v: float, areas: list[Area]) -> bool:
    return any(a.u0 <= u <= a.u1 and a.v0 <= v <= a.v1 for a in areas)


def _mask(shape: tuple[int, int], areas: list[Area]) -> np.ndarray:
    h, w = shape
    mask = np.zeros(shape, dtype=bool)
    for a in areas:
        x0 = max(int(a.u0 * w) - MASK_MARGIN_PX, 0)
        x1 = min(int(np.ceil(a.u1 * w)) + MASK_MARGIN_PX, w)
        y0 = max(int(a.v0 * h) - MASK_MARGIN_PX, 0)
        y1 = min(int(np.ceil(a.v1 * h)) + MASK_MARGIN_PX, h)
        mask[y0:y1, x0:x1] = True
    return mask


def _text_differs(old: RenderedFile, new: RenderedFile, page: int, areas: list[Area]) -> bool:
    (size_old, words_old), (size_new, words_new) = old.words(page), new.words(page)
    if size_old != size_new:
        return True
    # as placed words, not as a reading order: poppler may order the same words differently once a
    # stamp adds words of its own
    keep_old = Counter((w, round(u, 4), round(v, 4)) for u, v, w in words_old if not _inside(u, v, areas))
    keep_new = Counter((w, round(u, 4), round(v, 4)) for u, v, w in words_new if not _inside(u, v, areas))
    return keep_old != keep_new


def _pixels_differ(old: RenderedFile, new: RenderedFile, page: int, areas: list[Area]) -> tuple[bool, bool]:
    """(visible change outside the allowed areas, page drawing hidden inside them)."""
    a, b = old.pixels(page), new.pixels(page)
    if a.shape != b.shape:
        return True, False
    changed = np.abs(a - b) > PIXEL_DELTA
    allowed = _mask(a.shape, areas)
    outside = int(np.count_nonzero(changed & ~allowed))
    # ink seen at signing made lighter inside a widget area: hidden, if the page itself drew it (the page
    # rendered without annotations is needed only then)
    lightened = allowed & (a < INK) & (b - a > PIXEL_DELTA)
    hidden = 0
    if np.count_nonzero(lightened) >= MIN_HIDDEN_PIXELS:
        page_only = old.pixels(page, annotations=False)
        hidden = int(np.count_nonzero(lightened & (page_only < INK))) if page_only.shape == a.shape else 0
    return outside >= MIN_CHANGED_PIXELS, hidden >= MIN_HIDDEN_PIXELS


def _prefetch(old: RenderedFile, new: RenderedFile, pages: list[int]) -> None:
    """Renders and reads both revisions' pages two at a time (poppler runs outside the GIL)."""
    jobs = [job for p in pages for job in (partial(old.pixels, p), partial(new.pixels, p),
                                           partial(old.words, p), partial(new.words, p))]
    with ThreadPoolExecutor(max_workers=PARALLEL_POPPLER) as pool:
        for done in [pool.submit(job) for job in jobs]:
            done.result()


def _open(source: Path | bytes) -> pikepdf.Pdf:
    try:
        return pikepdf.open(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (pikepdf.PdfError, OSError, ValueError) as err:
        raise VisualCheckFailed(f"qpdf: {err}") from err


def compare(signed_revision: bytes, final: RenderedFile, workdir: Path) -> VisualCheck:
    """The signed revision (its bytes) against the final file: pages added or removed, and on the pages
    whose objects changed, text and pixels outside the areas later signatures and form filling may change."""
    with _open(signed_revision) as old_pdf, _open(final.path) as new_pdf:
        try:
            n_old, n_new = len(old_pdf.pages), len(new_pdf.pages)
            pages = changed_pages(old_pdf, new_pdf)
            areas = {p: allowed_areas(old_pdf, old_pdf.pages[p].obj, new_pdf.pages[p].obj) for p in pages}
        except (pikepdf.PdfError, ValueError, TypeError, KeyError, AttributeError) as err:
            raise VisualCheckFailed(f"qpdf: {type(err).__name__}: {err}") from err
    check = VisualCheck(revision_bytes=len(signed_revision), pages_before=n_old, pages_after=n_new,
                        pages_compared=[p + 1 for p in pages])
    if not pages:
        return check
    if len(pages) > MAX_RENDERED_PAGES:
        raise VisualCheckFailed(f"{len(pages)} trang thay đổi, quá {MAX_RENDERED_PAGES} trang để đối chiếu")
    with tempfile.NamedTemporaryFile(dir=workdir, suffix=".pdf") as fh:
        fh.write(signed_revision)
        fh.flush()
        old = RenderedFile(Path(fh.name))
        _prefetch(old, final, pages)
        for p in pages:
            if _text_differs(old, final, p, areas[p]):
                check.text_changed.append(p + 1)
            outside, hidden = _pixels_differ(old, final, p, areas[p])
            if outside:
                check.pixels_changed.append(p + 1)
            if hidden:
                check.hidden_under_widget.append(p + 1)
    return check
