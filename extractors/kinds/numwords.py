"""Vietnamese number words → integers (``một nghìn chín trăm tám mươi`` → 1980).

Works on folded words (no diacritics) so that OCR accent errors do not matter; the one pair that folding
merges, ``mười`` (ten) and ``mươi`` (× ten), is told apart by position: after a digit it multiplies.
Variants: mốt (1 after twenty), tư (4), lăm / nhăm (5), linh / lẻ (zero tens), nghìn / ngàn.
"""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from extractors.text import fold

DIGITS = {
    "khong": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "nham": 5,
    "sau": 6, "bay": 7, "tam": 8, "chin": 9,
}
TENS = "muoi"  # mười / mươi
HUNDRED = "tram"
THOUSAND = {"nghin", "ngan"}
ZERO_TENS = {"linh", "le"}
VOCABULARY = sorted(set(DIGITS) | {TENS, HUNDRED, *THOUSAND, *ZERO_TENS})


def _word(token: str) -> str | None:
    """The vocabulary word a folded token stands for, allowing one OCR edit on longer words."""
    token = fold(token).strip(".,;:")
    if token in VOCABULARY:
        return token
    if len(token) < 4:
        return None
    match = process.extractOne(token, VOCABULARY, scorer=Levenshtein.distance, score_cutoff=1)
    return match[0] if match else None


def parse_number_words(text: str) -> int | None:
    """The integer written in words, or None when a word is not a number word."""
    words = [w for w in text.replace(",", " ").split() if w]
    if not words:
        return None
    total = 0
    group = 0
    pending: int | None = None
    seen_any = False
    for raw in words:
        word = _word(raw)
        if word is None:
            return None
        seen_any = True
        if word in DIGITS:
            if pending is not None:  # two digits in a row: not a well-formed number
                return None
            pending = DIGITS[word]
        elif word == TENS:
            if pending is not None:  # "hai mươi": multiplies
                group += pending * 10
                pending = None
            else:  # "mười": ten
                group += 10
        elif word == HUNDRED:
            group += (pending if pending is not None else 1) * 100
            pending = None
        elif word in THOUSAND:
            group += pending or 0
            total += (group or 1) * 1000
            group, pending = 0, None
        elif word in ZERO_TENS:
            continue
    if not seen_any:
        return None
    group += pending or 0
    return total + group


MONTH_NAMES = {"gieng": 1, "chap": 12}


def parse_month_words(text: str) -> int | None:
    folded = fold(text).strip(" ,.")
    if folded in MONTH_NAMES:
        return MONTH_NAMES[folded]
    return parse_number_words(text)
