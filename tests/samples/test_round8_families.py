"""The eighth round of layout families (samples/layouts/round8/, retired into tuning): each is registered as tuning,
generates a readable file at every tier whose truth names it and has exactly its type's keys, prints the values
of its truth, and draws the structure that makes it a family of its own."""

from __future__ import annotations

import random
from datetime import date
from itertools import accumulate
from pathlib import Path

import pytest

from samples import families
from samples.layouts import birth_register, id_card
from samples.layouts.round7.kit import figures
from samples.layouts.round8 import FAMILY_NAMES
from samples.layouts.round8 import birth_register as books
from samples.layouts.round8 import death_extract as deaths
from samples.layouts.round8 import marriage_certificate as centre
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


def test_every_round8_family_is_registered_and_retired_into_tuning() -> None:
    """Scored once as held-out (docs/evaluation.md), then retired into tuning when round 9 was made."""
    assert_registered(FAMILY_NAMES, "tuning")
    schemas = [SCHEMA_OF[name] for name in FAMILY_NAMES]
    assert schemas.count("marital_status_confirmation") == schemas.count("birth_register") == 2 and len(CARDS) == 1


@pytest.mark.parametrize("family", FAMILY_NAMES)
def test_family_generates_at_every_tier_and_its_truth_names_it(tmp_path: Path, family: str) -> None:
    assert_generates_at_every_tier(tmp_path, family, 7801, "tuning")




@pytest.mark.parametrize("family", FORMS)
def test_form_prints_every_value_of_its_truth(family: str) -> None:
    for seed in range(8):
        doc, page = drawn(family, seed)
        assert max(y for y, _, _ in page.pieces) < 292
        readings = _readings(page)
        if family == "mc-nhan-giua-1998":
            readings += _columns_of(page, [centre.HUSBAND[0], centre.HUSBAND[1] + 1, centre.WIFE[0] - 1, 210])
        _printed_in(doc.fields, readings, f"{family} seed {seed}")


@pytest.mark.parametrize("family", CARDS)
def test_card_prints_every_value_of_its_truth(family: str) -> None:
    for seed in range(4):
        rng = random.Random(f"{family}:{seed}")
        doc = id_card.build(rng, family=family)
        (page,) = id_card.draw(doc, 80, rng)
        _printed_in(doc.fields, _readings(page), f"{family} seed {seed}")


@pytest.mark.parametrize("family", REGISTERS)
def test_register_prints_every_value_of_its_entries(family: str) -> None:
    rng = random.Random(f"{family}:pages")
    doc = birth_register.build(rng, family=family, pages=2)
    pages = birth_register.draw(doc, 60, rng)
    assert len(pages) == 2 and pages[0].image.size == (pages[0].px(297), pages[0].px(210))
    if family == "br-hai-dong-cha-me":
        edges = list(accumulate((w for _, w, _ in books.UPPER), initial=books.X0))
    else:
        edges = list(accumulate((column.width for column in books.HANDWRITTEN), initial=books.X0))
    readings = [r for page in pages for r in [*_readings(page), *_columns_of(page, edges)]]
    text = _joined(" ".join(p.text_content() for p in pages))
    assert f"Nơi đăng ký: {doc.fields['registration_authority']}" in text
    assert f"Quyển số: {doc.fields['book']}" in text
    for entry in doc.entries:
        assert all(value is not None or key == "father_name" for key, value in entry.items()), entry
        _printed_in(entry, readings, family)


def test_database_extract_reads_as_a_table_of_labels_and_values_with_a_qr_box() -> None:
    for seed in range(6):
        doc, page = drawn("bc-trich-luc-qr-2023", seed)
        f, s = doc.fields, doc.show
        assert s["extract_date"] >= date.fromisoformat(f["registration_date"])
        assert s["extract_date"] >= date(2023, 1, 1)
        text = page.text_content()
        lines = text.splitlines()
        assert f"Mã số: {s['extract_code']}" in lines and "(Bản sao)" in lines
        body = text.split(f"Quyển số: {f['book']}", 1)[1].split("Trích lục này")[0]
        assert ":" not in body  # no colon after Số and Quyển số
        assert f"Họ, chữ đệm, tên {f['full_name']}" in lines and f"Họ, chữ đệm, tên {f['mother_name']}" in lines
        tabs = {round(x, 1) for _, x, piece in page.pieces if piece in (f["full_name"], f["mother_name"],
                                                                      f["registration_authority"])}
        assert len(tabs) == 1
        assert lines.index("Người được khai sinh") < lines.index("Mẹ") < lines.index("Cha") < lines.index(
            "Đăng ký khai sinh")


def test_1998_marriage_certificate_prints_the_labels_once_between_the_spouses() -> None:
    for seed in range(6):
        doc, page = drawn("mc-nhan-giua-1998", seed)
        f = doc.fields
        assert "1998" <= f["registration_date"] < "2006"
        assert all(f[f"{k}_personal_id"] is None or len(f[f"{k}_personal_id"]) == 9 for k in ("husband", "wife"))
        at = {piece: (y, x) for y, x, piece in page.pieces}
        label = at["Họ và tên"]
        husband, wife = at[f["husband_name"]], at[f["wife_name"]]
        assert husband[1] < label[1] < wife[1] and abs(husband[0] - label[0]) < 0.5 > abs(wife[0] - label[0])
        text = page.text_content()
        assert "Bên chồng Bên vợ" in text.splitlines()
        assert text.count("Họ và tên") == 1 and text.count("Ngày, tháng, năm sinh") == 1
        assert f"Họ và tên: {f['husband_name']}" not in text and text.startswith("UBND ")


