"""Round-7 birth certificates:

- ``bc-ghi-chu-nuoc-ngoai``: the "TRÍCH LỤC GHI CHÚ KHAI SINH" a district's committee issues when it records in
  the Vietnamese civil-status book a birth that a foreign authority registered (Law on Civil Status 2014, art.
  48; Decree 123/2015, art. 34): the child born abroad (the place of birth a foreign hospital and country), the
  parents often living abroad; two registrations on one paper: a block "Đã đăng ký khai sinh tại cơ quan có
  thẩm quyền của nước ngoài" with the foreign office, the foreign certificate's number and date, then the
  Vietnamese recording ("Nơi ghi chú khai sinh", "Ngày ghi vào Sổ hộ tịch"). The truth's registration is the
  Vietnamese one (the committee that recorded it and the day it did, which the paper's Số and Quyển số belong
  to); the foreign office, number and date are printed but are not the truth's.
- ``bc-luoi-cha-me``: the certificate a provincial software prints as ruled grids (2020–2026): the registration
  first ("I. THÔNG TIN ĐĂNG KÝ": Số and Quyển số as four cells of one row, then the date, the authority and
  the declarant as label and value cells), then the child ("II. NGƯỜI ĐƯỢC KHAI SINH", the date of birth in
  figures with the date in words in brackets after it, in one cell), then the parents as one grid of three
  columns with a header row ("Thông tin", "Mẹ", "Cha": the mother's column first), each row one item of both
  parents; no "Số:" line and no leaders anywhere; an absent father's cells left empty.
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
from samples.layouts.form_extras import Cell, grid
from samples.layouts.form_kit import Form, Item, Style
from samples.layouts.round7.kit import district_committee, figures, labelled_grid

FAMILIES = {"bc-ghi-chu-nuoc-ngoai": "tuning", "bc-luoi-cha-me": "tuning"}
ABROAD_FAMILIES = {"bc-ghi-chu-nuoc-ngoai": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"bc-ghi-chu-nuoc-ngoai": {"2015-form": 30, "2020-form": 70},
                                              "bc-luoi-cha-me": {"2020-form": 80, "2025-form": 20}}
LAST_DAY = date(2026, 11, 30)
# (country, the office that registered the birth, the hospital, addresses there)
ABROAD = (
    ("Nhật Bản", "Văn phòng hành chính quận Nishinari, thành phố Osaka", "Bệnh viện Đa khoa thành phố Osaka",
     ("2-14-7 Tamade-nishi, quận Nishinari, thành phố Osaka, Nhật Bản",
      "1-5-22 Kishinosato, quận Nishinari, thành phố Osaka, Nhật Bản")),
    ("Hàn Quốc", "Văn phòng quận Guro, thành phố Seoul", "Bệnh viện Đại học Korea Guro, thành phố Seoul",
     ("Số 25, đường Digital-ro 32-gil, quận Guro, thành phố Seoul, Hàn Quốc",)),
    ("Cộng hòa Liên bang Đức", "Văn phòng hộ tịch quận Lichtenberg, thành phố Berlin",
     "Bệnh viện Sana Klinikum Lichtenberg, thành phố Berlin",
     ("Frankfurter Allee 112, 10365 Berlin, Cộng hòa Liên bang Đức",
      "Herzbergstraße 128, 10365 Berlin, Cộng hòa Liên bang Đức")),
    ("Cộng hòa Séc", "Văn phòng hộ tịch quận Praha 4, thành phố Praha", "Bệnh viện Thomayer, thành phố Praha",
     ("Libušská 319, Praha 4, Cộng hòa Séc",)),
    ("Cộng hòa Ba Lan", "Văn phòng hộ tịch thành phố Warszawa", "Bệnh viện Bielański, thành phố Warszawa",
     ("ul. Marywilska 44, Warszawa, Cộng hòa Ba Lan",)),
)
Build = Callable[..., Doc]


def _show_abroad(rng: random.Random, _variant: str) -> dict:
    return {"style": Style(leaders=rng.random() < 0.5, value_font=rng.choice(["serif", "bold"]), pt=12.0, line=6.5),
            "abroad": rng.choice(ABROAD),
            "recorder_heading": rng.choice([["NGƯỜI KÝ TRÍCH LỤC"], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                                                                     "PHÓ CHỦ TỊCH"]])}


def _show_grid(rng: random.Random, _variant: str) -> dict:
    return {"value_style": rng.choice(["typed", "sans"]), "pt": rng.choice([10.5, 11.0])}


def _recorded_abroad(doc: Doc, rng: random.Random) -> None:
    """Born and registered abroad; recorded later by a district's committee in Quảng Ninh (the commune's after
    the 2025 reform), which is the truth's registration."""
    f, s = doc.fields, doc.show
    country, office, hospital, addresses = s["abroad"]
    abroad = date.fromisoformat(f["registration_date"])
    recorded = min(abroad + timedelta(days=rng.randint(45, 1500)), LAST_DAY)
    loc = places.locality(rng, recorded)
    authority, header, seal = district_committee(loc)
    s |= {"abroad_date": abroad, "abroad_office": f"{office}, {country}", "header": header, "seal": seal,
          "abroad_number": f"{abroad.year}-{rng.randint(100, 99999):05d}", "place": loc.place}
    f |= {"registration_authority": authority, "registration_date": recorded.isoformat(),
          "number": str(rng.randint(1, 90)), "book": f"{rng.randint(1, 2):02d}/{recorded.year}",
          "place_of_birth": f"{hospital}, {country}"}
    home = rng.choice(addresses) if rng.random() < 0.65 else f["mother_residence"]
    f["mother_residence"] = home
    if f["father_name"]:
        f["father_residence"] = home


