"""Round-8 marital-status confirmations:

- ``ms-dvc-danh-so``: the confirmation a commune issues through the online public-service portal (2022–2026),
  printed by the applicant: "Số:" under the authority; the fields as a numbered list ("1. Họ, chữ đệm, tên: …"
  to "10. Mục đích sử dụng: …"), the status one item of it; no place-and-date line: the issue date only in the
  digital-signature box ("Ký bởi: …", "Thời gian ký: hh:mm:ss ngày dd/mm/yyyy"), and at the foot the dossier's
  code and a verification code with the portal where it is checked ("Mã hồ sơ", "Mã xác thực"), neither the
  truth's.
- ``ms-thoi-ky-cu-tru``: the confirmation for a period of past residence (Decree 123/2015, art. 22: a person who
  lived in several places proves the status of each period) issued 2016–2025 by the commune the person lived in
  before: the particulars as labelled lines with the present residence ("Nơi cư trú hiện nay"), then the status
  told inside a sentence with the earlier address and the period ("Trong thời gian cư trú tại … từ ngày … đến
  ngày …, ông/bà … <status>."): the status is what follows the name; the earlier address and the period's dates
  are not the truth's.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from samples import people, places
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_kit
from samples.layouts.common import LEFT, RIGHT, adjusting, national_header, place_date, title
from samples.layouts.form_extras import digital_signature
from samples.layouts.form_kit import Form, Item, Style
from samples.layouts.round7.kit import figures

FAMILIES = {"ms-dvc-danh-so": "tuning", "ms-thoi-ky-cu-tru": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"ms-dvc-danh-so": {"2020-form": 50, "2025-form": 50},
                                              "ms-thoi-ky-cu-tru": {"2015-form": 30, "2020-form": 70}}
PORTAL_FROM = date(2022, 1, 1)
PORTAL = "https://dichvucong.quangninh.gov.vn"
VALIDITY = "Giấy này có giá trị sử dụng trong thời hạn 6 tháng, kể từ ngày cấp."
# Statuses a period of residence is confirmed with, as the sentence prints them (after the name).
PERIOD_STATUSES = ["chưa đăng ký kết hôn với ai", "không đăng ký kết hôn với ai"]
Build = Callable[..., Doc]


def _show_portal(rng: random.Random) -> dict:
    return {"style": Style(leaders=False, value_font=rng.choice(["serif", "bold"]), pt=12.0, line=6.6),
            "signed_at": f"{rng.randint(7, 16):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
            "verification": "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8))}


def _show_period(rng: random.Random) -> dict:
    return {"style": Style(leaders=rng.random() < 0.5, value_font=rng.choice(["serif", "typewriter"]), pt=12.5,
                           line=7.0)}


def _portal(doc: Doc, rng: random.Random) -> None:
    """Issued through the portal: from 2022 on; the dossier's code."""
    f, s = doc.fields, doc.show
    issued = date.fromisoformat(f["issue_date"])
    if issued < PORTAL_FROM:
        issued = people.random_date(rng, PORTAL_FROM, date(2025, 6, 30))
        f["issue_date"] = issued.isoformat()
    s["dossier"] = f"H40.{rng.randint(10, 99)}-{issued.strftime('%y%m%d')}-{rng.randint(1, 9999):04d}"


def _period(doc: Doc, rng: random.Random) -> None:
    """An earlier address in the issuing commune, a period that ended before the paper; the status of it."""
    f, s = doc.fields, doc.show
    issued = date.fromisoformat(f["issue_date"])
    born = date.fromisoformat(f["date_of_birth"])
    parts = f["issuing_authority"].removeprefix("Ủy ban nhân dân ").split(", ")
    loc = places.Locality(parts[0], parts[1] if len(parts) > 2 else None, s["place"])
    start = people.random_date(rng, born + timedelta(days=365 * 16), max(born + timedelta(days=365 * 16),
                                                                         issued - timedelta(days=800)))
    end = people.random_date(rng, start + timedelta(days=300), max(start + timedelta(days=300),
                                                                   issued - timedelta(days=30)))
    home = places.address(rng, loc)
    while home == f["residence"]:
        home = places.address(rng, loc)
    s |= {"earlier": home, "period": (start, min(end, issued))}
    f["marital_status"] = rng.choice(PERIOD_STATUSES)


ADJUST = {"ms-dvc-danh-so": _portal, "ms-thoi-ky-cu-tru": _period}


def with_round8_papers(build: Build) -> Build:
    """``build`` of samples/layouts/marital_status.py, with the round-8 confirmations' own particulars."""
    return adjusting(build, FAMILIES, lambda doc, rng: ADJUST[doc.family](doc, rng))


