from datetime import date

import pytest

from samples.vntext import WordStyle, date_in_words, date_long, tone_style, year_in_words

PLAIN = WordStyle()
OTHER = WordStyle(thousand="ngàn", zero_tens="lẻ", four="bốn", five="nhăm")


@pytest.mark.parametrize(
    ("day", "style", "words"),
    [
        (date(1980, 6, 15), PLAIN, "Ngày mười lăm, tháng sáu, năm một nghìn chín trăm tám mươi"),
        (date(2005, 4, 21), PLAIN, "Ngày hai mươi mốt, tháng tư, năm hai nghìn không trăm linh năm"),
        (date(2005, 4, 21), OTHER, "Ngày hai mươi mốt, tháng tư, năm hai ngàn không trăm lẻ năm"),
        (date(1994, 12, 24), PLAIN, "Ngày hai mươi tư, tháng mười hai, năm một nghìn chín trăm chín mươi tư"),
        (date(1994, 12, 24), OTHER, "Ngày hai mươi bốn, tháng mười hai, năm một ngàn chín trăm chín mươi bốn"),
        (date(2015, 11, 25), OTHER, "Ngày hai mươi nhăm, tháng mười một, năm hai ngàn không trăm mười lăm"),
        (date(2000, 1, 10), PLAIN, "Ngày mười, tháng một, năm hai nghìn"),
    ],
)
def test_date_in_words(day: date, style: WordStyle, words: str) -> None:
    assert date_in_words(day, style) == words


def test_year_in_words_hundreds_inside() -> None:
    assert year_in_words(1905, PLAIN) == "một nghìn chín trăm linh năm"
    assert year_in_words(2010, PLAIN) == "hai nghìn không trăm mười"


def test_date_long_leading_zeros() -> None:
    assert date_long(date(2024, 2, 5)) == "ngày 05 tháng 02 năm 2024"
    assert date_long(date(2024, 6, 15)) == "ngày 15 tháng 6 năm 2024"


@pytest.mark.parametrize(
    ("word", "old", "new"),
    [("Hòa", "Hòa", "Hoà"), ("THUỶ", "THỦY", "THUỶ"), ("khoẻ", "khỏe", "khoẻ"), ("Quý", "Quý", "Quý"),
     ("Hoàng", "Hoàng", "Hoàng"), ("Thuý Hoà", "Thúy Hòa", "Thuý Hoà")],
)
def test_tone_style(word: str, old: str, new: str) -> None:
    assert tone_style(word, "old") == old
    assert tone_style(word, "new") == new
