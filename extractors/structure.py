"""The structure of a form page read from its own geometry: where the labels are, which blocks (husband and
wife, mother and father, the declarant) their headers open, and where the page is split in columns.

Nothing here assumes an order or a fixed split. A **block anchor** is a header (a line segment that is wholly
one of a block's opening phrases: "Chồng", "Thông tin bên nữ") or a label that opens a block ("Họ và tên
mẹ:"). Two anchors of different blocks side by side (about the same height, apart horizontally) open a
**two-column zone**; the boundary between its columns is the widest vertical band of whitespace between
them, over the lines of the zone. A zone ends at a line that crosses the boundary, at a label that belongs to
neither of its blocks, or where the next zone starts.

Each label hit then gets a **column** (its zone column, else the whole width) and a **block**: inside a zone
column, the column's anchor's block; elsewhere the last anchor above, until a label that belongs to the main
part of the form (registration, number) closes it. The role of a column comes from its anchor's words, never
from being left or right.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from extractors.labels import Label, LabelMatch, find_labels, label_key, schema_labels
from extractors.layout import PageLayout, TextLine, Token
from extractors.text import capitals
from schemas import Schema

SEGMENT_GAP = 1.6  # line heights of horizontal space that split a line into segments (cells of a layout)
HEADER_CUTOFF = 95.0  # fuzzy ratio of a segment against a block's opening phrase
SAME_ROW = 0.8  # line heights: two anchors this close vertically stand side by side


@dataclass
class Column:
    x0: float
    x1: float
    block: str | None = None  # the block its anchor opens (None: the whole width, no block of its own)
    anchored: bool = True  # the block was named by the anchor's words (not assumed)

    def holds(self, x: float) -> bool:
        return self.x0 <= x < self.x1


@dataclass
class Zone:
    """Lines ``first``..``last`` (inclusive) split into columns."""

    first: int
    last: int
    columns: list[Column]

    def column_at(self, x: float) -> Column:
        for column in self.columns:
            if column.holds(x):
                return column
        return self.columns[0] if x < self.columns[0].x0 else self.columns[-1]


@dataclass
class Anchor:
    line: int
    block: str
    x0: float
    x1: float
    top: float
    bottom: float
    is_label: bool  # a label that opens the block (it may carry a field), not a bare header

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Hit:
    """One label found on the page, placed in its column and block."""

    line: int
    index: int  # position among the line's matches
    match: LabelMatch
    x0: float
    x1: float
    column: Column
    block: str = "main"
    block_certain: bool = True  # the block follows from the page (an anchor's words), not from a default


@dataclass
class Structure:
    layout: PageLayout
    matches: list[list[LabelMatch]]
    anchors: list[Anchor]
    zones: list[Zone]
    hits: list[Hit] = field(default_factory=list)
    page_column: Column = field(default_factory=lambda: Column(0.0, 0.0))
    wrapped: set[int] = field(default_factory=set)  # ids of the tokens that are a label's wrapped last words
    wrap_bottom: dict[int, float] = field(default_factory=dict)  # line → bottom of its labels' wrapped words

    def zone_of(self, line: int) -> Zone | None:
        for zone in self.zones:
            if zone.first <= line <= zone.last:
                return zone
        return None

    def column_for(self, line: int, x: float) -> Column:
        zone = self.zone_of(line)
        return zone.column_at(x) if zone else self.page_column

    def hits_on(self, line: int) -> list[Hit]:
        return [h for h in self.hits if h.line == line]


def segments(line: TextLine, line_height: float) -> list[list[Token]]:
    """The line's tokens split where the horizontal gap exceeds ``SEGMENT_GAP`` line heights."""
    out: list[list[Token]] = []
    for token in line.tokens:
        if out and token.bbox[0] - out[-1][-1].bbox[2] <= SEGMENT_GAP * line_height:
            out[-1].append(token)
        else:
            out.append([token])
    return out


def _block_phrases(schema: Schema) -> list[tuple[str, str]]:
    """Each block's opening phrases, and the headings of the document's own parts (block ``MAIN``)."""
    return [(label_key(text), block) for block, spec in schema.blocks.items() for text in spec.starts] + [
        (label_key(text), MAIN) for text in schema.sections]


