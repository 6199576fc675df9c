"""Layout families of the ID card and the birth register: each builds, draws, validates, prints its values and
names its family; MRZ check digits; the family registry and selector."""

import random
import re
import types
from datetime import date

import pytest

from samples import families
from samples.compose import LAYOUTS
from samples.doc import REGISTER_ENTRY_FIELDS
from samples.layouts import birth_register, card_mrz, id_card
from samples.truth_format import document_problems

CARD_FAMILIES = list(id_card.FAMILIES)
REGISTER_FAMILIES = list(birth_register.FAMILIES)
DATE = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b|ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", re.I)


def _dates(text: str) -> set[str]:
    found = set()
    for match in DATE.finditer(text):
        day, month, year = [g for g in match.groups() if g is not None]
        found.add(date(int(year), int(month), int(day)).isoformat())
    return found


def _printed(value: str, text: str, gap: int = 8) -> bool:
    """The value's words appear in order in the page text, at most ``gap`` words apart (a value wrapped onto
    the next line may have other pieces of that line before it)."""
    words = text.split()
    wanted = value.split()
    for start in (i for i, w in enumerate(words) if w.endswith(wanted[0]) or w == wanted[0]):
        position, ok = start, True
        for word in wanted[1:]:
            window = words[position + 1 : position + 2 + gap]
            if word not in window:
                ok = False
                break
            position += 1 + window.index(word)
        if ok:
            return True
    return False


def _check_values(values: dict, text: str, where: str, gap: int = 8) -> None:
    dates = _dates(text)
    for key, value in values.items():
        if value is None:
            continue
        if "date" in key:
            assert value in dates, (where, key, value)
        elif key == "sex":
            words = text.split()  # "Trai"/"Gái" in the books of the 1960s-1970s (samples/layouts/round6/)
            assert any(w in words for w in (("Nam", "Trai") if value == "male" else ("Nữ", "Gái"))), (where, key)
        else:
            assert _printed(value, text, gap), (where, key, value)


@pytest.mark.parametrize("family", CARD_FAMILIES)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_card_family_builds_draws_validates_and_prints_its_values(family: str, seed: int) -> None:
    rng = random.Random(f"card:{family}:{seed}")
    doc = id_card.build(rng, family=family)
    assert doc.family == family
    truth = doc.truth([1])
    assert truth["family"] == family
    assert document_problems(truth, 1) == []
    (page,) = id_card.draw(doc, 120, rng)
    _check_values(doc.fields, page.text_content(), family)


def test_card_editions_print_what_the_real_cards_print() -> None:
    rng = random.Random(5)
    nine = id_card.build(rng, family="card-cmnd-9")
    assert len(nine.fields["personal_id"]) == 9
    assert nine.fields["sex"] is nine.fields["nationality"] is nine.fields["expiry_date"] is None
    twelve = id_card.build(rng, family="card-cmnd-12")
    assert len(twelve.fields["personal_id"]) == 12 and twelve.fields["nationality"] is None
    issued = date.fromisoformat(twelve.fields["issue_date"])
    assert twelve.fields["expiry_date"] == issued.replace(year=issued.year + 15).isoformat()
    texts = {f: id_card.draw(id_card.build(rng, family=f), 100, rng)[0].text_content() for f in CARD_FAMILIES}
    assert "GIẤY CHỨNG MINH NHÂN DÂN" in texts["card-cmnd-9"] and "Nơi ĐKHK thường trú" in texts["card-cmnd-9"]
    assert "Nguyên quán" in texts["card-cmnd-12"] and "Sinh ngày" in texts["card-cmnd-12"]
    assert "Quê quán:" in texts["card-cccd-2016"] and "/" not in texts["card-cccd-2016"].split("Số:")[0]
    assert "Nơi đăng ký khai sinh" in texts["card-cancuoc-2024"] and "Quê quán" not in texts["card-cancuoc-2024"]
    for family in ("card-cccd-2021", "card-cancuoc-2024"):
        assert "IDVNM" in texts[family]
    for family in ("card-cccd-2016", "card-cmnd-12", "card-cmnd-9"):
        assert "IDVNM" not in texts[family]


def test_mrz_check_digits_follow_icao_9303() -> None:
    # The TD1 specimen of ICAO Doc 9303 part 5.
    assert card_mrz.check_digit("D23145890") == "7"
    assert card_mrz.check_digit("740812") == "2"
    assert card_mrz.check_digit("120415") == "9"
    line1, line2 = "I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6"
    assert card_mrz.check_digit(line1[5:] + line2[0:7] + line2[8:15] + line2[18:29]) == line2[29]


