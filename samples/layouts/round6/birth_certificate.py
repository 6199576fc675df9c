"""Round-6 birth certificates:

- ``bc-dan-chu-cong-hoa``: the "GIẤY KHAI SINH (BẢN CHÍNH)" of the Democratic Republic of Viet Nam (1963–1975 in
  Quảng Ninh), typed on a yellowed pre-printed blank. The state's name "VIỆT NAM DÂN CHỦ CỘNG HÒA" and the motto
  centred at the top, the committee of that time ("ỦY BAN HÀNH CHÍNH", the commune and the district) at the left
  under them, Số and Quyển số at the right; the child's items in the wordings of the time ("Họ và tên", "Trai hay
  gái" answered "Trai"/"Gái", "Sinh ngày … tháng … năm …" with no date in words, "Sinh tại", "Quê quán"); the
  parents as the two rows of a ruled table whose columns are the items ("Họ và tên", "Tuổi", "Dân tộc", "Quốc
  tịch", "Nghề nghiệp", "Trú quán"), the father's row first: the parents' ages are printed, not their years of
  birth (truth null); "Vào sổ ngày …", "Nơi đăng ký" the "Ủy ban hành chính …", the chairman's signature. No
  personal number (truth null).
- ``bc-hai-cot-2025``: the certificate a commune of the two-level local government prints (from 1 July 2025) in
  two columns parted by a rule: the child at the left ("NGƯỜI ĐƯỢC KHAI SINH"), the mother over the father at the
  right; every label in italics on its own line with the value under it; sex, ethnicity and nationality (and
  the parents' year of birth, ethnicity, nationality) as three small label-over-value cells side by side; the
  personal number typed in twelve ruled digit boxes; the registration (Số, Quyển số, date, authority) not under
  the title but in a ruled band of four cells across the foot, above the signer.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_kit
from samples.layouts.common import LEFT, RIGHT, adjusting, national_header, place_date, title
from samples.layouts.form_extras import Cell, grid
from samples.layouts.form_kit import Form, Item, Style
from samples.layouts.round6.kit import (
    YELLOWED,
    administrative,
    digit_boxes,
    drvn_header,
    old_place_of_birth,
    registered_and_signed,
)
from samples.vntext import date_figures

FAMILIES = {"bc-dan-chu-cong-hoa": "tuning", "bc-hai-cot-2025": "tuning"}
OLD_COMMITTEES = {"bc-dan-chu-cong-hoa": "tuning"}
# variant: (born from, born to, shows the personal number), as samples/layouts/birth_certificate.VARIANTS
VARIANTS = {"1970-form": (date(1963, 10, 1), date(1975, 12, 31), False)}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"bc-dan-chu-cong-hoa": {"1970-form": 1},
                                              "bc-hai-cot-2025": {"2025-form": 1}}
JOBS = ["Làm ruộng", "Công nhân", "Thợ mỏ", "Giáo viên", "Bộ đội", "Cán bộ", "Xã viên", "Buôn bán", "Nội trợ"]
Build = Callable[..., Doc]


def _show_drvn(rng: random.Random, _variant: str) -> dict:
    return {"style": Style(leaders=True, value_font="typewriter", pt=12.0, line=6.8),
            "jobs": (rng.choice(JOBS), rng.choice(JOBS)), "table_pt": rng.choice([9.5, 10.0])}


def _show_columns(rng: random.Random, _variant: str) -> dict:
    return {"value_style": rng.choice(["typed", "sans"]), "label_pt": rng.choice([10.0, 10.5])}


def _old_committee(doc: Doc, rng: random.Random) -> None:
    """The committee of the time registers; the parents' ages are printed instead of their years of birth; the
    place of birth in the wording of the time."""
    f, s = doc.fields, doc.show
    registered = date.fromisoformat(f["registration_date"])
    s["ages"] = {key: (registered.year - int(f[f"{key}_birth_year"]) if f[f"{key}_birth_year"] else None)
                 for key in ("father", "mother")}
    f["mother_birth_year"] = f["father_birth_year"] = None
    f["registration_authority"] = administrative(f["registration_authority"])
    f["place_of_birth"] = old_place_of_birth(rng, f["registration_authority"])
    s["seal"] = s["seal"].replace("ỦY BAN NHÂN DÂN", "ỦY BAN HÀNH CHÍNH")


def with_old_committees(build: Build) -> Build:
    """``build`` of samples/layouts/birth_certificate.py; a ``bc-dan-chu-cong-hoa`` certificate is registered by
    the "Ủy ban hành chính" and prints the parents' ages."""
    return adjusting(build, OLD_COMMITTEES, _old_committee)


