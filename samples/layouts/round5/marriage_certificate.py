"""Round-5 marriage certificates:

- ``mc-nuoc-ngoai``: the bilingual certificate of a marriage with a foreigner ("kết hôn có yếu tố nước
  ngoài"), which until the 2025 reform the district's People's Committee registered (Law on Civil Status 2014,
  Decree 123/2015): the district in the header, in the seal and as the registering authority; the motto and
  the title in Vietnamese and English ("MARRIAGE CERTIFICATE"); "Số/No." and "Quyển số/Book No." on one line;
  the husband's, then the wife's particulars under a ruled heading, each Vietnamese label with its English in
  small italics under it and the value at one tab stop; the foreign spouse has a passport instead of a
  personal number (truth null) and no ethnicity line (truth null), a residence abroad; the registration
  place and date as two more bilingual rows; the spouses' and the signer's signatures.
- ``mc-ngang-2016``: the original certificate of Circular 15/2015/TT-BTP as printed on the landscape A4 blank
  with the pink patterned frame: the authority with Số and Quyển số centred under it at the left, the motto at
  the right, the title across; the husband (left) and the wife (right) in two columns parted by a thin rule,
  the name and the residence on the line under their labels, the other values after them; the place and
  the date of registration on one line across the page; three signatures in one row (husband, wife, and the
  signer with the place and date above him).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from samples import idnumbers
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_extras
from samples.layouts.common import LEFT, RIGHT, adjusting, decorative_border, national_header, title
from samples.layouts.form_kit import MeasuringPage, signer_fit
from samples.layouts.round5.kit import at_tab, bilingual
from samples.stamp import multiply, signature_layer
from samples.vntext import date_figures, date_long

FAMILIES = {"mc-nuoc-ngoai": "tuning", "mc-ngang-2016": "tuning"}
FOREIGN = {"mc-nuoc-ngoai": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"mc-nuoc-ngoai": {"2015-form": 40, "2020-form": 60},
                                              "mc-ngang-2016": {"2015-form": 55, "2020-form": 45}}
LANDSCAPE = (297.0, 210.0)
Build = Callable[..., Doc]
Draw = Callable[[Doc, int, random.Random], list[Page]]

# nationality -> (men's names, women's names, residences)
FOREIGNERS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "Hàn Quốc": (("KIM MIN JUN", "LEE SEUNG HO", "PARK JI HOON", "CHOI DONG WOOK", "JUNG HYUN WOO"),
                 ("KIM JI YEON", "LEE SOO JIN", "PARK MIN JI"),
                 ("45, Dongil-ro 12-gil, Gwangjin-gu, Seoul, Hàn Quốc",
                  "123-4 Wonsi-dong, Danwon-gu, Ansan-si, Gyeonggi-do, Hàn Quốc",
                  "88 Jungang-daero, Dong-gu, Busan, Hàn Quốc")),
    "Trung Quốc": (("WANG WEI", "LI JUN", "ZHANG HAO", "LIU YANG", "CHEN MING"), ("WANG FANG", "LI NA", "ZHANG LI"),
                   ("Thành phố Đông Hưng, Khu tự trị dân tộc Choang Quảng Tây, Trung Quốc",
                    "Quận Phòng Thành, thành phố Phòng Thành Cảng, Khu tự trị dân tộc Choang Quảng Tây, Trung Quốc",
                    "Quận Thanh Tú, thành phố Nam Ninh, Khu tự trị dân tộc Choang Quảng Tây, Trung Quốc")),
    "Nhật Bản": (("TANAKA HIROSHI", "SATO KENJI", "SUZUKI TAKESHI", "WATANABE SHO"), ("TANAKA YUKI", "SATO AYA"),
                 ("2-15-3 Okubo, Shinjuku-ku, Tokyo, Nhật Bản", "1-9-4 Imazato, Ikuno-ku, Osaka, Nhật Bản")),
    "Hoa Kỳ": (("JAMES ROBERT MILLER", "MICHAEL DAVID BROWN", "DANIEL THOMAS NGUYEN"), ("JENNIFER ANNE WILSON",),
               ("1420 Brookhurst St, Garden Grove, California, Hoa Kỳ", "3315 Elm Street, Houston, Texas, Hoa Kỳ")),
}


def _show_foreign(rng: random.Random) -> dict:
    return {"value_style": rng.choice(["typed", "sans"]), "tab": rng.choice([88.0, 94.0]),
            "foreign_side": "husband" if rng.random() < 0.75 else "wife",
            "foreign_nationality": rng.choice(list(FOREIGNERS)),
            "passport": f"{rng.choice('MSEP')}{rng.randint(10**7, 10**8 - 1)}",
            "heading_mc": rng.choice([["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                                      ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]])}


def _show_landscape(rng: random.Random) -> dict:
    return {"value_style": rng.choice(["typed", "typedbold", "sans"]),
            "headings": rng.choice([("CHỒNG", "VỢ"), ("Chồng", "Vợ"), ("Người chồng", "Người vợ")]),
            "paper_label": rng.choice(["Giấy tờ tùy thân", "Giấy tờ chứng minh nhân thân"])}


def _foreign(doc: Doc, rng: random.Random) -> None:
    """One spouse a foreigner; the district registers (its header, seal and name)."""
    f, s = doc.fields, doc.show
    side, nationality = s["foreign_side"], s["foreign_nationality"]
    men, women, homes = FOREIGNERS[nationality]
    f[f"{side}_name"] = rng.choice(men if side == "husband" else women)
    f[f"{side}_nationality"] = nationality
    f[f"{side}_ethnicity"] = None  # a foreigner's ethnicity is not entered
    f[f"{side}_personal_id"] = None  # a passport instead
    f[f"{side}_residence"] = rng.choice(homes)
    parts = f["registration_authority"].removeprefix("Ủy ban nhân dân ").split(", ")
    district = parts[1] if len(parts) > 2 else parts[0]
    f["registration_authority"] = f"Ủy ban nhân dân {district}, {parts[-1]}"
    s |= {"header": ["ỦY BAN NHÂN DÂN", district.upper()], "heading": s["heading_mc"],
          "seal": f"ỦY BAN NHÂN DÂN {district.upper()} * T. QUẢNG NINH"}
    other = "wife" if side == "husband" else "husband"
    if f[f"{other}_personal_id"] is None:
        f[f"{other}_personal_id"] = idnumbers.adult_personal_id(rng, date.fromisoformat(f[f"{other}_date_of_birth"]),
                                                                "male" if other == "husband" else "female")


def with_foreigners(build: Build) -> Build:
    """``build`` of samples/layouts/marriage_certificate.py; an ``mc-nuoc-ngoai`` marriage has a foreign spouse
    and is registered by the district."""
    return adjusting(build, FOREIGN, _foreign)


def _paper(doc: Doc, key: str) -> str:
    number = doc.fields[f"{key}_personal_id"]
    if number:
        return f"{doc.show['id_word']} {number}"
    return f"Hộ chiếu số {doc.show['passport']}"


def _draw_foreign(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    pt, line, tab, value = 11.5, 5.6, s["tab"], s["value_style"]
    y = national_header(page, s["header"])
    page.text(136, y - 3.2, "Socialist Republic of Viet Nam - Independence - Freedom - Happiness", "italic", 8.5,
              align="center")
    y = title(page, y + 10, "GIẤY CHỨNG NHẬN KẾT HÔN", 16.5)
    page.text(105, y - 3, "MARRIAGE CERTIFICATE", "bolditalic", 12, align="center")
    y += 5
    page.text(LEFT + 8, y, f"Số/No.: {f['number']}", "regular", 11.5)
    page.text(120, y, f"Quyển số/Book No.: {f['book']}", "regular", 11.5)
    y += 9
    bold = "sansbold" if value == "sans" else "typedbold"
    for key, heading in (("husband", "Chồng / Husband"), ("wife", "Vợ / Wife")):
        page.text(LEFT, y, heading, "bold", 12.5)
        page.hline(LEFT, RIGHT, y + 1.6, 0.3)
        y += line + 2.5
        born = date_figures(date.fromisoformat(f[f"{key}_date_of_birth"]))
        rows = [("Họ, chữ đệm, tên", "Full name", f[f"{key}_name"], bold),
                ("Ngày, tháng, năm sinh", "Date of birth", born, value)]
        if f[f"{key}_ethnicity"]:
            rows.append(("Dân tộc", "Ethnicity", f[f"{key}_ethnicity"], value))
        rows += [("Quốc tịch", "Nationality", f[f"{key}_nationality"], value),
                 ("Nơi cư trú", "Place of residence", f[f"{key}_residence"], value),
                 ("Giấy tờ tùy thân", "Identity document", _paper(doc, key), value)]
        for vietnamese, english, text, style in rows:
            y = bilingual(page, LEFT + 3, tab, RIGHT, y, vietnamese, english, text, pt, line, style)
        y += 2
    page.hline(LEFT, RIGHT, y - 3, 0.3)
    registered = date.fromisoformat(f["registration_date"])
    y = bilingual(page, LEFT + 3, tab, RIGHT, y + 2, "Nơi đăng ký kết hôn", "Place of registration",
                  f["registration_authority"], pt, line, value)
    y = bilingual(page, LEFT + 3, tab, RIGHT, y, "Ngày, tháng, năm đăng ký", "Date of registration",
                  date_figures(registered), pt, line, value)
    top = y + 3
    for cx, label in ((42, "Chồng / Husband"), (84, "Vợ / Wife")):
        page.text(cx, top, label, "bold", 11.5, align="center")
        page.text(cx, top + 5, "(Ký, ghi rõ họ tên)", "italic", 10, align="center")
        if not isinstance(page, MeasuringPage):
            multiply(page, signature_layer(page, rng, 28, 12), cx - 14, top + 9)
    signer_fit(page, 150, top, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"], s["seal"], rng)


def _column(page: Page, x0: float, x1: float, y: float, doc: Doc, key: str, heading: str) -> float:
    """One spouse's column: the name and the residence under their labels, the other values after theirs."""
    f, s = doc.fields, doc.show
    pt, line, value = 11.5, 5.5, s["value_style"]
    bold = "sansbold" if value == "sans" else "typedbold"
    page.text((x0 + x1) / 2, y, heading, "bold", 13, align="center")
    y += line + 2

    def below(y: float, label: str, text: str, style: str, size: float = pt) -> float:
        page.text(x0, y, f"{label}:", "regular", pt)
        for part in page.wrap(text, x1 - x0 - 6, x1 - x0 - 6, style, size):
            y += line
            page.text(x0 + 6, y, part, style, size)
        return y + line + 0.6

    y = below(y, "Họ, chữ đệm, tên", f[f"{key}_name"], bold, 12.5)
    born = date_figures(date.fromisoformat(f[f"{key}_date_of_birth"]))
    y = at_tab(page, x0, x0 + page.width("Ngày, tháng, năm sinh: ", "regular", pt), x1, y, "Ngày, tháng, năm sinh",
               born, pt, line, value) + 0.6
    mid = (x0 + x1) / 2
    at_tab(page, x0, x0 + page.width("Dân tộc: ", "regular", pt), mid - 2, y, "Dân tộc", f[f"{key}_ethnicity"], pt,
           line, value)
    y = at_tab(page, mid, mid + page.width("Quốc tịch: ", "regular", pt), x1, y, "Quốc tịch",
               f[f"{key}_nationality"], pt, line, value) + 0.6
    y = below(y, "Nơi cư trú", f[f"{key}_residence"], value)
    number = f[f"{key}_personal_id"]
    paper = f"{s['id_word']} {number}" if number else ""
    label = s["paper_label"]
    return at_tab(page, x0, x0 + page.width(f"{label}: ", "regular", pt), x1, y, label, paper, pt, line, value)


