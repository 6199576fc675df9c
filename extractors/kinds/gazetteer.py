"""Values from a closed list (ethnic groups, nationalities): exact, accent-restored, or fuzzy.

A dropped or wrong accent is restored only when the folded text (no diacritics) matches exactly one entry:
then the dictionary makes the fix certain. A fuzzier match gives the entry with a low quality, so that
the field goes to review.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from extractors.kinds.base import KindResult, invalid
from extractors.text import canonical, clean_value, fold

DATA = Path(__file__).resolve().parent.parent / "data"
FUZZY_CUTOFF = 85


class Gazetteer:
    def __init__(self, groups: list[list[str]]):
        self.by_canonical: dict[str, str] = {}
        self.by_folded: dict[str, set[str]] = {}  # folded variant → the first names of its groups
        for group in groups:
            first = clean_value(str(group[0]))
            for variant in group:
                variant = clean_value(str(variant))
                self.by_canonical[canonical(variant)] = variant
                self.by_folded.setdefault(fold(variant), set()).add(first)
        self.folded_keys = list(self.by_folded)
        # Canonical form of each multi-word entry written without its spaces ("ViệtNam").
        self.by_joined = {canonical(v.replace(" ", "")): v for v in self.by_canonical.values() if " " in v}
        self.max_words = max((len(k.split()) for k in self.folded_keys), default=1)

    def lookup(self, text: str) -> KindResult:
        value = clean_value(text)
        if not value:
            return invalid("trống")
        result = self._lookup(value)
        words = value.split()
        if result.valid or len(words) < 2:
            return result
        # Trailing OCR debris after a known value ("Việt Nam c0 6"): the longest clean prefix.
        for n in range(min(len(words) - 1, self.max_words), 0, -1):
            prefix = self._lookup(" ".join(words[:n]))
            if prefix.valid:
                return prefix.model_copy(update={"quality": min(prefix.quality, 0.6), "repaired": True,
                                                 "note": f"bỏ phần thừa: {value}"})
        return result

    def _lookup(self, value: str) -> KindResult:
        key = canonical(value)
        if key in self.by_canonical:
            return KindResult(value=self.by_canonical[key], valid=True, quality=1.0, closed=True)
        joined = self.by_joined.get(key)
        if joined is not None and " " not in value:  # "ViệtNam": OCR lost the space, the letters are exact
            return KindResult(value=joined, valid=True, quality=0.9, repaired=True, note="thiếu dấu cách")
        folded = fold(value)
        candidates = self.by_folded.get(folded, set())
        if len(candidates) == 1:
            # Accents dropped (none printed) are restored with confidence; accents read wrong less so.
            dropped = folded == value.lower()
            return KindResult(value=next(iter(candidates)), valid=True, quality=0.9 if dropped else 0.75,
                              repaired=True, note="khôi phục dấu")
        match = process.extractOne(folded, self.folded_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if match and len(self.by_folded[match[0]]) == 1:
            return KindResult(value=next(iter(self.by_folded[match[0]])), valid=True, quality=0.5,
                              repaired=True, note=f"gần giống: {value}")
        return invalid(f"không có trong danh mục: {value}", value=value)


@cache
def gazetteer(name: str) -> Gazetteer:
    with (DATA / f"{name}.yaml").open(encoding="utf-8") as fh:
        return Gazetteer(yaml.safe_load(fh))


def parse_ethnicity(text: str) -> KindResult:
    """Kind ``ethnicity``: one of the 54 groups (extractors/data/ethnic_groups.yaml)."""
    return gazetteer("ethnic_groups").lookup(text)


def parse_nationality(text: str) -> KindResult:
    """Kind ``nationality``: a country name (extractors/data/nationalities.yaml)."""
    return gazetteer("nationalities").lookup(text)
