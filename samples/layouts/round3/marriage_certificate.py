"""Round-3 marriage certificate ``mc-stacked-frames``: the certificate printed on the pre-printed
blank of Circular 15/2015/TT-BTP as some provinces' software fills it: Số and Quyển số one above the other at
the top right, the husband's and the wife's particulars in two stacked ruled frames (each with its heading in
the frame's top edge), labels at the left and values set flush right, the place and date of registration below
the frames (the authority on the line under its label), the spouses' signature boxes, the signer.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.common import LEFT, RIGHT, national_header, title
from samples.layouts.form_kit import signer_fit
from samples.layouts.round3.kit import id_paper, right_row
from samples.stamp import multiply, signature_layer
from samples.vntext import date_figures, date_long

FAMILIES = {"mc-stacked-frames": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"mc-stacked-frames": {"2015-form": 50, "2020-form": 35,
                                                                    "2025-form": 15}}
HEADINGS = [("NGƯỜI CHỒNG", "NGƯỜI VỢ"), ("Bên chồng", "Bên vợ"), ("CHỒNG", "VỢ")]


def _show(rng: random.Random) -> dict:
    return {"frame_headings": rng.choice(HEADINGS), "value_style": rng.choice(["typedbold", "typed", "typewriter"]),
            "id_label": rng.choice(["Giấy tờ tùy thân", "Số định danh cá nhân"])}


def _frame(page: Page, top: float, heading: str, rows: list[tuple[str, str | None]], value_style: str,
           rng: random.Random) -> float:
    """A ruled frame with its heading broken into the top rule; returns the y below the frame."""
    pt, line = 12.0, 6.3
    x0, x1 = LEFT, RIGHT
    y = top + 8.5
    for label, value in rows:
        style = "typedbold" if label.startswith("Họ") and value_style != "typewriter" else value_style
        y = right_row(page, x0 + 5, x1 - 5, y, label, value, pt, line, style)
    bottom = y - line + 4
    page.rect(x0, top, x1, bottom, width=0.35)
    width = page.width(heading, "bold", 12.5)
    page.rect(x0 + 8, top - 2.5, x0 + 12 + width, top + 2.5, outline=None, fill=(255, 255, 255))
    page.text(x0 + 10, top + 1.6, heading, "bold", 12.5)
    return bottom


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    y = national_header(page, s["header"])
    page.text(150, y + 1, f"Số: {f['number']}", "regular", 12)
    page.text(150, y + 6.5, f"Quyển số: {f['book']}", "regular", 12)
    y = title(page, y + 17, "GIẤY CHỨNG NHẬN KẾT HÔN", 17) + 4
    for key, heading in (("husband", s["frame_headings"][0]), ("wife", s["frame_headings"][1])):
        number = f[f"{key}_personal_id"]
        label = "Giấy tờ tùy thân" if number and len(number) == 9 else s["id_label"]  # a CMND is no personal number
        paper = id_paper(s["id_word"], number) if label == "Giấy tờ tùy thân" else number
        rows = [("Họ, chữ đệm, tên", f[f"{key}_name"]),
                ("Ngày, tháng, năm sinh", date_figures(date.fromisoformat(f[f"{key}_date_of_birth"]))),
                ("Dân tộc", f[f"{key}_ethnicity"]), ("Quốc tịch", f[f"{key}_nationality"]),
                ("Nơi cư trú", f[f"{key}_residence"]), (label, paper)]
        y = _frame(page, y, heading, rows, s["value_style"], rng) + 9
    page.text(LEFT, y, "Nơi đăng ký kết hôn:", "regular", 12)
    y += 6.3
    for line in page.wrap(f["registration_authority"], RIGHT - LEFT - 10, RIGHT - LEFT - 10, s["value_style"], 12):
        page.text(LEFT + 8, y, line, s["value_style"], 12)
        y += 6.3
    registered = date.fromisoformat(f["registration_date"])
    if s["date_line"]:
        page.text(LEFT, y, f"Ngày, tháng, năm đăng ký: {date_figures(registered)}", "regular", 12)
    else:
        page.text(RIGHT, y, f"{s['place']}, {date_long(registered)}", "italic", 12, align="right")
    y += 9
    for cx, who in ((60, "Chồng"), (150, "Vợ")):
        page.text(cx, y, who, "bold", 11.5, align="center")
        page.text(cx, y + 4.6, "(Ký, ghi rõ họ, chữ đệm, tên)", "italic", 9.5, align="center")
        multiply(page, signature_layer(page, rng, 28, 12), cx - 14, y + 7)
    signer_fit(page, 140, y + 25, s["heading"], None, s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"mc-stacked-frames": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"mc-stacked-frames": _show}
