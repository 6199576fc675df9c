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
                                             ("Nu", "female"), ("Nam / Male", "male"), ("Trai", "male"),
                                             ("Gái", "female"), ("GÁI", "female")])
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
    # a dash between two words of a name is part of it; a dash run as a leader is not
    assert clean_value("Bệnh viện Việt Nam - Thụy Điển Uông Bí") == "Bệnh viện Việt Nam - Thụy Điển Uông Bí"
    assert clean_value("Bà Rịa – Vũng Tàu") == "Bà Rịa - Vũng Tàu"
    assert clean_value("NGUYỄN VĂN AN - - -") == "NGUYỄN VĂN AN"
    assert clean_value("Tòa án nhân dân khu vực 1 - Quảng Ninh") == "Tòa án nhân dân khu vực 1 - Quảng Ninh"
    assert clean_value("05 - 06 - 2018") == "05 06 2018"  # between figures a dash is no name's


def test_year_split_by_ocr():
    assert parse_value("year", "1 988").value == "1988"
    assert parse_value("year", "19 88").quality < 1.0
    assert not parse_value("year", "1 98").valid
    assert not parse_value("year", "1 988 Dân").valid


def test_name_word_that_is_no_name_syllable_goes_to_review():
    assert parse_value("name", "LÊ BẢO MAI").quality == 1.0
    misread = parse_value("name", "LÊ BẢO MAT")  # MAT is no name syllable: MAI misread
    assert misread.valid and misread.quality < 0.8
    assert parse_value("name", "NGUYỄN THỊ XOAN").quality == 1.0


def test_numbered_address_word_gets_its_accent_back():
    fixed = parse_value("place", "Tố 8, khu 8, phường Hà An, thị xã Quảng Yên, tỉnh Quảng Ninh")
    assert fixed.value == "Tổ 8, khu 8, phường Hà An, thị xã Quảng Yên, tỉnh Quảng Ninh"
    assert fixed.repaired and fixed.quality < 1.0
    assert parse_value("place", "Tổ 8, khu 8, phường Hà An, tỉnh Quảng Ninh").quality == 1.0
    # Not followed by a number: no repair (a capitalised name, not a house group).
    assert parse_value("place", "Tố Hữu, phường Hà An, tỉnh Quảng Ninh").value.startswith("Tố Hữu")


def test_free_text_word_pairs_with_wrong_accents():
    fixed = parse_value("text", "Bố sung hồ sơ xin việc làm")
    assert fixed.value == "Bổ sung hồ sơ xin việc làm"
    assert fixed.repaired and fixed.quality < 0.8
    fixed = parse_value("text", "Làm thủ tục chuyến nhượng quyền sử dụng đất")
    assert fixed.value == "Làm thủ tục chuyển nhượng quyền sử dụng đất" and fixed.quality < 0.8
    assert parse_value("text", "Bổ sung hồ sơ vay vốn ngân hàng").quality == 1.0
    assert parse_value("text", "Đã đăng ký kết hôn, nhưng đã ly hôn; hiện tại chưa đăng ký").quality == 1.0


def test_full_stop_after_a_unit_word_is_dropped():
    assert parse_value("place", "xã Quảng An, huyện. Đầm Hà, tỉnh Quảng Ninh").value == (
        "xã Quảng An, huyện Đầm Hà, tỉnh Quảng Ninh")


def test_dates_whose_slashes_ocr_lost():
    assert parse_value("date", "16022023").value == "2023-02-16"
    assert parse_value("date", "1602/2023").value == "2023-02-16"
    assert parse_value("date", "12⁄12⁄2022").value == "2022-12-12"  # fraction slash
    assert parse_value("date", "16022023").quality < 1.0
    assert not parse_value("date", "13402⁄2023").valid
    assert not parse_value("date", "022180012345").valid


def test_dates_whose_slashes_ocr_read_as_ones_or_bars():
    # A card's thin slash read as "1", "I" or both, or lost, beside stray marks of the photo.
    assert parse_value("date", "0711112018 8À").value == "2018-11-07"
    assert parse_value("date", "\\ 7 29I0111967").value == "1967-01-29"
    assert parse_value("date", "29I01I12027 Quảng Ninh").value == "2027-01-29"
    assert parse_value("date", "050712000").value == "2000-07-05"
    assert parse_value("date", "050712000").repaired
    assert not parse_value("date", "0111012020").valid  # 01/10/2020 or 01/01/2020: not for a machine to say
    assert not parse_value("date", "Số 1211/2019").valid  # a number and its year
    assert not parse_value("date", "0912345678").valid  # a telephone number


def test_closed_list_words_run_together():
    result = parse_value("nationality", "ViệtNam")
    assert result.value == "Việt Nam" and result.repaired and not result.closed


def test_date_with_a_figure_of_the_day_apart():
    split = parse_value("date", "1 5/01/1987 ghi bằng chữ")
    assert split.value == "1987-01-15" and split.quality < 0.8
    assert parse_value("date", "15/01/1987").quality == 1.0


