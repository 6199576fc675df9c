"""A dated gazetteer of administrative units: each unit with its level, parent and the years it existed.

Sources (both installed, maintained packages; their data is read in place, not copied):

- ``vietnamadminunits`` 1.0.4 (MIT, github.com/tranngocminhhieu/vietnamadminunits): ``data/dataset.db``, table
  ``admin_units_legacy`` holds the three-level units before the 2025 reform (63 provinces, 696 districts,
  10 035 communes: the state of the first half of 2025, after the 2023-2025 commune mergers) and table
  ``admin_units`` the two-level units since 1 July 2025 (34 provinces, 3 321 communes).
- ``extractors/data/provinces_before_2025.yaml`` (this project): which of today's provinces each of the 63
  was merged into on 1 July 2025.

What the data does not hold: units abolished, renamed or merged before 2023 (Hà Tây, merged into Hà Nội in
2008; communes merged in 2019-2021 and 2023-2025). An entry written before those changes names a unit this
gazetteer may lack; its cell then goes to review. ``valid_from`` is None where the data does not say when a
unit began.
"""

from __future__ import annotations

import importlib.util
import sqlite3
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

REFORM = date(2025, 7, 1)  # districts abolished, 63 provinces merged into 34 (Resolution 202/2025/QH15)
DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Unit:
    code: str  # "p:22", "d:201", "w:06787": level and the General Statistics Office code
    level: str  # province | district | commune
    kind: str  # Tỉnh, Thành phố, Huyện, Quận, Thị xã, Xã, Phường, Thị trấn, Đặc khu
    name: str  # short name without its kind: "Quảng Ninh"
    parent: str | None
    valid_from: date | None
    valid_to: date | None  # last day it existed; None: still exists
    merged_into: str | None = None  # for a province abolished in 2025: the code of today's province

    @property
    def full(self) -> str:
        return f"{self.kind.lower()} {self.name}" if self.kind else self.name

    def existed_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


def dataset_path() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the vietnamadminunits package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "dataset.db"


def _kind(full: str, short: str, kind: str | None) -> str:
    if kind:
        return kind
    return full[: -len(short)].strip() if full.endswith(short) else ""


@cache
def units() -> dict[str, Unit]:
    before = REFORM.replace(day=30, month=6)
    merged = {f"{int(p['code']):02d}": f"p:{int(p['now']):02d}" for p in
              yaml.safe_load((DATA / "provinces_before_2025.yaml").read_text(encoding="utf-8"))}
    out: dict[str, Unit] = {}
    with sqlite3.connect(f"file:{dataset_path()}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT province, provinceShort, provinceCode, district, districtShort, districtType, "
                          "districtCode, ward, wardShort, wardType, wardCode FROM admin_units_legacy").fetchall()
        for p, ps, pc, d, ds, dt, dc, w, ws, wt, wc in rows:
            if not (p and d and w and ws):  # a district without communes in the data
                continue
            pk, dk, wk = f"p:{pc}", f"d:{dc}", f"w:{wc}"
            out.setdefault(pk, Unit(pk, "province", _kind(p, ps, None), ps, None, None, before, merged.get(pc)))
            out.setdefault(dk, Unit(dk, "district", _kind(d, ds, dt), ds, pk, None, before))
            out.setdefault(wk, Unit(wk, "commune", _kind(w, ws, wt), ws, dk, None, before))
        rows = db.execute("SELECT province, provinceShort, provinceCode, ward, wardShort, wardType, wardCode "
                          "FROM admin_units").fetchall()
        for p, ps, pc, w, ws, wt, wc in rows:
            if not (p and w and ws):
                continue
            pk, wk = f"P:{pc}", f"W:{wc}"
            out.setdefault(pk, Unit(pk, "province", _kind(p, ps, None), ps, None, REFORM, None))
            out.setdefault(wk, Unit(wk, "commune", _kind(w, ws, wt), ws, pk, REFORM, None))
    return out


def units_on(day: date) -> list[Unit]:
    """The units that existed on ``day``."""
    return [u for u in units().values() if u.existed_on(day)]
