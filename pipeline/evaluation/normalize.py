"""Comparison normaliser: the one place that decides when two extracted values "say the same thing".

Pure functions, no I/O. Rules (docs/evaluation.md):

- Unicode NFC, whitespace runs collapsed to one space, ends trimmed, case folded;
- surrounding punctuation that carries no meaning (``.,;:``) is trimmed;
- Vietnamese tone marks placed in one canonical style (``canonical_tones``), so that the old style
  (``hòa``, ``thủy``, ``khỏe``) and the new style (``hoà``, ``thuỷ``, ``khoẻ``) compare equal;
- a value that is a whole date (``05/02/2024``, ``5-2-2024``, ``05.02.2024``, ``2024-02-05``,
  ``ngày 05 tháng 02 năm 2024``) becomes ISO ``YYYY-MM-DD``.

Diacritics themselves are kept: ``Nguyễn`` and ``Nguyên`` stay different.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any, Literal

# The five Vietnamese tone marks as combining characters: grave, acute, tilde, hook above, dot below.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Vowel modifiers that are part of the letter, not the tone: circumflex, breve, horn.
VOWEL_MODIFIERS = frozenset("\u0302\u0306\u031b")
VOWELS = frozenset("aeiouy")
# Two-vowel endings whose tone placement differs between the old and the new style.
STYLE_PAIRS = frozenset({"oa", "oe", "uy"})

ToneStyle = Literal["new", "old"]

# A run of letters, each with any combining marks (no digits: "Hòa123" is the word "Hòa" then "123").
_WORD = re.compile(r"(?:[^\W\d_][\u0300-\u036f]*)+")
_SPACE = re.compile(r"\s+")
_TRIM = " .,;:"


class _Letter:
    """One base letter of a decomposed word with its non-tone combining marks."""

    __slots__ = ("base", "marks")

    def __init__(self, base: str):
        self.base = base
        self.marks: list[str] = []

    @property
    def is_vowel(self) -> bool:
        return self.base.lower() in VOWELS

    @property
    def has_modifier(self) -> bool:
        return any(mark in VOWEL_MODIFIERS for mark in self.marks)


def _split_letters(word: str) -> tuple[list[_Letter], list[str]] | None:
    """Decompose ``word`` into letters and the tone marks found; None if it starts with a mark."""
    letters: list[_Letter] = []
    tones: list[str] = []
    for char in unicodedata.normalize("NFD", word):
        if unicodedata.combining(char):
            if not letters:
                return None
            if char in TONE_MARKS:
                tones.append(char)
            else:
                letters[-1].marks.append(char)
        else:
            letters.append(_Letter(char))
    return letters, tones


def _vowel_run(letters: list[_Letter]) -> tuple[int, int] | None:
    """The nucleus of a syllable: [start, end) of its first run of vowels, after the onsets qu- and gi-."""
    start = next((i for i, letter in enumerate(letters) if letter.is_vowel), None)
    if start is None:
        return None
    end = start
    while end < len(letters) and letters[end].is_vowel:
        end += 1
    if end - start > 1 and start > 0:
        onset = letters[start - 1].base.lower() + letters[start].base.lower()
        if onset in ("qu", "gi") and not letters[start].marks:
            start += 1
    return start, end


def _tone_position(letters: list[_Letter], start: int, end: int, style: ToneStyle) -> int:
    """Index of the letter that carries the tone mark, by the Vietnamese placement rules."""
    run = letters[start:end]
    modified = [start + i for i, letter in enumerate(run) if letter.has_modifier]
    if modified:
        return modified[-1]  # ơ in ươ, ê in iê/yê, ô in uô, ư in ưa/ưu, â, ă
    if end < len(letters):
        return end - 1  # a final consonant follows: the last vowel (hoàng, toán, quỳnh)
    if len(run) >= 3:
        return start + 1  # ngoài, khuỷu, xoáy
    if len(run) == 2:
        pair = "".join(letter.base.lower() for letter in run)
        if pair in STYLE_PAIRS:
            return start + 1 if style == "new" else start
        return start  # hái, mùa, mía, túi, kèo
    return start


def canonical_word(word: str, style: ToneStyle = "new") -> str:
    """One syllable with its tone mark moved to the canonical vowel; case is kept; NFC out.

    A word without a tone mark, with several tone marks, with more than three vowels in a row or with a
    second group of vowels (not one Vietnamese syllable, e.g. ``café``) is only NFC-normalised.
    """
    split = _split_letters(word)
    if split is None:
        return unicodedata.normalize("NFC", word)
    letters, tones = split
    run = _vowel_run(letters)
    if len(tones) != 1 or run is None or run[1] - run[0] > 3 or any(x.is_vowel for x in letters[run[1] :]):
        return unicodedata.normalize("NFC", word)
    position = _tone_position(letters, run[0], run[1], style)
    parts: list[str] = []
    for index, letter in enumerate(letters):
        parts.append(letter.base + "".join(letter.marks))
        if index == position:
            parts.append(tones[0])
    return unicodedata.normalize("NFC", "".join(parts))


def canonical_tones(text: str, style: ToneStyle = "new") -> str:
    """``text`` with every syllable's tone mark in one placement style (default: the new style,
    ``hoà``, ``thuỷ``, ``khoẻ``; ``style="old"`` gives ``hòa``, ``thủy``, ``khỏe``). NFC out."""
    text = unicodedata.normalize("NFC", text)
    return _WORD.sub(lambda match: canonical_word(match.group(0), style), text)


def collapse_spaces(text: str) -> str:
    """NFC, every whitespace run (newlines included) turned into one space, ends trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDED_DATE = re.compile(r"ngày\s*(\d{1,2})\s*,?\s*tháng\s*(\d{1,2})\s*,?\s*năm\s*(\d{4})", re.IGNORECASE)


def _iso(year: str, month: str, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """ISO ``YYYY-MM-DD`` when the whole of ``text`` is one date in figures, else None.

    Day-first like Vietnamese papers: ``05/02/2024`` is 5 February 2024.
    """
    text = collapse_spaces(text).strip(_TRIM)
    if match := _ISO_DATE.fullmatch(text):
        return _iso(match.group(1), match.group(2), match.group(3))
    for pattern in (_NUMERIC_DATE, _WORDED_DATE):
        if match := pattern.fullmatch(text):
            return _iso(match.group(3), match.group(2), match.group(1))
    return None


def normalize_text(text: str) -> str:
    """The comparison form of free text: NFC, spaces collapsed, canonical tones, case folded, trimmed."""
    text = collapse_spaces(text).strip(_TRIM)
    return unicodedata.normalize("NFC", canonical_tones(text).casefold())


def comparison_key(value: Any) -> str | None:
    """The form in which two values are compared; None for a missing value (None or blank)."""
    if value is None:
        return None
    if isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value)
    if not text.strip():
        return None
    return parse_date(text) or normalize_text(text)


def same_value(predicted: Any, truth: Any) -> bool:
    """True when both values are present and equal after normalisation."""
    left, right = comparison_key(predicted), comparison_key(truth)
    return left is not None and left == right
