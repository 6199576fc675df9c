"""Round-3 birth certificate ``bc-2022-dien-tu``: the electronic copy of a birth registration printed
from the civil-status database after Circular 01/2022/TT-BTP ("bản điện tử"). The registration particulars come
first (number, book, authority, date), then the child's, the mother's and the father's sections under shaded
bars; labels at the left, values at one tab stop without leaders (a blank father section keeps its labels);
the QR code and "Mã số" of the record at the bottom left and the digital-signature box instead of a wet seal.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_extras
from samples.layouts.common import LEFT, RIGHT, national_header, title
from samples.layouts.round3.kit import bar, tab_row
from samples.vntext import date_figures

FAMILIES = {"bc-2022-dien-tu": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"bc-2022-dien-tu": {"2015-form": 20, "2020-form": 55,
                                                                  "2025-form": 25}}
ELECTRONIC_FROM = date(2022, 7, 1)
LAST_DAY = date(2026, 11, 30)


def _show(rng: random.Random, _variant: str) -> dict:
    return {"e_title": rng.choice([["TRÍCH LỤC KHAI SINH", "(Bản điện tử)"], ["GIẤY KHAI SINH", "(BẢN ĐIỆN TỬ)"]]),
            "value_style": rng.choice(["sansbold", "typedbold", "sans"]),
            "code": f"{rng.randint(10**11, 10**12 - 1)}", "tab": rng.choice([78.0, 84.0]),
            "numbered": rng.random() < 0.5, "e_days": rng.randint(0, 900)}


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    pt, line = 11.0, 5.5
    x, tab, end = LEFT + 2, s["tab"], RIGHT
    value = s["value_style"]
    y = national_header(page, s["header"])
    y = title(page, y + 9, s["e_title"][0], 15.5)
    page.text(105, y - 3.5, s["e_title"][1], "italic", 11.5, align="center")
    y += 4
    registered = date.fromisoformat(f["registration_date"])
    born = date.fromisoformat(f["date_of_birth"])
    heads = ["THÔNG TIN ĐĂNG KÝ", "NGƯỜI ĐƯỢC KHAI SINH", "NGƯỜI MẸ", "NGƯỜI CHA"]
    if s["numbered"]:
        heads = [f"{n}. {h}" for n, h in zip(["I", "II", "III", "IV"], heads, strict=True)]
    sections: list[tuple[str, list[tuple[str, str | None]]]] = [
        (heads[0], [("Số", f["number"]), ("Quyển số", f["book"]),
                    ("Nơi đăng ký khai sinh", f["registration_authority"]),
                    ("Ngày, tháng, năm đăng ký", date_figures(registered)),
                    ("Người đi khai sinh", f"{s['declarant']} ({s['declarant_relation'].lower()})")]),
        (heads[1], [("Họ, chữ đệm, tên", f["full_name"]), ("Ngày, tháng, năm sinh", date_figures(born)),
                    ("Ngày sinh bằng chữ", s["words"]), ("Giới tính", people.sex_label(f["sex"])),
                    ("Dân tộc", f["ethnicity"]), ("Quốc tịch", f["nationality"]),
                    ("Nơi sinh", f["place_of_birth"]), ("Quê quán", f["hometown"]),
                    ("Số định danh cá nhân", f["personal_id"])]),
    ]
    for head, key in ((heads[2], "mother"), (heads[3], "father")):
        sections.append((head, [("Họ, chữ đệm, tên", f[f"{key}_name"]), ("Năm sinh", f[f"{key}_birth_year"]),
                                ("Dân tộc", f[f"{key}_ethnicity"]), ("Quốc tịch", f[f"{key}_nationality"]),
                                ("Nơi cư trú", f[f"{key}_residence"])]))
    lines = sum(len(page.wrap(text or "", end - tab, end - tab, value, pt)) for _, rows in sections
                for _, text in rows)
    line = min(line, (258 - y - 10.4 * len(sections)) / lines)  # the footer (31 mm) ends above 290 mm
    for head, rows in sections:
        y = bar(page, LEFT, RIGHT, y, head, 10.5)
        for label, text in rows:
            y = tab_row(page, x, tab, end, y, label, text, pt, line, value)
        y += 1.5
    page.text(LEFT, y + 1, "Bản điện tử được trích xuất từ Cơ sở dữ liệu hộ tịch điện tử.", "italic", 10)
    issued = min(max(registered, ELECTRONIC_FROM) + timedelta(days=s["e_days"]), LAST_DAY)
    top = y + 5
    form_extras.code_box(page, LEFT, top, f"KS|{f['book']}|{f['number']}|{s['code']}", s["code"])
    page.text(150, top + 3, f"{s['place']}, ngày {issued.day:02d}/{issued.month:02d}/{issued.year}", "italic", 10.5,
              align="center")
    form_extras.digital_signature(page, 111, top + 6, f["registration_authority"],
                                  f"{date_figures(issued)} {rng.randint(7, 16):02d}:{rng.randint(0, 59):02d}", rng,
                                  s["seal"])


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"bc-2022-dien-tu": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random, str], dict]] = {"bc-2022-dien-tu": _show}
