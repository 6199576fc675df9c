"""Ground truth files (``NAME.truth.json`` beside each input) and finding them in a folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

TRUTH_SUFFIX = ".truth.json"


class TruthPage(BaseModel):
    number: int
    rotation: int = 0
    skew: float = 0.0
    dpi: int | None = None
    text: str = ""


class TruthDocument(BaseModel):
    schema_id: str = Field(alias="schema")
    pages: list[int]
    variant: str | None = None
    family: str | None = None  # the generator's layout family (samples/families.py); older truths have none
    fields: dict[str, Any] = Field(default_factory=dict)
    entries: list[dict[str, Any]] = Field(default_factory=list)
    # Handwritten register pages (samples/handwriting.py): per entry, what the hand wrote in each cell.
    written: list[dict[str, str]] = Field(default_factory=list)

    model_config = {"populate_by_name": True}


class Truth(BaseModel):
    source: str
    tier: str = "unknown"
    format: str | None = None
    pages: list[TruthPage] = Field(default_factory=list)
    documents: list[TruthDocument] = Field(default_factory=list)


class Case(BaseModel):
    """One input file to score and its ground truth."""

    input_path: Path
    truth: Truth

    @property
    def name(self) -> str:
        return self.input_path.name


def load_truth(path: Path) -> Truth:
    return Truth.model_validate(json.loads(path.read_text(encoding="utf-8")))


def find_cases(directory: Path) -> tuple[list[Case], list[str]]:
    """Every ``*.truth.json`` under ``directory`` whose input file exists, sorted by path.

    Returns the cases and one warning line per truth file that could not be used.
    """
    cases: list[Case] = []
    warnings: list[str] = []
    for truth_path in sorted(directory.rglob(f"*{TRUTH_SUFFIX}")):
        try:
            truth = load_truth(truth_path)
        except (OSError, ValueError) as err:
            warnings.append(f"{truth_path}: unreadable truth file ({err.__class__.__name__})")
            continue
        input_path = (truth_path.parent / truth.source).resolve()
        if not input_path.is_file():
            warnings.append(f"{truth_path}: input {truth.source} not found")
            continue
        cases.append(Case(input_path=input_path, truth=truth))
    return cases, warnings