def with_records_abroad(build: Build) -> Build:
    """``build`` of samples/layouts/birth_certificate.py; a ``bc-ghi-chu-nuoc-ngoai`` birth was registered
    abroad and recorded in Quảng Ninh later."""
    return adjusting(build, ABROAD_FAMILIES, _recorded_abroad)


def _parent(f: dict, key: str, who: str) -> list[list[Item]]:
    return [[Item(f"Họ, chữ đệm, tên người {who}", f[f"{key}_name"], "name")],
            [Item("Năm sinh", f[f"{key}_birth_year"]), Item("Dân tộc", f[f"{key}_ethnicity"]),
             Item("Quốc tịch", f[f"{key}_nationality"])],
            [Item("Nơi cư trú", f[f"{key}_residence"], "long")]]


def _draw_abroad(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    form = Form(page, s["style"], indent=4.0)
    y = national_header(page, s["header"])
    page.text(57, y, f"Số: {f['number']}", "regular", 12, align="center")
    page.text(57, y + 5.4, f"Quyển số: {f['book']}", "regular", 12, align="center")
    y = title(page, y + 17, "TRÍCH LỤC GHI CHÚ KHAI SINH", 15.5)
    for line in ("(Ghi vào Sổ hộ tịch việc khai sinh đã được đăng ký", "tại cơ quan có thẩm quyền của nước ngoài)"):
        page.text(105, y - 3, line, "italic", 11.5, align="center")
        y += 5
    y = form.rows(LEFT, RIGHT, y + 2, [
        [Item("Họ, chữ đệm, tên", f["full_name"], "name")],
        [Item("Ngày, tháng, năm sinh", figures(f["date_of_birth"]))],
        [Item("ghi bằng chữ", s["words"])],
        [Item("Giới tính", people.sex_label(f["sex"])), Item("Dân tộc", f["ethnicity"]),
         Item("Quốc tịch", f["nationality"])],
        [Item("Nơi sinh", f["place_of_birth"], "long")],
        [Item("Quê quán", f["hometown"], "long")],
        [Item("Số định danh cá nhân", f["personal_id"])],
    ])
    for key, who in (("mother", "mẹ"), ("father", "cha")):
        y = form.rows(LEFT, RIGHT, y + 1, _parent(f, key, who))
    page.text(LEFT, y + 1, "Đã đăng ký khai sinh tại cơ quan có thẩm quyền của nước ngoài", "bold", 12)
    y = form.rows(LEFT, RIGHT, y + 1 + form.line, [
        [Item("Tên cơ quan đăng ký", s["abroad_office"], "long")],
        [Item("Số giấy khai sinh", s["abroad_number"]), Item("Ngày cấp", figures(s["abroad_date"].isoformat()))],
    ])
    recorded = date.fromisoformat(f["registration_date"])
    y = form.rows(LEFT, RIGHT, y + 1, [[Item("Nơi ghi chú khai sinh", f["registration_authority"], "long")],
                                       [Item("Ngày ghi vào Sổ hộ tịch", figures(f["registration_date"]))]])
    y = place_date(page, 140, y + 2, s["place"], recorded)
    form_kit.signer_fit(page, 140, y, s["recorder_heading"], None, s["signer"], s["seal"], rng)


GRID = (58.0, 114.0)
PARENTS = (46.0, 63.0, 63.0)


def _draw_grid(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    value, pt = s["value_style"], s["pt"]
    bold = "sansbold" if value == "sans" else "typedbold"
    y = national_header(page, s["header"])
    y = title(page, y + 10, "GIẤY KHAI SINH")
    registered = date.fromisoformat(f["registration_date"])
    numbers = [Cell("Số", "regular", GRID[0]), Cell(f["number"], value, 40.0), Cell("Quyển số", "regular", 34.0),
               Cell(f["book"], value, GRID[1] - 74.0)]  # Số and Quyển số share a row of four cells
    y = grid(page, LEFT, y - 3, [[Cell("I. THÔNG TIN ĐĂNG KÝ", "bold", sum(GRID))], numbers], pt)
    y = labelled_grid(page, LEFT, y, None, [
        ("Ngày, tháng, năm đăng ký", figures(f["registration_date"])),
        ("Nơi đăng ký khai sinh", f["registration_authority"]), ("Người đi khai sinh", s["declarant"])], GRID, pt,
        value, bold)
    y = labelled_grid(page, LEFT, y + 3, "II. NGƯỜI ĐƯỢC KHAI SINH", [
        ("Họ, chữ đệm, tên", f["full_name"]),
        ("Ngày, tháng, năm sinh", f"{figures(f['date_of_birth'])} ({s['words'][0].lower()}{s['words'][1:]})"),
        ("Giới tính", people.sex_label(f["sex"])), ("Dân tộc", f["ethnicity"]),
        ("Quốc tịch", f["nationality"]), ("Nơi sinh", f["place_of_birth"]), ("Quê quán", f["hometown"]),
        ("Số định danh cá nhân", f["personal_id"])], GRID, pt, value, bold, frozenset({"Họ, chữ đệm, tên"}))
    rows = [[Cell("III. CHA, MẸ", "bold", sum(PARENTS))],
            [Cell(text, "bold", w, "center") for text, w in zip(("Thông tin", "Mẹ", "Cha"), PARENTS, strict=True)]]
    for label, item in (("Họ, chữ đệm, tên", "name"), ("Năm sinh", "birth_year"), ("Dân tộc", "ethnicity"),
                        ("Quốc tịch", "nationality"), ("Nơi cư trú", "residence")):
        style = bold if item == "name" else value
        rows.append([Cell(label, "regular", PARENTS[0]), Cell(f[f"mother_{item}"] or "", style, PARENTS[1]),
                     Cell(f[f"father_{item}"] or "", style, PARENTS[2])])
    y = grid(page, LEFT, y + 3, rows, pt)
    y = place_date(page, 140, y + 6, s["place"], registered)
    form_kit.signer_fit(page, 140, y, s["heading"], None, s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"bc-ghi-chu-nuoc-ngoai": _draw_abroad,
                                                                  "bc-luoi-cha-me": _draw_grid}
FAMILY_SHOW: dict[str, Callable[[random.Random, str], dict]] = {"bc-ghi-chu-nuoc-ngoai": _show_abroad,
                                                                "bc-luoi-cha-me": _show_grid}
