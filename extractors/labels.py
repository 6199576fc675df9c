"""Finding a schema's labels on OCR lines: rapidfuzz over word windows of each line, on folded text.

A label is a word sequence (``Họ, chữ đệm, tên``). In a line, every window of n−1, n or n+1 tokens is
compared with it (folded: no accents, no punctuation), so that OCR errors, split or merged words still
match. A label of one short word must end with a colon (``Số:``), since such words also occur in values
(``Số 12, đường …``). Overlapping matches are resolved longest and best first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from extractors import settings
from extractors.layout import PUNCT, TextLine
from extractors.text import fold
from schemas import Schema


@dataclass(frozen=True)
class Label:
    text: str  # as in the schema
    key: str  # folded words joined by single spaces
    words: int
    fields: tuple[str, ...]  # the fields (in schema order) that have this label
    block_starts: tuple[str, ...]  # the blocks this phrase opens


@dataclass
class LabelMatch:
    label: Label
    start: int  # token indices [start, end) in the line
    end: int
    score: float  # 0..100
    colon: bool
    ambiguous: bool = False  # read without its colon, and a shorter label ends inside it: where it ends is a guess


def label_key(text: str) -> str:
    """Folded words without punctuation at their ends, as tokens are keyed (extractors.layout)."""
    return " ".join(w for w in (PUNCT.sub("", t) for t in fold(text).replace("/", " ").split()) if w)


_LABELS: dict[int, tuple[Schema, tuple[Label, ...]]] = {}


def schema_labels(schema: Schema) -> tuple[Label, ...]:
    """The schema's labels, longest first (computed once per schema object)."""
    cached = _LABELS.get(id(schema))
    if cached is None or cached[0] is not schema:
        cached = (schema, _build_labels(schema))
        _LABELS[id(schema)] = cached
    return cached[1]


def _build_labels(schema: Schema) -> tuple[Label, ...]:
    by_key: dict[str, dict] = {}
    for key, spec in [*schema.fields.items()]:
        for text in spec.labels:
            entry = by_key.setdefault(label_key(text), {"text": text, "fields": [], "blocks": []})
            if key not in entry["fields"]:
                entry["fields"].append(key)
    for block_id, block in schema.blocks.items():
        for text in block.starts:
            entry = by_key.setdefault(label_key(text), {"text": text, "fields": [], "blocks": []})
            entry["blocks"].append(block_id)
    labels = [Label(text=v["text"], key=k, words=len(k.split()), fields=tuple(v["fields"]),
                    block_starts=tuple(v["blocks"])) for k, v in by_key.items() if k]
    return tuple(sorted(labels, key=lambda lb: -len(lb.key)))


OPTIONAL_WORDS = {"va"}  # "Họ, chữ đệm và tên" is "Họ, chữ đệm, tên": the conjunction is compared as absent


def _match_key(key: str) -> str:
    return " ".join(w for w in key.split(" ") if w not in OPTIONAL_WORDS)


def _window_score(keys: list[str], start: int, end: int, label: Label) -> float:
    window = " ".join(k for k in keys[start:end] if k and k not in OPTIONAL_WORDS)
    if not window:
        return 0.0
    return fuzz.ratio(window, _match_key(label.key), score_cutoff=50)


def _compact_score(keys: list[str], start: int, end: int, label: Label) -> float:
    """The window against the label with spaces taken out: OCR glued its words ("Sốđịnhdanhcánhân")."""
    window = "".join(keys[start:end]).replace(" ", "")
    if not window:
        return 0.0
    return fuzz.ratio(window, label.key.replace(" ", ""), score_cutoff=50)


def _cutoff(label: Label) -> float:
    n = len(label.key)
    if n <= 4:
        return 100.0
    if n <= 8:
        return settings.LABEL_CUTOFF_SHORT
    return settings.LABEL_CUTOFF


def _english_tail(tokens: list, end: int) -> int | None:
    """The end of the English half of a bilingual label read apart from its Vietnamese half: up to three
    tokens from a slash after ``end``, the last ending with a colon. None when there is none."""
    if end >= len(tokens) or not tokens[end].text.startswith("/"):
        return None
    for j in range(end, min(end + 3, len(tokens))):
        if tokens[j].colon:
            return j + 1
    return None