def test_street_and_ward_without_comma_go_to_review():
    result = parse_value("place", "Số 146, đường Hùng Vương phường Hạ Long, tỉnh Quảng Ninh")
    assert result.valid and result.quality < 0.8


def test_place_repairs_known_pairs_brackets_and_run_together_words():
    hospital = parse_value("place", "Bệnh viện Sản Nhỉ Quảng Ninh")
    assert hospital.value == "Bệnh viện Sản Nhi Quảng Ninh" and hospital.quality < 0.8
    assert parse_value("place", "[Trạm Y tế xã Hải Đông, thành phố Móng Cái, tỉnh Quảng Ninh").value == (
        "Trạm Y tế xã Hải Đông, thành phố Móng Cái, tỉnh Quảng Ninh")
    split = parse_value("place", "Trạm Y tếxã Hải Đông, thành phố Móng Cái, tỉnh Quảng Ninh")
    assert split.value == "Trạm Y tế xã Hải Đông, thành phố Móng Cái, tỉnh Quảng Ninh" and split.repaired


def test_streets_are_checked_against_known_streets():
    misread = parse_value("place", "Số 77, đường Lê Thanh Tông, thị trấn Ba Chẽ, huyện Ba Chẽ, tỉnh Quảng Ninh")
    assert misread.value == "Số 77, đường Lê Thánh Tông, thị trấn Ba Chẽ, huyện Ba Chẽ, tỉnh Quảng Ninh"
    assert misread.quality < 0.8
    right = parse_value("place", "Số 77, đường Lê Thánh Tông, thị trấn Ba Chẽ, huyện Ba Chẽ, tỉnh Quảng Ninh")
    assert right.quality == 1.0


def test_name_with_a_speck_read_as_a_quote():
    result = parse_value("name", "VŨ 'TRỌNG VINH")
    assert result.value == "VŨ TRỌNG VINH" and result.repaired and result.quality < 1.0


def test_authority_with_a_known_pair_misread():
    result = parse_value("authority", "Ủy ban nhân đân xã Sơn Dương, thành phố Hạ Long, tỉnh Quảng Ninh")
    assert result.value == "Ủy ban nhân dân xã Sơn Dương, thành phố Hạ Long, tỉnh Quảng Ninh"
    assert result.quality < 0.8


def test_place_with_an_n_read_twice():
    result = parse_value("place", "Bệnh viện Sản Nhi Quảng NÑinh")
    assert result.value == "Bệnh viện Sản Nhi Quảng Ninh" and result.quality < 0.8


def test_place_specks_inside_and_a_commune_named_like_a_province():
    quote = parse_value("place", "Trung tâm Y tế huyện Tiên 'Yên, tỉnh Quảng Ninh")
    assert quote.value == "Trung tâm Y tế huyện Tiên Yên, tỉnh Quảng Ninh" and quote.quality < 0.8
    stop = parse_value("place", "xã Quảng Chính, huyện Hải. Hà, tỉnh Quảng Ninh")
    assert stop.value == "xã Quảng Chính, huyện Hải Hà, tỉnh Quảng Ninh" and stop.quality < 0.8
    assert parse_value("place", "TP. Hạ Long, tỉnh Quảng Ninh").quality == 1.0  # an abbreviation's full stop
    # A commune called like a province, with no province after it: the value lost its end.
    assert parse_value("place", "Thôn Hải Tiến, xã Quảng Ninh").quality < 0.8
    assert parse_value("place", "Bệnh viện Sản Nhi Quảng Ninh").quality >= 0.8


def test_an_address_part_that_lost_its_unit_word_is_doubted():
    from extractors.kinds.places import parse_place

    lost = parse_place("Số 113, đường Lê Lợi, Ông, tỉnh Quảng Ninh")  # OCR lost "phường Cửa"
    whole = parse_place("Số 113, đường Lê Lợi, phường Cửa Ông, tỉnh Quảng Ninh")
    assert lost.quality < 0.7 and "Ông" in (lost.note or "")
    assert whole.quality == 1.0


def test_two_name_words_run_together_into_one_that_passes_for_a_syllable_are_split():
    for glued, name in (("LÊANH DŨNG", "LÊ ANH DŨNG"), ("DƯƠNG THỊOANH", "DƯƠNG THỊ OANH")):
        result = parse_value("name", glued)
        assert result.value == name and result.repaired and result.quality < 0.9
    assert parse_value("name", "NGUYỄN QUỲNH").value == "NGUYỄN QUỲNH"  # a name syllable stays whole


def test_a_given_name_with_misread_accents_is_put_back_to_the_one_spelling_of_its_letters_for_review():
    result = parse_value("name", "PHAN THUÝ THANH HÀNG")
    assert result.value == "PHAN THUÝ THANH HẰNG" and result.quality < 0.9
    assert parse_value("name", "PHAN THÀNH THUY").value == "PHAN THÀNH THUY"  # Thùy, Thúy, Thủy, Thụy: left


