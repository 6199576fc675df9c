"""Vietnamese people: names for both sexes, ethnicity, dates of birth."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from samples.vntext import nfc, tone_style

DATA = Path(__file__).parent / "data"

# Surname shares, roughly as in national surveys (Nguyễn ~38 %).
SURNAMES: dict[str, int] = {
    "Nguyễn": 380, "Trần": 110, "Lê": 95, "Phạm": 70, "Hoàng": 40, "Huỳnh": 12, "Phan": 45, "Vũ": 39,
    "Võ": 20, "Đặng": 21, "Bùi": 20, "Đỗ": 14, "Hồ": 13, "Ngô": 13, "Dương": 10, "Lý": 5, "Đinh": 8,
    "Đào": 7, "Mai": 5, "Trịnh": 6, "Lương": 5, "Tô": 3, "Vương": 2, "Triệu": 3, "Lâm": 3, "Chu": 2,
}

MIDDLE = {
    "male": ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thành", "Xuân", "Mạnh", "Tuấn", "Gia",
             "Hoàng", "Anh", "Bá", "Đình", "Trọng", "Thế", "Duy", "Ngọc", "Hải"],
    "female": ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Khánh", "Bảo", "Mai", "Thùy",
               "Hải", "Kim", "Hồng", "Thúy", "Diệu", "Lan", "Hoài", "Bích"],
}

GIVEN = {
    "male": ["Hùng", "Dũng", "Hải", "Nam", "Long", "Tuấn", "Quân", "Hiếu", "Thắng", "Đức", "Phúc", "Khoa", "Bình",
             "Hòa", "Cường", "Sơn", "Trung", "Việt", "Khải", "Tùng", "Toàn", "Huy", "Kiên", "Lâm", "Nghĩa",
             "Thủy", "Khỏe", "Thụy", "Phong", "Quý", "Đạt", "Minh", "An", "Bảo", "Hoàng", "Vinh", "Thành"],
    "female": ["Hương", "Lan", "Hoa", "Hà", "Linh", "Trang", "Ngọc", "Mai", "Thủy", "Hòa", "Thảo", "Huyền",
               "Nhung", "Yến", "Ánh", "Hạnh", "Loan", "Thoa", "Quỳnh", "Tuyết", "Nga", "Duyên", "Hằng", "Oanh",
               "Thúy", "Khuê", "Thùy", "Chi", "Vy", "Giang", "Nhàn", "Phượng", "Dung", "Xoan", "Hòa An"],
}


@lru_cache(maxsize=1)
def ethnicities() -> list[tuple[str, int]]:
    """The 54 groups with the generator's weights, from data/ethnicities.txt."""
    rows: list[tuple[str, int]] = []
    for line in (DATA / "ethnicities.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, weight = line.split("\t")
            rows.append((nfc(name), int(weight)))
    return rows


def pick_weighted(rng: random.Random, table: dict[str, int] | list[tuple[str, int]]) -> str:
    items = list(table.items()) if isinstance(table, dict) else table
    return rng.choices([k for k, _ in items], weights=[w for _, w in items], k=1)[0]


def pick_ethnicity(rng: random.Random) -> str:
    return pick_weighted(rng, ethnicities())


def full_name(rng: random.Random, sex: str, surname: str | None = None, tone: str = "old") -> str:
    """An uppercase full name: surname, one or two middle names, given name, in the given tone style."""
    surname = surname or pick_weighted(rng, SURNAMES)
    middles = [rng.choice(MIDDLE[sex])]
    if middles[0] not in ("Văn", "Thị") and rng.random() < 0.2:
        extra = rng.choice(MIDDLE[sex])
        if extra not in (middles[0], "Văn", "Thị"):
            middles.append(extra)
    given = rng.choice(GIVEN[sex])
    name = " ".join([surname, *middles, given])
    return tone_style(nfc(name).upper(), tone)


def random_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


@dataclass
class Person:
    name: str
    sex: str  # "male" / "female"
    born: date
    ethnicity: str
    nationality: str = "Việt Nam"


def make_person(rng: random.Random, born_from: date, born_to: date, sex: str | None = None,
                surname: str | None = None, tone: str = "old", ethnicity: str | None = None) -> Person:
    sex = sex or rng.choice(["male", "female"])
    return Person(
        name=full_name(rng, sex, surname, tone),
        sex=sex,
        born=random_date(rng, born_from, born_to),
        ethnicity=ethnicity or pick_ethnicity(rng),
    )


def sex_label(sex: str) -> str:
    return "Nam" if sex == "male" else "Nữ"
