"""Round-4 birth certificate ``bc-dang-ky-lai``: the "GIẤY KHAI SINH" issued when a birth registered long ago
is registered again ("đăng ký lại khai sinh", Decree 123/2015, the original register lost): the registration
decades after the birth, a personal number given at re-registration, the commune of today in the header. Số and
Quyển số one above the other at the left under the header, the title with "(Đăng ký lại)" under it, the child's,
the mother's and the father's particulars under underlined headings, each label followed by a dotted leader to
one tab stop where the value starts (wrapped lines under it), "Nơi đăng ký lại khai sinh" and "Ngày, tháng, năm
đăng ký lại", the note "Đăng ký lại", the signer.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from samples import idnumbers, people, places
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.common import LEFT, RIGHT, adjusting, national_header, place_date, title
from samples.layouts.form_kit import signer_fit
from samples.layouts.round4.kit import leader_tab, register_again, underlined
from samples.vntext import date_figures

FAMILIES = {"bc-dang-ky-lai": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"bc-dang-ky-lai": {"1999-form": 55, "2005-form": 45}}
LAST_DAY = date(2026, 10, 31)
Build = Callable[..., Doc]


def _show(rng: random.Random, _variant: str) -> dict:
    return {"value_style": rng.choice(["typed", "typedbold", "typewriter"]), "tab": rng.choice([80.0, 86.0]),
            "subtitle": rng.choice(["(Đăng ký lại)", "(ĐĂNG KÝ LẠI)", "(Bản chính - Đăng ký lại)"]),
            "headings": rng.choice([("Người được khai sinh", "Người mẹ", "Người cha"),
                                    ("PHẦN KHAI VỀ NGƯỜI ĐƯỢC KHAI SINH", "PHẦN KHAI VỀ NGƯỜI MẸ",
                                     "PHẦN KHAI VỀ NGƯỜI CHA")])}


def _reregister(doc: Doc, rng: random.Random) -> None:
    f = doc.fields
    born = date.fromisoformat(f["date_of_birth"])
    start = max(born + timedelta(days=365 * 6), date(2016, 3, 1))
    registered = start + timedelta(days=rng.randint(0, max(1, (LAST_DAY - start).days)))
    f["book"] = f"{rng.randint(1, 3):02d}/{registered.year}"
    loc = register_again(rng, doc, registered)
    if loc is not None:  # the parents' residence as named on the day
        residence = places.address(rng, loc)
        for key in ("mother", "father"):
            if f[f"{key}_name"]:
                f[f"{key}_residence"] = residence
    f["personal_id"] = idnumbers.personal_id(rng, born, f["sex"]) if registered >= date(2018, 1, 1) else None


def with_reregistration(build: Build) -> Build:
    """``build`` of samples/layouts/birth_certificate.py; a ``bc-dang-ky-lai`` document is registered again
    years after the birth (after the 2025 reform by a commune of the new units), and has the personal number
    given then."""
    return adjusting(build, FAMILIES, _reregister)


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    pt, line = 12.0, 5.95
    value, tab = s["value_style"], s["tab"]
    y = national_header(page, s["header"])
    page.text(LEFT, y + 1, f"Số: {f['number']}", "regular", 12)
    page.text(LEFT, y + 6.5, f"Quyển số: {f['book']}", "regular", 12)
    y = title(page, y + 16, "GIẤY KHAI SINH", 17)
    page.text(105, y - 3, s["subtitle"], "italic" if s["subtitle"][1].islower() else "bold", 12, align="center")
    y += 5
    born = date.fromisoformat(f["date_of_birth"])
    child = [("Họ, chữ đệm, tên", f["full_name"]), ("Ngày, tháng, năm sinh", date_figures(born)),
             ("Ghi bằng chữ", s["words"]), ("Giới tính", people.sex_label(f["sex"])), ("Dân tộc", f["ethnicity"]),
             ("Quốc tịch", f["nationality"]), ("Nơi sinh", f["place_of_birth"]), ("Quê quán", f["hometown"]),
             ("Số định danh cá nhân", f["personal_id"])]
    blocks = [(s["headings"][0], child)]
    for heading, key in ((s["headings"][1], "mother"), (s["headings"][2], "father")):
        blocks.append((heading, [("Họ, chữ đệm, tên", f[f"{key}_name"]), ("Năm sinh", f[f"{key}_birth_year"]),
                                 ("Dân tộc", f[f"{key}_ethnicity"]), ("Quốc tịch", f[f"{key}_nationality"]),
                                 ("Nơi cư trú", f[f"{key}_residence"])]))
    registered = date.fromisoformat(f["registration_date"])
    tail = [("Nơi đăng ký lại khai sinh", f["registration_authority"]),
            ("Ngày, tháng, năm đăng ký lại", date_figures(registered))]
    count = sum(len(page.wrap(text or "", RIGHT - tab, RIGHT - tab, value, pt))
                for _, rows in [*blocks, ("", tail)] for _, text in rows)
    line = min(line, (226 - y - 9.5 * len(blocks)) / (count + len(blocks)))  # the signer keeps 55 mm
    for heading, rows in blocks:
        underlined(page, LEFT, y, heading, 11.5)
        y += line + 0.4
        for label, text in rows:
            style = f"{value}bold" if label.startswith("Họ") and value != "typedbold" else value
            y = leader_tab(page, LEFT + 4, tab, RIGHT, y, label, text, pt, line, style)
        y += 1.5
    y += 1
    for label, text in tail:
        y = leader_tab(page, LEFT, tab, RIGHT, y, label, text, pt, line, value)
    page.text(LEFT, y, "Ghi chú: Đăng ký lại", "italic", 11.5)
    y = place_date(page, 140, y + 6, s["place"], registered)
    signer_fit(page, 140, y, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"bc-dang-ky-lai": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random, str], dict]] = {"bc-dang-ky-lai": _show}
