"""A golden extraction per tuning layout family: one clean page of each, generated at a fixed seed, through the
whole pipeline (OCR included), compared field by field (value and status) with
``tests/extractors/golden/families/FAMILY.json``, and checked against the generator's truth: no accepted value
may be wrong.

Held-out families have no golden: a golden's diff shows their values at every change of extraction, which is
looking at them (docs/evaluation.md). They are only run through the pipeline here, to see that each still makes a
page that extracts without an error; how they are read is measured by ``sohoa eval --families heldout``.
Regenerate after a deliberate change: ``SOHOA_UPDATE_GOLDEN=1 pytest tests/extractors/test_golden_families.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.evaluation.matching import match_documents
from pipeline.evaluation.normalize import same_value
from pipeline.evaluation.truth import TruthDocument
from samples import families
from samples.generate import generate_document
from samples.layouts.round3 import FAMILY_NAMES as ROUND3
from samples.layouts.round4 import FAMILY_NAMES as ROUND4
from samples.layouts.round5 import FAMILY_NAMES as ROUND5
from samples.layouts.round6 import FAMILY_NAMES as ROUND6
from samples.layouts.round7 import FAMILY_NAMES as ROUND7
from samples.layouts.round8 import FAMILY_NAMES as ROUND8
from samples.layouts.round9 import FAMILY_NAMES as ROUND9

GOLDEN = Path(__file__).resolve().parent / "golden" / "families"
SEED = 4711
FAMILIES = [(f.schema, f.name) for f in families.all_families()]
# The page of a family is numbered by its place in this order; families added later come last (round by round),
# so that the pages (and goldens) of the families before them stay the same.
_LATER = (*ROUND3, *ROUND4, *ROUND5, *ROUND6, *ROUND7, *ROUND8, *ROUND9)
_NAMES = {name for _, name in FAMILIES}
PAGE_ORDER = [f for _, f in FAMILIES if f not in _LATER] + [f for f in _LATER if f in _NAMES]
TUNING = [(s, f) for s, f in FAMILIES if families.split_of(f) == "tuning"]
HELD_OUT = [(s, f) for s, f in FAMILIES if families.split_of(f) == "heldout"]


def _compact(fields: dict) -> dict:
    return {key: [fv.value, fv.status] for key, fv in fields.items()}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    from pipeline.process import extract_file

    out = tmp_path_factory.mktemp("families")
    cache: dict[str, tuple] = {}

    def run(schema: str, family: str):
        if family not in cache:
            index = PAGE_ORDER.index(family) + 1  # fixed per family: the page does not depend on order
            path = generate_document(out, SEED, schema, "clean", index, fmt="png", choices=[family])
            truth = json.loads(path.with_name(path.stem + ".truth.json").read_text(encoding="utf-8"))
            cache[family] = (extract_file(path, jobs=1), truth)
        return cache[family]

    return run


@pytest.mark.parametrize(("schema", "family"), TUNING, ids=[f for _, f in TUNING])
def test_family_golden(schema, family, extracted):
    result, truth = extracted(schema, family)
    got = [{"schema": d.schema_id, "pages": d.pages, "fields": _compact(d.fields),
            "entries": [_compact(e) for e in d.entries]} for d in result.documents]
    golden = GOLDEN / f"{family}.json"
    if os.environ.get("SOHOA_UPDATE_GOLDEN") == "1" or not golden.exists():
        GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("schema", "family"), HELD_OUT, ids=[f for _, f in HELD_OUT])
def test_held_out_family_extracts_without_an_error(schema, family, extracted):
    result, _ = extracted(schema, family)  # nothing of what was read is looked at
    assert result.pages


@pytest.mark.parametrize(("schema", "family"), TUNING, ids=[f for _, f in TUNING])
def test_tuning_family_accepts_no_wrong_value(schema, family, extracted):
    """On tuning families no accepted value is wrong. Held-out families are only recorded (their golden):
    their wrong values are measured by ``sohoa eval --families heldout``, never fixed case by case."""
    result, truth = extracted(schema, family)
    truth_docs = [TruthDocument.model_validate(d) for d in truth["documents"]]
    pairs, _ = match_documents(truth_docs, result.documents)
    for t_index, p_index in pairs:
        assert p_index is not None, f"{family}: document not found"
        predicted, expected = result.documents[p_index], truth_docs[t_index]
        assert predicted.schema_id == expected.schema_id
        for key, fv in predicted.fields.items():
            if fv.status == "ok" and key in expected.fields:
                assert same_value(fv.value, expected.fields[key]), f"{family}.{key}: {fv.value!r}"