def test_death_extract_tells_the_number_and_the_notice_in_one_sentence() -> None:
    for seed in range(6):
        doc, page = drawn("de-giay-bao-tu-mot-cau", seed)
        f, s = doc.fields, doc.show
        assert f["date_of_death"] <= s["notice_date"].isoformat() <= f["registration_date"]
        text = _joined(page.text_content())
        sentence = deaths.sentence(doc)
        assert f["personal_id"] in sentence and sentence in text and f"Giấy báo tử số {s['notice']} do" in sentence
        assert text.count(f["personal_id"]) == 1 and "Số định danh cá nhân:" not in text
        assert "Quyển số" not in text and f"Ngày đăng ký: {figures(f['registration_date'])}" in text


def test_portal_confirmation_numbers_its_items_and_dates_only_its_signature() -> None:
    for seed in range(6):
        doc, page = drawn("ms-dvc-danh-so", seed)
        f, s = doc.fields, doc.show
        assert f["issue_date"] >= "2022"
        lines = page.text_content().splitlines()
        numbered = [line for line in lines if line[:1].isdigit() and ". " in line[:4]]
        assert [line.split(".")[0] for line in numbered] == [str(k) for k in range(1, 10)]
        assert numbered[0] == f"1. Họ, chữ đệm, tên: {f['full_name']}"
        assert any(line.startswith("8. Tình trạng hôn nhân:") for line in numbered)
        text = _joined(page.text_content())
        issued = date.fromisoformat(f["issue_date"])
        assert "ngày" not in text.split("xác nhận:")[0].split("Hạnh phúc")[1]
        assert f"Thời gian ký: {s['signed_at']} ngày {figures(f['issue_date'])}" in text
        assert f"tháng {issued.month:02d} năm" not in text and f"tháng {issued.month} năm" not in text
        assert f"Mã xác thực: {s['verification']}" in text


def test_period_confirmation_tells_the_status_of_an_earlier_address() -> None:
    for seed in range(6):
        doc, page = drawn("ms-thoi-ky-cu-tru", seed)
        f, s = doc.fields, doc.show
        start, end = s["period"]
        assert start < end <= date.fromisoformat(f["issue_date"]) and s["earlier"] != f["residence"]
        text = _joined(page.text_content())
        assert f"Nơi cư trú hiện nay: {f['residence']}" in text
        assert (f"Trong thời gian cư trú tại {s['earlier']} từ ngày {figures(start.isoformat())} đến ngày "
                f"{figures(end.isoformat())}, {s['title']} {f['full_name'].title()} {f['marital_status']}.") in text
        assert "Tình trạng hôn nhân" not in text


def test_photocopy_puts_the_front_above_the_back_each_turned_on_its_own() -> None:
    for seed in range(4):
        rng = random.Random(seed)
        doc = id_card.build(rng, family="card-cccd-2016-photo-a4")
        (first, second) = doc.show["sides_at"]
        assert first[1] + 54 < second[1] and doc.show["copy"]
        (page,) = id_card.draw(doc, 50, rng)
        assert page.image.size == (page.px(210), page.px(297))
        at = {piece: (y, x) for y, x, piece in page.pieces}
        assert at["CĂN CƯỚC CÔNG DÂN"][0] < 100 < at["Đặc điểm nhân dạng:"][0] < 160
        assert at[doc.fields["personal_id"]][0] < at["Đặc điểm nhân dạng:"][0]
        pixels = page.image.convert("L").getextrema()
        assert pixels[1] < 245  # grey paper of a photocopy


def test_two_row_register_puts_the_parents_under_the_child() -> None:
    rng = random.Random(4)
    doc = birth_register.build(rng, family="br-hai-dong-cha-me", pages=2)
    pages = birth_register.draw(doc, 50, rng)
    first = 0
    for page, count in zip(pages, doc.show["per_page"], strict=True):
        lines = page.text_content().splitlines()
        assert "Họ và tên cha Họ và tên mẹ" in lines
        at = {piece: (y, x) for y, x, piece in page.pieces}
        for entry in doc.entries[first: first + count]:
            child, mother = at[entry["full_name"]], at[entry["mother_name"]]
            assert child[0] + 2 < mother[0] < child[0] + 12
            assert mother[1] > books.X0 + sum(w for _, w, _ in books.UPPER[:books.SPLIT])
            if entry["father_name"]:
                assert at[entry["father_name"]][1] < books.X0 + 5 and abs(at[entry["father_name"]][0] - mother[0]) < 0.5
        first += count


def test_handwritten_register_keeps_the_number_in_its_certificate_column() -> None:
    rng = random.Random(6)
    doc = birth_register.build(rng, family="br-so-quyen-gks-2000s", pages=2)
    pages = birth_register.draw(doc, 50, rng)
    header = pages[0].text_content().splitlines()[2]
    assert header.startswith("STT Họ và tên người được Nam/Nữ") and header.endswith("Ghi chú")
    edges = list(accumulate((column.width for column in books.HANDWRITTEN), initial=books.X0))
    first = 0
    for page, count in zip(pages, doc.show["per_page"], strict=True):
        columns = _columns_of(page, edges, top=28.0)
        assert columns[0].split()[1:] == [str(k) for k in range(1, count + 1)]  # "STT" and the page's index
        numbers = columns[10]
        for entry in doc.entries[first: first + count]:
            assert f"Số {entry['number']} Q.{doc.show['book_short']}" in numbers
        first += count
    assert books.HAND_STYLE.cell_style == "italic" and books.HAND_STYLE.jitter > 0