def _paper(doc: Doc) -> str | None:
    number = doc.fields["personal_id"]
    return f"{'CMND' if len(number) == 9 else 'CCCD'} số {number}" if number else None


def _draw_portal(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    form = Form(page, s["style"], indent=6.0)
    y = national_header(page, s["header"])
    page.text(57, y, f"Số: {f['number']}", "regular", 12.5, align="center")
    y = title(page, y + 14, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN")
    y = form.text_line(LEFT, y, f"{f['issuing_authority']} xác nhận:", "regular", RIGHT, first_indent=10) + 1
    items = [("Họ, chữ đệm, tên", f["full_name"], "name"), ("Ngày, tháng, năm sinh", figures(f["date_of_birth"]),
                                                             "text"),
             ("Giới tính", people.sex_label(f["sex"]), "text"), ("Dân tộc", f["ethnicity"], "text"),
             ("Quốc tịch", f["nationality"], "text"), ("Giấy tờ tùy thân", _paper(doc), "text"),
             ("Nơi cư trú", f["residence"], "long"), ("Tình trạng hôn nhân", f["marital_status"], "long"),
             ("Giấy này có giá trị sử dụng để", f["purpose"], "long")]
    for k, (label, value, kind) in enumerate(items, start=1):
        y = form.field(LEFT + 4, y, Item(f"{k}. {label}", value, kind), RIGHT)
    y = form.text_line(LEFT, y + 1, VALIDITY, "italic", RIGHT, first_indent=10) + 3
    issued = date.fromisoformat(f["issue_date"])
    page.text(140, y, "TM. ỦY BAN NHÂN DÂN", "bold", 12.5, align="center")
    page.text(140, y + 5.8, "CHỦ TỊCH", "bold", 12.5, align="center")
    when = f"{s['signed_at']} ngày {figures(f['issue_date'])}"
    y = digital_signature(page, 101, y + 10, f["issuing_authority"], when, rng, s["seal"])
    page.text(140, y + 6, s["signer"], "bold", 12.5, align="center")
    page.hline(LEFT, RIGHT, y + 14, 0.2)
    for k, text in enumerate((f"Mã hồ sơ: {s['dossier']}", f"Mã xác thực: {s['verification']}",
                              f"Tra cứu, xác thực tại: {PORTAL}",
                              f"In từ Cổng dịch vụ công ngày {figures(issued.isoformat())}")):
        page.text(LEFT, y + 19 + 4.4 * k, text, "sans", 9)


def _draw_period(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    form = Form(page, s["style"], indent=4.0)
    y = national_header(page, s["header"])
    page.text(57, y, f"Số: {f['number']}", "regular", 12.5, align="center")
    y = title(page, y + 14, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN")
    y = form.text_line(LEFT, y, f"{f['issuing_authority']} xác nhận:", "bold", RIGHT, first_indent=10) + 1
    y = form.rows(LEFT, RIGHT, y, [
        [Item("Họ, chữ đệm, tên", f["full_name"], "name")],
        [Item("Ngày, tháng, năm sinh", figures(f["date_of_birth"]))],
        [Item("Giới tính", people.sex_label(f["sex"])), Item("Dân tộc", f["ethnicity"]),
         Item("Quốc tịch", f["nationality"])],
        [Item("Giấy tờ tùy thân", _paper(doc))],
        [Item("Nơi cư trú hiện nay", f["residence"], "long")],
    ])
    start, end = s["period"]
    told = (f"Trong thời gian cư trú tại {s['earlier']} từ ngày {figures(start.isoformat())} đến ngày "
            f"{figures(end.isoformat())}, {s['title']} {f['full_name'].title()} {f['marital_status']}.")
    y = form.text_line(LEFT, y + 1, told, "typed", RIGHT, first_indent=10)
    y = form.rows(LEFT, RIGHT, y + 1, [[Item("Giấy này được cấp để", f["purpose"], "long")]])
    y = form.text_line(LEFT, y, VALIDITY, "italic", RIGHT, first_indent=10)
    y = place_date(page, 140, y + 3, s["place"], date.fromisoformat(f["issue_date"]))
    form_kit.signer_fit(page, 140, y, s["heading"], None, s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"ms-dvc-danh-so": _draw_portal,
                                                                  "ms-thoi-ky-cu-tru": _draw_period}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"ms-dvc-danh-so": _show_portal,
                                                           "ms-thoi-ky-cu-tru": _show_period}
