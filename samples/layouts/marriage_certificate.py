"""GIẤY CHỨNG NHẬN KẾT HÔN in its layout families: the husband's and the wife's blocks, registration, signatures.

Families (``FAMILIES``): ``mc-2020`` today's print-out ("Chồng" left, "Vợ" right) and ``mc-random`` a
randomized form (tuning); ``mc-2020-nu`` the two-column form with "Thông tin bên nữ" on the left,
``mc-one-column`` the older one-column form (the husband's block, then the wife's), ``mc-wife-first`` the wife's
block before or left of the husband's, ``mc-2016-grid`` the form printed as a ruled grid (a label column, the
husband's and the wife's value columns, registration rows across both, the spouses' signatures in the grid)
(held out).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from samples import idnumbers, people, places
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_extras, form_kit
from samples.layouts.birth_certificate import pick_family, registration_numbers, signer_name
from samples.layouts.common import (
    A4,
    LEFT,
    LINE,
    PT,
    RIGHT,
    decorative_border,
    merge_registries,
    national_header,
    number_book,
    place_date,
    signer_block,
    signer_heading,
    title,
)
from samples.layouts.form_kit import Form, Item, Style
from samples.stamp import multiply, signature_layer
from samples.vntext import date_figures, date_long

VARIANTS = {"2005-form": (date(2006, 1, 1), date(2015, 12, 31)), "2015-form": (date(2016, 1, 1), date(2020, 6, 30)),
            "2020-form": (date(2016, 1, 1), date(2025, 6, 30)), "2025-form": (date(2025, 7, 1), date(2026, 10, 31))}
COLUMN_PT = 11.5
FAMILIES = {"mc-2020": "tuning", "mc-random": "tuning", "mc-2020-nu": "heldout", "mc-one-column": "heldout",
            "mc-wife-first": "heldout", "mc-2016-grid": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {
    "mc-2020": {"2020-form": 70, "2025-form": 30},
    "mc-2020-nu": {"2020-form": 70, "2025-form": 30},
    "mc-one-column": {"2005-form": 1},
    "mc-wife-first": {"2005-form": 30, "2015-form": 30, "2020-form": 40},
    "mc-random": {"2005-form": 20, "2015-form": 20, "2020-form": 40, "2025-form": 20},
    "mc-2016-grid": {"2015-form": 45, "2020-form": 40, "2025-form": 15},
}
RANDOM_WORDS = ["name", "dob", "ethnicity", "nationality", "residence", "personal_id", "authority", "reg_date",
                "book"]
HEADINGS = [("Chồng", "Vợ"), ("Bên chồng", "Bên vợ"), ("Thông tin bên nam", "Thông tin bên nữ"),
            ("CHỒNG", "VỢ"), ("Thông tin về người chồng", "Thông tin về người vợ")]


def build(rng: random.Random, variant: str | None = None, family: str | None = None) -> Doc:
    family, variant = pick_family(rng, FAMILY_VARIANTS, variant, family)
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
                  "border": family in ("mc-2020", "mc-2020-nu", "mc-wife-first") and rng.random() < 0.5}
    # Before 2016 the spouses showed their 9-digit CMND; until 2021 many still did.
    old_ids = variant == "2005-form" or (variant == "2015-form" and rng.random() < 0.5)
    for key, person in (("husband", husband), ("wife", wife)):
        same_place = rng.random() < 0.6
        home = loc if same_place else places.locality(rng, registered)
        number_id = idnumbers.old_id_number(rng) if old_ids else idnumbers.adult_personal_id(rng, person.born,
                                                                                              person.sex)
        if family == "mc-random" and rng.random() < 0.15:
            number_id = None  # the line left blank
        fields |= {
            f"{key}_name": person.name, f"{key}_date_of_birth": person.born.isoformat(),
            f"{key}_ethnicity": person.ethnicity, f"{key}_nationality": person.nationality,
            f"{key}_residence": places.address(rng, home), f"{key}_personal_id": number_id,
        }
    fields |= {"registration_authority": loc.authority(), "registration_date": registered.isoformat()}
    show["id_word"] = "CMND số" if old_ids else rng.choice(["CCCD số", "Căn cước công dân số", "Căn cước số"])
    show |= FAMILY_SHOW.get(family, lambda _rng: {})(rng)
    doc = Doc("marriage_certificate", variant, fields, show=show, family=family)
    if family in ("mc-random", "mc-wife-first"):
        form_kit.fit(doc, DRAWERS[family])
    return doc


def _show_one_column(rng: random.Random) -> dict:
    return {"style": Style(value_font=rng.choice(["serif", "typewriter"]), pt=12.5, line=6.8),
            "headings": rng.choice([("CHỒNG", "VỢ"), ("Bên chồng", "Bên vợ"), ("Phần ghi về chồng",
                                                                               "Phần ghi về vợ")])}


def _show_wife_first(rng: random.Random) -> dict:
    return {"style": Style(leaders=rng.random() < 0.7, value_font=rng.choice(["serif", "bold"]), pt=12.5,
                           line=6.9),
            "columns": rng.random() < 0.5,
            "headings": rng.choice([("Chồng", "Vợ"), ("Bên chồng", "Bên vợ")])}


def _show_random(rng: random.Random) -> dict:
    return {"style": form_kit.random_style(rng), "form_words": form_kit.pick_words(rng, RANDOM_WORDS),
            "arrangement": rng.choice(["two-hw", "two-wh", "one-hw", "one-wh"]),
            "headings": rng.choice(HEADINGS), "number_layout": rng.choice(["line", "book-first", "lines"]),
            "id_label": rng.choice(["words", "paper"]), "facts_row": rng.random() < 0.5,
            "note": rng.choice([None, None, "Ghi chú: ", "Ghi chú: Đăng ký kết hôn lần đầu"]),
            # The certificate, or an extract of the register ("trích lục kết hôn", Circular 04/2020) or a copy.
            "title": rng.choice(["GIẤY CHỨNG NHẬN KẾT HÔN", "GIẤY CHỨNG NHẬN KẾT HÔN", "TRÍCH LỤC KẾT HÔN",
                                 "TRÍCH LỤC KẾT HÔN (BẢN SAO)", "BẢN SAO GIẤY CHỨNG NHẬN KẾT HÔN"])}


def _show_grid(rng: random.Random) -> dict:
    return {"value_font": rng.choice(["serif", "bold", "typewriter"]), "border": rng.random() < 0.4,
            "headings": rng.choice([("Chồng", "Vợ"), ("Bên chồng", "Bên vợ"), ("CHỒNG", "VỢ")]),
            "first_cell": rng.choice(["Thông tin", "Nội dung", ""])}


FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {
    "mc-one-column": _show_one_column, "mc-wife-first": _show_wife_first, "mc-random": _show_random,
    "mc-2016-grid": _show_grid,
}


def draw(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    page = Page(*A4, dpi)
    if doc.show["border"]:
        decorative_border(page, (200, 120, 140), rng)
    DRAWERS[doc.family or "mc-2020"](doc, page, rng)
    return [page]


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


def _draw_2020(doc: Doc, page: Page, rng: random.Random) -> None:
    """mc-2020: today's print-out, the husband left, the wife right."""
    f, s = doc.fields, doc.show
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
    _spouse_signatures(page, top, ("Chồng", "Vợ"), rng)
    signer_block(page, 150, top, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"], s["seal"],
                 rng)


