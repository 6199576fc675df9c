"""A randomized ID card (family ``card-random``): label wording drawn from the editions' and their
paraphrases, bilingual or not, the order of the fields, which fields go on the back, label beside or above the
value, value fonts, background colour and pattern, photo on the left or the right, QR and MRZ or not, and a
few fields not printed at all (their truth is null)."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import card_mrz
from samples.layouts.card_parts import (
    CARD,
    RED,
    emblem,
    fingerprints,
    guilloche,
    label_above,
    label_value,
    photo,
    qr,
    waves,
)
from samples.stamp import multiply, seal_layer, signature_layer

LABELS: dict[str, list[str]] = {
    "personal_id": ["Số", "Số định danh cá nhân", "Số định danh", "Số thẻ", "Số CCCD"],
    "full_name": ["Họ và tên", "Họ tên", "Họ, chữ đệm và tên khai sinh", "Họ, chữ đệm, tên", "Tên"],
    "date_of_birth": ["Ngày sinh", "Ngày, tháng, năm sinh", "Sinh ngày", "Ngày tháng năm sinh"],
    "sex": ["Giới tính", "Giới"],
    "nationality": ["Quốc tịch"],
    "place_of_origin": ["Quê quán", "Nguyên quán", "Quê"],
    "residence": ["Nơi thường trú", "Nơi cư trú", "Nơi ĐKHK thường trú", "Địa chỉ thường trú", "Thường trú"],
    "issue_date": ["Ngày cấp", "Ngày, tháng, năm cấp", "Cấp ngày", "Ngày, tháng, năm"],
    "expiry_date": ["Có giá trị đến", "Ngày hết hạn", "Giá trị đến", "Hạn sử dụng"],
}
ENGLISH: dict[str, list[str]] = {
    "personal_id": ["No.", "Personal identification number", "ID number"],
    "full_name": ["Full name", "Surname and given name", "Name"],
    "date_of_birth": ["Date of birth", "Birth date"],
    "sex": ["Sex", "Gender"],
    "nationality": ["Nationality"],
    "place_of_origin": ["Place of origin", "Home town"],
    "residence": ["Place of residence", "Residence", "Address"],
    "issue_date": ["Date of issue", "Issued on"],
    "expiry_date": ["Date of expiry", "Valid until", "Expiry"],
}
TITLES = [("CĂN CƯỚC CÔNG DÂN", "Citizen Identity Card"), ("CĂN CƯỚC", "IDENTITY CARD"),
          ("CHỨNG MINH NHÂN DÂN", "Identity Card"), ("THẺ CĂN CƯỚC", "Identity Card")]
VALUE_STYLES = ["sansbold", "sans", "bold", "typedbold", "typewriterbold", "regular"]
LABEL_STYLES = ["sans", "regular", "italic", "sansbold"]
TINTS = [(150, 200, 195), (165, 190, 225), (205, 185, 210), (200, 210, 160), (215, 195, 160), (185, 185, 185)]
BODY = ["date_of_birth", "sex", "nationality", "place_of_origin", "residence"]
BACK_ABLE = ["place_of_origin", "residence", "expiry_date"]


def style(rng: random.Random) -> dict[str, Any]:
    """The random choices of one card (JSON-serializable, kept in ``Doc.show``)."""
    bilingual = rng.random() < 0.5
    mrz = rng.random() < 0.45
    omit = [k for k in ("nationality", "place_of_origin", "expiry_date") if rng.random() < 0.15]
    if mrz and "expiry_date" in omit:
        omit.remove("expiry_date")
    back = [k for k in BACK_ABLE if k not in omit and rng.random() < 0.4]
    front = [k for k in BODY if k not in omit and k not in back]
    rng.shuffle(front)
    head = ["personal_id", "full_name"] if rng.random() < 0.75 else ["full_name", "personal_id"]
    back_order = [k for k in back if k != "expiry_date"] + ["issue_date"] + (["expiry_date"] if "expiry_date" in back
                                                                            else [])
    return {
        "bilingual": bilingual, "slash": rng.choice([" / ", "/"]),
        "labels": {k: rng.choice(v) for k, v in LABELS.items()},
        "english": {k: rng.choice(v) for k, v in ENGLISH.items()},
        "front": head + front, "back": back_order,
        "expiry_under_photo": "expiry_date" not in back and "expiry_date" not in omit and rng.random() < 0.6,
        "above": [k for k in ("full_name", "place_of_origin", "residence", "personal_id") if rng.random() < 0.4],
        "value_style": rng.choice(VALUE_STYLES), "label_style": rng.choice(LABEL_STYLES),
        "tint": list(rng.choice(TINTS)), "pattern": rng.choice(["waves", "waves", "guilloche", "plain"]),
        "photo_right": rng.random() < 0.3, "title": list(rng.choice(TITLES)), "motto": rng.random() < 0.7,
        "qr": rng.random() < 0.5, "mrz": mrz, "date_sep": rng.choice(["/", "/", "-", "."]), "omit": omit,
        "fingerprints": rng.random() < 0.6,
    }


def _value(doc: Doc, key: str, sep: str) -> str:
    value = doc.fields[key]
    if key == "sex":
        return people.sex_label(value or "")
    if key in ("date_of_birth", "issue_date", "expiry_date"):
        if value is None:
            return "Không thời hạn"
        d = date.fromisoformat(value)
        return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"
    return value or ""


def _label(s: dict[str, Any], key: str) -> str:
    label = s["labels"][key]
    return f"{label}{s['slash']}{s['english'][key]}" if s["bilingual"] else label


def _background(page: Page, s: dict[str, Any], rng: random.Random) -> None:
    tint = tuple(s["tint"])
    if s["pattern"] == "waves":
        waves(page, tint, rng)
    elif s["pattern"] == "guilloche":
        guilloche(page, tint, rng, paper=tuple(255 - (255 - c) // 6 for c in tint))
    else:
        page.rect(0, 0, *CARD, outline=None, fill=tuple(255 - (255 - c) // 4 for c in tint))


def _fields(page: Page, doc: Doc, keys: list[str], x: float, y: float, x_end: float, scale: float) -> float:
    s = doc.show["style"]
    for key in keys:
        label, value = _label(s, key), _value(doc, key, s["date_sep"])
        big = key in ("personal_id", "full_name")
        value_pt = (8.6 if big else 6.6) * scale
        if key in s["above"]:
            y = label_above(page, x, y, label, value, x_end, pt=5.4 * scale, value_pt=value_pt, gap=3.3 * scale,
                            label_style=s["label_style"], value_style=s["value_style"])
        else:
            y = label_value(page, x, y, label, value, x_end, pt=5.8 * scale, value_pt=value_pt, gap=3.3 * scale,
                            label_style=s["label_style"], value_style=s["value_style"])
    return y


def front(doc: Doc, dpi: int, rng: random.Random) -> Page:
    s = doc.show["style"]
    for scale in (1.0, 0.92, 0.84, 0.76, 0.68):
        page = Page(*CARD, dpi)
        state = rng.getstate()
        _background(page, s, rng)
        right = s["photo_right"]
        emblem(page, 8.5 if not right else 77, 8.5, 5.4)
        cx = 47 if not right else 40
        title_y = 8.0
        if s["motto"]:
            page.text(cx, 5.0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "sansbold", 6.0, align="center")
            page.text(cx, 7.9, "Độc lập - Tự do - Hạnh phúc", "sansbold", 5.6, align="center")
            title_y = 13.5
        page.text(cx, title_y, s["title"][0], "sansbold", 9.0, align="center", color=RED)
        if s["bilingual"]:
            page.text(cx, title_y + 2.9, s["title"][1], "sans", 5.2, align="center")
        if s["qr"] and not right:
            qr(page, doc.show["qr"], 72, 1.5, 12)
        px0 = 3 if not right else 65
        photo(page, px0, 19.5, px0 + 17.5, 42.5, rng)
        x, x_end = (24, 83) if not right else (3.5, 63)
        keys = list(s["front"])
        if s["expiry_under_photo"]:
            page.text(px0, 46.6, _label(s, "expiry_date") + ":", s["label_style"], 4.6)
            page.text(px0, 50.6, _value(doc, "expiry_date", s["date_sep"]), s["value_style"], 6.0)
            keys = [k for k in keys if k != "expiry_date"]
        elif "expiry_date" not in s["back"] and "expiry_date" not in s["omit"]:
            keys.append("expiry_date")
        y = _fields(page, doc, keys, x, title_y + (6.5 if s["bilingual"] else 4.5), x_end, scale)
        if y <= 53.5:
            return page
        rng.setstate(state)
    return page


def back(doc: Doc, dpi: int, rng: random.Random) -> Page:
    s = doc.show["style"]
    bottom = 42.5 if s["mrz"] else 53
    for scale in (1.0, 0.9, 0.8, 0.7, 0.6):
        page = Page(*CARD, dpi)
        state = rng.getstate()
        _background(page, s, rng)
        x_end = 54 if s["fingerprints"] else 83
        if s["fingerprints"]:
            fingerprints(page, 56, 2.5, ("Ngón trỏ trái", "Ngón trỏ phải"))
        y = 5.0
        if s["qr"] and s["photo_right"]:
            qr(page, doc.show["qr"], 3, 2, 12)
            y = 17.0
        y = _fields(page, doc, s["back"], 3.5, y, x_end, scale)
        mark = "Đặc điểm nhân dạng" + (f"{s['slash']}Personal identification" if s["bilingual"] else "")
        y = label_value(page, 3.5, y + 0.4, mark, doc.show["mark"], x_end, pt=5.2 * scale, value_pt=5.8 * scale,
                        gap=3.0 * scale, label_style=s["label_style"], value_style=s["value_style"])
        cx = 30 if s["fingerprints"] else 60
        page.text(cx, y + 1.0, "CỤC TRƯỞNG CỤC CẢNH SÁT", "sansbold", 5.2 * scale, align="center")
        page.text(cx, y + 3.4, "QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI", "sansbold", 5.2 * scale, align="center")
        if y + 13 <= bottom:
            multiply(page, signature_layer(page, rng, 18, 7), cx - 8, y + 4)
            multiply(page, seal_layer(page, "BỘ CÔNG AN * CỤC CẢNH SÁT QLHC VỀ TTXH", rng, 13), cx - 13, y + 3)
            page.text(cx, y + 13, doc.show["signer"], "sansbold", 5.8, align="center")
            if s["mrz"]:
                for i, line in enumerate(card_mrz.for_card(doc.fields)):
                    page.text(4, 44.5 + i * 3.6, line, "sans", 7.6, color=(30, 30, 30))
            return page
        rng.setstate(state)
    raise ValueError("the random card's back does not fit")  # pragma: no cover - the smallest scale fits
