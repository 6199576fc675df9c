"""Round-6 marriage certificate ``mc-van-xuoi-1990s``: the "GIẤY CHỨNG NHẬN KẾT HÔN" a commune typed whole on a
typewriter in the late 1980s and the 1990s (Law on Marriage and the Family 1986, Decree 83/1998): the header
names the district's and the commune's committee ("UBND HUYỆN …" over "UBND XÃ …"), Số and Quyển số under it;
no labels and no leaders: after "… chứng nhận:" each spouse is one running paragraph ("Anh: <name>" on its
line, then "sinh ngày … tháng … năm …; dân tộc: …; quốc tịch: …; nơi thường trú: …; giấy chứng minh nhân dân
số …"), then "và chị: <name>" and hers; the registration as the closing sentence ("đã đăng ký kết hôn tại
<authority>, ngày … tháng … năm …"); the spouses sign one over the other at the left, the chairman at the right.
The spouses' papers are the 9-digit CMND of the time (sometimes none).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from samples import idnumbers
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_kit
from samples.layouts.common import LEFT, RIGHT, adjusting, national_header, place_date, title
from samples.layouts.form_kit import Form, MeasuringPage, Style
from samples.stamp import multiply, signature_layer
from samples.vntext import date_long

FAMILIES = {"mc-van-xuoi-1990s": "tuning"}
VARIANTS = {"1990-form": (date(1988, 1, 1), date(2005, 12, 31))}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"mc-van-xuoi-1990s": {"1990-form": 1}}
Build = Callable[..., Doc]


def _show(rng: random.Random) -> dict:
    return {"pt": rng.choice([11.5, 12.0]), "intro_bold": rng.random() < 0.5}


def _old_papers(doc: Doc, rng: random.Random) -> None:
    """The spouses' 9-digit CMND (or none), the older header."""
    f, s = doc.fields, doc.show
    for key in ("husband", "wife"):
        f[f"{key}_personal_id"] = idnumbers.old_id_number(rng) if rng.random() < 0.85 else None
    parts = f["registration_authority"].removeprefix("Ủy ban nhân dân ").split(", ")
    s["header"] = form_kit.header_lines(parts[0], parts[1] if len(parts) > 2 else None, older=True)
    s["unit"] = ", ".join(parts[:-1])


def with_old_papers(build: Build) -> Build:
    """``build`` of samples/layouts/marriage_certificate.py; an ``mc-van-xuoi-1990s`` couple shows CMND numbers."""
    return adjusting(build, FAMILIES, _old_papers)


def _spouse(doc: Doc, key: str) -> str:
    f = doc.fields
    text = (f"sinh {date_long(date.fromisoformat(f[f'{key}_date_of_birth']))}; dân tộc: {f[f'{key}_ethnicity']}; "
            f"quốc tịch: {f[f'{key}_nationality']}; nơi thường trú: {f[f'{key}_residence']}")
    if f[f"{key}_personal_id"]:
        text += f"; giấy chứng minh nhân dân số {f[f'{key}_personal_id']}"
    return text + ";"


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    pt = s["pt"]
    form = Form(page, Style(leaders=False, value_font="typewriter", pt=pt, line=6.6))
    y = national_header(page, s["header"])
    page.text(57, y + 1, f"Số: {f['number']}", "typewriter", 11.5, align="center")
    page.text(57, y + 6.6, f"Quyển số: {f['book']}", "typewriter", 11.5, align="center")
    y = title(page, y + 22, "GIẤY CHỨNG NHẬN KẾT HÔN", 16.5)
    intro = f"ỦY BAN NHÂN DÂN {s['unit'].upper()} chứng nhận:"
    y = form.text_line(LEFT, y + 2, intro, "typewriterbold" if s["intro_bold"] else "typewriter", RIGHT,
                       first_indent=10)
    for lead, key in (("Anh", "husband"), ("và chị", "wife")):
        end = page.text(LEFT + 10, y + 2, f"{lead}:", "typewriter", pt, record=False)
        page.text(end + 2, y + 2, f[f"{key}_name"], "typewriterbold", pt + 0.5, record=False)
        page.record(f"{lead}: {f[f'{key}_name']}", LEFT + 10, y + 2)
        y = form.text_line(LEFT, y + 2 + form.line, _spouse(doc, key), "typewriter", RIGHT, first_indent=10)
    registered = date.fromisoformat(f["registration_date"])
    closing = f"đã đăng ký kết hôn tại {f['registration_authority']}, {date_long(registered)}."
    y = form.text_line(LEFT, y + 2, closing, "typewriter", RIGHT, first_indent=10)
    top = y + 6
    for k, label in enumerate(("Chữ ký của chồng", "Chữ ký của vợ")):
        yy = top + k * 34
        page.text(55, yy, label, "bold", 12, align="center")
        if not isinstance(page, MeasuringPage):
            multiply(page, signature_layer(page, rng, 30, 12), 40 + rng.uniform(-3, 3), yy + 3)
        key = "husband" if k == 0 else "wife"
        page.text(55, yy + 21, f[f"{key}_name"].title(), "typewriter", 11, align="center")
    y = place_date(page, 145, top, s["place"], registered)
    form_kit.signer_fit(page, 145, y, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], None, s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"mc-van-xuoi-1990s": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"mc-van-xuoi-1990s": _show}