def _spouse_signatures(page: Page, top: float, labels: tuple[str, str], rng: random.Random) -> None:
    for cx, label in ((42, labels[0]), (84, labels[1])):
        page.text(cx, top, label, "bold", PT, align="center")
        page.text(cx, top + 5.5, "(Ký, ghi rõ họ tên)", "italic", 11, align="center")
        multiply(page, signature_layer(page, rng, 30, 13), cx - 15, top + 10)


def _id_text(doc: Doc, key: str) -> str | None:
    number = doc.fields[f"{key}_personal_id"]
    return f"{doc.show['id_word']} {number}" if number else None


def _person_rows(doc: Doc, key: str, labels: dict[str, str], facts_row: bool, paper: bool) -> list[list[Item]]:
    """One spouse: name, date of birth, ethnicity and nationality, residence, identity number."""
    f = doc.fields
    facts = [Item(labels["ethnicity"], f[f"{key}_ethnicity"]), Item(labels["nationality"], f[f"{key}_nationality"])]
    number = _id_text(doc, key) if paper else f[f"{key}_personal_id"]
    return [[Item(labels["name"], f[f"{key}_name"], "name")],
            [Item(labels["dob"], date_figures(date.fromisoformat(f[f"{key}_date_of_birth"])))],
            *([facts] if facts_row else [[facts[0]], [facts[1]]]),
            [Item(labels["residence"], f[f"{key}_residence"], "long")],
            [Item(labels["personal_id"], number)]]


