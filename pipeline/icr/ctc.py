"""CTC decoding against what a cell may hold: a prefix beam search walking a grammar of tries.

A grammar is a sequence of slots (a family name, a middle name, a given name; a commune, a district, a
province; a day, a month, a year), each a trie of the spellings it accepts with the value each spelling stands
for, and a separator trie between slots (", ", " - ", "/", "" ...). The search extends a prefix only by a
character the grammar allows next, so every prefix it keeps is the beginning of an acceptable cell; the
probabilities are those of the recognizer's frames, summed over CTC alignments (blank / repeat rules), not a
spell-check of its best string. ``Grammar.allowed`` narrows a slot by the values already chosen (the districts
of the commune read, the months that have day 31), and tries carry the set of values under each node so that a
branch with no allowed value is never entered.

Characters are compared case-free: the recognizer's upper- and lower-case classes are summed into one.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import cache

import numpy as np

NEG = -math.inf


def fold_case(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


class TrieNode:
    __slots__ = ("children", "values", "under")

    def __init__(self) -> None:
        self.children: dict[str, TrieNode] = {}
        self.values: set[Hashable] = set()  # values whose spelling ends here
        self.under: set[Hashable] = set()  # values whose spelling passes through or ends here


class Trie:
    """Spellings (case-free, NFC) and the values they stand for."""

    def __init__(self, entries: Iterable[tuple[str, Hashable]] = ()):
        self.root = TrieNode()
        for spelling, value in entries:
            self.add(spelling, value)

    def add(self, spelling: str, value: Hashable) -> None:
        node = self.root
        node.under.add(value)
        for ch in fold_case(spelling):
            node = node.children.setdefault(ch, TrieNode())
            node.under.add(value)
        node.values.add(value)


def separator_trie(spellings: Iterable[str]) -> Trie:
    return Trie((s, None) for s in spellings)


@dataclass
class Slot:
    trie: Trie
    may_start: bool = False  # the cell may begin with this slot (earlier slots left out)
    may_end: bool = False  # the cell may end after this slot (later slots left out)


class Grammar:
    """Slots in order with separators between them; subclasses narrow a slot by the values chosen before."""

    def __init__(self, slots: list[Slot], separators: list[Trie]):
        assert len(separators) == len(slots) - 1
        self.slots = slots
        self.separators = separators
        self.slots[0].may_start = True
        self.slots[-1].may_end = True

    def allowed(self, slot: int, chosen: tuple[frozenset, ...]) -> frozenset | None:
        """The values slot ``slot`` may take after ``chosen`` (one set per slot so far); None: any."""
        return None

    def value(self, chosen: tuple[frozenset, ...]) -> Hashable | None:
        """The cell's value from the sets chosen per slot (empty sets for slots left out)."""
        raise NotImplementedError


@dataclass(frozen=True)
class State:
    slot: int
    in_separator: bool
    node: TrieNode = field(compare=False)
    node_id: int
    chosen: tuple[frozenset, ...]  # values of the slots finished so far (frozenset() for a slot left out)


@dataclass
class Candidate:
    value: Hashable
    log_prob: float
    spelling: str


@dataclass
class _Beam:
    blank: float = NEG  # log P(prefix, last frame blank)
    char: float = NEG  # log P(prefix, last frame its last character)
    state: State | None = None

    @property
    def total(self) -> float:
        return _lse(self.blank, self.char)


def _lse(a: float, b: float) -> float:
    if a < b:
        a, b = b, a
    if b == NEG:
        return a
    return a + math.log1p(math.exp(b - a))


@cache
def _fold_map(chars: tuple[str, ...]) -> tuple[tuple[str, ...], np.ndarray]:
    """The case-free classes of a recognizer's characters and the 0/1 matrix summing its columns into them."""
    folded = [fold_case(c) if i else "" for i, c in enumerate(chars)]
    classes = tuple(dict.fromkeys(folded))
    index = {c: i for i, c in enumerate(classes)}
    matrix = np.zeros((len(chars), len(classes)))
    for i, c in enumerate(folded):
        matrix[i, index[c]] = 1.0
    return classes, matrix


def fold_probs(probs: np.ndarray, chars: tuple[str, ...]) -> tuple[np.ndarray, dict[str, int]]:
    """Per-frame probabilities of case-free classes; class 0 is the blank."""
    classes, matrix = _fold_map(chars)
    return probs @ matrix, {c: i for i, c in enumerate(classes)}


def string_log_prob(probs: np.ndarray, chars: tuple[str, ...], text: str) -> float:
    """log P(text | frames), case-free, summed over all CTC alignments (the forward algorithm)."""
    folded, index = fold_probs(probs, chars)
    labels = [index[c] for c in fold_case(text) if c in index]
    if not labels:
        return float(np.log(np.maximum(folded[:, 0], 1e-30)).sum())
    ext = [0]
    for k in labels:
        ext += [k, 0]
    logp = np.log(np.maximum(folded, 1e-30))[:, ext]
    n = len(ext)
    # Transitions from s-2 are allowed into a character that differs from the one two places back.
    skip = np.array([s >= 2 and ext[s] != 0 and ext[s] != ext[s - 2] for s in range(n)])
    alpha = np.full(n, NEG)
    alpha[0], alpha[1] = logp[0, 0], logp[0, 1]
    for t in range(1, logp.shape[0]):
        prev1 = np.concatenate([[NEG], alpha[:-1]])
        prev2 = np.where(skip, np.concatenate([[NEG, NEG], alpha[:-2]]), NEG)
        alpha = np.logaddexp(np.logaddexp(alpha, prev1), prev2) + logp[t]
    return float(np.logaddexp(alpha[-1], alpha[-2]))


