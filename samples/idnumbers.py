"""Personal identification numbers (12 digits) and old ID card numbers (CMND, 9 digits), per DOMAIN.md.

``PPP G YY NNNNNN``: PPP the province code of the place of birth registration, G century and sex (0/1 born
1900s male/female, 2/3 2000s, 4/5 2100s), YY the last two digits of the birth year, then 6 random digits.
"""

from __future__ import annotations

import random
from datetime import date

QUANG_NINH = "022"
# The 63 province codes (before the 2025 mergers) that open a personal identification number.
PROVINCE_CODES = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 "
    "040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 "
    "083 084 086 087 089 091 092 093 094 095 096".split()
)

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
    if province not in PROVINCE_CODES:
        raise ValueError(f"not a province code: {province}")
    serial = rng.randrange(1_000_000)
    return f"{province}{century_sex_digit(born, sex)}{born.year % 100:02d}{serial:06d}"


def adult_personal_id(rng: random.Random, born: date, sex: str) -> str:
    """The number of an adult living in Quảng Ninh: mostly born there (022), some born in another province."""
    province = QUANG_NINH if rng.random() < 0.85 else rng.choice(sorted(OTHER_PROVINCES))
    return personal_id(rng, born, sex, province)


def old_id_number(rng: random.Random) -> str:
    """A 9-digit CMND number of the Quảng Ninh series (starting with 10)."""
    return f"10{rng.randrange(10_000_000):07d}"


def id_agrees(number: str, born: date, sex: str) -> bool:
    """True when a 12-digit personal number agrees with the date of birth and sex."""
    return (len(number) == 12 and number.isdigit()
            and int(number[3]) == century_sex_digit(born, sex) and number[4:6] == f"{born.year % 100:02d}")
