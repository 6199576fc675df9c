"""Round-8 marriage certificate ``mc-nhan-giua-1998``: the "GIẤY CHỨNG NHẬN KẾT HÔN" of the Decree 83/1998/NĐ-CP
years (1998–2005), a pre-printed blank filled in on a typewriter: Số and Quyển số under the older header ("UBND
HUYỆN …" over "UBND XÃ …"); the spouses side by side with the labels printed only once, in a centre column
("Họ và tên", "Ngày, tháng, năm sinh", "Dân tộc", "Quốc tịch", "Nơi thường trú", "Số Giấy CMND"), the husband's
values in the left column and the wife's in the right one under the headings "Bên chồng" and "Bên vợ" (no
label beside any value, no colon); then the registration as "Đăng ký kết hôn tại" and a split date "Đăng ký ngày …
tháng … năm …"; the spouses' signatures left and right, the chairman's in the middle under them. The spouses' papers
are the 9-digit CMND of the time, some none.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from samples import idnumbers
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_kit
from samples.layouts.common import LEFT, RIGHT, adjusting, national_header, title
from samples.layouts.form_kit import Form, Item, MeasuringPage, Style
from samples.layouts.round7.kit import figures
from samples.stamp import multiply, signature_layer

FAMILIES = {"mc-nhan-giua-1998": "tuning"}
VARIANTS = {"1998-form": (date(1998, 4, 1), date(2005, 12, 31))}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"mc-nhan-giua-1998": {"1998-form": 1}}
# The three columns: the husband's values, the labels, the wife's values (mm).
HUSBAND, LABELS, WIFE = (LEFT, 80.0), (82.0, 128.0), (132.0, RIGHT)
ROWS = (("Họ và tên", "name"), ("Ngày, tháng, năm sinh", "date_of_birth"), ("Dân tộc", "ethnicity"),
        ("Quốc tịch", "nationality"), ("Nơi thường trú", "residence"), ("Số Giấy CMND", "personal_id"))
Build = Callable[..., Doc]


def _show(rng: random.Random) -> dict:
    return {"pt": rng.choice([11.0, 11.5]), "centred": rng.random() < 0.5}


def _old_papers(doc: Doc, rng: random.Random) -> None:
    """The spouses' 9-digit CMND (or none), the older header and the committee's unit."""
    f, s = doc.fields, doc.show
    for key in ("husband", "wife"):
        f[f"{key}_personal_id"] = idnumbers.old_id_number(rng) if rng.random() < 0.75 else None
    parts = f["registration_authority"].removeprefix("Ủy ban nhân dân ").split(", ")
    s["header"] = form_kit.header_lines(parts[0], parts[1] if len(parts) > 2 else None, older=True)


def with_centre_labels(build: Build) -> Build:
    """``build`` of samples/layouts/marriage_certificate.py; an ``mc-nhan-giua-1998`` couple shows CMND numbers
    of the time or none."""
    return adjusting(build, FAMILIES, _old_papers)


def value(doc: Doc, spouse: str, key: str) -> str:
    """What the blank shows of one spouse's item."""
    text = doc.fields[f"{spouse}_{key}"]
    return figures(text) if key == "date_of_birth" else text or ""


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    pt = s["pt"]
    line = pt * 0.5
    form = Form(page, Style(leaders=False, value_font="typewriter", pt=pt, line=6.6))
    y = national_header(page, s["header"])
    page.text(57, y + 1, f"Số: {f['number']}", "typewriter", 11.5, align="center")
    page.text(57, y + 6.6, f"Quyển số: {f['book']}", "typewriter", 11.5, align="center")
    y = title(page, y + 22, "GIẤY CHỨNG NHẬN KẾT HÔN", 16.5) + 2
    for (x0, x1), heading in ((HUSBAND, "Bên chồng"), (WIFE, "Bên vợ")):
        page.text((x0 + x1) / 2, y, heading, "bold", 12.5, align="center")
    y += 8
    for label, key in ROWS:
        labels = page.wrap(label, LABELS[1] - LABELS[0], LABELS[1] - LABELS[0], "italic", pt)
        heights = [len(labels)]
        for (x0, x1), spouse in ((HUSBAND, "husband"), (WIFE, "wife")):
            style = "typewriterbold" if key == "name" else "typewriter"
            lines = page.wrap(value(doc, spouse, key), x1 - x0, x1 - x0, style, pt)
            for k, text in enumerate(lines):
                at = (x0 + x1) / 2 if s["centred"] else x0
                page.text(at, y + k * line, text, style, pt, align="center" if s["centred"] else "left")
            heights.append(len(lines))
        for k, text in enumerate(labels):
            page.text((LABELS[0] + LABELS[1]) / 2, y + k * line, text, "italic", pt, align="center")
        y += max(heights) * line + 3.2
    registered = date.fromisoformat(f["registration_date"])
    y = form.rows(LEFT, RIGHT, y + 2, [[Item("Đăng ký kết hôn tại", f["registration_authority"], "long")]])
    y = form.split_date(LEFT, y, "Đăng ký", registered, RIGHT) + 3
    for label, spouse, cx in (("Chữ ký của chồng", "husband", 45.0), ("Chữ ký của vợ", "wife", 165.0)):
        page.text(cx, y, label, "bold", 11.5, align="center")
        if not isinstance(page, MeasuringPage):
            multiply(page, signature_layer(page, rng, 28, 11), cx - 14 + rng.uniform(-2, 2), y + 4)
        page.text(cx, y + 22, f[f"{spouse}_name"].title(), "typewriter", 10.5, align="center")
    form_kit.signer_fit(page, 105, y + 30, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], None, s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"mc-nhan-giua-1998": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"mc-nhan-giua-1998": _show}
