"""The naive baseline's knowledge, as data: title keywords per schema and, per field, its main printed
label, which occurrence of that label to take, and the value kind (for simple format normalisation).

Labels are regular expressions matched case-insensitively on the raw OCR text. Where a form repeats a
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


# Tried on the page text; the keyword found earliest on the page wins.
TITLES: dict[str, str] = {
    "birth_register": r"SỔ\s+ĐĂNG\s+KÝ\s+KHAI\s+SINH",
    "birth_certificate": r"GIẤY\s+KHAI\s+SINH",
    "marriage_certificate": r"CHỨNG\s+NHẬN\s+KẾT\s+HÔN",
    "death_extract": r"TRÍCH\s+LỤC\s+KHAI\s+TỬ",
    "marital_status_confirmation": r"TÌNH\s+TRẠNG\s+HÔN\s+NHÂN",
    "citizen_id_card": r"CĂN\s+CƯỚC",
}

_NAME = r"Họ,?\s*chữ\s*đệm,?\s*(?:và\s*)?tên"
_DOB = r"Ngày,?\s*tháng,?\s*năm\s*sinh"
_REG_DATE = r"Ngày,?\s*tháng,?\s*năm\s*đăng\s*ký"
_NUMBER = r"(?<!\w)Số\s*:"
_BOOK = r"Quyển\s*số"
_ID = r"Số\s*định\s*danh\s*cá\s*nhân"


def _rule(key: str, label: str, kind: ValueKind = "text", occurrence: int = 0) -> LabelRule:
    return LabelRule(key=key, label=label, kind=kind, occurrence=occurrence)


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
        _rule("mother_birth_year", r"Năm\s*sinh", "year"),
        _rule("mother_ethnicity", r"Dân\s*tộc", occurrence=1),
        _rule("mother_nationality", r"Quốc\s*tịch", occurrence=1),
        _rule("mother_residence", r"Nơi\s*cư\s*trú"),
        _rule("father_name", _NAME, "name", 2),
        _rule("father_birth_year", r"Năm\s*sinh", "year", 1),
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
        _rule("marital_status", r"Tình\s*trạng\s*hôn\s*nhân"),
        _rule("purpose", r"Giấy\s*này\s*được\s*cấp\s*để|Mục\s*đích\s*sử\s*dụng"),
        _rule("issuing_authority", r"Cơ\s*quan\s*cấp"),
        _rule("issue_date", r"Ngày\s*cấp", "date"),
    ],
    "citizen_id_card": [
        _rule("personal_id", r"Số\s*định\s*danh\s*cá\s*nhân|Số\s*/\s*No|Số\s*:", "id"),
        _rule("full_name", r"Họ\s*và\s*tên|Họ,?\s*chữ\s*đệm\s*và\s*tên", "name"),
        _rule("date_of_birth", r"Ngày\s*sinh", "date"),
        _rule("sex", r"Giới\s*tính", "sex"),
        _rule("nationality", r"Quốc\s*tịch"),
        _rule("place_of_origin", r"Quê\s*quán|Nơi\s*đăng\s*ký\s*khai\s*sinh"),
        _rule("residence", r"Nơi\s*thường\s*trú|Nơi\s*cư\s*trú"),
        _rule("issue_date", r"Ngày,?\s*tháng,?\s*năm\s*cấp|Ngày\s*cấp", "date"),
        _rule("expiry_date", r"Có\s*giá\s*trị\s*đến|Ngày\s*hết\s*hạn", "date"),
    ],
    "birth_register": [
        _rule("book", _BOOK, "number"),
        _rule("registration_authority", r"Nơi\s*đăng\s*ký|Cơ\s*quan\s*đăng\s*ký"),
    ],
}
