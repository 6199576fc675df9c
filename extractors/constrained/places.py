"""Places decoded as a path: commune, district, province (before 1 July 2025) or commune, province (after),
with the units of the entry's date from the dated gazetteer. Each level may be written with or without its kind
("xã Đông Ngũ" or "Đông Ngũ"); the district must hold the commune read, the province the district. A cell
may leave out the lower levels ("huyện Tiên Yên, tỉnh Quảng Ninh", "Quảng Ninh").
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date
from functools import cache, lru_cache

from extractors.constrained.gazetteer import REFORM, Unit, units, units_on
from pipeline.icr.ctc import Grammar, Slot, Trie, separator_trie

LEVEL_GAPS = (", ", ",", " - ", "-", " ", "", "; ")
SHORT_KINDS = {"thành phố": ("tp ", "tp. ", "tp."), "thị xã": ("tx ", "tx. "), "thị trấn": ("tt ", "tt. ")}


def spellings(unit: Unit) -> set[str]:
    out = {unit.name, unit.full}
    for short in SHORT_KINDS.get(unit.kind.lower(), ()):
        out.add(short + unit.name)
    return out


def _trie(level_units: list[Unit]) -> Trie:
    return Trie((s, u.code) for u in level_units for s in spellings(u))


class PlaceGrammar(Grammar):
    def __init__(self, day: date):
        present = units_on(day)
        levels = ["commune", "district", "province"] if day < REFORM else ["commune", "province"]
        slots = [Slot(_trie([u for u in present if u.level == lv]), may_start=True) for lv in levels]
        super().__init__(slots, [separator_trie(LEVEL_GAPS) for _ in levels[1:]])
        self.units = units()

    @lru_cache(maxsize=4096)  # noqa: B019 - one grammar per era, kept for the process
    def allowed(self, slot: int, chosen: tuple[frozenset, ...]) -> frozenset | None:
        below = next((s for s in reversed(chosen) if s), None)
        if below is None:
            return None
        parents = {self.units[c].parent for c in below}
        if slot == len(self.slots) - 1:  # the province: climb from whatever level was read last
            parents = {p if self.units[p].level == "province" else self.units[p].parent for p in parents}
        return frozenset(p for p in parents if p)

    def value(self, chosen: tuple[frozenset, ...]) -> Hashable | None:
        path: list[Unit] = []
        for level_codes in reversed(chosen):  # province first, then down: pick children of what was picked
            if not level_codes:
                continue
            options = sorted(level_codes)
            if path:
                options = [c for c in options if self.units[c].parent == path[-1].code] or options
            path.append(self.units[options[0]])
        return ", ".join(u.full for u in reversed(path)) if path else None


@cache
def place_grammar(era: str) -> PlaceGrammar:
    """``era``: "before-2025-07" or "since-2025-07" (the two sets of units the gazetteer holds)."""
    return PlaceGrammar(date(2025, 6, 30) if era.startswith("before") else REFORM)


def era_of(day: date | None) -> str:
    return "since-2025-07" if day is not None and day >= REFORM else "before-2025-07"
