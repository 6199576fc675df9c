"""The ID card's machine-readable zone as a second reading."""

from __future__ import annotations

import datetime as dt

from extractors import extract_documents
from extractors.layout import page_layout
from extractors.mrz import check_digit, read_mrz
from samples.layouts import card_mrz
from tests.extractors.synthetic import page


def mrz_lines(pid="022180012345", birth="800615", sex="F", expiry="400615", checks=True):
    """The three lines as the generator writes them (samples/layouts/card_mrz.py, its own check digits);
    ``checks=False``: every check digit replaced by a wrong one."""
    born = dt.date(1900 + int(birth[:2]), int(birth[2:4]), int(birth[4:]))
    expires = dt.date(2000 + int(expiry[:2]), int(expiry[2:4]), int(expiry[4:]))
    lines = card_mrz.lines(pid, "NGUYỄN THỊ THU HƯƠNG", born, "female" if sex == "F" else "male", expires)
    if not checks:
        wrong = lambda d: str((int(d) + 1) % 10)  # noqa: E731
        one, two = lines[0], lines[1]
        lines[0] = one[:14] + wrong(one[14]) + one[15:29] + wrong(one[29])
        lines[1] = two[:6] + wrong(two[6]) + two[7:14] + wrong(two[14]) + two[15:29] + wrong(two[29])
    return lines


def card(front_rows, mrz):
    rows = [(480, 300, "CĂN CƯỚC CÔNG DÂN"), *front_rows]
    rows += [(60, 1500 + 45 * i, line) for i, line in enumerate(mrz)]
    return page(rows, height=1800)


def test_icao_check_digits():
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"


def test_mrz_is_read_from_the_ocr_lines():
    mrz = read_mrz(page_layout(card([], mrz_lines())))
    assert (mrz.personal_id, mrz.date_of_birth, mrz.sex, mrz.expiry_date, mrz.checked) == (
        "022180012345", "1980-06-15", "female", "2040-06-15", True)
    assert not read_mrz(page_layout(card([], mrz_lines(checks=False)))).checked


def test_verified_mrz_is_exact_and_fills_what_ocr_missed():
    front = [(500, 420, "Số / No.: 022180012345"), (500, 590, "Ngày sinh / Date of birth: 15/06/1980")]
    [doc] = extract_documents([card(front, mrz_lines())])
    assert doc.fields["expiry_date"].value == "2040-06-15" and doc.fields["expiry_date"].status == "ok"
    assert doc.fields["sex"].value == "female"


def test_unverified_mrz_confirms_or_stands_in_for_review():
    front = [(500, 420, "Số / No.: 022180012345"), (500, 590, "Ngày sinh / Date of birth: 15/06/1981")]
    [doc] = extract_documents([card(front, mrz_lines(checks=False))])
    assert doc.fields["expiry_date"].value == "2040-06-15" and doc.fields["expiry_date"].status == "review"
    assert "mrz_mismatch" in {i.code for i in doc.issues}
    assert doc.fields["date_of_birth"].status == "review"


def test_mrz_without_expiry_gives_no_expiry_date():
    lines = ["IDVNM0551106240022055110624<<0", "5511060M9912310VNM<<<<<<<<<<<0", "LE<<AN<<<<<<<<<<<<<<<<<<<<<<<<"]
    mrz = read_mrz(page_layout(page([(100, 100 + 60 * i, text) for i, text in enumerate(lines)])))
    assert mrz is not None and mrz.date_of_birth == "1955-11-06" and mrz.expiry_date is None
