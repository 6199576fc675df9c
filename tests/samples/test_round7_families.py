"""The seventh round of layout families (samples/layouts/round7/, retired into tuning): each is registered as tuning,
generates a readable file at every tier whose truth names it and has exactly its type's keys, prints the values
of its truth, and draws the structure that makes it a family of its own."""

from __future__ import annotations

import random
from datetime import date
from itertools import accumulate, pairwise
from pathlib import Path

import pytest

from samples import families
from samples.canvas import Page
from samples.layouts import birth_register, id_card
from samples.layouts.round7 import FAMILY_NAMES
from samples.layouts.round7 import birth_register as books
from samples.layouts.round7 import marriage_certificate as tables
from samples.layouts.round7.kit import figures
from samples.vntext import date_long
from tests.samples.rounds import assert_generates_at_every_tier, assert_registered, drawn, printed
from tests.samples.rounds import joined as _joined
from tests.samples.rounds import readings as _readings

SCHEMA_OF = {f.name: f.schema for f in families.all_families()}
TIERS = ("clean", "scan", "hard")
FORMS = [name for name in FAMILY_NAMES if SCHEMA_OF[name] not in ("citizen_id_card", "birth_register")]
CARDS = [name for name in FAMILY_NAMES if SCHEMA_OF[name] == "citizen_id_card"]
REGISTERS = [name for name in FAMILY_NAMES if SCHEMA_OF[name] == "birth_register"]
LEFT, RIGHT = 20.0, 192.0


def test_every_round7_family_is_registered_and_retired_into_tuning() -> None:
    """Scored once as held-out (docs/evaluation.md), then retired into tuning when round 8 was made."""
    assert_registered(FAMILY_NAMES, "tuning")
    schemas = [SCHEMA_OF[name] for name in FAMILY_NAMES]
    assert schemas.count("birth_certificate") == schemas.count("birth_register") == 2 and len(CARDS) == 1


@pytest.mark.parametrize("family", FAMILY_NAMES)
def test_family_generates_at_every_tier_and_its_truth_names_it(tmp_path: Path, family: str) -> None:
    assert_generates_at_every_tier(tmp_path, family, 7701, "tuning")




def _assert_printed(values: dict, readings: list[str], where: str) -> None:
    for key, value in values.items():
        if value is not None:
            assert any(_joined(form).casefold() in text.casefold() for form in printed(key, value)
                       for text in readings), (where, key, value)


def _columns(page: Page, edges: list[float]) -> list[str]:
    """The page text, and the text of each column between ``edges`` (a cell's wrapped lines follow each other)."""
    columns = [Page(1, 1, 10) for _ in edges[1:]]
    for column, (left, right) in zip(columns, pairwise(edges), strict=True):
        column.pieces = [p for p in page.pieces if left <= p[1] < right]
    return [_joined(page.text_content()), *(_joined(column.text_content()) for column in columns)]


@pytest.mark.parametrize("family", FORMS)
def test_form_prints_every_value_of_its_truth(family: str) -> None:
    for seed in range(8):
        doc, page = drawn(family, seed)
        assert max(y for y, _, _ in page.pieces) < 292
        readings = _readings(page)
        if family == "mc-bang-anh-chi-1980s":
            readings += _columns(page, list(accumulate((c[1] for c in tables.COLUMNS), initial=LEFT)))
        _assert_printed(doc.fields, readings, f"{family} seed {seed}")


@pytest.mark.parametrize("family", CARDS)
def test_card_prints_every_value_of_its_truth(family: str) -> None:
    for seed in range(4):
        rng = random.Random(f"{family}:{seed}")
        doc = id_card.build(rng, family=family)
        (page,) = id_card.draw(doc, 80, rng)
        _assert_printed(doc.fields, _readings(page), f"{family} seed {seed}")


@pytest.mark.parametrize("family", REGISTERS)
def test_register_prints_every_value_of_its_entries(family: str) -> None:
    rng = random.Random(f"{family}:pages")
    doc = birth_register.build(rng, family=family, pages=2)
    pages = birth_register.draw(doc, 60, rng)
    assert len(pages) == 2 and pages[0].image.size == (pages[0].px(297), pages[0].px(210))
    edges = list(accumulate((column.width for column in books.COLUMNS), initial=books.X0))
    readings = [r for page in pages for r in [*_readings(page), *_columns(page, edges)]]
    text = _joined(" ".join(p.text_content() for p in pages))
    assert f"Nơi đăng ký: {doc.fields['registration_authority']}" in text
    assert f"Quyển số: {doc.fields['book']}" in text
    for entry in doc.entries:
        assert all(value is not None or key == "father_name" for key, value in entry.items()), entry
        _assert_printed(entry, readings, family)


