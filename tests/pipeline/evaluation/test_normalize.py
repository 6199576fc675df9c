"""The comparison normaliser: tone-mark styles, dates, case and spaces equal; different letters different."""

import unicodedata

import pytest

from pipeline.evaluation.normalize import canonical_tones, comparison_key, parse_date, same_value


@pytest.mark.parametrize(
    ("old", "new"),
    [("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("HÒA", "HOÀ"), ("Thụy", "Thuỵ"), ("xõa", "xoã")],
)
def test_old_and_new_tone_styles_compare_equal(old: str, new: str) -> None:
    assert old != new
    assert same_value(old, new)
    assert canonical_tones(old) == new
    assert canonical_tones(new, style="old") == old


@pytest.mark.parametrize(
    "word",
    [
        "hoàng",
        "toán",
        "quỳnh",
        "người",
        "giữa",
        "quý",
        "khuỷu",
        "ngoài",
        "mùa",
        "Quảng",
        "già",
        "gì",
        "NGUYỄN",
        "thuyền",
        "tuổi",
        "khuấy",
        "xoáy",
        "hiếu",
        "kèo",
        "mía",
    ],
)
def test_tone_placement_of_ordinary_syllables_is_kept(word: str) -> None:
    assert canonical_tones(word) == word
    assert canonical_tones(word, style="old") == word


def test_tone_mark_is_moved_in_decomposed_and_misplaced_input() -> None:
    assert canonical_tones(unicodedata.normalize("NFD", "Hòa Bình")) == "Hoà Bình"
    assert canonical_tones("hoàng") == canonical_tones(unicodedata.normalize("NFC", "ho\u0300ang"))


def test_words_that_are_not_one_syllable_are_left_alone() -> None:
    assert canonical_tones("café") == "café"
    assert canonical_tones("Hòa123") == "Hoà123"
    assert canonical_tones("Hoà123", style="old") == "Hòa123"


def test_different_letters_stay_different() -> None:
    assert not same_value("Nguyễn", "Nguyên")
    assert not same_value("Hòa", "Hoa")
    assert not same_value("Đào", "Dao")


def test_case_spaces_and_trailing_punctuation_do_not_matter() -> None:
    assert same_value("NGUYỄN  THỊ\nHƯƠNG", "Nguyễn Thị Hương")
    assert same_value("Kinh.", "Kinh")


def test_dates_in_figures_and_iso_compare_equal() -> None:
    assert same_value("05/02/2024", "2024-02-05")
    assert same_value("5-2-2024", "2024-02-05")
    assert same_value("ngày 05 tháng 02 năm 2024", "2024-02-05")
    assert not same_value("05/02/2024", "2024-05-02")
    assert parse_date("31/02/2024") is None
    assert parse_date("sinh 05/02/2024") is None  # only a whole value is a date


def test_missing_values_are_never_equal() -> None:
    assert comparison_key(None) is None
    assert comparison_key("  ") is None
    assert not same_value(None, None)
    assert same_value(1980, "1980")
