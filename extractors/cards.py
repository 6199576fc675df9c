"""Reading an ID card's values: the text right of each label (up to the next label), or below it, over several
lines when the value wraps; bilingual labels whose English half OCR garbles; two columns beside the photo; and
values found by their shape when their label is unreadable (the only 12-digit number, the name in capitals
after it).
"""

from __future__ import annotations

import re
import statistics

from extractors import settings
from extractors.kinds import parse_value
from extractors.kinds.places import ends_with_province
from extractors.labels import LabelMatch, find_labels, schema_labels
from extractors.layout import PageLayout, TextLine, Token, union
from extractors.locate import (
    NUMERIC_KINDS,
    STRUCTURED_KINDS,
    Range,
    RawValue,
    _bottom,
    _joined,
    _tokens_in,
    _value_tokens,
)
from extractors.text import clean_value, fold
from schemas import Schema


def _column_blocks(schema: Schema) -> dict[str, str]:
    return {bid: b.column for bid, b in schema.blocks.items() if b.column}


def column_split(layout: PageLayout, schema: Schema) -> float:
    """The x (pixels) between the left and the right column: between their header words, else mid-page."""
    columns = _column_blocks(schema)
    centers: dict[str, float] = {}
    for line in layout.lines:
        if len(line.tokens) > 4:
            continue
        for token in line.tokens:
            for block_id, side in columns.items():
                if side in centers:
                    continue
                if any(fold(start) == token.key for start in schema.blocks[block_id].starts):
                    centers[side] = token.cx
        if len(centers) == 2:
            break
    if len(centers) == 2 and centers["left"] < centers["right"]:
        return (centers["left"] + centers["right"]) / 2
    return layout.width / 2


class CardReader:
    def __init__(self, schema: Schema, layout: PageLayout):
        self.schema = schema
        self.layout = layout
        self.labels = schema_labels(schema)
        self.matches = [find_labels(line, self.labels) for line in layout.lines]
        self.columns = _column_blocks(schema)
        self.split = column_split(layout, schema) if self.columns else layout.width
        self.block = "main"

    # -- field choice ------------------------------------------------------------------------------
    def side_of(self, x: float) -> str:
        return "left" if x < self.split else "right"

    def column_range(self, key: str) -> Range:
        side = self.columns.get(self.schema.fields[key].block)
        if side == "left":
            return (0.0, self.split)
        if side == "right":
            return (self.split, float(self.layout.width))
        return (0.0, float(self.layout.width))

    def choose(self, match: LabelMatch, line: TextLine, found: dict[str, RawValue]) -> str | None:
        fields = [k for k in match.label.fields if k not in found]
        if not fields:
            return None
        blocks = {k: self.schema.fields[k].block for k in fields}
        label_x = line.tokens[match.start].bbox[0]
        in_columns = [k for k in fields if blocks[k] in self.columns]
        if in_columns:
            side = self.side_of(label_x + 1)
            same_side = [k for k in in_columns if self.columns[blocks[k]] == side]
            return same_side[0] if same_side else None
        if match.label.block_starts:
            self.block = match.label.block_starts[0]
        for k in fields:
            if blocks[k] == self.block:
                return k
        main = [k for k in fields if blocks[k] == "main"]
        if main and len(match.label.fields) > 1 and self.block != "main":
            # A label shared with the current block whose field is already read: not the main field.
            if any(self.schema.fields[k].block == self.block for k in match.label.fields):
                return None
        if main:
            self.block = "main"
            return main[0]
        return None

    # -- value reading -----------------------------------------------------------------------------
    def right_tokens(self, line_no: int, m_index: int, rng: Range,
                     numeric: bool = False) -> tuple[list[Token], bool]:
        """The value right of a label, up to the next label in the same column; and whether it is ragged."""
        line = self.layout.lines[line_no]
        matches = self.matches[line_no]
        match = matches[m_index]
        stop = len(line.tokens)
        for other in matches[m_index + 1:]:
            if rng[0] <= line.tokens[other.start].cx < rng[1]:
                stop = other.start
                break
        return _value_tokens(_tokens_in(line.tokens[match.end:stop], rng), numeric)

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
            if column_x is not None:
                aligned = [i for i, t in enumerate(tokens) if abs(t.bbox[0] - column_x) <= tolerance]
                if aligned:  # the words before the one under the label belong to the other column
                    tokens = tokens[aligned[0]:]
                elif max(t.bbox[2] for t in tokens) < column_x:
                    continue  # a line of the other column only ("Date of expiry")
            if not tokens:
                continue
            if max(t.bbox[2] for t in tokens) < min(anchors) - tolerance:
                continue  # a line wholly left of the value, in another column ("Date of expiry")
            top = statistics.median(t.bbox[1] for t in tokens)
            if top - bottom > settings.CONTINUATION_GAP * lh:
                break
            if top < bottom - 0.5 * lh:  # on the same line (another column, or a line split by OCR)
                continue
            if self.line_has_label(nxt, (tokens[0].bbox[0] - tolerance, rng[1])):
                if key is not None and not out and self.only_label_of(nxt, key):
                    bottom = _bottom(tokens)
                    continue
                break
            if min(abs(tokens[0].bbox[0] - x) for x in anchors) > tolerance:
                break
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

    def read(self, found: dict[str, RawValue]) -> None:
        for line_no, line in enumerate(self.layout.lines):
            for m_index, match in enumerate(self.matches[line_no]):
                key = self.choose(match, line, found)
                if match.label.block_starts and not match.label.fields:
                    self.block = match.label.block_starts[0]
                if key is not None:
                    self.read_field(key, line_no, m_index, found)

    def read_field(self, key: str, line_no: int, m_index: int, found: dict[str, RawValue]) -> None:
        spec = self.schema.fields[key]
        line = self.layout.lines[line_no]
        match = self.matches[line_no][m_index]
        rng = self.column_range(key)
        numeric = spec.kind in NUMERIC_KINDS
        tokens, ragged = self.right_tokens(line_no, m_index, rng, numeric)
        twin = self.twin(match, key, found)
        if twin:
            # One label, two value columns: the right half belongs to the twin field.
            both, ragged = self.right_tokens(line_no, m_index, (0.0, float(self.layout.width)), numeric)
            tokens = [t for t in both if t.cx < self.split]
            right = [t for t in both if t.cx >= self.split]
            if right:
                found[twin] = self.raw(right, match, ragged)
        in_range = _tokens_in(line.tokens, rng) or line.tokens
        anchors = [float(line.tokens[match.start].bbox[0]), float(in_range[0].bbox[0])]
        lines: list[tuple[int, list[Token]]] = [(line_no, tokens)] if tokens else []
        if not tokens and spec.position in ("below", "right_or_below"):
            lines, ragged = self.lines_below(line_no, rng, anchors, 1, key, numeric)
            if lines and spec.kind in STRUCTURED_KINDS and not parse_value(spec.kind, _joined(lines)).valid:
                # A garbled second line of a bilingual label ("Dat f piry") may stand between label and value.
                more, more_ragged = self.lines_below(lines[0][0], rng, anchors, 1, None, numeric)
                if more and parse_value(spec.kind, _joined(more)).valid:
                    lines, ragged = more, more_ragged
        complete = spec.kind in ("place", "authority") and ends_with_province(_joined(lines))
        if lines and spec.multiline and not complete:
            label_x = float(line.tokens[match.start].bbox[0])
            before = [t for t in line.tokens[:match.start] if rng[0] <= t.cx < rng[1] and clean_value(t.text)]
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
        if lines:
            found[key] = self.raw([t for _, ln in lines for t in ln], match, ragged)

    def twin(self, match: LabelMatch, key: str, found: dict[str, RawValue]) -> str | None:
        """For a left-column field, the right-column field with the same label (husband → wife)."""
        if self.columns.get(self.schema.fields[key].block) != "left":
            return None
        for other in match.label.fields:
            if other not in found and self.columns.get(self.schema.fields[other].block) == "right":
                return other
        return None

    def raw(self, tokens: list[Token], match: LabelMatch | None, ragged: bool = False) -> RawValue:
        return RawValue(text=" ".join(t.text for t in tokens), tokens=tokens, page=self.layout.number,
                        label_score=match.score if match else 100.0, box=union([t.bbox for t in tokens]),
                        layout=self.layout, ragged=ragged)


