"""Layout families of the four forms (birth, marriage, death, marital status): every family builds, draws,
validates and prints its truth; the randomized families vary; build(rng) reaches every family."""

from __future__ import annotations

import itertools
import random
import re
from datetime import date
from types import ModuleType

import pytest

from samples import degrade
from samples.canvas import Page
from samples.layouts import birth_certificate, death_extract, form_kit, marital_status, marriage_certificate
from samples.truth_format import document_problems
from samples.vntext import WordStyle, date_figures, date_in_words

MODULES: dict[str, ModuleType] = {"bc": birth_certificate, "mc": marriage_certificate, "de": death_extract,
                                  "ms": marital_status}
CASES = [(prefix, family) for prefix, module in MODULES.items() for family in module.FAMILIES]
WORD_STYLES = [WordStyle(*combo) for combo in itertools.product(["nghìn", "ngàn"], ["linh", "lẻ"], ["tư", "bốn"],
                                                                 ["lăm", "nhăm"])]
# The choice in each randomized family's show that makes its arrangement.
ARRANGEMENT = {"bc": "parents", "mc": "arrangement", "de": "death_mode", "ms": "authority_line"}


def _printed_forms(key: str, value: str) -> list[str]:
    """The ways a truth value can be printed on a form."""
    if key == "sex":  # "Trai"/"Gái" on the forms of the 1960s-1970s (samples/layouts/round6/)
        return ["Nam", "Trai"] if value == "male" else ["Nữ", "Gái"]
    if key.endswith("date") or key.startswith("date") or key.endswith("_date_of_birth"):
        d = date.fromisoformat(value)
        month = f"{d.month:02d}" if d.month < 3 else str(d.month)
        return [date_figures(d), f"ngày {d.day:02d} tháng {month} năm {d.year}",
                *[date_in_words(d, style) for style in WORD_STYLES]]
    return [value]


def _readings(page: Page) -> list[str]:
    """The page text read as lines, and read column by column for every possible column split (a value wrapped
    in the left column continues on the next line of that column, not after the right column's text)."""
    texts = [" ".join(page.text_content().splitlines())]
    for split in sorted({round(x, 1) for _, x, _ in page.pieces}):
        for side in (lambda x, s=split: x < s, lambda x, s=split: x >= s):
            column = Page(1, 1, 10)
            column.pieces = [p for p in page.pieces if side(p[1])]
            texts.append(" ".join(column.text_content().splitlines()))
    return texts


def _text(module: ModuleType, doc) -> str:
    """The recorded page text without drawing pixels (the family's drawer on a measuring page)."""
    page = form_kit.MeasuringPage()
    module.DRAWERS[doc.family](doc, page, random.Random(0))
    return page.text_content()


def _build(prefix: str, family: str, seed: int):
    module = MODULES[prefix]
    rng = random.Random(f"{family}:{seed}")
    doc = module.build(rng, family=family)
    return module, doc, rng


@pytest.mark.parametrize(("prefix", "family"), CASES)
def test_family_draws_its_truth(prefix: str, family: str) -> None:
    for seed in range(3):
        module, doc, rng = _build(prefix, family, seed)
        pages = module.draw(doc, 200 if seed == 0 else 60, rng)
        assert len(pages) == 1
        page = pages[0]
        portrait = (page.px(210), page.px(297))
        # A4 portrait; the landscape blank of mc-ngang-2016 (samples/layouts/round5/) A4 landscape
        # and the landscape A5 sheet of bc-trich-luc-a5-ngang (samples/layouts/round9/)
        a5 = (page.px(210), page.px(148))
        assert page.image.size == (portrait[::-1] if family == "mc-ngang-2016" else a5
                                   if family == "bc-trich-luc-a5-ngang" else portrait)
        truth = doc.truth([1])
        assert truth["family"] == family == doc.family
        assert document_problems(truth, 1) == []
        assert max(y for y, _, _ in page.pieces) < 292, "text runs off the page"
        readings = _readings(page)
        for key, value in doc.fields.items():
            if value is None:
                continue
            assert any(form in text for form in _printed_forms(key, value) for text in readings), \
                f"{family} seed {seed}: {key}={value!r} not printed"


@pytest.mark.parametrize(("prefix", "family"), CASES)
def test_family_degrades_in_every_tier(prefix: str, family: str) -> None:
    module, doc, rng = _build(prefix, family, 7)
    image = module.draw(doc, 50, rng)[0].image
    for tier in degrade.TIERS:
        plan = degrade.plan(tier, rng, dpi=50)
        assert degrade.apply(image, plan, rng.randrange(2**32)).size in (image.size, image.size[::-1])


def test_families_are_named_and_split() -> None:
    required = {
        "bc": {"bc-2020": "tuning", "bc-1999": "tuning", "bc-random": "tuning", "bc-2015": "heldout",
               "bc-2005": "heldout", "bc-ban-sao": "heldout", "bc-2016-a5": "heldout"},
        "mc": {"mc-2020": "tuning", "mc-random": "tuning", "mc-2020-nu": "heldout", "mc-one-column": "heldout",
               "mc-wife-first": "heldout", "mc-2016-grid": "tuning"},
        "de": {"de-2020": "tuning", "de-random": "tuning", "de-2015": "heldout", "de-older": "heldout",
               "de-ban-sao": "heldout", "de-sao-y": "heldout"},
        "ms": {"ms-2020": "tuning", "ms-random": "tuning", "ms-2015": "heldout", "ms-older": "heldout",
               "ms-ban-sao": "heldout", "ms-2022-online": "heldout"},
    }
    for prefix, module in MODULES.items():
        assert required[prefix].items() <= module.FAMILIES.items()
        assert all(name.startswith(f"{prefix}-") for name in module.FAMILIES)
        assert set(module.FAMILIES.values()) == {"tuning", "heldout"}


