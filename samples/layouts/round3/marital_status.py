"""Round-3 marital-status confirmation ``ms-boxed-status``: the confirmation of the 2012–2015 forms
(Circular 05/2012/TT-BTP) as some communes kept printing it: "Xét đề nghị của …", the authority's name on a line
of its own above "XÁC NHẬN", the person's particulars on leader lines, the status as a paragraph inside a ruled
box under its heading, and the purpose at the end of the validity sentence ("… và được dùng để: …").
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.common import LEFT, PT, RIGHT, national_header, place_date, title
from samples.layouts.form_kit import Form, Item, Style, signer_fit

FAMILIES = {"ms-boxed-status": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"ms-boxed-status": {"2015-form": 45, "2020-form": 40,
                                                                  "2025-form": 15}}


def _show(rng: random.Random) -> dict:
    return {"style": Style(leaders=True, value_font=rng.choice(["serif", "typewriter", "bold"]), pt=12.5, line=7.0),
            "box_heading": rng.choice(["Tình trạng hôn nhân", "TÌNH TRẠNG HÔN NHÂN"]),
            "validity_words": rng.choice(["06 tháng", "6 tháng", "sáu tháng"])}


def _status_box(page: Page, y: float, heading: str, status: str, value_font: str) -> float:
    """The heading on the box's top line, the status wrapped inside the box; returns the baseline below."""
    pt, line = 12.5, 6.6
    lines = page.wrap(status, RIGHT - LEFT - 12, RIGHT - LEFT - 12, value_font, pt)
    top = y - 5.0
    page.text(LEFT + 5, y + 1, f"{heading}:", "bold", pt)
    yy = y + 1 + line
    for text in lines:
        page.text(LEFT + 6, yy, text, value_font, pt)
        yy += line
    bottom = yy - line + 3.5
    page.rect(LEFT, top, RIGHT, bottom, width=0.4)
    return bottom + 7.5


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    form = Form(page, s["style"])
    y = national_header(page, s["header"])
    page.text(57, y + 1, f"Số: {f['number']}", "regular", 12, align="center")
    y = title(page, y + 14, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN", 15.5)
    y = form.text_line(LEFT, y, f"Xét đề nghị của {s['title']} {f['full_name'].title()} về việc xác nhận tình "
                                f"trạng hôn nhân,", "regular", RIGHT, PT, first_indent=10)
    page.text(105, y + 1, f["issuing_authority"], "bold", 12.5 if len(f["issuing_authority"]) < 80 else 11.0,
              align="center")
    page.text(105, y + 8.5, "XÁC NHẬN", "bold", 13.5, align="center")
    y += 16.5
    number = f["personal_id"]
    paper = f"{s['id_word']} {number}" if number else None
    y = form.rows(LEFT, RIGHT, y, [
        [Item("Họ, chữ đệm, tên", f["full_name"], "name")],
        [Item("Ngày, tháng, năm sinh", f"{date.fromisoformat(f['date_of_birth']):%d/%m/%Y}")],
        [Item("Giới tính", people.sex_label(f["sex"])), Item("Dân tộc", f["ethnicity"]),
         Item("Quốc tịch", f["nationality"])],
        [Item("Giấy tờ tùy thân", paper)],
        [Item("Nơi cư trú", f["residence"], "long")],
    ])
    if s["period"]:
        y = form.text_line(LEFT, y, f"Trong thời gian cư trú tại {f['residence']} {s['period']}", "regular", RIGHT)
    font = page.value_fonts.get("typed", "typed")
    y = _status_box(page, y + 4, s["box_heading"], f["marital_status"], font)
    issued = date.fromisoformat(f["issue_date"])
    sentence = (f"Giấy xác nhận này có giá trị sử dụng trong thời hạn {s['validity_words']}, kể từ ngày cấp, và "
                f"được dùng để: {f['purpose']}")
    y = form.text_line(LEFT, y, sentence, "regular", RIGHT, first_indent=10)
    y = place_date(page, 140, y + 4, s["place"], issued)
    signer_fit(page, 140, y, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"ms-boxed-status": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"ms-boxed-status": _show}
