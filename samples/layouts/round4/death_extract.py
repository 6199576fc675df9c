"""Round-4 death extract ``de-dang-ky-lai``: the "TRÍCH LỤC KHAI TỬ" of a death registered again years
later ("đăng ký lại khai tử", Decree 123/2015: the original register lost), as a commune's software prints it:
the death and the last residence in the units of that time, the registration by the commune of today. Số alone
(no Quyển số) under the title, "(Đăng ký lại)"; labels in bold set flush right against one column of colons,
the values left-aligned after it (wrapped under the value); the time and date of death in one value ("… giờ …
phút, ngày …"); a rule, then "Nơi đăng ký lại khai tử" and "Ngày, tháng, năm đăng ký lại"; the signer.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.common import LEFT, RIGHT, adjusting, national_header, place_date, title
from samples.layouts.form_kit import signer_fit
from samples.layouts.round4.kit import colon_row, register_again
from samples.vntext import date_figures, date_long

FAMILIES = {"de-dang-ky-lai": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"de-dang-ky-lai": {"2005-form": 70, "2015-form": 30}}
LAST_DAY = date(2026, 10, 31)
Build = Callable[..., Doc]


def _show(rng: random.Random) -> dict:
    return {"colon_x": rng.choice([80.0, 86.0]), "value_style": rng.choice(["typed", "typewriter", "sans"]),
            "death_words": rng.random() < 0.5, "none_paper": rng.choice(["", "Không có"])}


def _reregister(doc: Doc, rng: random.Random) -> None:
    f = doc.fields
    died = date.fromisoformat(f["date_of_death"])
    start = max(died + timedelta(days=730), date(2016, 1, 4))
    end = min(died + timedelta(days=365 * 12), LAST_DAY)
    registered = start + timedelta(days=rng.randint(0, max(0, (end - start).days)))
    register_again(rng, doc, registered)
    if rng.random() < 0.25:
        f["personal_id"] = None  # no identity paper of the deceased is left


def with_reregistration(build: Build) -> Build:
    """``build`` of samples/layouts/death_extract.py; a ``de-dang-ky-lai`` death is registered again 2 to 12
    years after it (after the 2025 reform by a commune of the new units)."""
    return adjusting(build, FAMILIES, _reregister)


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    y = national_header(page, s["header"])
    pt, line = 12.5, 6.7
    colon, value = s["colon_x"], s["value_style"]
    y = title(page, y + 12, "TRÍCH LỤC KHAI TỬ", 17)
    page.text(105, y - 2.5, "(Đăng ký lại)", "italic", 12.5, align="center")
    page.text(105, y + 4.5, f"Số: {f['number']}", "regular", 12.5, align="center")
    y += 16
    died = date.fromisoformat(f["date_of_death"])
    when = f"{s['time']}, {date_long(died)}" if s["death_words"] else f"{s['time']}, ngày {date_figures(died)}"
    number = f["personal_id"]
    paper = f"{s['id_word']} {number}" if number else s["none_paper"]
    rows = [("Họ, chữ đệm, tên", f["full_name"]),
            ("Ngày, tháng, năm sinh", date_figures(date.fromisoformat(f["date_of_birth"]))),
            ("Giới tính", people.sex_label(f["sex"])), ("Dân tộc", f["ethnicity"]), ("Quốc tịch", f["nationality"]),
            ("Giấy tờ tùy thân", paper), ("Nơi cư trú cuối cùng", s["residence"]), ("Đã chết vào lúc", when),
            ("Nơi chết", f["place_of_death"]), ("Nguyên nhân chết", s["cause"])]
    for label, text in rows:
        style = "typedbold" if label.startswith("Họ") and value != "typewriter" else value
        y = colon_row(page, colon, RIGHT, y, label, text, pt, line, style)
    page.hline(LEFT + 30, RIGHT - 30, y - 2.5, 0.3)
    y += 3
    registered = date.fromisoformat(f["registration_date"])
    y = colon_row(page, colon, RIGHT, y, "Nơi đăng ký lại khai tử", f["registration_authority"], pt, line, value)
    y = colon_row(page, colon, RIGHT, y, "Ngày, tháng, năm đăng ký lại", date_figures(registered), pt, line, value)
    y = place_date(page, 140, y + 6, s["place"], registered)
    signer_fit(page, 140, y, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"de-dang-ky-lai": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"de-dang-ky-lai": _show}
