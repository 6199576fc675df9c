"""The fourth round of layout families (samples/layouts/round4/, scored once as held-out, now tuning): each is
registered, generates a readable file at every tier whose truth names it and has exactly its type's keys, prints
the values of its truth, and draws the structure that makes it a family of its own."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest

from samples import families, writers
from samples.compose import LAYOUTS
from samples.doc import REGISTER_ENTRY_FIELDS, SCHEMA_FIELDS
from samples.generate import generate_document
from samples.layouts import (
    birth_certificate,
    birth_register,
    death_extract,
    form_kit,
    id_card,
    marital_status,
    marriage_certificate,
)
from samples.layouts.round4 import FAMILY_NAMES
from samples.truth_format import problems
from tests.samples.rounds import joined as _joined
from tests.samples.rounds import pages_in as _pages_in
from tests.samples.rounds import printed as _printed
from tests.samples.rounds import readings as _readings

SCHEMA_OF = {f.name: f.schema for f in families.all_families()}
TIERS = ("clean", "scan", "hard")
FORMS = [name for name in FAMILY_NAMES if SCHEMA_OF[name] not in ("citizen_id_card", "birth_register")]
CARDS = [name for name in FAMILY_NAMES if SCHEMA_OF[name] == "citizen_id_card"]
REGISTERS = [name for name in FAMILY_NAMES if SCHEMA_OF[name] == "birth_register"]


# Scored once (docs/evaluation.md), then retired into tuning: mc-trich-luc first, the rest when round 5 was made.
RETIRED = set(FAMILY_NAMES)


def test_every_round4_family_is_registered_and_retired_into_tuning() -> None:
    assert len(FAMILY_NAMES) == len(set(FAMILY_NAMES)) == 8
    assert {SCHEMA_OF[name] for name in FAMILY_NAMES} == set(SCHEMA_FIELDS)
    assert all(families.split_of(name) == ("tuning" if name in RETIRED else "heldout") for name in FAMILY_NAMES)
    heldout = {name for names in families.select("heldout").values() for name in names}
    tuning = {name for names in families.select("tuning").values() for name in names}
    assert set(FAMILY_NAMES) - RETIRED <= heldout and not (set(FAMILY_NAMES) - RETIRED) & tuning
    assert RETIRED <= tuning
    assert len(CARDS) == len(REGISTERS) == 2


@pytest.mark.parametrize("family", FAMILY_NAMES)
def test_family_generates_at_every_tier_and_its_truth_names_it(tmp_path: Path, family: str) -> None:
    schema = SCHEMA_OF[family]
    for index, tier in enumerate(TIERS, start=1):
        path = generate_document(tmp_path, 4401, schema, tier, index, choices=[family])
        truth = json.loads(writers.truth_path(path).read_text(encoding="utf-8"))
        assert problems(truth) == [] and _pages_in(path) == len(truth["pages"])
        (doc,) = truth["documents"]
        split = "tuning" if family in RETIRED else "heldout"
        assert (doc["family"], doc["schema"], families.split_of(doc["family"])) == (family, schema, split)
        assert list(doc["fields"]) == SCHEMA_FIELDS[schema]
        assert [list(entry) for entry in doc["entries"]] == [REGISTER_ENTRY_FIELDS] * len(doc["entries"])
        assert bool(doc["entries"]) == (schema == "birth_register")



@pytest.mark.parametrize("family", FORMS)
def test_form_prints_every_value_of_its_truth(family: str) -> None:
    module = LAYOUTS[SCHEMA_OF[family]]
    for seed in range(6):
        doc = module.build(random.Random(f"{family}:{seed}"), family=family)
        page = form_kit.MeasuringPage()
        module.DRAWERS[family](doc, page, random.Random(0))
        text = _joined(page.text_content())
        assert max(y for y, _, _ in page.pieces) < 292
        for key, value in doc.fields.items():
            if value is not None:
                assert any(_joined(form) in text for form in _printed(key, value)), (family, seed, key, value)


@pytest.mark.parametrize("family", CARDS)
def test_card_prints_every_value_of_its_truth(family: str) -> None:
    for seed in range(4):
        rng = random.Random(f"{family}:{seed}")
        doc = id_card.build(rng, family=family)
        (page,) = id_card.draw(doc, 80, rng)
        readings = _readings(page)
        for key, value in doc.fields.items():
            if value is not None:
                assert any(form.casefold() in text.casefold() for form in _printed(key, value) for text in readings), \
                    (family, seed, key, value)


def test_reregistrations_are_registered_years_after_the_event() -> None:
    for seed in range(10):
        birth = birth_certificate.build(random.Random(seed), family="bc-dang-ky-lai")
        f = birth.fields
        assert date.fromisoformat(f["registration_date"]) - date.fromisoformat(f["date_of_birth"]) > \
            date(2007, 1, 1) - date(2001, 1, 1)
        assert f["book"].endswith(f["registration_date"][:4])
        death = death_extract.build(random.Random(seed), family="de-dang-ky-lai")
        assert date.fromisoformat(death.fields["registration_date"]).year >= \
            date.fromisoformat(death.fields["date_of_death"]).year + 2
    page = form_kit.MeasuringPage()
    death_extract.DRAWERS["de-dang-ky-lai"](death, page, random.Random(0))
    assert "Nơi đăng ký lại khai tử:" in page.text_content()


def test_marriage_extract_gives_number_and_book_in_the_registration_sentence() -> None:
    doc = marriage_certificate.build(random.Random(3), family="mc-trich-luc")
    page = form_kit.MeasuringPage()
    marriage_certificate.DRAWERS["mc-trich-luc"](doc, page, random.Random(0))
    text = _joined(page.text_content())
    assert "TRÍCH LỤC KẾT HÔN" in text and "Họ, chữ đệm, tên chồng:" in text and "Họ, chữ đệm, tên vợ:" in text
    assert f"số đăng ký {doc.fields['number']}, quyển số {doc.fields['book']}." in text


def test_mission_confirmation_is_issued_abroad() -> None:
    for seed in range(5):
        doc = marital_status.build(random.Random(seed), family="ms-dai-su-quan")
        assert doc.fields["issuing_authority"] == doc.show["mission"].name
        assert doc.fields["residence"].endswith(doc.show["mission"].country)
        page = form_kit.MeasuringPage()
        marital_status.DRAWERS["ms-dai-su-quan"](doc, page, random.Random(0))
        assert f"{doc.fields['issuing_authority']} xác nhận:" in _joined(page.text_content())


def test_cards_print_their_editions_labels() -> None:
    rng = random.Random(7)
    tt57 = id_card.build(rng, family="card-cmnd-tt57")
    assert tt57.fields["nationality"] is None and len(tt57.fields["personal_id"]) == 12
    issued = date.fromisoformat(tt57.fields["issue_date"])
    assert tt57.fields["expiry_date"] == issued.replace(year=issued.year + 15).isoformat()
    text = id_card.draw(tt57, 80, rng)[0].text_content()
    assert "GIẤY CHỨNG MINH NHÂN DÂN" in text and "Quê quán:" in text and "Nơi thường trú:" in text
    assert "Nguyên quán" not in text and "ĐKHK" not in text and "IDVNM" not in text
    screens = id_card.build(rng, family="card-vneid-print", copy=False)
    (page,) = id_card.draw(screens, 80, rng)
    assert page.image.size == (page.px(210), page.px(297))
    lines = page.text_content().splitlines()
    assert "Thông tin công dân" in " ".join(lines) and "Thẻ Căn cước" in " ".join(lines)
    assert lines[lines.index("Họ và tên") + 1] == screens.fields["full_name"]


@pytest.mark.parametrize("family", REGISTERS)
def test_register_prints_its_entries_and_leaves_absent_columns_null(family: str) -> None:
    rng = random.Random(f"{family}:pages")
    doc = birth_register.build(rng, family=family, pages=2)
    pages = birth_register.draw(doc, 60, rng)
    assert len(pages) == 2
    text = _joined(" ".join(p.text_content() for p in pages))
    assert f"Cơ quan đăng ký: {doc.fields['registration_authority']}" in text
    assert doc.fields["book"] in text
    for entry in doc.entries:
        assert entry["number"] in text.split()
        for key in ("full_name", "mother_name"):
            assert entry[key].split()[-1] in text
    old = family == "br-1980s-portrait"
    assert all((e["ethnicity"] is None and e["nationality"] is None) == old for e in doc.entries)
    if old:
        assert pages[0].image.size == (pages[0].px(210), pages[0].px(297))
        assert "Sinh ngày" in text and "Dân tộc" not in text and "Quốc tịch" not in text
    else:
        assert text.index("Người được khai sinh") < text.index("Cha, mẹ") < text.index("Đăng ký")
