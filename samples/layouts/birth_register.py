"""SỔ ĐĂNG KÝ KHAI SINH: ruled register pages (A4 landscape) with several entries per page, in the book
editions of samples/layouts/register_editions.py (``br-2016``, ``br-1990s``, ``br-2010``) or a randomized one
(``br-random``, samples/layouts/register_random.py). An entry's key that the page does not print has truth null.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from samples import people, places
from samples.canvas import Page
from samples.doc import REGISTER_ENTRY_FIELDS, Doc
from samples.layouts import register_random
from samples.layouts.common import merge_registries
from samples.layouts.register_editions import EDITIONS, X0, Edition, format_date
from samples.layouts.register_table import draw_table

LANDSCAPE = (297.0, 210.0)
FAMILIES: dict[str, str] = {"br-2016": "tuning", "br-random": "tuning", "br-1990s": "heldout", "br-2010": "heldout"}
VARIANTS = {"br-2016": "typed-2016", "br-random": "random", "br-1990s": "typewritten-1990s", "br-2010": "book-2010"}
YEARS = {"br-2016": (2016, 2024), "br-random": (2000, 2025), "br-1990s": (1990, 1999), "br-2010": (2006, 2015)}
PER_PAGE = {"br-2016": (5, 7), "br-random": (4, 7), "br-1990s": (5, 7), "br-2010": (4, 5)}


def _place_1990s(rng: random.Random, loc: places.Locality) -> str:
    """Places of birth in the wording of the 1990s books (no province after a district of Quảng Ninh)."""
    roll = rng.random()
    district = loc.district or ""
    if roll < 0.3:
        return f"Trạm xá {loc.unit}"
    if roll < 0.5 and district:
        return f"Bệnh viện {district}"
    if roll < 0.65:
        return "Bệnh viện tỉnh Quảng Ninh"
    return f"{loc.unit}, {district}" if district else loc.full()


def build(rng: random.Random, variant: str | None = None, family: str | None = None, pages: int = 1) -> Doc:
    """A register of ``pages`` pages in ``family`` (drawn with ``rng`` when None)."""
    if family is None:
        family = next((f for f, v in VARIANTS.items() if v == variant), None) if variant else None
        family = family or rng.choice(list(FAMILIES))
    if family not in FAMILIES:
        raise ValueError(f"unknown birth register family {family!r}")
    year = rng.randint(*YEARS[family])
    loc = places.locality(rng, date(year, 6, 1))
    per_page = [rng.randint(*PER_PAGE[family]) for _ in range(pages)]
    first = rng.randint(1, 200)
    when = date(year, 1, 1) + timedelta(days=rng.randint(0, 200))
    entries: list[dict[str, str | None]] = []
    declarants: list[str] = []
    for i in range(sum(per_page)):
        when += timedelta(days=rng.randint(0, 4))
        tone = "old" if family == "br-1990s" else rng.choice(["old", "new"])
        surname = people.pick_weighted(rng, people.SURNAMES)
        child = people.make_person(rng, when - timedelta(days=60), when - timedelta(days=3), surname=surname,
                                   tone=tone)
        mother = people.full_name(rng, "female", tone=tone)
        father = people.full_name(rng, "male", surname=surname, tone=tone) if rng.random() > 0.1 else None
        place = _place_1990s(rng, loc) if family == "br-1990s" else places.place_of_birth(rng, loc, child.born)
        entries.append({
            "number": str(first + i), "registration_date": when.isoformat(), "full_name": child.name,
            "sex": child.sex, "date_of_birth": child.born.isoformat(), "place_of_birth": place,
            "ethnicity": child.ethnicity, "nationality": child.nationality, "mother_name": mother,
            "father_name": father,
        })
        by_father = father is not None and rng.random() < 0.6
        declarants.append(f"{(father if by_father else mother).title()} ({'cha' if by_father else 'mẹ'})")
    fields = {"book": f"{rng.randint(1, 3):02d}/{year}", "registration_authority": loc.authority()}
    show: dict = {"per_page": per_page, "declarants": declarants}
    if family == "br-random":
        show["spec"] = register_random.spec(rng)
        printed = register_random.shown_keys(show["spec"])
        entries = [{k: (v if k in printed else None) for k, v in e.items()} for e in entries]
    return Doc("birth_register", VARIANTS[family], fields, entries, show=show, family=family)


def edition(doc: Doc) -> Edition:
    return register_random.edition(doc.show["spec"]) if doc.family == "br-random" else EDITIONS[doc.family]


def _cell_text(doc: Doc, ed: Edition, index: int, key: str) -> str:
    if key == "declarant":
        return doc.show["declarants"][index]
    value = doc.entries[index][key] if key in REGISTER_ENTRY_FIELDS else None
    if value is None:
        return ""
    if key in ("registration_date", "date_of_birth"):
        return format_date(value, ed.date_format)
    if key == "sex":
        return people.sex_label(value)
    return value


def draw(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    ed = edition(doc)
    result = []
    start = 0
    for number, count in enumerate(doc.show["per_page"], start=1):
        page = Page(*LANDSCAPE, dpi, paper=ed.paper)
        top = ed.heading(page, doc, number)
        draw_table(page, X0, top, ed.columns, count,
                   lambda row, key, first=start: _cell_text(doc, ed, first + row, key), ed.style, rng)
        start += count
        result.append(page)
    return result

# Round-3 held-out families (samples/layouts/round3/), merged into the registries above.
from samples.layouts.round3 import birth_register as _round3  # noqa: E402

merge_registries(globals(), _round3, "FAMILIES", "VARIANTS", "YEARS", "PER_PAGE")
draw = _round3.with_spreads(draw)

# Round-4 held-out families (samples/layouts/round4/), merged into the registries above.
from samples.layouts.round4 import birth_register as _round4  # noqa: E402

merge_registries(globals(), _round4, "FAMILIES", "VARIANTS", "YEARS", "PER_PAGE")
build = _round4.with_old_books(build)
draw = _round4.with_old_pages(draw)

# Round-5 families (samples/layouts/round5/, scored once, retired into tuning), merged above.
from samples.layouts.round5 import birth_register as _round5  # noqa: E402

merge_registries(globals(), _round5, "FAMILIES", "VARIANTS", "YEARS", "PER_PAGE")
build = _round5.with_no_nationality(build)
draw = _round5.with_list_pages(draw)

# Round-6 families (samples/layouts/round6/, scored once, retired into tuning), merged above.
from samples.layouts.round6 import birth_register as _round6  # noqa: E402

merge_registries(globals(), _round6, "FAMILIES", "VARIANTS", "YEARS", "PER_PAGE")
build = _round6.with_transcripts(build)
draw = _round6.with_transcript_pages(draw)

# Round-7 families (samples/layouts/round7/, scored once, retired into tuning), merged above.
from samples.layouts.round7 import birth_register as _round7  # noqa: E402

merge_registries(globals(), _round7, "FAMILIES", "VARIANTS", "YEARS", "PER_PAGE")
build = _round7.with_round7_books(build)
draw = _round7.with_round7_pages(draw)

# Round-8 families (samples/layouts/round8/, scored once, retired into tuning), merged above.
from samples.layouts.round8 import birth_register as _round8  # noqa: E402

merge_registries(globals(), _round8, "FAMILIES", "VARIANTS", "YEARS", "PER_PAGE")
build = _round8.with_round8_books(build)
draw = _round8.with_round8_pages(draw)

# Round-9 held-out families (samples/layouts/round9/), merged above.
from samples.layouts.round9 import birth_register as _round9  # noqa: E402

merge_registries(globals(), _round9, "FAMILIES", "VARIANTS", "YEARS", "PER_PAGE")
build = _round9.with_round9_books(build)
draw = _round9.with_round9_pages(draw)
