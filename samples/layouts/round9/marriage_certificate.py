"""Round-9 marriage certificate ``mc-so-quyen-cuoi-trang``: the "GIẤY CHỨNG NHẬN KẾT HÔN" of the Decree
158/2005/NĐ-CP years (2006–2015) as some district print shops made the blank: nothing between the header and the
title; the husband's block, then the wife's, each opened by a qualified name label ("Họ và tên chồng", "Họ và tên
vợ") and the birth date, ethnicity and nationality as three items on one line ("Ngày sinh", "Dân tộc", "Quốc
tịch"), then "Nơi thường trú" and "Số Giấy CMND" (the 9-digit card of the time); the registration as "Đăng ký
kết hôn tại" and "Ngày, tháng, năm đăng ký"; the spouses' signatures side by side and the chairman's at the right;
and the registration's number and book only at the foot, in the bottom left corner under a rule ("Số: …
Quyển số: …"), not at the top.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_kit
from samples.layouts.common import LEFT, RIGHT, national_header, title
from samples.layouts.form_kit import Form, Item, MeasuringPage, Style
from samples.layouts.round7.kit import figures
from samples.stamp import multiply, signature_layer

FAMILIES = {"mc-so-quyen-cuoi-trang": "heldout"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"mc-so-quyen-cuoi-trang": {"2005-form": 1}}
FOOT = 282.0  # the baseline of the number and book in the bottom left corner


def _show(rng: random.Random) -> dict:
    return {"style": Style(leaders=rng.random() < 0.6, value_font=rng.choice(["serif", "typewriter"]), pt=12.0,
                           line=6.7)}


def _spouse(form: Form, y: float, f: dict, key: str, who: str) -> float:
    paper = f[f"{key}_personal_id"]
    return form.rows(LEFT, RIGHT, y, [
        [Item(f"Họ và tên {who}", f[f"{key}_name"], "name")],
        [Item("Ngày sinh", figures(f[f"{key}_date_of_birth"])), Item("Dân tộc", f[f"{key}_ethnicity"]),
         Item("Quốc tịch", f[f"{key}_nationality"])],
        [Item("Nơi thường trú", f[f"{key}_residence"], "long")],
        [Item("Số Giấy CMND" if paper is None or len(paper) == 9 else "Số định danh cá nhân", paper)],
    ])


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    form = Form(page, s["style"], indent=4.0)
    y = national_header(page, s["header"])
    y = title(page, y + 12, "GIẤY CHỨNG NHẬN KẾT HÔN", 17.0) + 2
    y = _spouse(form, y, f, "husband", "chồng")
    y = _spouse(form, y + 2.5, f, "wife", "vợ")
    y = form.rows(LEFT, RIGHT, y + 2.5, [
        [Item("Đăng ký kết hôn tại", f["registration_authority"], "long")],
        [Item("Ngày, tháng, năm đăng ký", figures(f["registration_date"]))],
    ]) + 2
    for label, key, cx in (("Chồng", "husband", 42.0), ("Vợ", "wife", 88.0)):
        page.text(cx, y, label, "bold", 12, align="center")
        page.text(cx, y + 4.8, "(Ký, ghi rõ họ tên)", "italic", 10, align="center")
        if not isinstance(page, MeasuringPage):
            multiply(page, signature_layer(page, rng, 26, 10), cx - 13 + rng.uniform(-2, 2), y + 8)
        page.text(cx, y + 24, f[f"{key}_name"].title(), "regular", 11, align="center")
    form_kit.signer_fit(page, 148, y, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], None, s["signer"], s["seal"], rng,
                        bottom=FOOT - 12)
    page.hline(LEFT, 80, FOOT - 5.5, 0.3)
    page.text(LEFT, FOOT, f"Số: {f['number']}", "regular", 11)
    page.text(LEFT + 24, FOOT, f"Quyển số: {f['book']}", "regular", 11)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"mc-so-quyen-cuoi-trang": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"mc-so-quyen-cuoi-trang": _show}
