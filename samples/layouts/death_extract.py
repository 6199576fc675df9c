"""TRÍCH LỤC KHAI TỬ in its layout families: the deceased, time and place of death, registration.

Families (``FAMILIES``): ``de-2020`` today's print-out and ``de-random`` a randomized form (tuning);
``de-2015`` the Circular 15/2015/TT-BTP extract, ``de-older`` the "Giấy chứng tử" of 2006–2015 ("Họ và tên người
chết", "Chết lúc … giờ … phút, ngày …"), ``de-ban-sao`` a copy printed from the electronic register,
``de-sao-y`` a photocopy of the 2016 software's extract (labels bold, place and date at the top right, two facts
a line, "Thời gian chết", the last residence) certified with a red or violet "SAO Y BẢN CHÍNH" stamp over the
text, the certifier's stamped title and name and a fresh seal (held out).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from samples import idnumbers, people, places
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_extras, form_kit
from samples.layouts.birth_certificate import pick_family, signer_name
from samples.layouts.common import (
    A4,
    LEFT,
    PT,
    RIGHT,
    merge_registries,
    national_header,
    number_book,
    place_date,
    signer_block,
    signer_heading,
    three_fields,
    title,
)
from samples.layouts.form_kit import Form, Item, Style
from samples.stamp import multiply, seal_layer, signature_layer
from samples.vntext import date_figures, date_long

VARIANTS = {"2005-form": (date(2006, 1, 1), date(2015, 12, 31)), "2015-form": (date(2016, 1, 1), date(2020, 6, 30)),
            "2020-form": (date(2016, 1, 1), date(2025, 6, 30)), "2025-form": (date(2025, 7, 1), date(2026, 10, 31))}
CAUSES = ["Bệnh", "Già yếu", "Bệnh hiểm nghèo", "Tai nạn giao thông", "Đột quỵ"]
FAMILIES = {"de-2020": "tuning", "de-random": "tuning", "de-2015": "heldout", "de-older": "heldout",
            "de-ban-sao": "heldout", "de-sao-y": "heldout"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {
    "de-2020": {"2020-form": 70, "2025-form": 30},
    "de-2015": {"2015-form": 1},
    "de-older": {"2005-form": 1},
    "de-ban-sao": {"2005-form": 25, "2015-form": 25, "2020-form": 35, "2025-form": 15},
    "de-random": {"2005-form": 20, "2015-form": 20, "2020-form": 40, "2025-form": 20},
    "de-sao-y": {"2015-form": 35, "2020-form": 45, "2025-form": 20},
}
RANDOM_WORDS = ["name", "dob", "sex", "ethnicity", "nationality", "personal_id", "death_time", "place_of_death",
                "cause", "authority", "reg_date", "declarant", "residence"]


def build(rng: random.Random, variant: str | None = None, family: str | None = None) -> Doc:
    family, variant = pick_family(rng, FAMILY_VARIANTS, variant, family)
    died = people.random_date(rng, *VARIANTS[variant]) - timedelta(days=rng.randint(2, 20))
    registered = died + timedelta(days=rng.randint(1, 14))
    loc = places.locality(rng, registered)
    person = people.make_person(rng, died - timedelta(days=365 * 98), died - timedelta(days=365 * 35),
                                tone=rng.choice(["old", "new"]))
    home = places.address(rng, loc)
    place_of_death = home if rng.random() < 0.6 else rng.choice(
        ["Bệnh viện Đa khoa tỉnh Quảng Ninh", "Bệnh viện Bãi Cháy, tỉnh Quảng Ninh",
         "Bệnh viện Việt Nam - Thụy Điển Uông Bí, tỉnh Quảng Ninh", f"Trung tâm Y tế {loc.place}, tỉnh Quảng Ninh"])
    old_ids = variant == "2005-form" or (variant == "2015-form" and rng.random() < 0.6)
    personal_id = idnumbers.old_id_number(rng) if old_ids else idnumbers.adult_personal_id(rng, person.born,
                                                                                           person.sex)
    if family in ("de-random", "de-older") and rng.random() < 0.2:
        personal_id = None  # no identity paper known: the line is left blank
    fields = {
        "number": str(rng.randint(1, 150)), "full_name": person.name, "date_of_birth": person.born.isoformat(),
        "sex": person.sex, "ethnicity": person.ethnicity, "nationality": person.nationality,
        "personal_id": personal_id,
        "date_of_death": died.isoformat(), "place_of_death": place_of_death,
        "registration_authority": loc.authority(), "registration_date": registered.isoformat(),
    }
    show = {"header": loc.header_lines(), "seal": loc.seal_text(), "signer": signer_name(rng),
            "heading": signer_heading(rng, "NGƯỜI KÝ TRÍCH LỤC"), "cause": rng.choice(CAUSES),
            "time": f"{rng.randint(0, 23):02d} giờ {rng.randint(0, 59):02d} phút",
            "place": loc.place if rng.random() < 0.6 else "Quảng Ninh", "date_line": rng.random() < 0.4,
            "declarant": people.full_name(rng, rng.choice(["male", "female"])),
            "relation": rng.choice(["Con", "Con đẻ", "Vợ", "Chồng", "Cháu"]),
            "residence": home, "book": f"{rng.randint(1, 3):02d}/{registered.year}",
            "notice": f"{rng.randint(1, 90)}/GBT", "notice_by": f"Trạm Y tế {loc.full()}",
            "older_header": form_kit.header_lines(loc.unit, loc.district, older=True),
            "id_word": "CMND số" if old_ids else "CCCD số",
            "copy_date": min(registered + timedelta(days=rng.randint(20, 3000)), date(2026, 11, 30))}
    show |= FAMILY_SHOW.get(family, lambda _rng: {})(rng)
    doc = Doc("death_extract", variant, fields, show=show, family=family)
    if family == "de-random":
        form_kit.fit(doc, _draw_random)
    return doc


def _show_older(rng: random.Random) -> dict:
    return {"style": Style(value_font=rng.choice(["serif", "typewriter"]), pt=12.5, line=7.0),
            "older_lines": rng.random() < 0.5}


def _show_random(rng: random.Random) -> dict:
    return {"style": form_kit.random_style(rng), "form_words": form_kit.pick_words(rng, RANDOM_WORDS),
            "title": rng.choice(["TRÍCH LỤC KHAI TỬ", "TRÍCH LỤC KHAI TỬ", "GIẤY CHỨNG TỬ"]),
            "number_layout": rng.choice(["line", "book-first", "lines", "number-only"]),
            "death_mode": rng.choice(["figures", "long", "split", "separate"]),
            "facts_row": rng.random() < 0.6, "residence_line": rng.random() < 0.4,
            "cause_line": rng.random() < 0.7, "declarant_line": rng.random() < 0.5,
            "notice_line": rng.random() < 0.3, "name_suffix": rng.choice(["", " người chết", " người đã chết"]),
            "note": rng.choice([None, None, "Ghi chú: ", "Ghi chú: Khai tử đúng hạn"])}


def _show_sao_y(rng: random.Random) -> dict:
    return {"value_font": rng.choice(["serif", "typewriter"]), "stamp_ink": rng.choice(list(form_extras.STAMP_INKS)),
            "stamp_at": rng.random(), "stamp_x": rng.uniform(85, 150), "declarant_line": rng.random() < 0.6,
            "certifier": signer_name(rng)}


FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"de-older": _show_older, "de-random": _show_random,
                                                           "de-sao-y": _show_sao_y}


def draw(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    page = Page(*A4, dpi)
    DRAWERS[doc.family or "de-2020"](doc, page, rng)
    return [page]


def _draw_2020(doc: Doc, page: Page, rng: random.Random) -> None:
    """de-2020: today's print-out."""
    f, s = doc.fields, doc.show
    y = national_header(page, s["header"])
    y = title(page, y + 11, "TRÍCH LỤC KHAI TỬ")
    y = number_book(page, y + 2, f["number"], None)
    y = page.field(LEFT, y, "Họ, chữ đệm, tên", f["full_name"], RIGHT, PT, value_style="typedbold")
    y = page.field(LEFT, y, "Ngày, tháng, năm sinh", date_figures(date.fromisoformat(f["date_of_birth"])), 120, PT)
    y = three_fields(page, y, [("Giới tính", "Nam" if f["sex"] == "male" else "Nữ"), ("Dân tộc", f["ethnicity"]),
                               ("Quốc tịch", f["nationality"])], [LEFT, 80, 135])
    y = page.field(LEFT, y, "Số định danh cá nhân", f["personal_id"] or "", 130, PT)
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


