"""The machine-readable zone of the chip cards (ICAO 9303 TD1: three lines of 30 characters) with real check
digits (weights 7-3-1; digits as themselves, A-Z as 10-35, the filler ``<`` as 0).

Line 1: ``IDVNM``, the document number (the last 9 digits of the personal number) and its check digit, then in
the optional data the whole 12-digit personal number, ``<<`` and a check digit over that number. Line 2: date of
birth and its check digit, sex, date of expiry and its check digit (``991231`` for a card without expiry),
``VNM``, filler, and the composite check digit over line 1 positions 6-30 and line 2 positions 1-7, 9-15 and
19-29. Line 3: surname ``<<`` given names separated by ``<``, without diacritics.
"""

from __future__ import annotations

import unicodedata
from datetime import date

WIDTH = 30
WEIGHTS = (7, 3, 1)


def _value(char: str) -> int:
    if char.isdigit():
        return int(char)
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + 10
    if char == "<":
        return 0
    raise ValueError(f"not an MRZ character: {char!r}")


def check_digit(text: str) -> str:
    """The ICAO 9303 check digit of ``text``."""
    return str(sum(_value(c) * WEIGHTS[i % 3] for i, c in enumerate(text)) % 10)


def latin(text: str) -> str:
    """Uppercase ASCII letters of a Vietnamese name: diacritics dropped, Đ as D."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).upper()


def lines(personal_id: str, full_name: str, born: date, sex: str, expires: date | None) -> list[str]:
    """The three MRZ lines of a card with a 12-digit personal number."""
    document = personal_id[3:]
    line1 = f"IDVNM{document}{check_digit(document)}{personal_id}<<{check_digit(personal_id)}"
    line1 = line1[:WIDTH].ljust(WIDTH, "<")
    birth = f"{born:%y%m%d}"
    expiry = f"{expires:%y%m%d}" if expires else "991231"
    line2 = f"{birth}{check_digit(birth)}{'M' if sex == 'male' else 'F'}{expiry}{check_digit(expiry)}VNM"
    line2 = line2.ljust(WIDTH - 1, "<")
    composite = line1[5:] + line2[0:7] + line2[8:15] + line2[18:29]
    line2 += check_digit(composite)
    names = latin(full_name).split()
    line3 = (names[0] + "<<" + "<".join(names[1:]))[:WIDTH].ljust(WIDTH, "<")
    return [line1, line2, line3]


def for_card(fields: dict[str, str | None]) -> list[str]:
    """The MRZ of a card from its contract fields (a 12-digit personal number, name, birth, sex, expiry)."""
    pid, name, born, sex = fields["personal_id"], fields["full_name"], fields["date_of_birth"], fields["sex"]
    if not (pid and len(pid) == 12 and name and born and sex):
        raise ValueError("an MRZ needs the 12-digit personal number, name, date of birth and sex")
    expires = date.fromisoformat(fields["expiry_date"]) if fields["expiry_date"] else None
    return lines(pid, name, date.fromisoformat(born), sex, expires)
