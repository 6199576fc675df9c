"""Personal identification numbers (12 digits) and old ID card numbers (CMND, 9 digits), per DOMAIN.md.

``PPP G YY NNNNNN``: PPP the province code of the place of birth registration, G century and sex (0/1 born
1900s male/female, 2/3 2000s, 4/5 2100s), YY the last two digits of the birth year, then 6 random digits.
"""

from __future__ import annotations

import random
from datetime import date

QUANG_NINH = "022"

# Province codes of personal numbers for the provinces the generator uses for births outside Quảng Ninh
# (pre-2025 codes; these provinces kept their code).
OTHER_PROVINCES = {"001": "Thành phố Hà Nội", "031": "Thành phố Hải Phòng", "079": "Thành phố Hồ Chí Minh",
                   "020": "Lạng Sơn", "024": "Bắc Ninh", "033": "Hưng Yên", "038": "Thanh Hóa",
                   "040": "Nghệ An", "019": "Thái Nguyên"}


def century_sex_digit(born: date, sex: str) -> int:
    century = (born.year // 100) - 19  # 1900s -> 0, 2000s -> 1, 2100s -> 2
    if not 0 <= century <= 4:
        raise ValueError(f"birth year out of range: {born.year}")
    return century * 2 + (1 if sex == "female" else 0)


def personal_id(rng: random.Random, born: date, sex: str, province: str = QUANG_NINH) -> str:
    if len(province) != 3 or not province.isdigit():
        raise ValueError(province)
    serial = rng.randrange(1_000_000)
    return f"{province}{century_sex_digit(born, sex)}{born.year % 100:02d}{serial:06d}"


def old_id_number(rng: random.Random) -> str:
    """A 9-digit CMND number of the Quảng Ninh series (starting with 10)."""
    return f"10{rng.randrange(10_000_000):07d}"


def id_agrees(number: str, born: date, sex: str) -> bool:
    """True when a 12-digit personal number agrees with the date of birth and sex."""
    return (len(number) == 12 and number.isdigit()
            and int(number[3]) == century_sex_digit(born, sex) and number[4:6] == f"{born.year % 100:02d}")
