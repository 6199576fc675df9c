"""An officer's corrections to a document: values typed on the form, parsed by field kind, the rules of
the schema checked again on the new values, and the document made final when it is accepted."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from app.web.labels import entry_kinds, entry_labels, field_kinds, field_label
from app.web.values import parse
from app.web.views import FieldRow
from pipeline.models import Document, FieldValue, Issue
from schemas import all_schemas


def recheck(document: Document) -> list[Issue]:
    """The schema's rule and required-field issues for the document's current values."""
    schema = all_schemas().get(document.schema_id)
    if schema is None:
        return list(document.issues)
    from extractors.rules import check_required, check_rules

    values = {key: (None if f.value is None else str(f.value)) for key, f in document.fields.items()}
    return check_rules(schema, values).issues + check_required(schema, values)


ENTRY_NAME = re.compile(r"e(\d+)\.(\w+)")


def _typed_value(old: FieldValue, kind: str, text: str) -> tuple[FieldValue | None, str | None]:
    """(the new field value when it changed, None) or (None, error); (None, None) when unchanged."""
    value, error = parse(kind, text)
    if error:
        return None, error
    if value == (None if old.value is None else str(old.value)):
        return None, None
    return FieldValue(value=value, confidence=1.0, status="ok", page=old.page, bbox=old.bbox), None


def apply_form(document: Document, typed: dict[str, str]) -> tuple[Document, dict[str, str], list[str]]:
    """Applies ``typed`` (field key, or ``e<row>.<key>`` for a register row → text as typed) to the
    document. Returns the new document, the errors by name (Vietnamese; such fields keep their old value)
    and the names that changed.

    A changed value becomes status ``ok`` with confidence 1 (a person typed it); issues are checked
    again, keeping the extraction's own issues (not from rules, e.g. a QR disagreement) of unchanged fields."""
    kinds = field_kinds(document.schema_id)
    row_kinds = entry_kinds(document.schema_id)
    fields = dict(document.fields)
    entries = [dict(row) for row in document.entries]
    errors: dict[str, str] = {}
    changed: list[str] = []
    for name, text in typed.items():
        row_match = ENTRY_NAME.fullmatch(name)
        if row_match:
            row, key = int(row_match.group(1)), row_match.group(2)
            if row >= len(entries) or key not in entries[row]:
                continue
            new, error = _typed_value(entries[row][key], row_kinds.get(key, "text"), text)
            label = f"Dòng {row + 1}, {entry_labels(document.schema_id).get(key, key)}"
            target = entries[row]
        elif name in fields:
            key = name
            new, error = _typed_value(fields[key], kinds.get(key, "text"), text)
            label = field_label(document.schema_id, key)
            target = fields
        else:
            continue
        if error:
            errors[name] = f"{label}: {error}"
        elif new is not None:
            target[key] = new
            changed.append(name)
    if not changed:
        return document, errors, changed
    updated = document.model_copy(update={"fields": fields, "entries": entries})
    rows = sorted({int(m.group(1)) for m in map(ENTRY_NAME.fullmatch, changed) if m})
    plain = [name for name in changed if not ENTRY_NAME.fullmatch(name)]
    issues = document.issues
    if plain:
        rule_codes = {(i.field, i.code) for i in recheck(document)}
        issues = [i for i in issues if (i.field, i.code) not in rule_codes and i.field not in plain]
        issues += recheck(updated)
    if rows:
        stale = tuple(f"entries[{row}]." for row in rows)
        issues = [i for i in issues if not (i.field or "").startswith(stale)] + recheck_rows(updated, rows)
    return updated.model_copy(update={"issues": issues}), errors, changed


def recheck_rows(document: Document, rows: list[int]) -> list[Issue]:
    """The schema's per-row rules for the given register rows (fields named ``entries[<row>].<key>``)."""
    schema = all_schemas().get(document.schema_id)
    if schema is None:
        return []
    from extractors.rules import check_rules

    found = []
    for row in rows:
        values = {k: (None if f.value is None else str(f.value)) for k, f in document.entries[row].items()}
        for issue in check_rules(schema, values, entries=True).issues:
            where = f"entries[{row}].{issue.field}" if issue.field else f"entries[{row}]"
            found.append(issue.model_copy(update={"field": where, "message": f"Dòng {row + 1}: {issue.message}"}))
    return found


def accepted(document: Document) -> Document:
    """The document as a person accepted it: every field checked (status ``ok``), no review pending.
    Issues stay on record: they say what the officer was shown."""
    fields = {key: f.model_copy(update={"status": "ok"}) for key, f in document.fields.items()}
    entries = [{key: f.model_copy(update={"status": "ok"}) for key, f in row.items()} for row in document.entries]
    return document.model_copy(update={"fields": fields, "entries": entries, "needs_review": False})


def reclassify(document: Document, schema_id: str) -> Document:
    """A document a person classified (it was not recognised, or wrongly): the schema's fields, empty and
    to be keyed from the page image, with the schema's required-field issues."""
    schema = all_schemas()[schema_id]
    fields = {key: FieldValue(value=None, confidence=0.0, status="review")
              for key, spec in schema.fields.items() if spec.output}
    empty = document.model_copy(update={"schema_id": schema_id, "schema_confidence": 1.0, "fields": fields,
                                        "entries": [], "needs_review": True})
    return empty.model_copy(update={"issues": recheck(empty)})


def to_review(document: Document) -> list[str]:
    """Form names (``key``, ``e<row>.<key>``) of the fields the machine was unsure of (status ``review``)."""
    names = [key for key, f in document.fields.items() if f.status == "review"]
    for row, entry in enumerate(document.entries):
        names += [f"e{row}.{key}" for key, f in entry.items() if f.status == "review"]
    return names


def unchecked(document: Document, checked: set[str]) -> list[str]:
    """The fields to review that the reviewer has not checked: a field counts as checked once its input
    has had the focus (its crop of the page is then shown enlarged beside it) or its value was typed."""
    return [name for name in to_review(document) if name not in checked]


def keep_typed(rows: Iterable[FieldRow], typed: dict[str, str]) -> None:
    """Shows what the officer typed (NFC) in the inputs of a form sent back with errors, never the old value."""
    for row in rows:
        if row.name in typed:
            row.value = unicodedata.normalize("NFC", typed[row.name])

