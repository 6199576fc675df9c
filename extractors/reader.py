"""Reading a form's values from its structure (``extractors.structure``): each label hit gives the field of
its block, and its value's extent is bounded by the next label on the line, the edge of its column, or the end
of the line; a value printed below a label alone on its line is taken from the next line, under the label; a
value that wraps goes on over the next lines while they stay in its column, aligned, and are not labels.

Every value says whether its reading is **structurally certain** (``RawValue.doubts`` empty): its label was
found once in its block, the block is named by the page (not assumed), its extent is closed on both sides, and
no other reading competes for it. A label followed by another label, or by nothing, is an empty value
(``empty``), never its neighbour's.
"""

from __future__ import annotations

import re
import statistics

from extractors import settings
from extractors.form_grid import FormGrid, GridCell, find_form_grid, label_of, name_columns, section_block
from extractors.kinds import parse_value
from extractors.kinds.places import ends_with_province
from extractors.labels import LabelMatch, label_key, segment_starts
from extractors.layout import PageLayout, Token, union
from extractors.locate import NUMERIC_KINDS, STRUCTURED_KINDS, RawValue, Reading, _value_tokens, to_province_gap
from extractors.structure import SEGMENT_GAP, Column, Hit, Structure, read_structure
from extractors.text import clean_value
from schemas import Schema

PERSON_WORDS = {"người", "ông", "bà", "anh", "chị", "cha", "mẹ", "bố", "chồng", "vợ", "con", "của"}
PUNCT_END = re.compile(r"[:;,.]+$")
ALIGN = 0.025  # of the page width: a continuation line starts this close to the label, the value or the column
MAX_CONTINUATION = 3


def _stop_phrases(schema: Schema) -> list[str]:
    return [label_key(p) for p in schema.stops]


def _without_label_tail(tokens: list[Token]) -> list[Token]:
    """The value's tokens without the rest of a label that the label match stopped short of ("Tình trạng hôn
    nhân | hiện nay: Chưa …"): up to three words before a colon are the label's, a colon ends a label."""
    for i, token in enumerate(tokens[:3]):
        if token.colon and not any(ch.isdigit() for t in tokens[:i + 1] for ch in t.text):
            # A label runs on in small letters; "Nữ Năm sinh:" is a value and another label.
            if any(t.text[:1].isupper() for t in tokens[:i + 1]):
                return tokens
            return tokens[i + 1:]
    return tokens


def _before_other_label(tokens: list[Token], gap: float) -> list[Token]:
    """The value's words before another field's label that the schema does not know: after a wide gap, up to
    three words in letters, the first a capital, the last ending with a colon ("Nữ      Năm sinh: 1940")."""
    for i in range(1, len(tokens)):
        if tokens[i].bbox[0] - tokens[i - 1].bbox[2] <= gap or not tokens[i].text[:1].isupper():
            continue
        for j in range(i, min(i + 3, len(tokens))):
            if not tokens[j].text.rstrip(":").isalpha():
                break
            if tokens[j].colon:
                return tokens[:i]
    return tokens


def _to_semicolon_in_prose(tokens: list[Token], line: list[Token]) -> list[Token]:
    """In a sentence of particulars parted by semicolons, a value ends at its semicolon ("…, tỉnh Quảng Ninh;
    giấy chứng minh nhân dân số …")."""
    if sum(t.text.endswith(";") for t in line) < 1:
        return tokens
    for i, token in enumerate(tokens):
        if token.text.endswith(";"):
            return tokens[:i + 1]
    return tokens


def _opens_with_label(tokens: list[Token]) -> bool:
    """The line opens with a label the schema may not know: up to five words in letters, the first a capital,
    the last ending with a colon ("Quá trình hôn nhân:", "Nơi nhận:"). A value never goes on over it."""
    if not tokens or not tokens[0].text[:1].isupper():
        return False
    for token in tokens[:5]:
        if not token.text.rstrip(":").replace(",", "").isalpha():
            return False
        if token.colon:
            return True
    return False


def _sentence_tail(tokens: list[Token]) -> list[Token] | None:
    """The words after a colon further on in a label's sentence ("Giấy xác nhận này được cấp để | ông Nguyễn
    Văn Dũng sử dụng vào việc: Làm thủ tục …"): the label's sentence goes on past the schema's wording, through
    the person's name, to the colon that ends it. None when no such colon stands before the line's last word."""
    for i, token in enumerate(tokens[:-1]):
        if token.colon:
            if any(ch.isdigit() for t in tokens[:i + 1] for ch in t.text):
                return None
            return tokens[i + 1:]
    return None


def _all_tokens(tokens: list[Token]) -> tuple[list[Token], bool]:
    """A date's or a personal number's tokens: every word of the extent but dotted leaders, which are fillers
    between a date's parts ("ngày.....29.....tháng 11 năm..2011"), not its end; the kind then finds the value
    among the words ("Căn cước số 022303834623")."""
    out = [t for t in tokens if clean_value(t.text)]
    return out, False


