"""Round-9 marital-status confirmations:

- ``ms-muc-dich-o-vuong``: a commune's confirmation of 2016–2025 on a blank whose purpose is not written out but
  ticked: under "Mục đích sử dụng" a list of printed choices in two columns, each after a small square, one
  square crossed ("Đăng ký kết hôn", "Vay vốn ngân hàng", …, and "Mục đích khác (ghi rõ): …" with the purpose
  written after it); the purpose is the ticked choice's text (or what is written after "ghi rõ"). The particulars
  as labelled lines with the status on its own line.
- ``ms-viet-tay-tren-cham``: the pre-printed blank of the Decree 158/2005 years (2006–2015) filled in by hand:
  every label printed and followed by a dotted line to the margin, the value written in blue ink *above* the dots
  (its baseline a little over the line's, not on it), wavering; "Chủ tịch Ủy ban nhân dân" printed and the
  commune written in ("… xác nhận:"); "Ông/Bà", "Sinh ngày", the three short items on one line, "Giấy CMND
  số", "Nơi thường trú", "Tình trạng hôn nhân", "Giấy này được cấp để"; Số written in at the top left and the
  place and date written into "……, ngày … tháng … năm …".
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_kit
from samples.layouts.common import LEFT, RIGHT, adjusting, national_header, place_date, title
from samples.layouts.form_kit import Form, Item, Style
from samples.layouts.round7.kit import figures
from samples.vntext import date_long

FAMILIES = {"ms-muc-dich-o-vuong": "heldout", "ms-viet-tay-tren-cham": "heldout"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"ms-muc-dich-o-vuong": {"2015-form": 30, "2020-form": 70},
                                              "ms-viet-tay-tren-cham": {"2005-form": 1}}
CHOICES = ["Đăng ký kết hôn", "Vay vốn ngân hàng", "Mua bán, chuyển nhượng nhà đất", "Bổ sung hồ sơ xin việc làm",
           "Làm thủ tục xuất cảnh", "Bổ sung hồ sơ đi học"]
OTHER = "Mục đích khác (ghi rõ):"
OTHER_PURPOSES = ["Làm thủ tục nhận con nuôi", "Bổ sung hồ sơ thừa kế", "Làm thủ tục nhập hộ khẩu"]
VALIDITY = "Giấy này có giá trị sử dụng trong thời hạn 6 tháng, kể từ ngày cấp."
INK = (25, 45, 150)
RISE = 1.3  # mm a handwritten value stands above its dotted line
BOX = 3.2  # mm, the side of a choice's square
Build = Callable[..., Doc]


def _show_ticked(rng: random.Random) -> dict:
    return {"style": Style(leaders=rng.random() < 0.4, value_font=rng.choice(["serif", "bold"]), pt=12.5, line=6.9)}


def _show_hand(rng: random.Random) -> dict:
    return {"hand_pt": rng.choice([12.5, 13.0, 13.5]), "waver": [rng.uniform(-0.15, 0.5) for _ in range(16)]}


def _ticked(doc: Doc, rng: random.Random) -> None:
    """One choice ticked; the purpose is its text, or the written purpose of "Mục đích khác"."""
    index = rng.randrange(len(CHOICES) + 1)
    doc.show["ticked"] = index
    doc.fields["purpose"] = CHOICES[index] if index < len(CHOICES) else rng.choice(OTHER_PURPOSES)


def _handwritten(doc: Doc, _rng: random.Random) -> None:
    """A hand writes the purpose as the applicant said it, with a capital."""
    purpose = doc.fields["purpose"]
    doc.fields["purpose"] = purpose[0].upper() + purpose[1:]


ADJUST = {"ms-muc-dich-o-vuong": _ticked, "ms-viet-tay-tren-cham": _handwritten}


def with_round9_papers(build: Build) -> Build:
    """``build`` of samples/layouts/marital_status.py, with the round-9 confirmations' own particulars."""
    return adjusting(build, FAMILIES, lambda doc, rng: ADJUST[doc.family](doc, rng))


def _paper(number: str | None) -> str | None:
    return f"{'CMND' if len(number) == 9 else 'CCCD'} số {number}" if number else None


def checkbox(page: Page, x: float, y: float, text: str, ticked: bool, pt: float) -> None:
    """A square with its baseline at y (crossed when ``ticked``), the choice's text after it."""
    top = y - BOX + 0.3
    page.rect(x, top, x + BOX, top + BOX, outline=(0, 0, 0), width=0.25)
    if ticked:
        width = max(1, page.px(0.35))
        page.draw.line([(page.px(x + 0.5), page.px(top + 0.5)), (page.px(x + BOX - 0.5), page.px(top + BOX - 0.5))],
                       fill=(0, 0, 0), width=width)
        page.draw.line([(page.px(x + 0.5), page.px(top + BOX - 0.5)), (page.px(x + BOX - 0.5), page.px(top + 0.5))],
                       fill=(0, 0, 0), width=width)
    page.text(x + BOX + 1.8, y, text, "regular", pt)


