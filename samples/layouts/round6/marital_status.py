"""Round-6 marital-status confirmation ``ms-cong-van``: the confirmation some communes issued in the form of an
official letter (công văn, the format of administrative correspondence) rather than on the Ministry's blank:
"Số: …/UBND-TP" under the authority with the subject line "V/v xác nhận tình trạng hôn nhân" in italics, the
place and date of issue at the top right under the motto (not above the signer), no title, "Kính gửi: …"; one
sentence naming the committee that confirms ("Theo đề nghị của …, <authority> xác nhận:"), the particulars as
dash items without leaders ("- Họ và tên:", "- Ngày sinh:", "- Số CMND:" or "- Số CCCD:", "- Hộ khẩu thường
trú:" before July 2021, "- Nơi thường trú:" after, "- Tình trạng hôn nhân:"), the purpose at the end of a
sentence ("… sử dụng vào việc: …"), the validity, "Nơi nhận" at the left of the signer. The letter's number
with its document sign is the paper's number.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_kit
from samples.layouts.common import LEFT, RIGHT, adjusting, national_header
from samples.layouts.form_kit import Form, Item, Style
from samples.vntext import date_figures, date_long

FAMILIES = {"ms-cong-van": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"ms-cong-van": {"2005-form": 25, "2015-form": 30, "2020-form": 45}}
RESIDENCE_LAW = date(2021, 7, 1)  # household registration books abolished (Law on Residence 2020)
Build = Callable[..., Doc]


def _show(rng: random.Random) -> dict:
    return {"sign": rng.choice(["UBND-TP", "UBND", "XN-UBND"]), "pt": rng.choice([12.0, 12.5]),
            "recipient": rng.choice(["Các cơ quan, tổ chức có liên quan", "Cơ quan có thẩm quyền",
                                     "Ông (bà) Trưởng các cơ quan liên quan"])}


def _lettered(doc: Doc, _rng: random.Random) -> None:
    doc.fields["number"] = f"{doc.fields['number']}/{doc.show['sign']}"  # printed so: "Số: 125/UBND-TP"


def with_letters(build: Build) -> Build:
    """``build`` of samples/layouts/marital_status.py; an ``ms-cong-van`` letter's number has its sign after it."""
    return adjusting(build, FAMILIES, _lettered)


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    pt = s["pt"]
    form = Form(page, Style(leaders=False, value_font="serif", pt=pt, line=6.6), indent=4.0)
    issued = date.fromisoformat(f["issue_date"])
    y = national_header(page, s["header"])
    page.text(57, y, f"Số: {f['number']}", "regular", 12, align="center")
    page.text(57, y + 5.4, "V/v xác nhận tình trạng hôn nhân", "italic", 11.5, align="center")
    page.text(136, y + 2, f"{s['place']}, {date_long(issued)}", "italic", 12, align="center")
    y += 20
    page.text(105, y, f"Kính gửi: {s['recipient']}.", "bold", 12.5, align="center")
    name = f["full_name"]
    honorific = "ông" if f["sex"] == "male" else "bà"
    y = form.text_line(LEFT, y + 10, f"Theo đề nghị của {honorific} {name.title()}, {f['issuing_authority']} xác "
                       "nhận:", "regular", RIGHT, first_indent=10)
    number = f["personal_id"]
    paper = "Số CMND" if number and len(number) == 9 else "Số CCCD"
    home = "Hộ khẩu thường trú" if issued < RESIDENCE_LAW else "Nơi thường trú"
    x = LEFT + 10
    y = form.rows(x, RIGHT, y + 1, [
        [Item("- Họ và tên", name, "name")],
        [Item("- Ngày sinh", date_figures(date.fromisoformat(f["date_of_birth"]))),
         Item("- Giới tính", people.sex_label(f["sex"]))],
        [Item("- Dân tộc", f["ethnicity"]), Item("- Quốc tịch", f["nationality"])],
        [Item(f"- {paper}", number)],
        [Item(f"- {home}", f["residence"], "long")],
        [Item("- Tình trạng hôn nhân", f["marital_status"], "long")],
    ])
    y = form.text_line(LEFT, y + 1, f"Giấy xác nhận này được cấp để {honorific} {name.title()} sử dụng vào việc: "
                       f"{f['purpose']}.", "regular", RIGHT, first_indent=10)
    y = form.text_line(LEFT, y, "Giấy xác nhận có giá trị 06 tháng kể từ ngày ký.", "italic", RIGHT,
                       first_indent=10)
    y += 4
    page.text(LEFT, y + 1, "Nơi nhận:", "bolditalic", 11)
    for k, text in enumerate(("- Như trên;", f"- {honorific.title()} {name.title()};", "- Lưu: VT, TP.")):
        page.text(LEFT, y + 6 + 4.8 * k, text, "regular", 10.5)
    form_kit.signer_fit(page, 140, y + 1, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], None, s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"ms-cong-van": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"ms-cong-van": _show}