def _facts(f: dict, words: dict[str, str]) -> list[Item]:
    return [Item(words["sex"], people.sex_label(f["sex"])), Item(words["ethnicity"], f["ethnicity"]),
            Item(words["nationality"], f["nationality"])]


def _id_paper(doc: Doc) -> str | None:
    number = doc.fields["personal_id"]
    return f"{doc.show['id_word']} {number}" if number else None


def _draw_2015(doc: Doc, page: Page, rng: random.Random) -> None:
    """de-2015: Circular 15/2015/TT-BTP. Số and Quyển số, "người đã chết", the identity paper written out, the
    time of death with the date in words of months, the death notice, a registration-date line."""
    f, s = doc.fields, doc.show
    form = Form(page, Style(pt=PT, line=7.3))
    y = national_header(page, s["header"])
    y = title(page, y + 11, "TRÍCH LỤC KHAI TỬ")
    y = form_kit.number_book(form, y + 2, f["number"], s["book"], "line")
    died = date.fromisoformat(f["date_of_death"])
    words = {"sex": "Giới tính", "ethnicity": "Dân tộc", "nationality": "Quốc tịch"}
    y = form.rows(LEFT, RIGHT, y, [
        [Item("Họ, chữ đệm, tên người đã chết", f["full_name"], "name")],
        [Item("Ngày, tháng, năm sinh", date_figures(date.fromisoformat(f["date_of_birth"])))],
        _facts(f, words),
        [Item("Giấy tờ tùy thân", _id_paper(doc))],
        [Item("Đã chết vào lúc", f"{s['time']}, {date_long(died)}")],
        [Item("Nơi chết", f["place_of_death"], "long")],
        [Item("Nguyên nhân chết", s["cause"])],
        [Item("Giấy báo tử/Giấy tờ thay thế Giấy báo tử", f"Số {s['notice']} do {s['notice_by']} cấp", "long")],
        [Item("Họ, chữ đệm, tên người đi khai tử", s["declarant"])],
        [Item("Nơi đăng ký khai tử", f["registration_authority"], "long")],
        [Item("Ngày, tháng, năm đăng ký", date_figures(date.fromisoformat(f["registration_date"])))],
    ])
    form_kit.signer_fit(page, 140, y + 3, ["NGƯỜI KÝ TRÍCH LỤC"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)",
                        s["signer"], s["seal"], rng)


