"""The machine-readable zone on the back of an ID card (ICAO 9303 TD1, three lines of 30 characters), read
from the OCR text: a second reading of the personal number, date of birth, sex, expiry date and name.

Line 1: ``IDVNM`` + document number (the last 9 digits of the personal number) + check digit + the 12-digit
personal number + ``<<`` + its check digit; line 2: birth ``YYMMDD`` + check, sex ``M``/``F``, expiry
``YYMMDD`` + check (``991231``: no expiry), ``VNM``, filler and the composite check digit (over line 1
positions 6-30 and line 2 positions 1-7, 9-15 and 19-29); line 3: surname ``<<`` given names, no accents.
When every check digit read verifies, the values are exact; otherwise they only confirm (or stand in for)
what OCR read on the front.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from pydantic import BaseModel

from extractors.layout import PageLayout

_DIGIT_FIXES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "|": "1", "Z": "2",
                              "S": "5", "B": "8", "G": "6", "«": "<"})
_LINE1 = re.compile(r"I[DO0]VNM([0-9A-Z<]+)")
_LINE1_NUMBERS = re.compile(r"(\d{9})(\d)(\d{12})(?:<<(\d))?(?=<|$|\d)")
_LINE2 = re.compile(r"([0-9A-Z]{6})([0-9A-Z<])([MF<])([0-9A-Z]{6})([0-9A-Z<])VNM(<*)([0-9A-Z])?")
_LINE3 = re.compile(r"^([A-Z]+)<<([A-Z<]+)$")
WIDTH = 30


NO_EXPIRY = "991231"


class Mrz(BaseModel):
    personal_id: str | None = None
    date_of_birth: str | None = None
    sex: str | None = None
    expiry_date: str | None = None
    name: str | None = None  # "NGUYEN THI THU HUONG": the name without accents, words in order
    checked: bool = False  # every check digit read verified


def check_digit(text: str) -> str:
    """ICAO 9303 check digit: weights 7, 3, 1; digits as themselves, letters A=10…, '<' = 0."""
    total = 0
    for i, ch in enumerate(text):
        value = int(ch) if ch.isdigit() else (ord(ch) - 55 if ch.isalpha() else 0)
        total += value * (7, 3, 1)[i % 3]
    return str(total % 10)


def latin(text: str) -> str:
    """A Vietnamese name as the MRZ writes it: uppercase ASCII, diacritics dropped, Đ as D."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).upper()


def _date(yymmdd: str, century: int | None, future: bool) -> str | None:
    """A YYMMDD date; ``century`` (1900, 2000) from the personal number when known, else the nearest."""
    if not yymmdd.isdigit():
        return None
    yy, mm, dd = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    this_year = dt.date.today().year % 100
    if century is None:
        century = 2000 if future or yy <= this_year else 1900
    try:
        return dt.date(century + yy, mm, dd).isoformat()
    except ValueError:
        return None


def _birth_century(personal_id: str | None) -> int | None:
    """The century a 12-digit personal number encodes in its fourth digit (0/1: 1900s, 2/3: 2000s…)."""
    if not personal_id or len(personal_id) != 12:
        return None
    return 1900 + 100 * (int(personal_id[3]) // 2)


def read_mrz(layout: PageLayout) -> Mrz | None:
    """The MRZ on the page, or None when there is none."""
    texts = [line.text.replace(" ", "").translate(str.maketrans({"«": "<"})) for line in layout.lines]
    mrz = Mrz()
    checks: list[bool] = []
    line1_body: str | None = None  # line 1 from position 6, for the composite check
    second: re.Match[str] | None = None
    for index, text in enumerate(texts):
        upper = text.upper()
        first = _LINE1.search(upper)
        if first and mrz.personal_id is None:
            numbers = _LINE1_NUMBERS.search(first.group(1).translate(_DIGIT_FIXES))
            if numbers:
                mrz.personal_id = numbers.group(3)
                checks.append(check_digit(numbers.group(1)) == numbers.group(2))
                checks.append(numbers.group(1) == numbers.group(3)[3:])  # the document number ends the id
                if numbers.group(4) is not None:
                    checks.append(check_digit(numbers.group(3)) == numbers.group(4))
                body = first.group(1)
                if len(body) == WIDTH - 5:
                    line1_body = body
            continue
        match = _LINE2.search(upper)
        if match and second is None:
            second = match
            if mrz.name is None and index + 1 < len(texts):
                name = _LINE3.match(texts[index + 1].upper().rstrip("<"))
                if name:
                    mrz.name = " ".join([name.group(1), *[w for w in name.group(2).split("<") if w]])
    if second is not None:
        birth, expiry = second.group(1).translate(_DIGIT_FIXES), second.group(4).translate(_DIGIT_FIXES)
        mrz.date_of_birth = _date(birth, _birth_century(mrz.personal_id), future=False)
        # 991231: a card without expiry ("Không thời hạn"), not a date.
        mrz.expiry_date = None if expiry == NO_EXPIRY else _date(expiry, None, future=True)
        mrz.sex = {"M": "male", "F": "female"}.get(second.group(3))
        checks.append(check_digit(birth) == second.group(2).translate(_DIGIT_FIXES))
        checks.append(check_digit(expiry) == second.group(5).translate(_DIGIT_FIXES))
        composite, filler = second.group(7), second.group(6)
        if line1_body is not None and composite is not None and len(filler) == WIDTH - 19:
            text = (line1_body + birth + second.group(2) + expiry + second.group(5) + filler).translate(_DIGIT_FIXES)
            checks.append(check_digit(text) == composite.translate(_DIGIT_FIXES))
    if mrz.personal_id is None and mrz.date_of_birth is None:
        return None
    mrz.checked = bool(checks) and all(checks)
    return mrz