# A section's number before its heading: "II.", "3.", "B)", "Phần I." (a Roman I read as H, l or 1: "HI.").
_SECTION_NUMBER = re.compile(r"^(?:[IVXLCHl1]{1,5}|\d{1,2}|[A-Ea-e])[.):]$")
MAIN = "main"  # the block of a numbered section heading that opens no block of the schema (it closes one)


# A mark before a heading that is no word: a bullet, a dash, a frame's corner read as "F—".
_MARK = re.compile(r"^[\W_]*[^\W\d_]?[\W_]+$")


def _section_number(seg: list[Token]) -> int:
    """How many tokens at the segment's start number a section or mark it ("II.", "Phần II.", "•", "F—")."""
    if seg and (_SECTION_NUMBER.match(seg[0].text) or _MARK.match(seg[0].text)):
        return 1
    if len(seg) > 1 and seg[0].key == "phan" and _SECTION_NUMBER.match(seg[1].text):
        return 2
    return 0


def _section_heading(seg: list[Token]) -> bool:
    """A heading in capitals, no label (no colon): "NGƯỜI ĐƯỢC KHAI SINH" after its number."""
    return capitals(" ".join(t.text for t in seg), 0.8, at_least=4) and not any(t.colon for t in seg)


def _opened_block(key: str, phrases: list[tuple[str, str]]) -> str | None:
    """The block whose opening phrase the segment's folded words are (the best match above the cutoff)."""
    best, best_block = 0.0, None
    for phrase, block in phrases:
        cutoff = 100.0 if len(phrase) <= 5 else HEADER_CUTOFF
        score = fuzz.ratio(key, phrase)
        if score >= cutoff and score > best:
            best, best_block = score, block
    return best_block


def _heading_block(key: str, phrases: list[tuple[str, str]]) -> str | None:
    """The block whose opening phrase of two words or more ends a heading of more words: "PHẦN KHAI VỀ NGƯỜI
    MẸ" opens the block of "Người mẹ", "THÔNG TIN CỦA BÊN NỮ" that of "Bên nữ"."""
    words = key.split()
    best, best_block = 0.0, None
    for phrase, block in phrases:
        size = len(phrase.split())
        if size < 2 or len(words) <= size:
            continue
        tail = " ".join(words[-size:])
        score = fuzz.ratio(tail, phrase)
        if score >= (100.0 if len(phrase) <= 5 else HEADER_CUTOFF) and score > best:
            best, best_block = score, block
    return best_block


def _vietnamese_half(seg: list[Token]) -> str:
    """The folded words of a heading up to the slash of its English half ("Chồng / Husband", "Vợ/Wife")."""
    words: list[str] = []
    for token in seg:
        if "/" in token.text:
            head = token.text.split("/", 1)[0]
            if head.strip():
                words.append(label_key(head))
            break
        if token.key:
            words.append(token.key)
    return " ".join(w for w in words if w)


def find_headers(layout: PageLayout, schema: Schema) -> list[Anchor]:
    """Segments that are wholly one of a block's opening phrases (a colon after it allowed; a section number
    before it stepped over: "III. NGƯỜI MẸ"), headings in capitals that end with one ("PHẦN KHAI VỀ NGƯỜI MẸ"),
    and numbered section headings in capitals that open no block
    ("II. NGƯỜI ĐƯỢC KHAI SINH"): these close the block before them (block ``MAIN``)."""
    phrases = _block_phrases(schema)
    if not phrases:
        return []
    anchors: list[Anchor] = []
    for n, line in enumerate(layout.lines):
        for whole in segments(line, layout.line_height):
            numbered = _section_number(whole)
            seg = whole[numbered:] or whole
            key = _vietnamese_half(seg)
            if not key:
                continue
            block = _opened_block(key, phrases) if len(key) <= 40 else None
            if block is None and len(key) <= 60 and _section_heading(seg):
                block = _heading_block(key, phrases)
            if block is None and numbered and _section_heading(seg):
                block = MAIN
            if block is not None:
                anchors.append(Anchor(n, block, whole[0].bbox[0], whole[-1].bbox[2],
                                      statistics.median(t.bbox[1] for t in whole),
                                      statistics.median(t.bbox[3] for t in whole), is_label=False))
    return anchors


