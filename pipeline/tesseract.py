"""Tesseract in this process, through its C++ API (tesserocr): recognition and orientation detection.

Running the ``tesseract`` command for every page (as pytesseract does) loads the language model, writes the
image to a file and parses text output each time. An engine kept per thread reads a page about 30% faster here
(0.44 s instead of 0.64 s for a 200 dpi A4 page, one thread; ``bench/bench_ocr.py``). The language data is
Debian's (``tesseract-ocr-vie``, ``tesseract-ocr-osd``): ``TESSDATA_PREFIX`` when set, else the first of the
usual folders that holds it.

An engine is not thread-safe: each thread of each process has its own (``threading.local``; a forked process
makes new ones). Tesseract runs with one thread (``OMP_THREAD_LIMIT=1``); pages run in parallel processes.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

TESSDATA_FOLDERS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)
TSV_COLUMNS = ("level", "page_num", "block_num", "par_num", "line_num", "word_num",
               "left", "top", "width", "height", "conf", "text")


class TesseractUnavailable(RuntimeError):
    """The language data cannot be found or loaded."""


@lru_cache(maxsize=1)
def tessdata() -> str:
    """The folder holding the ``.traineddata`` files."""
    candidates = [os.environ.get("TESSDATA_PREFIX", ""), *TESSDATA_FOLDERS]
    for folder in candidates:
        if folder and any(Path(folder).glob("*.traineddata")):
            return folder
    raise TesseractUnavailable(
        "no Tesseract language data (install tesseract-ocr-vie and tesseract-ocr-osd, or set TESSDATA_PREFIX)"
    )


_engines = threading.local()
LEPTONICA_SEVERITY_NONE = 6  # L_SEVERITY_NONE


@lru_cache(maxsize=1)
def _quiet_leptonica() -> None:
    """Leptonica (inside the wheel) prints its internal warnings to stderr ("Error in boxClipToRectangle"), which
    the ``tesseract`` command's users never see through pytesseract; they are not errors of ours, so they are
    turned off (``setMsgSeverity``)."""
    import ctypes

    import tesserocr

    libs = Path(tesserocr.__file__).resolve().parent.parent / "tesserocr.libs"
    for lib in libs.glob("libleptonica*.so*"):
        ctypes.CDLL(str(lib)).setMsgSeverity(LEPTONICA_SEVERITY_NONE)


def _engine(lang: str, psm: int) -> Any:
    """This thread's engine for ``lang`` (created on first use, then reused; the page mode is set per call)."""
    import tesserocr

    pid = os.getpid()
    if getattr(_engines, "pid", None) != pid:  # a forked child starts with its own engines
        _engines.pid, _engines.by_lang = pid, {}
    api = _engines.by_lang.get(lang)
    if api is None:
        _quiet_leptonica()
        try:
            api = tesserocr.PyTessBaseAPI(path=tessdata(), lang=lang, oem=tesserocr.OEM.LSTM_ONLY)
        except RuntimeError as err:
            raise TesseractUnavailable(f"Tesseract cannot load '{lang}' from {tessdata()}: {err}") from err
        # No second pass over inverted (white-on-black) text: certificates have none, and it costs time.
        api.SetVariable("tessedit_do_invert", "0")
        _engines.by_lang[lang] = api
    api.SetPageSegMode(psm)
    return api


def _set_image(api: Any, grey: np.ndarray, dpi: int | None) -> None:
    grey = np.ascontiguousarray(grey, dtype=np.uint8)
    height, width = grey.shape[:2]
    api.SetImageBytes(grey.tobytes(), width, height, 1, width)
    if dpi:
        api.SetSourceResolution(int(dpi))


def image_to_data(grey: np.ndarray, dpi: int | None, lang: str = "vie", psm: int = 3) -> dict[str, list]:
    """Tesseract's TSV for a grey image, as columns (the shape of pytesseract's ``image_to_data`` DICT):
    ``level``, ``block_num``, ``par_num``, ``line_num``, ``left``, ``top``, ``width``, ``height``, ``conf``,
    ``text``…"""
    api = _engine(lang, psm)
    _set_image(api, grey, dpi)
    tsv = api.GetTSVText(0) if api.Recognize() else ""
    api.Clear()
    data: dict[str, list] = {name: [] for name in TSV_COLUMNS}
    for row in tsv.splitlines():
        cells = row.split("\t")
        if len(cells) < len(TSV_COLUMNS):
            cells += [""] * (len(TSV_COLUMNS) - len(cells))
        for name, value in zip(TSV_COLUMNS[:-1], cells, strict=False):
            data[name].append(int(float(value)) if name != "conf" else float(value))
        data["text"].append("\t".join(cells[len(TSV_COLUMNS) - 1:]))
    return data


def orientation(grey: np.ndarray, dpi: int | None) -> tuple[int, float] | None:
    """Tesseract's orientation detection (OSD): how far to turn the page clockwise to make it upright, and the
    confidence; None when there is too little text to tell."""
    import tesserocr

    api = _engine("osd", tesserocr.PSM.OSD_ONLY)
    _set_image(api, grey, dpi)
    try:
        found = api.DetectOrientationScript()
    finally:
        api.Clear()
    if not found:
        return None
    # ``orient_deg`` is how far the page is turned counter-clockwise (the command's "Orientation in degrees");
    # turning it clockwise by the rest of a full turn uprights it (the command's "Rotate").
    return (360 - int(found["orient_deg"])) % 360, float(found["orient_conf"])
