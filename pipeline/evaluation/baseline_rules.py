"""The naive baseline's knowledge, as data: title keywords per schema and, per field, its main printed
label, which occurrence of that label to take, and the value kind (for simple format normalisation).

Labels are regular expressions matched on the raw OCR text, case included (as printed: the field
label ``Họ, chữ đệm, tên`` is not the signature hint ``(Ký, ghi rõ họ, chữ đệm, tên)``). Where a form repeats a
label (the mother's and the father's ``Dân tộc``), ``occurrence`` picks the n-th match.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

ValueKind = Literal["text", "name", "date", "year", "sex", "id", "number"]


class LabelRule(BaseModel):
    key: str
    label: str  # regular expression of the printed label
    occurrence: int = 0
    kind: ValueKind = "text"
    stop: str | None = None  # regular expression where the value ends, besides the next label


# Printed titles (uppercase, matched as such); the one found earliest on the page wins.
TITLES: dict[str, str] = {
    "birth_register": r"SỔ\s+ĐĂNG\s+KÝ\s+KHAI\s+SINH",
    "birth_certificate": r"GIẤY\s+KHAI\s+SINH",
    "marriage_certificate": r"CHỨNG\s+NHẬN\s+KẾT\s+HÔN",
    "death_extract": r"TRÍCH\s+LỤC\s+KHAI\s+TỬ",
    "marital_status_confirmation": r"TÌNH\s+TRẠNG\s+HÔN\s+NHÂN",
    "citizen_id_card": r"CĂN\s+CƯỚC",
}

_NAME = r"Họ,?\s*chữ\s*đệm,?\s*(?:và\s*)?tên(?:\s*người\s*(?:mẹ|cha))?"
# "Năm sinh" on its own, not the end of "Ngày, tháng, năm sinh".
_YEAR = r"(?<!,\s)(?<!,)(?<!\w)Năm\s*sinh"
# A line that starts with the authority's name (a register page's heading, a confirmation's preamble).
_AUTHORITY_LINE = r"(?m:^)(?=Ủy ban nhân dân|UBND)"
_DOB = r"Ngày,?\s*tháng,?\s*năm\s*sinh"
# The labelled line, or the "<place>, ngày 05 tháng 02 năm 2024" line above the signature.
_REG_DATE = r"Ngày,?\s*tháng,?\s*năm\s*đăng\s*ký|\w,\s*(?=ngày\s*\d{1,2}\s*tháng)"
_NUMBER = r"(?<!\w)Số\s*:"
_BOOK = r"Quyển\s*số"
_ID = r"Số\s*định\s*danh\s*cá\s*nhân"


def _bi(label: str) -> str:
    """A card's bilingual label, ``Họ và tên / Full name:``: the Vietnamese part, then optionally the English."""
    return rf"(?:{label})(?:\s*/\s*[A-Za-z][A-Za-z .,]*?)?\s*:"


def _rule(key: str, label: str, kind: ValueKind = "text", occurrence: int = 0, stop: str | None = None) -> LabelRule:
    return LabelRule(key=key, label=label, kind=kind, occurrence=occurrence, stop=stop)