def _draw_ticked(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    form = Form(page, s["style"], indent=4.0)
    y = national_header(page, s["header"])
    page.text(57, y, f"Số: {f['number']}", "regular", 12.5, align="center")
    y = title(page, y + 14, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN")
    y = form.text_line(LEFT, y, f"{f['issuing_authority']} xác nhận:", "regular", RIGHT, first_indent=10) + 1
    y = form.rows(LEFT, RIGHT, y, [
        [Item("Họ, chữ đệm, tên", f["full_name"], "name")],
        [Item("Ngày, tháng, năm sinh", figures(f["date_of_birth"]))],
        [Item("Giới tính", people.sex_label(f["sex"])), Item("Dân tộc", f["ethnicity"]),
         Item("Quốc tịch", f["nationality"])],
        [Item("Giấy tờ tùy thân", _paper(f["personal_id"]))],
        [Item("Nơi cư trú", f["residence"], "long")],
        [Item("Tình trạng hôn nhân", f["marital_status"], "long")],
    ])
    page.text(LEFT, y, "Mục đích sử dụng (đánh dấu X vào ô tương ứng):", "regular", s["style"].pt)
    y += s["style"].line
    pt = s["style"].pt - 1.0
    for k, choice in enumerate(CHOICES):
        x = LEFT + 6 + (k % 2) * 86
        checkbox(page, x, y + (k // 2) * 6.4, choice, s["ticked"] == k, pt)
    y += (len(CHOICES) + 1) // 2 * 6.4
    other = s["ticked"] == len(CHOICES)
    checkbox(page, LEFT + 6, y, f"{OTHER} {f['purpose']}" if other else OTHER, other, pt)
    if not other:
        page.dots(LEFT + 11 + page.width(OTHER, "regular", pt) + 1.5, RIGHT, y, pt)
    y = form.text_line(LEFT, y + 8, VALIDITY, "italic", RIGHT, first_indent=10)
    y = place_date(page, 140, y + 3, s["place"], date.fromisoformat(f["issue_date"]))
    form_kit.signer_fit(page, 140, y, s["heading"], None, s["signer"], s["seal"], rng)


class Hand:
    """Values written above the dotted lines of a pre-printed blank."""

    def __init__(self, page: Page, pt: float, waver: list[float]):
        self.page, self.pt, self.waver, self.count = page, pt, waver, 0

    def write(self, x: float, y: float, text: str, record: bool = True) -> float:
        """``text`` written from x a little above the baseline y (a line's own waver); returns its end."""
        rise = RISE + self.waver[self.count % len(self.waver)]
        self.count += 1
        return self.page.text(x, y - rise, text, "italic", self.pt, color=INK, record=record)

    def line(self, x: float, y: float, label: str, value: str | None, x_end: float) -> float:
        """The printed label and its dotted line to ``x_end``, the value written above the dots; returns the
        next baseline (a value too long for one line goes on over the next dotted line)."""
        page, pt = self.page, self.pt
        after = page.text(x, y, f"{label}:", "regular", pt)
        lines = page.wrap(value or "", x_end - after - 5, x_end - x - 8, "italic", pt) if value else [""]
        page.dots(after + 0.8, x_end, y, pt)
        self.write(after + 2.5, y, lines[0])
        for text in lines[1:]:
            y += 8.0
            page.dots(x, x_end, y, pt)
            self.write(x + 4, y, text)
        return y + 8.0


def _draw_hand(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    pt = 12.5
    hand = Hand(page, s["hand_pt"], s["waver"])
    y = national_header(page, s["older_header"])
    after = page.text(34, y + 1, "Số:", "regular", pt)
    page.dots(after + 0.8, after + 30, y + 1, pt)
    hand.write(after + 4, y + 1, f["number"])
    y = title(page, y + 15, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN")
    after = page.text(LEFT + 10, y, "Chủ tịch", "regular", pt)
    authority = f["issuing_authority"]
    page.dots(after + 0.8, RIGHT, y, pt)
    lines = page.wrap(authority, RIGHT - after - 6, RIGHT - LEFT - 30, "italic", s["hand_pt"])
    hand.write(after + 2.5, y, lines[0])
    for text in lines[1:]:
        y += 8.0
        page.dots(LEFT, RIGHT - 24, y, pt)
        hand.write(LEFT + 4, y, text)
    page.text(RIGHT, y if len(lines) > 1 else y + 8.0, "xác nhận:", "regular", pt, align="right")
    y += 16.0
    y = hand.line(LEFT, y, "Ông/Bà", f["full_name"], RIGHT)
    y = hand.line(LEFT, y, "Sinh ngày", figures(f["date_of_birth"]), RIGHT)
    hand.line(LEFT, y, "Giới tính", people.sex_label(f["sex"]), 70)
    hand.line(72, y, "Dân tộc", f["ethnicity"], 128)
    y = hand.line(130, y, "Quốc tịch", f["nationality"], RIGHT)
    y = hand.line(LEFT, y, "Giấy CMND số", f["personal_id"], RIGHT)
    y = hand.line(LEFT, y, "Nơi thường trú", f["residence"], RIGHT)
    y = hand.line(LEFT, y, "Tình trạng hôn nhân", f["marital_status"], RIGHT)
    y = hand.line(LEFT, y, "Giấy này được cấp để", f["purpose"], RIGHT)
    page.text(LEFT + 10, y, VALIDITY, "italic", 12)
    y += 12.0
    issued = date.fromisoformat(f["issue_date"])
    x = 96.0
    month = f"{issued.month:02d}" if issued.month < 3 else str(issued.month)  # as date_long writes it
    for value, word in ((s["place"], ", ngày"), (f"{issued.day:02d}", "tháng"), (month, "năm"),
                        (str(issued.year), "")):
        width = max(page.width(value, "italic", s["hand_pt"]) + 4, 10.0)
        page.dots(x, x + width, y, pt)
        hand.write(x + 2, y, value, record=False)
        x += width + 0.8
        if word:
            x = page.text(x, y, word, "italic", pt, record=False) + 0.8
    page.record(f"{s['place']}, {date_long(issued)}", 96.0, y)
    form_kit.signer_fit(page, 140, y + 7, ["CHỦ TỊCH"], None, s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"ms-muc-dich-o-vuong": _draw_ticked,
                                                                  "ms-viet-tay-tren-cham": _draw_hand}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"ms-muc-dich-o-vuong": _show_ticked,
                                                           "ms-viet-tay-tren-cham": _show_hand}
