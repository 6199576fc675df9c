"""GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN in its layout families: the person, residence, status, purpose.

Families (``FAMILIES``): ``ms-2020`` today's print-out and ``ms-random`` a randomized form (tuning); ``ms-2015``
the Circular 15/2015/TT-BTP form, ``ms-older`` the 2006–2015 form ("Chủ tịch Ủy ban nhân dân … xác nhận:",
"Sinh ngày … tháng … năm …"), ``ms-ban-sao`` a print from the electronic register with a certified-copy stamp
and ``ms-2022-online`` the paper issued through the online public-service portal (number and place/date under
the header, labels bold and values in a sans face, no leaders, the QR code and "Mã số" of the application, a
digital-signature box instead of a wet seal) (held out). The status is printed in the real wordings: never
married, married to (đang có vợ/chồng), divorced by a court's judgment or decision, widowed.
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
    LINE,
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
from samples.stamp import multiply, signature_layer
from samples.vntext import date_figures, date_long

VARIANTS = {"2005-form": (date(2006, 1, 1), date(2015, 12, 31)), "2015-form": (date(2016, 1, 1), date(2020, 6, 30)),
            "2020-form": (date(2016, 1, 1), date(2025, 6, 30)), "2025-form": (date(2025, 7, 1), date(2026, 10, 31))}
PURPOSES = ["Đăng ký kết hôn", "Bổ sung hồ sơ vay vốn ngân hàng", "Làm thủ tục chuyển nhượng quyền sử dụng đất",
            "Bổ sung hồ sơ xin việc làm", "Làm thủ tục mua bán nhà ở"]
VALIDITY = "Giấy này có giá trị sử dụng trong thời hạn 6 tháng, kể từ ngày cấp."
FAMILIES = {"ms-2020": "tuning", "ms-random": "tuning", "ms-2015": "heldout", "ms-older": "heldout",
            "ms-ban-sao": "heldout", "ms-2022-online": "heldout"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {
    "ms-2020": {"2020-form": 70, "2025-form": 30},
    "ms-2015": {"2015-form": 1},
    "ms-older": {"2005-form": 1},
    "ms-ban-sao": {"2020-form": 60, "2025-form": 40},
    "ms-random": {"2005-form": 20, "2015-form": 20, "2020-form": 40, "2025-form": 20},
    "ms-2022-online": {"2020-form": 45, "2025-form": 55},
}
ONLINE_FROM = date(2021, 7, 1)  # papers issued through the online portal
RANDOM_WORDS = ["name", "dob", "sex", "ethnicity", "nationality", "personal_id", "residence", "status", "purpose"]


def _court(rng: random.Random, loc: places.Locality) -> str:
    if loc.district:
        return f"Tòa án nhân dân {loc.district}, {places.PROVINCE}"
    return f"Tòa án nhân dân khu vực {rng.randint(1, 9)} - Quảng Ninh"


def _status(rng: random.Random, person: people.Person, issued: date, loc: places.Locality,
            wording: str) -> str:
    """The status as printed; ``wording`` 'new' (2016 on) or 'old'."""
    partner_sex = "female" if person.sex == "male" else "male"
    partner = people.full_name(rng, partner_sex).title()
    spouse, honorific = ("vợ", "bà") if person.sex == "male" else ("chồng", "ông")
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(["Chưa đăng ký kết hôn với ai", "Hiện tại chưa đăng ký kết hôn với ai"]
                          if wording == "new" else ["Chưa đăng ký kết hôn với ai", f"Chưa có {spouse}"])
    if roll < 0.65:
        return rng.choice([f"Đang có {spouse} là {honorific} {partner}", f"Hiện đang có {spouse} là {honorific} "
                           f"{partner}"])
    if roll < 0.9:
        decided = issued - timedelta(days=rng.randint(60, 3000))
        kind = rng.choice(["Bản án/Quyết định", "Quyết định", "Bản án"])
        code = "HNGĐ-ST" if kind == "Bản án" else "QĐST-HNGĐ"
        text = (f"Đã đăng ký kết hôn nhưng đã ly hôn theo {kind} số {rng.randint(1, 250)}/{decided.year}/{code} "
                f"ngày {date_figures(decided)} của {_court(rng, loc)}")
        return text + ("; hiện tại chưa đăng ký kết hôn với ai" if rng.random() < 0.5 else "")
    died = issued - timedelta(days=rng.randint(100, 4000))
    return rng.choice([f"Đã đăng ký kết hôn với {honorific} {partner}, nhưng {honorific} {partner} đã chết năm "
                       f"{died.year}; hiện tại chưa đăng ký kết hôn với ai",
                       f"Có {spouse} là {honorific} {partner} đã chết"])


def build(rng: random.Random, variant: str | None = None, family: str | None = None) -> Doc:
    family, variant = pick_family(rng, FAMILY_VARIANTS, variant, family)
    start, end = VARIANTS[variant]
    issued = people.random_date(rng, max(start, ONLINE_FROM) if family == "ms-2022-online" else start, end)
    loc = places.locality(rng, issued)
    person = people.make_person(rng, issued - timedelta(days=365 * 60), issued - timedelta(days=365 * 18),
                                tone=rng.choice(["old", "new"]))
    old_ids = variant == "2005-form" or (variant == "2015-form" and rng.random() < 0.5)
    personal_id = idnumbers.old_id_number(rng) if old_ids else idnumbers.adult_personal_id(rng, person.born,
                                                                                           person.sex)
    if family == "ms-random" and rng.random() < 0.15:
        personal_id = None
    purpose = rng.choice(PURPOSES)
    if purpose == "Đăng ký kết hôn" and rng.random() < 0.4:
        partner = people.full_name(rng, "female" if person.sex == "male" else "male").title()
        purpose = f"Đăng ký kết hôn với {'bà' if person.sex == 'male' else 'ông'} {partner}"
    if family == "ms-older":
        purpose = purpose[0].lower() + purpose[1:]  # "Giấy này được cấp để làm thủ tục …"
    fields = {
        "number": str(rng.randint(1, 400)), "full_name": person.name, "date_of_birth": person.born.isoformat(),
        "sex": person.sex, "ethnicity": person.ethnicity, "nationality": person.nationality,
        "personal_id": personal_id, "residence": places.address(rng, loc),
        "marital_status": _status(rng, person, issued, loc, "old" if variant == "2005-form" else "new"),
        "purpose": purpose, "issuing_authority": loc.authority(), "issue_date": issued.isoformat(),
    }
    since = issued - timedelta(days=rng.randint(400, 9000))
    show = {"header": loc.header_lines(), "seal": loc.seal_text(), "signer": signer_name(rng),
            "heading": signer_heading(rng, "NGƯỜI KÝ GIẤY XÁC NHẬN"),
            "place": loc.place if rng.random() < 0.6 else "Quảng Ninh",
            "title": "ông" if person.sex == "male" else "bà",
            "older_header": form_kit.header_lines(loc.unit, loc.district, older=True),
            "id_word": "CMND số" if old_ids else rng.choice(["CCCD số", "Căn cước công dân số"]),
            "period": f"từ ngày {date_figures(since)} đến ngày {date_figures(issued)}" if rng.random() < 0.3
            else None,
            "copy": {"number": str(rng.randint(1, 900)), "book": f"{rng.randint(1, 4):02d}/{issued.year}-SCT/BS",
                     "date": min(issued + timedelta(days=rng.randint(1, 60)), date(2026, 11, 30))}}
    show |= FAMILY_SHOW.get(family, lambda _rng: {})(rng)
    doc = Doc("marital_status_confirmation", variant, fields, show=show, family=family)
    if family == "ms-random":
        form_kit.fit(doc, _draw_random)
    return doc


def _show_older(rng: random.Random) -> dict:
    return {"style": Style(value_font=rng.choice(["serif", "typewriter"]), pt=12.5, line=7.0),
            "older_lines": rng.random() < 0.5}


def _show_random(rng: random.Random) -> dict:
    return {"style": form_kit.random_style(rng), "form_words": form_kit.pick_words(rng, RANDOM_WORDS),
            "number_layout": rng.choice(["header", "line"]),
            "intro": rng.random() < 0.6,
            "authority_line": rng.choice(["xác nhận", "chủ tịch xác nhận", "cơ quan cấp"]),
            "facts_row": rng.random() < 0.5, "id_paper": rng.random() < 0.4,
            "validity_style": rng.choice(["italic", "regular"]),
            "note": rng.choice([None, None, "Ghi chú: ", "Ghi chú: Cấp lần đầu"])}


def _show_online(rng: random.Random) -> dict:
    return {"code": f"000.{rng.randint(0, 99):02d}.{rng.randint(10, 40)}.H{rng.randint(10, 64)}-"
                    f"{rng.randint(0, 9999):04d}",
            "signed_at": f"{rng.randint(7, 16):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} +07:00",
            "purpose_label": rng.choice(["Giấy này được cấp để", "Mục đích sử dụng"]),
            "heading": rng.choice([["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                                   ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]])}


FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"ms-older": _show_older, "ms-random": _show_random,
                                                           "ms-2022-online": _show_online}


def draw(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    page = Page(*A4, dpi)
    DRAWERS[doc.family or "ms-2020"](doc, page, rng)
    return [page]


def _draw_2020(doc: Doc, page: Page, rng: random.Random) -> None:
    """ms-2020: today's print-out."""
    f, s = doc.fields, doc.show
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
    y = page.field(LEFT, y, "Số định danh cá nhân", f["personal_id"] or "", 130, PT)
    y = page.field(LEFT, y, "Nơi cư trú", f["residence"], RIGHT, PT)
    y = page.field(LEFT, y, "Tình trạng hôn nhân", f["marital_status"], RIGHT, PT)
    y = page.field(LEFT, y, "Giấy này được cấp để", f["purpose"], RIGHT, PT)
    page.text(LEFT + 10, y, VALIDITY, "italic", PT)
    y = place_date(page, 140, y + LINE + 3, s["place"], date.fromisoformat(f["issue_date"]))
    signer_block(page, 140, y, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"], s["seal"], rng)


def _facts(f: dict, words: dict[str, str]) -> list[Item]:
    return [Item(words["sex"], people.sex_label(f["sex"])), Item(words["ethnicity"], f["ethnicity"]),
            Item(words["nationality"], f["nationality"])]


def _id_paper(doc: Doc) -> str | None:
    number = doc.fields["personal_id"]
    return f"{doc.show['id_word']} {number}" if number else None


PLAIN = {"sex": "Giới tính", "ethnicity": "Dân tộc", "nationality": "Quốc tịch"}


def _draw_2015(doc: Doc, page: Page, rng: random.Random) -> None:
    """ms-2015: Circular 15/2015/TT-BTP: "Xét đề nghị của …", the authority's confirmation in regular type, the
    identity paper written out, the residence period, a status line, purpose, validity."""
    f, s = doc.fields, doc.show
    form = Form(page, Style(pt=PT, line=7.3))
    y = national_header(page, s["header"])
    y = form.field(LEFT + 6, y + 2, Item("Số", f["number"]), 80, 12.5)
    y = title(page, y + 6, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN")
    y = form.text_line(LEFT, y, f"Xét đề nghị của {s['title']} {f['full_name'].title()} về việc cấp Giấy xác nhận "
                       "tình trạng hôn nhân cho bản thân,", first_indent=10)
    y = form.text_line(LEFT, y, f"{f['issuing_authority']} xác nhận:", first_indent=10)
    rows = [[Item("Họ, chữ đệm, tên", f["full_name"], "name")],
            [Item("Ngày, tháng, năm sinh", date_figures(date.fromisoformat(f["date_of_birth"])))],
            _facts(f, PLAIN), [Item("Giấy tờ tùy thân", _id_paper(doc))],
            [Item("Nơi cư trú", f["residence"], "long")]]
    if s["period"]:
        rows.append([Item("Trong thời gian cư trú tại nơi cư trú trên", s["period"])])
    rows += [[Item("Tình trạng hôn nhân", f["marital_status"], "long")],
             [Item("Giấy này được cấp để", f["purpose"], "long")]]
    y = form.rows(LEFT, RIGHT, y + 1, rows)
    y = form.text_line(LEFT, y, VALIDITY, "regular", first_indent=10)
    y = place_date(page, 140, y + 3, s["place"], date.fromisoformat(f["issue_date"]))
    form_kit.signer_fit(page, 140, y, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)",
                        s["signer"], s["seal"], rng)


def _draw_older(doc: Doc, page: Page, rng: random.Random) -> None:
    """ms-older: the 2006–2015 form: "Chủ tịch Ủy ban nhân dân … xác nhận:", "Họ và tên", "Sinh ngày … tháng …
    năm …", "Số CMND/Hộ chiếu", "Nơi thường trú", the purpose in running text."""
    f, s = doc.fields, doc.show
    form = Form(page, s["style"])
    y = national_header(page, s["older_header"] if s["older_lines"] else s["header"])
    page.text(57, y - 1, f"Số: {f['number']}", "regular", 12, align="center")
    y = title(page, y + 12, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN")
    y = form.text_line(LEFT, y, f"Chủ tịch {f['issuing_authority']} xác nhận:", "bold", first_indent=10)
    y = form.rows(LEFT, RIGHT, y + 1, [[Item("Họ và tên", f["full_name"], "name")]])
    y = form.split_date(LEFT, y, "Sinh", date.fromisoformat(f["date_of_birth"]), RIGHT)
    y = form.rows(LEFT, RIGHT, y, [
        [Item("Giới tính", people.sex_label(f["sex"]))],
        [Item("Dân tộc", f["ethnicity"]), Item("Quốc tịch", f["nationality"])],
        [Item("Số CMND/Hộ chiếu", f["personal_id"])],
        [Item("Nơi thường trú", f["residence"], "long")],
        [Item("Tình trạng hôn nhân", f["marital_status"], "long")],
        [Item("Giấy này được cấp để", f["purpose"], "long")],
    ])
    y = form.text_line(LEFT, y, VALIDITY, "italic", first_indent=10)
    y = place_date(page, 140, y + 3, s["place"], date.fromisoformat(f["issue_date"]))
    form_kit.signer_fit(page, 140, y, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], None, s["signer"], s["seal"], rng)


def _draw_ban_sao(doc: Doc, page: Page, rng: random.Random) -> None:
    """ms-ban-sao: printed from the electronic register (values bold, no leaders, long values below their label),
    then photocopied and certified: "BẢN SAO" and the certification box at the foot of the page."""
    f, s = doc.fields, doc.show
    form = Form(page, Style(leaders=False, value_font="bold", below=frozenset({"long"}), pt=12.5, line=7.0),
                indent=8.0)
    y = national_header(page, s["header"])
    page.text(RIGHT, y + 1, "BẢN SAO", "bold", 12, align="right")
    y = form.field(LEFT + 6, y + 2, Item("Số", f["number"]), 80, 12.5)
    y = title(page, y + 6, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN")
    y = form.text_line(LEFT, y, f"{f['issuing_authority']} xác nhận:", "bold", first_indent=10)
    y = form.rows(LEFT, RIGHT, y + 1, [
        [Item("Họ, chữ đệm, tên", f["full_name"], "name")],
        [Item("Ngày, tháng, năm sinh", date_figures(date.fromisoformat(f["date_of_birth"])))],
        _facts(f, PLAIN), [Item("Số định danh cá nhân", f["personal_id"])],
        [Item("Nơi cư trú", f["residence"], "long")],
        [Item("Tình trạng hôn nhân", f["marital_status"], "long")],
        [Item("Giấy này được cấp để", f["purpose"], "long")],
    ])
    y = form.text_line(LEFT, y, VALIDITY, "italic")
    y = place_date(page, 140, y + 3, s["place"], date.fromisoformat(f["issue_date"]))
    form_kit.signer_fit(page, 140, y, s["heading"], None, s["signer"], s["seal"], rng)
    copy = s["copy"]  # the certification stamp, left of the signer block
    top = y + 2
    yy = form.text_line(LEFT + 3, top + 6, "CHỨNG THỰC BẢN SAO ĐÚNG VỚI BẢN CHÍNH", "bold", 98, 9.5)
    for line in (f"Số chứng thực: {copy['number']}", f"Quyển số: {copy['book']}"):
        yy = form.text_line(LEFT + 3, yy - 1.5, line, "regular", 96, 10.5)
    yy = form.text_line(LEFT + 3, yy - 1.5, date_long(copy["date"]).capitalize(), "italic", 96, 10.5)
    multiply(page, signature_layer(page, rng, 28, 12), LEFT + 20, yy - 3)
    yy = form.text_line(LEFT + 3, yy + 14, "CÔNG CHỨC TƯ PHÁP - HỘ TỊCH", "bold", 96, 10)
    page.rect(LEFT, top, 98, yy - 3, width=0.4)


def _draw_random(doc: Doc, page: Page, rng: random.Random) -> None:
    """ms-random: wording, style, where Số goes, the introduction, how the authority confirms, optional lines."""
    f, s = doc.fields, doc.show
    words = s["form_words"]
    form = Form(page, s["style"], indent=rng.choice([0.0, 6.0]))
    y = national_header(page, s["header"])
    if s["number_layout"] == "header":
        y = form.field(LEFT + 6, y + 2, Item("Số", f["number"]), 80) + 4
        y = title(page, y, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN")
    else:
        y = title(page, y + 11, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN")
        y = form_kit.number_book(form, y + 2, f["number"], None, "line")
    if s["intro"]:
        y = form.text_line(LEFT, y, f"Xét đề nghị của {s['title']} {f['full_name'].title()} về việc cấp Giấy xác "
                           "nhận tình trạng hôn nhân,", first_indent=10)
    if s["authority_line"] == "xác nhận":
        y = form.text_line(LEFT, y, f"{f['issuing_authority']} xác nhận:", "bold", first_indent=10)
    elif s["authority_line"] == "chủ tịch xác nhận":
        y = form.text_line(LEFT, y, f"Chủ tịch {f['issuing_authority']} xác nhận:", "regular", first_indent=10)
    facts = _facts(f, words)
    rows = [[Item(words["name"], f["full_name"], "name")],
            [Item(words["dob"], date_figures(date.fromisoformat(f["date_of_birth"])))],
            *([facts] if s["facts_row"] else [[facts[0]], facts[1:]]),
            [Item("Giấy tờ tùy thân", _id_paper(doc)) if s["id_paper"] else Item(words["personal_id"],
                                                                                 f["personal_id"])],
            [Item(words["residence"], f["residence"], "long")]]
    if s["period"]:
        rows.append([Item("Thời gian cư trú", s["period"])])
    rows += [[Item(words["status"], f["marital_status"], "long")], [Item(words["purpose"], f["purpose"], "long")]]
    y = form.rows(LEFT, RIGHT, y + 1, rows)
    y = form.text_line(LEFT, y, VALIDITY, s["validity_style"], first_indent=10)
    if s["authority_line"] == "cơ quan cấp":
        y = form.rows(LEFT, RIGHT, y, [[Item("Cơ quan cấp", f["issuing_authority"], "long")]])
    if s["note"]:
        y = form.text_line(LEFT, y, s["note"], "italic")
    y = place_date(page, 140, y + 2, s["place"], date.fromisoformat(f["issue_date"]))
    form_kit.signer_fit(page, 140, y, s["heading"], None, s["signer"], s["seal"], rng)


def _draw_online(doc: Doc, page: Page, rng: random.Random) -> None:
    """ms-2022-online: issued through the online portal: "Số" under the authority and the place and date under
    the motto, labels bold and values in a sans face without leaders, two facts a line, the application's QR
    code and "Mã số" left of the signer, a digital-signature box, the portal's footnote."""
    f, s = doc.fields, doc.show
    issued = date.fromisoformat(f["issue_date"])
    y = national_header(page, s["header"])
    page.text(57, y, f"Số: {f['number']}", "regular", 12.5, align="center")
    page.text(136, y, f"{s['place']}, {date_long(issued)}", "italic", 12.5, align="center")
    y = title(page, y + 13, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN", 15.5)
    pt, line = 12.5, 6.9
    form = Form(page, Style(pt=pt, line=line))
    y = form.text_line(LEFT, y, f"Xét đề nghị của {s['title']} {f['full_name'].title()} về việc cấp Giấy xác nhận "
                       "tình trạng hôn nhân,", first_indent=10)
    y = form.text_line(LEFT, y, f"{f['issuing_authority']} xác nhận:", "bold", first_indent=10) + 1

    def value(label: str, text: str | None, x: float, y: float, x_end: float, style: str = "sans") -> float:
        return page.field(x, y, label, text or "", x_end, pt, value_style=style, line_h=line, label_style="bold",
                          leader=False)

    y = value("Họ, chữ đệm, tên", f["full_name"], LEFT, y, RIGHT, "sansbold")
    value("Ngày, tháng, năm sinh", date_figures(date.fromisoformat(f["date_of_birth"])), LEFT, y, 118)
    y = value("Giới tính", people.sex_label(f["sex"]), 122, y, RIGHT)
    value("Dân tộc", f["ethnicity"], LEFT, y, 118)
    y = value("Quốc tịch", f["nationality"], 122, y, RIGHT)
    y = value("Số định danh cá nhân", f["personal_id"], LEFT, y, RIGHT)
    y = value("Nơi cư trú", f["residence"], LEFT, y, RIGHT)
    if s["period"]:
        y = value("Thời gian cư trú", s["period"], LEFT, y, RIGHT)
    y = value("Tình trạng hôn nhân", f["marital_status"], LEFT, y, RIGHT)
    y = value(s["purpose_label"], f["purpose"], LEFT, y, RIGHT)
    y = form.text_line(LEFT, y, "Giấy này có giá trị sử dụng 06 tháng kể từ ngày cấp.", "italic", first_indent=10)
    top = y + 4
    for k, heading in enumerate(s["heading"]):
        page.text(145, top + k * 5.6, heading, "bold", 12.5, align="center")
    box_top = top + len(s["heading"]) * 5.6
    signed = f"{issued.day:02d}.{issued.month:02d}.{issued.year} {s['signed_at']}"
    bottom = form_extras.digital_signature(page, 103, box_top, f["issuing_authority"], signed, rng, s["seal"],
                                           width=84)
    page.text(145, bottom + 7, s["signer"], "bold", 12.5, align="center")
    form_extras.code_box(page, LEFT + 4, top - 2, f"https://dichvucong.gov.vn/tra-cuu-ho-so?ma={s['code']}",
                         s["code"])
    page.text(105, 287, "Giấy xác nhận được cấp trực tuyến qua Cổng Dịch vụ công. Quét mã QR hoặc tra cứu Mã số "
              "để kiểm tra.", "italic", 9, align="center")


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {
    "ms-2020": _draw_2020, "ms-2015": _draw_2015, "ms-older": _draw_older, "ms-ban-sao": _draw_ban_sao,
    "ms-random": _draw_random, "ms-2022-online": _draw_online,
}

# Round-3 held-out families (samples/layouts/round3/), merged into the registries above.
from samples.layouts.round3 import marital_status as _round3  # noqa: E402

merge_registries(globals(), _round3, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")

# Round-4 held-out families (samples/layouts/round4/), merged into the registries above.
from samples.layouts.round4 import marital_status as _round4  # noqa: E402

merge_registries(globals(), _round4, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round4.with_missions(build)

# Round-5 families (samples/layouts/round5/, scored once, retired into tuning), merged above.
from samples.layouts.round5 import marital_status as _round5  # noqa: E402

merge_registries(globals(), _round5, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round5.with_numbers(build)

# Round-6 families (samples/layouts/round6/, scored once, retired into tuning), merged above.
from samples.layouts.round6 import marital_status as _round6  # noqa: E402

merge_registries(globals(), _round6, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round6.with_letters(build)

# Round-7 families (samples/layouts/round7/, scored once, retired into tuning), merged above.
from samples.layouts.round7 import marital_status as _round7  # noqa: E402

merge_registries(globals(), _round7, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round7.with_histories(build)

# Round-8 families (samples/layouts/round8/, scored once, retired into tuning), merged above.
from samples.layouts.round8 import marital_status as _round8  # noqa: E402

merge_registries(globals(), _round8, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round8.with_round8_papers(build)

# Round-9 held-out families (samples/layouts/round9/), merged above.
from samples.layouts.round9 import marital_status as _round9  # noqa: E402

merge_registries(globals(), _round9, "FAMILIES", "FAMILY_VARIANTS", "FAMILY_SHOW", "DRAWERS")
build = _round9.with_round9_papers(build)
