"""GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN: the person, residence, marital status, purpose; valid 6 months."""

from __future__ import annotations

import random
from datetime import date, timedelta

from samples import idnumbers, people, places
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.birth_certificate import signer_name
from samples.layouts.common import (
    A4,
    LEFT,
    LINE,
    PT,
    RIGHT,
    national_header,
    number_book,
    place_date,
    signer_block,
    signer_heading,
    three_fields,
    title,
)
from samples.vntext import date_figures

VARIANTS = {"2020-form": (date(2016, 1, 1), date(2025, 6, 30)), "2025-form": (date(2025, 7, 1), date(2026, 10, 31))}
PURPOSES = ["Đăng ký kết hôn", "Bổ sung hồ sơ vay vốn ngân hàng", "Làm thủ tục chuyển nhượng quyền sử dụng đất",
            "Bổ sung hồ sơ xin việc làm", "Làm thủ tục mua bán nhà ở"]


def _status(rng: random.Random, person: people.Person) -> str:
    partner = people.full_name(rng, "female" if person.sex == "male" else "male").title()
    roll = rng.random()
    if roll < 0.6:
        return "Chưa đăng ký kết hôn với ai"
    if roll < 0.85:
        return "Đã đăng ký kết hôn, nhưng đã ly hôn; hiện tại chưa đăng ký kết hôn với ai"
    title_ = "bà" if person.sex == "male" else "ông"
    return f"Hiện đang có {'vợ' if person.sex == 'male' else 'chồng'} là {title_} {partner}"


def build(rng: random.Random, variant: str | None = None) -> Doc:
    variant = variant or rng.choices(list(VARIANTS), weights=[70, 30])[0]
    issued = people.random_date(rng, *VARIANTS[variant])
    loc = places.locality(rng, issued)
    person = people.make_person(rng, issued - timedelta(days=365 * 60), issued - timedelta(days=365 * 18),
                                tone=rng.choice(["old", "new"]))
    fields = {
        "number": str(rng.randint(1, 400)), "full_name": person.name, "date_of_birth": person.born.isoformat(),
        "sex": person.sex, "ethnicity": person.ethnicity, "nationality": person.nationality,
        "personal_id": idnumbers.adult_personal_id(rng, person.born, person.sex),
        "residence": places.address(rng, loc), "marital_status": _status(rng, person),
        "purpose": rng.choice(PURPOSES), "issuing_authority": loc.authority(), "issue_date": issued.isoformat(),
    }
    show = {"header": loc.header_lines(), "seal": loc.seal_text(), "signer": signer_name(rng),
            "heading": signer_heading(rng, "NGƯỜI KÝ GIẤY XÁC NHẬN"),
            "place": loc.place if rng.random() < 0.6 else "Quảng Ninh",
            "title": "ông" if person.sex == "male" else "bà"}
    return Doc("marital_status_confirmation", variant, fields, show=show)


def draw(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    f, s = doc.fields, doc.show
    page = Page(*A4, dpi)
    y = national_header(page, s["header"])
    y = title(page, y + 11, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN")
    y = number_book(page, y + 2, f["number"], None)
    lines = page.wrap(f"Xét đề nghị của {s['title']} {f['full_name'].title()} về việc cấp Giấy xác nhận tình trạng "
                      "hôn nhân,", RIGHT - LEFT - 10, RIGHT - LEFT, "regular", PT)
    for i, line in enumerate(lines):
        page.text(LEFT + (10 if i == 0 else 0), y, line, "regular", PT)
        y += LINE
    for line in page.wrap(f"{f['issuing_authority']} xác nhận:", RIGHT - LEFT, RIGHT - LEFT, "bold", PT):
        page.text(LEFT, y, line, "bold", PT)
        y += LINE
    y = page.field(LEFT, y + 1, "Họ, chữ đệm, tên", f["full_name"], RIGHT, PT, value_style="typedbold")
    y = page.field(LEFT, y, "Ngày, tháng, năm sinh", date_figures(date.fromisoformat(f["date_of_birth"])), 120, PT)
    y = three_fields(page, y, [("Giới tính", "Nam" if f["sex"] == "male" else "Nữ"), ("Dân tộc", f["ethnicity"]),
                               ("Quốc tịch", f["nationality"])], [LEFT, 80, 135])
    y = page.field(LEFT, y, "Số định danh cá nhân", f["personal_id"], 130, PT)
    y = page.field(LEFT, y, "Nơi cư trú", f["residence"], RIGHT, PT)
    y = page.field(LEFT, y, "Tình trạng hôn nhân", f["marital_status"], RIGHT, PT)
    y = page.field(LEFT, y, "Giấy này được cấp để", f["purpose"], RIGHT, PT)
    page.text(LEFT + 10, y, "Giấy này có giá trị sử dụng trong thời hạn 6 tháng, kể từ ngày cấp.", "italic", PT)
    y = place_date(page, 140, y + LINE + 3, s["place"], date.fromisoformat(f["issue_date"]))
    signer_block(page, 140, y, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"], s["seal"], rng)
    return [page]
