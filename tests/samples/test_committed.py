"""The committed sample set: complete, well-formed, small, and exactly what the generator makes."""

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from samples import writers
from samples.committed_set import COMMITTED, SEED, generate_committed
from samples.doc import SCHEMAS
from samples.truth_format import problems

INPUTS = sorted(p for p in COMMITTED.iterdir() if p.suffix in (".png", ".jpg", ".tif", ".pdf"))


def _truth(path: Path) -> dict:
    return json.loads(writers.truth_path(path).read_text(encoding="utf-8"))


def test_every_input_has_a_wellformed_truth() -> None:
    assert 30 <= len(INPUTS) <= 40
    for path in INPUTS:
        truth = _truth(path)
        assert truth["source"] == path.name
        assert problems(truth) == [], path.name
    truths = sorted(p.name for p in COMMITTED.glob("*.truth.json"))
    assert len(truths) == len(INPUTS)


def test_every_schema_tier_and_format() -> None:
    per_schema: Counter[str] = Counter()
    tiers, formats = set(), set()
    for path in INPUTS:
        truth = _truth(path)
        tiers.add(truth["tier"])
        formats.add(truth["format"])
        for doc in truth["documents"]:
            per_schema[doc["schema"]] += 1
    assert set(per_schema) == set(SCHEMAS) and min(per_schema.values()) >= 6
    assert tiers == {"clean", "scan", "hard"}
    assert formats == {"png", "jpeg", "tiff", "pdf"}
    dossiers = [p for p in INPUTS if p.name.startswith("dossier_")]
    assert len(dossiers) == 2 and all(len(_truth(p)["documents"]) == 2 for p in dossiers)


def test_small_enough_to_commit() -> None:
    total = sum(p.stat().st_size for p in COMMITTED.iterdir())
    assert total < 10_000_000


def test_id_card_qr_holds_the_truth() -> None:
    cards = [p for p in INPUTS if p.name.startswith("citizen_id_card_clean_")
             and _truth(p)["documents"][0].get("family") in (None, "card-cccd-2021")]  # editions with a QR code
    assert cards
    for path in cards:
        fields = _truth(path)["documents"][0]["fields"]
        with Image.open(path) as image:
            codes = [c.text for c in zxingcpp.read_barcodes(image.convert("RGB"))]
        assert len(codes) == 1, path.name
        pid, _old, name, born, sex, address, issued = codes[0].split("|")
        assert pid == fields["personal_id"]
        assert name.upper() == fields["full_name"]
        assert born == date.fromisoformat(fields["date_of_birth"]).strftime("%d%m%Y")
        assert sex == ("Nam" if fields["sex"] == "male" else "Nữ")
        assert address == fields["residence"]
        assert issued == date.fromisoformat(fields["issue_date"]).strftime("%d%m%Y")


@pytest.mark.slow
def test_regenerates_identically(tmp_path: Path) -> None:
    files = generate_committed(tmp_path, SEED)
    assert sorted(p.name for p in files) == [p.name for p in INPUTS]
    for path in files:
        assert _truth(path) == _truth(COMMITTED / path.name), path.name
        assert path.read_bytes() == (COMMITTED / path.name).read_bytes(), path.name
