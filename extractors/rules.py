"""Checks across fields (schema ``rules``); each failure is an :class:`Issue` with a code and a message in
Vietnamese, and marks the fields it concerns so that they go to review.

- ``same_date``: the date of birth in figures and in words agree;
- ``personal_id``: a 12-digit number's G and YY agree with the birth year and sex (PPP G YY NNNNNN);
- ``province``: its PPP is the code of the province named by a place (the registration authority);
- ``date_order``: an earlier date is not after a later one (birth ≤ registration, birth ≤ death);
- ``birthday_at_age``: a card's expiry falls on the holder's birthday at 14, 25, 40 or 60;
- ``born_before``: a parent was born well before the child;
- required fields are present.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from extractors.kinds.ids import id_birth_facts
from extractors.kinds.places import find_province, province_code_of
from pipeline.models import Issue
from schemas import RuleSpec, Schema

SEX_WORD = {"male": "nam", "female": "nữ"}


@dataclass
class RuleOutcome:
    issues: list[Issue] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)  # fields a failed rule points at
    passed: set[str] = field(default_factory=set)  # fields a rule confirmed
    corroborated: set[str] = field(default_factory=set)  # fields another reading confirmed outright


def _year(value: str | None) -> int | None:
    if value and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def check_personal_id(rule: RuleSpec, values: dict[str, str | None], out: RuleOutcome) -> None:
    id_key, birth_key = rule.fields[0], rule.fields[1]
    sex_key = rule.fields[2] if len(rule.fields) > 2 else None
    personal_id = values.get(id_key)
    if not personal_id:
        return
    facts = id_birth_facts(personal_id)
    if facts is None:
        return
    id_year, id_sex = facts
    ok = True
    birth_year = _year(values.get(birth_key))
    if birth_year is not None and birth_year != id_year:
        ok = False
        out.issues.append(Issue(field=id_key, code=rule.code or "id_birth_year_mismatch",
                                message=f"Số định danh {personal_id} ứng với năm sinh {id_year}, "
                                        f"nhưng năm sinh trên giấy là {birth_year}."))
        out.failed |= {id_key, birth_key}
    sex = values.get(sex_key) if sex_key else rule.sex
    if sex in SEX_WORD and sex != id_sex:
        ok = False
        out.issues.append(Issue(field=id_key, code="id_sex_mismatch",
                                message=f"Số định danh {personal_id} ứng với giới tính {SEX_WORD[id_sex]}, "
                                        f"nhưng giới tính là {SEX_WORD[sex]}."))
        out.failed |= {id_key} | ({sex_key} if sex_key else set())
    if ok and birth_year is not None:
        out.passed |= {id_key, birth_key} | ({sex_key} if sex_key and sex else set())


def check_province(rule: RuleSpec, values: dict[str, str | None], out: RuleOutcome) -> None:
    id_key, place_key = rule.fields
    personal_id, place = values.get(id_key), values.get(place_key)
    if not personal_id or len(personal_id) != 12 or not place:
        return
    province = find_province(place)
    if province is None:
        return
    codes = province_code_of(province)
    if codes and int(personal_id[:3]) not in codes:
        out.issues.append(Issue(field=id_key, code=rule.code or "id_province_mismatch",
                                message=f"Mã tỉnh {personal_id[:3]} của số định danh không khớp với "
                                        f"nơi đăng ký ({province})."))
        out.failed.add(id_key)
    else:
        out.passed.add(id_key)


def check_same_date(rule: RuleSpec, values: dict[str, str | None], out: RuleOutcome) -> None:
    a, b = rule.fields
    if values.get(a) and values.get(b):
        if values[a] != values[b]:
            out.issues.append(Issue(field=a, code=rule.code or "date_words_mismatch",
                                    message=f"Ngày ghi bằng số ({values[a]}) khác ngày ghi bằng chữ "
                                            f"({values[b]})."))
            out.failed |= {a, b}
        else:
            out.passed |= {a, b}
            out.corroborated |= {a, b}  # two independent readings (figures and words) agree


def check_date_order(rule: RuleSpec, values: dict[str, str | None], out: RuleOutcome) -> None:
    earlier, later = rule.fields
    first, second = values.get(earlier), values.get(later)
    if not first or not second or len(first) != 10 or len(second) != 10:
        return
    if first > second:
        out.issues.append(Issue(field=later, code=rule.code or "dates_out_of_order",
                                message=f"Ngày {first} ({earlier}) sau ngày {second} ({later})."))
        out.failed |= {earlier, later}
    elif rule.within_days is not None:
        gap = (dt.date.fromisoformat(second) - dt.date.fromisoformat(first)).days
        if gap <= rule.within_days:
            out.corroborated.add(earlier)


def check_birthday_at_age(rule: RuleSpec, values: dict[str, str | None], out: RuleOutcome) -> None:
    """A date that must fall on a birthday at one of ``rule.ages`` (a card's expiry): when it does, it is
    confirmed (a misread date hardly lands on such a day); when it does not, it is reported."""
    birth_key, date_key = rule.fields[:2]
    birth, date = values.get(birth_key), values.get(date_key)
    if not birth or not date or len(birth) != 10 or len(date) != 10 or not rule.ages:
        return
    born, day = dt.date.fromisoformat(birth), dt.date.fromisoformat(date)
    issued = values.get(rule.fields[2]) if len(rule.fields) > 2 else None
    if issued and len(issued) == 10 and rule.valid_years:
        start = dt.date.fromisoformat(issued)
        for years in rule.valid_years:
            try:
                end = start.replace(year=start.year + years)
            except ValueError:  # 29 February
                end = start.replace(year=start.year + years, day=28)
            if day == end:
                out.corroborated.add(date_key)
                out.passed.add(date_key)
                return
    age = day.year - born.year
    if age in rule.ages and (day.month, day.day) == (born.month, born.day):
        out.corroborated.add(date_key)
        out.passed.add(date_key)
        return
    if (born.month, born.day) == (2, 29) and age in rule.ages and (day.month, day.day) in ((2, 28), (3, 1)):
        out.passed.add(date_key)
        return
    ages = ", ".join(str(a) for a in rule.ages)
    out.issues.append(Issue(field=date_key, code=rule.code or "date_not_birthday_at_age",
                            message=f"Ngày {date} không phải ngày sinh nhật ở tuổi {ages} "
                                    f"(ngày sinh {birth})."))
    out.failed.add(date_key)


def check_born_before(rule: RuleSpec, values: dict[str, str | None], out: RuleOutcome) -> None:
    parent_key, child_key = rule.fields
    parent, child = _year(values.get(parent_key)), _year(values.get(child_key))
    if parent is None or child is None:
        return
    if child - parent < rule.min_years:
        out.issues.append(Issue(field=parent_key, code=rule.code or "parent_born_too_late",
                                message=f"Năm sinh {parent} ({parent_key}) không thể là của cha/mẹ của người sinh "
                                        f"năm {child}."))
        out.failed |= {parent_key, child_key}


CHECKS = {"same_date": check_same_date, "personal_id": check_personal_id, "province": check_province,
          "date_order": check_date_order, "birthday_at_age": check_birthday_at_age,
          "born_before": check_born_before}


def check_rules(schema: Schema, values: dict[str, str | None], entries: bool = False) -> RuleOutcome:
    """Run the schema's rules over normalised values (only valid values should be passed)."""
    out = RuleOutcome()
    for rule in schema.rules:
        if rule.entries == entries:
            CHECKS[rule.rule](rule, values, out)
    return out


def check_required(schema: Schema, values: dict[str, str | None]) -> list[Issue]:
    return [Issue(field=key, code="required_missing",
                  message=f"Thiếu trường bắt buộc: {spec.labels[0] if spec.labels else key}.")
            for key, spec in schema.fields.items() if spec.required and spec.output and not values.get(key)]