def _draw_older(doc: Doc, page: Page, rng: random.Random) -> None:
    """de-older: the "Giấy chứng tử" of 2006–2015: "Họ và tên người chết", "Sinh ngày …", "Chết lúc … giờ … phút,
    ngày … tháng … năm …", the last residence, the declarant and relation, two signatures."""
    f, s = doc.fields, doc.show
    form = Form(page, s["style"])
    y = national_header(page, s["older_header"] if s["older_lines"] else s["header"])
    page.text(57, y - 1, f"Số: {f['number']}", "regular", 12, align="center")
    page.text(57, y + 4.6, f"Quyển số: {s['book']}", "regular", 12, align="center")
    y = title(page, y + 16, "GIẤY CHỨNG TỬ")
    y = form.rows(LEFT, RIGHT, y, [[Item("Họ và tên người chết", f["full_name"], "name")],
                                   [Item("Giới tính", people.sex_label(f["sex"]))]])
    y = form.split_date(LEFT, y, "Sinh", date.fromisoformat(f["date_of_birth"]), RIGHT)
    y = form.rows(LEFT, RIGHT, y, [
        [Item("Dân tộc", f["ethnicity"]), Item("Quốc tịch", f["nationality"])],
        [Item("Số Giấy CMND/Hộ chiếu", f["personal_id"])],
        [Item("Nơi thường trú cuối cùng", s["residence"], "long")],
    ])
    y = form.split_date(LEFT, y, "Chết lúc", date.fromisoformat(f["date_of_death"]), RIGHT, time=s["time"])
    y = form.rows(LEFT, RIGHT, y, [
        [Item("Nơi chết", f["place_of_death"], "long")],
        [Item("Nguyên nhân chết", s["cause"])],
        [Item("Họ và tên người đi khai tử", s["declarant"])],
        [Item("Quan hệ với người chết", s["relation"])],
        [Item("Nơi đăng ký khai tử", f["registration_authority"], "long")],
    ])
    y = place_date(page, 140, y + 3, s["place"], date.fromisoformat(f["registration_date"]))
    page.text(50, y, "NGƯỜI THỰC HIỆN", "bold", PT, align="center")
    multiply(page, signature_layer(page, rng, 30, 13), 35, y + 8)
    form_kit.signer_fit(page, 140, y, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], None, s["signer"], s["seal"], rng)