LABELS_2020 = {"name": "Họ, chữ đệm, tên", "dob": "Ngày, tháng, năm sinh", "ethnicity": "Dân tộc",
               "nationality": "Quốc tịch", "residence": "Nơi cư trú", "personal_id": "Giấy tờ tùy thân"}
LABELS_OLD = {"name": "Họ và tên", "dob": "Ngày, tháng, năm sinh", "ethnicity": "Dân tộc",
              "nationality": "Quốc tịch", "residence": "Nơi thường trú", "personal_id": "Số Giấy CMND/Hộ chiếu"}


def _draw_2020_nu(doc: Doc, page: Page, rng: random.Random) -> None:
    """mc-2020-nu: two columns, "Thông tin bên nữ" on the left and "Thông tin bên nam" on the right; identity
    papers written out; a registration-date line."""
    f, s = doc.fields, doc.show
    form = Form(page, Style(pt=PT, line=7.0))
    y = national_header(page, s["header"])
    y = title(page, y + 11, "GIẤY CHỨNG NHẬN KẾT HÔN")
    y = form_kit.number_book(form, y + 2, f["number"], f["book"], "line")
    y = form_kit.person_columns(form, y + 2, [
        ("Thông tin bên nữ", _person_rows(doc, "wife", LABELS_2020, False, True)),
        ("Thông tin bên nam", _person_rows(doc, "husband", LABELS_2020, False, True))], pt=COLUMN_PT)
    registered = date.fromisoformat(f["registration_date"])
    y = form.rows(LEFT, RIGHT, y + 3, [[Item("Nơi đăng ký kết hôn", f["registration_authority"], "long")],
                                       [Item("Ngày, tháng, năm đăng ký", date_figures(registered))]])
    top = y + 2
    _spouse_signatures(page, top, ("Bên nữ", "Bên nam"), rng)
    form_kit.signer_fit(page, 150, top, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"],
                        s["seal"], rng)


def _draw_one_column(doc: Doc, page: Page, rng: random.Random) -> None:
    """mc-one-column: the 2006–2015 form, one column: the husband's block, then the wife's, each headed."""
    f, s = doc.fields, doc.show
    form = Form(page, s["style"])
    y = national_header(page, s["header"])
    page.text(57, y - 1, f"Số: {f['number']}", "regular", 12, align="center")
    page.text(57, y + 4.6, f"Quyển số: {f['book']}", "regular", 12, align="center")
    y = title(page, y + 16, "GIẤY CHỨNG NHẬN KẾT HÔN")
    for key, heading in (("husband", s["headings"][0]), ("wife", s["headings"][1])):
        page.text(LEFT, y, heading, "bold", PT)
        y = form.rows(LEFT, RIGHT, y + form.line, _person_rows(doc, key, LABELS_OLD, True, False)) + 1
    registered = date.fromisoformat(f["registration_date"])
    y = form.rows(LEFT, RIGHT, y, [[Item("Nơi đăng ký kết hôn", f["registration_authority"], "long")]])
    y = place_date(page, 140, y + 2, s["place"], registered)
    _spouse_signatures(page, y, ("Chồng", "Vợ"), rng)
    form_kit.signer_fit(page, 150, y, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], None, s["signer"], s["seal"], rng)


