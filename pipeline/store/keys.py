"""From an extracted document to the catalog's key values: record columns and the people it names.

The mapping is a table over field keys (CONTRACT.md), not per-schema code: any schema whose fields use
these keys is indexed the same way, and register entries (``entries``) are indexed row by row.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from pipeline.models import Document, FieldValue
from pipeline.store.names import fold_name, name_key, normalize_name

# role → (name field, personal id field, date of birth field, birth year field)
ROLE_FIELDS: dict[str, tuple[str, str | None, str | None, str | None]] = {
    "subject": ("full_name", "personal_id", "date_of_birth", None),
    "husband": ("husband_name", "husband_personal_id", "husband_date_of_birth", None),
    "wife": ("wife_name", "wife_personal_id", "wife_date_of_birth", None),
    "mother": ("mother_name", None, None, "mother_birth_year"),
    "father": ("father_name", None, None, "father_birth_year"),
}
AUTHORITY_FIELDS = ("registration_authority", "issuing_authority")
DATE_FIELDS = ("registration_date", "issue_date")
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class PersonKeys(BaseModel):
    role: str
    entry_index: int | None = None
    entry_number: str | None = None
    personal_id: str | None = None
    full_name: str | None = None
    name_folded: str | None = None
    name_key: str | None = None
    date_of_birth: str | None = None
    birth_year: int | None = None


class RecordKeys(BaseModel):
    number: str | None = None
    book: str | None = None
    authority: str | None = None
    registration_date: str | None = None
    people: list[PersonKeys] = []


def text_value(fields: dict[str, FieldValue], key: str | None) -> str | None:
    if key is None or key not in fields or fields[key].value is None:
        return None
    value: Any = fields[key].value
    text = " ".join(str(value).split())
    return text or None


def digits(value: str | None) -> str | None:
    if value is None:
        return None
    only = "".join(ch for ch in value if ch.isdigit())
    return only or None


def iso_date(value: str | None) -> str | None:
    return value if value and _ISO_DATE.match(value) else None


def year_of(date: str | None, year: str | None) -> int | None:
    for candidate in (year, date):
        if candidate and candidate[:4].isdigit():
            return int(candidate[:4])
    return None


def people_of(fields: dict[str, FieldValue], entry_index: int | None = None) -> list[PersonKeys]:
    found = []
    entry_number = text_value(fields, "number") if entry_index is not None else None
    for role, (name_f, pid_f, dob_f, year_f) in ROLE_FIELDS.items():
        name = text_value(fields, name_f)
        pid = digits(text_value(fields, pid_f))
        if name is None and pid is None:
            continue
        dob = iso_date(text_value(fields, dob_f))
        found.append(
            PersonKeys(
                role=role,
                entry_index=entry_index,
                entry_number=entry_number,
                personal_id=pid,
                full_name=normalize_name(name) if name else None,
                name_folded=fold_name(name) if name else None,
                name_key=name_key(name) if name else None,
                date_of_birth=dob,
                birth_year=year_of(dob, text_value(fields, year_f)),
            )
        )
    return found


def record_keys(document: Document) -> RecordKeys:
    fields = document.fields
    people = people_of(fields)
    for index, entry in enumerate(document.entries):
        people.extend(people_of(entry, entry_index=index))
    return RecordKeys(
        number=text_value(fields, "number"),
        book=text_value(fields, "book"),
        authority=next((v for f in AUTHORITY_FIELDS if (v := text_value(fields, f))), None),
        registration_date=next((v for f in DATE_FIELDS if (v := iso_date(text_value(fields, f)))), None),
        people=people,
    )
