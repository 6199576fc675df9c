"""The row rules of a handwritten register (extractors/constrained/register.py) on cells as the reader gives
them: a cell the reader found ``ok`` stays ``ok`` only when its row's rules pass."""

from __future__ import annotations

from extractors.constrained.reader import CellResult
from extractors.constrained.register import (
    ReadCell,
    check_chronology,
    check_row_rules,
    check_sequence,
    printed_reading_sure,
    register_year,
)
from extractors.layout import PageLayout, TextLine, make_token
from pipeline.models import FieldValue
from schemas import get_schema


def cell(key: str, value: str | None, status: str = "ok", script: str = "handwritten") -> ReadCell:
    result = CellResult(kind="x", text=value or "", value=value, probability=0.99, runner_up=None,
                        runner_up_probability=0.0, margin=20.0, fit=0.0, status=status, script=script)
    return ReadCell(key, result, 1, (0.0, 0.0, 0.1, 0.1), status)


def rows_of(key: str, values: list[str | None]) -> list[dict[str, ReadCell]]:
    return [{key: cell(key, v)} for v in values]


def test_numbers_off_the_voted_sequence_go_to_review():
    rows = rows_of("number", ["41", "42", "48", "44", "45"])
    issues = check_sequence(rows, "number")
    assert [r["number"].status for r in rows] == ["ok", "ok", "review", "ok", "ok"]
    assert [i.field for i in issues] == ["entries[2].number"]


def test_numbers_without_two_agreeing_rows_are_all_for_review():
    rows = rows_of("number", ["41", "7", "300"])
    check_sequence(rows, "number")
    assert {r["number"].status for r in rows} == {"review"}


def test_registration_dates_outside_the_year_or_going_back_go_to_review():
    rows = rows_of("registration_date", ["1994-03-02", "1994-03-05", "1994-03-01", "1995-03-09"])
    issues = check_chronology(rows, "registration_date", [1994] * 4)
    assert [r["registration_date"].status for r in rows] == ["ok", "review", "review", "review"]
    assert [i.code for i in issues] == ["register_date_order"]


def test_dates_of_a_register_of_unknown_year_are_for_review():
    rows = rows_of("registration_date", ["1994-03-02"])
    check_chronology(rows, "registration_date", [None])
    assert rows[0]["registration_date"].status == "review"


def test_birth_after_registration_sends_both_dates_to_review():
    schema = get_schema("birth_register")
    rows = [{"date_of_birth": cell("date_of_birth", "1994-05-02"),
             "registration_date": cell("registration_date", "1994-04-30")},
            {"date_of_birth": cell("date_of_birth", "1994-04-02"),
             "registration_date": cell("registration_date", "1994-04-30")}]
    issues = check_row_rules(schema, rows)
    assert [c.status for c in rows[0].values()] == ["review", "review"]
    assert [c.status for c in rows[1].values()] == ["ok", "ok"]
    assert [(i.code, i.field) for i in issues] == [("birth_after_registration", "entries[0].registration_date")]


def _line(index: int, text: str, y: int) -> TextLine:
    tokens = [make_token(w, (10 + 60 * i, y, 60 + 60 * i, y + 20), 0.9) for i, w in enumerate(text.split())]
    return TextLine(index, tokens, (10, y, 60 * len(tokens), y + 20))


def test_the_register_year_comes_from_the_book_number_or_a_year_line_above_the_table():
    book = PageLayout(1, 2000, 1400, [_line(0, "Ủy ban nhân dân xã A Quyển số: 02/1994", 100),
                                      _line(1, "Quyển số: 01/2001", 900)])
    assert register_year(book, table_top=300) == 1994
    line = PageLayout(1, 2000, 1400, [_line(0, "SỔ ĐĂNG KÝ KHAI SINH", 50), _line(1, "Năm 1987", 100)])
    assert register_year(line, table_top=300) == 1987
    assert register_year(PageLayout(1, 2000, 1400, [_line(0, "Năm 1987", 900)]), table_top=300) is None


def test_a_printed_reading_that_accepted_nearly_everything_is_not_looked_at_again():
    sure = [{"a": FieldValue(value="x", status="ok"), "b": FieldValue(value=None, status="review")}] * 10
    assert printed_reading_sure(sure)
    unsure = sure + [{"a": FieldValue(value="x", status="review")}] * 3
    assert not printed_reading_sure(unsure)
    assert not printed_reading_sure([])
