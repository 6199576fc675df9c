"""The ninth round of held-out layout families (samples/layouts/round9/): each is registered as held-out,
generates a readable file at every tier whose truth names it and has exactly its type's keys, prints the values
of its truth, and draws the structure that makes it a family of its own."""

from __future__ import annotations

import random
from datetime import date
from itertools import accumulate
from pathlib import Path

import pytest

from samples import families
from samples.canvas import Page
from samples.compose import LAYOUTS
from samples.layouts import birth_certificate, birth_register, id_card
from samples.layouts.round7.kit import figures
from samples.layouts.round9 import FAMILY_NAMES
from samples.layouts.round9 import birth_certificate as sheets
from samples.layouts.round9 import birth_register as books
from samples.layouts.round9 import death_extract as rows
from samples.layouts.round9 import id_card as photos
from samples.layouts.round9 import marital_status as blanks
from samples.layouts.round9 import marriage_certificate as foot
from tests.samples.rounds import assert_generates_at_every_tier, assert_registered, drawn
from tests.samples.rounds import assert_printed as _printed_in
from tests.samples.rounds import columns as _columns_of
from tests.samples.rounds import joined as _joined
from tests.samples.rounds import readings as _readings

SCHEMA_OF = {f.name: f.schema for f in families.all_families()}
TIERS = ("clean", "scan", "hard")
FORMS = [name for name in FAMILY_NAMES if SCHEMA_OF[name] not in ("citizen_id_card", "birth_register")]
CARDS = [name for name in FAMILY_NAMES if SCHEMA_OF[name] == "citizen_id_card"]
REGISTERS = [name for name in FAMILY_NAMES if SCHEMA_OF[name] == "birth_register"]


def test_every_round9_family_is_registered_as_heldout() -> None:
    assert_registered(FAMILY_NAMES, "heldout")
    schemas = [SCHEMA_OF[name] for name in FAMILY_NAMES]
    assert schemas.count("marital_status_confirmation") == schemas.count("birth_register") == 2 and len(CARDS) == 1


@pytest.mark.parametrize("family", FAMILY_NAMES)
def test_family_generates_at_every_tier_and_its_truth_names_it(tmp_path: Path, family: str) -> None:
    assert_generates_at_every_tier(tmp_path, family, 7901, "heldout")




def _written(page: Page) -> list[str]:
    """The page read with every handwritten value put back on its dotted line (the baselines rounded up to the
    line's within ``blanks.RISE`` + 0.6 mm)."""
    lifted = Page(1, 1, 10)
    lines = sorted({round(y, 2) for y, _, _ in page.pieces})
    for y, x, text in page.pieces:
        base = min((line for line in lines if 0 <= line - y <= blanks.RISE + 0.6), default=y, key=lambda v: v - y)
        lifted.pieces.append((base if base != y else y, x, text))
    return [_joined(lifted.text_content(tolerance=blanks.RISE + 0.7))]


@pytest.mark.parametrize("family", FORMS)
def test_form_prints_every_value_of_its_truth(family: str) -> None:
    for seed in range(8):
        doc, page = drawn(family, seed)
        bottom = sheets.SHEET[1] if family == "bc-trich-luc-a5-ngang" else 292
        assert max(y for y, _, _ in page.pieces) < bottom
        readings = _readings(page)
        if family == "ms-viet-tay-tren-cham":
            readings += _written(page)
        if family == "de-trich-so-mot-dong":
            for band in rows.BANDS:
                readings += _columns_of(page, list(accumulate((w for _, w, _ in band), initial=20.0)))
        _printed_in(doc.fields, readings, f"{family} seed {seed}")


@pytest.mark.parametrize("family", CARDS)
def test_card_prints_every_value_of_its_truth(family: str) -> None:
    for seed in range(4):
        rng = random.Random(f"{family}:{seed}")
        doc = id_card.build(rng, family=family)
        (page,) = id_card.draw(doc, 80, rng)
        printed = {k: v for k, v in doc.fields.items() if k != "date_of_birth"}
        _printed_in(printed, _readings(page), f"{family} seed {seed}")
        born = date.fromisoformat(doc.fields["date_of_birth"])
        assert f"{born.day:02d}/{born.month:02d}/{born.year}" in page.text_content()


