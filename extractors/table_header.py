"""A register table's header cells mapped to the schema's entry fields, by their wording.

Each column's header text (the group header above a short rule left out) is matched against the wordings of
the schema's ``table.columns`` (synonyms from the real books). A column is mapped only when one entry field
matches clearly better than any other; a column whose header is not found is not guessed. A column whose
cells are divided by a rule holds two stacked values: its header is read as two wordings, one above the
other (``Số;`` over ``Ngày ĐK``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from extractors.labels import label_key
from schemas import Schema

HEADER_CUTOFF = 82.0  # a header's wording matches a synonym at least this well
INDEX_CUTOFF = 95.0  # a header is a list's running index only when it reads as one almost exactly
HEADER_MARGIN = 8.0  # and better by this much than the best synonym of any other entry field
SHORT = 4  # folded synonyms this short ("so", "me", "cha") must match exactly

_PARENS = re.compile(r"\([^)]*\)?")
COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?[.,;:]?$")


def _key(text: str) -> str:
    return label_key(re.sub(r"[^\w/]+", " ", text))


def _score(text: str, synonym: str) -> float:
    """How well a header's text matches a synonym (0..100), also with the spaces taken out ("SốTT")."""
    a, b = _key(text), _key(synonym)
    if not a or not b:
        return 0.0
    a_joined, b_joined = a.replace(" ", ""), b.replace(" ", "")
    if min(len(a_joined), len(b_joined)) <= SHORT:
        return 100.0 if a_joined == b_joined else 0.0
    return max(fuzz.ratio(a, b), fuzz.ratio(a_joined, b_joined))


def _variants(text: str) -> list[str]:
    """The text, and without its parenthesised notes ("Nơi sinh (cơ sở y tế, địa chỉ)")."""
    bare = _PARENS.sub(" ", text).strip()
    return [text, bare] if bare and bare != text else [text]


@dataclass(frozen=True)
class HeaderMatch:
    key: str
    score: float
    margin: float  # over the best other entry field


def match_header(schema: Schema, text: str) -> HeaderMatch | None:
    """The entry field whose wording ``text`` is, when one matches clearly; None otherwise."""
    assert schema.table is not None
    scores = []
    for key, synonyms in schema.table.columns.items():
        best = max((_score(v, s) for v in _variants(text) for s in synonyms), default=0.0)
        scores.append((best, key))
    scores.sort(reverse=True)
    if not scores or scores[0][0] < HEADER_CUTOFF:
        return None
    second = scores[1][0] if len(scores) > 1 else 0.0
    if scores[0][0] - second < HEADER_MARGIN:
        return None
    return HeaderMatch(scores[0][1], scores[0][0], scores[0][0] - second)


def _units(lines: list[str]) -> list[str]:
    """The header's lines, split again after a semicolon (two stacked wordings on one line)."""
    units = []
    for line in lines:
        parts = [p.strip() for p in line.split(";")]
        units += [p for p in parts if p and not COLUMN_NUMBER.match(p)]
    return units


def _other_column(schema: Schema, text: str, score: float) -> bool:
    """The header is one of the books' columns that hold no entry field, more clearly than ``score``."""
    assert schema.table is not None
    return any(_score(v, other) > max(score, HEADER_CUTOFF) for v in _variants(text)
               for other in schema.table.other_columns)


def column_keys(schema: Schema, lines: list[str], divided: bool) -> tuple[tuple[str, ...], float] | None:
    """The entry field(s) of one column from its header lines (top to bottom), with the weakest score.

    Leading lines may be a group header's words: the wording is looked for in every tail of the lines, and
    when none matches, in every tail of two words or more of them.
    ``divided``: the column's cells are split by a rule, so the header holds two wordings, the upper one
    for the upper value."""
    units = _units(lines)
    best: tuple[tuple[str, ...], float] | None = None
    for start in range(len(units)):
        if divided:
            for cut in range(start + 1, len(units)):
                upper = match_header(schema, " ".join(units[start:cut]))
                lower = match_header(schema, " ".join(units[cut:]))
                if upper and lower and upper.key != lower.key:
                    score = min(upper.score, lower.score)
                    if best is None or score > best[1]:
                        best = ((upper.key, lower.key), score)
        else:
            match = match_header(schema, " ".join(units[start:]))
            if match and (best is None or match.score > best[1]):
                best = ((match.key,), match.score)
    if best is None and not divided and units:
        # A group header's words read on the same line as the column's own ("Trẻ em Dân tộc"): the wording
        # is looked for in the line's last words too (two at least: one short word names nothing alone).
        words = " ".join(units).split()
        for start in range(1, len(words) - 1):
            match = match_header(schema, " ".join(words[start:]))
            if match and (best is None or match.score > best[1]):
                best = ((match.key,), match.score)
    if best is not None and not divided and _other_column(schema, " ".join(units), best[1]):
        return None  # "Họ, chữ đệm, tên người đi đăng ký khai sinh": the declarant's column, no entry field
    return best


def index_column(schema: Schema, lines: list[str]) -> bool:
    """The header is one of the schema's wordings of a list's running index ("STT", "Số TT")."""
    assert schema.table is not None
    text = " ".join(_units(lines))
    return bool(text) and any(_score(v, index) >= INDEX_CUTOFF for v in _variants(text)
                              for index in schema.table.index_columns)


def map_columns(schema: Schema, headers: dict[int, tuple[list[str], bool]]) -> dict[int, tuple[str, ...]]:
    """Column index -> its entry field(s), from each column's (header lines, divided). Each field goes to
    one column: when two columns claim it, the better match keeps it; equal matches leave it to neither."""
    found = {col: keys for col, (lines, divided) in headers.items() if (keys := column_keys(schema, lines, divided))}
    claims: dict[str, list[tuple[float, int]]] = {}
    for col, (keys, score) in found.items():
        for key in keys:
            claims.setdefault(key, []).append((score, col))
    lost: set[int] = set()
    index = {col for col, (lines, _) in headers.items() if index_column(schema, lines)}
    for key, cols in claims.items():
        if len(cols) > 1 and key == schema.table.sequence and any(c not in index for _, c in cols):
            lost |= {c for _, c in cols if c in index}  # a list's running index beside the register's number
            cols[:] = [(score, c) for score, c in cols if c not in index]
        cols.sort(reverse=True)
        if len(cols) > 1:
            lost |= {c for _, c in cols[1:]}
            if cols[0][0] == cols[1][0]:
                lost.add(cols[0][1])
    return {col: keys for col, (keys, _) in found.items() if col not in lost}