class Decoder:
    """Prefix beam search of a CTC probability matrix through a grammar."""

    def __init__(self, grammar: Grammar, beam: int = 24):
        self.grammar = grammar
        self.beam = beam

    # --- the grammar as an automaton -------------------------------------------------------------------
    def _start(self) -> list[State]:
        states: list[State] = []
        for i, slot in enumerate(self.grammar.slots):
            if slot.may_start:
                states.extend(self._closure(State(i, False, slot.trie.root, id(slot.trie.root), (frozenset(),) * i)))
        return states

    def _values_here(self, state: State) -> frozenset:
        allowed = self.grammar.allowed(state.slot, state.chosen)
        here = frozenset(state.node.values)
        return here if allowed is None else here & allowed

    def _closure(self, state: State) -> list[State]:
        """The state and those reached from it without reading a character (slot done, empty separator)."""
        out = [state]
        if state.in_separator:
            if state.node.values:  # the separator is complete
                nxt = self.grammar.slots[state.slot + 1].trie.root
                out.extend(self._closure(State(state.slot + 1, False, nxt, id(nxt), state.chosen)))
            return out
        if state.slot + 1 < len(self.grammar.slots):
            done = self._values_here(state)
            if done:
                sep = self.grammar.separators[state.slot].root
                chosen = (*state.chosen, done)
                out.extend(self._closure(State(state.slot, True, sep, id(sep), chosen)))
        return out

    def _step(self, state: State, ch: str) -> State | None:
        child = state.node.children.get(ch)
        if child is None:
            return None
        if not state.in_separator:
            allowed = self.grammar.allowed(state.slot, state.chosen)
            if allowed is not None and child.under.isdisjoint(allowed):
                return None
        return State(state.slot, state.in_separator, child, id(child), state.chosen)

    def _final_value(self, state: State) -> Hashable | None:
        if state.in_separator or not self.grammar.slots[state.slot].may_end:
            return None
        done = self._values_here(state)
        if not done:
            return None
        chosen = (*state.chosen, done) + (frozenset(),) * (len(self.grammar.slots) - state.slot - 1)
        return self.grammar.value(chosen)

    # --- the search ----------------------------------------------------------------------------------
    def decode(self, probs: np.ndarray, chars: tuple[str, ...], keep: int = 5) -> list[Candidate]:
        """Values the cell may hold, most probable first, with the log-probability summed over spellings."""
        folded, index = fold_probs(probs, chars)
        logp = np.log(np.maximum(folded, 1e-30))
        beams: dict[tuple, _Beam] = {}
        for state in self._start():
            beams[("", state)] = _Beam(blank=0.0, state=state)
        for t in range(logp.shape[0]):
            row = logp[t]
            blank = float(row[0])
            nxt: dict[tuple, _Beam] = {}
            for (text, state), beam in beams.items():
                total = beam.total
                stay = nxt.setdefault((text, state), _Beam(state=state))
                stay.blank = _lse(stay.blank, total + blank)
                last = text[-1:] if text else ""
                if last:
                    p_last = float(row[index[last]]) if last in index else NEG
                    stay.char = _lse(stay.char, beam.char + p_last)
                for src in self._closure(state) if state is not None else ():
                    # Every character the grammar allows, however unlikely the frame finds it: a letter the
                    # recognizer dropped ("hường" for "phường") must stay reachable.
                    for ch in src.node.children:
                        k = index.get(ch)
                        if k is None:
                            continue
                        p = float(row[k])
                        moved = self._step(src, ch)
                        if moved is None:
                            continue
                        key = (text + ch, moved)
                        b = nxt.get(key)
                        if b is None:
                            b = nxt[key] = _Beam(state=moved)
                        # A repeated character needs a blank between its two frames.
                        b.char = _lse(b.char, (beam.blank if ch == last else total) + p)
            beams = dict(sorted(nxt.items(), key=lambda kv: kv[1].total, reverse=True)[: self.beam])
        by_value: dict[Hashable, Candidate] = {}
        for (text, state), beam in beams.items():
            for end in self._closure(state):
                value = self._final_value(end)
                if value is None:
                    continue
                found = by_value.get(value)
                if found is None:
                    by_value[value] = Candidate(value, beam.total, text)
                else:
                    best_spelling = found.spelling if found.log_prob >= beam.total else text
                    by_value[value] = Candidate(value, _lse(found.log_prob, beam.total), best_spelling)
                break  # one closure state per beam is enough: they share the text and its probability
        return sorted(by_value.values(), key=lambda c: c.log_prob, reverse=True)[:keep]
