"""GIẤY KHAI SINH in its layout families: the child, the mother's and the father's blocks, registration.

Families (``FAMILIES``): ``bc-2020`` today's print-out (Circular 04/2020/TT-BTP), ``bc-1999`` the older
typewritten form, ``bc-random`` a randomized form (tuning); ``bc-2015`` the Circular 15/2015/TT-BTP form,
``bc-2005`` the 2006–2015 forms (Decree 158/2005: "Họ và tên", "Sinh ngày … tháng … năm …", parents in a table
or side by side), ``bc-ban-sao`` a copy printed from the electronic register, ``bc-2016-a5`` the 2016 form
printed on an A5 sheet (smaller type, narrow columns, the parents side by side with values below their labels)
and scanned on an A4 flatbed (held out).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from samples import idnumbers, people, places
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_extras, form_kit
from samples.layouts.common import (
    A4,
    LEFT,
    PT,
    RIGHT,
    decorative_border,
    merge_registries,
    national_header,
    number_book,
    place_date,
    signer_heading,
    three_fields,
    title,
)
from samples.layouts.form_kit import Form, Item, Style
from samples.stamp import multiply, signature_layer
from samples.vntext import WordStyle, date_figures, date_in_words

VARIANTS = {
    # variant: (born from, born to, shows the personal number)
    "1999-form": (date(1975, 1, 1), date(2010, 12, 31), False),
    "2005-form": (date(2006, 1, 1), date(2015, 12, 31), False),
    "2015-form": (date(2016, 1, 1), date(2020, 6, 30), True),
    "2020-form": (date(2016, 1, 1), date(2025, 5, 31), True),
    "2025-form": (date(2025, 7, 1), date(2026, 9, 30), True),
}
FAMILIES = {"bc-2020": "tuning", "bc-1999": "tuning", "bc-random": "tuning", "bc-2015": "heldout",
            "bc-2005": "heldout", "bc-ban-sao": "heldout", "bc-2016-a5": "heldout"}
# family -> the variants (periods) it is drawn for, with weights
FAMILY_VARIANTS: dict[str, dict[str, int]] = {
    "bc-2020": {"2020-form": 55, "2025-form": 20},
    "bc-1999": {"1999-form": 1},
    "bc-2015": {"2015-form": 1},
    "bc-2005": {"2005-form": 1},
    "bc-ban-sao": {"1999-form": 15, "2005-form": 20, "2015-form": 15, "2020-form": 35, "2025-form": 15},
    "bc-random": {"1999-form": 15, "2005-form": 15, "2015-form": 15, "2020-form": 40, "2025-form": 15},
    "bc-2016-a5": {"2015-form": 40, "2020-form": 45, "2025-form": 15},
}


def registration_numbers(rng: random.Random, when: date) -> tuple[str, str]:
    return str(rng.randint(1, 320)), f"{rng.randint(1, 3):02d}/{when.year}"


def signer_name(rng: random.Random) -> str:
    return people.full_name(rng, rng.choice(["male", "female"]), tone=rng.choice(["old", "new"])).title()


def pick_family(rng: random.Random, families: dict[str, dict[str, int]], variant: str | None,
                family: str | None) -> tuple[str, str]:
    """The family (equal weights among those drawn for ``variant``) and the variant (the family's weights)."""
    if family is None:
        family = rng.choice([name for name, variants in families.items() if variant is None or variant in variants])
    if family not in families:
        raise ValueError(f"unknown family {family!r}")
    allowed = families[family]
    if variant is None:
        variant = rng.choices(list(allowed), weights=list(allowed.values()))[0]
    elif variant not in allowed:
        raise ValueError(f"family {family} is not drawn for variant {variant}")
    return family, variant


def build(rng: random.Random, variant: str | None = None, family: str | None = None) -> Doc:
    family, variant = pick_family(rng, FAMILY_VARIANTS, variant, family)
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
    # The 2015 form has the line, but few children had a personal number before 2018; randomized forms leave
    # it blank sometimes.
    if family in ("bc-2015", "bc-random") and shows_id and rng.random() < 0.35:
        shows_id = False
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
    if variant == "1999-form" and loc.district and family == "bc-1999":
        header.append(loc.district.upper())
    show = {
        "header": header, "place": loc.place if rng.random() < 0.6 else "Quảng Ninh",
        "words": date_in_words(child.born, WordStyle.pick(rng)), "declarant": declarant.name,
        "declarant_relation": "Mẹ đẻ" if declarant is mother else "Cha đẻ",
        "declarant_id": idnumbers.old_id_number(rng) if rng.random() < 0.6 else
        idnumbers.adult_personal_id(rng, declarant.born, declarant.sex),
        "date_line": rng.random() < 0.5, "signer": signer_name(rng),
        "heading": signer_heading(rng, "NGƯỜI KÝ GIẤY KHAI SINH"), "seal": loc.seal_text(),
        "border": family in ("bc-2020", "bc-2015") and variant != "1999-form" and rng.random() < 0.5,
        "unit": loc.unit, "district": loc.district,
        "copy_date": registered + timedelta(days=rng.randint(200, 4000)),
    }
    show |= FAMILY_SHOW.get(family, lambda _rng, _variant: {})(rng, variant)
    doc = Doc("birth_certificate", variant, fields, show=show, family=family)
    if doc.show["copy_date"] > date(2026, 11, 30):
        doc.show["copy_date"] = max(registered + timedelta(days=30), date(2026, 11, 30))
    if family == "bc-random":
        form_kit.fit(doc, _draw_random)
    return doc


def _show_2005(rng: random.Random, _variant: str) -> dict:
    return {"parents": rng.choice(["table-fm", "table-mf", "side-fm", "side-mf"]),
            "style": Style(leaders=True, colon=True, value_font=rng.choice(["serif", "typewriter"]))}


def _show_ban_sao(rng: random.Random, _variant: str) -> dict:
    return {"copy_title": rng.choice([["TRÍCH LỤC KHAI SINH", "(BẢN SAO)"], ["BẢN SAO GIẤY KHAI SINH"]]),
            "copy_heading": rng.choice([["NGƯỜI KÝ TRÍCH LỤC"], ["TL. CHỦ TỊCH", "CÔNG CHỨC TƯ PHÁP - HỘ TỊCH"],
                                        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]])}