@pytest.mark.parametrize("family", REGISTERS)
def test_register_prints_every_value_of_its_entries(family: str) -> None:
    rng = random.Random(f"{family}:pages")
    doc = birth_register.build(rng, family=family, pages=2)
    pages = birth_register.draw(doc, 60, rng)
    assert len(pages) == 2 and pages[0].image.size == (pages[0].px(297), pages[0].px(210))
    if family == "br-ngay-dau-nhom-1990s":
        edges = list(accumulate((w for _, w, _ in books.GROUPED), initial=books.GROUPED_X0))
    else:
        edges = list(accumulate((column.width for column in books.COMBINED), initial=books.COMBINED_X0))
    readings = [r for page in pages for r in [*_readings(page), *_columns_of(page, edges)]]
    text = _joined(" ".join(p.text_content() for p in pages))
    assert doc.fields["registration_authority"] in text and f"Quyển số: {doc.fields['book']}" in text
    for entry in doc.entries:
        assert all(value is not None or key == "father_name" for key, value in entry.items()), entry
        _printed_in(entry, readings, family)


def test_landscape_extract_puts_the_child_left_and_the_parents_right() -> None:
    for seed in range(6):
        rng = random.Random(seed)
        doc = birth_certificate.build(rng, family="bc-trich-luc-a5-ngang")
        (page,) = birth_certificate.draw(doc, 50, rng)
        assert page.image.size == (page.px(210), page.px(148))
        f = doc.fields
        at = {piece: (y, x) for y, x, piece in page.pieces}
        lines = page.text_content().splitlines()
        child = next(x for y, x, piece in page.pieces if piece == f"Họ, chữ đệm, tên: {f['full_name']}")
        mother = next((y, x) for y, x, piece in page.pieces if piece == f"Họ, chữ đệm, tên: {f['mother_name']}")
        assert child < sheets.RIGHT_COLUMN[0] <= mother[1] and at["MẸ"][1] == sheets.RIGHT_COLUMN[0]
        assert at["NGƯỜI ĐƯỢC KHAI SINH"][0] == at["MẸ"][0] < mother[0]
        assert at[f"Số: {f['number']}"][0] < at["TRÍCH LỤC KHAI SINH"][0] < at["NGƯỜI ĐƯỢC KHAI SINH"][0]
        assert any(line.startswith("Năm sinh:") and "Dân tộc:" in line and "Quốc tịch:" in line for line in lines)


def test_marriage_certificate_keeps_its_number_and_book_at_the_foot() -> None:
    for seed in range(6):
        doc, page = drawn("mc-so-quyen-cuoi-trang", seed)
        f = doc.fields
        assert "2006" <= f["registration_date"] < "2016"
        at = {piece: (y, x) for y, x, piece in page.pieces}
        number, book = at[f"Số: {f['number']}"], at[f"Quyển số: {f['book']}"]
        assert number[0] == book[0] == foot.FOOT and number[1] == 20.0 < book[1] < 105
        assert max(y for y, _, _ in page.pieces) == foot.FOOT and at["GIẤY CHỨNG NHẬN KẾT HÔN"][0] < 60
        lines = page.text_content().splitlines()
        assert f"Họ và tên chồng: {f['husband_name']}" in lines and f"Họ và tên vợ: {f['wife_name']}" in lines
        three = [line for line in lines if line.startswith("Ngày sinh:") and "Dân tộc:" in line
                 and "Quốc tịch:" in line]
        assert len(three) == 2


def test_death_extract_copies_one_register_row_with_values_under_the_heads() -> None:
    for seed in range(6):
        doc, page = drawn("de-trich-so-mot-dong", seed)
        f, s = doc.fields, doc.show
        text = page.text_content()
        assert "(Trích từ Sổ đăng ký khai tử)" in text and f"Quyển số: {s['book']}" in text
        for band in rows.BANDS:
            x = 20.0
            for head, width, key in band:
                first = page.wrap(head, width - 3.6, width - 3.6, "bold", rows.PT)[0]
                tops = [y for y, px, piece in page.pieces if piece == first and x < px < x + width]
                value = rows.cell_text(doc, key)
                if value:
                    line = page.wrap(value, width - 3.6, width - 3.6, "typed", rows.PT)[0]
                    assert tops and any(piece == line and x < px < x + width and y > min(tops) + 3
                                        for y, px, piece in page.pieces), (key, value)
                x += width
        assert f"Họ và tên người chết: {f['full_name']}" not in text and "Ngày đăng ký:" not in text


def test_ticked_confirmation_crosses_one_square_and_prints_every_choice() -> None:
    for seed in range(8):
        rng = random.Random(seed)
        doc = LAYOUTS["marital_status_confirmation"].build(rng, family="ms-muc-dich-o-vuong")
        f, s = doc.fields, doc.show
        assert f["purpose"] == (blanks.CHOICES + [f["purpose"]])[s["ticked"]]
        assert s["ticked"] < len(blanks.CHOICES) or f["purpose"] in blanks.OTHER_PURPOSES
        _, page = drawn("ms-muc-dich-o-vuong", seed)
        text = page.text_content()
        assert all(choice in text for choice in blanks.CHOICES) and "Mục đích sử dụng:" not in text
        (page,) = LAYOUTS["marital_status_confirmation"].draw(doc, 100, random.Random(0))
        dark = []
        for y, x, piece in page.pieces:
            option = piece.removeprefix(f"{blanks.OTHER} ") if piece.startswith(blanks.OTHER) else piece
            if option in blanks.CHOICES or piece.startswith(blanks.OTHER):
                box = page.image.crop((page.px(x - blanks.BOX - 1.8 + 0.9), page.px(y - blanks.BOX + 1.2),
                                       page.px(x - 1.8 - 0.9), page.px(y - 0.6))).convert("L")
                dark.append((option if option in blanks.CHOICES else f["purpose"], box.getextrema()[0]))
        assert len(dark) == len(blanks.CHOICES) + 1
        assert [option for option, ink in dark if ink < 128] == [f["purpose"]]


