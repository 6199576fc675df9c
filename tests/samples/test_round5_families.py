"""The fifth round of layout families (samples/layouts/round5/, held out): each is registered as held-out,
generates a readable file at every tier whose truth names it and has exactly its type's keys, prints the values
of its truth, and draws the structure that makes it a family of its own."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from samples import families
from samples.canvas import Page
from samples.layouts import (
    birth_register,
    id_card,
    marriage_certificate,
)
from samples.layouts.round5 import FAMILY_NAMES
from samples.layouts.round5 import birth_register as list_print
from samples.vntext import date_long
from tests.samples.rounds import assert_generates_at_every_tier, assert_registered, drawn
from tests.samples.rounds import joined as _joined
from tests.samples.rounds import printed as _printed
from tests.samples.rounds import readings as _readings

SCHEMA_OF = {f.name: f.schema for f in families.all_families()}
TIERS = ("clean", "scan", "hard")
FORMS = [name for name in FAMILY_NAMES if SCHEMA_OF[name] not in ("citizen_id_card", "birth_register")]
CARDS = [name for name in FAMILY_NAMES if SCHEMA_OF[name] == "citizen_id_card"]
REGISTERS = [name for name in FAMILY_NAMES if SCHEMA_OF[name] == "birth_register"]


def test_every_round5_family_is_registered_and_retired_into_tuning() -> None:
    """Scored once as held-out (docs/evaluation.md), then retired into tuning when round 6 was made."""
    assert_registered(FAMILY_NAMES, "tuning")
    assert len(CARDS) == len(REGISTERS) == 1
    assert [SCHEMA_OF[name] for name in FAMILY_NAMES].count("marriage_certificate") == 2
    assert [SCHEMA_OF[name] for name in FAMILY_NAMES].count("marital_status_confirmation") == 2


@pytest.mark.parametrize("family", FAMILY_NAMES)
def test_family_generates_at_every_tier_and_its_truth_names_it(tmp_path: Path, family: str) -> None:
    assert_generates_at_every_tier(tmp_path, family, 5501, "tuning")





@pytest.mark.parametrize("family", FORMS)
def test_form_prints_every_value_of_its_truth(family: str) -> None:
    for seed in range(8):
        doc, page = drawn(family, seed)
        readings = _readings(page)
        assert max(y for y, _, _ in page.pieces) < 292
        for key, value in doc.fields.items():
            if value is not None:
                assert any(_joined(form) in text for form in _printed(key, value) for text in readings), \
                    (family, seed, key, value)


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


def _cells(page: Page) -> list[str]:
    """The text of each column of the list (a cell's wrapped lines follow each other), and the page text."""
    edges = [list_print.X0]
    for _, width, _ in list_print.COLUMNS:
        edges.append(edges[-1] + width)
    texts = [_joined(page.text_content())]
    for left, right in zip(edges, edges[1:], strict=False):
        column = Page(1, 1, 10)
        column.pieces = [p for p in page.pieces if left <= p[1] < right]
        texts.append(_joined(column.text_content()))
    return texts


@pytest.mark.parametrize("family", REGISTERS)
def test_register_prints_every_value_of_its_entries(family: str) -> None:
    rng = random.Random(f"{family}:pages")
    doc = birth_register.build(rng, family=family, pages=2)
    pages = birth_register.draw(doc, 60, rng)
    assert len(pages) == 2 and pages[0].image.size == (pages[0].px(297), pages[0].px(210))
    readings = [r for page in pages for r in _cells(page)]
    text = _joined(" ".join(p.text_content() for p in pages))
    assert f"Đơn vị đăng ký: {doc.fields['registration_authority']}" in text
    assert f"Quyển số: {doc.fields['book']}" in text
    for entry in doc.entries:
        assert entry["nationality"] is None
        for key, value in entry.items():
            if value is not None:
                assert any(_joined(form) in reading for form in _printed(key, value) for reading in readings), \
                    (key, value)
    assert "Quốc tịch" not in text and text.index("STT") < text.index("Số ĐK") < text.index("Họ tên mẹ") < \
        text.index("Họ tên cha")
    first_row = text.split("Ghi chú ", 1)[1].split()[:2]  # STT, then the registration number
    assert first_row[1] == doc.entries[0]["number"] and first_row[0] != first_row[1]


def test_numbered_birth_certificate_has_no_personal_number() -> None:
    for seed in range(5):
        doc, page = drawn("bc-1990s-numbered", seed)
        assert doc.fields["personal_id"] is None and doc.fields["date_of_birth"] < "1999"
        text = page.text_content()
        assert "1. Họ và tên:" in text and "2. Nam hay nữ:" in text and "a) Họ và tên:" in text
        assert text.index("8. Phần khai về cha:") < text.index("9. Phần khai về mẹ:")
        assert "UBND " in text.splitlines()[0] and "định danh" not in text


def test_foreign_marriage_is_registered_by_the_district_and_has_a_passport() -> None:
    for seed in range(8):
        doc, page = drawn("mc-nuoc-ngoai", seed)
        f = doc.fields
        side = doc.show["foreign_side"]
        assert f[f"{side}_personal_id"] is None and f[f"{side}_ethnicity"] is None
        assert f[f"{side}_nationality"] != "Việt Nam" and f[f"{side}_nationality"] in f[f"{side}_residence"]
        other = "wife" if side == "husband" else "husband"
        assert f[f"{other}_personal_id"] and f[f"{other}_nationality"] == "Việt Nam"
        assert not f["registration_authority"].removeprefix("Ủy ban nhân dân ").startswith(("xã", "phường"))
        text = page.text_content()
        assert "MARRIAGE CERTIFICATE" in text and "Full name" in text and f"Hộ chiếu số {doc.show['passport']}" in text
        assert text.count("Dân tộc:") == 1


def test_landscape_marriage_certificate_is_drawn_on_a_landscape_sheet() -> None:
    doc = marriage_certificate.build(random.Random(2), family="mc-ngang-2016")
    (page,) = marriage_certificate.draw(doc, 60, random.Random(0))
    assert page.image.size == (page.px(297), page.px(210))
    assert max(y for y, _, _ in page.pieces) < 205 and max(x for _, x, _ in page.pieces) > 200
    lines = page.text_content().splitlines()
    names = next(line for line in lines if doc.fields["husband_name"] in line)
    assert doc.fields["wife_name"] in names and "Họ, chữ đệm, tên:" not in names  # values under their labels


def test_electronic_death_extract_gives_the_registration_last() -> None:
    doc, page = drawn("de-dien-tu", 1)
    text = page.text_content()
    assert "(BẢN ĐIỆN TỬ)" in text and "HỌ, CHỮ ĐỆM, TÊN:" in text and "Mã số:" in text
    assert text.index("NƠI CHẾT:") < text.index(f"SỐ ĐĂNG KÝ: {doc.fields['number']}")
    assert "Ký bởi:" in text


def test_declaration_is_confirmed_at_its_foot() -> None:
    for seed in range(5):
        doc, page = drawn("ms-tren-to-khai", seed)
        text = _joined(page.text_content())
        issued = date.fromisoformat(doc.fields["issue_date"])
        assert text.index("TỜ KHAI") < text.index("Người khai") < text.index("XÁC NHẬN CỦA ỦY BAN NHÂN DÂN")
        assert text.count(doc.fields["marital_status"]) == 2
        assert text.count(date_long(issued)) == 1 and "ỦY BAN NHÂN DÂN\n" not in page.text_content()[:60]


def test_grid_confirmation_prints_its_number_with_the_document_sign() -> None:
    for seed in range(4):
        doc, page = drawn("ms-luoi-2025", seed)
        number = doc.fields["number"]
        assert number.split("/")[0].isdigit() and number.endswith("XNTTHN")
        assert doc.fields["issue_date"] >= "2025-07-01" and len(doc.fields["personal_id"]) == 12
        text = page.text_content()
        assert f"Số: {number}" in text and "Mục đích sử dụng" in text and "Nơi nhận:" in text


def test_certified_copy_has_its_own_number_and_date() -> None:
    rng = random.Random(11)
    doc = id_card.build(rng, family="card-ban-sao-chung-thuc")
    assert doc.show["copy"] and doc.show["certified"] >= date.fromisoformat(doc.fields["issue_date"])
    (page,) = id_card.draw(doc, 80, rng)
    assert page.image.size == (page.px(210), page.px(297))
    text = page.text_content()
    assert "CHỨNG THỰC BẢN SAO ĐÚNG VỚI BẢN CHÍNH" in text and f"Quyển số: {doc.show['cert_book']}" in text
    assert "Nơi đăng ký khai sinh/Place of birth:" in text and "BẢN SAO" in text