RANDOM_WORDS = ["name", "dob", "sex", "ethnicity", "nationality", "place_of_birth", "hometown", "personal_id",
                "residence", "birth_year", "parent", "authority", "reg_date", "book", "declarant"]


def _show_random(rng: random.Random, variant: str) -> dict:
    words = form_kit.pick_words(rng, RANDOM_WORDS)
    return {
        "style": form_kit.random_style(rng), "form_words": words,
        "number_layout": rng.choice(["line", "book-first", "lines"]),
        "title_lines": rng.choice([["GIẤY KHAI SINH"], ["GIẤY KHAI SINH", "(BẢN CHÍNH)"],
                                   ["TRÍCH LỤC KHAI SINH"]]),
        "dob_mode": rng.choice(["figures+words", "figures+words-below", "figures", "split"]),
        "child_row": rng.choice(["one-line", "separate"]),
        "parents": rng.choice(["stacked-mf", "stacked-fm", "side-mf", "side-fm"]),
        "parent_headings": rng.choice([("Người mẹ", "Người cha"), ("MẸ", "CHA"), ("Thông tin về mẹ",
                                                                                  "Thông tin về cha")]),
        "declarant_line": rng.random() < 0.6,
        "note": rng.choice([None, None, *form_kit.NOTES]),
        "date_line": rng.random() < 0.5,
        "id_line": variant not in ("1999-form", "2005-form") or rng.random() < 0.5,
    }


def _show_a5(rng: random.Random, _variant: str) -> dict:
    return {"style": Style(leaders=rng.random() < 0.5, value_font=rng.choice(["serif", "bold"]), pt=9.5, line=4.9),
            "declarant_paper": rng.random() < 0.5}


FAMILY_SHOW: dict[str, Callable[[random.Random, str], dict]] = {
    "bc-2005": _show_2005, "bc-ban-sao": _show_ban_sao, "bc-random": _show_random, "bc-2016-a5": _show_a5,
}


