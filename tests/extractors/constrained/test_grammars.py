"""The grammars' data: the dated gazetteer, calendar-valid dates, the lists; checked with spelled-out frames."""

from __future__ import annotations

from datetime import date

import numpy as np

from extractors.constrained.dates import date_grammar, year_words
from extractors.constrained.gazetteer import units_on
from extractors.constrained.kinds import CellContext, grammar_for
from extractors.constrained.places import place_grammar
from pipeline.icr.ctc import Decoder
from pipeline.icr.model_file import model_files
from samples.vntext import WordStyle, date_in_words


def spelled(text: str) -> np.ndarray:
    """Frames that spell ``text`` clearly (each character, then a blank), in the recognizer's classes."""
    chars = model_files().chars
    rows = []
    for ch in text:
        row = np.full(len(chars), 1e-4)
        row[chars.index(ch)] = 1.0
        rows.append(row / row.sum())
        blank = np.full(len(chars), 1e-4)
        blank[0] = 1.0
        rows.append(blank / blank.sum())
    return np.array(rows)


def best(grammar, text: str):
    found = Decoder(grammar).decode(spelled(text), model_files().chars)
    return found[0].value if found else None


def test_gazetteer_holds_both_eras():
    before, after = units_on(date(2020, 1, 1)), units_on(date(2026, 1, 1))
    assert sum(u.level == "province" for u in before) == 63
    assert sum(u.level == "district" for u in before) > 690
    assert sum(u.level == "province" for u in after) == 34
    assert not any(u.level == "district" for u in after)


def test_a_place_is_a_path_of_units_that_hold_each_other():
    grammar = place_grammar("before-2025-07")
    assert best(grammar, "Hà Lâu - Tiên Yên - Quảng Ninh") == "xã Hà Lâu, huyện Tiên Yên, tỉnh Quảng Ninh"
    # Hà Lâu is in Tiên Yên, not in Hạ Long: the path refuses the pair and reads something else.
    assert best(grammar, "Hà Lâu, Hạ Long, Quảng Ninh") != "xã Hà Lâu, thành phố Hạ Long, tỉnh Quảng Ninh"


def test_dates_keep_to_the_calendar_and_the_register_years():
    grammar = date_grammar(1985, 1990)
    assert best(grammar, "29/2/1988") == "1988-02-29"
    assert best(grammar, "29/2/1987") != "1987-02-29"  # not a leap year
    assert best(grammar, "12/03/1995") is None or not best(grammar, "12/03/1995").startswith("1995")
    words = date_in_words(date(1987, 3, 15), WordStyle(five="nhăm"))
    assert best(grammar, words) == "1987-03-15"
    assert "một nghìn chín trăm linh năm" in year_words(1905)


def test_closed_lists_and_names():
    assert best(grammar_for("ethnicity", CellContext()), "Ê-đê") == "Ê Đê"
    assert best(grammar_for("sex", CellContext()), "Nữ") == "female"
    assert best(grammar_for("name", CellContext()), "Trần Thị Hoà") == "TRẦN THỊ HÒA"
    assert best(grammar_for("name", CellContext()), "TrầnThịHoà") == "TRẦN THỊ HÒA"  # run together
    assert best(grammar_for("number", CellContext()), "07") == "7"
