"""GIẤY CHỨNG NHẬN KẾT HÔN: the husband's and the wife's blocks in two columns, place and date, signatures."""

from __future__ import annotations

import random
from datetime import date, timedelta

from samples import idnumbers, people, places
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.birth_certificate import registration_numbers, signer_name
from samples.layouts.common import (
    A4,
    LEFT,
    LINE,
    PT,
    RIGHT,
    decorative_border,
    national_header,
    number_book,
    place_date,
    signer_block,
    signer_heading,
    title,
)
from samples.stamp import multiply, signature_layer
from samples.vntext import date_figures

VARIANTS = {"2020-form": (date(2016, 1, 1), date(2025, 6, 30)), "2025-form": (date(2025, 7, 1), date(2026, 10, 31))}
COLUMN_PT = 11.5


def build(rng: random.Random, variant: str | None = None) -> Doc:
    variant = variant or rng.choices(list(VARIANTS), weights=[70, 30])[0]
    registered = people.random_date(rng, *VARIANTS[variant])
    loc = places.locality(rng, registered)
    tone = rng.choice(["old", "new"])
    husband = people.make_person(rng, registered - timedelta(days=365 * 45), registered - timedelta(days=365 * 20),
                                 sex="male", tone=tone)
    wife = people.make_person(rng, registered - timedelta(days=365 * 40), registered - timedelta(days=365 * 18),
                              sex="female", tone=tone)
    number, book = registration_numbers(rng, registered)
    fields: dict[str, str | None] = {"number": number, "book": book}
    show: dict = {"header": loc.header_lines(), "seal": loc.seal_text(), "signer": signer_name(rng),
                  "heading": signer_heading(rng, "NGƯỜI KÝ GIẤY CHỨNG NHẬN KẾT HÔN"),
                  "place": loc.place if rng.random() < 0.6 else "Quảng Ninh", "date_line": rng.random() < 0.4,
                  "border": rng.random() < 0.5}
    for key, person in (("husband", husband), ("wife", wife)):
        same_place = rng.random() < 0.6
        home = loc if same_place else places.locality(rng, registered)
        fields |= {
            f"{key}_name": person.name, f"{key}_date_of_birth": person.born.isoformat(),
            f"{key}_ethnicity": person.ethnicity, f"{key}_nationality": person.nationality,
            f"{key}_residence": places.address(rng, home),
            f"{key}_personal_id": idnumbers.adult_personal_id(rng, person.born, person.sex),
        }
    fields |= {"registration_authority": loc.authority(), "registration_date": registered.isoformat()}
    return Doc("marriage_certificate", variant, fields, show=show)


def _column(page: Page, x0: float, x1: float, y: float, doc: Doc, key: str, heading: str) -> float:
    f = doc.fields
    page.text((x0 + x1) / 2, y, heading, "bold", PT, align="center")
    y += LINE + 1
    name = f[f"{key}_name"]
    name_pt = COLUMN_PT
    while name_pt > 9.5 and page.width("Họ, chữ đệm, tên: " + name, "typedbold", name_pt) > x1 - x0 - 4:
        name_pt -= 0.5  # a long name is typed smaller rather than wrapped
    y = page.field(x0, y, "Họ, chữ đệm, tên", name, x1, name_pt, value_style="typedbold")
    born = date.fromisoformat(f[f"{key}_date_of_birth"])
    y = page.field(x0, y, "Ngày, tháng, năm sinh", date_figures(born), x1, COLUMN_PT)
    y = page.field(x0, y, "Dân tộc", f[f"{key}_ethnicity"], x1, COLUMN_PT)
    y = page.field(x0, y, "Quốc tịch", f[f"{key}_nationality"], x1, COLUMN_PT)
    y = page.field(x0, y, "Nơi cư trú", f[f"{key}_residence"], x1, COLUMN_PT)
    y = page.field(x0, y, "Số định danh cá nhân", f[f"{key}_personal_id"], x1, COLUMN_PT)
    return y


def draw(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    f, s = doc.fields, doc.show
    page = Page(*A4, dpi)
    if s["border"]:
        decorative_border(page, (200, 120, 140), rng)
    y = national_header(page, s["header"])
    y = title(page, y + 11, "GIẤY CHỨNG NHẬN KẾT HÔN")
    y = number_book(page, y + 2, f["number"], f["book"])
    y_left = _column(page, LEFT, 103, y + 2, doc, "husband", "Chồng")
    y_right = _column(page, 109, RIGHT, y + 2, doc, "wife", "Vợ")
    y = max(y_left, y_right) + 3
    y = page.field(LEFT, y, "Nơi đăng ký kết hôn", f["registration_authority"], RIGHT, PT)
    registered = date.fromisoformat(f["registration_date"])
    if s["date_line"]:
        y = page.field(LEFT, y, "Ngày, tháng, năm đăng ký", date_figures(registered), 110, PT) + 2
    else:
        y = place_date(page, 140, y + 3, s["place"], registered)
    top = y
    for cx, label in ((42, "Chồng"), (84, "Vợ")):
        page.text(cx, top, label, "bold", PT, align="center")
        page.text(cx, top + 5.5, "(Ký, ghi rõ họ tên)", "italic", 11, align="center")
        multiply(page, signature_layer(page, rng, 30, 13), cx - 15, top + 10)
    signer_block(page, 150, top, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"], s["seal"],
                 rng)
    return [page]
