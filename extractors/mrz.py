"""The machine-readable zone on the back of an ID card (ICAO 9303 TD1, three lines of 30 characters), read
from the OCR text: a second reading of the personal number, date of birth, sex and expiry date.

Line 1: ``IDVNM`` + document number (the last 9 digits) + check digit + the 12-digit personal number;
line 2: birth ``YYMMDD`` + check, sex ``M``/``F``, expiry ``YYMMDD`` + check, ``VNM``. When the check digits
verify, the values are exact; otherwise they only confirm (or stand in for) what OCR read on the front.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel

from extractors.layout import PageLayout

_DIGIT_FIXES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "|": "1", "Z": "2",
                              "S": "5", "B": "8", "G": "6", "«": "<"})
_LINE1 = re.compile(r"I[DO0]VNM([0-9A-Z<]+)")
_LINE1_NUMBERS = re.compile(r"(\d{9})(\d)(\d{12})(?=<|$)")
_LINE2 = re.compile(r"([0-9A-Z]{6})([0-9A-Z<])([MF<])([0-9A-Z]{6})([0-9A-Z<])VNM")


NO_EXPIRY = "991231"


class Mrz(BaseModel):
    personal_id: str | None = None
    date_of_birth: str | None = None
    sex: str | None = None
    expiry_date: str | None = None
    checked: bool = False  # every check digit read verified


def check_digit(text: str) -> str:
    """ICAO 9303 check digit: weights 7, 3, 1; digits as themselves, letters A=10…, '<' = 0."""
    total = 0
    for i, ch in enumerate(text):
        value = int(ch) if ch.isdigit() else (ord(ch) - 55 if ch.isalpha() else 0)
        total += value * (7, 3, 1)[i % 3]
    return str(total % 10)


def _date(yymmdd: str, future: bool) -> str | None:
    if not yymmdd.isdigit():
        return None
    yy, mm, dd = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    this_year = dt.date.today().year % 100
    century = 2000 if future or yy <= this_year else 1900
    try:
        return dt.date(century + yy, mm, dd).isoformat()
    except ValueError:
        return None


def read_mrz(layout: PageLayout) -> Mrz | None:
    """The MRZ on the page, or None when there is none."""
    texts = [line.text.replace(" ", "").translate(str.maketrans({"«": "<"})) for line in layout.lines]
    mrz = Mrz()
    checks: list[bool] = []
    for text in texts:
        upper = text.upper()
        first = _LINE1.search(upper)
        if first and mrz.personal_id is None:
            numbers = _LINE1_NUMBERS.search(first.group(1).translate(_DIGIT_FIXES))
            if numbers:
                mrz.personal_id = numbers.group(3)
                checks.append(check_digit(numbers.group(1)) == numbers.group(2))
                checks.append(numbers.group(1) == numbers.group(3)[3:])  # the document number ends the id
            continue
        second = _LINE2.search(upper)
        if second and mrz.date_of_birth is None:
            birth, expiry = second.group(1).translate(_DIGIT_FIXES), second.group(4).translate(_DIGIT_FIXES)
            mrz.date_of_birth = _date(birth, future=False)
            # 991231: a card without expiry ("Không thời hạn"), not a date.
            mrz.expiry_date = None if expiry == NO_EXPIRY else _date(expiry, future=True)
            mrz.sex = {"M": "male", "F": "female"}.get(second.group(3))
            checks.append(check_digit(birth) == second.group(2).translate(_DIGIT_FIXES))
            checks.append(check_digit(expiry) == second.group(5).translate(_DIGIT_FIXES))
    if mrz.personal_id is None and mrz.date_of_birth is None:
        return None
    mrz.checked = bool(checks) and all(checks)
    return mrz
