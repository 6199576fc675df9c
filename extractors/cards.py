"""Reading an ID card's values, every edition alike (the 9- and 12-digit CMND, the 2016 and 2021 CCCD, the 2024
card): the text right of each label (up to the next label), or below it, over several lines when the value
wraps; bilingual labels whose English half OCR garbles or glues to the Vietnamese one; two columns beside the
photo; and values found by their shape when their label is unreadable (the only personal number, the name in
capitals after it).

A value is marked with a doubt (``RawValue.doubts``: the field goes to review) whenever its reading is not
structurally certain: its label was read twice with different values, it was found by its shape only, an
address does not end with its province, or the card's own checks disagree (a 9-digit number on a card that is
not a CMND, the name against the MRZ).
"""

from __future__ import annotations

import re
import statistics

from rapidfuzz.distance import Levenshtein

from extractors import settings
from extractors.kinds import parse_value
from extractors.kinds.names import surname_spelling
from extractors.kinds.places import ends_with_province
from extractors.labels import LabelMatch, find_labels, schema_labels
from extractors.layout import PageLayout, TextLine, Token, make_token, union
from extractors.locate import (
    NUMERIC_KINDS,
    STRUCTURED_KINDS,
    Range,
    RawValue,
    _bottom,
    _joined,
    _tokens_in,
    _value_tokens,
    to_province_gap,
)
from extractors.mrz import latin, read_mrz
from extractors.structure import SEGMENT_GAP
from extractors.text import capitals, clean_value, fold
from schemas import Schema

# -- the card's lines as the labels are matched on them ----------------------------------------------------

# The slash between the halves of a bilingual label, read as a letter or a mark and glued to both halves
# ("GióilGender", "Quốc tịchINationality", "Quê!Home"): a lowercase letter, the separator, a capitalised word;
# or a slash between a letter and a letter or figure ("quán/1ome tơwn": the English half's H read as 1).
# Or no separator at all ("QuêHome"): Vietnamese words have no capital inside them.
_GLUED_SLASH = re.compile(r"(?<=[^\W\d_])[/Il|!ƒí¡4](?=[A-Z][a-z])|(?<=[^\W\d_])/(?=[^\W_])"
                          r"|(?<=[a-zà-ỹđ])(?=[A-Z][a-z])")
ENGLISH_HALF_TOKENS = 6  # an English half of a label is at most this many words


