"""Dates decoded as day, month, year: in figures ("12/03/1987", "12-3-1987") or words ("ngày mười hai tháng
ba năm một nghìn chín trăm tám mươi bảy"), only days the calendar has and years in the register's range."""

from __future__ import annotations

import calendar
from collections.abc import Hashable
from datetime import date
from functools import cache, lru_cache

from pipeline.icr.ctc import Grammar, Slot, Trie, separator_trie

UNITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
GAPS = ("/", "-", ".", " ", "", " / ", ", ")


def two_digit_words(n: int) -> set[str]:
    """1..99 in words, with the usual variants (mốt, lăm/nhăm, tư)."""
    if n < 10:
        return {UNITS[n]}
    tens, unit = divmod(n, 10)
    head = "mười" if tens == 1 else f"{UNITS[tens]} mươi"
    if unit == 0:
        return {head}
    tails = {UNITS[unit]}
    if unit == 1 and tens > 1:
        tails = {"mốt"}
    if unit == 5:
        tails = {"lăm", "nhăm"} if tens > 1 else {"lăm"}
    if unit == 4 and tens > 1:
        tails.add("tư")
    return {f"{head} {t}" for t in tails}


def year_words(year: int) -> set[str]:
    thousands, rest = divmod(year, 1000)
    hundreds, low = divmod(rest, 100)
    heads = {f"{UNITS[thousands]} {w}" for w in ("nghìn", "ngàn")}
    if low == 0:
        tails = {f"{UNITS[hundreds]} trăm"} if hundreds else {""}
    elif low < 10:
        tails = {f"{UNITS[hundreds]} trăm {link} {UNITS[low]}" for link in ("linh", "lẻ")}
    else:
        tails = {f"{UNITS[hundreds]} trăm {w}" for w in two_digit_words(low)}
    return {f"{h} {t}".strip() for h in heads for t in tails}


def day_spellings(d: int) -> set[str]:
    words = two_digit_words(d) | ({f"mồng {UNITS[d]}", f"mùng {UNITS[d]}"} if d < 10 else set())
    if d == 10:
        words |= {"mồng mười", "mùng mười"}
    bare = {str(d), f"{d:02d}"} | words
    return bare | {f"ngày {s}" for s in bare}


def month_spellings(m: int) -> set[str]:
    words = two_digit_words(m) | ({"giêng"} if m == 1 else set()) | ({"chạp"} if m == 12 else set())
    if m == 4:
        words.add("tư")
    bare = {str(m), f"{m:02d}"} | words
    return bare | {f"tháng {s}" for s in bare}


def year_spellings(y: int) -> set[str]:
    bare = {str(y)} | year_words(y)
    return bare | {f"năm {s}" for s in bare}


class DateGrammar(Grammar):
    def __init__(self, first_year: int, last_year: int):
        self.years = range(first_year, last_year + 1)
        slots = [Slot(Trie((s, d) for d in range(1, 32) for s in day_spellings(d))),
                 Slot(Trie((s, m) for m in range(1, 13) for s in month_spellings(m))),
                 Slot(Trie((s, y) for y in self.years for s in year_spellings(y)))]
        super().__init__(slots, [separator_trie(GAPS), separator_trie(GAPS)])

    @lru_cache(maxsize=1024)  # noqa: B019 - grammars are cached per year range
    def allowed(self, slot: int, chosen: tuple[frozenset, ...]) -> frozenset | None:
        if slot == 1:
            days = chosen[0]
            return frozenset(m for m in range(1, 13) if any(d <= _month_days(m, 2000) for d in days))
        if slot == 2:
            days, months = chosen
            return frozenset(y for y in self.years if any(d <= _month_days(m, y) for d in days for m in months))
        return None

    def value(self, chosen: tuple[frozenset, ...]) -> Hashable | None:
        if not all(chosen):
            return None
        for y in sorted(chosen[2]):
            for m in sorted(chosen[1]):
                for d in sorted(chosen[0]):
                    if d <= _month_days(m, y):
                        return date(y, m, d).isoformat()
        return None


def _month_days(month: int, year: int) -> int:
    return calendar.monthrange(year, month)[1]


@cache
def date_grammar(first_year: int, last_year: int) -> DateGrammar:
    return DateGrammar(first_year, last_year)
