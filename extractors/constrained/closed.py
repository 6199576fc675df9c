"""Closed lists: the 54 ethnic groups, nationalities, sex, entry numbers; one slot each."""

from __future__ import annotations

from collections.abc import Hashable
from functools import cache
from pathlib import Path

import yaml

from pipeline.icr.ctc import Grammar, Slot, Trie

# The project's own lists (extractors/data), read, not copied: the ethnic groups are the General Statistics
# Office's 54 (Decision 121-TCTK/PPCĐ) with the other spellings found on documents.
DATA = Path(__file__).resolve().parent.parent / "data"

SEX = {"Nam": "male", "Nữ": "female", "Trai": "male", "Gái": "female"}


class OneSlot(Grammar):
    def __init__(self, trie: Trie):
        super().__init__([Slot(trie)], [])

    def value(self, chosen: tuple[frozenset, ...]) -> Hashable | None:
        return min(chosen[0]) if chosen[0] else None


def _groups(name: str) -> list[list[str]]:
    return [[str(v) for v in group] for group in yaml.safe_load((DATA / name).read_text(encoding="utf-8"))]


@cache
def ethnic_groups() -> list[list[str]]:
    return _groups("ethnic_groups.yaml")


@cache
def nationalities() -> list[list[str]]:
    return _groups("nationalities.yaml")


def _list_grammar(groups: list[list[str]]) -> OneSlot:
    # Every spelling stands for the group's first (official) name.
    return OneSlot(Trie((variant, group[0]) for group in groups for variant in group))


@cache
def ethnicity_grammar() -> OneSlot:
    return _list_grammar(ethnic_groups())


@cache
def nationality_grammar() -> OneSlot:
    return _list_grammar(nationalities())


@cache
def sex_grammar() -> OneSlot:
    return OneSlot(Trie(SEX.items()))


@cache
def number_grammar(highest: int = 3000) -> OneSlot:
    """Entry numbers 1..highest, with or without leading zeros ("07"); the value is the number as text."""
    entries: list[tuple[str, str]] = []
    for n in range(1, highest + 1):
        entries.append((str(n), str(n)))
        if n < 100:
            entries.append((f"{n:02d}", str(n)))
        if n < 10:
            entries.append((f"{n:03d}", str(n)))
    return OneSlot(Trie(entries))
