"""The ID card in its real editions (front and back), as layout families (samples/families.py):

- ``card-cccd-2021`` the chip "Căn cước công dân" (bilingual labels, QR, MRZ); ``card-cccd-2016`` its
  predecessor without chip, QR or MRZ (Vietnamese labels only, a barcode);
- ``card-cancuoc-2024`` the "Căn cước" card of 1 July 2024 ("Nơi đăng ký khai sinh" instead of "Quê quán",
  residence and issue date on the back);
- ``card-cmnd-12`` the 12-digit "Chứng minh nhân dân" of 2012 and ``card-cmnd-9`` the 9-digit "Giấy chứng minh
  nhân dân" (green guilloche, no QR, values printed or typed);
- ``card-random`` a randomized card (label wording, languages, field order, fonts, colours, photo side).

The card is shown either as a card image (both sides on a scanner bed) or as a photocopy of both sides on an A4
page. A field the edition does not print has truth null; on the 2024 card ``place_of_origin`` holds the printed
"Nơi đăng ký khai sinh".
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from samples import idnumbers, people, places
from samples.canvas import Page
from samples.doc import SCHEMA_FIELDS, Doc
from samples.layouts import card_cancuoc, card_cccd, card_cmnd, card_mrz, card_random
from samples.layouts.card_parts import lay_out
from samples.layouts.common import merge_registries

FAMILIES: dict[str, str] = {
    "card-cccd-2021": "tuning",
    "card-cmnd-12": "tuning",
    "card-random": "tuning",
    "card-cccd-2016": "heldout",
    "card-cancuoc-2024": "heldout",
    "card-cmnd-9": "heldout",
}
MARKS = ["Nốt ruồi C:1cm trên trước đầu lông mày trái", "Sẹo chấm C:2cm dưới sau cánh mũi phải",
         "Nốt ruồi C:1,5cm dưới sau mép phải", "Sẹo chấm C:1cm trên sau đuôi mắt trái",
         "Sẹo chấm cách 2cm trên đầu mày phải", "Nốt ruồi cách 1cm dưới sau cánh mũi trái"]
SIGNERS = ["Tô Văn Huệ", "Nguyễn Ngọc Lâm", "Trần Văn Hòa", "Đặng Văn Thư", "Nguyễn Văn Thành", "Vũ Đình Long"]
ALL = frozenset(SCHEMA_FIELDS["citizen_id_card"])

Side = Callable[[Doc, int, random.Random], Page]


@dataclass(frozen=True)
class Edition:
    """When an edition was issued, which contract fields it prints and how its sides are drawn."""

    issued_from: date
    issued_to: date
    prints: frozenset[str]
    front: Side
    back: Side
    nine_digits: bool = False  # the 9-digit CMND number instead of the 12-digit personal number
    valid_years: int | None = None  # the CMND: valid 15 years from issue; None: the age rule of expiry()
    origin: str = "hometown"  # "hometown" (Quê quán / Nguyên quán) or "birth_registration"
    sides: bool = True  # False: a paper drawn whole by ``draw``, with no card side to show alone


EDITIONS: dict[str, Edition] = {
    "card-cccd-2021": Edition(date(2021, 1, 15), date(2024, 6, 30), ALL, card_cccd.front_2021, card_cccd.back_2021),
    "card-cccd-2016": Edition(date(2016, 1, 1), date(2020, 12, 31), ALL, card_cccd.front_2016, card_cccd.back_2016),
    "card-cancuoc-2024": Edition(date(2024, 7, 1), date(2026, 10, 31), ALL, card_cancuoc.front, card_cancuoc.back,
                                 origin="birth_registration"),
    "card-cmnd-12": Edition(date(2012, 10, 1), date(2016, 6, 30), ALL - {"nationality"}, card_cmnd.front_12,
                            card_cmnd.back_12, valid_years=15),
    "card-cmnd-9": Edition(date(2000, 1, 1), date(2015, 12, 31), ALL - {"nationality", "sex", "expiry_date"},
                           card_cmnd.front_9, card_cmnd.back_9, nine_digits=True, valid_years=15),
    "card-random": Edition(date(2012, 1, 1), date(2026, 10, 31), ALL, card_random.front, card_random.back),
}


@dataclass(frozen=True)
class Holder:
    """The person an ID card is made for."""

    name: str
    sex: str
    born: date
    personal_id: str | None = None
    residence: str | None = None


def expiry(born: date, issued: date) -> date | None:
    """Valid to the 25th, 40th or 60th birthday; cards issued after 58 never expire."""
    for limit, until in ((23, 25), (38, 40), (58, 60)):
        if issued < _birthday(born, limit):
            return _birthday(born, until)
    return None


def _birthday(born: date, years: int) -> date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # 29 February
        return born.replace(year=born.year + years, day=28)


def issue_window(family: str, holder: Holder | None) -> tuple[date, date] | None:
    """The days an edition can have been issued to ``holder`` (from their 14th birthday); None if none."""
    edition = EDITIONS[family]
    start = edition.issued_from if holder is None else max(edition.issued_from, _birthday(holder.born, 14))
    return (start, edition.issued_to) if start <= edition.issued_to else None


def can_hold(family: str, holder: Holder | None) -> bool:
    return issue_window(family, holder) is not None


def build(rng: random.Random, variant: str | None = None, family: str | None = None, copy: bool | None = None,
          holder: Holder | None = None) -> Doc:
    """An ID card of ``family`` (drawn with ``rng`` when None; ``variant`` "cccd-2021" names the family
    "card-cccd-2021"); ``holder`` makes it the card of a known person (a dossier's certificate holder) and
    needs an edition issued after their 14th birthday (``can_hold``)."""
    if family is None:
        family = f"card-{variant}" if variant else rng.choice(list(FAMILIES))
    if family not in FAMILIES:
        raise ValueError(f"unknown ID card family {family!r}")
    edition = EDITIONS[family]
    window = issue_window(family, holder)
    if window is None:
        raise ValueError(f"{family} was not issued to a holder born {holder.born if holder else '?'}")
    issued = people.random_date(rng, *window)
    if holder is None:
        born = issued - timedelta(days=365 * 75)
        person = people.make_person(rng, born, issued - timedelta(days=365 * 15), tone=rng.choice(["old", "new"]))
        pid = idnumbers.adult_personal_id(rng, person.born, person.sex)
    else:
        person = people.Person(holder.name, holder.sex, holder.born, "Kinh")
        pid = holder.personal_id or idnumbers.adult_personal_id(rng, holder.born, holder.sex)
    old = idnumbers.old_id_number(rng) if person.born.year < 2000 and rng.random() < 0.8 else ""
    if edition.nine_digits:
        pid, old = idnumbers.old_id_number(rng), ""
    loc = places.locality(rng, issued)
    residence = holder.residence if holder and holder.residence else places.address(rng, loc)
    if edition.origin == "hometown":
        origin = places.hometown(rng, issued)
    else:
        origin = places.locality(rng, person.born if person.born < places.REFORM else issued).full()
    if edition.valid_years:
        expires: date | None = _birthday(issued, edition.valid_years)
    else:
        expires = expiry(person.born, issued)
    fields: dict[str, str | None] = {
        "personal_id": pid, "full_name": person.name, "date_of_birth": person.born.isoformat(), "sex": person.sex,
        "nationality": person.nationality, "place_of_origin": origin, "residence": residence,
        "issue_date": issued.isoformat(), "expiry_date": expires.isoformat() if expires else None,
    }
    qr = "|".join([pid, old, person.name.title(), person.born.strftime("%d%m%Y"), people.sex_label(person.sex),
                   residence, issued.strftime("%d%m%Y")])
    show = {"qr": qr, "mark": rng.choice(MARKS), "copy": rng.random() < 0.5 if copy is None else copy,
            "signer": rng.choice(SIGNERS), "old_id": old, "ethnicity": person.ethnicity,
            "typed": rng.random() < 0.5}
    prints = edition.prints
    if family == "card-random":
        show["style"] = card_random.style(rng)
        prints = prints - set(show["style"]["omit"])
    fields = {key: value if key in prints else None for key, value in fields.items()}
    return Doc("citizen_id_card", family.removeprefix("card-"), fields, show=show, family=family)


def mrz(doc: Doc) -> list[str]:
    """The card's three MRZ lines (cards with a 12-digit personal number)."""
    return card_mrz.for_card(doc.fields)


def draw(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    edition = EDITIONS[doc.family]
    front, back = edition.front(doc, dpi, rng), edition.back(doc, dpi, rng)
    return [lay_out(front, back, doc.show["copy"], dpi, rng)]

# Round-3 held-out families (samples/layouts/round3/), merged into the registries above.
from samples.layouts.round3 import id_card as _round3  # noqa: E402

merge_registries(globals(), _round3, "FAMILIES")
EDITIONS["card-cccd-2016-worn"] = Edition(*_round3.ISSUED, ALL, _round3.front, _round3.back)
draw = _round3.with_own_layouts(draw)

# Round-4 held-out families (samples/layouts/round4/), merged into the registries above.
from samples.layouts.round4 import id_card as _round4  # noqa: E402

merge_registries(globals(), _round4, "FAMILIES")
EDITIONS["card-cmnd-tt57"] = Edition(*_round4.TT57_ISSUED, ALL - {"nationality"}, _round4.tt57_front,
                                     _round4.tt57_back, valid_years=15)
EDITIONS["card-vneid-print"] = Edition(*_round4.VNEID_ISSUED, ALL, _round4.vneid_front, _round4.vneid_back)
draw = _round4.with_screens(draw)

# Round-5 families (samples/layouts/round5/, scored once, retired into tuning), merged above.
from samples.layouts.round5 import id_card as _round5  # noqa: E402

merge_registries(globals(), _round5, "FAMILIES")
EDITIONS["card-ban-sao-chung-thuc"] = Edition(*_round5.ISSUED, ALL, _round5.front, _round5.back,
                                              origin="birth_registration")
build = _round5.with_certification(build)
draw = _round5.with_certified_copies(draw)

# Round-6 families (samples/layouts/round6/, scored once, retired into tuning), merged above.
from samples.layouts.round6 import id_card as _round6  # noqa: E402

merge_registries(globals(), _round6, "FAMILIES")
EDITIONS["card-cmnd-1990s"] = Edition(*_round6.ISSUED, ALL - {"nationality", "sex", "expiry_date"}, _round6.front,
                                      _round6.back, nine_digits=True, valid_years=15)
draw = _round6.with_side_by_side(draw)

# Round-7 families (samples/layouts/round7/, scored once, retired into tuning), merged above.
from samples.layouts.round7 import id_card as _round7  # noqa: E402

merge_registries(globals(), _round7, "FAMILIES")
EDITIONS["card-xac-nhan-so-cmnd"] = Edition(*_round7.ISSUED, ALL - {"nationality", "expiry_date"}, _round7.no_side,
                                            _round7.no_side, sides=False)
build = _round7.with_papers(build)
draw = _round7.with_paper(draw)

# Round-8 families (samples/layouts/round8/, scored once, retired into tuning), merged above.
from samples.layouts.round8 import id_card as _round8  # noqa: E402

merge_registries(globals(), _round8, "FAMILIES")
EDITIONS["card-cccd-2016-photo-a4"] = Edition(*_round8.ISSUED, ALL, _round8.front, _round8.back)
build = _round8.with_placements(build)
draw = _round8.with_photocopies(draw)

# Round-9 held-out families (samples/layouts/round9/), merged above.
from samples.layouts.round9 import id_card as _round9  # noqa: E402

merge_registries(globals(), _round9, "FAMILIES")
EDITIONS["card-cmnd-12-anh-chup"] = Edition(*_round9.ISSUED, ALL - {"nationality"}, _round9.front, _round9.back,
                                            valid_years=15)
build = _round9.with_phone_photos(build)
draw = _round9.with_photographs(draw)