def _draw_wife_first(doc: Doc, page: Page, rng: random.Random) -> None:
    """mc-wife-first: the wife's block first (left column, or above in one column), "Vợ"/"Chồng" headings."""
    f, s = doc.fields, doc.show
    form = Form(page, s["style"])
    husband_heading, wife_heading = s["headings"]
    y = national_header(page, s["header"])
    y = title(page, y + 11, "GIẤY CHỨNG NHẬN KẾT HÔN")
    y = form_kit.number_book(form, y + 2, f["number"], f["book"], "line")
    labels = LABELS_OLD if doc.variant == "2005-form" else LABELS_2020 | {"personal_id": "Số định danh cá nhân"}
    paper = doc.variant == "2015-form"
    if paper:
        labels = labels | {"personal_id": "Giấy tờ tùy thân"}
    if s["columns"]:
        y = form_kit.person_columns(form, y + 2, [(wife_heading, _person_rows(doc, "wife", labels, False, paper)),
                                                  (husband_heading, _person_rows(doc, "husband", labels, False,
                                                                                 paper))])
    else:
        for key, heading in (("wife", wife_heading), ("husband", husband_heading)):
            page.text(105, y, heading, "bold", PT, align="center")
            y = form.rows(LEFT, RIGHT, y + form.line, _person_rows(doc, key, labels, True, paper)) + 1
    registered = date.fromisoformat(f["registration_date"])
    y = form.rows(LEFT, RIGHT, y + 2, [[Item("Nơi đăng ký kết hôn", f["registration_authority"], "long")]])
    if s["date_line"]:
        y = form.rows(LEFT, RIGHT, y, [[Item("Ngày, tháng, năm đăng ký", date_long(registered))]])
        y += 3
    else:
        y = place_date(page, 140, y + 2, s["place"], registered)
    _spouse_signatures(page, y, ("Vợ", "Chồng"), rng)
    form_kit.signer_fit(page, 150, y, s["heading"], None, s["signer"], s["seal"], rng)


def _draw_random(doc: Doc, page: Page, rng: random.Random) -> None:
    """mc-random: wording, style, one or two columns in either order, headings, Số/Quyển số, notes."""
    f, s = doc.fields, doc.show
    words = s["form_words"]
    form = Form(page, s["style"], indent=rng.choice([0.0, 6.0]))
    y = national_header(page, s["header"])
    y = title(page, y + 11, s["title"])
    y = form_kit.number_book(form, y + 2, f["number"], f["book"], s["number_layout"], book_word=words["book"])
    paper = s["id_label"] == "paper"
    labels = {key: words[key] for key in ("name", "dob", "ethnicity", "nationality", "residence", "personal_id")}
    if paper:
        labels["personal_id"] = "Giấy tờ tùy thân"
    order = [("husband", s["headings"][0]), ("wife", s["headings"][1])]
    arrangement = s["arrangement"]
    if arrangement.endswith("wh"):
        order.reverse()
    if arrangement.startswith("two"):
        y = form_kit.person_columns(form, y + 2, [(heading, _person_rows(doc, key, labels, False, paper))
                                                  for key, heading in order], pt=min(COLUMN_PT, form.pt))
    else:
        for key, heading in order:
            page.text(LEFT, y, heading, "bold", form.pt)
            y = form.rows(LEFT, RIGHT, y + form.line, _person_rows(doc, key, labels, s["facts_row"], paper)) + 1
    registered = date.fromisoformat(f["registration_date"])
    tail = [[Item(words["authority"].format(act="kết hôn"), f["registration_authority"], "long")]]
    if s["date_line"]:
        tail.append([Item(words["reg_date"], date_figures(registered))])
    y = form.rows(LEFT, RIGHT, y + 2, tail)
    if s["note"]:
        y = form.text_line(LEFT, y, s["note"], "italic", RIGHT)
    y = place_date(page, 140, y + 2, s["place"], registered) if not s["date_line"] else y + 3
    first, second = ("Chồng" if key == "husband" else "Vợ" for key, _ in order)
    _spouse_signatures(page, y, (first, second), rng)
    form_kit.signer_fit(page, 150, y, s["heading"], None, s["signer"], s["seal"], rng)


