"""Round-4 marriage certificate ``mc-trich-luc``: the "TRÍCH LỤC KẾT HÔN (BẢN SAO)" a commune prints from its
marriage register for a couple who ask for a copy (Circular 04/2020/TT-BTP and after). No spouse headings: the
labels name the spouse ("Họ, chữ đệm, tên chồng", "… tên vợ"), the date of birth, ethnicity and nationality on
one line at three tab stops, the residence and identity paper below; the registration as one sentence ("Đã đăng
ký kết hôn tại …, ngày … tháng … năm …; số đăng ký …, quyển số …"); the copy's own place, date and signer.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.common import LEFT, RIGHT, national_header, place_date, title
from samples.layouts.form_kit import signer_fit
from samples.vntext import date_figures, date_long

# Retired into tuning after the first held-out score (3 December 2026): no title of the extract was known then.
FAMILIES = {"mc-trich-luc": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"mc-trich-luc": {"2015-form": 30, "2020-form": 50,
                                                               "2025-form": 20}}
LAST_DAY = date(2026, 11, 30)


def _show(rng: random.Random) -> dict:
    return {"value_style": rng.choice(["typed", "sans", "typedbold"]), "name_style": rng.choice(["typedbold",
                                                                                                 "sansbold"]),
            "copy_days": rng.randint(15, 2500), "paper_label": rng.choice(["Giấy tờ tùy thân",
                                                                           "Giấy tờ chứng minh nhân thân"]),
            "copy_heading": rng.choice([["NGƯỜI KÝ TRÍCH LỤC"], ["TL. CHỦ TỊCH", "CÔNG CHỨC TƯ PHÁP - HỘ TỊCH"],
                                        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]])}


def _line(page: Page, x: float, y: float, label: str, value: str | None, style: str, pt: float, line: float,
          x_end: float = RIGHT) -> float:
    """``label: value`` as one piece of running text (no leaders), wrapped under the label. Returns the next
    baseline."""
    end = page.text(x, y, f"{label}:", "regular", pt, record=False)
    lines = page.wrap(value, x_end - end - 2, x_end - x - 6, style, pt) if value else [""]
    page.text(end + 1.8, y, lines[0], style, pt, record=False)
    page.record(f"{label}: {lines[0]}".rstrip(), x, y)
    for text in lines[1:]:
        y += line
        page.text(x + 6, y, text, style, pt)
    return y + line


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    pt, line = 12.5, 6.6
    value = s["value_style"]
    y = national_header(page, s["header"])
    y = title(page, y + 12, "TRÍCH LỤC KẾT HÔN", 17)
    page.text(105, y - 1.5, "(BẢN SAO)", "bold", 12.5, align="center")
    y += 9.5
    for key, who in (("husband", "chồng"), ("wife", "vợ")):
        y = _line(page, LEFT, y, f"Họ, chữ đệm, tên {who}", f[f"{key}_name"], s["name_style"], pt + 0.5, line)
        born = date_figures(date.fromisoformat(f[f"{key}_date_of_birth"]))
        for x, label, text in ((LEFT, "Ngày, tháng, năm sinh", born), (LEFT + 82, "Dân tộc", f[f"{key}_ethnicity"]),
                               (LEFT + 124, "Quốc tịch", f[f"{key}_nationality"])):
            _line(page, x, y, label, text, value, pt, line, x_end=x + 80)
        y += line
        y = _line(page, LEFT, y, "Nơi cư trú", f[f"{key}_residence"], value, pt, line)
        number = f[f"{key}_personal_id"]
        paper = f"{s['id_word']} {number}" if number else None
        y = _line(page, LEFT, y, s["paper_label"], paper, value, pt, line) + 4
    registered = date.fromisoformat(f["registration_date"])
    sentence = (f"Đã đăng ký kết hôn tại {f['registration_authority']}, {date_long(registered)}; số đăng ký "
                f"{f['number']}, quyển số {f['book']}.")
    for k, text in enumerate(page.wrap(sentence, RIGHT - LEFT - 10, RIGHT - LEFT, "regular", pt)):
        page.text(LEFT + (10 if k == 0 else 0), y, text, "regular", pt)
        y += line
    page.text(LEFT, y + 1, "Trích lục này được cấp từ Sổ đăng ký kết hôn.", "italic", 11.5)
    copied = min(registered + timedelta(days=s["copy_days"]), LAST_DAY)
    y = place_date(page, 140, y + 12, s["place"], copied)
    signer_fit(page, 140, y, s["copy_heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"], s["seal"],
               rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"mc-trich-luc": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"mc-trich-luc": _show}
