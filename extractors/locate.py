"""Where a document's values are: forms read by their structure (``extractors.reader``), cards by label and
position (``extractors.cards``), then fields found by a pattern on a line (``Hạ Long, ngày 05 tháng 02 năm
2024``). The shared pieces: the raw value read for a field, and the cleaning of a value's tokens (dotted
leaders, OCR debris).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from extractors.kinds.places import ends_with_province
from extractors.labels import find_labels, schema_labels
from extractors.layout import PageLayout, Token, make_token, union
from extractors.text import clean_value, fold, is_leader
from schemas import Schema


@dataclass
class RawValue:
    """The text read for one field and where it was."""

    text: str
    tokens: list[Token]
    page: int
    label_score: float = 100.0  # 0..100; patterns count as 100
    box: tuple[int, int, int, int] | None = None
    layout: PageLayout | None = field(default=None, repr=False)
    ragged: bool = False  # the value ended at OCR debris that may hold its last characters
    doubts: list[str] = field(default_factory=list)  # why the reading is not structurally certain (reader.py)

    @property
    def ocr_conf(self) -> float:
        confs = [t.conf for t in self.tokens if not is_leader(t.text)] or [t.conf for t in self.tokens]
        if not confs:
            return 0.0
        return 0.5 * min(confs) + 0.5 * sum(confs) / len(confs)


Range = tuple[float, float]


def _tokens_in(tokens: list[Token], rng: Range) -> list[Token]:
    return [t for t in tokens if rng[0] <= t.cx < rng[1]]


_LEADER_RUN = re.compile(r"[.…·•_‥⋯]{3,}|…")


_REPEAT = re.compile(r"(.)\1{3,}")
_LETTERS = re.compile(r"[^\W\d_]")
NUMERIC_KINDS = ("personal_id", "year", "register_number")
STRUCTURED_KINDS = ("personal_id", "year", "date")  # a wrong line below the label shows by not parsing


_LATIN_WORD = re.compile(r"^[A-Z]?[a-z]+[.,;]?$")
_VOWELS = frozenset("aeiouyAEIOUY")


def latin_word(text: str) -> bool:
    """A long word of a foreign address or name ("Marzahner", "Promenade", "Nishinakajima"): plain Latin
    letters cased as a word is, vowels and consonants mixed as a word mixes them. Vietnamese has no such
    long word, and what OCR makes of a leader or a stamp is not so regular."""
    if not _LATIN_WORD.match(text):
        return False
    letters = text.rstrip(".,;")
    vowels = sum(ch in _VOWELS for ch in letters)
    return 0.25 <= vowels / len(letters) <= 0.65 and len(set(letters.lower())) >= 5


_SIGNED_NUMBER = re.compile(r"^\d{1,6}(/\d{2,4})?/[A-ZĐ]{2,}[A-ZĐ0-9.]*([-/][A-ZĐ0-9.]{1,12})*$")


def is_garbage(text: str, numeric: bool = False) -> bool:
    """A token that is what OCR makes of a dotted leader or a stamp: no Vietnamese word is longer than 7
    letters, none mixes letters and digits, and none repeats one character four times."""
    core = clean_value(text)
    if not core:
        return True
    alnum = sum(ch.isalnum() for ch in core)
    if alnum < 0.6 * len(core):
        return True
    if numeric:
        if _SIGNED_NUMBER.match(core):
            return False  # a paper's number with its document sign: "44/XN-UBND", "15/2024/TLKT"
        return bool(re.search(r"[^\W\d_]{4,}", core)) and not re.search(r"\d{3,}", core)
    letters = len(_LETTERS.findall(core))
    digits = sum(ch.isdigit() for ch in core)
    if letters > 8 and "/" not in core and "-" not in core and not latin_word(core):
        return True
    if letters and digits and len(core) >= 5 and not re.search(r"\d[/.\-]\d", core):
        return True
    return bool(_REPEAT.search(core))


_DASHES = ("-", "–", "—")


def _word_follows(tokens: list[Token], i: int, numeric: bool) -> bool:
    """The token after ``i`` is a word of a value (a capitalised word, not a leader or OCR garbage)."""
    if i + 1 >= len(tokens):
        return False
    after = tokens[i + 1].text
    return (not numeric and not is_leader(after) and bool(clean_value(after)) and not is_garbage(after)
            and after[:1].isupper() and not _LEADER_RUN.search(after))


def _value_tokens(tokens: list[Token], numeric: bool = False) -> tuple[list[Token], bool]:
    """The value's tokens, and whether it ended raggedly. Leaders before the value are skipped; the value
    is cut where the dotted leader after it begins (OCR reads a leader as dots glued to the last word,
    then as garbage). Ragged: cut at a garbage token that starts with letters, which may hold the end of
    the value itself ("HƯƠNGG....", "TỪÙNG")."""
    out: list[Token] = []
    for i, token in enumerate(tokens):
        run = _LEADER_RUN.search(token.text)
        if run and run.start() > 0:
            head = token.text[: run.start()]
            if clean_value(head) and not is_garbage(head, numeric):
                out.append(_cut(token, head))
                return out, False
            if out:
                return out, bool(_LETTERS.match(clean_value(head) or " "))
            continue
        if run and run.start() == 0:
            rest = token.text[run.end():].lstrip(".…·•_‥⋯")
            if out or not clean_value(rest) or is_garbage(rest, numeric):
                if out:
                    return out, False
                continue
            out.append(_cut(token, rest, from_right=True))
            continue
        if token.text in _DASHES and out and _word_follows(tokens, i, numeric):
            out.append(token)  # a dash inside a name ("Bệnh viện Việt Nam - Thụy Điển", "Bà Rịa - Vũng Tàu")
            continue
        if is_leader(token.text) or not clean_value(token.text):
            if out:
                return out, False
            continue
        if is_garbage(token.text, numeric):
            if out:
                return out, bool(re.match(r"[^\W\d_]{2}", clean_value(token.text)))
            continue
        out.append(token)
        if numeric and token.text.endswith((",", ";")) and any(ch.isdigit() for ch in token.text):
            return out, False  # "số đăng ký 285, quyển số …": a number ends at its comma
    return out, False


def to_province_gap(tokens: list[Token], gap: float) -> list[Token]:
    """A place's words up to a gap wider than ``gap`` after its province: what stands beyond it on the same line
    ("…, tỉnh Quảng Ninh      Trang 75") is another item of the page (its page number, a book number)."""
    for i in range(1, len(tokens)):
        if tokens[i].bbox[0] - tokens[i - 1].bbox[2] > gap and ends_with_province(
                " ".join(t.text for t in tokens[:i])):
            return tokens[:i]
    return tokens


def _bottom(tokens: list[Token]) -> float:
    """Where a line of words ends below: the median of their bottoms (a skewed line's ends differ)."""
    return statistics.median(t.bbox[3] for t in tokens)


def _joined(lines: list[tuple[int, list[Token]]]) -> str:
    return " ".join(t.text for _, tokens in lines for t in tokens)


def _cut(token: Token, text: str, from_right: bool = False) -> Token:
    """A token shortened to ``text``, its box narrowed in proportion."""
    x0, y0, x1, y1 = token.bbox
    share = len(text) / max(len(token.text), 1)
    width = int((x1 - x0) * share)
    box = (x1 - width, y0, x1, y1) if from_right else (x0, y0, x0 + width, y1)
    return make_token(text, box, token.conf)


def _pattern_value(schema: Schema, layout: PageLayout, key: str) -> RawValue | None:
    """A value found by one of the field's patterns. Patterns are written on folded text (no accents,
    lowercase) and may span up to three lines (joined by spaces); the value keeps its printed accents. When
    the patterns find other values elsewhere on the page too, the first one is returned with a doubt."""
    lines = layout.lines
    found: list[RawValue] = []
    for pattern in schema.fields[key].patterns:
        regex = re.compile(pattern)
        for first in range(len(lines)):
            for span in (1, 2, 3):
                chunk = [t for line in lines[first:first + span] for t in line.tokens]
                text = " ".join(t.text for t in chunk)
                folded = fold(text)
                if len(folded) != len(text):
                    continue
                match = regex.search(folded)
                if not match:
                    continue
                start, end = match.span("value")
                tokens, offset = [], 0
                for token in chunk:
                    t_start, t_end = offset, offset + len(token.text)
                    if t_end > start and t_start < end:
                        tokens.append(token)
                    offset = t_end + 1
                if tokens:
                    found.append(RawValue(text=text[start:end], tokens=tokens, page=layout.number,
                                          box=union([t.bbox for t in tokens]), layout=layout))
                break  # the shortest span that matches from this line
    if not found:
        return None
    first_value = found[0]
    if any(clean_value(v.text) != clean_value(first_value.text) for v in found[1:]):
        first_value.doubts.append("competing")
    return first_value


def locate(schema: Schema, layouts: list[PageLayout]) -> Reading:
    """The raw text of every field found on the document's pages: forms by their structure
    (``extractors.reader``), cards by label and position (first occurrence wins), then patterns."""
    from extractors.cards import CardReader, card_by_content
    from extractors.reader import read_form

    if schema.layout == "form":
        reading = read_form(schema, layouts)
    else:
        reading = Reading()
        for layout in layouts:
            CardReader(schema, layout).read(reading.values)
    found = reading.values
    if schema.layout == "card":
        for layout in layouts:
            card_by_content(schema, layout, found)
    for key, spec in schema.fields.items():
        if key in found or not spec.patterns:
            continue
        for layout in layouts:
            value = _pattern_value(schema, layout, key)
            if value is not None:
                if schema.layout == "card" and _label_seen(schema, layouts, key):
                    # The card printed the field's label but its value there was not read: a value the pattern
                    # finds elsewhere may be another paper's (a certified copy's own date), never certain.
                    value.doubts.append("label_unread")
                found[key] = value
                reading.empty.discard(key)
                break
    return reading


def _label_seen(schema: Schema, layouts: list[PageLayout], key: str) -> bool:
    """Whether one of the field's own labels (not one it shares with another field) stands on the pages."""
    labels = schema_labels(schema)  # all of them: a longer label of another field wins its words
    return any(m.label.fields == (key,) for layout in layouts for line in layout.lines
               for m in find_labels(line, labels))


@dataclass
class Reading:
    """What was found on a document's pages: raw values, fields whose label stands with no value after it,
    and fields read from more than one label."""

    values: dict[str, RawValue] = field(default_factory=dict)
    empty: set[str] = field(default_factory=set)
    competing: set[str] = field(default_factory=set)