def _draw_ban_sao(doc: Doc, page: Page, rng: random.Random) -> None:
    """de-ban-sao: "TRÍCH LỤC KHAI TỬ (BẢN SAO)" printed from the electronic register: values in bold, no
    leaders, places on the line below their label, the copy's own date."""
    f, s = doc.fields, doc.show
    form = Form(page, Style(leaders=False, value_font="bold", below=frozenset({"long"}), pt=12.5, line=7.0),
                indent=8.0)
    y = national_header(page, s["header"])
    y = title(page, y + 11, "TRÍCH LỤC KHAI TỬ") - 3
    page.text(105, y, "(BẢN SAO)", "bold", 13, align="center")
    y = form_kit.number_book(form, y + 9, f["number"], s["book"], "line")
    died = date.fromisoformat(f["date_of_death"])
    words = {"sex": "Giới tính", "ethnicity": "Dân tộc", "nationality": "Quốc tịch"}
    y = form.rows(LEFT, RIGHT, y, [
        [Item("Họ, chữ đệm, tên", f["full_name"], "name")],
        [Item("Ngày, tháng, năm sinh", date_figures(date.fromisoformat(f["date_of_birth"])))],
        _facts(f, words),
        [Item("Số định danh cá nhân" if f["personal_id"] and len(f["personal_id"]) == 12 else "Giấy tờ tùy thân",
              f["personal_id"])],
        [Item("Đã chết vào lúc", f"{s['time']}, ngày {date_figures(died)}")],
        [Item("Nơi chết", f["place_of_death"], "long")],
        [Item("Nguyên nhân chết", s["cause"])],
        [Item("Nơi đăng ký khai tử", f["registration_authority"], "long")],
        [Item("Ngày, tháng, năm đăng ký", date_figures(date.fromisoformat(f["registration_date"])))],
    ])
    y = form.text_line(LEFT, y, "Bản sao này được cấp từ Sổ đăng ký khai tử.", "italic", RIGHT)
    y = place_date(page, 140, y + 2, s["place"], s["copy_date"])
    form_kit.signer_fit(page, 140, y, ["NGƯỜI KÝ TRÍCH LỤC"], None, s["signer"], s["seal"], rng)