def label_anchors(layout: PageLayout, matches: list[list[LabelMatch]]) -> list[Anchor]:
    out: list[Anchor] = []
    for n, line in enumerate(layout.lines):
        for m in matches[n]:
            if m.label.block_starts:
                tokens = line.tokens[m.start:m.end]
                out.append(Anchor(n, m.label.block_starts[0], tokens[0].bbox[0], tokens[-1].bbox[2],
                                  statistics.median(t.bbox[1] for t in tokens),
                                  statistics.median(t.bbox[3] for t in tokens), is_label=True))
    return out


def _coverage_gap(layout: PageLayout, lines: range, lo: float, hi: float) -> float | None:
    """The middle of the widest run of x in [lo, hi) that no token of ``lines`` covers (None: none)."""
    if hi - lo < 4:
        return None
    step = max(1.0, (hi - lo) / 400)
    n = int((hi - lo) / step)
    covered = [False] * n
    for i in lines:
        for t in layout.lines[i].tokens:
            a, b = int((t.bbox[0] - lo) / step), int((t.bbox[2] - lo) / step) + 1
            for k in range(max(0, a), min(n, b)):
                covered[k] = True
    best_len, best_mid, run = 0, None, 0
    for k in range(n + 1):
        if k < n and not covered[k]:
            run += 1
            continue
        if run > best_len:
            best_len, best_mid = run, lo + (k - run / 2) * step
        run = 0
    return best_mid if best_len * step >= 0.5 * layout.line_height else None


def _crosses(line: TextLine, boundary: float, margin: float) -> bool:
    return any(t.bbox[0] < boundary - margin and t.bbox[2] > boundary + margin for t in line.tokens)


def _belongs(label: Label, schema: Schema, blocks: set[str]) -> bool:
    """The label can be read in one of ``blocks`` (a field of that block, or an opening of it)."""
    return any(schema.fields[k].block in blocks for k in label.fields) or any(b in blocks for b in label.block_starts)


def find_zones(layout: PageLayout, schema: Schema, anchors: list[Anchor],
               matches: list[list[LabelMatch]]) -> list[Zone]:
    """Two-column zones opened by side-by-side anchors of different blocks (one of them may be a heading of
    the document's own part: "NGƯỜI ĐƯỢC KHAI SINH" beside "MẸ"). A heading of another block that stands in
    one column, under that column's heading, changes the column's block ("CHA" under "MẸ") and the zone goes
    on."""
    lh = layout.line_height
    zones: list[Zone] = []
    ordered = sorted(anchors, key=lambda a: (a.cy, a.x0))
    used: set[int] = set()
    for i, left in enumerate(ordered):
        if i in used:
            continue
        partner = None
        for j in range(i + 1, len(ordered)):
            other = ordered[j]
            if other.cy - left.cy > SAME_ROW * lh:
                break
            if other.block != left.block and MAIN in (other.block, left.block) and \
                    (left.is_label or other.is_label):
                continue  # a label opening a block beside the main part's heading: not two columns
            if other.block != left.block and (other.x0 > left.x1 or left.x0 > other.x1):
                partner = j
                break
        if partner is None:
            continue
        a, b = sorted((left, ordered[partner]), key=lambda an: an.x0)
        used |= {i, partner}
        first = min(a.line, b.line)
        if zones and first <= zones[-1].last:
            zones[-1].last = first - 1
        # The zone's lines: down to a line that crosses the boundary or a label of neither block.
        blocks = {a.block, b.block}
        lo, hi = a.cx, max(b.x0 + 0.5 * lh, a.cx + lh)
        last = first
        boundary = b.x0 - 0.25 * lh
        for k in range(first, len(layout.lines)):
            window = range(first, k + 1)
            gap = _coverage_gap(layout, window, lo, hi)
            if k > first and (gap is None or _crosses(layout.lines[k], gap, 0.3 * lh)):
                break
            if k > first and any(not _belongs(m.label, schema, blocks) for m in matches[k]):
                break
            if k > first and any(an.line == k and an.block not in blocks for an in anchors
                                 if not _under_heading(an, (a, b), boundary, lh)):
                break
            blocks |= {an.block for an in anchors if an.line == k}
            if gap is not None:
                boundary = gap
            last = k
        columns = [Column(0.0, boundary, a.block), Column(boundary, float(layout.width), b.block)]
        zones.append(Zone(first, last, columns))
    return zones


