"""TRÍCH LỤC KHAI TỬ: the deceased, time and place of death, registration place and date."""

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
CAUSES = ["Bệnh", "Già yếu", "Bệnh hiểm nghèo", "Tai nạn giao thông", "Đột quỵ"]


def build(rng: random.Random, variant: str | None = None) -> Doc:
    variant = variant or rng.choices(list(VARIANTS), weights=[70, 30])[0]
    died = people.random_date(rng, *VARIANTS[variant]) - timedelta(days=rng.randint(2, 20))
    registered = died + timedelta(days=rng.randint(1, 14))
    loc = places.locality(rng, registered)
    person = people.make_person(rng, died - timedelta(days=365 * 98), died - timedelta(days=365 * 35),
                                tone=rng.choice(["old", "new"]))
    home = places.address(rng, loc)
    place_of_death = home if rng.random() < 0.6 else rng.choice(
        ["Bệnh viện Đa khoa tỉnh Quảng Ninh", "Bệnh viện Bãi Cháy, tỉnh Quảng Ninh",
         "Bệnh viện Việt Nam - Thụy Điển Uông Bí, tỉnh Quảng Ninh", f"Trung tâm Y tế {loc.place}, tỉnh Quảng Ninh"])
    fields = {
        "number": str(rng.randint(1, 150)), "full_name": person.name, "date_of_birth": person.born.isoformat(),
        "sex": person.sex, "ethnicity": person.ethnicity, "nationality": person.nationality,
        "personal_id": idnumbers.adult_personal_id(rng, person.born, person.sex),
        "date_of_death": died.isoformat(), "place_of_death": place_of_death,
        "registration_authority": loc.authority(), "registration_date": registered.isoformat(),
    }
    show = {"header": loc.header_lines(), "seal": loc.seal_text(), "signer": signer_name(rng),
            "heading": signer_heading(rng, "NGƯỜI KÝ TRÍCH LỤC"), "cause": rng.choice(CAUSES),
            "time": f"{rng.randint(0, 23):02d} giờ {rng.randint(0, 59):02d} phút",
            "place": loc.place if rng.random() < 0.6 else "Quảng Ninh", "date_line": rng.random() < 0.4,
            "declarant": people.full_name(rng, rng.choice(["male", "female"]))}
    return Doc("death_extract", variant, fields, show=show)


def draw(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    f, s = doc.fields, doc.show
    page = Page(*A4, dpi)
    y = national_header(page, s["header"])
    y = title(page, y + 11, "TRÍCH LỤC KHAI TỬ")
    y = number_book(page, y + 2, f["number"], None)
    y = page.field(LEFT, y, "Họ, chữ đệm, tên", f["full_name"], RIGHT, PT, value_style="typedbold")
    y = page.field(LEFT, y, "Ngày, tháng, năm sinh", date_figures(date.fromisoformat(f["date_of_birth"])), 120, PT)
    y = three_fields(page, y, [("Giới tính", "Nam" if f["sex"] == "male" else "Nữ"), ("Dân tộc", f["ethnicity"]),
                               ("Quốc tịch", f["nationality"])], [LEFT, 80, 135])
    y = page.field(LEFT, y, "Số định danh cá nhân", f["personal_id"], 130, PT)
    died = date.fromisoformat(f["date_of_death"])
    y = page.field(LEFT, y, "Đã chết vào lúc", f"{s['time']}, ngày {date_figures(died)}", RIGHT, PT)
    y = page.field(LEFT, y, "Nơi chết", f["place_of_death"], RIGHT, PT)
    y = page.field(LEFT, y, "Nguyên nhân chết", s["cause"], RIGHT, PT)
    y = page.field(LEFT, y, "Họ, chữ đệm, tên người đi khai tử", s["declarant"], RIGHT, PT)
    y = page.field(LEFT, y, "Nơi đăng ký khai tử", f["registration_authority"], RIGHT, PT)
    registered = date.fromisoformat(f["registration_date"])
    if s["date_line"]:
        y = page.field(LEFT, y, "Ngày, tháng, năm đăng ký", date_figures(registered), 110, PT) + 2
    else:
        y = place_date(page, 140, y + 3, s["place"], registered)
    signer_block(page, 140, y, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"], s["seal"], rng)
    return [page]