def test_a_vowel_read_twice_with_two_tone_marks_in_a_unit_name_is_put_back():
    result = parse_value("place", "xã Lương Mông, huyện Ba Chếẽ, tỉnh Quảng Ninh")
    assert result.value == "xã Lương Mông, huyện Ba Chẽ, tỉnh Quảng Ninh" and result.quality < 0.9


def test_a_book_number_whose_slash_ocr_read_as_a_fraction_slash():
    result = parse_value("register_number", "01⁄2018")
    assert (result.value, result.repaired) == ("01/2018", True) and result.quality < 1.0


def test_a_personal_numbers_leading_zero_read_as_a_bracket():
    result = parse_value("personal_id", "(22075228961")
    assert (result.value, result.repaired) == ("022075228961", True) and result.quality < 1.0
    assert parse_value("personal_id", "(123456789)").value == "123456789"  # a bracket around a number stays one


def test_small_words_repaired_only_where_an_address_word_fits():
    embassy = "Đại sứ quán nước Cộng hòa xã hội chủ nghĩa Việt Nam tại Cộng hòa Liên bang Đức"
    result = parse_value("authority", embassy)
    assert result.value == embassy and not result.repaired  # "sứ", "chủ": prose, not misread "số", "cư"
    assert parse_value("authority", "Tổng Lãnh sự quán nước Cộng hòa xã hội chủ nghĩa Việt Nam tại Osaka").valid
    unit = parse_value("authority", "Ủy ban nhân dân phường Bình Ngọc, thành phế Móng Cái, tỉnh Quảng Ninh")
    assert unit.value == "Ủy ban nhân dân phường Bình Ngọc, thành phố Móng Cái, tỉnh Quảng Ninh" and unit.repaired
    town = parse_value("authority", "Ủy ban nhân dân thí trấn Cái Rồng, huyện Vân Đồn, tỉnh Quảng Ninh")
    assert town.value == "Ủy ban nhân dân thị trấn Cái Rồng, huyện Vân Đồn, tỉnh Quảng Ninh"


def test_long_words_of_a_foreign_address_are_no_garbage():
    from extractors.locate import is_garbage

    for word in ("Marzahner", "Promenade", "Nishinakajima", "Xinzhuang"):
        assert not is_garbage(word), word
    for word in ("iiiiilllll", "Ldlilllill", "Bấtđộngsản", "NGUYENVAN"):
        assert is_garbage(word), word


def test_unit_names_put_back_in_one_pass():
    """A repair that makes its neighbour's fit is made in the same pass: a second pass changes nothing."""
    from extractors.kinds.places import restore_unit_names

    once = restore_unit_names("Số 24, đường Hạ Long, phướng Yên Thanh, thảnh phỗ Uông Bí, tỉnh Quảng Ninh")
    assert once == "Số 24, đường Hạ Long, phường Yên Thanh, thành phố Uông Bí, tỉnh Quảng Ninh"
    assert restore_unit_names(once) == once


def test_a_sentence_ending_with_an_address_is_checked_as_one():
    misread = parse_value("text", "Đăng ký kết hôn tại Ủy ban nhân dân phường Cấm Phú, thành phố Cấm Phả, "
                                  "tỉnh Quảng Ninh")
    assert misread.value.endswith("thành phố Cẩm Phả, tỉnh Quảng Ninh") and misread.quality < 0.8
    right = parse_value("text", "Đăng ký kết hôn tại Ủy ban nhân dân phường Cẩm Phú, thành phố Cẩm Phả, "
                                "tỉnh Quảng Ninh")
    assert right.quality == 1.0 and not right.repaired
    assert parse_value("text", "Bổ sung hồ sơ xin việc làm").quality == 1.0
    person = parse_value("text", "Đăng ký kết hôn với ông Trần Đình Sơn")  # "Trần" is no "thị trấn"
    assert person.value == "Đăng ký kết hôn với ông Trần Đình Sơn" and person.quality == 1.0


def test_a_date_in_words_with_letters_read_for_figures_in_small_type():
    # The worded pattern ignores case: "z3" is "23"; a letter that is no figure makes the date invalid, never
    # an error.
    assert parse_value("date", "ngày z3 tháng 4 năm 1996").value == "1996-04-23"
    assert not parse_value("date", "Ngày 12 tháng sb năm 2001").valid


def test_a_communes_accents_from_its_own_district():
    # "Cấm Sơn" is a commune's name elsewhere; in the city of Cẩm Phả the ward with these letters is "Cẩm Sơn".
    got = parse_value("authority", "Ủy ban nhân dân phường Cấm Sơn, thành phố Cẩm Phả, tỉnh Quảng Ninh")
    assert got.value == "Ủy ban nhân dân phường Cẩm Sơn, thành phố Cẩm Phả, tỉnh Quảng Ninh" and got.repaired
    kept = parse_value("place", "Tổ 3, khu 4, phường Mông Dương, thành phố Cẩm Phả, tỉnh Quảng Ninh")
    assert kept.value == "Tổ 3, khu 4, phường Mông Dương, thành phố Cẩm Phả, tỉnh Quảng Ninh" and not kept.repaired