CONTENT_LABEL_SCORE = 80.0  # a card value found by its shape, its label unread: never sure on its own
_ID_TOKEN = re.compile(r"^\d{12}$")
_NOT_A_NAME = ("cong hoa", "viet nam", "doc lap", "can cuoc", "cong an", "canh sat", "cuc truong", "quan ly",
               "socialist", "identity", "citizen")


def card_by_content(schema: Schema, layout: PageLayout, found: dict[str, RawValue]) -> None:
    """Card values whose label OCR could not read, found by their shape: the only 12-digit number on its
    line (not the MRZ) is the personal number; the first line in capitals after it that reads as a
    person's name is the name. One missing field of each kind only, so that the choice is not a guess."""
    ids = [k for k, f in schema.fields.items() if f.kind == "personal_id" and f.output and k not in found]
    names = [k for k, f in schema.fields.items() if f.kind == "name" and f.output and k not in found]
    id_line = -1
    if len(ids) == 1 and not any(schema.fields[k].kind == "personal_id" for k in found):
        for i, line in enumerate(layout.lines):
            numbers = [t for t in line.tokens if _ID_TOKEN.match(t.text.strip(".,:;"))]
            if len(numbers) == 1 and "<" not in line.text:
                found[ids[0]] = RawValue(text=numbers[0].text, tokens=numbers, page=layout.number,
                                         label_score=CONTENT_LABEL_SCORE, box=numbers[0].bbox, layout=layout)
                id_line = i
                break
    if len(names) == 1 and not any(schema.fields[k].kind == "name" for k in found) and id_line >= 0:
        for line in layout.lines[id_line + 1:id_line + 4]:
            text = clean_value(line.text)
            if not text or text != text.upper() or any(w in fold(text) for w in _NOT_A_NAME):
                continue
            result = parse_value("name", text)
            if result.valid:
                found[names[0]] = RawValue(text=line.text, tokens=line.tokens, page=layout.number,
                                           label_score=CONTENT_LABEL_SCORE, box=line.bbox, layout=layout)
                break
