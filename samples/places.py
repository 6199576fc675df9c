"""Administrative units and addresses of Quảng Ninh, in the wording of their era.

Papers issued before 1 July 2025 name communes in districts ("xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh",
from data/quang_ninh_districts.json); later papers name commune and province only ("xã Tiên Yên, tỉnh Quảng
Ninh", from the vietnam-provinces package).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from vietnam_provinces import Province, ProvinceCode, Ward

from samples.vntext import nfc

DATA = Path(__file__).parent / "data"
REFORM = date(2025, 7, 1)  # districts abolished
PROVINCE = "tỉnh Quảng Ninh"

VILLAGES = ["Thôn 1", "Thôn 2", "Thôn 3", "Thôn 5", "Thôn Đồng Tâm", "Thôn Khe Cát", "Thôn Bắc", "Thôn Trung",
            "Thôn Nam", "Thôn Đông", "Thôn Tân Lập", "Thôn Bình Minh", "Thôn Nà Pá", "Thôn Khe Tù", "Thôn Hải Tiến"]
STREETS = ["Lê Thánh Tông", "Trần Hưng Đạo", "Nguyễn Văn Cừ", "Hạ Long", "Kênh Liêm", "Cao Thắng", "Trần Phú",
           "Hùng Vương", "Lê Lợi", "Bạch Đằng", "Nguyễn Du", "Hoàng Quốc Việt", "Vườn Đào", "Anh Đào"]


@dataclass(frozen=True)
class Locality:
    """A commune-level unit as printed at a given time."""

    unit: str  # "xã Đông Ngũ"
    district: str | None  # "huyện Tiên Yên" (None after the reform)
    place: str  # short place name used in the place-and-date line: "Tiên Yên"

    @property
    def kind(self) -> str:
        return self.unit.split(" ")[0] if not self.unit.startswith("thị trấn") else "thị trấn"

    @property
    def short(self) -> str:
        """'Đông Ngũ' for 'xã Đông Ngũ'."""
        return self.unit[len(self.kind) + 1 :]

    def full(self) -> str:
        parts = [self.unit] + ([self.district] if self.district else []) + [PROVINCE]
        return ", ".join(parts)

    def authority(self) -> str:
        return f"Ủy ban nhân dân {self.full()}"

    def seal_text(self) -> str:
        """The text around the seal: 'ỦY BAN NHÂN DÂN XÃ ĐÔNG NGŨ * T. QUẢNG NINH'."""
        return f"ỦY BAN NHÂN DÂN {self.unit.upper()} * T. QUẢNG NINH"

    def header_lines(self) -> list[str]:
        """The left header: 'ỦY BAN NHÂN DÂN' and the unit in capitals."""
        return ["ỦY BAN NHÂN DÂN", self.unit.upper()]


@lru_cache(maxsize=1)
def _districts() -> list[dict]:
    data = json.loads((DATA / "quang_ninh_districts.json").read_text(encoding="utf-8"))
    return data["districts"]


@lru_cache(maxsize=1)
def _current_units() -> list[str]:
    """Quảng Ninh's current communes, wards and special zones, e.g. 'xã Tiên Yên', 'đặc khu Vân Đồn'."""
    units = []
    for ward in Ward.iter_by_province(ProvinceCode.P_22):
        name = nfc(ward.name)
        units.append(name[0].lower() + name[1:])
    return sorted(units)


def locality(rng: random.Random, when: date) -> Locality:
    if when < REFORM:
        district = rng.choice(_districts())
        return Locality(rng.choice(district["units"]), district["name"], district["place"])
    unit = rng.choice(_current_units())
    kind_len = 2 if unit.startswith(("đặc khu",)) else 1
    return Locality(unit, None, " ".join(unit.split(" ")[kind_len:]))


def address(rng: random.Random, loc: Locality) -> str:
    """A residence in the locality: 'Tổ 5, khu 3, phường …' or 'Thôn …, xã …' or 'Số 12, đường …, phường …'."""
    if loc.kind == "xã":
        head = rng.choice(VILLAGES)
    elif rng.random() < 0.5:
        head = f"Tổ {rng.randint(1, 12)}, khu {rng.randint(1, 9)}"
    else:
        head = f"Số {rng.randint(1, 250)}, đường {rng.choice(STREETS)}"
    return f"{head}, {loc.full()}"


def place_of_birth(rng: random.Random, loc: Locality, when: date) -> str:
    roll = rng.random()
    if roll < 0.35:
        return "Bệnh viện Sản Nhi Quảng Ninh" if when >= date(2015, 1, 1) else "Bệnh viện Đa khoa tỉnh Quảng Ninh"
    if roll < 0.55 and loc.district:
        return f"Trung tâm Y tế {loc.district}, {PROVINCE}"
    if roll < 0.85:
        return f"Trạm Y tế {loc.full()}"
    return loc.full()


@lru_cache(maxsize=1)
def _other_provinces() -> list[tuple[str, list[str]]]:
    result = []
    for code in (ProvinceCode.P_01, ProvinceCode.P_31, ProvinceCode.P_33, ProvinceCode.P_24, ProvinceCode.P_38):
        province = Province.from_code(code)
        name = nfc(province.name)
        name = name[0].lower() + name[1:] if name.startswith("Thành phố") else f"tỉnh {name}"
        wards = [nfc(w.name) for w in Ward.iter_by_province(code)][:40]
        result.append((name, [w[0].lower() + w[1:] for w in wards]))
    return result


@lru_cache(maxsize=1)
def _other_hometowns() -> list[str]:
    data = json.loads((DATA / "quang_ninh_districts.json").read_text(encoding="utf-8"))
    return [nfc(h) for h in data["other_hometowns"]]


def hometown(rng: random.Random, when: date) -> str:
    """Quê quán: mostly in Quảng Ninh, sometimes in another province, in the wording of the document's era."""
    if rng.random() < 0.7:
        return locality(rng, when).full()
    if when < REFORM:
        return rng.choice(_other_hometowns())
    province, wards = rng.choice(_other_provinces())
    return f"{rng.choice(wards)}, {province}"
