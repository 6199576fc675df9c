"""The hook between register extraction and the handwriting reader: a register page whose table is filled in by
hand is read cell by cell by ``extractors.constrained`` instead of from Tesseract's words.

``read_handwritten(schema, layouts)`` returns ``None`` when no page of the document holds a handwritten table
(the printed reading stands, unchanged), else the entries and issues of the whole document read by
:mod:`extractors.constrained.register`. Deciding costs nothing when the printed reading accepted nearly all
its values; otherwise the page image's cells are looked at (their baselines, then a few by the recognizer).
"""

from __future__ import annotations

from extractors.constrained.register import (
    find_register_table,
    handwritten_pages,
    printed_reading_sure,
    read_register_tables,
)
from extractors.layout import PageLayout
from pipeline.models import FieldValue, Issue
from schemas import Schema

Entries = list[dict[str, FieldValue]]
UNKNOWN_MIN_COLUMNS = 3


def read_handwritten(schema: Schema, layouts: list[PageLayout],
                     printed: Entries) -> tuple[Entries, list[Issue]] | None:
    """The document's entries read by the handwriting reader, or None when its register tables are printed
    (``printed``: the entries the printed reading found)."""
    if schema.table is None or printed_reading_sure(printed):
        return None
    tables = [t for layout in layouts if (t := find_register_table(schema, layout)) is not None]
    if not tables or not handwritten_pages(tables):
        return None
    return read_register_tables(schema, tables)


def handwritten_register_schema(layouts: list[PageLayout], schemas: tuple[Schema, ...]) -> Schema | None:
    """For pages the classifier did not know: the register schema whose table header names at least
    ``UNKNOWN_MIN_COLUMNS`` of its entry fields on every page, when those tables are handwritten."""
    for schema in schemas:
        if schema.table is None:
            continue
        tables = [find_register_table(schema, layout) for layout in layouts]
        if all(t is not None and len(t.mapping) >= UNKNOWN_MIN_COLUMNS for t in tables) and handwritten_pages(
                [t for t in tables if t is not None]):
            return schema
    return None
