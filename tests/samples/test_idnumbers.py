import random
from datetime import date

from samples.idnumbers import century_sex_digit, id_agrees, old_id_number, personal_id


def test_century_sex_digit() -> None:
    assert century_sex_digit(date(1980, 1, 1), "male") == 0
    assert century_sex_digit(date(1980, 1, 1), "female") == 1
    assert century_sex_digit(date(2004, 1, 1), "male") == 2
    assert century_sex_digit(date(2004, 1, 1), "female") == 3


def test_personal_id_shape_and_agreement() -> None:
    rng = random.Random(1)
    number = personal_id(rng, date(1980, 6, 15), "female")
    assert len(number) == 12 and number.startswith("022180")
    assert id_agrees(number, date(1980, 6, 15), "female")
    assert not id_agrees(number, date(1980, 6, 15), "male")
    assert not id_agrees(number, date(1981, 6, 15), "female")


def test_other_province_and_old_card() -> None:
    rng = random.Random(2)
    assert personal_id(rng, date(2001, 1, 1), "male", "001").startswith("001201")
    old = old_id_number(rng)
    assert len(old) == 9 and old.isdigit()


def test_adults_are_sometimes_born_outside_quang_ninh() -> None:
    from samples.idnumbers import OTHER_PROVINCES, adult_personal_id

    rng = random.Random(3)
    prefixes = {adult_personal_id(rng, date(1990, 5, 1), "male")[:3] for _ in range(200)}
    assert "022" in prefixes and prefixes - {"022"}
    assert prefixes <= {"022", *OTHER_PROVINCES}
