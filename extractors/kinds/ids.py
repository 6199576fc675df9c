"""Personal numbers: 12 digits (số định danh cá nhân, PPP G YY NNNNNN) or 9 (old CMND). No check digit.

Inside a number the OCR confusions O/o/D/Q→0 (and a leading 0 read as "("), l/I/i/|→1, Z→2, S→5, B→8 are
repaired; each repair lowers the quality. What can be checked alone is the length and the province code;
agreement with the date of birth and sex is a rule (extractors/rules.py).
"""

from __future__ import annotations

import re

from extractors.kinds.base import KindResult, invalid
from extractors.kinds.places import province_codes
from extractors.text import squash

_FIXES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "(": "0", "l": "1", "I": "1", "i": "1", "|": "1",
                        "Z": "2", "S": "5", "B": "8"})
_CANDIDATE = re.compile(r"[0-9OoDQ(lIi|ZSB][0-9OoDQlIi|ZSB .\-]{7,20}[0-9OoDQlIi|ZSB]")


_CLEAN = re.compile(r"(?<![0-9])(\d{3}[ .]?\d{3}[ .]?\d{3}[ .]?\d{3}|\d{3}[ .]?\d{3}[ .]?\d{3})(?![0-9])")


def parse_personal_id(text: str) -> KindResult:
    """Kind ``personal_id``: the digits only."""
    text = squash(text)
    clean = [re.sub(r"[ .]", "", m.group(1)) for m in _CLEAN.finditer(text)]
    clean.sort(key=len, reverse=True)  # a 12-digit number before a 9-digit one
    if clean:
        digits = clean[0]
        if len(digits) == 12 and int(digits[:3]) not in province_codes():
            return invalid(f"mã tỉnh {digits[:3]} không tồn tại", value=digits)
        return KindResult(value=digits, valid=True, quality=1.0)
    best: KindResult | None = None
    for match in _CANDIDATE.finditer(text):
        raw = re.sub(r"[ .\-]", "", match.group(0))
        digits = raw.translate(_FIXES)
        if not digits.isdigit() or len(digits) not in (9, 12):
            continue
        repairs = sum(1 for a, b in zip(raw, digits, strict=True) if a != b)
        if len(digits) == 12 and int(digits[:3]) not in province_codes():
            return invalid(f"mã tỉnh {digits[:3]} không tồn tại", value=digits)
        quality = max(0.0, 1.0 - 0.15 * repairs)
        result = KindResult(value=digits, valid=True, quality=quality, repaired=repairs > 0)
        if best is None or (len(digits) == 12 and len(best.value or "") != 12):
            best = result
    if best is not None:
        return best
    digits_only = re.sub(r"\D", "", text)
    if not text:
        return invalid("trống")
    return invalid(f"số định danh phải có 12 (hoặc 9) chữ số: {text}", value=digits_only or None)


def id_birth_facts(personal_id: str) -> tuple[int, str] | None:
    """(birth year, sex) encoded in a 12-digit number, or None (9 digits encode neither)."""
    if len(personal_id) != 12 or not personal_id.isdigit():
        return None
    g = int(personal_id[3])
    century = 1900 + 100 * (g // 2)
    year = century + int(personal_id[4:6])
    sex = "male" if g % 2 == 0 else "female"
    return year, sex
