"""Which engine reads what, by configuration: Tesseract always, the ONNX line recognizer as the second engine
when SOHOA_SECOND_RECOGNIZER is ``on`` (the default). Each engine is made once per process."""

from __future__ import annotations

from functools import cache

from pipeline.config import settings
from pipeline.recognizers.base import Recognizer
from pipeline.recognizers.tesseract_line import TesseractLineRecognizer


def second_recognizer_on() -> bool:
    return settings().second_recognizer == "on"


@cache
def line_recognizer() -> Recognizer:
    """The ONNX line recognizer of this process (its session loaded on first use, then kept)."""
    from pipeline.recognizers.onnx_line import OnnxLine

    return OnnxLine()


@cache
def tesseract_line(lang: str = "vie") -> Recognizer:
    return TesseractLineRecognizer(lang)


def second_recognizer() -> Recognizer | None:
    """The engine that reads poorly read lines again, or None when the configuration turns it off."""
    return line_recognizer() if second_recognizer_on() else None
