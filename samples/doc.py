"""A generated document: its truth (schema, variant, field values in contract formats) and display data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Field keys per schema, exactly as CONTRACT.md lists them.
SCHEMA_FIELDS: dict[str, list[str]] = {
    "birth_certificate": [
        "number", "book", "full_name", "sex", "date_of_birth", "place_of_birth", "hometown", "ethnicity",
        "nationality", "personal_id", "mother_name", "mother_birth_year", "mother_ethnicity",
        "mother_nationality", "mother_residence", "father_name", "father_birth_year", "father_ethnicity",
        "father_nationality", "father_residence", "registration_authority", "registration_date",
    ],
    "marriage_certificate": [
        "number", "book", "husband_name", "husband_date_of_birth", "husband_ethnicity", "husband_nationality",
        "husband_residence", "husband_personal_id", "wife_name", "wife_date_of_birth", "wife_ethnicity",
        "wife_nationality", "wife_residence", "wife_personal_id", "registration_authority", "registration_date",
    ],
    "death_extract": [
        "number", "full_name", "date_of_birth", "sex", "ethnicity", "nationality", "personal_id",
        "date_of_death", "place_of_death", "registration_authority", "registration_date",
    ],
    "marital_status_confirmation": [
        "number", "full_name", "date_of_birth", "sex", "ethnicity", "nationality", "personal_id", "residence",
        "marital_status", "purpose", "issuing_authority", "issue_date",
    ],
    "citizen_id_card": [
        "personal_id", "full_name", "date_of_birth", "sex", "nationality", "place_of_origin", "residence",
        "issue_date", "expiry_date",
    ],
    "birth_register": ["book", "registration_authority"],
}

REGISTER_ENTRY_FIELDS = [
    "number", "registration_date", "full_name", "sex", "date_of_birth", "place_of_birth", "ethnicity",
    "nationality", "mother_name", "father_name",
]

SCHEMAS = list(SCHEMA_FIELDS)


@dataclass
class Doc:
    """One document. ``fields``/``entries`` are the truth; ``show`` holds what only the drawing needs."""

    schema: str
    variant: str
    fields: dict[str, str | None]
    entries: list[dict[str, str | None]] = field(default_factory=list)
    show: dict[str, Any] = field(default_factory=dict)
    family: str = ""  # the layout family (an edition of the form, or a randomized one): samples/families.py

    def __post_init__(self) -> None:
        expected = SCHEMA_FIELDS[self.schema]
        if sorted(self.fields) != sorted(expected):
            missing = set(expected) - set(self.fields)
            extra = set(self.fields) - set(expected)
            raise ValueError(f"{self.schema}: fields do not match the contract (missing {missing}, extra {extra})")
        for entry in self.entries:
            if sorted(entry) != sorted(REGISTER_ENTRY_FIELDS):
                raise ValueError(f"{self.schema}: entry keys do not match the contract")
        self.fields = {key: self.fields[key] for key in expected}

    def truth(self, pages: list[int]) -> dict[str, Any]:
        return {"schema": self.schema, "pages": pages, "variant": self.variant, "family": self.family or self.variant,
                "fields": dict(self.fields),
                "entries": [dict(e) for e in self.entries]}