def _english_half_opens(tokens: list, end: int) -> bool:
    """At ``end`` a slash opens an English label half: "/" then an ASCII word, or "/Nationality"."""
    if end >= len(tokens) or not tokens[end].text.startswith("/"):
        return False
    rest = tokens[end].text[1:] or (tokens[end + 1].text if end + 1 < len(tokens) else "")
    return rest[:1].isascii() and rest[:1].isalpha()


SEGMENT_GAP = 1.6  # token heights of horizontal space that open a new segment of a line


def segment_starts(line: TextLine) -> set[int]:
    """Indices of the tokens that follow a gap wider than ``SEGMENT_GAP`` times the line's token height."""
    tokens = line.tokens
    if len(tokens) < 2:
        return set()
    height = sorted(t.bbox[3] - t.bbox[1] for t in tokens)[len(tokens) // 2]
    return {i for i in range(1, len(tokens)) if tokens[i].bbox[0] - tokens[i - 1].bbox[2] > SEGMENT_GAP * height}


def _hint_end(tokens: list, end: int) -> int | None:
    """The end of a bracketed hint right after a label ("(ghi rõ)", "(nếu có)"): up to four tokens from an
    opening bracket to the closing one. None when there is none."""
    if end >= len(tokens) or not tokens[end].text.startswith("("):
        return None
    for j in range(end, min(end + 4, len(tokens))):
        if ")" in tokens[j].text:
            return j + 1
    return None


_REGISTER_NUMBER = re.compile(r"^\d{1,6}(/\d{2,4})?[.,;]?$")


def _lone_number(tokens: list, end: int, opens: set[int]) -> bool:
    """The label at ``end`` is followed by one number (``115``, ``01/2024``) and nothing else in its segment."""
    if end >= len(tokens) or not _REGISTER_NUMBER.match(tokens[end].text):
        return False
    return end + 1 == len(tokens) or end + 1 in opens


CONJUNCTIONS = {"và", "cùng", "với"}  # "… và chị: NGUYỄN DIỆU LAN": a clause opens after them, no phrase goes on


def _ends_a_phrase(tokens: list, start: int, opens: set[int]) -> bool:
    """The word at ``start`` goes on a phrase of small-letter words in its segment ("Giấy báo tử | số:",
    "Hộ chiếu | số"): a one-word label there is that phrase's last word."""
    if start == 0 or start in opens:
        return False
    before = tokens[start - 1].text
    return before.isalpha() and before[0].islower() and before not in CONJUNCTIONS


_ROW_MARK = re.compile(r"^(\d{1,3}[.)]?|[|¦!]+|[IVXL]{1,4}[.)])$")


def _lead(tokens: list) -> int:
    """How many tokens open the line before its first word: a numbered row's number and the rule after it
    ("10 | Nguyên nhân mất"), a list's "3." or "II.". A label right after them stands at its line's start."""
    n = 0
    while n < min(2, len(tokens) - 1) and _ROW_MARK.match(tokens[n].text):
        n += 1
    return n


def find_labels(line: TextLine, labels: tuple[Label, ...]) -> list[LabelMatch]:
    """Non-overlapping label matches on ``line``, left to right."""
    candidates: list[LabelMatch] = []
    tokens = line.tokens
    keys = [t.key for t in tokens]
    opens = segment_starts(line)
    lead = _lead(tokens)
    if lead:
        opens = opens | {lead}
    # A table's rule read as "|" opens a cell: the word after it starts its cell ("Tuổi | Dân tộc"); so does a
    # semicolon an item of a sentence of particulars ("…; giấy chứng minh nhân dân số …").
    opens = opens | {i + 1 for i, t in enumerate(tokens[:-1]) if t.text and (set(t.text) <= set("|¦")
                                                                             or t.text.endswith(";"))} | {
        i for i, t in enumerate(tokens) if i and t.text[:1] in "|¦" and len(t.text) > 1}
    colon_before = [0]  # colons among the first i tokens
    for t in tokens:
        colon_before.append(colon_before[-1] + t.colon)
    for label in labels:
        cutoff = _cutoff(label)
        sizes = {max(1, label.words - 1), label.words, label.words + 1}
        glued = set(range(1, max(1, label.words - 1))) if label.words >= 3 else set()
        first = label.key[:1]
        for size in sizes | glued:
            for start in range(0, len(tokens) - size + 1):
                # A label's first letter survives OCR: windows starting elsewhere are not compared.
                if not keys[start].startswith(first) and not (start + 1 < len(keys) and not keys[start]):
                    continue
                end = start + size
                if colon_before[end - 1] - colon_before[start]:
                    continue  # a colon ends a label: the words after it are its value
                if label.words == 1 and _ends_a_phrase(tokens, start, opens):
                    continue  # "Giấy báo tử số:": the last word of another paper's label, not "Số:"
                score = _window_score(keys, start, end, label) if size in sizes else 0.0
                if size in glued or (label.words >= 3 and score < cutoff) or (label.words == 2 and size == 1):
                    score = max(score, _compact_score(keys, start, end, label))
                # A short label of two words or more that opens its line and ends with its colon ("Nơi chất:"
                # for "Nơi chết:") may have one letter misread: the colon and the place vouch for it.
                opened = (start == 0 or start in opens) and tokens[end - 1].colon and label.words >= 2
                if score < (min(cutoff, settings.LABEL_CUTOFF) if opened else cutoff):
                    continue
                hint = _hint_end(tokens, end)
                if hint is not None:  # "Nơi sinh (ghi rõ):": a printed hint in brackets belongs to the label
                    end = hint
                colon = tokens[end - 1].colon or (end < len(tokens) and tokens[end].text.startswith(":"))
                if not colon and "/" not in label.text:
                    tail = _english_tail(tokens, end)
                    if tail is not None:  # "Quốc tịch /Nadonafty:": the garbled English half ends the label
                        colon, end = True, tail
                # Without its colon a label must stand at the start of its line and match well: the
                # same words occur in sentences ("… kể từ ngày cấp.", "(Ký, ghi rõ họ, chữ đệm, tên)").
                # A whole bilingual label ("Nơi thường trú / Place of residence") occurs in no sentence.
                # A label that opens a segment of its line (a wide gap before it: a second column, a
                # second field on the line) stands where a line would start.
                bilingual = "/" in label.text and label.words >= 4
                at_start = start == 0 or start in opens
                if not colon and label.words == 1 and at_start and score == 100 and _lone_number(tokens, end, opens):
                    colon = True  # "Số 115" alone in its segment: a one-word label with its number
                # A bilingual label's Vietnamese half followed by the slash that opens its English half
                # ("… Nam Quốc tịch / Nafonaffty. Việt Nam"): the slash marks the label mid-line too.
                halved = label.words >= 2 and _english_half_opens(tokens, end)
                # A label of three words or more that is its whole line ("Giấy xác nhận được cấp để", the
                # value on the line below) needs no colon: a value is not a label's words and nothing else.
                whole_line = start == 0 and end == len(tokens) and label.words >= 3
                if not colon and not whole_line and (label.words == 1 or (not at_start and not bilingual and not halved)
                                                     or score < settings.LABEL_CUTOFF_NO_COLON):
                    continue
                candidates.append(LabelMatch(label, start, end, score, colon))
    # Longer labels first, but a missing word costs more than the extra length gains ("Họ, chữ đệm, tên:"
    # is not "Họ, chữ đệm, tên cha" with a word lost); a colon where the label ends counts for it.
    candidates.sort(key=lambda m: (-(len(m.label.key) * (m.score / 100) ** 4 + (2 if m.colon else 0)), m.start))
    chosen: list[LabelMatch] = []
    taken: set[int] = set()
    for match in candidates:
        span = set(range(match.start, match.end))
        if span & taken:
            continue
        chosen.append(match)
        taken |= span
    for match in chosen:
        if not match.colon:
            match.ambiguous = any(
                c.start == match.start and c.end < match.end and match.label.key.startswith(c.label.key + " ")
                for c in candidates)
    return sorted(chosen, key=lambda m: m.start)