RULES: dict[str, list[LabelRule]] = {
    "birth_certificate": [
        _rule("number", _NUMBER, "number"),
        _rule("book", _BOOK, "number"),
        _rule("full_name", _NAME, "name"),
        _rule("sex", r"Giới\s*tính", "sex"),
        _rule("date_of_birth", _DOB, "date"),
        _rule("place_of_birth", r"Nơi\s*sinh"),
        _rule("hometown", r"Quê\s*quán"),
        _rule("ethnicity", r"Dân\s*tộc"),
        _rule("nationality", r"Quốc\s*tịch"),
        _rule("personal_id", _ID, "id"),
        _rule("mother_name", _NAME, "name", 1),
        _rule("mother_birth_year", _YEAR, "year"),
        _rule("mother_ethnicity", r"Dân\s*tộc", occurrence=1),
        _rule("mother_nationality", r"Quốc\s*tịch", occurrence=1),
        _rule("mother_residence", r"Nơi\s*cư\s*trú"),
        _rule("father_name", _NAME, "name", 2),
        _rule("father_birth_year", _YEAR, "year", 1),
        _rule("father_ethnicity", r"Dân\s*tộc", occurrence=2),
        _rule("father_nationality", r"Quốc\s*tịch", occurrence=2),
        _rule("father_residence", r"Nơi\s*cư\s*trú", occurrence=1),
        _rule("registration_authority", r"Nơi\s*đăng\s*ký(?:\s*khai\s*sinh)?"),
        _rule("registration_date", _REG_DATE, "date"),
    ],
    "marriage_certificate": [
        _rule("number", _NUMBER, "number"),
        _rule("book", _BOOK, "number"),
        _rule("husband_name", _NAME, "name"),
        _rule("husband_date_of_birth", _DOB, "date"),
        _rule("husband_ethnicity", r"Dân\s*tộc"),
        _rule("husband_nationality", r"Quốc\s*tịch"),
        _rule("husband_residence", r"Nơi\s*cư\s*trú"),
        _rule("husband_personal_id", r"Giấy\s*tờ\s*tùy\s*thân|Số\s*định\s*danh", "id"),
        _rule("wife_name", _NAME, "name", 1),
        _rule("wife_date_of_birth", _DOB, "date", 1),
        _rule("wife_ethnicity", r"Dân\s*tộc", occurrence=1),
        _rule("wife_nationality", r"Quốc\s*tịch", occurrence=1),
        _rule("wife_residence", r"Nơi\s*cư\s*trú", occurrence=1),
        _rule("wife_personal_id", r"Giấy\s*tờ\s*tùy\s*thân|Số\s*định\s*danh", "id", 1),
        _rule("registration_authority", r"Nơi\s*đăng\s*ký(?:\s*kết\s*hôn)?"),
        _rule("registration_date", _REG_DATE, "date"),
    ],
    "death_extract": [
        _rule("number", _NUMBER, "number"),
        _rule("full_name", _NAME, "name"),
        _rule("date_of_birth", _DOB, "date"),
        _rule("sex", r"Giới\s*tính", "sex"),
        _rule("ethnicity", r"Dân\s*tộc"),
        _rule("nationality", r"Quốc\s*tịch"),
        _rule("personal_id", _ID, "id"),
        _rule("date_of_death", r"Đã\s*chết\s*vào\s*lúc|Ngày,?\s*tháng,?\s*năm\s*chết", "date"),
        _rule("place_of_death", r"Nơi\s*chết"),
        _rule("registration_authority", r"Nơi\s*đăng\s*ký(?:\s*khai\s*tử)?"),
        _rule("registration_date", _REG_DATE, "date"),
    ],
    "marital_status_confirmation": [
        _rule("number", _NUMBER, "number"),
        _rule("full_name", _NAME, "name"),
        _rule("date_of_birth", _DOB, "date"),
        _rule("sex", r"Giới\s*tính", "sex"),
        _rule("ethnicity", r"Dân\s*tộc"),
        _rule("nationality", r"Quốc\s*tịch"),
        _rule("personal_id", r"Giấy\s*tờ\s*tùy\s*thân|Số\s*định\s*danh", "id"),
        _rule("residence", r"Nơi\s*cư\s*trú"),
        _rule("marital_status", r"Tình\s*trạng\s*hôn\s*nhân\s*:"),
        _rule("purpose", r"Giấy\s*này\s*được\s*cấp\s*để|Mục\s*đích\s*sử\s*dụng"),
        _rule("issuing_authority", _AUTHORITY_LINE, stop=r"\s*xác\s*nhận"),
        _rule("issue_date", _REG_DATE, "date"),
    ],
    "citizen_id_card": [
        _rule("personal_id", _bi(r"Số\s*định\s*danh\s*cá\s*nhân|Số"), "id"),
        _rule("full_name", _bi(r"Họ\s*và\s*tên|Họ,?\s*chữ\s*đệm\s*và\s*tên(?:\s*khai\s*sinh)?"), "name"),
        _rule("date_of_birth", _bi(r"Ngày\s*sinh|Ngày,?\s*tháng,?\s*năm\s*sinh"), "date"),
        _rule("sex", _bi(r"Giới\s*tính"), "sex"),
        _rule("nationality", _bi(r"Quốc\s*tịch")),
        _rule("place_of_origin", _bi(r"Quê\s*quán|Nơi\s*đăng\s*ký\s*khai\s*sinh")),
        _rule("residence", _bi(r"Nơi\s*thường\s*trú|Nơi\s*cư\s*trú")),
        _rule("issue_date", _bi(r"Ngày\s*cấp|Ngày,?\s*tháng,?\s*năm\s*cấp|Ngày,?\s*tháng,?\s*năm(?=\s*/)"), "date"),
        _rule("expiry_date", _bi(r"Có\s*giá\s*trị\s*đến|Ngày,?\s*(?:tháng,?\s*năm\s*)?hết\s*hạn"), "date"),
    ],
    "birth_register": [
        _rule("book", _BOOK, "number"),
        _rule("registration_authority", _AUTHORITY_LINE),
    ],
}
