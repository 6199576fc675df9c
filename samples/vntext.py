"""Vietnamese writing conventions used on the documents: numbers and dates in words, date lines, tone style.

Dates in words follow the civil-status forms: ``Ngày mười lăm, tháng sáu, năm một nghìn chín trăm tám mươi``.
Number words have regional/stylistic variants (DOMAIN.md): mốt (…1 after twenty), tư (…4), lăm / nhăm (…5),
linh / lẻ (zero tens), nghìn / ngàn. A :class:`WordStyle` picks one of each.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

# Combining tone marks (after NFD): grave, acute, hook above, tilde, dot below.
TONE_MARKS = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


@dataclass(frozen=True)
class WordStyle:
    thousand: str = "nghìn"  # or "ngàn"
    zero_tens: str = "linh"  # or "lẻ"
    four: str = "tư"  # after twenty: "tư" or "bốn"
    five: str = "lăm"  # after ten/twenty: "lăm" or "nhăm" ("nhăm" only after "mươi")

    @staticmethod
    def pick(rng: random.Random) -> WordStyle:
        return WordStyle(
            thousand=rng.choice(["nghìn", "nghìn", "ngàn"]),
            zero_tens=rng.choice(["linh", "linh", "lẻ"]),
            four=rng.choice(["tư", "bốn"]),
            five=rng.choice(["lăm", "lăm", "nhăm"]),
        )


def two_digits_in_words(n: int, style: WordStyle) -> str:
    """1..99 in words, e.g. 15 -> 'mười lăm', 21 -> 'hai mươi mốt', 24 -> 'hai mươi tư'."""
    if not 0 < n < 100:
        raise ValueError(n)
    tens, units = divmod(n, 10)
    if tens == 0:
        return DIGITS[units]
    if tens == 1:
        head = "mười"
        if units == 0:
            return head
        if units == 5:
            return f"{head} lăm"
        return f"{head} {DIGITS[units]}"
    head = f"{DIGITS[tens]} mươi"
    if units == 0:
        return head
    if units == 1:
        return f"{head} mốt"
    if units == 4:
        return f"{head} {style.four}"
    if units == 5:
        return f"{head} {style.five}"
    return f"{head} {DIGITS[units]}"


def three_digits_in_words(n: int, style: WordStyle, leading: bool) -> str:
    """0..999; when not ``leading`` the hundreds are always said ('không trăm linh năm')."""
    hundreds, rest = divmod(n, 100)
    parts: list[str] = []
    if hundreds or not leading:
        parts.append(f"{DIGITS[hundreds]} trăm")
    if rest:
        if rest < 10 and parts:
            parts.append(f"{style.zero_tens} {DIGITS[rest]}")
        else:
            parts.append(two_digits_in_words(rest, style))
    return " ".join(parts)


def year_in_words(year: int, style: WordStyle) -> str:
    """e.g. 1980 -> 'một nghìn chín trăm tám mươi', 2005 -> 'hai nghìn không trăm linh năm'."""
    thousands, rest = divmod(year, 1000)
    text = f"{DIGITS[thousands]} {style.thousand}"
    if rest:
        text += " " + three_digits_in_words(rest, style, leading=False)
    return text


MONTHS = {1: "một", 2: "hai", 3: "ba", 4: "tư", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín",
          10: "mười", 11: "mười một", 12: "mười hai"}


def date_in_words(d: date, style: WordStyle) -> str:
    """'Ngày mười lăm, tháng sáu, năm một nghìn chín trăm tám mươi'."""
    day = two_digits_in_words(d.day, style)
    return f"Ngày {day}, tháng {MONTHS[d.month]}, năm {year_in_words(d.year, style)}"


def date_figures(d: date) -> str:
    """'05/02/2024'."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def date_long(d: date) -> str:
    """'ngày 05 tháng 02 năm 2024' (leading zero for days below 10 and months 1 and 2)."""
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def tone_style(text: str, style: str) -> str:
    """Move tone marks in syllables ending in oa/oe/uy: style 'old' gives hòa/khỏe/thủy, 'new' hoà/khoẻ/thuỷ.

    Syllables with a final consonant (hoàng, quỳnh) and 'qu' + vowel syllables (quý) have one spelling only.
    """
    if style not in ("old", "new"):
        raise ValueError(style)
    return " ".join(_tone_word(w, style) for w in text.split(" "))


def _tone_word(word: str, style: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in TONE_MARKS]
    if len(tones) != 1:
        return word
    bare = nfc("".join(c for c in decomposed if c not in TONE_MARKS))
    low = bare.lower()
    if len(low) < 2 or low[-2:] not in ("oa", "oe", "uy") or low.startswith("qu"):
        return word
    if len(low) >= 3 and low[-3] in "aăâeêioôơuưy":
        return word
    pos = len(bare) - 2 if style == "old" else len(bare) - 1
    return nfc(bare[:pos] + nfc(bare[pos] + tones[0]) + bare[pos + 1 :])