def test_birth_recorded_from_abroad_keeps_the_foreign_registration_apart() -> None:
    for seed in range(6):
        doc, page = drawn("bc-ghi-chu-nuoc-ngoai", seed)
        f, s = doc.fields, doc.show
        recorded = date.fromisoformat(f["registration_date"])
        assert s["abroad_date"] < recorded and f["place_of_birth"].endswith(s["abroad"][0])
        unit = f["registration_authority"].removeprefix("Ủy ban nhân dân ").split(",")[0]
        assert unit.startswith(("huyện", "thị xã", "thành phố")) == (recorded < date(2025, 7, 1))
        text = _joined(page.text_content())
        assert "TRÍCH LỤC GHI CHÚ KHAI SINH" in text and f"Số giấy khai sinh: {s['abroad_number']}" in text
        foreign = text.index("Đã đăng ký khai sinh tại cơ quan có thẩm quyền của nước ngoài")
        assert foreign < text.index(f"Ngày cấp: {figures(s['abroad_date'].isoformat())}")
        assert foreign < text.index(f"Nơi ghi chú khai sinh: {f['registration_authority']}")
        assert f"Ngày ghi vào Sổ hộ tịch: {figures(f['registration_date'])}" in text
        assert text.index("người mẹ") < text.index("người cha") < foreign


def test_grid_certificate_gives_the_registration_first_and_the_parents_as_columns() -> None:
    for seed in range(6):
        doc, page = drawn("bc-luoi-cha-me", seed)
        f = doc.fields
        text = page.text_content()
        lines = text.splitlines()
        assert f"Số {f['number']} Quyển số {f['book']}" in lines and "Thông tin Mẹ Cha" in lines
        assert text.index("I. THÔNG TIN ĐĂNG KÝ") < text.index("II. NGƯỜI ĐƯỢC KHAI SINH") < text.index("III. CHA, MẸ")
        assert ":" not in text.split("GIẤY KHAI SINH", 1)[1].split("III. CHA, MẸ")[0]
        at = {piece: (y, x) for y, x, piece in page.pieces}
        mother = at[f["mother_name"]]
        assert mother[0] > at["Thông tin"][0]
        if f["father_name"] and f["father_name"] != f["mother_name"]:
            father = at[f["father_name"]]
            assert abs(father[0] - mother[0]) < 0.5 and mother[1] < father[1]


def test_1980s_marriage_certificate_tells_the_registration_before_the_spouses_table() -> None:
    for seed in range(6):
        doc, page = drawn("mc-bang-anh-chi-1980s", seed)
        f = doc.fields
        assert f["registration_date"] < "1998"
        assert all(f[f"{k}_personal_id"] is None or len(f[f"{k}_personal_id"]) == 9 for k in ("husband", "wife"))
        text = page.text_content()
        registered = date.fromisoformat(f["registration_date"])
        lines = text.splitlines()
        husband = next(k for k, line in enumerate(lines) if line.startswith("Anh "))
        wife = next(k for k, line in enumerate(lines) if line.startswith("Chị "))
        assert husband < wife and lines[husband].split()[1] == f["husband_name"].split()[0]
        assert _joined(text).index(date_long(registered)) < _joined(text).index(lines[husband])
        assert "Họ và tên Ngày, tháng, Dân tộc Quốc tịch Nghề nghiệp Số giấy CMND Nơi thường trú" in lines
        assert "Chồng" not in text and "Vợ" not in text and text.startswith("UBND ")


def test_late_death_registration_names_two_witnesses_and_tells_the_death_in_a_sentence() -> None:
    for seed in range(6):
        doc, page = drawn("de-qua-han-nhan-chung", seed)
        f, s = doc.fields, doc.show
        assert f["date_of_death"] < "2013" and f["registration_date"] >= "2016"
        assert f["personal_id"] is None or len(f["personal_id"]) == 9
        text = _joined(page.text_content())
        died = date.fromisoformat(f["date_of_death"])
        assert f"phút, {date_long(died)}, tại {f['place_of_death']}; nguyên nhân:" in text
        assert "Nơi chết" not in text and "Ghi chú: Đăng ký khai tử quá hạn" in text
        witnesses = text.index("NGƯỜI LÀM CHỨNG")
        assert all(witnesses < text.index(w["name"]) < text.index("người đi khai tử") for w in s["witnesses"])


