"""Names of people: uppercase, NFC, single spaces, as printed; valid when every word is a syllable."""

from __future__ import annotations

import re

from extractors.kinds.base import KindResult, invalid
from extractors.text import clean_value, is_syllable

_NOT_NAME = re.compile(r"[0-9@#$%^&*=+<>{}\[\]\\/]")
MIN_WORDS = 2
MAX_WORDS = 7


def parse_name(text: str) -> KindResult:
    """Kind ``name``. No repair of letters: a person's name has no dictionary that makes a fix certain."""
    value = clean_value(text).upper()
    value = re.sub(r"\s*[,;:]\s*$", "", value)
    if not value:
        return invalid("trống")
    if _NOT_NAME.search(value):
        return invalid(f"tên có ký tự lạ: {value}", value=value)
    words = value.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return invalid(f"tên có {len(words)} chữ: {value}", value=value)
    bad = [w for w in words if not is_syllable(w)]
    if bad:
        return invalid(f"chữ không phải tiếng Việt: {' '.join(bad)}", value=value)
    return KindResult(value=value, valid=True, quality=1.0)