def _draw_landscape(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    y = form_extras.header(page, 72, 214, 24, s["header"], 12.0)
    page.text(72, y + 2.5, f"Số: {f['number']}", "regular", 12, align="center")
    page.text(72, y + 8, f"Quyển số: {f['book']}", "regular", 12, align="center")
    page.text(LANDSCAPE[0] / 2, y + 19, "GIẤY CHỨNG NHẬN KẾT HÔN", "bold", 19, align="center")
    y += 30
    top = y
    ends = [_column(page, 26, 140, y, doc, "husband", s["headings"][0]),
            _column(page, 157, 271, y, doc, "wife", s["headings"][1])]
    y = max(ends) + 1
    page.vline(148.5, top - 5, y - 3, 0.25)
    y += 3
    registered = date.fromisoformat(f["registration_date"])
    pt, line = 11.5, 5.5
    at_tab(page, 26, 26 + page.width("Nơi đăng ký kết hôn: ", "regular", pt), 203, y, "Nơi đăng ký kết hôn",
           f["registration_authority"], pt, line, s["value_style"])
    y = at_tab(page, 208, 208 + page.width("Ngày đăng ký: ", "regular", pt), 275, y, "Ngày đăng ký",
               date_figures(registered), pt, line, s["value_style"])
    top = y + 5
    for cx, label in ((62, "Chồng"), (128, "Vợ")):
        page.text(cx, top + 6, label, "bold", 12, align="center")
        page.text(cx, top + 11, "(Ký, ghi rõ họ tên)", "italic", 10.5, align="center")
        if not isinstance(page, MeasuringPage):
            multiply(page, signature_layer(page, rng, 30, 12), cx - 15 + rng.uniform(-3, 3), top + 15)
    page.text(226, top, f"{s['place']}, {date_long(registered)}", "italic", 11.5, align="center")
    form_extras.signer(page, 226, top + 6, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"],
                       s["seal"], rng, 11.5, 20.0, 26.0)


def with_landscape(draw: Draw) -> Draw:
    """``draw`` of samples/layouts/marriage_certificate.py, with ``mc-ngang-2016`` on a landscape framed sheet."""

    def dispatch(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
        if doc.family != "mc-ngang-2016":
            return draw(doc, dpi, rng)
        page = Page(*LANDSCAPE, dpi)
        decorative_border(page, (200, 120, 140), rng)
        _draw_landscape(doc, page, rng)
        return [page]

    return dispatch


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"mc-nuoc-ngoai": _draw_foreign,
                                                                  "mc-ngang-2016": _draw_landscape}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"mc-nuoc-ngoai": _show_foreign,
                                                           "mc-ngang-2016": _show_landscape}
