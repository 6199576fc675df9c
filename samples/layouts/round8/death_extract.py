"""Round-8 death extract ``de-giay-bao-tu-mot-cau``: the "TRÍCH LỤC KHAI TỬ" a commune's software printed in
2016–2025 where the deceased's identity paper and the paper proving the death are told in one sentence under the
particulars ("Số định danh cá nhân 0221…, đã chết theo Giấy báo tử số 25/GBT do Trạm Y tế xã … cấp ngày
07/02/2024." — or "Giấy chứng minh nhân dân số …" for the 9-digit number of the time): the number inside the
sentence, not on a labelled line, and beside it the notice's own number, issuer and date (not the truth's); the
time and day of death on one labelled line ("Chết vào lúc"), the place and the cause on theirs; Số only (no
Quyển số) at the right of the title; the registration at the foot as "Nơi đăng ký khai tử" and "Ngày đăng ký".
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_kit
from samples.layouts.common import LEFT, RIGHT, adjusting, national_header, place_date, title
from samples.layouts.form_kit import Form, Item, Style
from samples.layouts.round7.kit import figures

FAMILIES = {"de-giay-bao-tu-mot-cau": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"de-giay-bao-tu-mot-cau": {"2015-form": 30, "2020-form": 70}}
Build = Callable[..., Doc]


def _show(rng: random.Random) -> dict:
    return {"style": Style(leaders=rng.random() < 0.4, value_font=rng.choice(["serif", "bold"]), pt=12.5, line=6.9)}


def _noticed(doc: Doc, rng: random.Random) -> None:
    """The notice's date (the death's day or after, before the registration); never without a paper."""
    died = date.fromisoformat(doc.fields["date_of_death"])
    registered = date.fromisoformat(doc.fields["registration_date"])
    doc.show["notice_date"] = died + timedelta(days=rng.randint(0, max(0, (registered - died).days)))


def with_notices(build: Build) -> Build:
    """``build`` of samples/layouts/death_extract.py; a ``de-giay-bao-tu-mot-cau`` death has its notice's date."""
    return adjusting(build, FAMILIES, _noticed)


def sentence(doc: Doc) -> str:
    """The sentence of the identity paper and the death notice."""
    f, s = doc.fields, doc.show
    number = f["personal_id"]
    paper = f"Giấy chứng minh nhân dân số {number}" if len(number) == 9 else f"Số định danh cá nhân {number}"
    return (f"{paper}, đã chết theo Giấy báo tử số {s['notice']} do {s['notice_by']} cấp ngày "
            f"{figures(s['notice_date'].isoformat())}.")


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    form = Form(page, s["style"], indent=4.0)
    y = national_header(page, s["header"])
    y = title(page, y + 12, "TRÍCH LỤC KHAI TỬ")
    page.text(RIGHT, y - 9, f"Số: {f['number']}", "regular", 12, align="right")
    y = form.rows(LEFT, RIGHT, y + 2, [
        [Item("Họ, chữ đệm, tên người đã chết", f["full_name"], "name")],
        [Item("Ngày, tháng, năm sinh", figures(f["date_of_birth"]))],
        [Item("Giới tính", people.sex_label(f["sex"])), Item("Dân tộc", f["ethnicity"]),
         Item("Quốc tịch", f["nationality"])],
        [Item("Nơi cư trú cuối cùng", s["residence"], "long")],
    ])
    y = form.text_line(LEFT, y, sentence(doc), "typed", RIGHT, first_indent=8)
    died = date.fromisoformat(f["date_of_death"])
    y = form.rows(LEFT, RIGHT, y + 1, [
        [Item("Chết vào lúc", f"{s['time']}, ngày {figures(died.isoformat())}")],
        [Item("Nơi chết", f["place_of_death"], "long")],
        [Item("Nguyên nhân chết", s["cause"])],
        [Item("Họ, chữ đệm, tên người đi khai tử", s["declarant"], "name")],
        [Item("Quan hệ với người đã chết", s["relation"])],
        [Item("Nơi đăng ký khai tử", f["registration_authority"], "long")],
        [Item("Ngày đăng ký", figures(f["registration_date"]))],
    ])
    y = place_date(page, 140, y + 3, s["place"], date.fromisoformat(f["registration_date"]))
    form_kit.signer_fit(page, 140, y, s["heading"], None, s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"de-giay-bao-tu-mot-cau": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"de-giay-bao-tu-mot-cau": _show}
