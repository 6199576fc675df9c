"""Register columns whose header could not be read, typed by what their cells hold.

A book's header is often the worst-read part of the page (small type, group headers over it, stamps, a
column number row); its cells are not. A column left unmapped by its header (``table_header``) is given an
entry field when its cells can only be that field's values:

- a small closed list (sex, ethnic group, nationality): nearly every cell reads as exactly one of its
  entries;
- the table's sequence (the entry number): nearly every cell a bare number, each one more than the row above;
- a date: nearly every cell a valid date, and the schema's date-order rule tells which date it is (the
  registration comes after the birth on every row, against the date column already identified, or between
  two unidentified date columns).

Each field goes to one column and each column to one field; anything ambiguous stays unmapped. A column typed
by content has no label: its values are always for review (``column_by_content``), never ``ok`` on their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

from extractors.kinds import parse_value
from schemas import Schema

CONTENT_SHARE = 0.8  # the share of a column's non-empty cells that must read as the field's values
MIN_CELLS = 3  # fewer filled cells say nothing about a column
CLOSED_KINDS = ("sex", "ethnicity", "nationality")
_BARE_NUMBER = re.compile(r"^\d{1,6}$")

CellTexts = Mapping[int, Mapping[int, str]]  # every column -> data band -> its cell's text ("" when empty)


def _enough(texts: list[str], fits: Callable[[str], bool]) -> bool:
    filled = [t for t in texts if t]
    return len(filled) >= MIN_CELLS and sum(map(fits, filled)) >= CONTENT_SHARE * len(filled)


def _closed(kind: str) -> Callable[[str], bool]:
    def fits(text: str) -> bool:
        result = parse_value(kind, text)
        return result.valid and result.closed
    return fits


def _sequence(texts: list[str]) -> bool:
    """Bare numbers, each one more than the filled row above it on nearly every pair."""
    numbers = [int(t.strip(" .")) if _BARE_NUMBER.match(t.strip(" .")) else None for t in texts if t]
    if len(numbers) < MIN_CELLS or sum(n is not None for n in numbers) < CONTENT_SHARE * len(numbers):
        return False
    pairs = list(zip(numbers, numbers[1:], strict=False))
    steps = sum(a is not None and b == a + 1 for a, b in pairs)
    return steps >= CONTENT_SHARE * len(pairs)


def _dates(texts: Mapping[int, str]) -> dict[int, date]:
    out = {}
    for band, text in texts.items():
        result = parse_value("date", text) if text else None
        if result is not None and result.valid and result.value:
            out[band] = date.fromisoformat(result.value)
    return out


def _date_column(texts: Mapping[int, str], dates: dict[int, date]) -> bool:
    """Nearly every filled cell (``texts``) holds one of the column's ``dates``."""
    filled = sum(bool(t) for t in texts.values())
    return filled >= MIN_CELLS and len(dates) >= CONTENT_SHARE * filled


def _before(first: dict[int, date], second: dict[int, date]) -> bool:
    """``first`` on or before ``second`` on nearly every row that has both, and at least MIN_CELLS of them."""
    both = [b for b in first if b in second]
    return len(both) >= MIN_CELLS and sum(first[b] <= second[b] for b in both) >= CONTENT_SHARE * len(both)


def _date_pairs(schema: Schema) -> list[tuple[str, str]]:
    return [(r.fields[0], r.fields[1]) for r in schema.rules
            if r.rule == "date_order" and r.entries and len(r.fields) == 2]


def content_columns(schema: Schema, mapping: Mapping[int, tuple[str, ...]], texts: CellTexts) -> dict[int, str]:
    """Unmapped column -> the entry field its cells show it to be (see the module's doc)."""
    if schema.table is None:
        return {}
    taken = {key for keys in mapping.values() for key in keys}
    free_cols = [col for col in texts if col not in mapping and sum(bool(t) for t in texts[col].values())]
    entry = schema.entry_fields
    claims: dict[str, list[int]] = {}
    for col in free_cols:
        column = list(texts[col].values())
        for key, spec in entry.items():
            if key in taken:
                continue
            fits = (spec.kind in CLOSED_KINDS and _enough(column, _closed(spec.kind))
                    or key == schema.table.sequence and _sequence(column))
            if fits:
                claims.setdefault(key, []).append(col)
    sole = [(cols[0], key) for key, cols in claims.items() if len(cols) == 1]  # a field only one column fits
    found = {col: key for col, key in sole if sum(c == col for c, _ in sole) == 1}  # that fits only that field
    claimed = {col for cols in claims.values() for col in cols}
    # Dates, by the order rule: against the partner column already mapped, or between two unmapped ones.
    dates = {c: _dates(texts[c]) for c in free_cols if c not in claimed}  # each column's dates, read once
    date_cols = [c for c in free_cols if c not in claimed and _date_column(texts[c], dates[c])]
    mapped_at = {keys[0]: col for col, keys in mapping.items() if len(keys) == 1}
    for earlier, later in _date_pairs(schema):
        missing = [k for k in (earlier, later) if k not in taken]
        if len(missing) == 1 and len(date_cols) == 1:
            known = earlier if missing[0] == later else later
            if known not in mapped_at:
                continue
            partner, candidate = _dates(texts[mapped_at[known]]), dates[date_cols[0]]
            ordered = _before(partner, candidate) if missing[0] == later else _before(candidate, partner)
            if ordered:
                found[date_cols[0]] = missing[0]
        elif len(missing) == 2 and len(date_cols) == 2:
            a, b = (dates[c] for c in date_cols)
            if _before(a, b) and not _before(b, a):
                found[date_cols[0]], found[date_cols[1]] = earlier, later
            elif _before(b, a) and not _before(a, b):
                found[date_cols[0]], found[date_cols[1]] = later, earlier
    return found
