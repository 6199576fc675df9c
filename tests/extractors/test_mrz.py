"""The ID card's machine-readable zone as a second reading."""

from __future__ import annotations

from extractors import extract_documents
from extractors.layout import page_layout
from extractors.mrz import check_digit, read_mrz
from tests.extractors.synthetic import page


def mrz_lines(pid="022180012345", birth="800615", sex="F", expiry="400615", checks=True):
    doc = pid[3:]
    c = (lambda s: check_digit(s)) if checks else (lambda s: "0")
    return [f"IDVNM{doc}{c(doc)}{pid}<<0".ljust(30, "<"),
            f"{birth}{c(birth)}{sex}{expiry}{c(expiry)}VNM".ljust(29, "<") + "0",
            "NGUYEN<<THI<THU<HUONG".ljust(30, "<")]


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
