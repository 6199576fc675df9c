"""A randomized birth-register page (family ``br-random``): which columns, their order and widths (so that long
names and places wrap differently), header wording, pairs of values stacked in one cell, printed or typewritten
fill, date format, one or two header rows, a row of column numbers, and the page heading's wording.

A column left out leaves its key's truth null in every entry."""

from __future__ import annotations

import random
from typing import Any

from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.register_editions import RIGHT, X0, Edition
from samples.layouts.register_table import Column, TableStyle

HEADERS: dict[str, list[str]] = {
    "number": ["Số", "Số TT", "Số đăng ký", "Số thứ tự"],
    "registration_date": ["Ngày đăng ký", "Ngày, tháng, năm đăng ký", "Ngày ĐK"],
    "full_name": ["Họ, chữ đệm, tên", "Họ và tên", "Họ tên người được khai sinh", "Họ và tên trẻ em"],
    "sex": ["Giới tính", "Nam/Nữ", "Giới"],
    "date_of_birth": ["Ngày, tháng, năm sinh", "Ngày sinh", "Sinh ngày"],
    "place_of_birth": ["Nơi sinh", "Nơi sinh (cơ sở y tế, địa chỉ)"],
    "ethnicity": ["Dân tộc"],
    "nationality": ["Quốc tịch"],
    "mother_name": ["Họ, chữ đệm, tên người mẹ", "Họ và tên mẹ", "Họ tên mẹ", "Mẹ"],
    "father_name": ["Họ, chữ đệm, tên người cha", "Họ và tên cha", "Họ tên cha", "Cha"],
}
WIDTHS = {"number": 12, "registration_date": 22, "full_name": 40, "sex": 14, "date_of_birth": 22,
          "place_of_birth": 46, "ethnicity": 16, "nationality": 18, "mother_name": 37, "father_name": 37}
CHILD = ["full_name", "sex", "date_of_birth", "place_of_birth", "ethnicity", "nationality"]
PAIRS = [("number", "registration_date"), ("date_of_birth", "sex"), ("ethnicity", "nationality"),
         ("mother_name", "father_name")]
GROUPS = {"child": ["Người được khai sinh", "Thông tin người được khai sinh", "Trẻ em"],
          "parents": ["Cha, mẹ", "Họ và tên cha mẹ", "Thông tin cha, mẹ"]}
FILLS = [("typed", 10.0), ("typewriter", 9.6), ("regular", 10.0), ("sans", 9.2), ("typedbold", 9.6)]
DATES = ["dd/mm/yyyy", "dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy", "d-m-yyyy", "dd.mm.yyyy"]
BOOK_LABELS = ["Quyển số", "Quyển", "Số quyển", "Sổ số"]


def spec(rng: random.Random) -> dict[str, Any]:
    """The random choices of one register (JSON-serializable, kept in ``Doc.show``)."""
    keys = [k for k in HEADERS if k in ("number", "full_name") or rng.random() < 0.85]
    rest = [k for k in keys if k != "number"]
    rng.shuffle(rest)
    if "mother_name" in rest and "father_name" in rest and rng.random() < 0.7:  # the parents side by side
        rest.remove("father_name")
        rest.insert(rest.index("mother_name") + rng.choice([0, 1]), "father_name")
    order = ["number", *rest] if rng.random() < 0.85 else rest[:1] + ["number"] + rest[1:]
    stacked = [list(p) for p in PAIRS if p[0] in order and p[1] in order and rng.random() < 0.3]
    fill, pt = rng.choice(FILLS)
    return {
        "order": order, "stacked": stacked, "headers": {k: rng.choice(v) for k, v in HEADERS.items()},
        "widths": {k: round(WIDTHS[k] * rng.uniform(0.75, 1.25), 1) for k in HEADERS},
        "two_rows": rng.random() < 0.5, "groups": {k: rng.choice(v) for k, v in GROUPS.items()},
        "notes": rng.random() < 0.5, "numbered": rng.random() < 0.4, "fill": fill, "pt": pt,
        "header_style": rng.choice(["bold", "regular", "sansbold"]), "dates": rng.choice(DATES),
        "book_label": rng.choice(BOOK_LABELS), "authority_centered": rng.random() < 0.5,
        "prefixes": rng.random() < 0.5,
    }


def _columns(s: dict[str, Any]) -> list[Column]:
    stacked = {tuple(p) for p in s["stacked"]}
    first_of = {p[0]: p for p in stacked}
    second = {p[1] for p in stacked}
    columns = []
    for key in s["order"]:
        if key in second:
            continue
        pair = first_of.get(key)
        keys = pair if pair else (key,)
        header = ";\n".join(s["headers"][k] for k in keys)
        width = max(s["widths"][k] for k in keys) + (4 if pair else 0)
        prefixes = ("Mẹ: ", "Cha: ") if pair == ("mother_name", "father_name") and s["prefixes"] else ()
        group = ""
        if s["two_rows"]:
            if all(k in CHILD for k in keys):
                group = s["groups"]["child"]
            elif all(k in ("mother_name", "father_name") for k in keys):
                group = s["groups"]["parents"]
        columns.append(Column(header, width, tuple(keys), prefixes, group, divided=bool(pair)))
    if s["notes"]:
        columns.append(Column("Ghi chú", 18, ("",)))
    total = sum(c.width for c in columns)
    scale = (RIGHT - X0) / total
    return [Column(c.header, round(c.width * scale, 2), c.keys, c.prefixes, c.group, c.divided) for c in columns]


def _heading(s: dict[str, Any]):  # noqa: ANN202 - a closure of the edition's heading
    def heading(page: Page, doc: Doc, number: int) -> float:
        authority = doc.fields["registration_authority"]
        if s["authority_centered"]:
            page.text(148.5, 12, "SỔ ĐĂNG KÝ KHAI SINH", "bold", 15, align="center")
            page.text(148.5, 19, authority, "italic", 10.5, align="center")
        else:
            page.text(X0, 12, authority, "italic", 10.5)
            page.text(148.5, 19, "SỔ ĐĂNG KÝ KHAI SINH", "bold", 15, align="center")
        page.text(RIGHT, 12, f"{s['book_label']}: {doc.fields['book']}", "regular", 10.5, align="right")
        page.text(RIGHT, 19, f"Trang {number:02d}", "italic", 10, align="right")
        return 25.0

    return heading


def edition(s: dict[str, Any]) -> Edition:
    style = TableStyle(s["header_style"], 9.2, 4.1, s["fill"], s["pt"], s["pt"] * 0.46,
                       numbered=s["numbered"], jitter=0.3 if s["fill"] == "typewriter" else 0.0)
    return Edition(tuple(_columns(s)), style, s["dates"], _heading(s))


def shown_keys(s: dict[str, Any]) -> set[str]:
    """The entry keys the register prints."""
    return set(s["order"])
