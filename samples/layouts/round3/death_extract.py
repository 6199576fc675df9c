"""Round-3 death extract ``de-declarant-table``: the extract as district and commune software printed it
from 2016 on (Circular 15/2015/TT-BTP particulars): the declarant's block first (name, relation, identity
paper), then the deceased's particulars and the registration as two ruled two-column tables (a label cell that
may break over two lines, the value cell beside it, wrapped inside the cell), the time and date of death in one
cell, the signer below.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from samples import idnumbers, people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_extras
from samples.layouts.common import LEFT, RIGHT, national_header, place_date, title
from samples.layouts.form_extras import Cell
from samples.layouts.form_kit import signer_fit
from samples.layouts.round3.kit import id_paper
from samples.vntext import date_figures

FAMILIES = {"de-declarant-table": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"de-declarant-table": {"2015-form": 40, "2020-form": 40,
                                                                     "2025-form": 20}}


def _show(rng: random.Random) -> dict:
    return {"label_width": rng.choice([40.0, 46.0, 58.0]), "value_style": rng.choice(["typed", "typedbold", "sans"]),
            "label_style": rng.choice(["regular", "bold"]), "book_line": rng.random() < 0.5,
            "declarant_id": idnumbers.old_id_number(rng) if rng.random() < 0.3 else None,
            "cause_row": rng.random() < 0.7}


def _table(page: Page, top: float, rows: list[tuple[str, str | None]], label_width: float, label_style: str,
           value_style: str) -> float:
    width = RIGHT - LEFT
    cells = [[Cell(label, label_style, label_width), Cell(value or "", value_style, width - label_width)]
             for label, value in rows]
    return form_extras.grid(page, LEFT, top, cells, 11.5, pad=2.0)


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    y = national_header(page, s["header"])
    y = title(page, y + 10, "TRÍCH LỤC KHAI TỬ", 16)
    number = f"Số: {f['number']}" + (f"      Quyển số: {s['book']}" if s["book_line"] else "")
    page.text(105, y - 2, number, "regular", 12, align="center")
    y += 7
    page.text(LEFT, y, "Người đi khai tử", "bold", 12)
    y += 6.2
    paper = id_paper("CMND số", s["declarant_id"]) or "……………………………"
    relation = s["relation"]
    if relation in ("Vợ", "Chồng"):  # the surviving spouse
        relation = "Chồng" if f["sex"] == "female" else "Vợ"
    for label, value in (("Họ, chữ đệm, tên", s["declarant"]), ("Quan hệ với người đã chết", relation),
                         ("Giấy tờ tùy thân", paper)):
        page.text(LEFT + 6, y, f"{label}: {value}", "regular", 12)
        y += 6.2
    y += 2
    page.text(LEFT, y, "Thông tin người đã chết", "bold", 12)
    died = date.fromisoformat(f["date_of_death"])
    number_id = f["personal_id"]
    rows = [("Họ, chữ đệm, tên", f["full_name"]),
            ("Ngày, tháng, năm sinh", date_figures(date.fromisoformat(f["date_of_birth"]))),
            ("Giới tính", people.sex_label(f["sex"])), ("Dân tộc", f["ethnicity"]), ("Quốc tịch", f["nationality"]),
            ("Số định danh cá nhân" if not number_id or len(number_id) == 12 else "Giấy tờ tùy thân",
             number_id if not number_id or len(number_id) == 12 else id_paper(s["id_word"], number_id)),
            ("Nơi cư trú cuối cùng", s["residence"]),
            ("Đã chết vào lúc", f"{s['time']}, ngày {date_figures(died)}"),
            ("Nơi chết", f["place_of_death"])]
    if s["cause_row"]:
        rows.append(("Nguyên nhân chết", s["cause"]))
    y = _table(page, y + 3, rows, s["label_width"], s["label_style"], s["value_style"]) + 7
    page.text(LEFT, y, "Thông tin đăng ký", "bold", 12)
    registered = date.fromisoformat(f["registration_date"])
    y = _table(page, y + 3, [("Nơi đăng ký khai tử", f["registration_authority"]),
                             ("Ngày, tháng, năm đăng ký", date_figures(registered))],
               s["label_width"], s["label_style"], s["value_style"]) + 8
    y = place_date(page, 140, y, s["place"], registered)
    signer_fit(page, 140, y, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"de-declarant-table": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"de-declarant-table": _show}