def _draw_grid(doc: Doc, page: Page, rng: random.Random) -> None:
    """mc-2016-grid: Số / Quyển số, then one ruled grid: a label column and the husband's and the wife's value
    columns (identity papers written out), the place and date of registration in cells across both, the spouses'
    signatures in the last row; the signer block below right."""
    f, s = doc.fields, doc.show
    Form(page, Style(value_font=s["value_font"]))  # sets the page's value fonts
    typed, named = page.value_fonts["typed"], page.value_fonts["typedbold"]
    y = national_header(page, s["header"])
    y = title(page, y + 11, "GIẤY CHỨNG NHẬN KẾT HÔN")
    y = number_book(page, y + 1, f["number"], f["book"])
    label_w, value_w = 50.0, 61.0
    rows = [[form_extras.Cell(s["first_cell"], "bold", label_w, "center"),
             *[form_extras.Cell(heading, "bold", value_w, "center") for heading in s["headings"]]]]
    for label, part, kind in (("Họ, chữ đệm, tên", "name", named), ("Ngày, tháng, năm sinh", "date_of_birth", typed),
                              ("Dân tộc", "ethnicity", typed), ("Quốc tịch", "nationality", typed),
                              ("Nơi cư trú", "residence", typed), ("Giấy tờ tùy thân", "personal_id", typed)):
        values = []
        for key in ("husband", "wife"):
            value = f[f"{key}_{part}"]
            if part == "date_of_birth":
                value = date_figures(date.fromisoformat(value))
            elif part == "personal_id":
                value = _id_text(doc, key)
            values.append(form_extras.Cell(value or "", kind, value_w))
        rows.append([form_extras.Cell(label, "regular", label_w), *values])
    registered = date.fromisoformat(f["registration_date"])
    rows += [[form_extras.Cell("Nơi đăng ký kết hôn", "regular", label_w),
              form_extras.Cell(f["registration_authority"], typed, 2 * value_w)],
             [form_extras.Cell("Ngày, tháng, năm đăng ký", "regular", label_w),
              form_extras.Cell(date_figures(registered), typed, 2 * value_w)]]
    y = form_extras.grid(page, LEFT, y - 3, rows, 11.5)
    signatures = [[form_extras.Cell("Chữ ký của hai bên", "regular", label_w),
                   *[form_extras.Cell(heading, "bold", value_w, "center") for heading in s["headings"]]]]
    bottom = form_extras.grid(page, LEFT, y, signatures, 11.5)
    for k in range(2):
        page.text(LEFT + label_w + value_w * (k + 0.5), bottom + 4.5, "(Ký, ghi rõ họ tên)", "italic", 10.5,
                  align="center")
    space_top = bottom + 6
    page.rect(LEFT, bottom, LEFT + label_w + 2 * value_w, space_top + 18, outline=(20, 20, 24), width=0.3)
    for x in (LEFT + label_w, LEFT + label_w + value_w):
        page.vline(x, bottom, space_top + 18, width=0.3)
        multiply(page, signature_layer(page, rng, 30, 12), x + 17 + rng.uniform(-4, 4), space_top + 2)
    y = place_date(page, 140, space_top + 25, s["place"], registered)
    form_kit.signer_fit(page, 140, y, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"],
                        s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {
    "mc-2020": _draw_2020, "mc-2020-nu": _draw_2020_nu, "mc-one-column": _draw_one_column,
    "mc-wife-first": _draw_wife_first, "mc-random": _draw_random, "mc-2016-grid": _draw_grid,
}

# Round-3 held-out families (samples/layouts/round3/), merged into the registries above.
from samples.layouts.round3 import marriage_certificate as _round3  # noqa: E402

merge_registries(globals(), _round3, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")

# Round-4 held-out families (samples/layouts/round4/), merged into the registries above.
from samples.layouts.round4 import marriage_certificate as _round4  # noqa: E402

merge_registries(globals(), _round4, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")

# Round-5 families (samples/layouts/round5/, scored once, retired into tuning), merged above.
from samples.layouts.round5 import marriage_certificate as _round5  # noqa: E402

merge_registries(globals(), _round5, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round5.with_foreigners(build)
draw = _round5.with_landscape(draw)

# Round-6 families (samples/layouts/round6/, scored once, retired into tuning), merged above.
from samples.layouts.round6 import marriage_certificate as _round6  # noqa: E402

merge_registries(globals(), _round6, "FAMILIES", "VARIANTS", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round6.with_old_papers(build)

# Round-7 families (samples/layouts/round7/, scored once, retired into tuning), merged above.
from samples.layouts.round7 import marriage_certificate as _round7  # noqa: E402

merge_registries(globals(), _round7, "FAMILIES", "VARIANTS", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round7.with_old_tables(build)

# Round-8 families (samples/layouts/round8/, scored once, retired into tuning), merged above.
from samples.layouts.round8 import marriage_certificate as _round8  # noqa: E402

merge_registries(globals(), _round8, "FAMILIES", "VARIANTS", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round8.with_centre_labels(build)

# Round-9 held-out families (samples/layouts/round9/), merged above.
from samples.layouts.round9 import marriage_certificate as _round9  # noqa: E402

merge_registries(globals(), _round9, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