def _under_heading(anchor: Anchor, heads: tuple[Anchor, Anchor], boundary: float, lh: float) -> bool:
    """A block's heading that stands wholly in one column of a zone, aligned with that column's own heading
    (its start or its centre): it opens its block in that column, below."""
    if anchor.is_label:
        return False
    left, right = heads
    head = left if anchor.x1 < boundary else right if anchor.x0 > boundary else None
    return head is not None and not head.is_label and (
        abs(anchor.x0 - head.x0) <= 2 * lh or abs(anchor.cx - head.cx) <= 2 * lh)


def _paired_blocks(schema: Schema) -> dict[str, str]:
    """The blocks printed side by side (``column`` set in the schema): block → its partner."""
    sides = {b: spec.column for b, spec in schema.blocks.items() if spec.column}
    left = [b for b, side in sides.items() if side == "left"]
    right = [b for b, side in sides.items() if side == "right"]
    if len(left) != 1 or len(right) != 1:
        return {}
    return {left[0]: right[0], right[0]: left[0]}


def rows_of(layout: PageLayout) -> list[list[int]]:
    """Lines grouped into rows: OCR may read the two columns of one row as two lines at the same height."""
    rows: list[list[int]] = []
    half = 0.5 * layout.line_height
    for n, line in enumerate(layout.lines):
        cy = (line.bbox[1] + line.bbox[3]) / 2
        if rows:
            prev = layout.lines[rows[-1][0]]
            if abs(cy - (prev.bbox[1] + prev.bbox[3]) / 2) <= half:
                rows[-1].append(n)
                continue
        rows.append([n])
    return rows


def _row_hits(layout: PageLayout, matches: list[list[LabelMatch]], row: list[int]) -> list[tuple[float, float, Label]]:
    out = []
    for n in row:
        line = layout.lines[n]
        out += [(float(line.tokens[m.start].bbox[0]), float(line.tokens[m.end - 1].bbox[2]), m.label)
                for m in matches[n]]
    return sorted(out, key=lambda h: h[0])


def _repeated_pair(hits: list[tuple[float, float, Label]]) -> tuple[float, float] | None:
    """(x1 of the left, x0 of the right) of two hits of one label in a row: the label printed in two columns."""
    for i, (_, a_x1, a) in enumerate(hits):
        for b_x0, _, b in hits[i + 1:]:
            if b_x0 > a_x1 and (a.key == b.key or set(a.fields) & set(b.fields)):
                return a_x1, b_x0
    return None


def repeated_label_zones(layout: PageLayout, schema: Schema, anchors: list[Anchor], zones: list[Zone],
                         matches: list[list[LabelMatch]]) -> list[Zone]:
    """Zones where the same labels stand side by side with no pair of headers over them: two persons' blocks
    in two columns. A header over one column names it and its partner; with none, the schema's sides are a
    guess (``anchored`` False)."""
    partners = _paired_blocks(schema)
    if not partners:
        return []
    taken = {n for z in zones for n in range(z.first, z.last + 1)}
    lh = layout.line_height
    rows = rows_of(layout)
    out: list[Zone] = []
    r = 0
    while r < len(rows):
        row = rows[r]
        pair = None if set(row) & taken else _repeated_pair(_row_hits(layout, matches, row))
        if pair is None:
            r += 1
            continue
        first, last, right_x0 = row[0], row[-1], pair[1]
        k = r + 1
        while k < len(rows) and not set(rows[k]) & taken:
            if any(not _belongs(m.label, schema, set(partners)) for n in rows[k] for m in matches[n]):
                break
            more = _repeated_pair(_row_hits(layout, matches, rows[k]))
            if more is not None:
                right_x0 = min(right_x0, more[1])
            elif any(_crosses(layout.lines[n], right_x0 - 0.25 * lh, 0.3 * lh) for n in rows[k]):
                break
            last = rows[k][-1]  # a row of the columns, or a continuation row
            k += 1
        boundary = right_x0 - 0.25 * lh
        gap = _coverage_gap(layout, range(first, last + 1), right_x0 - 6 * lh, right_x0 + 0.5 * lh)
        if gap is not None:
            boundary = gap
        left_block = right_block = None
        named = False
        for an in anchors:
            if first - 4 <= an.line < first and an.block in partners and not an.is_label:
                if an.cx < boundary:
                    left_block, right_block = an.block, partners[an.block]
                else:
                    left_block, right_block = partners[an.block], an.block
                named = True
        if left_block is None:
            sides = {spec.column: b for b, spec in schema.blocks.items() if b in partners}
            left_block, right_block = sides["left"], sides["right"]
        out.append(Zone(first, last, [Column(0.0, boundary, left_block, named),
                                      Column(boundary, float(layout.width), right_block, named)]))
        r = k
    return out


