"""The constrained CTC search on probability matrices built by hand: what it may and may not return."""

from __future__ import annotations

import numpy as np

from pipeline.icr.ctc import Decoder, Grammar, Slot, Trie, separator_trie

CHARS = ("<blank>", "a", "b", "c", "A", " ", "/", "1", "2")


def frames(*rows: dict[str, float]) -> np.ndarray:
    """One row per frame; the probability not given to characters goes to the blank."""
    out = np.zeros((len(rows), len(CHARS)))
    for t, row in enumerate(rows):
        for ch, p in row.items():
            out[t, CHARS.index(ch)] = p
        out[t, 0] = 1.0 - out[t].sum()
    return out


class Words(Grammar):
    def value(self, chosen):
        return "+".join(min(s) for s in chosen if s)


def one_slot(*words: str) -> Grammar:
    return Words([Slot(Trie((w, w) for w in words))], [])


def test_only_lexicon_values_come_out():
    # The frames say "ac" most strongly; the lexicon holds "ab" and "cb" only.
    probs = frames({"a": 0.9}, {}, {"c": 0.6, "b": 0.3})
    found = Decoder(one_slot("ab", "cb")).decode(probs, CHARS)
    assert {c.value for c in found} <= {"ab", "cb"} and found[0].value == "ab"
    assert found[0].log_prob - found[-1].log_prob > 20  # "cb" needs a "c" where the frames have none


def test_ranking_follows_the_frames_and_is_case_free():
    probs = frames({"A": 0.5, "a": 0.3, "c": 0.1}, {"b": 0.9})
    found = Decoder(one_slot("ab", "cb")).decode(probs, CHARS)
    assert [c.value for c in found] == ["ab", "cb"]
    assert found[0].log_prob > found[1].log_prob + 1.5  # 0.8 (a or A) against 0.1


def test_repeated_letters_need_a_blank_between():
    # a, a with no blank between collapses to one "a": "aa" is reachable only through the blank frame.
    together = frames({"a": 0.95}, {"a": 0.95})
    apart = frames({"a": 0.95}, {}, {"a": 0.95})
    grammar = one_slot("a", "aa")
    assert Decoder(grammar).decode(together, CHARS)[0].value == "a"
    assert Decoder(grammar).decode(apart, CHARS)[0].value == "aa"


class Pair(Grammar):
    """Two slots where the second must be allowed by the first (like a district and its commune)."""

    def allowed(self, slot, chosen):
        return frozenset({"2"}) if slot == 1 and "a" in chosen[0] else None

    def value(self, chosen):
        return "/".join(min(s) for s in chosen if s)


def test_a_slot_is_narrowed_by_the_one_before():
    grammar = Pair([Slot(Trie([("a", "a"), ("b", "b")])), Slot(Trie([("1", "1"), ("2", "2")]))],
                   [separator_trie(["/", ""])])
    probs = frames({"a": 0.9}, {"/": 0.9}, {"1": 0.7, "2": 0.2})
    found = Decoder(grammar).decode(probs, CHARS)
    assert found[0].value == "a/2"  # "a/1" reads better but "a" allows only "2"
    assert "a/1" not in [c.value for c in found]


def test_an_empty_separator_lets_words_run_together():
    grammar = Words([Slot(Trie([("ab", "ab")])), Slot(Trie([("c", "c")]))], [separator_trie([" ", ""])])
    spaced = frames({"a": 0.9}, {"b": 0.9}, {" ": 0.9}, {"c": 0.9})
    joined = frames({"a": 0.9}, {"b": 0.9}, {"c": 0.9})
    assert Decoder(grammar).decode(spaced, CHARS)[0].value == "ab+c"
    assert Decoder(grammar).decode(joined, CHARS)[0].value == "ab+c"
