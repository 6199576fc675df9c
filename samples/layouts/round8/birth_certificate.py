"""Round-8 birth certificate ``bc-trich-luc-qr-2023``: the "TRÍCH LỤC KHAI SINH (Bản sao)" printed from the
national civil-status database (Circular 01/2022/TT-BTP, printed 2023–2026 for a birth registered 2016–2026):
a QR code box at the top left with the extract's code under it ("Mã số trích lục"), Số and Quyển số on one
line under the title; then every item as a row of a two-column "label | value" table without rules: the label
in the left column, the value from one tab stop in the right column (no colon, no leaders), the sections
headed "Người được khai sinh", "Mẹ", "Cha", "Đăng ký khai sinh" in bold italics, so that the parents' items
repeat the same labels ("Họ, chữ đệm, tên", "Năm sinh", "Dân tộc", "Quốc tịch", "Nơi cư trú"); the extract's own
date and signer at the foot ("Trích lục này được cấp từ Cơ sở dữ liệu hộ tịch điện tử"). The extract's date
and code are not the truth's.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_kit
from samples.layouts.common import LEFT, RIGHT, adjusting, national_header, place_date, title
from samples.layouts.form_extras import code_box
from samples.layouts.round7.kit import figures
from samples.layouts.round8.kit import label_table

FAMILIES = {"bc-trich-luc-qr-2023": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"bc-trich-luc-qr-2023": {"2020-form": 75, "2025-form": 25}}
PRINTED = (date(2023, 1, 1), date(2026, 11, 30))  # the days the database printed such extracts
TAB = 66.0  # the value column's tab stop, mm right of the left margin
Build = Callable[..., Doc]


def _show(rng: random.Random, _variant: str) -> dict:
    return {"value_style": rng.choice(["typed", "sans"]), "pt": rng.choice([10.5, 11.0]),
            "extract_heading": rng.choice([["NGƯỜI KÝ TRÍCH LỤC"], ["TL. CHỦ TỊCH", "CÔNG CHỨC TƯ PHÁP - HỘ TỊCH"]])}


def _printed(doc: Doc, rng: random.Random) -> None:
    """The extract's own date (after the registration, inside the database's years) and code."""
    registered = date.fromisoformat(doc.fields["registration_date"])
    start = max(PRINTED[0], registered + timedelta(days=3))
    when = people.random_date(rng, start, max(start, PRINTED[1]))
    doc.show |= {"extract_date": when,
                 "extract_code": f"{rng.randint(10, 99)}{when.strftime('%y%m%d')}{rng.randint(0, 99999):05d}"}


def with_database_extracts(build: Build) -> Build:
    """``build`` of samples/layouts/birth_certificate.py; a ``bc-trich-luc-qr-2023`` extract has its own date."""
    return adjusting(build, FAMILIES, _printed)


def _parent(f: dict, key: str) -> list[tuple[str, str | None]]:
    return [("Họ, chữ đệm, tên", f[f"{key}_name"]), ("Năm sinh", f[f"{key}_birth_year"]),
            ("Dân tộc", f[f"{key}_ethnicity"]), ("Quốc tịch", f[f"{key}_nationality"]),
            ("Nơi cư trú", f[f"{key}_residence"])]


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    pt, value = s["pt"], s["value_style"]
    line = pt * 0.5
    bold = "sansbold" if value == "sans" else "typedbold"
    y = national_header(page, s["header"])
    code_box(page, LEFT, y - 2, f"HT|KS|{f['number']}|{f['book']}|{s['extract_code']}", s["extract_code"], 8.5)
    y = title(page, y + 8, "TRÍCH LỤC KHAI SINH")  # beside the QR box
    page.text(105, y - 3, "(Bản sao)", "italic", 12, align="center")
    page.text(LEFT + 40, y + 5, f"Số: {f['number']}", "regular", 12)
    page.text(118, y + 5, f"Quyển số: {f['book']}", "regular", 12)
    y += 15
    names = frozenset({"Họ, chữ đệm, tên"})
    sections = [
        ("Người được khai sinh", [
            ("Họ, chữ đệm, tên", f["full_name"]), ("Ngày, tháng, năm sinh", figures(f["date_of_birth"])),
            ("Ghi bằng chữ", s["words"]), ("Giới tính", people.sex_label(f["sex"])), ("Dân tộc", f["ethnicity"]),
            ("Quốc tịch", f["nationality"]), ("Nơi sinh", f["place_of_birth"]), ("Quê quán", f["hometown"]),
            ("Số định danh cá nhân", f["personal_id"])]),
        ("Mẹ", _parent(f, "mother")),
        ("Cha", _parent(f, "father")),
        ("Đăng ký khai sinh", [("Nơi đăng ký", f["registration_authority"]),
                               ("Ngày, tháng, năm đăng ký", figures(f["registration_date"]))]),
    ]
    for heading, rows in sections:
        page.text(LEFT, y, heading, "bolditalic", pt)
        y = label_table(page, LEFT + 5, LEFT + TAB, RIGHT, y + line + 0.5, rows, pt, line + 0.4, value, bold,
                        names) + 0.8
    y = form_kit.Form(page, form_kit.Style(pt=11.0, line=5.6)).text_line(
        LEFT, y + 1, "Trích lục này được cấp từ Cơ sở dữ liệu hộ tịch điện tử.", "italic", RIGHT)
    y = place_date(page, 140, y + 2, s["place"], s["extract_date"])
    form_kit.signer_fit(page, 140, y, s["extract_heading"], None, s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"bc-trich-luc-qr-2023": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random, str], dict]] = {"bc-trich-luc-qr-2023": _show}
