"""Round-7 marriage certificate ``mc-bang-anh-chi-1980s``: the "GIẤY CHỨNG NHẬN KẾT HÔN" a commune typed on a
pre-printed blank in the 1980s and 1990s (Law on Marriage and the Family 1959 and 1986): the older header ("UBND
HUYỆN …" over "UBND XÃ …"), Số and Quyển số under it; the registration told first, in the sentence that opens
the paper ("… chứng nhận anh và chị có tên dưới đây đã đăng ký kết hôn tại <authority>, ngày … tháng … năm
…:"); the spouses as the two rows of one ruled table whose columns are the items ("Họ và tên", "Ngày, tháng,
năm sinh", "Dân tộc", "Quốc tịch", "Nghề nghiệp", "Số giấy CMND", "Nơi thường trú"), the rows headed "Anh" and
"Chị" (the husband's first); typewritten; the spouses sign side by side at the left, the chairman at the right.
The spouses' papers are the 9-digit CMND of the time, often none. The occupation is printed, not in the truth.
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
from samples.layouts.form_extras import Cell, grid
from samples.layouts.form_kit import Form, MeasuringPage, Style
from samples.layouts.round7.kit import figures
from samples.stamp import multiply, signature_layer
from samples.vntext import date_long

FAMILIES = {"mc-bang-anh-chi-1980s": "tuning"}
VARIANTS = {"1985-form": (date(1980, 1, 1), date(1997, 12, 31))}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"mc-bang-anh-chi-1980s": {"1985-form": 1}}
JOBS = ["Làm ruộng", "Công nhân", "Thợ mỏ", "Giáo viên", "Bộ đội", "Cán bộ", "Xã viên", "Buôn bán", "Ngư dân"]
# (header, width mm, field of the spouse or "" for the row's heading, "job" for the occupation)
COLUMNS = (("", 9.0, ""), ("Họ và tên", 31.0, "name"), ("Ngày, tháng, năm sinh", 22.0, "date_of_birth"),
           ("Dân tộc", 17.0, "ethnicity"), ("Quốc tịch", 19.0, "nationality"), ("Nghề nghiệp", 18.0, "job"),
           ("Số giấy CMND", 21.0, "personal_id"), ("Nơi thường trú", 35.0, "residence"))
Build = Callable[..., Doc]


def _show(rng: random.Random) -> dict:
    return {"pt": rng.choice([11.5, 12.0]), "table_pt": rng.choice([8.5, 9.0]),
            "jobs": (rng.choice(JOBS), rng.choice(JOBS))}


def _old_papers(doc: Doc, rng: random.Random) -> None:
    """The spouses' 9-digit CMND (or none), the older header."""
    f, s = doc.fields, doc.show
    for key in ("husband", "wife"):
        f[f"{key}_personal_id"] = idnumbers.old_id_number(rng) if rng.random() < 0.6 else None
    parts = f["registration_authority"].removeprefix("Ủy ban nhân dân ").split(", ")
    s["header"] = form_kit.header_lines(parts[0], parts[1] if len(parts) > 2 else None, older=True)
    s["unit"] = parts[0]


def with_old_tables(build: Build) -> Build:
    """``build`` of samples/layouts/marriage_certificate.py; an ``mc-bang-anh-chi-1980s`` couple shows CMND
    numbers of the time or none."""
    return adjusting(build, FAMILIES, _old_papers)


def cell(doc: Doc, row: int, key: str) -> str:
    """The text of one cell of the spouses' table (``row`` 0 the husband, 1 the wife)."""
    spouse = ("husband", "wife")[row]
    if key == "":
        return ("Anh", "Chị")[row]
    if key == "job":
        return doc.show["jobs"][row]
    value = doc.fields[f"{spouse}_{key}"]
    return figures(value) if key == "date_of_birth" else value or ""


def _table_pt(page: Page, doc: Doc, pt: float) -> float:
    """The table's type, smaller until every short value fits its cell on one line (with room to spare: only
    the names and the homes wrap)."""
    short = [(cell(doc, row, key), width) for row in (0, 1) for _, width, key in COLUMNS
             if key in ("date_of_birth", "ethnicity", "nationality", "personal_id")]
    while pt > 7.0 and any(page.width(text, "typewriter", pt) > (width - 3.6) * 0.9 for text, width in short):
        pt -= 0.5
    return pt


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    form = Form(page, Style(leaders=False, value_font="typewriter", pt=s["pt"], line=6.4))
    y = national_header(page, s["header"])
    page.text(57, y + 1, f"Số: {f['number']}", "typewriter", 11.5, align="center")
    page.text(57, y + 6.6, f"Quyển số: {f['book']}", "typewriter", 11.5, align="center")
    y = title(page, y + 22, "GIẤY CHỨNG NHẬN KẾT HÔN", 16.5)
    registered = date.fromisoformat(f["registration_date"])
    intro = (f"Ủy ban nhân dân {s['unit']} chứng nhận anh và chị có tên dưới đây đã đăng ký kết hôn tại "
             f"{f['registration_authority']}, {date_long(registered)}:")
    y = form.text_line(LEFT, y + 2, intro, "typewriter", RIGHT, first_indent=10)
    pt = _table_pt(page, doc, s["table_pt"])
    rows = [[Cell(head, "bold", width, "center") for head, width, _ in COLUMNS]]
    for row in (0, 1):
        rows.append([Cell(cell(doc, row, key), "bold" if key == "" else "typewriterbold" if key == "name"
                          else "typewriter", width) for _, width, key in COLUMNS])
    y = grid(page, LEFT, y + 2, rows, pt)
    y = form.text_line(LEFT, y + 8, "Hai bên đã tự nguyện kết hôn và cam đoan những lời khai trên là đúng sự "
                       "thật.", "typewriter", RIGHT, first_indent=10)
    y = place_date(page, 145, y + 4, s["place"], registered)
    for k, (label, key) in enumerate((("Chữ ký của anh", "husband"), ("Chữ ký của chị", "wife"))):
        cx = 38 + k * 46
        page.text(cx, y, label, "bold", 11.5, align="center")
        if not isinstance(page, MeasuringPage):
            multiply(page, signature_layer(page, rng, 28, 11), cx - 14 + rng.uniform(-2, 2), y + 4)
        page.text(cx, y + 22, f[f"{key}_name"].title(), "typewriter", 10.5, align="center")
    form_kit.signer_fit(page, 145, y, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], None, s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"mc-bang-anh-chi-1980s": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"mc-bang-anh-chi-1980s": _show}
