"""The grammar of each field kind, for a register's context (the entry's date, the register's years)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from extractors.constrained.closed import ethnicity_grammar, nationality_grammar, number_grammar, sex_grammar
from extractors.constrained.dates import date_grammar
from extractors.constrained.names import name_grammar
from extractors.constrained.places import era_of, place_grammar
from pipeline.icr.ctc import Grammar

KINDS = ("name", "place", "date", "ethnicity", "nationality", "sex", "number", "text")
FIRST_YEAR = 1900


@dataclass(frozen=True)
class CellContext:
    """What is known of a cell before it is read."""

    entry_date: date | None = None  # when the entry was written: which units existed
    years: tuple[int, int] | None = None  # the years a date in the cell may have (the register's range)
    expected_number: str | None = None  # the entry number the page's sequence expects here (row rule)


def grammar_for(kind: str, context: CellContext) -> Grammar | None:
    """None for free text (read without constraint)."""
    if kind == "name":
        return name_grammar()
    if kind == "place":
        return place_grammar(era_of(context.entry_date))
    if kind == "date":
        first, last = context.years or (FIRST_YEAR, date.today().year)
        return date_grammar(first, last)
    if kind == "ethnicity":
        return ethnicity_grammar()
    if kind == "nationality":
        return nationality_grammar()
    if kind == "sex":
        return sex_grammar()
    if kind == "number":
        return number_grammar()
    if kind == "text":
        return None
    raise ValueError(f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