def test_confirmation_lists_the_past_marriages_under_the_present_status() -> None:
    seen = set()
    for seed in range(10):
        doc, page = drawn("ms-qua-trinh-hon-nhan", seed)
        f, s = doc.fields, doc.show
        text = page.text_content()
        joined = _joined(text)
        assert joined.index(f"Tình trạng hôn nhân: {f['marital_status']}") < joined.index("Quá trình hôn nhân:")
        assert any(line.startswith("STT Họ, chữ đệm, tên") for line in text.splitlines())
        assert joined.index("Quá trình hôn nhân:") < joined.index("Giấy này được cấp để")
        rows = [line for line in text.splitlines() if line.split()[0] in ("1", "2")]
        assert len(rows) == len(s["marriages"])
        lasting = s["marriages"][-1][3] == "Đang chung sống"
        assert f["marital_status"].startswith("Đang có") == lasting
        if lasting:
            assert f["marital_status"].endswith(s["marriages"][-1][0].title())
        seen.add(lasting)
    assert seen == {True, False}


def test_id_number_paper_ties_the_old_number_to_the_card_in_a_sentence() -> None:
    for seed in range(4):
        rng = random.Random(seed)
        doc = id_card.build(rng, family="card-xac-nhan-so-cmnd")
        f, s = doc.fields, doc.show
        assert f["nationality"] is f["expiry_date"] is None and len(s["old_id"]) == 9
        assert s["paper_date"] >= date.fromisoformat(f["issue_date"])
        (page,) = id_card.draw(doc, 50, rng)
        assert page.image.size == (page.px(210), page.px(297))
        text = _joined(page.text_content())
        assert f"Số Chứng minh nhân dân đã được cấp: {s['old_id']}" in text
        assert (f"thẻ Căn cước công dân số {f['personal_id']} cấp ngày {figures(f['issue_date'])} là của cùng một "
                "người.") in text and not id_card.EDITIONS["card-xac-nhan-so-cmnd"].sides
        assert text.index(date_long(s["paper_date"])) < text.index("GIẤY XÁC NHẬN SỐ CHỨNG MINH NHÂN DÂN")
        assert "Có giá trị đến" not in text and "Quốc tịch" not in text


def test_two_entry_register_prints_each_entry_as_a_block_of_lines() -> None:
    rng = random.Random(5)
    doc = birth_register.build(rng, family="br-hai-muc-1990s", pages=2)
    assert doc.show["per_page"] == [2, 2] and "1985" < doc.fields["book"].split("/")[1] < "1999"
    pages = birth_register.draw(doc, 50, rng)
    for k, page in enumerate(pages):
        first, second = doc.entries[2 * k: 2 * k + 2]
        lines = page.text_content().splitlines()
        assert f"Số: {first['number']} Số: {second['number']}" in lines
        assert f"Họ và tên: {first['full_name']} Họ và tên: {second['full_name']}" in lines
        text = page.text_content()
        assert text.count("Cán bộ hộ tịch") == 2 and f"Tờ số: {doc.show['first_sheet'] + k:02d}" in text
        left = [x for _, x, text in page.pieces if text.startswith("Nơi sinh")]
        assert len(left) == 2 and min(left) < books.MIDDLE < max(left)


def test_notes_register_has_its_own_column_order_and_a_notes_column() -> None:
    rng = random.Random(2)
    doc = birth_register.build(rng, family="br-cot-ghi-chu", pages=2)
    pages = birth_register.draw(doc, 50, rng)
    header = pages[0].text_content().splitlines()[2]
    assert header.startswith("Số Họ, chữ đệm, tên Số định danh cá Ngày, tháng, Giới Nơi sinh")
    assert header.endswith("Họ, chữ đệm, tên Họ, chữ đệm, tên Ngày đăng Ghi chú thay đổi,")  # mẹ, cha: wrapped
    for index, entry in enumerate(doc.entries):
        pid = doc.show["pids"][index]
        assert pid[4:6] == entry["date_of_birth"][2:4] and len(pid) == 12
    edges = list(accumulate((column.width for column in books.COLUMNS), initial=books.X0))
    readings = [reading for page in pages for reading in _columns(page, edges)]
    notes = [note for note in doc.show["notes"] if note]
    assert notes and all(any(note in reading for reading in readings) for note in notes)
    assert all(any(pid in reading for reading in readings) for pid in doc.show["pids"])
