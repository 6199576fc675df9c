"""Which schema a page belongs to, and where a file's documents begin and end.

A page's title (``GIẤY KHAI SINH``, ``TRÍCH LỤC KHAI TỬ``, ``CĂN CƯỚC CÔNG DÂN``) is looked for in the top
part of the page: a spaCy PhraseMatcher (blank multi-language pipeline, no model download) finds titles
read exactly (on folded text), rapidfuzz finds garbled ones; the title must start its line and make up most
of it, so that ``Nơi đăng ký khai sinh`` is not taken for ``GIẤY KHAI SINH``. A page without a title joins the
previous document (a continuation page) unless it opens with the national header, which starts a new one.
A page with neither a title nor enough of one schema's labels is ``unknown``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from rapidfuzz import fuzz
from spacy.matcher import PhraseMatcher

from extractors import settings
from extractors.labels import find_labels, label_key, schema_labels, segment_starts
from extractors.layout import PageLayout, TextLine
from extractors.mrz import read_mrz
from extractors.text import capitals, fold
from schemas import Schema

UNKNOWN = "unknown"
NATIONAL_HEADER = label_key("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")


@dataclass
class PageClass:
    schema: str  # a schema id or "unknown"
    confidence: float
    titled: bool  # a title was found: the page starts a document
    header: bool = False  # the national header is on the page


@dataclass
class Split:
    schema: str
    confidence: float
    pages: list[int] = field(default_factory=list)  # indices into the page list


@lru_cache(maxsize=1)
def _nlp() -> spacy.language.Language:
    return spacy.blank("xx")


_MATCHERS: dict[tuple[str, ...], PhraseMatcher] = {}


def _matcher(schemas: tuple[Schema, ...]) -> PhraseMatcher:
    """A PhraseMatcher of the schemas' titles (folded), built once per set of schemas."""
    key = tuple(f"{s.id}:{'|'.join(s.titles)}" for s in schemas)
    if key not in _MATCHERS:
        nlp = _nlp()
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for schema in schemas:
            matcher.add(schema.id, [nlp.make_doc(label_key(t)) for t in schema.titles])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def _title_score(line_key: str, schemas: tuple[Schema, ...]) -> tuple[str, float] | None:
    """The schema whose title this (folded) line is, with a 0..1 score."""
    if not line_key:
        return None
    nlp = _nlp()
    doc = nlp.make_doc(line_key)
    best: tuple[str, float] | None = None
    for match_id, start, end in _matcher(schemas)(doc):
        share = (end - start) / max(len(doc), 1)
        if start == 0 and share >= 0.6:
            score = 0.9 + 0.1 * share
            if best is None or score > best[1]:
                best = (nlp.vocab.strings[match_id], score)
    if best is not None:
        return best
    for schema in schemas:
        for title in schema.titles:
            title_key = label_key(title)
            if len(line_key) / len(title_key) < 0.8:
                continue
            # A fuzzy title is the whole line, or the start of it ("SỔ ĐĂNG KÝ KHAI SINH Trang 01").
            head = line_key if len(line_key) <= 1.25 * len(title_key) else line_key[: len(title_key)]
            ratio = fuzz.ratio(head, title_key)
            if ratio >= settings.TITLE_CUTOFF and (best is None or ratio / 100 * 0.95 > best[1]):
                best = (schema.id, ratio / 100 * 0.95)
    return best


def _line_key(text: str) -> str:
    return label_key(text)


def _uppercase(text: str) -> bool:
    """Titles are printed in capitals: most of the line's letters are uppercase."""
    return capitals(text, 0.7)


