"""Personal names decoded word by word: a family name, then one to three middle or given names.

The lexicon is the project's list of Vietnamese name syllables (extractors/data/names.yaml: family names and
the syllables of middle and given names), each in both tone placements (Hòa / Hoà). A name whose syllables are
not all listed cannot be read by this grammar: its best candidate then fits the recognizer's frames badly and
the cell goes to review.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Hashable
from functools import cache
from pathlib import Path

import yaml

from pipeline.icr.ctc import Grammar, Slot, Trie, separator_trie

DATA = Path(__file__).resolve().parent.parent / "data"
WORD_GAPS = (" ", "")  # a hand often runs two syllables together; the recognizer then sees no space
OLD_TONE = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
            "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def spellings(word: str) -> set[str]:
    """A syllable in the new and the old tone placement (Hòa, Hoà)."""
    out = {nfc(word)}
    for old, new in OLD_TONE.items():
        out |= {s.replace(new, old) for s in out} | {s.replace(old, new) for s in out}
    return out


@cache
def lexicon() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(family names, middle and given syllables), NFC, title case."""
    data = yaml.safe_load((DATA / "names.yaml").read_text(encoding="utf-8"))
    family = tuple(dict.fromkeys(nfc(str(w)) for w in data["surnames"]))
    given = tuple(dict.fromkeys(nfc(str(w)) for w in data["given"]))
    return family, given


def _trie(words: tuple[str, ...]) -> Trie:
    return Trie((spelling, word) for word in words for spelling in spellings(word))


class NameGrammar(Grammar):
    def __init__(self, words: int = 4):
        family, given = lexicon()
        given_trie = _trie(given)
        slots = [Slot(_trie(family))] + [Slot(given_trie, may_end=i >= 1) for i in range(words - 1)]
        super().__init__(slots, [separator_trie(WORD_GAPS) for _ in range(words - 1)])

    def value(self, chosen: tuple[frozenset, ...]) -> Hashable | None:
        words = [min(s) for s in chosen if s]
        return nfc(" ".join(words).upper()) if len(words) >= 2 else None


@cache
def name_grammar() -> NameGrammar:
    return NameGrammar()
