"""Checks that a truth file follows the agreed format and the contract's value formats.

``problems(truth)`` returns a list of human-readable problems (empty when the truth is well-formed); used by
the tests and usable by anyone who writes truth files by hand.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from samples.doc import REGISTER_ENTRY_FIELDS, SCHEMA_FIELDS
from samples.idnumbers import PROVINCE_CODES, id_agrees

DATE_KEYS = re.compile(r"(^|_)(date|date_of_birth|date_of_death)$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YEAR = re.compile(r"^\d{4}$")
REGISTER_NUMBER = re.compile(r"^[0-9][0-9/.\-A-Za-z]*$")
NAME_KEYS = {"full_name", "mother_name", "father_name", "husband_name", "wife_name"}
TIERS = {"clean", "scan", "hard", "crop", "spread", "photo", "card"}  # the last four: samples/realistic.py
FORMATS = {"png", "jpeg", "tiff", "pdf"}


def _is_nfc_clean(value: str) -> bool:
    return unicodedata.normalize("NFC", value) == value and " ".join(value.split()) == value


def value_problems(key: str, value: Any) -> list[str]:
    """Problems of one field value under the contract's formats (None is always allowed)."""
    if value is None:
        return []
    if not isinstance(value, str):
        return [f"{key}: not a string: {value!r}"]
    if not _is_nfc_clean(value):
        return [f"{key}: not NFC with single spaces: {value!r}"]
    if DATE_KEYS.search(key):
        if not ISO_DATE.match(value):
            return [f"{key}: not an ISO date: {value!r}"]
        try:
            date.fromisoformat(value)
        except ValueError:
            return [f"{key}: not a real date: {value!r}"]
    elif key.endswith("birth_year"):
        if not YEAR.match(value):
            return [f"{key}: not a year: {value!r}"]
    elif key == "sex":
        if value not in ("male", "female"):
            return [f"{key}: not male/female: {value!r}"]
    elif key.endswith("personal_id"):
        if not (value.isdigit() and len(value) in (9, 12)):
            return [f"{key}: not 9 or 12 digits: {value!r}"]
        if len(value) == 12 and value[:3] not in PROVINCE_CODES:
            return [f"{key}: {value[:3]} is not a province code"]
    elif key in NAME_KEYS:
        if value != value.upper():
            return [f"{key}: a person's name must be uppercase: {value!r}"]
    elif key in ("number", "book"):
        if not REGISTER_NUMBER.match(value):
            return [f"{key}: not a register number: {value!r}"]
    return []


def problems(truth: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for key in ("source", "tier", "format", "pages", "documents"):
        if key not in truth:
            found.append(f"missing {key}")
    if found:
        return found
    if truth["tier"] not in TIERS:
        found.append(f"unknown tier {truth['tier']!r}")
    if truth["format"] not in FORMATS:
        found.append(f"unknown format {truth['format']!r}")
    numbers = [p.get("number") for p in truth["pages"]]
    if numbers != list(range(1, len(numbers) + 1)):
        found.append(f"pages are not numbered 1..n: {numbers}")
    for page in truth["pages"]:
        if sorted(page) != ["dpi", "number", "rotation", "skew", "text"]:
            found.append(f"page {page.get('number')}: keys {sorted(page)}")
            continue
        if page["rotation"] not in (0, 90, 180, 270):
            found.append(f"page {page['number']}: rotation {page['rotation']}")
        if not isinstance(page["skew"], float) or abs(page["skew"]) > 3.0:
            found.append(f"page {page['number']}: skew {page['skew']!r}")
        if unicodedata.normalize("NFC", page["text"]) != page["text"] or not page["text"]:
            found.append(f"page {page['number']}: text empty or not NFC")
    for doc in truth["documents"]:
        found.extend(document_problems(doc, len(numbers)))
    return found


def document_problems(doc: dict[str, Any], page_count: int) -> list[str]:
    schema = doc.get("schema")
    if schema not in SCHEMA_FIELDS:
        return [f"unknown schema {schema!r}"]
    found = []
    if sorted(doc) not in (["entries", "family", "fields", "pages", "schema", "variant"],
                           ["entries", "fields", "pages", "schema", "variant"]):
        found.append(f"{schema}: keys {sorted(doc)}")
    if not doc["pages"] or any(not 1 <= p <= page_count for p in doc["pages"]):
        found.append(f"{schema}: pages {doc['pages']} outside 1..{page_count}")
    if list(doc["fields"]) != SCHEMA_FIELDS[schema]:
        found.append(f"{schema}: field keys differ from the contract")
    for key, value in doc["fields"].items():
        found.extend(f"{schema}.{p}" for p in value_problems(key, value))
    if schema == "birth_register":
        if not doc["entries"]:
            found.append("birth_register: no entries")
        for entry in doc["entries"]:
            if sorted(entry) != sorted(REGISTER_ENTRY_FIELDS):
                found.append("birth_register: entry keys differ from the contract")
            for key, value in entry.items():
                found.extend(f"{schema}.entry.{p}" for p in value_problems(key, value))
    elif doc["entries"]:
        found.append(f"{schema}: entries must be empty")
    found.extend(_id_agreement(schema, doc["fields"]))
    return found


def _id_agreement(schema: str, fields: dict[str, Any]) -> list[str]:
    pairs = [("personal_id", "date_of_birth", "sex")]
    if schema == "marriage_certificate":
        pairs = [("husband_personal_id", "husband_date_of_birth", "male"),
                 ("wife_personal_id", "wife_date_of_birth", "female")]
    found = []
    for id_key, born_key, sex in pairs:
        number, born = fields.get(id_key), fields.get(born_key)
        sex_value = fields.get(sex, sex)
        if number and born and len(number) == 12 and not id_agrees(number, date.fromisoformat(born), sex_value):
            found.append(f"{schema}: {id_key} {number} disagrees with {born_key} {born} / {sex_value}")
    return found
