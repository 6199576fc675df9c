"""Rules across fields, on normalised values: codes, Vietnamese messages, the fields they mark."""

from __future__ import annotations

from extractors.kinds.ids import id_birth_facts
from extractors.rules import RuleOutcome, check_birthday_at_age, check_born_before, check_required, check_rules
from schemas import RuleSpec, get_schema

BIRTH = get_schema("birth_certificate")
DEATH = get_schema("death_extract")


def birth_values(**changes):
    values = {"personal_id": "022180012345", "date_of_birth": "1980-06-15", "date_of_birth_in_words": "1980-06-15",
              "sex": "female", "registration_date": "1980-06-20",
              "registration_authority": "Ủy ban nhân dân xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh"}
    return values | changes


def codes(outcome):
    return sorted(i.code for i in outcome.issues)


def test_id_facts():
    assert id_birth_facts("022180012345") == (1980, "female")
    assert id_birth_facts("001205012345") == (2005, "male")
    assert id_birth_facts("123456789") is None


def test_consistent_birth_certificate_passes_and_confirms():
    outcome = check_rules(BIRTH, birth_values())
    assert outcome.issues == []
    assert {"personal_id", "date_of_birth", "sex", "date_of_birth_in_words"} <= outcome.passed


def test_id_against_birth_year():
    outcome = check_rules(BIRTH, birth_values(personal_id="022181012345"))
    assert codes(outcome) == ["id_birth_year_mismatch"]
    assert {"personal_id", "date_of_birth"} <= outcome.failed
    assert "1981" in outcome.issues[0].message and "1980" in outcome.issues[0].message


def test_id_against_century():
    # G=3: a girl born in the 2000s, but the certificate says 1980.
    assert codes(check_rules(BIRTH, birth_values(personal_id="022380012345"))) == ["id_birth_year_mismatch"]


def test_id_against_sex():
    outcome = check_rules(BIRTH, birth_values(personal_id="022080012345"))
    assert codes(outcome) == ["id_sex_mismatch"]
    assert {"personal_id", "sex"} <= outcome.failed


def test_id_against_province_of_registration():
    assert codes(check_rules(BIRTH, birth_values(personal_id="001180012345"))) == ["id_province_mismatch"]
    # Registered in Hải Dương before 2025 (code 030), now part of Hải Phòng (031): both codes are right.
    old = "Ủy ban nhân dân xã Nam Sơn, huyện Nam Sách, tỉnh Hải Dương"
    assert check_rules(BIRTH, birth_values(personal_id="030180012345", registration_authority=old)).issues == []
    assert check_rules(BIRTH, birth_values(personal_id="031180012345", registration_authority=old)).issues == []


def test_old_nine_digit_id_is_not_checked_against_the_birth():
    assert check_rules(BIRTH, birth_values(personal_id="123456789")).issues == []


def test_date_of_birth_against_its_words():
    outcome = check_rules(BIRTH, birth_values(date_of_birth_in_words="1980-06-16"))
    assert codes(outcome) == ["dob_words_mismatch"]
    assert outcome.issues[0].message.startswith("Ngày ghi bằng số")


def test_dates_in_order():
    assert codes(check_rules(BIRTH, birth_values(registration_date="1980-06-01"))) == ["birth_after_registration"]
    death = {"date_of_birth": "1950-01-01", "date_of_death": "1949-12-31", "registration_date": "1950-01-02"}
    assert codes(check_rules(DEATH, death)) == ["death_before_birth"]
    death = {"date_of_birth": "1950-01-01", "date_of_death": "2020-12-31", "registration_date": "2020-12-01"}
    assert codes(check_rules(DEATH, death)) == ["death_after_registration"]


def test_missing_values_are_not_rule_failures():
    assert check_rules(BIRTH, {"personal_id": "022180012345"}).issues == []


def test_required_fields():
    issues = check_required(DEATH, {"full_name": "LÊ VĂN AN"})
    missing = {i.field for i in issues}
    assert {"number", "date_of_death", "registration_date"} <= missing and "full_name" not in missing
    assert "ethnicity" not in missing  # not required
    assert all(i.code == "required_missing" and i.message.startswith("Thiếu") for i in issues)


def test_card_expiry_on_a_birthday_at_a_renewal_age():
    schema = get_schema("citizen_id_card")
    good = check_rules(schema, {"date_of_birth": "2007-04-16", "issue_date": "2022-12-23",
                                "expiry_date": "2032-04-16"})
    assert "expiry_date" in good.corroborated and not good.issues
    bad = check_rules(schema, {"date_of_birth": "2007-04-16", "issue_date": "2022-12-23",
                               "expiry_date": "2032-04-18"})
    assert "expiry_date" in bad.failed and [i.code for i in bad.issues] == ["expiry_not_birthday"]
    wrong_age = check_rules(schema, {"date_of_birth": "2007-04-16", "expiry_date": "2035-04-16"})
    assert "expiry_date" in wrong_age.failed


def test_a_cmnd_expiry_fifteen_years_after_issue_is_confirmed():
    rule = RuleSpec(rule="birthday_at_age", fields=["dob", "expiry", "issue"], ages=[25, 40, 60], valid_years=[15])
    out = RuleOutcome()
    check_birthday_at_age(rule, {"dob": "1980-03-02", "expiry": "2027-05-10", "issue": "2012-05-10"}, out)
    assert "expiry" in out.corroborated and not out.failed
    out = RuleOutcome()
    check_birthday_at_age(rule, {"dob": "1980-03-02", "expiry": "2027-05-11", "issue": "2012-05-10"}, out)
    assert out.failed == {"expiry"}


def test_a_parent_born_after_the_child_fails():
    rule = RuleSpec(rule="born_before", fields=["mother", "child"], min_years=12)
    out = RuleOutcome()
    check_born_before(rule, {"mother": "2020", "child": "2020-06-15"}, out)
    assert out.failed == {"mother", "child"}
    out = RuleOutcome()
    check_born_before(rule, {"mother": "1994", "child": "2020-06-15"}, out)
    assert not out.failed
