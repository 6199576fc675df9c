"""Round-7 marital-status confirmation ``ms-qua-trinh-hon-nhan``: the confirmation a commune issues to a person
married before (2016–2025), with the marriages of the past as a ruled table under the status ("Quá trình hôn
nhân": STT, the spouse's name, the day and the place of the marriage's registration, how it ended — the
judgment of divorce with its court and date, or the spouse's death — or "Đang chung sống"); the status line
above the table says the present only ("Hiện tại chưa đăng ký kết hôn với ai" after a divorce or the spouse's
death, "Đang có vợ là bà …" / "Đang có chồng là ông …" when the last marriage lasts); "Số:" under the authority;
"Xét đề nghị của …" and "<authority> xác nhận:" before the labelled particulars, the purpose and the validity
after the table. The spouses' names, the dates and the other committees in the table are not the truth's.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from samples import idnumbers, people, places
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_kit
from samples.layouts.common import LEFT, RIGHT, adjusting, national_header, place_date, title
from samples.layouts.form_extras import Cell, grid
from samples.layouts.form_kit import Form, Item, Style
from samples.layouts.round7.kit import figures

FAMILIES = {"ms-qua-trinh-hon-nhan": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"ms-qua-trinh-hon-nhan": {"2015-form": 30, "2020-form": 70}}
VALIDITY = "Giấy này có giá trị sử dụng trong thời hạn 6 tháng, kể từ ngày cấp."
# (header, width mm)
COLUMNS = (("STT", 12.0), ("Họ, chữ đệm, tên vợ/chồng", 42.0), ("Ngày đăng ký kết hôn", 26.0),
           ("Nơi đăng ký kết hôn", 50.0), ("Tình trạng", 42.0))
Build = Callable[..., Doc]


def _show(rng: random.Random) -> dict:
    return {"style": Style(leaders=rng.random() < 0.4, value_font=rng.choice(["serif", "bold"]), pt=12.5, line=6.8),
            "table_pt": rng.choice([9.5, 10.0])}


def _court(rng: random.Random, loc: places.Locality) -> str:
    return f"Tòa án nhân dân {loc.district}" if loc.district else f"Tòa án nhân dân khu vực {rng.randint(1, 9)}"


def _history(doc: Doc, rng: random.Random) -> None:
    """One or two marriages before the paper: the first ended (divorce or death), the second ended or lasting;
    the person old enough for them (a 12-digit personal number follows the new date of birth)."""
    f, s = doc.fields, doc.show
    issued = date.fromisoformat(f["issue_date"])
    born = date.fromisoformat(f["date_of_birth"])
    if (issued - born).days < 365 * 30:
        born = people.random_date(rng, issued - timedelta(days=365 * 58), issued - timedelta(days=365 * 30))
        f["date_of_birth"] = born.isoformat()
        if f["personal_id"] and len(f["personal_id"]) == 12:
            f["personal_id"] = idnumbers.adult_personal_id(rng, born, f["sex"])
    partner_sex = "female" if f["sex"] == "male" else "male"
    spouse, honorific = ("vợ", "bà") if f["sex"] == "male" else ("chồng", "ông")
    count = rng.choice([1, 1, 2])
    lasting = count == 2 and rng.random() < 0.5
    start = born + timedelta(days=365 * 20)
    marriages = []
    for k in range(count):
        end = issued - timedelta(days=400 * (count - k))
        married = people.random_date(rng, start, max(start, end - timedelta(days=900)))
        loc = places.locality(rng, married)
        partner = people.full_name(rng, partner_sex)
        if k == count - 1 and lasting:
            state = "Đang chung sống"
        else:
            ended = people.random_date(rng, married + timedelta(days=300), max(married + timedelta(days=300), end))
            if rng.random() < 0.7:
                state = (f"Đã ly hôn theo Bản án số {rng.randint(1, 250)}/{ended.year}/HNGĐ-ST ngày "
                         f"{figures(ended.isoformat())} của {_court(rng, places.locality(rng, ended))}")
            else:
                state = f"{honorific.title()} {partner.title()} đã chết ngày {figures(ended.isoformat())}"
            start = ended + timedelta(days=200)
        marriages.append((partner, figures(married.isoformat()), loc.authority(), state))
    s["marriages"] = marriages
    f["marital_status"] = (f"Đang có {spouse} là {honorific} {marriages[-1][0].title()}" if lasting
                           else "Hiện tại chưa đăng ký kết hôn với ai")


def with_histories(build: Build) -> Build:
    """``build`` of samples/layouts/marital_status.py; an ``ms-qua-trinh-hon-nhan`` person married before."""
    return adjusting(build, FAMILIES, _history)


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    form = Form(page, s["style"], indent=4.0)
    y = national_header(page, s["header"])
    page.text(57, y, f"Số: {f['number']}", "regular", 12.5, align="center")
    y = title(page, y + 14, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN")
    y = form.text_line(LEFT, y, f"Xét đề nghị của {s['title']} {f['full_name'].title()} về việc cấp Giấy xác nhận "
                       "tình trạng hôn nhân,", "regular", RIGHT, first_indent=10)
    y = form.text_line(LEFT, y, f"{f['issuing_authority']} xác nhận:", "bold", RIGHT, first_indent=10)
    number = f["personal_id"]
    paper = (f"{'CMND' if len(number) == 9 else 'CCCD'} số {number}") if number else None
    y = form.rows(LEFT, RIGHT, y + 1, [
        [Item("Họ, chữ đệm, tên", f["full_name"], "name")],
        [Item("Ngày, tháng, năm sinh", figures(f["date_of_birth"]))],
        [Item("Giới tính", people.sex_label(f["sex"])), Item("Dân tộc", f["ethnicity"]),
         Item("Quốc tịch", f["nationality"])],
        [Item("Giấy tờ tùy thân", paper)],
        [Item("Nơi cư trú", f["residence"], "long")],
        [Item("Tình trạng hôn nhân", f["marital_status"], "long")],
    ])
    page.text(LEFT, y, "Quá trình hôn nhân:", "bolditalic", 12)
    pt = s["table_pt"]
    rows = [[Cell(head, "bold", width, "center") for head, width in COLUMNS]]
    for k, marriage in enumerate(s["marriages"], start=1):
        texts = (str(k), *marriage)
        rows.append([Cell(text, "typedbold" if i == 1 else "typed", width, "center" if i == 0 else "left")
                     for i, (text, (_, width)) in enumerate(zip(texts, COLUMNS, strict=True))])
    y = grid(page, LEFT, y + 3, rows, pt) + form.line
    y = form.rows(LEFT, RIGHT, y, [[Item("Giấy này được cấp để", f["purpose"], "long")]])
    y = form.text_line(LEFT, y, VALIDITY, "italic", RIGHT, first_indent=10)
    y = place_date(page, 140, y + 3, s["place"], date.fromisoformat(f["issue_date"]))
    form_kit.signer_fit(page, 140, y, s["heading"], None, s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"ms-qua-trinh-hon-nhan": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"ms-qua-trinh-hon-nhan": _show}