@pytest.mark.parametrize("prefix", list(MODULES))
def test_build_without_family_reaches_every_family(prefix: str) -> None:
    module = MODULES[prefix]
    seen = {module.build(random.Random(seed)).family for seed in range(80)}
    assert seen == set(module.FAMILIES)


def test_variant_limits_the_families() -> None:
    for seed in range(10):
        doc = birth_certificate.build(random.Random(seed), "1999-form")
        assert doc.variant == "1999-form"
        assert doc.family in {"bc-1999", "bc-random", "bc-ban-sao", "bc-dang-ky-lai"}
    with pytest.raises(ValueError, match="not drawn"):
        birth_certificate.build(random.Random(0), "1999-form", family="bc-2015")
    with pytest.raises(ValueError, match="unknown family"):
        death_extract.build(random.Random(0), family="bc-2020")


@pytest.mark.parametrize("prefix", list(MODULES))
def test_randomized_family_varies(prefix: str) -> None:
    family = f"{prefix}-random"
    arrangements, label_sets, fonts, leaders = set(), set(), set(), set()
    for seed in range(12):
        module, doc, _ = _build(prefix, family, seed)
        text = _text(module, doc)
        arrangements.add(doc.show[ARRANGEMENT[prefix]])
        style = doc.show["style"]
        fonts.add(style.value_font)
        leaders.add(style.leaders)
        label_sets.add(frozenset(re.findall(r"^([^:\n]{3,40}):", text, re.MULTILINE)))
    assert len(arrangements) > 1
    assert len(fonts) > 1 and leaders == {True, False}
    assert len(label_sets) > 3


def test_blank_blocks_have_null_truth_and_printed_labels() -> None:
    blank_father = blank_id = 0
    for seed in range(40):
        module, doc, _ = _build("bc", "bc-random", seed)
        text = _text(module, doc)
        if doc.fields["father_name"] is None:
            blank_father += 1
            assert all(doc.fields[f"father_{k}"] is None for k in ("birth_year", "ethnicity", "nationality",
                                                                   "residence"))
            assert re.search(r"\bcha\b|CHA", text)  # the father's block is still printed
        if doc.fields["personal_id"] is None and doc.show["id_line"]:
            blank_id += 1
    assert blank_father and blank_id


def test_marital_status_wordings() -> None:
    statuses = [_build("ms", family, seed)[1].fields["marital_status"]
                for family in marital_status.FAMILIES for seed in range(15)]
    joined = "\n".join(statuses)
    assert "Chưa đăng ký kết hôn với ai" in joined
    assert re.search(r"Đang có (vợ là bà|chồng là ông) ", joined)
    assert re.search(r"ly hôn theo (Bản án/Quyết định|Quyết định|Bản án) số \S+ ngày \d\d/\d\d/\d{4} của Tòa án "
                     r"nhân dân", joined)
    assert "đã chết" in joined
    for seed in range(3):
        module, doc, _ = _build("ms", "ms-2015", seed)
        text = _text(module, doc)
        purpose_at = text.index(doc.fields["purpose"].split()[0])
        assert text.index("Giấy này có giá trị sử dụng trong thời hạn 6 tháng, kể từ ngày cấp") > purpose_at


def test_a5_form_stays_on_its_sheet() -> None:
    for seed in range(4):
        module, doc, rng = _build("bc", "bc-2016-a5", seed)
        page = module.draw(doc, 60, rng)[0]
        right = max(x + page.width(text, "bold", 9.5) for _, x, text in page.pieces)
        assert right < 150 and max(y for y, _, _ in page.pieces) < 208
        corner = page.image.getpixel((page.px(200), page.px(290)))
        assert corner != (255, 255, 255)  # the scanner bed around the sheet


def test_marriage_grid_rules_the_spouses_apart() -> None:
    module, doc, rng = _build("mc", "mc-2016-grid", 0)
    page = module.draw(doc, 100, rng)[0]
    text = page.text_content()
    husband, wife = doc.show["headings"]
    assert re.search(rf"{husband}\s+{wife}", text)
    name_line = next(line for line in text.splitlines() if line.startswith("Họ, chữ đệm, tên"))
    assert name_line.index(doc.fields["husband_name"]) < name_line.index(doc.fields["wife_name"])
    # a vertical rule between the husband's and the wife's cells, below the heading row
    grey = page.image.convert("L")
    column = [grey.getpixel((page.px(20 + 50 + 61), page.px(y))) for y in range(60, 110)]
    assert min(column) < 80


def test_sao_y_stamp_sits_between_whole_fields() -> None:
    for seed in range(6):
        module, doc, _ = _build("de", "de-sao-y", seed)
        lines = _text(module, doc).splitlines()
        at = lines.index("SAO Y BẢN CHÍNH")
        after = lines[at + 1]
        assert re.match(r"^[^:]{3,40}:", after), f"seed {seed}: the stamp splits a value: {after!r}"


def test_online_confirmation_has_its_code_and_digital_signature() -> None:
    for seed in range(3):
        module, doc, _ = _build("ms", "ms-2022-online", seed)
        text = _text(module, doc)
        assert f"Mã số: {doc.show['code']}" in text
        assert "Ký bởi:" in text and "Thời gian ký:" in text
        assert date.fromisoformat(doc.fields["issue_date"]) >= marital_status.ONLINE_FROM
