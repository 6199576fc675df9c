"""Round-7 death extract ``de-qua-han-nhan-chung``: the "TRÍCH LỤC KHAI TỬ" of a death registered long after it
happened (2016–2025, for a death of 2000–2012: families register a parent's or grandparent's death years later
to settle an inheritance), when no death notice exists and two witnesses attest the death (Decree 123/2015,
art. 4 and 37): the deceased's identity as labelled lines (the 9-digit CMND of the time or "Không có"); the death
told in one sentence without labels ("Đã chết vào lúc … giờ … phút, ngày … tháng … năm …, tại …; nguyên nhân:
…"); the paper proving it ("Văn bản xác nhận của người làm chứng" with its own date); the two witnesses side by
side, each with a name, a year of birth, a 12-digit personal number and a residence; the declarant; the
registration as labelled lines; "Ghi chú: Đăng ký khai tử quá hạn".
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from samples import idnumbers, people, places
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_kit
from samples.layouts.common import LEFT, RIGHT, adjusting, national_header, place_date, title
from samples.layouts.form_kit import Form, Item, Style
from samples.layouts.round7.kit import figures
from samples.vntext import date_long

FAMILIES = {"de-qua-han-nhan-chung": "tuning"}
VARIANTS = {"late-form": (date(2000, 2, 1), date(2012, 12, 31))}  # the deaths; registered 2016–2025
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"de-qua-han-nhan-chung": {"late-form": 1}}
LATE = (date(2016, 3, 1), date(2025, 6, 30))
Build = Callable[..., Doc]


def _show(rng: random.Random) -> dict:
    return {"style": Style(leaders=rng.random() < 0.5, value_font=rng.choice(["serif", "bold"]), pt=12.0,
                           line=6.5)}


def _witness(rng: random.Random, registered: date, loc: places.Locality) -> dict:
    person = people.make_person(rng, registered - timedelta(days=365 * 85), registered - timedelta(days=365 * 45))
    return {"name": person.name, "born": str(person.born.year), "address": places.address(rng, loc),
            "id": idnumbers.adult_personal_id(rng, person.born, person.sex)}


def _late(doc: Doc, rng: random.Random) -> None:
    """Registered years after the death; the CMND of the time or none; two witnesses, the paper's date."""
    f, s = doc.fields, doc.show
    registered = people.random_date(rng, *LATE)
    f["registration_date"] = registered.isoformat()
    f["personal_id"] = idnumbers.old_id_number(rng) if rng.random() < 0.7 else None
    parts = f["registration_authority"].removeprefix("Ủy ban nhân dân ").split(", ")
    loc = places.Locality(parts[0], parts[1] if len(parts) > 2 else None, s["place"])
    s |= {"book": f"{rng.randint(1, 2):02d}/{registered.year}", "witnesses": [_witness(rng, registered, loc)
                                                                              for _ in range(2)],
          "attested": registered - timedelta(days=rng.randint(2, 25))}


def with_late_registration(build: Build) -> Build:
    """``build`` of samples/layouts/death_extract.py; a ``de-qua-han-nhan-chung`` death is registered late."""
    return adjusting(build, FAMILIES, _late)


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    form = Form(page, s["style"], indent=4.0)
    y = national_header(page, s["header"])
    page.text(57, y, f"Số: {f['number']}", "regular", 12, align="center")
    page.text(57, y + 5.4, f"Quyển số: {s['book']}", "regular", 12, align="center")
    y = title(page, y + 17, "TRÍCH LỤC KHAI TỬ")
    paper = f"CMND số {f['personal_id']}" if f["personal_id"] else "Không có"
    y = form.rows(LEFT, RIGHT, y + 1, [
        [Item("Họ, chữ đệm, tên người đã chết", f["full_name"], "name")],
        [Item("Ngày, tháng, năm sinh", figures(f["date_of_birth"]))],
        [Item("Giới tính", people.sex_label(f["sex"])), Item("Dân tộc", f["ethnicity"]),
         Item("Quốc tịch", f["nationality"])],
        [Item("Giấy tờ tùy thân", paper)],
        [Item("Nơi cư trú cuối cùng", s["residence"], "long")],
    ])
    died = date.fromisoformat(f["date_of_death"])
    hours, _, minutes, _ = s["time"].split()
    sentence = (f"Đã chết vào lúc {hours} giờ {minutes} phút, {date_long(died)}, tại {f['place_of_death']}; "
                f"nguyên nhân: {s['cause'].lower()}.")
    y = form.text_line(LEFT, y + 1, sentence, "typed", RIGHT, first_indent=8)
    proof = f"Văn bản xác nhận của người làm chứng ngày {figures(s['attested'].isoformat())}"
    y = form.rows(LEFT, RIGHT, y + 1, [[Item("Giấy tờ chứng minh việc chết", proof, "long")]])
    page.text(105, y + 1, "NGƯỜI LÀM CHỨNG", "bold", 12, align="center")
    blocks = [("", [[Item("Họ, chữ đệm, tên", w["name"], "name")], [Item("Năm sinh", w["born"])],
                    [Item("Số định danh cá nhân", w["id"])], [Item("Nơi cư trú", w["address"], "long")]])
              for w in s["witnesses"]]
    y = form_kit.person_columns(form, y + 1 + form.line, blocks, LEFT, RIGHT, pt=10.5)
    registered = date.fromisoformat(f["registration_date"])
    y = form.rows(LEFT, RIGHT, y + 1, [
        [Item("Họ, chữ đệm, tên người đi khai tử", s["declarant"], "name")],
        [Item("Quan hệ với người đã chết", s["relation"])],
        [Item("Nơi đăng ký khai tử", f["registration_authority"], "long")],
        [Item("Ngày, tháng, năm đăng ký", figures(f["registration_date"]))],
        [Item("Ghi chú", "Đăng ký khai tử quá hạn")],
    ])
    y = place_date(page, 140, y + 2, s["place"], registered)
    form_kit.signer_fit(page, 140, y, s["heading"], None, s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"de-qua-han-nhan-chung": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"de-qua-han-nhan-chung": _show}