def test_handwritten_blank_writes_every_value_above_its_dotted_line() -> None:
    for seed in range(6):
        doc, page = drawn("ms-viet-tay-tren-cham", seed)
        f = doc.fields
        assert "2006" <= f["issue_date"] < "2016" and len(f["personal_id"]) == 9
        at = {piece: (y, x) for y, x, piece in page.pieces}
        for label, value in (("Ông/Bà:", f["full_name"]), ("Sinh ngày:", figures(f["date_of_birth"])),
                             ("Giấy CMND số:", f["personal_id"])):
            assert 0.5 < at[label][0] - at[value][0] < blanks.RISE + 0.6 and at[value][1] > at[label][1]
        assert f"Ông/Bà: {f['full_name']}" not in page.text_content()


def test_photograph_lays_the_sides_side_by_side_turned_together() -> None:
    for seed in range(4):
        rng = random.Random(seed)
        doc = id_card.build(rng, family="card-cmnd-12-anh-chup")
        assert 1.5 <= abs(doc.show["turn"]) <= 4.0 and len(doc.fields["personal_id"]) == 12
        assert doc.fields["nationality"] is None and "2012-10-01" <= doc.fields["issue_date"] <= "2016-06-30"
        (page,) = id_card.draw(doc, 50, rng)
        assert page.image.size == (page.px(photos.PHOTO[0]), page.px(photos.PHOTO[1]))
        (fx, fy), (bx, by) = photos.centres(doc)
        at = {piece: (y, x) for y, x, piece in page.pieces}
        assert at["CHỨNG MINH NHÂN DÂN"][1] < (fx + bx) / 2 < at["ĐẶC ĐIỂM NHẬN DẠNG"][1]
        slope = (fy - by) / (bx - fx)
        assert slope * doc.show["turn"] > 0  # the line through the centres turned with the pair


def test_day_group_register_heads_each_day_and_numbers_in_the_margin() -> None:
    rng = random.Random(5)
    doc = birth_register.build(rng, family="br-ngay-dau-nhom-1990s", pages=2)
    pages = birth_register.draw(doc, 50, rng)
    first = 0
    for page, count in zip(pages, doc.show["per_page"], strict=True):
        lines = page.text_content().splitlines()
        assert not any("Ngày đăng ký" in line or line.startswith("Số ") for line in lines)
        at = {piece: (y, x) for y, x, piece in page.pieces}
        for index in range(first, first + count):
            entry = doc.entries[index]
            number, name = at[entry["number"]], at[entry["full_name"]]
            assert number[1] < books.GROUPED_X0 < name[1] and abs(number[0] - name[0]) < 0.5
            headings = [y for y, _, piece in page.pieces
                        if piece.startswith(books.day_heading(entry["registration_date"], False)) and y < name[0]]
            assert headings, entry
        first += count
    days = sorted({e["registration_date"] for e in doc.entries})
    text = " ".join(p.text_content() for p in pages)
    assert all(books.day_heading(day, False) in text for day in days)


def test_combined_register_prints_each_parents_facts_under_the_name() -> None:
    rng = random.Random(8)
    doc = birth_register.build(rng, family="br-cot-cha-me-gop-2020", pages=2)
    pages = birth_register.draw(doc, 50, rng)
    edges = list(accumulate((column.width for column in books.COMBINED), initial=books.COMBINED_X0))
    first = 0
    for page, count in zip(pages, doc.show["per_page"], strict=True):
        columns = _columns_of(page, edges, top=40.0)
        for index in range(first, first + count):
            entry, facts = doc.entries[index], doc.show["facts"][index]
            assert f"{entry['mother_name']} {facts['mother_facts']}" in columns[7]
            assert facts["mother_facts"].endswith(f" - {entry['ethnicity']} - Việt Nam")
            assert f"{entry['ethnicity']} - {entry['nationality']}" in columns[5]
            if entry["father_name"]:
                assert f"{entry['father_name']} {facts['father_facts']}" in columns[8]
            else:
                assert facts["father_facts"] == ""
        first += count
