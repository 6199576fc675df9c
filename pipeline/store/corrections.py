"""What an officer changed, and how it goes onto a stored record without undoing an earlier correction.

A paper that arrives again (another dossier, another photo of the same card) is read by the machine again.
The officer sees that reading and may change some values. What goes onto the stored record is only what
the officer changed in *this* reading (``typed_changes``): every other value stays as the record's current
version has it, which may be a correction typed by another officer before (``merged``). So the current
version never goes back to a machine reading over a person's correction.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from pipeline.models import Document, FieldValue


class TypedChange(BaseModel):
    """One value an officer typed over the machine's reading: ``field`` or ``entries[i].field``."""

    cell: str
    machine: Any = None
    typed: Any = None


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _cells(document: Document) -> dict[str, FieldValue]:
    cells = dict(document.fields)
    for i, row in enumerate(document.entries):
        cells.update({f"entries[{i}].{key}": field for key, field in row.items()})
    return cells


def typed_changes(machine: Document, accepted: Document) -> list[TypedChange]:
    """The cells whose accepted value differs from the machine's reading (a reclassified document: all)."""
    before = _cells(machine) if machine.schema_id == accepted.schema_id else {}
    changes = []
    for cell, field in _cells(accepted).items():
        old = before.get(cell)
        if _text(old.value if old else None) != _text(field.value):
            changes.append(TypedChange(cell=cell, machine=old.value if old else None, typed=field.value))
    return changes


def _with_value(current: FieldValue | None, accepted: FieldValue) -> FieldValue:
    if current is None:
        return accepted
    return current.model_copy(update={"value": accepted.value, "confidence": accepted.confidence,
                                      "status": accepted.status})


def _checked(field: FieldValue, accepted: FieldValue | None) -> FieldValue:
    """A value kept from the current version: checked (``ok``) when the officer checked it now; a check
    made before is never taken back by a new, uncertain reading."""
    if accepted is None or accepted.status != "ok" or field.status == "ok":
        return field
    return field.model_copy(update={"status": "ok"})


def merged(current: Document, machine: Document, accepted: Document) -> Document:
    """The record's next document: ``current`` with the officer's changes of ``accepted`` over ``machine``
    applied; reviewed once a person has accepted it (now or before). A document the officer gave another
    type is taken as accepted."""
    if current.schema_id != accepted.schema_id or machine.schema_id != accepted.schema_id:
        return accepted
    changed = {c.cell for c in typed_changes(machine, accepted)}
    fields = {key: _checked(field, accepted.fields.get(key)) for key, field in current.fields.items()}
    for key, field in accepted.fields.items():
        if key in changed:
            fields[key] = _with_value(current.fields.get(key), field)
    entries = [dict(row) for row in current.entries]
    for i, row in enumerate(accepted.entries):
        if i >= len(entries):
            entries.append({})
        for key, field in row.items():
            if f"entries[{i}].{key}" in changed:
                entries[i][key] = _with_value(entries[i].get(key), field)
            elif key in entries[i]:
                entries[i][key] = _checked(entries[i][key], field)
    return current.model_copy(update={"fields": fields, "entries": entries,
                                      "needs_review": current.needs_review and accepted.needs_review})


def same_document(a: Document, b: Document) -> bool:
    return a.model_dump(mode="json") == b.model_dump(mode="json")
