"""Round-5 birth certificate ``bc-1990s-numbered``: the "GIẤY KHAI SINH (BẢN CHÍNH)" of the late 1980s and the
1990s, before the forms of 1999 (the civil-status rules of 1987), filled in on a typewriter on a pre-printed
blank of yellowed paper. The header names the district's and the commune's committee ("UBND HUYỆN …" over "UBND
XÃ …"), Số and Quyển số stand one above the other at the right under the motto; every item is numbered ("1.",
"2.", …) and most use the wordings of the time ("Họ và tên", "Nam hay nữ", "Sinh ngày … tháng … năm …" with
"(Bằng chữ: …)" under it); sex, ethnicity and nationality share one line; the father comes before the mother,
each under a numbered heading with lettered sub-items ("a) Họ và tên", "b) Năm sinh", "c) Dân tộc", "d) Quốc
tịch", "đ) Nơi thường trú"); then the declarant, "Nơi đăng ký" and "Đăng ký ngày … tháng … năm …"; the
declarant's signature at the left and the chairman's at the right; no personal number (truth null).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_kit
from samples.layouts.common import LEFT, RIGHT, national_header, title
from samples.layouts.form_kit import Form, Item, Style
from samples.stamp import multiply, signature_layer

FAMILIES = {"bc-1990s-numbered": "tuning"}
# variant: (born from, born to, shows the personal number), as samples/layouts/birth_certificate.VARIANTS
VARIANTS = {"1990-form": (date(1980, 1, 1), date(1998, 12, 31), False)}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"bc-1990s-numbered": {"1990-form": 1}}
PAPER = (247, 242, 224)


def _show(rng: random.Random, _variant: str) -> dict:
    return {"style": Style(leaders=True, value_font="typewriter", pt=12.0, line=6.5),
            "declarant_caps": rng.random() < 0.5}


def _sub(letter: str, label: str) -> str:
    return f"{letter}) {label}"


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    page.rect(0, 0, page.width_mm, page.height_mm, outline=None, fill=PAPER)
    declarant = s["declarant"] if s["declarant_caps"] else s["declarant"].title()
    form = Form(page, s["style"], indent=6.0)
    header = form_kit.header_lines(s["unit"], s["district"], older=True)
    y = national_header(page, header)
    page.text(150, y + 1, f"Số: {f['number']}", "typewriter", 11.5)
    page.text(150, y + 6.5, f"Quyển số: {f['book']}", "typewriter", 11.5)
    y = title(page, y + 16, "GIẤY KHAI SINH", 17)
    page.text(105, y - 3.5, "(BẢN CHÍNH)", "bold", 11.5, align="center")
    y += 4
    born = date.fromisoformat(f["date_of_birth"])
    y = form.rows(LEFT, RIGHT, y, [[Item("1. Họ và tên", f["full_name"], "name")]])
    ends = []
    for item, x0, x1 in ((Item("2. Nam hay nữ", people.sex_label(f["sex"])), LEFT, 76),
                         (Item("3. Dân tộc", f["ethnicity"]), 78, 132), (Item("4. Quốc tịch", f["nationality"]),
                                                                        134, RIGHT)):
        ends.append(form.field(x0, y, item, x1))
    y = form.split_date(LEFT, max(ends), "5. Sinh", born, RIGHT)
    y = form.rows(LEFT, RIGHT, y, [[Item("(Bằng chữ", f"{s['words']})")],
                                   [Item("6. Nơi sinh", f["place_of_birth"], "long")],
                                   [Item("7. Quê quán", f["hometown"], "long")]])
    for number, who, key in (("8", "cha", "father"), ("9", "mẹ", "mother")):
        page.text(LEFT, y + 1, f"{number}. Phần khai về {who}:", "bold", 12)
        y = form.rows(LEFT + 8, RIGHT, y + 1 + form.line, [
            [Item(_sub("a", "Họ và tên"), f[f"{key}_name"], "name")],
            [Item(_sub("b", "Năm sinh"), f[f"{key}_birth_year"]), Item(_sub("c", "Dân tộc"), f[f"{key}_ethnicity"]),
             Item(_sub("d", "Quốc tịch"), f[f"{key}_nationality"])],
            [Item(_sub("đ", "Nơi thường trú"), f[f"{key}_residence"], "long")]])
    form.field(LEFT, y + 1, Item("10. Họ và tên người đứng khai", declarant), 150)
    y = form.field(152, y + 1, Item("Quan hệ", s["declarant_relation"]), RIGHT)
    y = form.rows(LEFT, RIGHT, y, [[Item("11. Nơi đăng ký", f["registration_authority"], "long")]])
    y = form.split_date(LEFT, y, "12. Đăng ký", date.fromisoformat(f["registration_date"]), RIGHT)
    y = form.field(LEFT, y, Item("Ghi chú", None, "blank"), RIGHT)
    top = y + 3
    page.text(55, top, "NGƯỜI ĐỨNG KHAI", "bold", 12, align="center")
    page.text(55, top + 5.2, "(Ký, ghi rõ họ tên)", "italic", 11, align="center")
    if not isinstance(page, form_kit.MeasuringPage):
        multiply(page, signature_layer(page, rng, 30, 12), 40 + rng.uniform(-3, 3), top + 9)
    page.text(55, top + 30, declarant, "typewriter", 11.5, align="center")
    form_kit.signer_fit(page, 145, top, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], None, s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"bc-1990s-numbered": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random, str], dict]] = {"bc-1990s-numbered": _show}
