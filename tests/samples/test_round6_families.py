"""The sixth round of layout families (samples/layouts/round6/, retired into tuning): each is registered as tuning,
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
from samples.compose import LAYOUTS
from samples.layouts import birth_register, id_card
from samples.layouts.round6 import FAMILY_NAMES
from samples.layouts.round6 import birth_register as transcript
from samples.vntext import date_long
from tests.samples.rounds import assert_generates_at_every_tier, assert_registered, drawn, printed
from tests.samples.rounds import joined as _joined
from tests.samples.rounds import readings as _readings

SCHEMA_OF = {f.name: f.schema for f in families.all_families()}
TIERS = ("clean", "scan", "hard")
FORMS = [name for name in FAMILY_NAMES if SCHEMA_OF[name] not in ("citizen_id_card", "birth_register")]
CARDS = [name for name in FAMILY_NAMES if SCHEMA_OF[name] == "citizen_id_card"]
REGISTERS = [name for name in FAMILY_NAMES if SCHEMA_OF[name] == "birth_register"]


def test_every_round6_family_is_registered_and_retired_into_tuning() -> None:
    """Scored once as held-out (docs/evaluation.md), then retired into tuning when round 7 was made."""
    assert_registered(FAMILY_NAMES, "tuning")
    assert len(CARDS) == len(REGISTERS) == 1
    schemas = [SCHEMA_OF[name] for name in FAMILY_NAMES]
    assert schemas.count("birth_certificate") == schemas.count("death_extract") == 2


@pytest.mark.parametrize("family", FAMILY_NAMES)
def test_family_generates_at_every_tier_and_its_truth_names_it(tmp_path: Path, family: str) -> None:
    assert_generates_at_every_tier(tmp_path, family, 6601, "tuning")



def _printed(key: str, value: str) -> list[str]:
    return printed(key, value, old_sex=True, dashed=True)




def _assert_printed(doc, readings: list[str], where: str) -> None:
    for key, value in doc.fields.items():
        if value is not None:
            assert any(_joined(form).casefold() in text.casefold() for form in _printed(key, value)
                       for text in readings), (where, key, value)


@pytest.mark.parametrize("family", FORMS)
def test_form_prints_every_value_of_its_truth(family: str) -> None:
    for seed in range(8):
        doc, page = drawn(family, seed)
        assert max(y for y, _, _ in page.pieces) < 292
        _assert_printed(doc, _readings(page), f"{family} seed {seed}")


@pytest.mark.parametrize("family", CARDS)
def test_card_prints_every_value_of_its_truth(family: str) -> None:
    for seed in range(4):
        rng = random.Random(f"{family}:{seed}")
        doc = id_card.build(rng, family=family)
        (page,) = id_card.draw(doc, 80, rng)
        _assert_printed(doc, _readings(page), f"{family} seed {seed}")


def _cells(page: Page) -> list[str]:
    """The page text, and the text of each column of the table (a cell's wrapped lines follow each other)."""
    edges = list(accumulate((column[1] for column in transcript.COLUMNS), initial=transcript.X0))
    columns = [Page(1, 1, 10) for _ in edges[1:]]
    for column, (left, right) in zip(columns, pairwise(edges), strict=True):
        column.pieces = [p for p in page.pieces if left <= p[1] < right]
    return [_joined(page.text_content()), *(_joined(column.text_content()) for column in columns)]


@pytest.mark.parametrize("family", REGISTERS)
def test_register_prints_every_value_of_its_entries(family: str) -> None:
    rng = random.Random(f"{family}:pages")
    doc = birth_register.build(rng, family=family, pages=2)
    pages = birth_register.draw(doc, 60, rng)
    assert len(pages) == 2 and pages[0].image.size == (pages[0].px(297), pages[0].px(210))
    readings = [r for page in pages for r in _cells(page)]
    text = _joined(" ".join(p.text_content() for p in pages))
    assert f"Nơi đăng ký: {doc.fields['registration_authority']}" in text
    assert f"Quyển số: {doc.fields['book']}" in text
    for entry in doc.entries:
        for key, value in entry.items():
            assert value is not None or key == "father_name", (key, entry)
            if value is not None:
                assert any(_joined(form) in reading for form in _printed(key, value) for reading in readings), \
                    (key, value)


def test_democratic_republic_certificate_prints_ages_and_the_old_committee() -> None:
    for seed in range(6):
        doc, page = drawn("bc-dan-chu-cong-hoa", seed)
        f = doc.fields
        assert f["personal_id"] is f["mother_birth_year"] is f["father_birth_year"] is None
        assert f["registration_authority"].startswith("Ủy ban hành chính ") and f["date_of_birth"] < "1976"
        text = page.text_content()
        lines = text.splitlines()
        assert lines[0] == "VIỆT NAM DÂN CHỦ CỘNG HÒA" and "XÃ HỘI CHỦ NGHĨA" not in text
        assert "Trai hay gái: " + ("Trai" if f["sex"] == "male" else "Gái") in text
        assert "Họ và tên Tuổi Dân tộc Quốc tịch Nghề nghiệp Trú quán" in text
        mother_row = next(line for line in lines if line.startswith("Mẹ "))
        assert mother_row.startswith(f"Mẹ {f['mother_name'].split()[0]} ")  # a long name wraps in its cell
        assert f" {doc.show['ages']['mother']} {f['mother_ethnicity']} {f['mother_nationality']} " in mother_row
        assert text.index("\nCha") < text.index("\nMẹ ") and "TM. ỦY BAN HÀNH CHÍNH" in text


def test_two_column_certificate_puts_the_registration_in_a_band_at_the_foot() -> None:
    for seed in range(4):
        doc, page = drawn("bc-hai-cot-2025", seed)
        f = doc.fields
        assert f["date_of_birth"] >= "2025-07-01" and len(f["personal_id"]) == 12
        at = {text: (y, x) for y, x, text in page.pieces}
        assert at[f["full_name"]][1] < 105 < at[f["mother_name"]][1]  # the child left, the parents right
        assert at["MẸ"][0] < at["CHA"][0] and at[f["personal_id"]][1] < 105
        band = at["Số đăng ký"][0]
        assert band > max(at["CHA"][0], at["Số định danh cá nhân"][0]) and at[f["number"]][0] > band
        assert "Số:" not in page.text_content() and "Họ, chữ đệm, tên:" not in page.text_content()


def test_prose_marriage_certificate_has_no_labels() -> None:
    for seed in range(6):
        doc, page = drawn("mc-van-xuoi-1990s", seed)
        f = doc.fields
        assert all(f[f"{k}_personal_id"] is None or len(f[f"{k}_personal_id"]) == 9 for k in ("husband", "wife"))
        text = _joined(page.text_content())
        assert f"Anh: {f['husband_name']}" in text and f"và chị: {f['wife_name']}" in text
        assert text.index(f"Anh: {f['husband_name']}") < text.index(f"và chị: {f['wife_name']}")
        registered = date.fromisoformat(f["registration_date"])
        assert f"đã đăng ký kết hôn tại {f['registration_authority']}, {date_long(registered)}." in text
        assert "Họ, chữ đệm, tên" not in text and "Họ và tên" not in text and text.startswith("UBND ")


def test_counterfoil_death_certificate_prints_the_year_of_birth_only() -> None:
    module = LAYOUTS["death_extract"]
    for seed in range(5):
        doc, page = drawn("de-cuong-1990s", seed)
        f = doc.fields
        assert f["date_of_birth"] is None
        assert f["personal_id"] is None or len(f["personal_id"]) == 9
        text = page.text_content()
        assert f"Năm sinh: {doc.show['born_year']}" in text and "GIẤY CHỨNG TỬ" in text
        assert "Đã chết vào hồi" in text and f"Tại: {f['place_of_death']}"[:40] in text
        assert "Sê-ri" not in text  # printed up the margin: not a line of the page
    (sheet,) = module.draw(doc, 50, random.Random(0))
    grey = sheet.image.convert("L")
    assert grey.getpixel((sheet.px(4), sheet.px(150))) < 235 < grey.getpixel((sheet.px(100), sheet.px(285)))


def test_numbered_table_extract_gives_the_registration_last() -> None:
    for seed in range(4):
        doc, page = drawn("de-bang-stt-2025", seed)
        assert doc.fields["registration_date"] >= "2025-07-01"
        lines = page.text_content().splitlines()
        assert "STT Nội dung Thông tin" in lines
        numbered = [line.split()[0] for line in lines if line.split()[0].isdigit() and len(line.split()[0]) <= 2]
        assert numbered[:13] == [str(k) for k in range(1, 14)]
        text = "\n".join(lines)
        assert text.index("Nơi mất") < text.index(f"Số đăng ký khai tử {doc.fields['number']}")
        assert "người đã mất" in text and "Số:" not in text


def test_letter_confirmation_has_a_subject_line_and_its_number_sign() -> None:
    for seed in range(8):
        doc, page = drawn("ms-cong-van", seed)
        f = doc.fields
        head, sign = f["number"].split("/", 1)
        assert head.isdigit() and sign == doc.show["sign"]
        text = page.text_content()
        issued = date.fromisoformat(f["issue_date"])
        assert f"Số: {f['number']}" in text and "V/v xác nhận tình trạng hôn nhân" in text
        assert "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN" not in text
        assert text.index(date_long(issued)) < text.index("Kính gửi:") < text.index("- Họ và tên:")
        assert ("- Hộ khẩu thường trú:" in text) == (issued < date(2021, 7, 1))


def test_1990s_card_lies_side_by_side_with_its_own_wordings() -> None:
    for seed, copy in ((1, False), (2, True)):
        rng = random.Random(seed)
        doc = id_card.build(rng, family="card-cmnd-1990s", copy=copy)
        f = doc.fields
        assert len(f["personal_id"]) == 9 and f["sex"] is f["nationality"] is f["expiry_date"] is None
        assert f["issue_date"] < "2000"
        (page,) = id_card.draw(doc, 80, rng)
        text = page.text_content()
        assert "Trú quán" in text and "Tên gọi khác" in text and "thường trú" not in text
        at = {text: (y, x) for y, x, text in page.pieces}
        title, tribe = at["CHỨNG MINH NHÂN DÂN"], at[f"Dân tộc: {doc.show['ethnicity']}"]
        assert abs(title[0] - tribe[0]) < 6  # the two sides at one height
        assert (tribe[1] < title[1]) == copy  # photocopied: the back at the left
        assert (page.image.width > page.image.height) != copy


def test_transcribed_register_has_merged_and_vertical_headers() -> None:
    rng = random.Random(4)
    doc = birth_register.build(rng, family="br-sao-luc-1970s", pages=2)
    assert doc.fields["registration_authority"].startswith("Ủy ban hành chính ")
    first, second = (page.text_content() for page in birth_register.draw(doc, 60, rng))
    assert "(Sao lục từ sổ gốc viết tay)" in first and "NGƯỜI ĐƯỢC KHAI SINH CHA MẸ" in first
    assert "Quốc tịch" not in first and "Trai/Gái" not in first  # set vertically: not a line of the page
    start = doc.show["first_page"]
    assert ("(Tiếp theo trang" in first) == (start > 1) and f"(Tiếp theo trang {start})" in second
    assert f"Trang {start}" in first and f"Trang {start + 1}" in second
    assert f"Cộng trang này: {doc.show['per_page'][0]:02d} trường hợp" in first
    entry = doc.entries[0]
    row = next(line for line in first.splitlines() if line.startswith(f"{entry['number']} "))
    assert ("Trai" if entry["sex"] == "male" else "Gái") in row.split()
    if entry["father_name"]:
        assert row.index(entry["father_name"]) < row.index(entry["mother_name"].split()[0], row.index(
            entry["father_name"]) + 1)