def _draw_random(doc: Doc, page: Page, rng: random.Random) -> None:
    """de-random: wording, style, Số/Quyển số, how the time and date of death are printed, optional lines."""
    f, s = doc.fields, doc.show
    words = s["form_words"]
    form = Form(page, s["style"], indent=rng.choice([0.0, 6.0]))
    y = national_header(page, s["header"])
    y = title(page, y + 11, s["title"])
    book = None if s["number_layout"] == "number-only" else s["book"]
    y = form_kit.number_book(form, y + 2, f["number"], book, s["number_layout"])
    born = date.fromisoformat(f["date_of_birth"])
    facts = _facts(f, words)
    rows = [[Item(words["name"] + s["name_suffix"], f["full_name"], "name")],
            [Item(words["dob"], date_figures(born))],
            *([facts] if s["facts_row"] else [[facts[0]], facts[1:]]),
            [Item(words["personal_id"], f["personal_id"])]]
    if s["residence_line"]:
        rows.append([Item(words["residence"], s["residence"], "long")])
    y = form.rows(LEFT, RIGHT, y, rows)
    died = date.fromisoformat(f["date_of_death"])
    mode = s["death_mode"]
    if mode == "split":
        y = form.split_date(LEFT, y, words["death_time"], died, RIGHT, time=s["time"])
    elif mode == "separate":
        y = form.rows(LEFT, RIGHT, y, [[Item("Ngày chết", date_figures(died)), Item("Giờ chết", s["time"])]])
    else:
        printed = date_figures(died) if mode == "figures" else date_long(died).removeprefix("ngày ")
        y = form.rows(LEFT, RIGHT, y, [[Item(words["death_time"], f"{s['time']}, ngày {printed}")]])
    rows = [[Item(words["place_of_death"], f["place_of_death"], "long")]]
    if s["cause_line"]:
        rows.append([Item(words["cause"], s["cause"])])
    if s["notice_line"]:
        rows.append([Item("Giấy báo tử số", f"{s['notice']} do {s['notice_by']} cấp", "long")])
    if s["declarant_line"]:
        rows.append([Item(words["declarant"].format(act="khai tử"), s["declarant"])])
    rows.append([Item(words["authority"].format(act="khai tử"), f["registration_authority"], "long")])
    registered = date.fromisoformat(f["registration_date"])
    if s["date_line"]:
        rows.append([Item(words["reg_date"], date_figures(registered))])
    y = form.rows(LEFT, RIGHT, y, rows)
    if s["note"]:
        y = form.text_line(LEFT, y, s["note"], "italic", RIGHT)
    if not s["date_line"]:
        y = place_date(page, 140, y + 2, s["place"], registered)
    form_kit.signer_fit(page, 140, y + 1, s["heading"], None, s["signer"], s["seal"], rng)