def classify_page(layout: PageLayout, schemas: tuple[Schema, ...]) -> PageClass:
    zone = settings.TITLE_ZONE * layout.height
    best: tuple[str, float] | None = None
    header = False
    # A card's title is the top of the card, not of the page: a card copied onto A4 may lie anywhere on it
    # (its back side above its front), so below the title zone only card titles are looked for.
    cards = tuple(s for s in schemas if s.layout == "card")
    for line in layout.lines:
        below = line.bbox[1] > zone
        if below and (best is not None or not cards):
            break
        candidates = cards if below else schemas
        key = _line_key(line.text)
        if not below and fuzz.partial_ratio(NATIONAL_HEADER, key) >= 90 and \
                len(key) >= len(NATIONAL_HEADER) * 0.8:
            header = True
        found = _title_score(key, candidates) if _uppercase(line.text) else None
        # Bilingual titles sit on one line ("CĂN CƯỚC CÔNG DÂN / CITIZEN IDENTITY CARD"): try each half.
        # A title followed by a note in small letters in brackets ("SỔ ĐĂNG KÝ KHAI SINH NĂM 1965 (Tiếp theo
        # trang 2)"): the part before the bracket.
        # The two sides of a card scanned side by side: the title's segment of a line that holds the other
        # side's words too ("CHỨNG MINH NHÂN DÂN      Dân tộc: Kinh …").
        for part in [*line.text.split("/"), line.text.split("(")[0], *_segment_texts(line)]:
            if found is None and part.strip() and _uppercase(part):
                found = _title_score(_line_key(part), candidates)
        if found and (best is None or found[1] > best[1]):
            best = found
    if best is None:
        best = _heading_class(layout, schemas)
    if best is None:
        best = _subject_class(layout, schemas)
    if best is not None:
        return PageClass(best[0], round(best[1], 3), titled=True, header=header)
    mrz = read_mrz(layout) if any(s.mrz for s in schemas) else None
    if mrz is not None and mrz.personal_id:
        # A machine-readable zone (IDVNM + the numbers) is on ID cards only: a cue as sure as a title.
        card = next(s for s in schemas if s.mrz)
        return PageClass(card.id, settings.MRZ_CLASS_CONFIDENCE, titled=False, header=header)
    evidence = label_evidence(layout, schemas)
    if evidence is not None:
        return PageClass(evidence[0], round(evidence[1], 3), titled=False, header=header)
    return PageClass(UNKNOWN, 0.0, titled=False, header=header)


