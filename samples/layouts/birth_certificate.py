"""GIẤY KHAI SINH: the child, the mother's then the father's block, registration place and date."""

from __future__ import annotations

import random
from datetime import date, timedelta

from samples import idnumbers, people, places
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.common import (
    A4,
    LEFT,
    PT,
    RIGHT,
    decorative_border,
    national_header,
    number_book,
    place_date,
    signer_block,
    signer_heading,
    three_fields,
    title,
)
from samples.vntext import WordStyle, date_figures, date_in_words

VARIANTS = {
    # variant: (born from, born to, shows the personal number)
    "1999-form": (date(1975, 1, 1), date(2010, 12, 31), False),
    "2020-form": (date(2016, 1, 1), date(2025, 5, 31), True),
    "2025-form": (date(2025, 7, 1), date(2026, 9, 30), True),
}


def registration_numbers(rng: random.Random, when: date) -> tuple[str, str]:
    return str(rng.randint(1, 320)), f"{rng.randint(1, 3):02d}/{when.year}"


def signer_name(rng: random.Random) -> str:
    return people.full_name(rng, rng.choice(["male", "female"]), tone=rng.choice(["old", "new"])).title()


def build(rng: random.Random, variant: str | None = None) -> Doc:
    variant = variant or rng.choices(list(VARIANTS), weights=[25, 55, 20])[0]
    born_from, born_to, shows_id = VARIANTS[variant]
    tone = rng.choice(["old", "new"])
    surname = people.pick_weighted(rng, people.SURNAMES)
    ethnicity = people.pick_ethnicity(rng)
    child = people.make_person(rng, born_from, born_to, surname=surname, tone=tone, ethnicity=ethnicity)
    registered = child.born + timedelta(days=rng.randint(3, 55))
    loc = places.locality(rng, registered)
    mother = people.make_person(rng, child.born - timedelta(days=365 * 40), child.born - timedelta(days=365 * 19),
                                sex="female", tone=tone, ethnicity=ethnicity)
    has_father = rng.random() > 0.1
    father = people.make_person(rng, mother.born - timedelta(days=365 * 8), mother.born + timedelta(days=365 * 3),
                                sex="male", surname=surname, tone=tone, ethnicity=ethnicity)
    residence = places.address(rng, loc if rng.random() < 0.8 else places.locality(rng, registered))
    number, book = registration_numbers(rng, registered)
    fields = {
        "number": number, "book": book, "full_name": child.name, "sex": child.sex,
        "date_of_birth": child.born.isoformat(), "place_of_birth": places.place_of_birth(rng, loc, child.born),
        "hometown": places.hometown(rng, registered), "ethnicity": child.ethnicity,
        "nationality": child.nationality,
        "personal_id": idnumbers.personal_id(rng, child.born, child.sex) if shows_id else None,
        "mother_name": mother.name, "mother_birth_year": str(mother.born.year),
        "mother_ethnicity": mother.ethnicity, "mother_nationality": mother.nationality,
        "mother_residence": residence,
        "father_name": father.name if has_father else None,
        "father_birth_year": str(father.born.year) if has_father else None,
        "father_ethnicity": father.ethnicity if has_father else None,
        "father_nationality": father.nationality if has_father else None,
        "father_residence": residence if has_father else None,
        "registration_authority": loc.authority(), "registration_date": registered.isoformat(),
    }
    declarant = mother if not has_father or rng.random() < 0.4 else father
    header = loc.header_lines()
    if variant == "1999-form" and loc.district:
        header.append(loc.district.upper())
    show = {
        "header": header, "place": loc.place if rng.random() < 0.6 else "Quảng Ninh",
        "words": date_in_words(child.born, WordStyle.pick(rng)), "declarant": declarant.name,
        "declarant_relation": "Mẹ đẻ" if declarant is mother else "Cha đẻ",
        "date_line": rng.random() < 0.5, "signer": signer_name(rng),
        "heading": signer_heading(rng, "NGƯỜI KÝ GIẤY KHAI SINH"), "seal": loc.seal_text(),
        "border": variant != "1999-form" and rng.random() < 0.5,
    }
    return Doc("birth_certificate", variant, fields, show=show)


def draw(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    f, s = doc.fields, doc.show
    page = Page(*A4, dpi)
    if doc.variant == "1999-form":
        page.value_fonts = {"typed": "typewriter", "typedbold": "typewriterbold"}
    if s["border"]:
        decorative_border(page, (120, 170, 120), rng)
    y = national_header(page, s["header"])
    y = title(page, y + 11, "GIẤY KHAI SINH")
    if doc.variant == "1999-form":
        page.text(105, y - 3, "(BẢN CHÍNH)", "italic", 12, align="center")
        y += 4
    y = number_book(page, y + 2, f["number"], f["book"])
    y = page.field(LEFT, y, "Họ, chữ đệm, tên", f["full_name"], RIGHT, PT, value_style="typedbold")
    born = date.fromisoformat(f["date_of_birth"])
    page.field(LEFT, y, "Ngày, tháng, năm sinh", date_figures(born), 98, PT)
    y = page.field(100, y, "ghi bằng chữ", s["words"], RIGHT, PT, cont_x=LEFT)
    y = three_fields(page, y, [("Giới tính", people.sex_label(f["sex"])), ("Dân tộc", f["ethnicity"]),
                               ("Quốc tịch", f["nationality"])], [LEFT, 80, 135])
    y = page.field(LEFT, y, "Nơi sinh", f["place_of_birth"], RIGHT, PT)
    y = page.field(LEFT, y, "Quê quán", f["hometown"], RIGHT, PT)
    if doc.variant != "1999-form":
        y = page.field(LEFT, y, "Số định danh cá nhân", f["personal_id"], 130, PT)
    for who, key in (("mẹ", "mother"), ("cha", "father")):
        y = page.field(LEFT, y + 1.5, f"Họ, chữ đệm, tên người {who}", f[f"{key}_name"] or "", RIGHT, PT,
                       value_style="typedbold")
        y = three_fields(page, y, [("Năm sinh", f[f"{key}_birth_year"]), ("Dân tộc", f[f"{key}_ethnicity"]),
                                   ("Quốc tịch", f[f"{key}_nationality"])], [LEFT, 80, 135])
        y = page.field(LEFT, y, "Nơi cư trú", f[f"{key}_residence"] or "", RIGHT, PT)
    y = page.field(LEFT, y + 1.5, "Họ, chữ đệm, tên người đi khai sinh", s["declarant"], RIGHT, PT)
    y = page.field(LEFT, y, "Quan hệ với người được khai sinh", s["declarant_relation"], RIGHT, PT)
    y = page.field(LEFT, y, "Nơi đăng ký khai sinh", f["registration_authority"], RIGHT, PT)
    registered = date.fromisoformat(f["registration_date"])
    if s["date_line"]:
        y = page.field(LEFT, y, "Ngày, tháng, năm đăng ký", date_figures(registered), 110, PT)
        y += 2
    else:
        y = place_date(page, 140, y + 3, s["place"], registered)
    signer_block(page, 140, y, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"], s["seal"], rng)
    return [page]