def draw(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    page = Page(*A4, dpi)
    if doc.show["border"]:
        decorative_border(page, (120, 170, 120), rng)
    DRAWERS[doc.family or "bc-2020"](doc, page, rng)
    return [page]


def _draw_ministry(doc: Doc, page: Page, rng: random.Random) -> None:
    """bc-2020 and bc-1999: the Ministry's print-out, typed on a typewriter for the 1999 form."""
    f, s = doc.fields, doc.show
    if doc.variant == "1999-form":
        page.value_fonts = {"typed": "typewriter", "typedbold": "typewriterbold"}
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
        y = page.field(LEFT, y, "Số định danh cá nhân", f["personal_id"] or "", 130, PT)
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
    form_kit.signer_fit(page, 140, y, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"],
                        s["seal"], rng)


def _parent_rows(f: dict, key: str, labels: dict[str, str], one_line: bool) -> list[list[Item]]:
    """A parent's rows: name; birth year, ethnicity, nationality (one line or three); residence."""
    facts = [Item(labels["birth_year"], f[f"{key}_birth_year"]), Item(labels["ethnicity"], f[f"{key}_ethnicity"]),
             Item(labels["nationality"], f[f"{key}_nationality"])]
    return [[Item(labels["name"], f[f"{key}_name"], "name")], facts if one_line else [facts[0]],
            *([] if one_line else [[facts[1], facts[2]]]),
            [Item(labels["residence"], f[f"{key}_residence"], "long")]]


def _draw_2015(doc: Doc, page: Page, rng: random.Random) -> None:
    """bc-2015: Circular 15/2015/TT-BTP. Số and Quyển số one above the other at the left, the date in words on
    its own line, the declarant's identity paper, a registration-date line."""
    f, s = doc.fields, doc.show
    form = Form(page, Style(pt=PT, line=7.2))
    y = national_header(page, s["header"])
    y = form_kit.number_book(form, y + 3, f["number"], f["book"], "lines")
    y = title(page, y + 6, "GIẤY KHAI SINH")
    born = date.fromisoformat(f["date_of_birth"])
    y = form.rows(LEFT, RIGHT, y + 1, [
        [Item("Họ, chữ đệm, tên", f["full_name"], "name")],
        [Item("Ngày, tháng, năm sinh", date_figures(born))],
        [Item("ghi bằng chữ", s["words"])],
        [Item("Giới tính", people.sex_label(f["sex"])), Item("Dân tộc", f["ethnicity"]),
         Item("Quốc tịch", f["nationality"])],
        [Item("Nơi sinh", f["place_of_birth"], "long")],
        [Item("Quê quán", f["hometown"], "long")],
        [Item("Số định danh cá nhân", f["personal_id"])],
    ])
    labels = {"birth_year": "Năm sinh", "ethnicity": "Dân tộc", "nationality": "Quốc tịch",
              "residence": "Nơi cư trú"}
    for who, key in (("mẹ", "mother"), ("cha", "father")):
        y = form.rows(LEFT, RIGHT, y + 1.5, _parent_rows(f, key, labels | {"name": f"Họ, chữ đệm, tên người {who}"},
                                                         True))
    y = form.rows(LEFT, RIGHT, y + 1.5, [
        [Item("Họ, chữ đệm, tên người đi khai sinh", s["declarant"])],
        [Item("Giấy tờ tùy thân", f"{'CMND' if len(s['declarant_id']) == 9 else 'CCCD'} số {s['declarant_id']}")],
        [Item("Nơi đăng ký khai sinh", f["registration_authority"], "long")],
        [Item("Ngày, tháng, năm đăng ký", date_figures(date.fromisoformat(f["registration_date"])))],
    ])
    form_kit.signer_fit(page, 140, y + 3, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"],
                 s["seal"], rng)


def _draw_2005(doc: Doc, page: Page, rng: random.Random) -> None:
    """bc-2005: the 2006–2015 form. Số / Quyển số under the authority, "Họ và tên", "Sinh ngày … tháng … năm …"
    with the date in words, the parents in a ruled table or side by side (father first or second)."""
    f, s = doc.fields, doc.show
    form = Form(page, s["style"])
    y = national_header(page, s["header"])
    page.text(57, y - 1, f"Số: {f['number']}", "regular", 12, align="center")
    page.text(57, y + 4.6, f"Quyển số: {f['book']}", "regular", 12, align="center")
    y = title(page, y + 16, "GIẤY KHAI SINH")
    born = date.fromisoformat(f["date_of_birth"])
    y = form.rows(LEFT, RIGHT, y + 1, [[Item("Họ và tên", f["full_name"], "name")],
                                       [Item("Giới tính", people.sex_label(f["sex"]))]])
    y = form.split_date(LEFT, y, "Sinh", born, RIGHT)
    y = form.rows(LEFT, RIGHT, y, [
        [Item("Bằng chữ", s["words"])],
        [Item("Nơi sinh", f["place_of_birth"], "long")],
        [Item("Dân tộc", f["ethnicity"]), Item("Quốc tịch", f["nationality"])],
        [Item("Quê quán", f["hometown"], "long")],
    ])
    order = [("father", "Cha"), ("mother", "Mẹ")]
    if s["parents"].endswith("mf"):
        order.reverse()
    if s["parents"].startswith("table"):
        rows = [(label, [f[f"{key}_{part}"] for key, _ in order])
                for label, part in (("Họ và tên", "name"), ("Năm sinh", "birth_year"), ("Dân tộc", "ethnicity"),
                                    ("Quốc tịch", "nationality"), ("Nơi thường trú", "residence"))]
        y = form_kit.table(form, LEFT, y - 2, [36, 68, 68], ["", *[who for _, who in order]], rows)
    else:
        labels = {"name": "Họ và tên", "birth_year": "Năm sinh", "ethnicity": "Dân tộc",
                  "nationality": "Quốc tịch", "residence": "Nơi thường trú"}
        y = form_kit.person_columns(form, y + 2, [(who.upper(), _parent_rows(f, key, labels, False))
                                                  for key, who in order])
    y = form.rows(LEFT, RIGHT, y + 1, [
        [Item("Họ và tên người đi khai sinh", s["declarant"])],
        [Item("Quan hệ với người được khai sinh", s["declarant_relation"])],
        [Item("Nơi đăng ký khai sinh", f["registration_authority"], "long")],
    ])
    registered = date.fromisoformat(f["registration_date"])
    y = place_date(page, 140, y + 3, s["place"], registered)
    page.text(50, y, "NGƯỜI THỰC HIỆN", "bold", PT, align="center")
    multiply(page, signature_layer(page, rng, 30, 13), 35, y + 8)
    form_kit.signer_fit(page, 140, y, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], None, s["signer"], s["seal"], rng)


