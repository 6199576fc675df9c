"""Field values between the contract's forms (ISO dates, ``male``/``female``, digits) and what an officer
reads and types (``dd/mm/yyyy``, ``Nam``/``Nữ``). Parsing returns the contract form or a Vietnamese error."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from app.web.labels import SEX

_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def display(kind: str, value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    if kind == "date":
        iso = _ISO.match(text)
        if iso:
            return f"{iso.group(3)}/{iso.group(2)}/{iso.group(1)}"
    if kind == "sex":
        return SEX.get(text, text)
    return text


def parse(kind: str, text: str) -> tuple[str | None, str | None]:
    """(value in the contract's form, None) or (None, error message). Empty text is the value None."""
    text = " ".join(unicodedata.normalize("NFC", text or "").split())
    if not text:
        return None, None
    if kind == "date":
        return _parse_date(text)
    if kind == "year":
        if re.fullmatch(r"\d{4}", text):
            return text, None
        return None, "năm cần 4 chữ số"
    if kind == "sex":
        folded = text.lower()
        if folded in ("nam", "male"):
            return "male", None
        if folded in ("nữ", "nu", "female"):
            return "female", None
        return None, "giới tính là Nam hoặc Nữ"
    if kind == "personal_id":
        digits = re.sub(r"\D", "", text)
        if len(digits) in (9, 12) and len(digits) == len(re.sub(r"[\s.]", "", text)):
            return digits, None
        return None, "số định danh gồm 12 chữ số (CMND cũ: 9 chữ số)"
    if kind == "name":
        return text.upper(), None
    return text, None


def _parse_date(text: str) -> tuple[str | None, str | None]:
    found = _DATE.match(text) or _ISO.match(text)
    if not found:
        return None, "ngày ghi theo dạng ngày/tháng/năm, ví dụ 05/02/2024"
    a, b, c = (int(g) for g in found.groups())
    day, month, year = (c, b, a) if _ISO.match(text) else (a, b, c)
    try:
        return date(year, month, day).isoformat(), None
    except ValueError:
        return None, "ngày không có thật trên lịch"
