"""The procedure catalogue, kept as data in ``data/procedures.yaml`` and loaded into typed models."""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, field_validator

CATALOGUE = Path(__file__).with_name("data") / "procedures.yaml"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class Paper(BaseModel):
    key: str
    name: str
    required: bool = True

    _nfc_name = field_validator("name")(_nfc)


class Procedure(BaseModel):
    id: str
    name: str
    legal_basis: str
    working_days: int = Field(ge=0)  # 0: the result is given the same day
    verification_days: int | None = Field(default=None, ge=0)
    papers: list[Paper]

    _nfc_text = field_validator("name", "legal_basis")(_nfc)

    def paper(self, key: str) -> Paper | None:
        return next((p for p in self.papers if p.key == key), None)


class Catalogue(BaseModel):
    procedures: list[Procedure]

    def get(self, procedure_id: str | None) -> Procedure | None:
        return next((p for p in self.procedures if p.id == procedure_id), None)


@cache
def catalogue(path: Path = CATALOGUE) -> Catalogue:
    loaded = Catalogue.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    ids = [p.id for p in loaded.procedures]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path}: a procedure id is used twice")
    for procedure in loaded.procedures:
        keys = [p.key for p in procedure.papers]
        if len(keys) != len(set(keys)):
            raise ValueError(f"{path}: {procedure.id} names a paper twice")
    return loaded