def _draw_ban_sao(doc: Doc, page: Page, rng: random.Random) -> None:
    """bc-ban-sao: a copy printed from the electronic register: values in bold, no leaders, places and
    authority on the line below their label, the copy's own date and signer."""
    f, s = doc.fields, doc.show
    form = Form(page, Style(leaders=False, value_font="bold", below=frozenset({"long"}), pt=12.5, line=6.9),
                indent=8.0)
    y = national_header(page, s["header"])
    y += 8
    for line in s["copy_title"]:
        y = title(page, y, line, 16 if line.isupper() and not line.startswith("(") else 13) - 2
    y = form_kit.number_book(form, y + 3, f["number"], f["book"], "line")
    born = date.fromisoformat(f["date_of_birth"])
    rows = [
        [Item("Họ, chữ đệm, tên", f["full_name"], "name")],
        [Item("Ngày, tháng, năm sinh", date_figures(born))],
        [Item("Ghi bằng chữ", s["words"])],
        [Item("Giới tính", people.sex_label(f["sex"])), Item("Dân tộc", f["ethnicity"]),
         Item("Quốc tịch", f["nationality"])],
        [Item("Nơi sinh", f["place_of_birth"], "long")],
        [Item("Quê quán", f["hometown"], "long")],
        [Item("Số định danh cá nhân", f["personal_id"])],
    ]
    y = form.rows(LEFT, RIGHT, y, rows)
    labels = {"birth_year": "Năm sinh", "ethnicity": "Dân tộc", "nationality": "Quốc tịch",
              "residence": "Nơi cư trú"}
    for who, key in (("mẹ", "mother"), ("cha", "father")):
        y = form.rows(LEFT, RIGHT, y + 1, _parent_rows(f, key, labels | {"name": f"Họ, chữ đệm, tên người {who}"},
                                                       True))
    registered = date.fromisoformat(f["registration_date"])
    y = form.rows(LEFT, RIGHT, y + 1, [
        [Item("Nơi đăng ký khai sinh", f["registration_authority"], "long")],
        [Item("Ngày, tháng, năm đăng ký", date_figures(registered))],
    ])
    y = form.text_line(LEFT, y, "Bản sao này được cấp từ Sổ đăng ký khai sinh.", "italic", RIGHT)
    y = place_date(page, 140, y + 2, s["place"], s["copy_date"])
    form_kit.signer_fit(page, 140, y, s["copy_heading"], None, s["signer"], s["seal"], rng)


