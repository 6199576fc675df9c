"""Dates (ISO ``YYYY-MM-DD``) printed in figures or in words, and years (``YYYY``).

Figures: ``15/06/1980``, ``15-06-1980``, ``15.06.1980``, ``ngày 15 tháng 06 năm 1980``. Inside a date the
OCR confusions O→0 and l/I/|→1 are repaired (only there: the kind says digits are expected).
Words: ``Ngày mười lăm, tháng sáu, năm một nghìn chín trăm tám mươi``.
"""

from __future__ import annotations

import datetime as dt
import re

from extractors.kinds.base import KindResult, invalid
from extractors.kinds.numwords import parse_month_words, parse_number_words
from extractors.text import SLASH_LOOKALIKES, fold, squash

MIN_YEAR = 1880
MAX_YEAR = 2100

# Letters OCR reads for figures; the lowercase ones too, since the worded pattern ignores case ("ngày z3").
_DIGIT_FIXES = str.maketrans({"O": "0", "o": "0", "D": "0", "d": "0", "Q": "0", "q": "0", "l": "1", "L": "1",
                              "I": "1", "|": "1", "i": "1", "!": "1", "Z": "2", "z": "2", "S": "5", "s": "5",
                              "B": "8", "b": "6"})
# Figures parted by slashes, dots or dashes (a typewriter's or OCR's long dash too: "10—03—1936").
_FIGURES = re.compile(r"(?<![\w])([0-9OoDQlI|i!ZSB]{1,2})\s*[/.\-–—]\s*([0-9OoDQlI|i!ZSB]{1,2})\s*[/.\-–—]\s*"
                      r"([0-9OoDQlI|i!ZSB]{4})(?![\w])")
_WORDED = re.compile(r"(?:ng[aà]y\W*|^\W*)([0-9OoDQlI|i!ZSB]{1,2})\W+th[aá]ng\W*([0-9OoDQlI|i!ZSB]{1,2})\W+"
                     r"n[aă]m\W*([0-9OoDQlI|i!ZSB]{4})", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\w])([0-9OoDQlI|i!ZSB]{4})(?![\w])")
_SPACED_YEAR = re.compile(r"(?=(?:\d ?){4}$)\d{1,3} \d{1,3}(?: \d{1,2})?")


def _digits(raw: str) -> tuple[int, bool]:
    fixed = raw.translate(_DIGIT_FIXES)
    return int(fixed), fixed != raw


def make_date(year: int, month: int, day: int) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# A value that is only a date whose separators OCR lost, in whole or in part: "16022023", "1602/2023".
_RUN_TOGETHER = re.compile(r"(\d{2})[/.\-]?(\d{2})[/.\-]?(\d{4})")
LOST_SEPARATOR_QUALITY = 0.9  # the figures are all there and in their fixed order
SPLIT_DAY_QUALITY = 0.6  # a figure of the day read apart: likely the day, for a person to confirm


# A run of figures and slash-like marks that may be a day, a month and a year whose slashes OCR read as "1", "I",
# "l", "|" or "!", one or two marks each, or lost ("16I04I2025", "0711112018", "29I01I12027", "050712000").
# A slash read as a slash is no misreading ("1211/2019" is a number and its year, not 12/11/2019).
_MARKED_RUN = re.compile(r"(?<![\w/])(\d{2})([0-9Il|!]{2,6})(\d{4})(?![\w/])")
_SEPARATOR = re.compile(r"[1Il|!]{0,2}")


def _misread_separators(text: str) -> str | None:
    """The one date that a run of figures and slash-like marks can be read as (day, month, year, each pair of
    figures apart by up to two marks), or None when there is none or more than one."""
    for run in _MARKED_RUN.finditer(text):
        middle = run.group(2)
        dates = set()
        for start in range(len(middle) - 1):
            month, before, after = middle[start:start + 2], middle[:start], middle[start + 2:]
            if month.isdigit() and _SEPARATOR.fullmatch(before) and _SEPARATOR.fullmatch(after):
                value = make_date(int(run.group(3)), int(month), int(run.group(1)))
                if value is not None:
                    dates.add(value)
        if len(dates) == 1:
            return dates.pop()
    return None