@pytest.mark.parametrize("family", ["card-cccd-2021", "card-cancuoc-2024"])
def test_card_mrz_is_correct(family: str) -> None:
    rng = random.Random(f"mrz:{family}")
    doc = id_card.build(rng, family=family)
    line1, line2, line3 = id_card.mrz(doc)
    assert all(len(line) == 30 for line in (line1, line2, line3))
    pid = doc.fields["personal_id"]
    assert line1[5:14] == pid[3:] and line1[14] == card_mrz.check_digit(pid[3:]) and line1[15:27] == pid
    born = date.fromisoformat(doc.fields["date_of_birth"])
    assert line2[0:6] == f"{born:%y%m%d}" and line2[6] == card_mrz.check_digit(line2[0:6])
    assert line2[7] == ("M" if doc.fields["sex"] == "male" else "F")
    assert line2[14] == card_mrz.check_digit(line2[8:14])
    assert line2[29] == card_mrz.check_digit(line1[5:] + line2[0:7] + line2[8:15] + line2[18:29])
    assert line3.startswith(card_mrz.latin(doc.fields["full_name"]).split()[0] + "<<")
    text = id_card.draw(doc, 100, rng)[0].text_content()
    assert line1 in text and line2 in text


def test_a_dossier_card_is_issued_after_the_holder_turned_14() -> None:
    holder = id_card.Holder("LÊ VĂN AN", "male", date(2004, 3, 1), "022204001234")
    assert not id_card.can_hold("card-cmnd-9", holder)  # the 9-digit CMND was gone before 2018
    assert id_card.can_hold("card-cancuoc-2024", holder)
    card = id_card.build(random.Random(1), family="card-cccd-2021", holder=holder, copy=True)
    assert card.fields["personal_id"] == "022204001234"
    assert date.fromisoformat(card.fields["issue_date"]) >= date(2018, 3, 1)
    with pytest.raises(ValueError):
        id_card.build(random.Random(1), family="card-cmnd-9", holder=holder)


@pytest.mark.parametrize("family", REGISTER_FAMILIES)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_register_family_builds_draws_validates_and_prints_its_entries(family: str, seed: int) -> None:
    rng = random.Random(f"register:{family}:{seed}")
    doc = birth_register.build(rng, family=family, pages=2)
    assert doc.family == family
    truth = doc.truth([1, 2])
    assert truth["family"] == family
    assert document_problems(truth, 2) == []
    pages = birth_register.draw(doc, 100, rng)
    assert len(pages) == 2
    texts = [page.text_content() for page in pages]
    folded = " ".join(texts).casefold()
    assert doc.fields["registration_authority"].casefold() in folded
    assert doc.fields["book"] in folded
    start = 0
    for text, count in zip(texts, doc.show["per_page"], strict=True):
        for entry in doc.entries[start : start + count]:
            # a cell's wrapped line comes after the rest of its row's line: words may be a row's width apart
            _check_values(entry, text, f"{family} entry {entry['number']}", gap=40)
        start += count
    assert start == len(doc.entries)


def test_random_register_leaves_unprinted_columns_null() -> None:
    for seed in range(40):
        doc = birth_register.build(random.Random(seed), family="br-random")
        printed = set(doc.show["spec"]["order"])
        for entry in doc.entries:
            assert {k for k in REGISTER_ENTRY_FIELDS if k not in printed} <= {k for k, v in entry.items() if v is None}
        if printed != set(REGISTER_ENTRY_FIELDS):
            return
    pytest.fail("40 random registers all print every column")


def test_registry_lists_every_family_with_its_split() -> None:
    registry = {f.name: (f.schema, f.split) for f in families.all_families()}
    for name, split in id_card.FAMILIES.items():
        assert registry[name] == ("citizen_id_card", split) and name.startswith("card-")
    for name, split in birth_register.FAMILIES.items():
        assert registry[name] == ("birth_register", split) and name.startswith("br-")
    assert {split for _, split in registry.values()} <= set(families.SPLITS)
    assert families.split_of("card-cmnd-9") == "heldout" and families.split_of("card-cccd-2021") == "tuning"
    assert families.split_of("no-such-family") is None


def test_selector() -> None:
    tuning = families.select("tuning")
    assert set(tuning) == set(LAYOUTS)
    assert tuning["citizen_id_card"] == ["card-cccd-2021", "card-cmnd-12", "card-random", "card-cccd-2016-worn",
                                         "card-cmnd-tt57", "card-vneid-print", "card-ban-sao-chung-thuc",
                                         "card-cmnd-1990s", "card-xac-nhan-so-cmnd", "card-cccd-2016-photo-a4"]
    assert families.select("heldout")["birth_register"][:2] == ["br-1990s", "br-2010"]
    assert "br-2020-spread" in tuning["birth_register"]
    assert families.select("all")["birth_register"] == REGISTER_FAMILIES
    some = families.select("card-cmnd-9, br-2016")
    assert some["citizen_id_card"] == ["card-cmnd-9"] and some["birth_register"] == ["br-2016"]
    assert some["death_extract"] == []
    assert families.select("heldout,card-random")["citizen_id_card"][:4] == ["card-random", "card-cccd-2016",
                                                                             "card-cancuoc-2024", "card-cmnd-9"]
    with pytest.raises(families.UnknownFamilies) as raised:
        families.select("tuning,card-cmnd-7")
    assert raised.value.names == ["card-cmnd-7"]
    with pytest.raises(families.UnknownFamilies):
        families.select(" , ")


def test_a_layout_module_without_families_is_one_tuning_family(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(LAYOUTS, "death_extract", types.ModuleType("legacy_death_extract"))
    assert families.schema_families("death_extract") == {"de-today": "tuning"}
    assert families.select("tuning")["death_extract"] == ["de-today"]