def _sex(value: str) -> str:
    return "Trai" if value == "male" else "Gái"


def _draw_drvn(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    page.rect(0, 0, page.width_mm, page.height_mm, outline=None, fill=YELLOWED)
    form = Form(page, s["style"], indent=6.0)
    y = drvn_header(page, 105, 15)
    lines = ("ỦY BAN HÀNH CHÍNH", s["unit"].upper(), (s["district"] or "").upper(),
             f"Số: {f['number']}", f"Quyển số: {f['book']}")
    for k, line in enumerate(lines):
        page.text(52, y + 1 + k * 5.2 + (2 if k > 2 else 0), line, "typewriter" if k > 2 else "bold" if k else
                  "regular", 11, align="center")
    y = title(page, y + 38, "GIẤY KHAI SINH", 17)
    born = date.fromisoformat(f["date_of_birth"])
    y = form.rows(LEFT, RIGHT, y, [[Item("Họ và tên", f["full_name"], "name")],
                                   [Item("Trai hay gái", _sex(f["sex"]))]])
    y = form.split_date(LEFT, y, "Sinh", born, RIGHT)
    y = form.rows(LEFT, RIGHT, y, [[Item("Sinh tại", f["place_of_birth"], "long")],
                                   [Item("Dân tộc", f["ethnicity"]), Item("Quốc tịch", f["nationality"])],
                                   [Item("Quê quán", f["hometown"], "long")]])
    page.text(LEFT, y + 1, "PHẦN KHAI VỀ CHA MẸ", "bold", 12)
    pt = s["table_pt"]
    widths = (11, 38, 10, 19, 21, 23, 50)
    heads = ("", "Họ và tên", "Tuổi", "Dân tộc", "Quốc tịch", "Nghề nghiệp", "Trú quán")
    rows = [[Cell(text, "bold", w, "center") for text, w in zip(heads, widths, strict=True)]]
    for key, who, job in (("father", "Cha", s["jobs"][0]), ("mother", "Mẹ", s["jobs"][1])):
        known = f[f"{key}_name"] is not None
        age = s["ages"][key]
        values = [f[f"{key}_name"], str(age) if known and age else "", f[f"{key}_ethnicity"],
                  f[f"{key}_nationality"], job if known else "", f[f"{key}_residence"]]
        styles = ["typewriterbold", *["typewriter"] * 5]
        rows.append([Cell(who, "bold", widths[0]),
                     *[Cell(v or "", st, w) for v, st, w in zip(values, styles, widths[1:], strict=True)]])
    y = grid(page, LEFT, y + 4, rows, pt) + form.line
    y = form.rows(LEFT, RIGHT, y, [[Item("Họ và tên người đứng khai", s["declarant"].title())],
                                   [Item("Quan hệ với đứa trẻ", s["declarant_relation"])]])
    registered_and_signed(form, LEFT, y, "Vào sổ", f["registration_authority"],
                          date.fromisoformat(f["registration_date"]), s["place"], ["TM. ỦY BAN HÀNH CHÍNH", "CHỦ TỊCH"],
                          s["signer"], s["seal"], rng)

def _above(page: Page, x0: float, x1: float, y: float, label: str, value: str | None, style: str, pt: float,
           label_pt: float) -> float:
    """The label in italics on its line, the value on the lines under it (indented 3 mm). Returns the next
    label's baseline."""
    page.text(x0, y, label, "italic", label_pt)
    y += 5.4
    for part in page.wrap(value or "", x1 - x0 - 3, x1 - x0 - 3, style, pt) if value else []:
        page.text(x0 + 3, y, part, style, pt)
        y += 5.6
    return y + (1.6 if value else 5.6)


def _cells(page: Page, x0: float, x1: float, y: float, items: list[tuple[str, str | None]], style: str,
           pt: float, label_pt: float) -> float:
    """Short items side by side, each label over its value."""
    step = (x1 - x0) / len(items)
    return max(_above(page, x0 + k * step, x0 + (k + 1) * step - 1, y, label, value, style, pt, label_pt)
               for k, (label, value) in enumerate(items))


def _draw_columns(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    value, label_pt, pt = s["value_style"], s["label_pt"], 11.5
    bold = "sansbold" if value == "sans" else "typedbold"
    y = national_header(page, s["header"])
    y = title(page, y + 10, "GIẤY KHAI SINH")
    top = y - 2
    left, right = (LEFT, 101.0), (109.0, RIGHT)
    page.text(sum(left) / 2, y + 1, "NGƯỜI ĐƯỢC KHAI SINH", "bold", 11.5, align="center")
    yl = y + 8.5
    born = date.fromisoformat(f["date_of_birth"])
    yl = _above(page, *left, yl, "Họ, chữ đệm, tên", f["full_name"], bold, 12.5, label_pt)
    yl = _above(page, *left, yl, "Ngày, tháng, năm sinh", date_figures(born), value, pt, label_pt)
    for part in page.wrap(f"({s['words']})", left[1] - left[0] - 3, left[1] - left[0] - 3, "italic", 10.5):
        page.text(left[0] + 3, yl - 1.2, part, "italic", 10.5)
        yl += 5.0
    yl = _cells(page, *left, yl, [("Giới tính", "Nam" if f["sex"] == "male" else "Nữ"),
                                  ("Dân tộc", f["ethnicity"]), ("Quốc tịch", f["nationality"])], value, pt, label_pt)
    yl = _above(page, *left, yl, "Nơi sinh", f["place_of_birth"], value, pt, label_pt)
    yl = _above(page, *left, yl, "Quê quán", f["hometown"], value, pt, label_pt)
    page.text(left[0], yl, "Số định danh cá nhân", "italic", label_pt)
    digit_boxes(page, left[0] + 3, yl + 7.2, f["personal_id"], style="typedbold" if value == "typed" else bold)
    yl += 14
    yr = y + 1
    for key, heading in (("mother", "MẸ"), ("father", "CHA")):
        page.text(sum(right) / 2, yr, heading, "bold", 11.5, align="center")
        yr = _above(page, *right, yr + 7.5, "Họ, chữ đệm, tên", f[f"{key}_name"], bold, 12, label_pt)
        yr = _cells(page, *right, yr, [("Năm sinh", f[f"{key}_birth_year"]), ("Dân tộc", f[f"{key}_ethnicity"]),
                                       ("Quốc tịch", f[f"{key}_nationality"])], value, pt, label_pt)
        yr = _above(page, *right, yr, "Nơi cư trú", f[f"{key}_residence"], value, pt, label_pt) + 2
    bottom = max(yl, yr)
    page.vline(105, top, bottom - 3, 0.3)
    registered = date.fromisoformat(f["registration_date"])
    widths = (28, 28, 42, 74)
    heads = ("Số đăng ký", "Quyển số", "Ngày, tháng, năm đăng ký", "Nơi đăng ký khai sinh")
    values = (f["number"], f["book"], date_figures(registered), f["registration_authority"])
    y = grid(page, LEFT, bottom, [[Cell(h, "bold", w, "center") for h, w in zip(heads, widths, strict=True)],
                                  [Cell(v, value, w) for v, w in zip(values, widths, strict=True)]], 10.5)
    y = place_date(page, 140, y + 8, s["place"], registered)
    form_kit.signer_fit(page, 140, y, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"],
                        s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"bc-dan-chu-cong-hoa": _draw_drvn,
                                                                  "bc-hai-cot-2025": _draw_columns}
FAMILY_SHOW: dict[str, Callable[[random.Random, str], dict]] = {"bc-dan-chu-cong-hoa": _show_drvn,
                                                                "bc-hai-cot-2025": _show_columns}