def _free_runs(line: TextLine, taken: list[LabelMatch]) -> list[tuple[int, int]]:
    """[start, end) runs of the line's tokens that no label match covers, split where a match stands."""
    covered = {i for m in taken for i in range(m.start, m.end)}
    runs: list[tuple[int, int]] = []
    start = None
    for i in range(len(line.tokens) + 1):
        free = i < len(line.tokens) and i not in covered
        if free and start is None:
            start = i
        elif not free and start is not None:
            runs.append((start, i))
            start = None
    return runs


def wrapped_labels(layout: PageLayout, labels: tuple[Label, ...], matches: list[list[LabelMatch]],
                   wrapped: set[int], wrap_bottom: dict[int, float]) -> None:
    """Labels printed in narrow cells of a row of labels, their last words wrapped onto the next line under
    them ("Ngày, tháng," / "năm sinh", "Nghề" / "nghiệp"): the words of the line above and those below them read
    as one label, matched on the upper line. When every word of the line below stands under a head of the row
    and one of them completes a label, the whole line below is the labels' (``wrapped``), never a value."""
    lh = layout.line_height
    for n in range(len(layout.lines) - 1):
        line, below = layout.lines[n], layout.lines[n + 1]
        if not matches[n] or matches[n + 1] or len(below.tokens) > 8:
            continue
        if below.bbox[1] - line.bbox[3] > 0.8 * lh or (below.bbox[1] + below.bbox[3]) / 2 - (
                line.bbox[1] + line.bbox[3]) / 2 < 0.6 * lh:
            continue
        if not all(t.text.rstrip(".,:").isalpha() and (t.text[0].islower() or t.text.isupper()) for t in below.tokens):
            continue
        heads = [(line.tokens[a].bbox[0], line.tokens[b - 1].bbox[2], (a, b), None)
                 for a, b in _free_runs(line, matches[n])] + [
            (line.tokens[m.start].bbox[0], line.tokens[m.end - 1].bbox[2], (m.start, m.end), m) for m in matches[n]]
        under: dict[tuple[int, int], list] = {}
        for t in below.tokens:
            head = next((h for h in heads if h[0] - 0.5 * lh <= t.cx <= h[1] + 0.5 * lh), None)
            if head is None:
                break
            under.setdefault(head[2], []).append(t)
        else:
            found_any = False
            for _, _, (start, end), match in heads:
                words = under.get((start, end))
                if match is not None or not words or end - start > 6:
                    continue
                joined = TextLine(line.index, [*line.tokens[start:end], *words], line.bbox)
                found = [m for m in find_labels(joined, labels) if m.start == 0 and m.end == len(joined.tokens)]
                if found:
                    matches[n].append(LabelMatch(found[0].label, start, end, found[0].score, words[-1].colon))
                    found_any = True
            if found_any:
                matches[n].sort(key=lambda lm: lm.start)
                wrapped.update(id(t) for t in below.tokens)
                wrap_bottom[n] = max(wrap_bottom.get(n, 0.0), float(below.bbox[3]))