class FormReader:
    def __init__(self, schema: Schema, layout: PageLayout, reading: Reading):
        self.schema = schema
        self.layout = layout
        self.reading = reading
        self.st: Structure = read_structure(layout, schema)
        self.tol = ALIGN * layout.width
        self.stops = _stop_phrases(schema)
        self.grid_bands: list[tuple[float, float]] = []  # rows of a ruled grid read cell by cell
        self._margins: dict[tuple[float, float], float | None] = {}  # column's extent → its left margin
        self.read_by_longer: set[str] = set()  # fields read after a label with more words than the schema's

    # -- a ruled grid: a label column and value cells (extractors.form_grid) ----------------------
    def read_grid(self) -> None:
        grid = find_form_grid(self.layout)
        if grid is None:
            return
        name_columns(grid, self.schema)
        section: str | None = None  # the block a section row ("Thông tin về mẹ") opened, for the rows below
        for r, row in enumerate(grid.rows):
            if r == grid.header_row:
                continue
            opened = section_block(row, self.schema)
            if opened is not None:
                section = opened
                continue
            if len(row) < 2:
                continue
            match = label_of(row[0], self.schema)
            if match is None:
                continue
            label = match.label
            if label.block_starts:
                section = label.block_starts[0]
            elif label.fields and all(self.schema.fields[k].block == "main" for k in label.fields):
                section = None  # the form's own part (registration, number) closes a person's section
            self.grid_bands.append((row[0].y0, row[0].y1))
            for cell in row[1:]:
                self._read_cell(grid, cell, match, section)

    def _read_cell(self, grid: FormGrid, cell: GridCell, match: LabelMatch, section: str | None) -> None:
        columns = grid.columns_of(cell)
        blocks = {grid.column_blocks.get(i) for i in columns}
        value_columns = len(grid.column_edges) - 2  # the grid's columns after the label column
        if len(columns) == 1 and blocks != {None}:
            block, certain = blocks.pop(), columns[0] not in grid.assumed
        elif section is not None and (value_columns <= 1 or len(columns) == value_columns):
            block, certain = section, True  # a one-value-column grid, in a section its header row named
        elif len(columns) > 1 or value_columns <= 1:
            block, certain = "main", True  # across the persons' columns, or the grid's only value column
        else:
            block, certain = "main", False
        label = match.label
        keys = [k for k in label.fields if self.schema.fields[k].block == block]
        if not keys:
            return
        key = next((k for k in keys if k not in self.reading.values and k not in self.reading.empty), None)
        if key is None:
            self.reading.competing.add(keys[0])
            return
        spec = self.schema.fields[key]
        if spec.kind in ("date", "personal_id"):
            tokens, ragged = _all_tokens(cell.tokens)
        else:
            tokens, ragged = _value_tokens(cell.tokens, spec.kind in NUMERIC_KINDS)
        if not tokens:
            self.reading.empty.add(key)
            return
        doubts = [] if certain else ["role"]
        if match.ambiguous:
            doubts.append("label")
        if ragged or cell.straddles:
            doubts.append("ragged")
        self.reading.values[key] = RawValue(
            text=" ".join(t.text for t in tokens), tokens=tokens, page=self.layout.number,
            label_score=match.score, box=union([t.bbox for t in tokens]), layout=self.layout, ragged=ragged,
            doubts=doubts)

    def in_grid(self, hit: Hit) -> bool:
        tokens = self.layout.lines[hit.line].tokens[hit.match.start:hit.match.end]
        if not tokens or not self.grid_bands:
            return False
        cy = (tokens[0].bbox[1] + tokens[0].bbox[3]) / 2
        return any(y0 <= cy < y1 for y0, y1 in self.grid_bands)

    # -- which field a hit reads -------------------------------------------------------------------
    def field_of(self, hit: Hit) -> str | None:
        label = hit.match.label
        fields = [k for k in label.fields if self.schema.fields[k].block == hit.block]
        if not fields and hit.block != "main" and not any(
                self.schema.fields[k].block != "main" for k in label.fields):
            fields = [k for k in label.fields if self.schema.fields[k].block == "main"]
        if not fields:
            return None
        for key in fields:
            if key not in self.reading.values and key not in self.reading.empty:
                return key
        return fields[0] if len(fields) == 1 else None

    # -- extents -----------------------------------------------------------------------------------
    def stop_x(self, hit: Hit) -> float:
        """Where the value right of ``hit`` must end: the next label of its row in its column (on its OCR line or
        on another line at the same height), else the column."""
        own = self.layout.lines[hit.line].bbox
        middle = (own[1] + own[3]) / 2
        later = [h.x0 for h in self.st.hits if h.x0 > hit.x1 and hit.column.holds(h.x0) and (
            h.line == hit.line or abs(sum(self.layout.lines[h.line].bbox[1::2]) / 2 - middle)
            <= 0.5 * self.layout.line_height)]
        return min(later) if later else hit.column.x1

    def beside(self, hit: Hit, end_x: float) -> tuple[int, list[Token]] | None:
        """The words right of ``hit`` on other OCR lines of the same row (no label among them, in the label's
        column, before ``end_x``): the nearest such line, and the lines right of it that OCR read apart
        ("00 giờ 57 phút," | "ngày 21 tháng 02 năm"), in order."""
        own = self.layout.lines[hit.line].bbox
        middle = (own[1] + own[3]) / 2
        found: list[tuple[float, int, list[Token]]] = []
        for n, line in enumerate(self.layout.lines):
            if n == hit.line or not line.tokens:
                continue
            box = line.bbox
            if abs((box[1] + box[3]) / 2 - middle) > 0.5 * self.layout.line_height:
                continue
            tokens = [t for t in line.tokens if hit.x1 <= t.bbox[0] and t.cx < end_x and hit.column.holds(t.cx)]
            if not tokens or len(tokens) != len(line.tokens) or self.st.hits_on(n):
                continue  # a line with words left of the label, or with a label of its own, is another field
            found.append((tokens[0].bbox[0], n, tokens))
        if not found:
            return None
        found.sort(key=lambda f: f[0])
        return found[0][1], [t for _, _, tokens in found for t in tokens]

    def _in(self, tokens: list[Token], lo: float, hi: float) -> list[Token]:
        """The tokens centred in [lo, hi), without the wrapped last words of labels."""
        return [t for t in tokens if lo <= t.cx < hi and id(t) not in self.st.wrapped]

    def _same_row(self, a: int, b: int) -> bool:
        box_a, box_b = self.layout.lines[a].bbox, self.layout.lines[b].bbox
        return abs((box_a[1] + box_a[3]) / 2 - (box_b[1] + box_b[3]) / 2) <= 0.5 * self.layout.line_height

    def _line_hits_in(self, n: int, lo: float, hi: float, own: str | None = None) -> bool:
        """A label or a block's heading in [lo, hi) on line ``n`` or on another OCR line of its row (a label
        printed left of a value that OCR read as a line of its own). A label of field ``own`` (its English half
        under its Vietnamese one, beside the value's next line) does not count."""
        return any(lo <= h.x0 < hi for h in self.st.hits if (h.line == n or self._same_row(h.line, n))
                   and not (own is not None and own in h.match.label.fields)) or any(
            lo <= a.x0 < hi for a in self.st.anchors if not a.is_label and (a.line == n or self._same_row(a.line, n)))

    def _is_stop_line(self, tokens: list[Token]) -> bool:
        key = " ".join(t.key for t in tokens if t.key)
        return any(key.startswith(p) for p in self.stops if p)

    def limit(self, line: int) -> int:
        """The last line that a value starting on ``line`` may go on to: the end of its zone, or the line
        before the next zone."""
        zone = self.st.zone_of(line)
        if zone is not None:
            return zone.last
        below = [z.first - 1 for z in self.st.zones if z.first > line]
        return min(below) if below else len(self.layout.lines) - 1

    def next_line(self, after: int, lo: float, hi: float) -> tuple[int, list[Token]] | None:
        """The first line below line ``after`` (within its zone) with tokens whose centres fall in [lo, hi).
        Lines of the same row (another column read as a line of its own) are not below it."""
        own = self.layout.lines[after].bbox
        middle = (own[1] + own[3]) / 2
        last = self.limit(after)
        for n in range(after + 1, last + 1):
            box = self.layout.lines[n].bbox
            if (box[1] + box[3]) / 2 - middle <= 0.5 * self.layout.line_height:
                continue
            tokens = self._in(self.layout.lines[n].tokens, lo, hi)
            if tokens:
                # Pieces of the same printed line that OCR read as lines of their own ("tỉnh Quảng Ninh" read
                # before "Hà,"): the row's words in [lo, hi), left to right.
                row = [t for m in range(n + 1, last + 1) if self._same_row(m, n)
                       for t in self._in(self.layout.lines[m].tokens, lo, hi)]
                return n, sorted([*tokens, *row], key=lambda t: t.bbox[0]) if row else tokens
        return None

    def _next_value_line(self, last: int, col: Column, wrap_x0: float) -> tuple[int, list[Token]] | None:
        """The next line of the column below ``last``; words left of ``wrap_x0`` on a line with no label (a
        label's English half under it, left of a value at a tab stop) are left out, a line of nothing else
        stepped over, once."""
        nxt = self.next_line(last, col.x0, col.x1)
        if nxt is None or wrap_x0 <= col.x0 or self._line_hits_in(nxt[0], col.x0, col.x1):
            return nxt
        right = [t for t in nxt[1] if t.bbox[0] >= wrap_x0]
        if len(right) == len(nxt[1]):
            return nxt
        if right:  # the label's English half read on the same row as the value's next line: left out
            return nxt[0], right
        return self.next_line(last, wrap_x0, col.x1)

    def _gap_ok(self, prev_bottom: float, tokens: list[Token]) -> bool:
        top = statistics.median(t.bbox[1] for t in tokens)
        return top - prev_bottom <= settings.CONTINUATION_GAP * self.layout.line_height

    def _to_province(self, lines: list[tuple[int, list[Token]]], tokens: list[Token]) -> list[Token]:
        """A place's next line's words, up to a wide gap after the province that ends the place there."""
        before = [t for _, ln in lines for t in ln]
        return to_province_gap([*before, *tokens], SEGMENT_GAP * self.layout.line_height)[len(before):]

    # -- a row of labels over a row of values ("Số đăng ký   Quyển số   Ngày đăng ký   Nơi đăng ký") ------
    def _row_labels(self, hit: Hit) -> list[Hit]:
        """The labels of ``hit``'s line in its column, left to right, when none of them has a value after it on
        the line (a row of labels, the values under them)."""
        line = self.layout.lines[hit.line]
        row = sorted((h for h in self.st.hits_on(hit.line) if h.column is hit.column), key=lambda h: h.x0)
        for h, nxt in zip(row, [*row[1:], None], strict=False):
            end = nxt.x0 if nxt is not None else hit.column.x1
            words = [t for t in line.tokens[h.match.end:] if t.cx < end and hit.column.holds(t.cx)]
            if clean_value(" ".join(t.text for t in words)):
                return []
        return row

    def _row_heads(self, hit: Hit) -> list[tuple[float, float, Hit | None]]:
        """The heads of the columns of ``hit``'s row of labels: its labels, and the words between them that are
        no label of the schema ("Tuổi", "Nghề nghiệp"): a value under those is nobody's."""
        line = self.layout.lines[hit.line]
        row = [h for h in self.st.hits_on(hit.line) if h.column is hit.column]
        covered = {i for h in row for i in range(h.match.start, h.match.end)}
        gap = SEGMENT_GAP * self.layout.line_height
        heads: list[tuple[float, float, Hit | None]] = [(h.x0, h.x1, h) for h in row]
        free: list[Token] = []
        for i, t in enumerate([*line.tokens, None]):
            if t is not None and i not in covered and t.key and hit.column.holds(t.cx) and not (
                    free and t.bbox[0] - free[-1].bbox[2] > gap):
                free.append(t)
                continue
            if free:
                heads.append((float(free[0].bbox[0]), float(free[-1].bbox[2]), None))
            free = [t] if t is not None and i not in covered and t.key and hit.column.holds(t.cx) else []
        return heads

    def _segments(self, n: int, col: Column, skip: set[int] | None = None) -> list[list[Token]]:
        """The words of line ``n`` in ``col`` in segments, parted by wide gaps and by rules read as "|"."""
        gap = SEGMENT_GAP * self.layout.line_height
        tokens = [t for t in self._in(self.layout.lines[n].tokens, col.x0, col.x1)
                  if t.key and id(t) not in (skip or set())]
        segments: list[list[Token]] = []
        rule = True
        for t in tokens:
            if segments and not rule and not t.text.startswith(("|", "¦")) and \
                    t.bbox[0] - segments[-1][-1].bbox[2] <= gap:
                segments[-1].append(t)
            else:
                segments.append([t])
            rule = t.text.endswith(("|", "¦"))
        return segments

    def _cell_tokens(self, n: int, heads: list[tuple[float, float, Hit | None]], hit: Hit,
                     skip: set[int] | None = None) -> tuple[list[Token], bool]:
        """The words of line ``n`` under ``hit``: the line's segments (parted by wide gaps or a rule "|") whose
        middle is nearer to ``hit``'s label than to any other head of its row; and whether one of them reaches
        over the middle between two heads (which column it is in is then unsure)."""
        segments = self._segments(n, hit.column, skip)

        def distance(head: tuple[float, float, Hit | None], x: float) -> float:
            x0, x1, _ = head
            return 0.0 if x0 <= x <= x1 else min(abs(x - x0), abs(x - x1))

        ordered = sorted(heads, key=lambda head: head[0])
        middles = [(a[1] + b[0]) / 2 for a, b in zip(ordered, ordered[1:], strict=False) if b[0] > a[1]]
        margin = 0.5 * self.layout.line_height
        out: list[Token] = []
        straddles = False
        for seg in segments:
            x0, x1 = seg[0].bbox[0], seg[-1].bbox[2]
            if min(heads, key=lambda head: distance(head, (x0 + x1) / 2))[2] is hit:
                out += seg
                straddles = straddles or any(x0 + margin < m < x1 - margin for m in middles)
        return out, straddles

    # -- a table of persons: a row of labels, then a row per person opened by its block's word ("Cha", "Mẹ") --
    def person_rows(self) -> set[int]:
        """Read the tables whose rows are persons: under a row of labels, each row starts left of the labels
        with a word that opens a block ("Cha | BÙI QUANG LÂM | 27 | Kinh …", "Mẹ | …"); every cell is read in
        its row's block, a cell of several lines down to the next row. The ids of the header hits read."""
        openers = {label_key(t): b for b, spec in self.schema.blocks.items() for t in spec.starts
                   if len(label_key(t).split()) <= 2}
        lines = self.layout.lines
        done: set[int] = set()
        for n in sorted({h.line for h in self.st.hits}):
            row = sorted(self.st.hits_on(n), key=lambda h: h.x0)
            first = row[0]
            if len(row) < 2 or id(first) in done:
                continue
            persons: list[tuple[int, str]] = []
            opener: set[int] = set()  # the rows' opening words ("Cha", "Mẹ"), no cell's
            last = n
            for k in range(n + 1, len(lines)):
                if self.st.hits_on(k):
                    break
                if lines[k].tokens and all(id(t) in self.st.wrapped for t in lines[k].tokens):
                    continue  # the header's labels wrapped onto a second line ("Ngày, tháng," / "năm sinh")
                lead, block = self._row_opener(lines[k].tokens, row[0].x0, openers)
                if block is None and (lead or not persons or self._runs_across(k, row)):
                    break  # a line with no person's word that runs across the columns (a sentence): the end
                if block is not None:
                    persons.append((k, block))
                    opener |= {id(t) for t in lead}
                last = k
            if not persons or len({b for _, b in persons}) != len(persons):
                continue
            heads = self._row_heads(first)
            for i, (start, block) in enumerate(persons):
                end = persons[i + 1][0] - 1 if i + 1 < len(persons) else last
                for hit in row:
                    self._read_person_cell(hit, block, range(start, end + 1), heads, opener)
            done |= {id(h) for h in row}
        return done

    def _runs_across(self, n: int, row: list[Hit]) -> bool:
        """Line ``n`` holds a run of words, unbroken by a wide gap or a rule, across the middles between three
        heads of ``row`` or more: a sentence under the table, not a cell's next line."""
        heads = sorted(self._row_heads(row[0]), key=lambda head: head[0])
        middles = [(a[1] + b[0]) / 2 for a, b in zip(heads, heads[1:], strict=False) if b[0] > a[1]]
        return any(sum(1 for m in middles if seg[0].bbox[0] < m < seg[-1].bbox[2]) >= 2
                   for seg in self._segments(n, row[0].column))

    def _row_opener(self, tokens: list[Token], first_x: float,
                    openers: dict[str, str]) -> tuple[list[Token], str | None]:
        """The words that open a table row left of its first column (``first_x``) and the block they name: one
        or two words that are a block's opening ("Cha", "Mẹ", "Người mẹ"); (the words left of the column, None)
        when they name none. A cell's value may start left of its label, so the opener is its first words."""
        keyed = [t for t in tokens if t.key]
        for size in (2, 1):
            words = keyed[:size]
            if len(words) == size and words[-1].bbox[2] < first_x and " ".join(t.key for t in words) in openers:
                return words, openers[" ".join(t.key for t in words)]
        return [t for t in keyed if t.bbox[2] < first_x - self.tol], None

    def _read_person_cell(self, hit: Hit, block: str, rows: range,
                          heads: list[tuple[float, float, Hit | None]], opener: set[int]) -> None:
        """The cell under ``hit`` in a person's row: the first line's words nearest to the label, and for a
        value of several lines the words under them on the row's next lines."""
        key = next((k for k in hit.match.label.fields if self.schema.fields[k].block == block), None)
        if key is None or key in self.reading.values:
            return
        spec = self.schema.fields[key]
        first, straddles = self._cell_tokens(rows[0], heads, hit, opener)
        words = list(first)
        wrapped = False
        if first:
            # The cell's next lines in the row: the words under its first line (a name wrapped in a narrow
            # cell, "NGUYỄN MAI" / "PHƯƠNG DUNG"); for a value of one line that is a guess, for review.
            lo, hi = first[0].bbox[0] - self.tol, first[-1].bbox[2] + self.tol
            for n in rows[1:]:
                more = [t for seg in self._segments(n, hit.column) if lo <= seg[0].bbox[0] <= hi for t in seg]
                words += more
                wrapped = wrapped or bool(more)
        straddles = straddles or (wrapped and not spec.multiline)
        values, ragged = _value_tokens(words, spec.kind in NUMERIC_KINDS)
        if not values:
            self.reading.empty.add(key)
            return
        self.reading.values[key] = RawValue(
            text=" ".join(t.text for t in values), tokens=values, page=self.layout.number,
            label_score=hit.match.score, box=union([t.bbox for t in values]), layout=self.layout,
            ragged=ragged, doubts=["ragged"] if ragged or straddles else [])

    def _read_row_cell(self, hit: Hit, key: str, bottom: float, doubts: list[str]) -> None:
        """The value under ``hit`` in a row of labels: the line below's words nearest to its label, and for a
        value of several lines the lines below while they hold words under those (no label among them)."""
        spec = self.schema.fields[key]
        numeric = spec.kind in NUMERIC_KINDS
        heads = self._row_heads(hit)
        below = self.next_line(hit.line, hit.column.x0, hit.column.x1)
        if below is None or not self._gap_ok(bottom, below[1]) or self._line_hits_in(
                below[0], hit.column.x0, hit.column.x1) or self._is_stop_line(below[1]):
            self.reading.empty.add(key)
            return
        lines: list[tuple[int, list[Token]]] = []
        n, (words, ragged) = below[0], self._cell_tokens(below[0], heads, hit)
        while words:
            values, more_ragged = _value_tokens(words, numeric)
            if not values:
                break
            lines.append((n, values))
            ragged = ragged or more_ragged
            if not spec.multiline or len(lines) > MAX_CONTINUATION or (
                    spec.kind in ("place", "authority") and ends_with_province(self._text(lines))):
                break
            nxt = self.next_line(n, hit.column.x0, hit.column.x1)
            if nxt is None or not self._gap_ok(statistics.median(t.bbox[3] for t in values), nxt[1]) or \
                    self._line_hits_in(nxt[0], hit.column.x0, hit.column.x1) or self._is_stop_line(nxt[1]):
                break
            # The cell's next line: the segments that start under its first line's words (a wrapped value may
            # be centred or indented in its cell).
            first = lines[0][1]
            lo, hi = first[0].bbox[0] - self.tol, first[-1].bbox[2] + self.tol
            n, words = nxt[0], [t for seg in self._segments(nxt[0], hit.column) if lo <= seg[0].bbox[0] <= hi
                                for t in seg]
        if not lines:
            self.reading.empty.add(key)
            return
        if ragged:
            doubts.append("ragged")
        if spec.multiline and not (spec.kind in ("place", "authority") and ends_with_province(self._text(lines))):
            doubts.append("open")
        all_tokens = [t for _, ln in lines for t in ln]
        self.reading.values[key] = RawValue(
            text=" ".join(t.text for t in all_tokens), tokens=all_tokens, page=self.layout.number,
            label_score=hit.match.score, box=union([t.bbox for t in all_tokens]), layout=self.layout,
            ragged=ragged, doubts=doubts)

    def _with_row_pieces(self, hit: Hit, end_x: float, tokens: list[Token]) -> list[Token]:
        """A date or number cut by OCR into pieces of one printed line read as lines of their own ("Sinh
        ngày... 14..tháng 6" | "năm . 1966"): the pieces right of the value on its row joined to it."""
        beside = self.beside(hit, end_x)
        if beside is None:
            return tokens
        right = [t for t in beside[1] if t.bbox[0] > tokens[-1].bbox[2]]
        return [*tokens, *right] if len(right) == len(beside[1]) else tokens

    def _prefixed(self, hit: Hit) -> bool:
        """The label stands after a word or two that open its segment ("Tên | cơ quan đăng ký:"): the page's
        label is a longer one, maybe another field's."""
        line = self.layout.lines[hit.line]
        start = max((i for i in {0, *segment_starts(line)} if i <= hit.match.start), default=0)
        before = line.tokens[start:hit.match.start]
        return 0 < len(before) <= 2 and before[0].text[:1].isupper() and all(
            t.text.isalpha() and not t.colon for t in before) and not any(
            h.line == hit.line and h.index < hit.index for h in self.st.hits)

    def _runs_on(self, hit: Hit) -> bool:
        """The label's words go on past the schema's wording to a colon, naming a person ("Họ và tên | người
        đứng khai:"): the page's label is a longer one, maybe another person's field. ("Ngày, tháng, năm đăng
        ký | lại:" is the same field's wording in another edition.)"""
        if hit.match.colon:
            return False
        after = self.layout.lines[hit.line].tokens[hit.match.end:]
        tail = after[:len(after) - len(_without_label_tail(after))]
        return any(PUNCT_END.sub("", t.text).lower() in PERSON_WORDS for t in tail)

    def _label_words(self, hit: Hit, after: list[Token]) -> int:
        """How many of the words after a label's match go on with the label, not the value: a few lowercase
        words without digits run on from the label with no gap ("Nơi đăng ký | lại khai sinh", "Ngày, tháng,
        năm đăng ký | lại"), before the gap (a tab stop, a dotted leader) where the value starts. 0 when the
        label ends with a colon or the words are not so."""
        label_tokens = self.layout.lines[hit.line].tokens[hit.match.start:hit.match.end]
        if not after or not label_tokens or label_tokens[-1].colon:
            return 0
        gap = SEGMENT_GAP * self.layout.line_height
        n, right = 0, label_tokens[-1].bbox[2]
        while n < len(after) and after[n].bbox[0] - right <= gap:
            right = after[n].bbox[2]
            n += 1
        words = after[:n]
        if not 0 < n <= 3 or any(t.colon for t in words):
            return 0
        if not all(t.text.isalpha() and t.text[0].islower() for t in words):
            return 0
        return n

    def read_hit(self, hit: Hit, key: str, longer: bool = False) -> None:
        """``longer``: the page's label goes on past the schema's wording (:meth:`_runs_on`, :meth:`_prefixed`)."""
        spec = self.schema.fields[key]
        numeric = spec.kind in NUMERIC_KINDS
        line = self.layout.lines[hit.line]
        col = hit.column
        end_x = self.stop_x(hit)
        after = [t for t in line.tokens[hit.match.end:] if t.cx < end_x and col.holds(t.cx)]
        after = _without_label_tail(_before_other_label(after, SEGMENT_GAP * self.layout.line_height))
        after = _to_semicolon_in_prose(after, line.tokens)
        value_line = hit.line
        worded = self._label_words(hit, after)
        tail = _sentence_tail(after) if spec.kind == "text" and not hit.match.colon else None
        if tail is not None:
            after, worded = tail, len(after) - len(tail)
        beside = self.beside(hit, end_x) if worded or not after else None
        if worded and tail is None and (after[worded:] or beside is not None):
            after = after[worded:]  # an edition's longer wording of the label: its value follows the gap
        if not after:  # a value far right of its label (a tab stop, flush right) that OCR read as a line of its own
            if beside is not None:
                value_line, after = beside
        whole = spec.kind in ("date", "personal_id")  # their kind finds the value among the words
        tokens, ragged = _all_tokens(after) if whole else _value_tokens(after, numeric)
        if spec.kind in ("place", "authority"):
            tokens = self._to_province([], tokens)
        if tokens and spec.kind in STRUCTURED_KINDS and not parse_value(spec.kind, clean_value(
                " ".join(t.text for t in tokens))).valid:
            tokens = self._with_row_pieces(hit, end_x, tokens)
        doubts: list[str] = []
        if not hit.block_certain or spec.block != hit.block:
            doubts.append("role")  # the block was assumed, or the label stood in another block than its field's
        if hit.match.ambiguous or worded or longer:
            doubts.append("label")  # or the label's words went on past the schema's wording
        lines: list[tuple[int, list[Token]]] = []
        bottom = statistics.median(t.bbox[3] for t in line.tokens[hit.match.start:hit.match.end])
        if tokens:
            lines.append((value_line, tokens))
            bottom = statistics.median(t.bbox[3] for t in tokens)
        else:
            # Under a row of labels, some of them wrapped onto a second line: the values start below that.
            bottom = max(bottom, self.st.wrap_bottom.get(hit.line, bottom))
            row = self._row_labels(hit)
            if len(row) >= 2:
                # Each label of the row ends where the next begins, with nothing after it: where it ends is
                # no guess ("Nơi đăng ký khai sinh" read without its colon).
                self._read_row_cell(hit, key, bottom, [d for d in doubts if d != "label"])
                return
            below = self.next_line(hit.line, hit.x0 - self.tol, end_x)
            if below is None or not self._gap_ok(bottom, below[1]) or self._line_hits_in(
                    below[0], hit.x0 - self.tol, end_x) or self._is_stop_line(below[1]):
                self.reading.empty.add(key)
                return
            n, below_tokens = below
            if below_tokens[0].bbox[0] < hit.x0 - self.tol:
                self.reading.empty.add(key)
                return
            tokens, ragged = _value_tokens(below_tokens, numeric)
            if not tokens:
                self.reading.empty.add(key)
                return
            lines.append((n, tokens))
            bottom = statistics.median(t.bbox[3] for t in below_tokens)
            if spec.position == "right":
                doubts.append("below")
        if ragged:
            doubts.append("ragged")
        value_x = float(lines[0][1][0].bbox[0])
        line_start = min((t.bbox[0] for t in line.tokens if col.holds(t.cx)), default=hit.x0)
        anchors = (hit.x0, value_x, float(line_start))  # wrapped text goes on under the label, the value or
        # the start of the label's line (the form's margin)
        margin = self.margin(col)
        if margin is not None and self.tol < line_start - margin <= 4 * self.layout.line_height:
            anchors = (*anchors, margin)  # a paragraph's indented first line: it wraps to the margin
        wrap_x0 = col.x0
        if value_line != hit.line:
            # A value at a tab stop, on an OCR line of its own: it wraps under itself; the line under the label
            # is the label's own (its English half, "Place of residence"), not the value's.
            anchors, wrap_x0 = (value_x,), max(col.x0, value_x - self.tol)
        last = lines[-1][0]
        closed = True
        # A number or a date that does not parse on the label's line may go on to the next line
        # ("Giấy tờ tùy thân: Căn cước công dân số" / "022199632796").
        unparsed = spec.kind in STRUCTURED_KINDS and not parse_value(spec.kind, self._text(lines)).valid
        if (spec.multiline or unparsed) and not (
                spec.kind in ("place", "authority") and ends_with_province(self._text(lines))):
            limit = MAX_CONTINUATION if spec.multiline else 1
            closed = False
            for _ in range(MAX_CONTINUATION + 1):
                nxt = self._next_value_line(last, col, wrap_x0)
                if nxt is None or not self._gap_ok(bottom, nxt[1]):
                    closed = True
                    break
                n, more = nxt
                if self._line_hits_in(n, col.x0, col.x1, key if wrap_x0 > col.x0 else None) or \
                        self._is_stop_line(more) or _opens_with_label(more):
                    # In a sentence of particulars the line may end the value before the next item's label:
                    # "Tô, tỉnh Quảng Ninh; giấy chứng minh nhân dân số …".
                    head = self._to_semicolon(n, more) if self._continues(more[0].bbox[0], anchors, value_x) \
                        else []
                    if head and spec.kind in ("place", "authority", "text"):
                        lines.append((n, head))
                    closed = True
                    break
                if not self._continues(more[0].bbox[0], anchors, value_x):
                    closed = True  # a line that starts elsewhere (a centred date line, another block)
                    break
                if len(lines) > limit:
                    break
                values, more_ragged = _value_tokens(more, numeric)
                if values and spec.kind in ("place", "authority"):
                    values = self._to_province(lines, values)
                if not values:
                    closed = True
                    break
                lines.append((n, values))
                last, bottom = n, statistics.median(t.bbox[3] for t in more)
                if more_ragged:
                    doubts.append("ragged")
                if spec.kind in ("place", "authority") and ends_with_province(self._text(lines)):
                    closed = True
                    break
        elif self._prose_open(hit, lines):
            # A sentence of particulars ("…; quốc tịch: Việt" / "Nam; nơi thường trú: …"): the value goes on at
            # the start of the next line, to its semicolon.
            nxt = self._next_value_line(last, col, wrap_x0)
            closed = False
            if nxt is not None and self._gap_ok(bottom, nxt[1]):
                more = self._to_semicolon(nxt[0], nxt[1])
                if more:
                    lines.append((nxt[0], more))
                    closed = more[-1].text.endswith((";", "."))
        elif not spec.multiline:
            nxt = self._next_value_line(last, col, wrap_x0)
            if nxt is not None and self._gap_ok(bottom, nxt[1]) and not self._line_hits_in(
                    nxt[0], col.x0, col.x1) and self._continues(nxt[1][0].bbox[0], (value_x,), value_x) \
                    and not self._is_stop_line(nxt[1]):
                closed = False  # the next line starts under the value: it may go on there
        if not closed:
            doubts.append("open")
        all_tokens = [t for _, ln in lines for t in ln]
        raw = RawValue(text=" ".join(t.text for t in all_tokens), tokens=all_tokens, page=self.layout.number,
                       label_score=hit.match.score, box=union([t.bbox for t in all_tokens]), layout=self.layout,
                       ragged=ragged, doubts=doubts)
        self.reading.values[key] = raw

    def _prose_open(self, hit: Hit, lines: list[tuple[int, list[Token]]]) -> bool:
        """The value of ``hit`` stands in a sentence of particulars parted by semicolons and reaches the end of
        its line without its semicolon."""
        if len(lines) != 1 or lines[0][0] != hit.line:
            return False
        tokens = self.layout.lines[hit.line].tokens
        value = lines[0][1]
        if not any(t.text.endswith(";") for t in tokens) or value[-1].text.endswith((";", ".")):
            return False
        return value[-1] is tokens[-1]

    def _to_semicolon(self, n: int, tokens: list[Token]) -> list[Token]:
        """The words that open line ``n`` up to the first that ends with a semicolon, none when a label comes
        first or no word ends so."""
        labels = [h.x0 for h in self.st.hits if h.line == n]
        out: list[Token] = []
        for token in tokens:
            if any(token.bbox[0] >= x for x in labels):
                return []
            out.append(token)
            if token.text.endswith(";"):
                return out
        return []

    def margin(self, col: Column) -> float | None:
        """The column's left margin: the leftmost start that two of its lines share, give or take ``ALIGN`` (a
        lone mark further left is no margin). None for a column of fewer than four lines."""
        if (col.x0, col.x1) in self._margins:
            return self._margins[(col.x0, col.x1)]
        starts = sorted(float(min(t.bbox[0] for t in ln.tokens if col.holds(t.cx)))
                        for ln in self.layout.lines if any(col.holds(t.cx) for t in ln.tokens))
        margin = None
        if len(starts) >= 4:
            margin = next((x for x in starts if sum(1 for other in starts if abs(other - x) <= self.tol) >= 2), None)
        self._margins[(col.x0, col.x1)] = margin
        return margin

    def _continues(self, x: float, anchors: tuple[float, ...], value_x: float) -> bool:
        """A line starting at ``x`` may continue a value: it starts between the leftmost anchor (the label,
        the line's margin) and the value's own start (a hanging indent), give or take ``ALIGN``."""
        return min(anchors) - self.tol <= x <= value_x + self.tol

    @staticmethod
    def _text(lines: list[tuple[int, list[Token]]]) -> str:
        return clean_value(" ".join(t.text for _, ln in lines for t in ln))

    # -- twin columns: one label column, two value columns --------------------------------------
    def twins(self) -> None:
        for zone in self.st.zones:
            labelled = {id(h.column) for h in self.st.hits if zone.first <= h.line <= zone.last}
            bare = [c for c in zone.columns if id(c) not in labelled]
            if len(bare) != 1:
                continue
            target = bare[0]
            for hit in [h for h in self.st.hits if zone.first <= h.line <= zone.last and not self.in_grid(h)]:
                twin = next((k for k in hit.match.label.fields if self.schema.fields[k].block == target.block), None)
                if twin is None or twin in self.reading.values:
                    continue
                tokens = self._in(self.layout.lines[hit.line].tokens, target.x0, target.x1)
                values, ragged = _value_tokens(tokens, self.schema.fields[twin].kind in NUMERIC_KINDS)
                if not values:
                    continue
                doubts = [] if target.anchored else ["role"]
                if ragged:
                    doubts.append("ragged")
                if self.schema.fields[twin].multiline:
                    doubts.append("open")  # continuation of a bare column is not followed
                self.reading.values[twin] = RawValue(
                    text=" ".join(t.text for t in values), tokens=values, page=self.layout.number,
                    label_score=hit.match.score, box=union([t.bbox for t in values]), layout=self.layout,
                    ragged=ragged, doubts=doubts)

    def read(self) -> None:
        self.read_grid()
        unplaced: set[str] = set()  # fields of labels that could be read in no field of their block
        in_table = self.person_rows()
        for hit in self.st.hits:
            if self.in_grid(hit) or id(hit) in in_table:
                continue
            key = self.field_of(hit)
            if key is None:
                unplaced.update(hit.match.label.fields)
                continue
            longer = self._runs_on(hit) or self._prefixed(hit)
            if key in self.reading.values and key in self.read_by_longer and not longer:
                # The field was read after a longer label that may be another field's ("Tên cơ quan đăng ký:",
                # the foreign office); its own label stands here: this reading replaces that one.
                del self.reading.values[key]
                self.read_by_longer.discard(key)
            elif key in self.reading.values or key in self.reading.empty:
                if not longer:
                    self.reading.competing.add(key)
                continue  # a longer label the schema does not know ("Họ và tên | người đứng khai:") competes not
            if longer:
                self.read_by_longer.add(key)
            if key in unplaced and hit.block == "main":
                # An earlier label of this field stood where it could not be placed (a section the page's
                # structure did not explain), and no header names this hit's block: the earlier one may be
                # this field's, and this hit another person's.
                self.reading.competing.add(key)
            self.read_hit(hit, key, longer)
        self.twins()


def read_form(schema: Schema, layouts: list[PageLayout]) -> Reading:
    reading = Reading()
    for layout in layouts:
        FormReader(schema, layout, reading).read()
    for key in reading.competing:
        raw = reading.values.get(key)
        if raw is not None and "competing" not in raw.doubts:
            raw.doubts.append("competing")
    return reading


__all__ = ["Column", "FormReader", "Reading", "read_form"]
