"""The third round of layout families (samples/layouts/round3/, retired from held-out into tuning): each is
registered as tuning, generates a readable file at every tier whose truth has exactly its type's keys, and
draws the structure that makes it a family of its own."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from samples import families, writers
from samples.doc import REGISTER_ENTRY_FIELDS, SCHEMA_FIELDS
from samples.generate import generate_document
from samples.layouts import birth_certificate, birth_register, death_extract, form_kit, id_card, marital_status
from samples.layouts.round3 import FAMILY_NAMES
from samples.truth_format import problems

SCHEMA_OF = {f.name: f.schema for f in families.all_families()}
TIERS = ("clean", "scan", "hard")


def test_every_round3_family_is_registered_as_tuning() -> None:
    assert len(FAMILY_NAMES) == len(set(FAMILY_NAMES)) == 6
    assert {SCHEMA_OF[name] for name in FAMILY_NAMES} == set(SCHEMA_FIELDS)
    assert all(families.split_of(name) == "tuning" for name in FAMILY_NAMES)
    assert set(FAMILY_NAMES) <= {name for names in families.select("tuning").values() for name in names}
    assert not set(FAMILY_NAMES) & {name for names in families.select("heldout").values() for name in names}


@pytest.mark.parametrize("tier", TIERS)
@pytest.mark.parametrize("family", FAMILY_NAMES)
def test_family_generates_at_every_tier_with_its_types_keys(tmp_path: Path, family: str, tier: str) -> None:
    schema = SCHEMA_OF[family]
    path = generate_document(tmp_path, 9203, schema, tier, 1, choices=[family])
    truth = json.loads(writers.truth_path(path).read_text(encoding="utf-8"))
    assert problems(truth) == []
    (doc,) = truth["documents"]
    assert doc["family"] == family and doc["schema"] == schema
    assert list(doc["fields"]) == SCHEMA_FIELDS[schema]
    assert all(list(entry) == REGISTER_ENTRY_FIELDS for entry in doc["entries"])
    assert bool(doc["entries"]) == (schema == "birth_register")
    if path.suffix == ".pdf":
        with pikepdf.open(path) as pdf:
            assert len(pdf.pages) == len(truth["pages"])
    else:
        with Image.open(path) as image:
            assert getattr(image, "n_frames", 1) == len(truth["pages"])
            assert min(image.size) > 300


def _text(module, family: str, seed: int) -> tuple[dict, str]:
    doc = module.build(random.Random(f"{family}:{seed}"), family=family)
    page = form_kit.MeasuringPage()
    module.DRAWERS[family](doc, page, random.Random(0))
    return doc.fields, page.text_content()


def test_electronic_birth_copy_gives_the_registration_first_and_keeps_a_blank_fathers_labels() -> None:
    blank_father = 0
    for seed in range(30):
        fields, text = _text(birth_certificate, "bc-2022-dien-tu", seed)
        assert text.index("Nơi đăng ký khai sinh") < text.index("NGƯỜI ĐƯỢC KHAI SINH") < text.index("NGƯỜI MẸ")
        assert "Mã số:" in text and "Ký bởi:" in text
        if fields["father_name"] is None:
            blank_father += 1
            father = text[text.index("NGƯỜI CHA"):].splitlines()
            assert father[1:6] == ["Họ, chữ đệm, tên:", "Năm sinh:", "Dân tộc:", "Quốc tịch:", "Nơi cư trú:"]
    assert blank_father


def test_death_extract_puts_the_declarant_before_the_deceased() -> None:
    fields, text = _text(death_extract, "de-declarant-table", 1)
    assert text.index("Người đi khai tử") < text.index("Thông tin người đã chết") < text.index(fields["full_name"])


def test_marital_status_purpose_closes_the_validity_sentence() -> None:
    for seed in range(5):
        fields, text = _text(marital_status, "ms-boxed-status", seed)
        joined = " ".join(text.splitlines())
        assert f"được dùng để: {fields['purpose']}" in joined
        assert joined.casefold().index("tình trạng hôn nhân:") < joined.index(fields["marital_status"]) \
            < joined.index("được dùng để")


def test_worn_card_shows_its_back_first() -> None:
    for copy in (False, True):
        rng = random.Random(f"worn:{copy}")
        doc = id_card.build(rng, family="card-cccd-2016-worn", copy=copy)
        (page,) = id_card.draw(doc, 100, rng)
        text = page.text_content()
        back = next((y, x) for y, x, t in page.pieces if t.startswith("Đặc điểm nhân dạng"))
        front = next((y, x) for y, x, t in page.pieces if t == "CĂN CƯỚC CÔNG DÂN")
        # above it, or (a copy laid side by side) left of it
        assert back[0] < front[0] or back[1] < front[1]
        assert copy or text.index("Đặc điểm nhân dạng") < text.index("CĂN CƯỚC CÔNG DÂN")


def test_register_spread_holds_each_entry_across_both_pages_on_one_row() -> None:
    rng = random.Random("spread")
    doc = birth_register.build(rng, family="br-2020-spread", pages=2)
    pages = birth_register.draw(doc, 60, rng)
    assert len(pages) == 2 and all(p.image.size == (p.px(420), p.px(297)) for p in pages)
    start = 0
    for page, count in zip(pages, doc.show["per_page"], strict=True):
        lines = page.text_content().splitlines()
        for entry in doc.entries[start : start + count]:
            row = next(line for line in lines if line.startswith(f"{entry['number']} "))
            assert row.index(entry["number"]) < row.index(entry["mother_name"].split()[0])
        start += count
