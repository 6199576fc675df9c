"""Value kinds: normalisation to the contract's formats and repairs constrained by the kind."""

from __future__ import annotations

import pytest

from extractors.kinds import parse_value
from extractors.kinds.numwords import parse_number_words
from extractors.text import canonical, clean_value, fold


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("một nghìn chín trăm tám mươi", 1980),
        ("hai nghìn không trăm hai mươi tư", 2024),
        ("hai ngàn không trăm hai mươi bốn", 2024),
        ("hai nghìn linh năm", 2005),
        ("hai nghìn lẻ năm", 2005),
        ("mười lăm", 15),
        ("hai mươi mốt", 21),
        ("ba mươi nhăm", 35),
        ("hai mươi lăm", 25),
        ("mười", 10),
        ("một nghìn chín trăm", 1900),
        ("muoi lam", 15),  # accents dropped by OCR
    ],
)
def test_number_words(words, number):
    assert parse_number_words(words) == number


def test_not_number_words():
    assert parse_number_words("Nguyễn Văn") is None
    assert parse_number_words("hai ba") is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("15/06/1980", "1980-06-15"),
        ("15-06-1980", "1980-06-15"),
        ("15.06.1980", "1980-06-15"),
        ("ngày 05 tháng 02 năm 2024", "2024-02-05"),
        ("Quảng Ninh, ngày 5 tháng 12 năm 2019", "2019-12-05"),
        ("..........15/06/1980........", "1980-06-15"),
        ("Ngày mười lăm, tháng sáu, năm một nghìn chín trăm tám mươi", "1980-06-15"),
        ("Ngày hai mươi mốt, tháng mười hai, năm hai nghìn không trăm hai mươi tư", "2024-12-21"),
        ("Ngày mồng năm, tháng giêng, năm hai ngàn lẻ năm", "2005-01-05"),
        ("Ngày ba mươi, tháng tư, năm hai nghìn linh một", "2001-04-30"),
        ("14 giờ 30 phút, ngày 23/03/2026", "2026-03-23"),
        ("16I04I2025", "2025-04-16"),  # slashes read as I
    ],
)
def test_dates(text, iso):
    result = parse_value("date", text)
    assert result.valid and result.value == iso


def test_date_repairs_lower_the_quality():
    clean = parse_value("date", "05/02/2024")
    repaired = parse_value("date", "O5/02/2O24")
    assert repaired.value == clean.value == "2024-02-05"
    assert repaired.repaired and repaired.quality < clean.quality


@pytest.mark.parametrize("text", ["31/02/2020", "15/13/1980", "Ngày ba mươi hai, tháng sáu, năm hai nghìn", "abc"])
def test_invalid_dates(text):
    assert not parse_value("date", text).valid


def test_years():
    assert parse_value("year", "1956").value == "1956"
    assert parse_value("year", "l956").value == "1956"
    assert parse_value("year", "một nghìn chín trăm năm mươi sáu").value == "1956"
    assert not parse_value("year", "3020").valid


@pytest.mark.parametrize(("text", "value"), [("Nam", "male"), ("Nữ", "female"), ("NỮ", "female"),
                                             ("Nu", "female"), ("Nam / Male", "male")])
def test_sex(text, value):
    assert parse_value("sex", text).value == value


def test_sex_unclear():
    assert not parse_value("sex", "Nam Nữ").valid
    assert not parse_value("sex", "Kinh").valid


def test_names():
    result = parse_value("name", "....nguyễn   thị thu hương.....")
    assert result.valid and result.value == "NGUYỄN THỊ THU HƯƠNG"
    assert not parse_value("name", "NGUYỄN V4N AN").valid  # a digit
    assert not parse_value("name", "NGUYỄNN VĂN").valid  # not a syllable
    assert not parse_value("name", "AN").valid  # one word


def test_personal_ids():
    assert parse_value("personal_id", "022 180 012 345").value == "022180012345"
    repaired = parse_value("personal_id", "O22l8OO12345")
    assert repaired.valid and repaired.value == "022180012345" and repaired.quality < 1
    assert parse_value("personal_id", "123456789").value == "123456789"  # old 9-digit CMND
    assert not parse_value("personal_id", "999180012345").valid  # no province 999
    assert not parse_value("personal_id", "02218001234").valid  # 11 digits


def test_places_are_checked_against_units():
    value = parse_value("place", "Thôn 3, xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh")
    assert value.valid and value.quality == 1.0
    old = parse_value("place", "xã Tân Hòa, huyện Vũ Thư, tỉnh Thái Bình")  # a province merged in 2025
    assert old.valid
    restored = parse_value("place", "Thôn 3, xã Đông Ngũ, tinh Quang Ninh")
    assert restored.value == "Thôn 3, xã Đông Ngũ, tỉnh Quảng Ninh" and restored.repaired
    assert not parse_value("place", "Thôn 3, xã Không Có").valid
    assert parse_value("place", "Trạm Y tế xã Thủy An, thịxã Đông Triều, tỉnh Quảng Ninh").quality < 0.8


def test_ethnic_groups():
    assert parse_value("ethnicity", "Kinh").value == "Kinh"
    assert parse_value("ethnicity", "Sán Dìu").value == "Sán Dìu"
    restored = parse_value("ethnicity", "San Diu")
    assert restored.value == "Sán Dìu" and restored.repaired
    wrong_accent = parse_value("ethnicity", "Khơ Mủ")
    assert wrong_accent.value == "Khơ Mú" and wrong_accent.quality < 0.8
    assert parse_value("ethnicity", "Sán Diù").value == "Sán Dìu"  # the other tone placement
    fuzzy = parse_value("ethnicity", "Sán Dlu")
    assert fuzzy.value == "Sán Dìu" and fuzzy.quality < 0.8
    assert not parse_value("ethnicity", "Kirh").valid


def test_ethnic_group_list_has_54_groups():
    import yaml

    from extractors.kinds.gazetteer import DATA

    assert len(yaml.safe_load((DATA / "ethnic_groups.yaml").read_text(encoding="utf-8"))) == 54


def test_nationality_with_debris():
    assert parse_value("nationality", "Việt Nam").value == "Việt Nam"
    assert parse_value("nationality", "Viet Nam").value == "Việt Nam"
    debris = parse_value("nationality", "Việt Na các c0 6")
    assert debris.value == "Việt Nam" and debris.quality < 0.8


def test_register_numbers():
    assert parse_value("register_number", "125").value == "125"
    assert parse_value("register_number", "01/2024").value == "01/2024"
    assert parse_value("register_number", "O1/2024").value == "01/2024"
    assert not parse_value("register_number", "2DOne200i0nE002").valid


def test_authority_must_end_with_a_province():
    good = parse_value("authority", "Ủy ban nhân dân xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh")
    cut = parse_value("authority", "Ủy ban nhân dân xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng")
    assert good.quality == 1.0 and cut.quality < 0.8


def test_one_canonical_tone_placement():
    assert canonical("Hòa") == canonical("hoà")
    assert canonical("THỦY") == canonical("thuỷ")
    assert canonical("hòa") != canonical("hoa")
    assert fold("Đặng Thị Hoà") == "dang thi hoa"


def test_clean_value_strips_leaders():
    assert clean_value("…………NGUYỄN VĂN AN.............") == "NGUYỄN VĂN AN"
    assert clean_value("Số 12, đường Trần Phú, TP. Hạ Long") == "Số 12, đường Trần Phú, TP. Hạ Long"