def _segment_texts(line: TextLine) -> list[str]:
    """The texts of a line's segments (parts apart by a wide gap), when it has more than one."""
    starts = sorted(segment_starts(line))
    if not starts:
        return []
    bounds = [0, *starts, len(line.tokens)]
    return [" ".join(t.text for t in line.tokens[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


def _named_by(key: str, layout: PageLayout, schemas: tuple[Schema, ...], wordings_of) -> tuple[str, float] | None:
    """The schema one of whose wordings (``wordings_of(schema)``) starts the folded ``key``, when the page also
    holds a label of that schema's own."""
    for schema in schemas:
        for wording in wordings_of(schema):
            wording_key = label_key(wording)
            if len(key) < len(wording_key) or fuzz.ratio(key[: len(wording_key)], wording_key) < \
                    settings.TITLE_CUTOFF:
                continue
            if _own_labels(layout, schemas, schema):
                return schema.id, settings.HEADING_CLASS_CONFIDENCE
    return None


def _heading_class(layout: PageLayout, schemas: tuple[Schema, ...]) -> tuple[str, float] | None:
    """The schema one of whose ``headings`` starts a line in capitals anywhere on the page (the confirmation
    at the foot of a declaration), when the page also holds a label of that schema's own."""
    for line in layout.lines:
        if _uppercase(line.text):
            found = _named_by(_line_key(line.text), layout, schemas, lambda s: s.headings)
            if found is not None:
                return found
    return None


# A letter's subject line: "V/v …", "V.v …", "Về việc …"; in italics OCR reads "V/v" as "V⁄", "V4", "Vv".
_SUBJECT = re.compile(r"^(?:v\S{0,3}|ve viec)\s*[:.]?\s+(.+)$")


def _subject_class(layout: PageLayout, schemas: tuple[Schema, ...]) -> tuple[str, float] | None:
    """The schema one of whose ``subjects`` a letter's subject line in the top of the page names ("V/v xác nhận
    tình trạng hôn nhân"), when the page also holds a label of that schema's own."""
    for line in layout.lines:
        if line.bbox[1] > settings.TITLE_ZONE * layout.height:
            break
        subject = _SUBJECT.match(fold(line.text).strip())
        found = _named_by(label_key(subject.group(1)), layout, schemas, lambda s: s.subjects) if subject else None
        if found is not None:
            return found
    return None


def _own_labels(layout: PageLayout, schemas: tuple[Schema, ...], schema: Schema) -> bool:
    """Whether the page holds a label that only ``schema`` uses (``Tình trạng hôn nhân``)."""
    keys = {k for label_keys in _distinctive(schemas)[schema.id].values() for k in label_keys}
    return any(m.label.key in keys for line in layout.lines for m in find_labels(line, schema_labels(schema)))


def _distinctive(schemas: tuple[Schema, ...]) -> dict[str, dict[str, set[str]]]:
    """Per schema: field → its label keys (two words or more) that no other schema uses."""
    keys = {s.id: {lb.key for lb in schema_labels(s) if lb.fields and lb.words >= 2} for s in schemas}
    out: dict[str, dict[str, set[str]]] = {}
    for schema in schemas:
        others = set().union(*(v for k, v in keys.items() if k != schema.id))
        fields: dict[str, set[str]] = {}
        for lb in schema_labels(schema):
            if lb.fields and lb.words >= 2 and lb.key not in others:
                for key in lb.fields:
                    if schema.fields[key].output:
                        fields.setdefault(key, set()).add(lb.key)
        out[schema.id] = fields
    return out


def label_evidence(layout: PageLayout, schemas: tuple[Schema, ...]) -> tuple[str, float] | None:
    """The schema whose distinctive labels (used by no other schema: ``Họ, chữ đệm, tên người mẹ``,
    ``Quốc tịch / Nationality``) are found on the page for the most of its fields; its confidence is high
    only when at least ``EVIDENCE_MIN_FIELDS`` such fields and ``EVIDENCE_MIN`` of them are found."""
    distinctive = _distinctive(schemas)
    best: tuple[str, float] | None = None
    for schema in schemas:
        fields = distinctive[schema.id]
        if not fields:
            continue
        found = {m.label.key for line in layout.lines for m in find_labels(line, schema_labels(schema))}
        hits = [k for k, label_keys in fields.items() if label_keys & found]
        share = len(hits) / len(fields)
        if len(hits) < settings.EVIDENCE_MIN_FIELDS or share < settings.EVIDENCE_MIN:
            continue
        confidence = min(0.95, 0.5 + 0.5 * share)
        if best is None or confidence > best[1]:
            best = (schema.id, confidence)
    return best


def split_documents(layouts: list[PageLayout], schemas: tuple[Schema, ...],
                    forced: str | None = None) -> list[Split]:
    """Group pages into documents. With ``forced``, every document gets that schema."""
    splits: list[Split] = []
    registers = {s.id: s.layout == "register" for s in schemas}
    for index, layout in enumerate(layouts):
        page = classify_page(layout, schemas)
        starts = page.titled or page.header or not splits
        if not starts and splits[-1].schema == UNKNOWN and page.schema != UNKNOWN:
            starts = True
        if starts and splits and page.titled and page.schema == splits[-1].schema and \
                registers.get(page.schema) and splits[-1].pages[-1] == index - 1:
            starts = False  # the next page of the same register repeats its title
        if starts:
            schema = forced or page.schema
            confidence = 1.0 if forced else page.confidence
            splits.append(Split(schema, confidence, [index]))
        else:
            splits[-1].pages.append(index)
    return splits
