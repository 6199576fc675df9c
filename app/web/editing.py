"""An officer's corrections to a document: values typed on the form, parsed by field kind, the rules of
the schema checked again on the new values, and the document made final when it is accepted."""

from __future__ import annotations

from app.web.labels import field_kinds, field_label
from app.web.values import parse
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


def apply_form(document: Document, typed: dict[str, str]) -> tuple[Document, dict[str, str], list[str]]:
    """Applies ``typed`` (field key → text as typed) to the document. Returns the new document, the
    errors by field (Vietnamese; such fields keep their old value) and the keys that changed.

    A changed value becomes status ``ok`` with confidence 1 (a person typed it); issues are checked
    again, keeping the extraction's own issues (not from rules, e.g. a QR disagreement) of unchanged fields."""
    kinds = field_kinds(document.schema_id)
    fields = dict(document.fields)
    errors: dict[str, str] = {}
    changed: list[str] = []
    for key, text in typed.items():
        if key not in fields:
            continue
        value, error = parse(kinds.get(key, "text"), text)
        if error:
            errors[key] = f"{field_label(document.schema_id, key)}: {error}"
            continue
        old = fields[key]
        if value != (None if old.value is None else str(old.value)):
            fields[key] = FieldValue(value=value, confidence=1.0, status="ok", page=old.page, bbox=old.bbox)
            changed.append(key)
    if not changed:
        return document, errors, changed
    updated = document.model_copy(update={"fields": fields})
    rule_codes = {(i.field, i.code) for i in recheck(document)}
    kept = [i for i in document.issues if (i.field, i.code) not in rule_codes and i.field not in changed]
    issues = kept + recheck(updated)
    return updated.model_copy(update={"issues": issues}), errors, changed


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
