"""Tesseract as a line recognizer: pipeline.tesseract's engine in single-line mode (``psm`` 7)."""

from __future__ import annotations

import unicodedata

import numpy as np

from pipeline.recognizers.base import LineText

LINE_PSM = 7
MARGIN = 8  # paper added around a tight crop: Tesseract reads a line better with some room around it


class TesseractLineRecognizer:
    name = "tesseract"

    def __init__(self, lang: str = "vie"):
        self.lang = lang

    def read_line(self, grey: np.ndarray) -> LineText:
        from pipeline.tesseract import image_to_data

        paper = int(np.percentile(grey, 90)) if grey.size else 255
        padded = np.pad(grey, MARGIN, constant_values=paper)
        data = image_to_data(padded, None, self.lang, psm=LINE_PSM)
        words = [(unicodedata.normalize("NFC", t).strip(), c) for t, c in zip(data["text"], data["conf"], strict=True)]
        words = [(t, c / 100.0) for t, c in words if t and c >= 0]
        if not words:
            return LineText("", 0.0)
        text = " ".join(t for t, _ in words)
        chars: list[float] = []
        for i, (t, c) in enumerate(words):
            chars.extend([c] * (len(t) + (1 if i else 0)))
        return LineText(text, float(np.mean(chars)), tuple(chars))