def _draw_random(doc: Doc, page: Page, rng: random.Random) -> None:
    """bc-random: wording, leaders, colon, value font and placement, order and arrangement drawn per document."""
    f, s = doc.fields, doc.show
    words = s["form_words"]
    form = Form(page, s["style"], indent=rng.choice([0.0, 8.0]))
    y = national_header(page, s["header"])
    y += 11
    for line in s["title_lines"]:
        y = title(page, y, line, 16.5 if line.isupper() and not line.startswith("(") else 12.5) - 2
    y = form_kit.number_book(form, y + 2, f["number"], f["book"], s["number_layout"], book_word=words["book"])
    born = date.fromisoformat(f["date_of_birth"])
    y = form.rows(LEFT, RIGHT, y, [[Item(words["name"], f["full_name"], "name")]])
    if s["dob_mode"] == "split":
        y = form.split_date(LEFT, y, "Sinh", born, RIGHT)
    elif s["dob_mode"] == "figures+words":  # the date in words takes the rest of the line and wraps
        form.field(LEFT, y, Item(words["dob"], date_figures(born)), 98)
        y = form.field(100, y, Item("ghi bằng chữ", s["words"]), RIGHT)
    else:
        y = form.rows(LEFT, RIGHT, y, [[Item(words["dob"], date_figures(born))]])
        if s["dob_mode"] == "figures+words-below":
            y = form.rows(LEFT, RIGHT, y, [[Item("Bằng chữ", s["words"])]])
    facts = [Item(words["sex"], people.sex_label(f["sex"])), Item(words["ethnicity"], f["ethnicity"]),
             Item(words["nationality"], f["nationality"])]
    rows = [facts] if s["child_row"] == "one-line" else [[facts[0]], facts[1:]]
    rows += [[Item(words["place_of_birth"], f["place_of_birth"], "long")],
             [Item(words["hometown"], f["hometown"], "long")]]
    if s["id_line"]:
        rows.append([Item(words["personal_id"], f["personal_id"])])
    y = form.rows(LEFT, RIGHT, y, rows)
    order = [("mother", "mẹ", 0), ("father", "cha", 1)]
    if s["parents"].endswith("fm"):
        order.reverse()
    labels = {key: words[key] for key in ("birth_year", "ethnicity", "nationality", "residence")}
    if s["parents"].startswith("side"):
        blocks = [(s["parent_headings"][k], _parent_rows(f, key, labels | {"name": words["name"]}, False))
                  for key, _, k in order]
        y = form_kit.person_columns(form, y + 2, blocks)
    else:
        for key, who, _ in order:
            y = form.rows(LEFT, RIGHT, y + 1, _parent_rows(
                f, key, labels | {"name": form_kit.qualified(words, "name", who)}, True))
    tail = []
    if s["declarant_line"]:
        tail.append([Item(words["declarant"].format(act="khai sinh"), s["declarant"])])
    tail.append([Item(words["authority"].format(act="khai sinh"), f["registration_authority"], "long")])
    registered = date.fromisoformat(f["registration_date"])
    if s["date_line"]:
        tail.append([Item(words["reg_date"], date_figures(registered))])
    y = form.rows(LEFT, RIGHT, y + 1, tail)
    if s["note"]:
        y = form.text_line(LEFT, y, s["note"], "italic", RIGHT)
    if not s["date_line"]:
        y = place_date(page, 140, y + 2, s["place"], registered)
    form_kit.signer_fit(page, 140, y + 1, s["heading"], None, s["signer"], s["seal"], rng)


