"""Value kinds: one parser per kind, each returning a :class:`KindResult` in the contract's format.

A schema field names its kind; a new kind is a parser added to ``KINDS``.
"""

from __future__ import annotations

from extractors.kinds.base import KindParser, KindResult
from extractors.kinds.dates import parse_date, parse_year
from extractors.kinds.gazetteer import parse_ethnicity, parse_nationality
from extractors.kinds.ids import parse_personal_id
from extractors.kinds.names import parse_name
from extractors.kinds.places import parse_place
from extractors.kinds.simple import parse_authority, parse_register_number, parse_sex, parse_text

KINDS: dict[str, KindParser] = {
    "text": parse_text,
    "name": parse_name,
    "date": parse_date,
    "year": parse_year,
    "sex": parse_sex,
    "personal_id": parse_personal_id,
    "place": parse_place,
    "ethnicity": parse_ethnicity,
    "nationality": parse_nationality,
    "register_number": parse_register_number,
    "authority": parse_authority,
}


def parse_value(kind: str, text: str) -> KindResult:
    return KINDS[kind](text)


__all__ = ["KINDS", "KindResult", "parse_value"]