def _split_token(token: Token) -> list[Token]:
    """A token cut where a bilingual label's slash was glued into it; the second piece starts with '/'."""
    cuts = [m.start() for m in _GLUED_SLASH.finditer(token.text)]
    if not cuts:
        return [token]
    pieces: list[tuple[int, int, str]] = []
    start = 0
    for cut in cuts:
        pieces.append((start, cut, token.text[start:cut]))
        glued = cut < len(token.text) and token.text[cut].isupper()  # no separator read
        start = cut + (0 if glued or token.text[cut] == "/" else 1)
    pieces.append((start, len(token.text), token.text[start:]))
    x0, y0, x1, y1 = token.bbox
    width = max(x1 - x0, 1)
    out = []
    for i, (a, b, text) in enumerate(pieces):
        if i > 0 and not text.startswith("/"):
            text = "/" + text
        if not text.strip("/"):
            continue
        box = (x0 + width * a // len(token.text), y0, x0 + width * b // len(token.text), y1)
        out.append(make_token(text, box, token.conf))
    return out or [token]


def _english_end(tokens: list[Token], i: int) -> int | None:
    """Where the English half of a bilingual label that starts at token ``i`` ("/", "/Surname") ends: after
    the first token with a colon within ``ENGLISH_HALF_TOKENS`` words, none of them holding a digit."""
    if not tokens[i].text.startswith("/") or tokens[i].colon:
        return None
    for j in range(i + 1, min(i + ENGLISH_HALF_TOKENS, len(tokens))):
        if any(ch.isdigit() for ch in tokens[j].text):
            return None
        if tokens[j].colon:
            return j + 1
    return None


def _merge_english_half(tokens: list[Token]) -> list[Token]:
    """The English half of a bilingual label ("/Surname and given name:") as one token, so that label
    matching steps over it whatever its length (``extractors.labels`` looks three tokens ahead)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        end = _english_end(tokens, i)
        if end is None:
            out.append(tokens[i])
            i += 1
            continue
        span = tokens[i:end]
        out.append(make_token(" ".join(t.text for t in span), union([t.bbox for t in span]),
                              min(t.conf for t in span)))
        i = end
    return out


def card_layout(layout: PageLayout) -> PageLayout:
    """The page with glued bilingual labels cut apart and English label halves made one token each."""
    lines = []
    for line in layout.lines:
        tokens = _merge_english_half([piece for token in line.tokens for piece in _split_token(token)])
        lines.append(TextLine(index=line.index, tokens=tokens, bbox=line.bbox))
    return PageLayout(number=layout.number, width=layout.width, height=layout.height, lines=lines,
                      image_path=layout.image_path, line_height=layout.line_height, dpi=layout.dpi)


def english_words(schema: Schema) -> frozenset[str]:
    """Folded words of the schema's English labels and English label halves: label debris, never a value."""
    words: set[str] = set()
    for spec in schema.fields.values():
        for label in spec.labels:
            halves = label.split("/")
            english = halves[1] if len(halves) > 1 else (label if label.isascii() else "")
            words |= {w for w in re.split(r"[\W_]+", fold(english)) if len(w) >= 2}
    return frozenset(words)


def _is_label_debris(token: Token, english: frozenset[str]) -> bool:
    """A token that is a piece of an English label half: an ASCII word of the labels' English halves, the
    slash that opens one, or a mark OCR made of the slash."""
    text = token.text.strip(".,;:()'\"“”")
    if not text or text in ("/", "|", "!", "í", "ƒ", "¡", "I", "l", "-"):
        return True
    if text.startswith("/"):
        return True
    return text.isascii() and text.isalpha() and not text.isupper() and fold(text) in english


_SPECKS = "'\"“”‘’`«»"


def name_shaped(text: str) -> bool:
    """A card prints the holder's name in capitals: most letters are uppercase, no digits, no slash."""
    if any(ch.isdigit() for ch in text) or "/" in text or ":" in text:
        return False
    return capitals(text, 0.85, at_least=2)


def _shape_ok(kind: str, text: str) -> bool:
    """Whether ``text`` can be the value of a field of ``kind`` at all (label debris cannot)."""
    if kind == "name":
        return name_shaped(text)
    if kind in ("date", "personal_id", "sex", "nationality"):
        return parse_value(kind, text).valid
    return bool(clean_value(text))


SHAPED_KINDS = ("date", "sex", "nationality", "personal_id")  # values whose shape alone says they are one
_ASCII_WORD = re.compile(r"^[A-Za-z]+$")


def _after_garbled_half(kind: str, tokens: list[Token]) -> list[Token]:
    """A value of a shaped kind behind its label's English half garbled past recognition and read without its
    colon ("Quốc tịch / Nafonaffty. Việt Nam", "Ngày senh / Oatn or 25/09/1963"): the leading ASCII words
    (at most an English half's length) are stepped over when what follows them has the field's shape."""
    if _shape_ok(kind, " ".join(t.text for t in tokens)):
        return tokens
    for skip in range(1, min(ENGLISH_HALF_TOKENS, len(tokens))):
        if not _ASCII_WORD.match(tokens[skip - 1].text.strip(".,;:'\"-/")):
            break
        if _shape_ok(kind, " ".join(t.text for t in tokens[skip:])):
            return tokens[skip:]
    return tokens


def _province_end(tokens: list[Token]) -> tuple[list[Token], bool]:
    """An address cut after its province when at most two specks follow it ("tỉnh Quảng Ninh LJ": a corner
    of the photo, a fold); and whether it was cut (the value then goes to review)."""
    text = " ".join(t.text for t in tokens)
    if ends_with_province(text):
        return tokens, False
    for cut in (1, 2):
        tail = tokens[-cut:]
        if len(tokens) > cut and all(len(clean_value(t.text)) <= 2 for t in tail):
            if ends_with_province(" ".join(t.text for t in tokens[:-cut])):
                return tokens[:-cut], True
    return tokens, False


def _label_x(line: TextLine, match: LabelMatch) -> float:
    """Where a label's first word starts (a speck before it, matched with it, does not count)."""
    first = next((t for t in line.tokens[match.start:match.end] if t.key), line.tokens[match.start])
    return float(first.bbox[0])


# -- the reader ---------------------------------------------------------------------------------------------


class CardReader:
    def __init__(self, schema: Schema, layout: PageLayout):
        self.schema = schema
        self.layout = card_layout(layout)
        self.labels = schema_labels(schema)
        self.english = english_words(schema)
        self.matches = [find_labels(line, self.labels) for line in self.layout.lines]
        self.margins = self.label_margins()

    def label_margins(self) -> list[float]:
        """Where the card's lines of labels start (the field column beside the photo, the back's margin):
        a wrapped value goes on there, whatever stands before its label on the label's own line."""
        starts = sorted(float(line.tokens[0].bbox[0]) for line, matches in zip(self.layout.lines, self.matches,
                                                                                 strict=True)
                        if matches and matches[0].start == 0)
        tolerance = 0.02 * self.layout.width
        margins: list[float] = []
        for x in starts:
            close = [y for y in starts if abs(y - x) <= tolerance]
            if len(close) >= 3 and not any(abs(m - x) <= tolerance for m in margins):
                margins.append(statistics.median(close))
        return margins

    @property
    def full_range(self) -> Range:
        return (0.0, float(self.layout.width))

    def read(self, found: dict[str, RawValue]) -> None:
        for line_no in range(len(self.layout.lines)):
            for m_index, match in enumerate(self.matches[line_no]):
                fields = [k for k in match.label.fields]
                if not fields:
                    continue
                key = next((k for k in fields if k not in found), None)
                if key is not None:
                    value = self.read_field(key, line_no, m_index)
                    if value is not None:
                        found[key] = value
                    continue
                self.compare(fields[0], line_no, m_index, found)

    def compare(self, key: str, line_no: int, m_index: int, found: dict[str, RawValue]) -> None:
        """A second label of a field already read: a different value there competes with the first."""
        if self.only_label_of(line_no, key):
            return  # the second line of a bilingual label ("Date of expiry" under "Có giá trị đến:")
        other = self.read_field(key, line_no, m_index)
        if other is None:
            return
        kind = self.schema.fields[key].kind
        first, second = parse_value(kind, found[key].text), parse_value(kind, other.text)
        same = first.valid and second.valid and first.value == second.value
        if not same and "competing" not in found[key].doubts:
            found[key].doubts.append("competing")

    # -- value reading -----------------------------------------------------------------------------
    def right_tokens(self, line_no: int, m_index: int, numeric: bool = False) -> tuple[list[Token], bool]:
        """The value right of a label, up to the next label; label debris before it (a garbled English
        half, its slash) stepped over; and whether it ended raggedly."""
        line = self.layout.lines[line_no]
        matches = self.matches[line_no]
        match = matches[m_index]
        stop = matches[m_index + 1].start if m_index + 1 < len(matches) else len(line.tokens)
        tokens = line.tokens[match.end:stop]
        if not match.colon:
            # "Ngày cấp í Date of issue: 01.09.2012": the English half read without its slash.
            for j, token in enumerate(tokens[:ENGLISH_HALF_TOKENS]):
                if token.colon:
                    if all(_is_label_debris(t, self.english) or t.colon for t in tokens[:j + 1]):
                        tokens = tokens[j + 1:]
                    break
        while tokens and _is_label_debris(tokens[0], self.english):
            tokens = tokens[1:]
        return _value_tokens(tokens, numeric)

    def line_has_label(self, line_no: int, rng: Range) -> bool:
        line = self.layout.lines[line_no]
        return any(rng[0] <= line.tokens[m.start].cx < rng[1] for m in self.matches[line_no])

    def lines_below(self, line_no: int, rng: Range, anchors: list[float], max_lines: int,
                    key: str | None = None, numeric: bool = False,
                    column_x: float | None = None) -> tuple[list[tuple[int, list[Token]]], bool]:
        """The following lines that continue a value: close below, starting where the label or its line
        starts, holding no label (a line with only the rest of the same field's label is stepped over).
        ``column_x``: the label stands right of other text on its line (a card's second column): on a next
        line with a word starting under the label, the words left of it belong to that other text and are
        left out. Returns (line number, tokens) pairs and whether the last one ended raggedly."""
        out: list[tuple[int, list[Token]]] = []
        ragged = False
        lh = self.layout.line_height
        bottom = _bottom(self.layout.lines[line_no].tokens)
        tolerance = 0.025 * self.layout.width
        for nxt in range(line_no + 1, len(self.layout.lines)):
            if len(out) >= max_lines:
                break
            tokens = _tokens_in(self.layout.lines[nxt].tokens, rng)
            if column_x is not None and tokens:
                aligned = [i for i, t in enumerate(tokens) if abs(t.bbox[0] - column_x) <= tolerance]
                if aligned:  # the words before the one under the label belong to the other column
                    tokens = tokens[aligned[0]:]
                elif max(t.bbox[2] for t in tokens) < column_x:
                    continue  # a line of the other column only ("Date of expiry")
            if not tokens:
                continue
            aligned = [i for i, t in enumerate(tokens) if min(abs(t.bbox[0] - x) for x in anchors) <= tolerance]
            if aligned and aligned[0] > 0 and tokens[aligned[0] - 1].bbox[2] < min(anchors):
                tokens = tokens[aligned[0]:]  # words of a column left of the value (the photo, the expiry)
            if max(t.bbox[2] for t in tokens) < min(anchors) - tolerance:
                continue  # a line wholly left of the value, in another column ("Date of expiry")
            top = statistics.median(t.bbox[1] for t in tokens)
            if top - bottom > settings.CONTINUATION_GAP * lh:
                break
            if top < bottom - 0.5 * lh:  # on the same line (another column, or a line split by OCR)
                continue
            if min(t.bbox[0] for t in tokens) > max(anchors) + 8 * lh:
                continue  # a line of another column to the right (a fingerprint box, the QR code)
            if self.line_has_label(nxt, (tokens[0].bbox[0] - tolerance, rng[1])):
                if key is not None and not out and self.only_label_of(nxt, key):
                    bottom = _bottom(tokens)
                    continue
                break
            if min(abs(tokens[0].bbox[0] - x) for x in anchors) > tolerance:
                break
            if all(_is_label_debris(t, self.english) for t in tokens):
                if out:
                    break
                bottom = _bottom(tokens)  # the English half of the label on its own line ("origin")
                continue
            values, ragged = _value_tokens(tokens, numeric)
            if not values:
                break
            out.append((nxt, values))
            bottom = _bottom(tokens)
        return out, ragged

    def only_label_of(self, line_no: int, key: str) -> bool:
        """The line holds one label of field ``key`` and nothing after it (``Date of expiry``)."""
        matches = self.matches[line_no]
        line = self.layout.lines[line_no]
        return (len(matches) == 1 and key in matches[0].label.fields
                and not _value_tokens(line.tokens[matches[0].end:])[0])

    def read_field(self, key: str, line_no: int, m_index: int) -> RawValue | None:
        spec = self.schema.fields[key]
        line = self.layout.lines[line_no]
        match = self.matches[line_no][m_index]
        rng = self.full_range
        numeric = spec.kind in NUMERIC_KINDS or spec.kind == "date"  # a card prints its dates in figures
        tokens, ragged = self.right_tokens(line_no, m_index, numeric)
        if tokens and spec.kind in SHAPED_KINDS:
            tokens = _after_garbled_half(spec.kind, tokens)
        if tokens and not _shape_ok(spec.kind, " ".join(t.text for t in tokens)) and spec.position != "right":
            tokens = []  # label debris after the label ("KHAY SINFV/SUMARNE AND …"): the value is below
        start_x = float(line.tokens[0].bbox[0])
        label_x = _label_x(line, match)
        margins = [m for m in self.margins if start_x - 0.02 * self.layout.width <= m <= label_x + 1]
        anchors = [label_x, start_x, *margins]
        lines: list[tuple[int, list[Token]]] = [(line_no, tokens)] if tokens else []
        if not tokens and spec.position in ("below", "right_or_below"):
            lines, ragged = self.lines_below(line_no, rng, anchors, 1, key, numeric)
            if lines and not _shape_ok(spec.kind, _joined(lines)):
                # A garbled second line of a bilingual label ("Dat f piry") may stand between label and value.
                more, more_ragged = self.lines_below(lines[0][0], rng, anchors, 1, None, numeric)
                if more and _shape_ok(spec.kind, _joined(more)):
                    lines, ragged = more, more_ragged
                elif spec.kind in STRUCTURED_KINDS or spec.kind == "name":
                    lines = []
        if lines and spec.kind == "name":
            lines += self.name_continuation(lines, anchors)
        complete = spec.kind in ("place", "authority") and ends_with_province(_joined(lines))
        if lines and spec.multiline and not complete:
            before = [t for t in line.tokens[:match.start] if clean_value(t.text)]
            column_x = label_x if before and label_x - before[0].bbox[0] > 3 * self.layout.line_height else None
            more, more_ragged = self.lines_below(lines[-1][0], rng, anchors, 3, numeric=numeric, column_x=column_x)
            if spec.kind in ("place", "authority"):  # an address ends with its province
                for k in range(len(more)):
                    if ends_with_province(_joined([*lines, *more[:k + 1]])):
                        more, more_ragged = more[:k + 1], False
                        break
            if more:
                lines += more
                ragged = more_ragged
        if not lines:
            return None
        tokens = [t for _, ln in lines for t in ln]
        trimmed = False
        if spec.kind in ("place", "authority"):
            tokens = to_province_gap(tokens, SEGMENT_GAP * self.layout.line_height)
            tokens, trimmed = _province_end(tokens)
        value = self.raw(tokens, match, ragged)
        if spec.kind in ("place", "authority") and (trimmed or not ends_with_province(value.text)):
            value.doubts.append("open_extent")  # an address on a card ends with its province
        return value

    def name_continuation(self, lines: list[tuple[int, list[Token]]], anchors: list[float]
                          ) -> list[tuple[int, list[Token]]]:
        """The rest of a name wrapped onto the next line: capitals only, under the name's start."""
        text = _joined(lines)
        more, _ = self.lines_below(lines[-1][0], self.full_range, [*anchors, float(lines[0][1][0].bbox[0])], 1)
        if more and name_shaped(_joined(more)) and len((text + " " + _joined(more)).split()) <= 7:
            return more
        return []

    def raw(self, tokens: list[Token], match: LabelMatch | None, ragged: bool = False) -> RawValue:
        first = tokens[0].text.lstrip(_SPECKS)
        if first and first != tokens[0].text:  # "“Thôn Đồng Tâm": a speck read as a quote before the value
            tokens = [make_token(first, tokens[0].bbox, tokens[0].conf), *tokens[1:]]
        return RawValue(text=" ".join(t.text for t in tokens), tokens=tokens, page=self.layout.number,
                        label_score=match.score if match else 100.0, box=union([t.bbox for t in tokens]),
                        layout=self.layout, ragged=ragged)


# -- values found by their shape, and the card's own checks ---------------------------------------------------

CONTENT_LABEL_SCORE = 80.0  # a card value found by its shape, its label unread: never sure on its own
_NUMBER = re.compile(r"^\d{9}$|^\d{12}$")
_NUMBER_LABEL = re.compile(r"^[^\W\d_]{1,3}[.:]?$")  # "Số", "Số:", or what OCR makes of it ("sø:", "sẽ:")
_NOT_A_NAME = ("cong hoa", "viet nam", "doc lap", "can cuoc", "cong an", "canh sat", "cuc truong", "quan ly",
               "socialist", "identity", "citizen", "chung minh", "nhan dan", "giam doc", "dac diem")
CMND_TITLES = ("chung minh nhan dan",)


def is_cmnd(layouts: list[PageLayout]) -> bool:
    """The card is a CMND (its title says "Chứng minh nhân dân"): the only edition with a 9-digit number."""
    return any(any(t in fold(line.text) for t in CMND_TITLES) for layout in layouts for line in layout.lines[:12])


def _numbers(line: TextLine) -> list[tuple[int, Token]]:
    out = []
    for i, token in enumerate(line.tokens):
        core = token.text.strip(".,:;()[]{}'\"“”|_-")
        if _NUMBER.match(core):
            out.append((i, make_token(core, token.bbox, token.conf)))
    return out


def card_by_content(schema: Schema, layout: PageLayout, found: dict[str, RawValue]) -> None:
    """Card values whose label OCR could not read, found by their shape: the only 12-digit number (9 on a
    CMND) on its line, not the MRZ, is the personal number; the first line in capitals after it that reads
    as a person's name is the name. One missing field of each kind only, so that the choice is not a guess.
    Then the card's own checks (``card_checks``)."""
    layout = card_layout(layout)
    ids = [k for k, f in schema.fields.items() if f.kind == "personal_id" and f.output and k not in found]
    names = [k for k, f in schema.fields.items() if f.kind == "name" and f.output and k not in found]
    id_line = -1
    if len(ids) == 1 and not any(schema.fields[k].kind == "personal_id" for k in found):
        candidates = [(i, pos, token) for i, line in enumerate(layout.lines) if "<" not in line.text
                      for pos, token in _numbers(line)]
        twelve = [c for c in candidates if len(c[2].text) == 12]
        pick = twelve if twelve else ([c for c in candidates if len(c[2].text) == 9] if is_cmnd([layout]) else [])
        if len({c[2].text for c in pick}) == 1:
            i, pos, token = pick[0]
            before = layout.lines[i].tokens[:pos]
            # "Số: 022…" with the label garbled ("sø:", "sẽ: (022…"): a short word before the number.
            labelled = len(before) == 1 and bool(_NUMBER_LABEL.match(before[0].text.strip("'\"“")))
            value = RawValue(text=token.text, tokens=[token], page=layout.number,
                             label_score=90.0 if labelled else CONTENT_LABEL_SCORE, box=token.bbox, layout=layout)
            if not labelled:
                value.doubts.append("unlabelled")
            found[ids[0]] = value
            id_line = i
    if len(names) == 1 and not any(schema.fields[k].kind == "name" for k in found) and id_line >= 0:
        for line in layout.lines[id_line + 1:id_line + 4]:
            text = clean_value(line.text)
            if not name_shaped(text) or any(w in fold(text) for w in _NOT_A_NAME):
                continue
            result = parse_value("name", text)
            if result.valid:
                found[names[0]] = RawValue(text=line.text, tokens=line.tokens, page=layout.number,
                                           label_score=CONTENT_LABEL_SCORE, box=line.bbox, layout=layout,
                                           doubts=["unlabelled"])
                break
    card_checks(schema, [layout], found)


def _completed_from_mrz(name: str, mrz_name: str) -> str | None:
    """The name with the words OCR lost before it put back from the MRZ (which has no accents): when the name
    read is the MRZ name's last words, and each lost word is a surname spelt one way only (``NGUYEN`` →
    ``NGUYỄN``); None otherwise. Always for review."""
    read, full = latin(name).split(), mrz_name.split()
    lost = len(full) - len(read)
    if not read or lost < 1 or lost > 2:
        return None
    # one letter of the MRZ's own OCR may differ ("HAL" for "HAI"); the words read keep their accents
    if len(full[lost:]) != len(read) or Levenshtein.distance(" ".join(full[lost:]), " ".join(read)) > 1:
        return None
    restored = [surname_spelling(word) for word in full[:lost]]
    if any(word is None for word in restored):
        return None
    return " ".join([*(w for w in restored if w), *name.split()])


def _name_shaped_tail(line: TextLine) -> list[Token]:
    """The longest run of the line's last words that reads as a name in capitals ("… ĐẶNG BÁ ĐÌNH")."""
    for start in range(len(line.tokens)):
        tail = line.tokens[start:]
        if name_shaped(clean_value(" ".join(t.text for t in tail))):
            return tail
    return []


def _name_line_from_mrz(layout: PageLayout, mrz_name: str, key: str, found: dict[str, RawValue]) -> None:
    """The name no label gave, found by the MRZ's: the capitals ending a line (and the next line's, when the
    name wraps) that are the MRZ name, one letter of either's misreading allowed, or its last words with the
    lost first ones completed from it (``_completed_from_mrz``); for review."""
    lines = card_layout(layout).lines
    wanted = mrz_name.split()
    for i, line in enumerate(lines):
        tail = _name_shaped_tail(line)
        if not tail or "<" in line.text:
            continue
        spans = [tail]
        if i + 1 < len(lines) and "<" not in lines[i + 1].text and name_shaped(clean_value(lines[i + 1].text)):
            spans.insert(0, [*tail, *lines[i + 1].tokens])  # a wrapped name first: the longer reading
        for tokens in spans:
            text = clean_value(" ".join(t.text for t in tokens))
            read = latin(text).split()
            doubts = ["unlabelled"]
            if len(read) == len(wanted) and Levenshtein.distance(" ".join(read), mrz_name) <= 1:
                value = text
            else:
                value = _completed_from_mrz(text, mrz_name)
                doubts.append("mrz_completed")
            if value is not None and parse_value("name", value).valid:
                found[key] = RawValue(text=value, tokens=tokens, page=layout.number, label_score=CONTENT_LABEL_SCORE,
                                      box=union([t.bbox for t in tokens]), layout=layout, doubts=doubts)
                return


def _doubt(found: dict[str, RawValue], key: str, why: str) -> None:
    if key in found and why not in found[key].doubts:
        found[key].doubts.append(why)


def card_checks(schema: Schema, layouts: list[PageLayout], found: dict[str, RawValue]) -> None:
    """Checks of the card as a whole that no schema rule makes: a 9-digit number is on a CMND only; the
    name agrees with the MRZ's (which has no accents)."""
    ids = [k for k, f in schema.fields.items() if f.kind == "personal_id" and k in found]
    for key in ids:
        number = parse_value("personal_id", found[key].text).value or ""
        if len(number) == 9 and not is_cmnd(layouts):
            _doubt(found, key, "edition")
    names = [k for k, f in schema.fields.items() if f.kind == "name" and f.output and k in found]
    unread = [k for k, f in schema.fields.items() if f.kind == "name" and f.output and k not in found]
    for layout in layouts:
        mrz = read_mrz(layout)
        if mrz is None or not mrz.name:
            continue
        if len(unread) == 1:
            _name_line_from_mrz(layout, mrz.name, unread[0], found)
        for key in names:
            name = parse_value("name", found[key].text).value or ""
            if latin(name).split() != mrz.name.split():
                completed = _completed_from_mrz(name, mrz.name)
                if completed is not None:  # OCR lost the name's first word(s): put back from the MRZ
                    found[key].text = completed
                    _doubt(found, key, "mrz_completed")
                else:
                    _doubt(found, key, "mrz_name")
