"""OCR one page with Tesseract (``vie``, in this process: pipeline.tesseract): words with boxes and confidences,
grouped into lines in Tesseract's reading order, NFC. Tesseract must run single-threaded (OMP_THREAD_LIMIT=1);
pages run in parallel workers instead (see pipeline.process)."""

from __future__ import annotations

import os
import unicodedata

import numpy as np

from pipeline.models import Line, Word

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


OCR_DPI = 200  # a page finer than OCR_MAX_DPI is read at this resolution (its boxes given at its own)
# Off (None): reading 300-dpi pages at 200 dpi saved 30–55 % of Tesseract's time and read the sample corpus
# as well, but on a held-out family of register spreads it turned 0 wrong accepted values into 72 (small type
# in narrow cells); set 250 to read finer pages at 200 dpi again (docs/deploy.md).
OCR_MAX_DPI: int | None = None
BOX_COLUMNS = ("left", "top", "width", "height")


def ocr_page(grey: np.ndarray, dpi: int, lang: str = "vie",
             full_resolution: bool = False) -> tuple[list[Word], list[Line]]:
    """Words and lines of one upright, straightened grey page (automatic page segmentation), boxes in the page's
    pixels. With ``OCR_MAX_DPI`` set, a finer page is read at 200 dpi (30–55 % less Tesseract time; off by
    default, see above). ``full_resolution``: read as it is (an ID card straightened from a photo: its
    resolution is the canvas's, its print tiny)."""
    from pipeline.tesseract import image_to_data

    scale = OCR_DPI / dpi if OCR_MAX_DPI is not None and dpi > OCR_MAX_DPI and not full_resolution else 1.0
    if scale == 1.0:
        return words_and_lines(image_to_data(grey, dpi, lang, psm=3))
    import cv2

    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    data = image_to_data(small, round(dpi * scale), lang, psm=3)
    for column in BOX_COLUMNS:
        data[column] = [round(value / scale) for value in data[column]]
    return words_and_lines(data)


def words_and_lines(data: dict[str, list]) -> tuple[list[Word], list[Line]]:
    """Builds Word and Line models from Tesseract's TSV columns (``pipeline.tesseract.image_to_data``)."""
    words: list[Word] = []
    lines: list[Line] = []
    keys: dict[tuple[int, int, int], int] = {}
    for i, raw in enumerate(data["text"]):
        text = unicodedata.normalize("NFC", str(raw)).strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        x, y, w, h = (int(data[k][i]) for k in ("left", "top", "width", "height"))
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        if key not in keys:
            keys[key] = len(lines)
            lines.append(Line(text="", bbox=(x, y, x + w, y + h), words=[]))
        line_index = keys[key]
        words.append(
            Word(
                text=text,
                conf=round(conf / 100.0, 4),
                bbox=(x, y, x + w, y + h),
                block=key[0],
                par=key[1],
                line=line_index,
            )
        )
        lines[line_index].words.append(len(words) - 1)
    for line in lines:
        members = [words[i] for i in line.words]
        line.text = " ".join(w.text for w in members)
        line.bbox = (
            min(w.bbox[0] for w in members),
            min(w.bbox[1] for w in members),
            max(w.bbox[2] for w in members),
            max(w.bbox[3] for w in members),
        )
    return words, lines


def page_text(lines: list[Line]) -> str:
    return "\n".join(line.text for line in lines)


def mean_confidence(words: list[Word]) -> float:
    """Mean word confidence weighted by word length (0..1)."""
    if not words:
        return 0.0
    total = sum(len(w.text) for w in words)
    return round(sum(w.conf * len(w.text) for w in words) / total, 4)