def _draw_a5(doc: Doc, page: Page, rng: random.Random) -> None:
    """bc-2016-a5: the 2016 form on an A5 sheet in the corner of an A4 scan: 9.5 pt type, Số and Quyển số on
    one line, sex/ethnicity/nationality on one line, the parents in two narrow columns ("Người mẹ" left) with
    names and addresses below their labels, the declarant, registration, a small signer block."""
    f, s = doc.fields, doc.show
    ox, oy = form_extras.a5_sheet(page, rng)
    x0, x1 = ox + 11, ox + 139
    form = Form(page, s["style"])
    y = form_extras.header(page, ox + 35, ox + 103, oy + 12, s["header"], 9.0)
    page.text(ox + 74, y + 5, "GIẤY KHAI SINH", "bold", 13.5, align="center")
    y += 11
    form.field(x0 + 8, y, Item("Số", f["number"]), ox + 68)
    y = form.field(ox + 82, y, Item("Quyển số", f["book"]), x1) + 1
    born = date.fromisoformat(f["date_of_birth"])
    y = form.rows(x0, x1, y, [[Item("Họ, chữ đệm, tên", f["full_name"], "name")],
                              [Item("Ngày, tháng, năm sinh", date_figures(born))],
                              [Item("Ghi bằng chữ", s["words"])]])
    ends = []
    for item, start, end in ((Item("Giới tính", people.sex_label(f["sex"])), x0, x0 + 34),
                             (Item("Dân tộc", f["ethnicity"]), x0 + 36, x0 + 82),
                             (Item("Quốc tịch", f["nationality"]), x0 + 84, x1)):
        ends.append(form.field(start, y, item, end))
    y = form.rows(x0, x1, max(ends), [[Item("Nơi sinh", f["place_of_birth"], "long")],
                                     [Item("Quê quán", f["hometown"], "long")],
                                     [Item("Số định danh cá nhân", f["personal_id"])]])
    columns = Form(page, replace(s["style"], below=frozenset({"name", "long"})), indent=3.0)
    labels = {"name": "Họ, chữ đệm, tên", "birth_year": "Năm sinh", "ethnicity": "Dân tộc",
              "nationality": "Quốc tịch", "residence": "Nơi cư trú"}
    y = form_kit.person_columns(columns, y + 1.5, [("Người mẹ", _parent_rows(f, "mother", labels, False)),
                                                   ("Người cha", _parent_rows(f, "father", labels, False))],
                                x0, x1, gutter=5.0, pt=9.5)
    paper = f"{'CMND' if len(s['declarant_id']) == 9 else 'CCCD'} số {s['declarant_id']}"
    y = form.rows(x0, x1, y + 1.5, [
        [Item("Họ, chữ đệm, tên người đi khai sinh", s["declarant"])],
        [Item("Giấy tờ tùy thân", paper) if s["declarant_paper"]
         else Item("Quan hệ với người được khai sinh", s["declarant_relation"])],
        [Item("Nơi đăng ký khai sinh", f["registration_authority"], "long")],
        [Item("Ngày, tháng, năm đăng ký", date_figures(date.fromisoformat(f["registration_date"])))],
    ])
    form_extras.signer(page, ox + 104, y + 3, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)",
                       s["signer"], s["seal"], rng, 9.5, 21.0, 22.0)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {
    "bc-2020": _draw_ministry, "bc-1999": _draw_ministry, "bc-2015": _draw_2015, "bc-2005": _draw_2005,
    "bc-ban-sao": _draw_ban_sao, "bc-random": _draw_random, "bc-2016-a5": _draw_a5,
}

# Round-3 held-out families (samples/layouts/round3/), merged into the registries above.
from samples.layouts.round3 import birth_certificate as _round3  # noqa: E402

merge_registries(globals(), _round3, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")

# Round-4 held-out families (samples/layouts/round4/), merged into the registries above.
from samples.layouts.round4 import birth_certificate as _round4  # noqa: E402

merge_registries(globals(), _round4, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round4.with_reregistration(build)

# Round-5 families (samples/layouts/round5/, scored once, retired into tuning), merged above.
from samples.layouts.round5 import birth_certificate as _round5  # noqa: E402

merge_registries(globals(), _round5, "FAMILIES", "VARIANTS", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")

# Round-6 families (samples/layouts/round6/, scored once, retired into tuning), merged above.
from samples.layouts.round6 import birth_certificate as _round6  # noqa: E402

merge_registries(globals(), _round6, "FAMILIES", "VARIANTS", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round6.with_old_committees(build)

# Round-7 families (samples/layouts/round7/, scored once, retired into tuning), merged above.
from samples.layouts.round7 import birth_certificate as _round7  # noqa: E402

merge_registries(globals(), _round7, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round7.with_records_abroad(build)

# Round-8 families (samples/layouts/round8/, scored once, retired into tuning), merged above.
from samples.layouts.round8 import birth_certificate as _round8  # noqa: E402

merge_registries(globals(), _round8, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round8.with_database_extracts(build)

# Round-9 held-out families (samples/layouts/round9/), merged above.
from samples.layouts.round9 import birth_certificate as _round9  # noqa: E402

merge_registries(globals(), _round9, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
draw = _round9.with_landscape_sheets(draw)