def _drop_labels_at_values(layout: PageLayout, matches: list[list[LabelMatch]]) -> None:
    """A label without its colon that stands where the value of a label of the same field stands, right after
    it with nothing between (on its line, or opening another OCR line of its row), is the value's words:
    "Giấy tờ tùy thân: | Căn cước công dân số 0381…" is one personal number, not a second label of it (which
    would have made a column of the block)."""
    half = 0.5 * layout.line_height

    def same_field(a: LabelMatch, b: LabelMatch) -> bool:
        return bool(set(a.label.fields) & set(b.label.fields))

    for n in range(len(layout.lines)):
        kept: list[LabelMatch] = []
        for m in matches[n]:
            before = kept[-1] if kept else None
            if before is not None and before.colon and before.end == m.start and not m.colon and same_field(before, m):
                continue
            kept.append(m)
        matches[n] = kept
    for n, line in enumerate(layout.lines):
        if not matches[n] or matches[n][0].start != 0 or matches[n][0].colon:
            continue
        middle = (line.bbox[1] + line.bbox[3]) / 2
        for k, other in enumerate(layout.lines):
            if k == n or not matches[k] or abs((other.bbox[1] + other.bbox[3]) / 2 - middle) > half:
                continue
            last = matches[k][-1]
            if last.colon and last.end == len(other.tokens) and other.tokens[-1].bbox[2] < line.tokens[0].bbox[0] \
                    and same_field(last, matches[n][0]):
                matches[n] = matches[n][1:]
                break


def _drop_labels_in_sections(layout: PageLayout, matches: list[list[LabelMatch]], headers: list[Anchor]) -> None:
    """A heading of the document's own part is no label: "NGƯỜI ĐƯỢC KHAI SINH" is not "Người đi khai sinh"
    read with a letter wrong (the fuzzy match of another block's opening)."""
    for anchor in headers:
        if anchor.block != MAIN:
            continue
        line = layout.lines[anchor.line]
        matches[anchor.line] = [m for m in matches[anchor.line] if not (
            anchor.x0 <= line.tokens[m.start].bbox[0] and line.tokens[m.end - 1].bbox[2] <= anchor.x1)]


def read_structure(layout: PageLayout, schema: Schema) -> Structure:
    labels = schema_labels(schema)
    matches = [find_labels(line, labels) for line in layout.lines]
    wrapped: set[int] = set()
    wrap_bottom: dict[int, float] = {}
    wrapped_labels(layout, labels, matches, wrapped, wrap_bottom)
    _drop_labels_at_values(layout, matches)
    headers = find_headers(layout, schema)
    _drop_labels_in_sections(layout, matches, headers)
    anchors = headers + label_anchors(layout, matches)
    zones = find_zones(layout, schema, anchors, matches)
    zones = sorted(zones + repeated_label_zones(layout, schema, anchors, zones, matches), key=lambda z: z.first)
    structure = Structure(layout, matches, anchors, zones, page_column=Column(0.0, float(layout.width)),
                          wrapped=wrapped, wrap_bottom=wrap_bottom)
    _place_hits(structure, schema)
    return structure


def _main_only(label: Label, schema: Schema) -> bool:
    return bool(label.fields) and all(schema.fields[k].block == "main" for k in label.fields) \
        and not label.block_starts


def _place_hits(st: Structure, schema: Schema) -> None:
    """Every label hit with its column and block, top to bottom (a state per column of each zone, one for the
    full width)."""
    layout = st.layout
    header_at = {(an.line, round(an.x0)): an for an in st.anchors if not an.is_label}
    state_full = "main"
    zone_state: dict[tuple[int, int], str] = {}
    for n, line in enumerate(layout.lines):
        zone = st.zone_of(n)
        # Headers on this line open their block for what follows in their column.
        for an in [a for a in header_at.values() if a.line == n]:
            if zone is None:
                state_full = an.block
            else:
                col = zone.column_at(an.cx)
                zone_state[(id(zone), zone.columns.index(col))] = an.block
        for index, m in enumerate(st.matches[n]):
            tokens = line.tokens[m.start:m.end]
            x0, x1 = float(tokens[0].bbox[0]), float(tokens[-1].bbox[2])
            if zone is not None:
                col = zone.column_at(x0 + 1)
                key = (id(zone), zone.columns.index(col))
                block = zone_state.get(key, col.block or "main")
                if m.label.block_starts:
                    block = m.label.block_starts[0]
                    zone_state[key] = block
                st.hits.append(Hit(n, index, m, x0, x1, col, block, col.anchored))
                continue
            if m.label.block_starts:
                state_full = m.label.block_starts[0]
            elif _main_only(m.label, schema):
                state_full = "main"
            st.hits.append(Hit(n, index, m, x0, x1, st.page_column, state_full, True))