def _draw_sao_y(doc: Doc, page: Page, rng: random.Random) -> None:
    """de-sao-y: the extract as the 2016 software prints it (labels bold, the place and date under the motto,
    two facts a line), photocopied, then certified: a rectangular "SAO Y BẢN CHÍNH" stamp between two field
    lines, overlapping both, and a fresh red seal and signature at the foot."""
    f, s = doc.fields, doc.show
    Form(page, Style(value_font=s["value_font"]))  # sets the page's value fonts
    y = national_header(page, s["header"])
    registered = date.fromisoformat(f["registration_date"])
    page.text(RIGHT, y - 1, f"{s['place']}, {date_long(registered)}", "italic", 12.5, align="right")
    y = title(page, y + 11, "TRÍCH LỤC KHAI TỬ")
    page.field(LEFT + 20, y, "Số", f["number"], 95.0, PT, label_style="bold")
    y = page.field(118.0, y, "Quyển số", s["book"], 180.0, PT, label_style="bold") + 2
    pairs = [(("Ngày, tháng, năm sinh", date_figures(date.fromisoformat(f["date_of_birth"]))),
              ("Giới tính", people.sex_label(f["sex"]))),
             (("Dân tộc", f["ethnicity"]), ("Quốc tịch", f["nationality"]))]
    id_label = "Số định danh cá nhân" if f["personal_id"] and len(f["personal_id"]) == 12 else "Giấy tờ tùy thân"
    id_value = f["personal_id"] if id_label.startswith("Số") else _id_paper(doc)
    died = date.fromisoformat(f["date_of_death"])
    singles = [("Nơi cư trú cuối cùng", s["residence"]), (id_label, id_value or ""),
               ("Thời gian chết", f"{s['time']}, ngày {date_figures(died)}"), ("Nơi chết", f["place_of_death"]),
               ("Nguyên nhân chết", s["cause"])]
    if s["declarant_line"]:
        singles += [("Người đi khai tử", s["declarant"]), ("Quan hệ với người chết", s["relation"])]
    singles.append(("Nơi đăng ký khai tử", f["registration_authority"]))
    starts = []  # (baseline of a field, baseline below it)
    y0 = y
    y = page.field(LEFT, y, "Họ, chữ đệm, tên người đã chết", f["full_name"], RIGHT, PT, value_style="typedbold",
                   label_style="bold")
    starts.append((y0, y))
    for (left_label, left_value), (right_label, right_value) in pairs:
        page.field(LEFT, y, left_label, left_value, 118.0, PT, label_style="bold", line_h=7.2)
        y0, y = y, page.field(122.0, y, right_label, right_value, RIGHT, PT, label_style="bold", line_h=7.2)
        starts.append((y0, y))
    for label, value in singles:
        y0, y = y, page.field(LEFT, y, label, value, RIGHT, PT, label_style="bold", line_h=7.2)
        starts.append((y0, y))
    y = form_kit.signer_fit(page, 140, y + 4, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"],
                            s["seal"], rng, bottom=262.0)
    form_extras.photocopy(page, rng)
    one_line = [top for top, below in starts[1:-1] if below - top < 8]  # a field on one line, a field below it
    top = one_line[int(s["stamp_at"] * len(one_line))]
    ink = form_extras.STAMP_INKS[s["stamp_ink"]]
    form_extras.box_stamp(page, s["stamp_x"], top + 3.6, ["SAO Y BẢN CHÍNH"], ink, rng, pt=17.0)
    foot = y - 24  # the certifier's stamped title, signature, seal and stamped name, left of the signer's name
    page.text(60, foot, "TL. CHỦ TỊCH", "bold", 11.5, align="center", color=ink)
    page.text(60, foot + 5.2, "CÔNG CHỨC TƯ PHÁP - HỘ TỊCH", "bold", 11.5, align="center", color=ink)
    page.text(60, foot + 27, s["certifier"], "bold", 12, align="center", color=ink)
    if not isinstance(page, form_kit.MeasuringPage):
        multiply(page, signature_layer(page, rng, 34, 14), 45 + rng.uniform(-4, 4), foot + 7)
        multiply(page, seal_layer(page, s["seal"], rng, 30.0), 28 + rng.uniform(-3, 3), foot + 1)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {
    "de-2020": _draw_2020, "de-2015": _draw_2015, "de-older": _draw_older, "de-ban-sao": _draw_ban_sao,
    "de-random": _draw_random, "de-sao-y": _draw_sao_y,
}

# Round-3 held-out families (samples/layouts/round3/), merged into the registries above.
from samples.layouts.round3 import death_extract as _round3  # noqa: E402

merge_registries(globals(), _round3, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")

# Round-4 held-out families (samples/layouts/round4/), merged into the registries above.
from samples.layouts.round4 import death_extract as _round4  # noqa: E402

merge_registries(globals(), _round4, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round4.with_reregistration(build)

# Round-5 families (samples/layouts/round5/, scored once, retired into tuning), merged above.
from samples.layouts.round5 import death_extract as _round5  # noqa: E402

merge_registries(globals(), _round5, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")

# Round-6 families (samples/layouts/round6/, scored once, retired into tuning), merged above.
from samples.layouts.round6 import death_extract as _round6  # noqa: E402

merge_registries(globals(), _round6, "FAMILIES", "VARIANTS", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round6.with_stubs(build)

# Round-7 families (samples/layouts/round7/, scored once, retired into tuning), merged above.
from samples.layouts.round7 import death_extract as _round7  # noqa: E402

merge_registries(globals(), _round7, "FAMILIES", "VARIANTS", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round7.with_late_registration(build)

# Round-8 families (samples/layouts/round8/, scored once, retired into tuning), merged above.
from samples.layouts.round8 import death_extract as _round8  # noqa: E402

merge_registries(globals(), _round8, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round8.with_notices(build)

# Round-9 held-out families (samples/layouts/round9/), merged above.
from samples.layouts.round9 import death_extract as _round9  # noqa: E402

merge_registries(globals(), _round9, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
