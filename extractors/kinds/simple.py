"""Small kinds: free text, authority, sex, register numbers."""

from __future__ import annotations

import re

from extractors.kinds.base import KindResult, invalid
from extractors.kinds.places import (
    RESTORED_QUALITY,
    ends_with_province,
    missing_comma,
    named_place,
    restore_named_units,
    restore_unit_names,
    suspect_place_words,
)
from extractors.text import SLASH_LOOKALIKES, check_phrases, clean_value, fold, odd_words

_HAS_LETTER = re.compile(r"[^\W\d_]")


ODD_WORD_QUALITY = 0.6  # free text with a word that is no Vietnamese syllable goes to review
SUSPECT_PHRASE_QUALITY = 0.6  # a known word pair read with other accents: repaired, for review


def parse_text(text: str) -> KindResult:
    """Kind ``text``: NFC, single spaces, as printed. Valid when it holds at least one letter; a word that
    is not a Vietnamese syllable (``thịxã``) lowers the quality."""
    value = clean_value(text)
    if not value:
        return invalid("trống")
    if not _HAS_LETTER.search(value):
        return invalid(f"không có chữ: {value}", value=value)
    odd = odd_words(value)
    if odd:
        return KindResult(value=value, valid=True, quality=ODD_WORD_QUALITY, note=f"chữ lạ: {' '.join(odd)}")
    restored, suspect = check_phrases(value)
    if suspect:
        return KindResult(value=restored, valid=True, quality=SUSPECT_PHRASE_QUALITY, repaired=restored != value,
                          note=f"dấu có thể sai: {' '.join(suspect)}")
    # The address a sentence ends with ("… tại Ủy ban nhân dân phường Cấm Phú, …"): its unit names put back
    # where one name fits, and any word of it that still reads wrong sends the text to review.
    units = restore_named_units(value)
    place = named_place(units)
    odd_place = suspect_place_words(place) if place else []
    if odd_place:
        return KindResult(value=units, valid=True, quality=ODD_WORD_QUALITY, repaired=units != value,
                          note=f"chữ lạ: {' '.join(odd_place)}")
    if units != value:
        return KindResult(value=units, valid=True, quality=RESTORED_QUALITY, repaired=True,
                          note=f"khôi phục tên đơn vị hành chính: {value}")
    return KindResult(value=value, valid=True, quality=1.0)


_AUTHORITY_HEADS = ("uy ban nhan dan", "ubnd", "so tu phap", "phong tu phap", "cuc canh sat", "bo cong an",
                    "cong an", "dai su quan", "tong lanh su", "lanh su quan", "van phong kinh te", "co quan")


def parse_authority(text: str, restore: bool = True) -> KindResult:
    """Kind ``authority``: text that names a body (Ủy ban nhân dân …, UBND …, Cục Cảnh sát …). When it
    names a place with commas ("…, huyện Tiên Yên, tỉnh Quảng Ninh"), the last part must be a province.
    Unit names are put back once (``restore``): the restored text is checked as it stands."""
    result = parse_text(text)
    if not result.valid or result.value is None:
        return result
    restored = restore_unit_names(result.value) if restore else result.value
    if restored != result.value:
        again = parse_authority(restored, restore=False)
        return again.model_copy(update={"quality": min(again.quality, RESTORED_QUALITY), "repaired": True,
                                        "note": f"khôi phục tên đơn vị hành chính: {result.value}"})
    folded = fold(result.value)
    if not any(head in folded for head in _AUTHORITY_HEADS):
        return result.model_copy(update={"quality": min(result.quality, 0.7), "note": "không rõ cơ quan"})
    odd = suspect_place_words(result.value)
    if odd or missing_comma(result.value):
        return result.model_copy(update={"quality": min(result.quality, 0.6),
                                         "note": f"chữ lạ: {' '.join(odd)}" if odd else "thiếu dấu phẩy"})
    if "," in result.value and not ends_with_province(result.value):
        return result.model_copy(update={"quality": min(result.quality, 0.5),
                                         "note": "không kết thúc bằng tỉnh/thành phố"})
    return result


_SEX = {"nam": "male", "nu": "female", "male": "male", "female": "female", "m": "male", "f": "female",
        "trai": "male", "gai": "female"}  # "Trai" / "Gái" (boy / girl) in the certificates and books of the 1960s-70s


def parse_sex(text: str) -> KindResult:
    """Kind ``sex``: Nam / Nữ (or Trai / Gái) → male / female. Two values only, so a dropped accent is certain."""
    value = clean_value(text)
    tokens = [fold(t) for t in value.replace("/", " ").split()]
    found = {_SEX[t] for t in tokens if t in _SEX}
    if len(found) == 1:
        exact = value.split()[0] in ("Nam", "Nữ", "NAM", "NỮ", "Trai", "Gái", "TRAI", "GÁI")
        return KindResult(value=found.pop(), valid=True, quality=1.0 if exact else 0.9, repaired=not exact,
                          closed=exact and len(tokens) == 1)
    if not tokens:
        return invalid("trống")
    return invalid(f"giới tính không rõ: {value}")


_REGISTER_NUMBER = re.compile(r"^[0-9]{1,6}(/[0-9]{2,4})?([-/][A-ZĐa-z0-9.]{1,12})*$")
_NUMBER_FIXES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})


def parse_register_number(text: str) -> KindResult:
    """Kind ``register_number``: Số / Quyển số as printed (``125``, ``01/2024``, ``15/2024/TLKT``)."""
    printed = clean_value(text).replace(" ", "")
    value = printed.translate(SLASH_LOOKALIKES)
    if not value:
        return invalid("trống")
    if _REGISTER_NUMBER.match(value):
        repaired = value != printed
        return KindResult(value=value, valid=True, quality=0.9 if repaired else 1.0, repaired=repaired)
    head = value.split("/")[0]
    fixed = head.translate(_NUMBER_FIXES) + value[len(head):]
    if fixed != value and _REGISTER_NUMBER.match(fixed):
        return KindResult(value=fixed, valid=True, quality=0.8, repaired=True)
    return invalid(f"số không hợp lệ: {value}", value=value)