def parse_date_figures(text: str) -> KindResult | None:
    """A date in figures found in ``text``, or None when there is none."""
    text = text.translate(SLASH_LOOKALIKES)
    match = _FIGURES.search(text) or _WORDED.search(text)
    if not match:
        whole = _RUN_TOGETHER.fullmatch(text.strip(" .,;:-"))
        if whole:
            value = make_date(int(whole.group(3)), int(whole.group(2)), int(whole.group(1)))
            if value is not None:
                return KindResult(value=value, valid=True, quality=LOST_SEPARATOR_QUALITY, repaired=True,
                                  note="thiếu dấu /")
    if not match:
        value = _misread_separators(text)
        if value is not None:
            return KindResult(value=value, valid=True, quality=0.8, repaired=True, note="dấu / đọc nhầm")
        return None
    (day, r1), (month, r2), (year, r3) = (_digits(g) for g in match.groups())
    split_day = re.search(r"(?<![\w])(\d) $", text[: match.start()])
    if split_day and len(match.group(1)) == 1:
        # "1 5/01/1987": a figure of the day stands apart; the day is the two together, or unclear.
        joined = make_date(year, month, int(split_day.group(1) + match.group(1)))
        if joined is not None:
            return KindResult(value=joined, valid=True, quality=SPLIT_DAY_QUALITY, repaired=True,
                              note=f"ngày bị tách: {split_day.group(0)}{match.group(0)}")
        return invalid(f"ngày không rõ: {split_day.group(0)}{match.group(0)}")
    value = make_date(year, month, day)
    if value is None:
        return invalid(f"ngày không hợp lệ: {match.group(0)}")
    repaired = r1 or r2 or r3
    return KindResult(value=value, valid=True, quality=0.85 if repaired else 1.0, repaired=repaired)




def parse_date_words(text: str) -> KindResult | None:
    """A date written in words, or None when ``text`` does not look like one."""
    folded = fold(squash(text)).replace(",", " ")
    folded = re.sub(r"\b(mong|mung)\b", " ", folded)
    # The first "ngay", the first "thang" after it, the first "nam" after that: keywords, not numbers.
    i_day = folded.find("ngay")
    i_month = folded.find("thang", i_day + 1 if i_day >= 0 else 0)
    if i_day < 0 or i_month < 0:
        return None
    m_year = re.search(r"\bnam\b", folded[i_month + 5:])
    if not m_year:
        return None
    i_year = i_month + 5 + m_year.start()
    day_words = folded[i_day + 4:i_month]
    month_words = folded[i_month + 5:i_year]
    year_words = folded[i_year + 3:]
    year_words = re.split(r"[.;(]", year_words)[0]
    day = parse_number_words(day_words)
    month = parse_month_words(month_words)
    year = parse_number_words(year_words)
    if day is None or month is None or year is None:
        return None
    value = make_date(year, month, day)
    if value is None:
        return invalid("ngày ghi bằng chữ không hợp lệ")
    return KindResult(value=value, valid=True, quality=0.95)


def parse_date(text: str) -> KindResult:
    """Kind ``date``: figures first, then words."""
    text = squash(text)
    if not text:
        return invalid("trống")
    result = parse_date_figures(text)
    if result is not None:
        return result
    result = parse_date_words(text)
    if result is not None:
        return result
    return invalid(f"không đọc được ngày: {text}", value=None)


def parse_year(text: str) -> KindResult:
    """Kind ``year``: four figures (or a year in words)."""
    text = squash(text)
    match = _YEAR.search(text)
    if match:
        year, repaired = _digits(match.group(1))
        if MIN_YEAR <= year <= MAX_YEAR:
            return KindResult(value=f"{year:04d}", valid=True, quality=0.85 if repaired else 1.0,
                              repaired=repaired)
        return invalid(f"năm không hợp lệ: {year}")
    spaced = _SPACED_YEAR.fullmatch(text.strip(" .,;:"))
    if spaced:  # "1 988": OCR split the figures of the year
        year = int(spaced.group(0).replace(" ", ""))
        if MIN_YEAR <= year <= MAX_YEAR:
            return KindResult(value=f"{year:04d}", valid=True, quality=0.85, repaired=True, note="số năm bị tách")
    year = parse_number_words(text)
    if year is not None and MIN_YEAR <= year <= MAX_YEAR:
        return KindResult(value=f"{year:04d}", valid=True, quality=0.9)
    return invalid(f"không đọc được năm: {text}")
