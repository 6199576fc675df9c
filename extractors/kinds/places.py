"""Places and addresses, checked against administrative units: today's 34 provinces and their communes
(``vietnam-provinces``) and the 63 provinces before 1 July 2025 (extractors/data/provinces_before_2025.yaml).

The value stays as printed. It is valid when a province (old or current) is named; an accent that OCR
dropped from the province or a current commune is restored when exactly one unit has that folded name.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel
from rapidfuzz.distance import Levenshtein
from vietnam_provinces import Province, Ward

from extractors.kinds.base import KindResult, invalid
from extractors.text import canonical, check_phrases, clean_value, fold, odd_words

DATA = Path(__file__).resolve().parent.parent / "data"
RESTORED_QUALITY = 0.75  # a unit name put back from the unit list: very likely, still for a person to see
_PROVINCE_PREFIX = re.compile(r"^(tinh|thanh pho|tp\.?|t\.)\s*", re.IGNORECASE)
_UNIT_PREFIX = re.compile(r"^(xa|phuong|thi tran|dac khu|huyen|quan|thi xa|thanh pho|tp\.?)\s+")


class OldProvince(BaseModel):
    code: int
    name: str
    kind: str = "Tỉnh"
    now: int


@lru_cache(maxsize=1)
def old_provinces() -> list[OldProvince]:
    with (DATA / "provinces_before_2025.yaml").open(encoding="utf-8") as fh:
        return [OldProvince(**row) for row in yaml.safe_load(fh)]


def _bare(name: str) -> str:
    return re.sub(r"^(Thành phố|Tỉnh)\s+", "", name)


@lru_cache(maxsize=1)
def province_names() -> dict[str, str]:
    """Folded bare province name → printed name, old and current units."""
    names: dict[str, str] = {}
    for p in old_provinces():
        names[fold(p.name)] = p.name
    for p in Province.iter_all():
        names[fold(_bare(p.name))] = _bare(p.name)
    names["hue"] = "Huế"
    names["tp ho chi minh"] = "Hồ Chí Minh"
    return names


def province_codes() -> set[int]:
    """Every code a personal number may start with: the 63 older codes (today's 34 are among them)."""
    return {p.code for p in old_provinces()} | {int(p.code) for p in Province.iter_all()}


def province_code_of(name: str) -> set[int]:
    """Codes a printed province name stands for: its own and, for a merged one, today's unit."""
    folded = fold(_bare(clean_value(name)))
    codes: set[int] = set()
    for p in old_provinces():
        if fold(p.name) == folded:
            codes |= {p.code, p.now}
    for p in Province.iter_all():
        if fold(_bare(p.name)) == folded:
            codes.add(int(p.code))
    return codes


@lru_cache(maxsize=1)
def _ward_names() -> dict[str, set[str]]:
    """Folded commune name without its unit word → printed names (current units)."""
    names: dict[str, set[str]] = {}
    for ward in Ward.iter_all():
        bare = re.sub(r"^(Phường|Xã|Đặc khu|Thị trấn)\s+", "", ward.name)
        names.setdefault(fold(bare), set()).add(bare)
    return names


@lru_cache(maxsize=1)
def _legacy_data() -> dict:
    """The ``vietnamadminunits`` data set of the units before 1 July 2025, read once."""
    return json.loads((resources.files("vietnamadminunits") / "data" / "parser_legacy.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def legacy_unit_names() -> list[str]:
    """Names of the districts and communes before 1 July 2025 (the ``vietnamadminunits`` data set)."""
    data = _legacy_data()
    names: list[str] = []
    for districts in data["DICT_PROVINCE_DISTRICT"].values():
        names += [d["district"] for d in districts.values() if isinstance(d, dict)]
    for districts in data["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].values():
        for wards in districts.values():
            if isinstance(wards, dict):
                names += [w["ward"] for w in wards.values() if isinstance(w, dict)]
    return [n for n in names if isinstance(n, str)]


@lru_cache(maxsize=1)
def all_unit_names() -> list[str]:
    """Names of every unit, current (vietnam-provinces) and before 2025 (provinces, districts, communes)."""
    names = [w.name for w in Ward.iter_all()] + [p.name for p in Province.iter_all()]
    return names + [p.name for p in old_provinces()] + legacy_unit_names()


@lru_cache(maxsize=1)
def _unit_pairs() -> dict[str, dict[str, str]]:
    """Folded pairs of syllables of unit names → {canonical spelling: printed spelling}
    (``cam pha`` → {``cẩm phả``: ``Cẩm Phả``})."""
    table: dict[str, dict[str, str]] = {}
    for name in all_unit_names():
        words = [w.strip(",.()-") for w in name.split()]
        for a, b in zip(words, words[1:], strict=False):
            pair = f"{a} {b}"
            table.setdefault(fold(pair), {})[canonical(pair)] = pair
    return table


@lru_cache(maxsize=1)
def _unit_bigrams() -> dict[str, frozenset[str]]:
    """Folded pairs of syllables of unit names → their canonical spellings (built once, not per value)."""
    return {k: frozenset(v) for k, v in _unit_pairs().items()}


# Address words that go in pairs: a word repaired into one half must stand beside the other half.
ADDRESS_PAIRS = frozenset(canonical(p) for p in (
    "thành phố", "thị xã", "thị trấn", "đặc khu", "khu phố", "khu vực", "bệnh viện", "trạm y", "y tế",
    "trung tâm", "đa khoa", "sản nhi", "ủy ban", "uỷ ban", "ban nhân", "nhân dân", "cơ quan", "cảnh sát",
    "công an", "phòng khám", "chung cư", "tập thể", "tổ dân", "dân phố"))


def _fits_beside(words: list[str], i: int, repaired: str) -> bool:
    """Whether ``repaired`` at ``words[i]`` reads as an address word there: a numbered word before a number
    (``Tổ 8``), a unit word before a name (``phố Móng Cái``), or one half of a pair beside the other half
    (``thị trấn``). A word of other prose ("Đại sứ quán", "chủ nghĩa") is left as printed."""
    after = words[i + 1] if i + 1 < len(words) else ""
    before = words[i - 1] if i > 0 else ""
    if canonical(repaired) in _NUMBERED and after[:1].isdigit():
        return True
    if fold(repaired) in _UNIT_TYPE_WORDS and after[:1].isupper():
        return True
    return any(canonical(pair) in ADDRESS_PAIRS for pair in (f"{before} {repaired}", f"{repaired} {after}"))


def _repair_small_words(part: str) -> str:
    """A small-letter word that is no address word but one letter away from exactly one (``phế`` → ``phố``),
    or with the letters of exactly one, its accents misread (``thí`` → ``thị``), where that word fits
    (:func:`_fits_beside`)."""
    words = part.split(" ")
    for _ in range(3):  # a word repaired may make its neighbour's repair fit ("thảnh phỗ" → "thành phố")
        changed = False
        for i, word in enumerate(words):
            if not word or word != word.lower() or not word.isalpha() or canonical(word) in ADDRESS_WORDS:
                continue
            near = {w for w in ADDRESS_WORD_LIST
                    if Levenshtein.distance(fold(w), fold(word)) <= 1 and fold(w)[0] == fold(word)[0]}
            same_letters = {w for w in near if fold(w) == fold(word)}
            if len(same_letters) == 1:  # only the accents were misread ("thí trấn"): the word with these letters
                near = same_letters
            if len(near) == 1 and _fits_beside(words, i, next(iter(near))):
                words[i] = next(iter(near))
                changed = True
        if not changed:
            break
    return " ".join(words)


def _insert_commas(part: str) -> str:
    """A comma put back before a second unit word in one part (``phường Cẩm Trung thành phố Cẩm Phả``)."""
    words = part.split(" ")
    out: list[str] = []
    seen_unit = False
    for i, word in enumerate(words):
        pair = fold(" ".join(words[i:i + 2])) if i + 1 < len(words) else ""
        starts_unit = word == word.lower() and (fold(word) in _SINGLE_UNITS or pair in _DOUBLE_UNITS)
        if starts_unit and seen_unit and out and out[-1][:1].isupper():
            out[-1] += ","
        seen_unit = seen_unit or starts_unit
        out.append(word)
    return " ".join(out)


_SINGLE_UNITS = {"xa", "phuong", "huyen", "quan", "tinh"}
_DOUBLE_UNITS = {"thanh pho", "thi xa", "thi tran", "dac khu"}
_UNIT_TYPE_WORDS = _SINGLE_UNITS | {w for pair in _DOUBLE_UNITS for w in pair.split()}  # folded


# A vowel OCR read twice with two tone marks ("Chếẽ" for "Chẽ"): Vietnamese spells no vowel twice in a unit's
# name, so the folded pair is looked up once more with the vowel once.
_DOUBLED_VOWEL = re.compile(r"([aeiouy])\1")


def _restored_pair(pairs: dict[str, dict[str, str]], a: str, b: str) -> tuple[str, str] | None:
    """Two capitalised words spelt like no unit name but with the letters of exactly one: that name's words."""
    if not (a[:1].isupper() and b[:1].isupper() and a.isalpha() and b.isalpha()):
        return None
    known = pairs.get(fold(f"{a} {b}")) or pairs.get(_DOUBLED_VOWEL.sub(r"\1", fold(f"{a} {b}")))
    if known and canonical(f"{a} {b}") not in known and len(known) == 1:
        first, second = next(iter(known.values())).split(" ")
        return first, second
    return None


def restore_named_units(text: str) -> str:
    """In running text ("Đăng ký kết hôn tại Ủy ban nhân dân phường Cấm Phú, …"), the unit names written after
    a unit word put back as :func:`restore_unit_names` does; nothing else of the text is touched."""
    pairs = _unit_pairs()
    words = text.split(" ")
    for j in range(1, len(words) - 1):
        if not _after_unit_word(words, j):
            continue
        pair = _restored_pair(pairs, words[j], words[j + 1].rstrip(",.;"))
        if pair is not None:
            words[j], words[j + 1] = pair[0], pair[1] + words[j + 1][len(words[j + 1].rstrip(",.;")):]
    return " ".join(words)


def named_place(text: str) -> str | None:
    """The address a running text ends with: from its first unit word on ("… tại Ủy ban nhân dân | phường Cẩm
    Phú, thành phố Cẩm Phả, tỉnh Quảng Ninh"), when that part names its province. None when there is none."""
    words = text.split(" ")
    for j in range(1, len(words)):
        if words[j][:1].isupper() and _after_unit_word(words, j):
            start = j - (1 if fold(words[j - 1]) in _SINGLE_UNITS else 2)
            rest = " ".join(words[start:])
            return rest if ends_with_province(rest) else None
    return None


def _after_unit_word(words: list[str], j: int) -> bool:
    """``words[j]`` follows a unit word in small letters: ``xã``, ``phường`` …, or ``thành phố``, ``thị xã`` …"""
    one = words[j - 1] if j >= 1 else ""
    two = f"{words[j - 2]} {one}" if j >= 2 else ""
    if one != one.lower():
        return False
    return fold(one) in _SINGLE_UNITS or (two == two.lower() and fold(two) in _DOUBLE_UNITS)


def _unit_key(text: str) -> str:
    """A unit's key in the ``vietnamadminunits`` data: folded, letters and figures only ("phuongcamson")."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


@lru_cache(maxsize=1)
def _legacy_wards() -> dict[tuple[str, str], dict[str, str]]:
    """(province key, district key) → {commune key: printed commune name}: the communes of each district
    before 1 July 2025."""
    data = _legacy_data()
    out: dict[tuple[str, str], dict[str, str]] = {}
    for province, districts in data["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].items():
        for district, wards in districts.items():
            if isinstance(wards, dict):
                out[(province, district)] = {key: w["ward"] for key, w in wards.items()
                                             if isinstance(w, dict) and isinstance(w.get("ward"), str)}
    return out


_COMMUNE_WORD = re.compile(r"\b(xa|phuong|thi tran)\s+\S")


def restore_in_district(value: str) -> str:
    """A commune named before its district and province ("phường Cấm Sơn, thành phố Cẩm Phả, tỉnh Quảng Ninh")
    whose letters are those of one of that district's communes but whose accents are not: that commune's
    accents ("Cẩm Sơn"; a "Cấm Sơn" exists, elsewhere). Unchanged when the district or the commune is unknown."""
    parts = value.split(",")
    if len(parts) < 3:
        return value
    communes = _legacy_wards().get((_unit_key(parts[-1]), _unit_key(parts[-2])))
    if not communes:
        return value
    part = parts[-3]
    found = _COMMUNE_WORD.search(fold(part))
    if found is None:
        return value
    start = found.start(1)
    printed = part[start:].strip()
    name = communes.get(_unit_key(printed))
    if name is None or canonical(name) == canonical(printed):
        return value
    unit_words = len(found.group(1).split())
    bare = " ".join(name.split(" ")[unit_words:])
    head = " ".join(printed.split(" ")[:unit_words])
    parts[-3] = part[:start] + f"{head} {bare}"
    return ",".join(parts)


def restore_unit_names(value: str) -> str:
    """Capitalised word pairs whose accents match no unit name, put back to the one unit name that has
    the same letters (``Cấm Phả`` → ``Cẩm Phả``); the province part likewise. Unchanged when several fit."""
    pairs = _unit_pairs()
    if missing_comma(value):
        value = ",".join(_insert_commas(part) for part in value.split(","))
    parts = [_repair_small_words(part) for part in value.split(",")]
    for i, part in enumerate(parts):
        if _STREET.match(part):
            continue  # streets are named after people, not units: see restore_streets
        words = part.split(" ")
        for j in range(len(words) - 1):
            pair = _restored_pair(pairs, words[j], words[j + 1])
            if pair is not None:
                words[j], words[j + 1] = pair
        parts[i] = " ".join(words)
    last = parts[-1].strip()
    if last:
        parts[-1] = (" " if len(parts) > 1 else "") + _restore_part(last, province_names())
    return restore_in_district(",".join(parts))


# The words printed in small letters in an address or a place are few: unit types and common nouns.
ADDRESS_WORD_LIST = (
    "thôn xóm ấp bản làng khu tổ số đường phố ngõ ngách hẻm kiệt cụm lô tầng nhà xã phường huyện quận thị "
    "trấn thành tỉnh đặc dân trạm y tế bệnh viện trung tâm sản nhi đa khoa ủy uỷ ban nhân cơ quan cục cảnh "
    "sát công an bộ và khu vực phòng khám chung cư tập thể"
).split()
ADDRESS_WORDS = frozenset(canonical(w) for w in ADDRESS_WORD_LIST)


# Address words that are followed by a number (``Tổ 8``, ``Khu 3``, ``Số 12``).
NUMBERED_WORDS = ("tổ", "khu", "số", "thôn", "xóm", "ấp", "bản", "đội", "ngõ", "ngách", "hẻm", "kiệt", "lô",
                  "tầng", "cụm", "phố")
_NUMBERED = frozenset(canonical(w) for w in NUMBERED_WORDS)
_NUMBERED_BY_FOLD: dict[str, list[str]] = {}
for _w in NUMBERED_WORDS:
    _NUMBERED_BY_FOLD.setdefault(fold(_w), []).append(_w)


def _numbered_head(words: list[str]) -> tuple[str, str | None] | None:
    """(word, repair) when ``words`` start with a capitalised word followed by a number: the repair is the
    address word with the same letters when the printed accents match none (``Tố 8`` → ``Tổ``)."""
    if len(words) < 2 or not words[0][:1].isupper() or not words[0].isalpha() or not words[1][:1].isdigit():
        return None
    word = words[0]
    if canonical(word) in _NUMBERED:
        return word, None
    near = _NUMBERED_BY_FOLD.get(fold(word), [])
    return word, (near[0].capitalize() if len(near) == 1 else None)


def repair_numbered_heads(value: str) -> str:
    """Each comma part that starts ``<word> <number>`` with a word spelt like exactly one numbered address
    word but with other accents gets that word back: a house group's ``Tố 8`` is ``Tổ 8``."""
    parts = value.split(",")
    for i, part in enumerate(parts):
        lead = part[: len(part) - len(part.lstrip())]
        words = part.strip().split(" ")
        head = _numbered_head(words)
        if head is not None and head[1] is not None:
            parts[i] = lead + " ".join([head[1], *words[1:]])
    return ",".join(parts)


NUMBERED_HEAD_QUALITY = 0.9  # the letters and the number leave one reading; still a repair


def suspect_place_words(text: str) -> list[str]:
    """Words that look misread in a place: a small-letter word that is no address word (``phế`` for
    ``phố``), a pair of capitalised words spelt unlike the unit name with the same letters (``Cấm Phả``
    for ``Cẩm Phả``) or one letter away from a unit name it is not (``Móng Gái`` for ``Móng Cái``)."""
    bigrams = _unit_bigrams()
    odd = []
    for part in clean_value(text).split(","):
        words = [w.strip(".()-") for w in part.split()]
        for word in words:
            if word and word == word.lower() and not word.isdigit() and canonical(word) not in ADDRESS_WORDS:
                odd.append(word)
        street = _STREET.match(part)
        if street:  # a street is named after a person or a place: checked against the known streets
            known_streets = _streets().get(fold(street.group(2)))
            if known_streets and canonical(street.group(2)) not in known_streets:
                odd.append(street.group(2))
        for a, b in zip(words, words[1:], strict=False):
            if street or not (a[:1].isupper() and b[:1].isupper()):
                continue
            known = bigrams.get(fold(f"{a} {b}"))
            if known is not None and canonical(f"{a} {b}") not in known:
                odd.append(f"{a} {b}")
        head = _numbered_head(words)
        if head is not None and canonical(head[0]) not in _NUMBERED:
            odd.append(head[0])
        syllables = _name_syllables()
        for word in words[1:]:
            if word[:1].isupper() and word.isalpha() and canonical(word) not in syllables:
                odd.append(word)
    return odd


def headless_parts(text: str) -> list[str]:
    """Parts of an address after its first that begin with a name and no unit word (``…, đường Lê Lợi, Ông,
    tỉnh …``: OCR lost ``phường Cửa``): a unit's kind was lost with the words before it."""
    odd = []
    for part in clean_value(text).split(",")[1:]:
        words = part.split()
        if words and words[0][:1].isupper() and canonical(words[0].lower()) not in ADDRESS_WORDS:
            odd.append(part.strip())
    return odd


@lru_cache(maxsize=1)
def _name_syllables() -> frozenset[str]:
    """Every syllable of a unit's name (old provinces, current units) or of a person's name: what the
    capitalised words of a place are made of (streets are named after people)."""
    from extractors.kinds.names import _lexicon

    words = [w for name in all_unit_names() for w in name.split()]
    known = {canonical(w.strip(",.()-")) for w in words} | set(ADDRESS_WORDS)
    for table in _lexicon():
        for spellings in table.values():
            known |= spellings
    return frozenset(known)


_UNIT_WORDS = re.compile(r"\b(thi tran|thi xa|thanh pho|dac khu|xa|phuong|huyen|quan|tinh|duong)\b")


def missing_comma(text: str) -> bool:
    """Two administrative units (or a street and a unit) in one comma-separated part (``xã Vô Ngại huyện
    Bình Liêu``, ``đường Hùng Vương phường Hạ Long``): a comma that OCR lost. Unit words count when
    printed in small letters (``Phương`` in a name does not)."""
    for part in clean_value(text).split(","):
        small = " ".join(w if w == w.lower() else "_" for w in part.split())
        if len(_UNIT_WORDS.findall(fold(small))) > 1:
            return True
    return False


def ends_with_province(text: str) -> bool:
    """The last comma-separated part is a province (``tỉnh Quảng Ninh``, ``Hà Nội``)."""
    parts = [p.strip() for p in clean_value(text).split(",") if p.strip()]
    if not parts:
        return False
    return _PROVINCE_PREFIX.sub("", fold(parts[-1])).strip() in province_names()


def find_province(text: str) -> str | None:
    """The province named in ``text`` (last comma part first, then anywhere), as a printed bare name."""
    names = province_names()
    parts = [p.strip() for p in clean_value(text).split(",") if p.strip()]
    for part in reversed(parts):
        folded = _PROVINCE_PREFIX.sub("", fold(part)).strip()
        if folded in names:
            return names[folded]
    folded_all = fold(text)
    for key in sorted(names, key=len, reverse=True):
        if re.search(rf"\b{re.escape(key)}\b", folded_all):
            return names[key]
    return None


def _restore_part(part: str, names: dict[str, str]) -> str:
    """The part with the province name's accents restored when its folded form matches one province."""
    folded = fold(part)
    prefix = _PROVINCE_PREFIX.match(folded)
    head_len = len(prefix.group(0)) if prefix else 0
    bare = folded[head_len:].strip()
    if bare in names and fold(part[head_len:].strip()) == bare and part[head_len:].strip() != names[bare]:
        return part[:head_len] + names[bare]
    return part


def split_run_together(value: str) -> str:
    """Proper names run together by OCR (``huyệnCôTô``) split where a capital follows a small letter."""
    out = []
    for i, ch in enumerate(value):
        if i and ch.isupper() and value[i - 1].islower():
            out.append(" ")
        out.append(ch)
    return "".join(out)


# A unit word is always followed by the unit's name: a full stop after it is OCR's (a line end, a speck).
_UNIT_STOP = re.compile(r"\b(xã|phường|huyện|quận|tỉnh|thị trấn|thị xã|thành phố|đặc khu)\.(?= \S)")


def _split_address_words(value: str) -> str:
    """Two small-letter address words run together by OCR (``tếxã`` → ``tế xã``)."""
    words = value.split(" ")
    for i, word in enumerate(words):
        bare = word.rstrip(",")
        if not bare.isalpha() or bare != bare.lower() or canonical(bare) in ADDRESS_WORDS:
            continue
        splits = [(bare[:k], bare[k:]) for k in range(1, len(bare))
                  if canonical(bare[:k]) in ADDRESS_WORDS and canonical(bare[k:]) in ADDRESS_WORDS]
        if len(splits) == 1:
            words[i] = " ".join(splits[0]) + word[len(bare):]
    return " ".join(words)


@lru_cache(maxsize=1)
def _streets() -> dict[str, dict[str, str]]:
    """Folded street name → {canonical spelling: printed spelling} (extractors/data/streets.yaml)."""
    with (DATA / "streets.yaml").open(encoding="utf-8") as fh:
        names = yaml.safe_load(fh)["streets"]
    table: dict[str, dict[str, str]] = {}
    for name in names:
        table.setdefault(fold(name), {})[canonical(name)] = name
    return table


_STREET = re.compile(r"^(\s*(?:đường|phố)\s+)(.+?)\s*$")


def restore_streets(value: str) -> str:
    """A street (``đường Lê Thanh Tông``) spelt like exactly one known street but with other accents, put
    back to it (``Lê Thánh Tông``)."""
    parts = value.split(",")
    for i, part in enumerate(parts):
        match = _STREET.match(part)
        if not match:
            continue
        known = _streets().get(fold(match.group(2)))
        if known and canonical(match.group(2)) not in known and len(known) == 1:
            parts[i] = match.group(1) + next(iter(known.values()))
    return ",".join(parts)


# A quote before a word, or a full stop between two capitalised words of one name, inside a place.
_INNER_SPECK = re.compile(r"(?<=\w) ['\"`‘’“”]+(?=\w)|(?<=[^\W\d_]{2})(?<!\b[Tt][PpXxTt])\.\s+(?=[A-ZĐÀ-Ỹ])")
_DOUBLED_N = re.compile(r"([Nn])[Ññ]|[Ññ](?=[Nn])")
_UNBALANCED = re.compile(r"^[\[(|{]+(?=[^\])}]*$)|(?<=[^\[({])[\])}|]+$")


def _reparsed(repaired: str, cap: float, note: str | None = None, replace_note: bool = False,
              repairs_left: int = 0) -> KindResult:
    """``parse_place`` of a repaired text, marked repaired, its quality at most ``cap``; ``note`` explains the
    repair unless the inner parse has a note of its own (or always, with ``replace_note``)."""
    result = parse_place(repaired, repairs_left)
    return result.model_copy(update={"quality": min(result.quality, cap), "repaired": True,
                                     "note": note if replace_note else (result.note or note)})


MAX_REPAIRS = 8  # repairs of one value, one after the other: repairs that undo each other stop there


def parse_place(text: str, repairs_left: int = MAX_REPAIRS) -> KindResult:
    """Kind ``place``: an address or place, valid when it names a known province."""
    can_repair = repairs_left > 0

    def again(repaired: str, cap: float, note: str | None = None, replace_note: bool = False) -> KindResult:
        return _reparsed(repaired, cap, note, replace_note, repairs_left - 1)

    value = _UNIT_STOP.sub(r"\1", clean_value(text))
    value = _UNBALANCED.sub("", value).strip()  # "[Trạm Y tế …": a bracket read from a rule or a speck
    if not value:
        return invalid("trống")
    specks = _INNER_SPECK.sub(" ", value)
    if can_repair and specks != value:  # "Tiên 'Yên", "Hải. Hà": a speck read as a quote or a full stop
        return again(specks, RESTORED_QUALITY, f"bỏ dấu lạ: {value}")
    doubled = _DOUBLED_N.sub(r"\1", value)
    if can_repair and doubled != value:  # "Quảng NÑinh": one N read twice, once as Ñ (no Vietnamese letter)
        return again(doubled, RESTORED_QUALITY, f"bỏ chữ lạ: {value}")
    split_words = _split_address_words(value)
    if can_repair and split_words != value:
        return again(split_words, RESTORED_QUALITY, f"tách chữ dính liền: {value}")
    streets = restore_streets(value)
    if can_repair and streets != value:
        return again(streets, RESTORED_QUALITY, f"khôi phục tên đường: {value}", replace_note=True)
    phrased, suspect = check_phrases(value)
    if can_repair and suspect and phrased != value:  # "Bệnh viện Sản Nhỉ": a known pair with other accents
        return again(phrased, RESTORED_QUALITY, f"dấu có thể sai: {' '.join(suspect)}", replace_note=True)
    split = split_run_together(value)
    if can_repair and split != value:
        return again(split, 0.7)
    heads = repair_numbered_heads(value)
    if can_repair and heads != value:
        return again(heads, NUMBERED_HEAD_QUALITY, f"khôi phục dấu: {value}")
    restored = restore_unit_names(value)
    if can_repair and restored != value:
        return again(restored, RESTORED_QUALITY, f"khôi phục tên đơn vị hành chính: {value}", replace_note=True)
    province = find_province(value)
    if province is None:
        return KindResult(value=value, valid=False, quality=0.0, note="không xác định được tỉnh/thành phố")
    parts = [p.strip() for p in value.split(",")]
    restored_last = _restore_part(parts[-1], province_names())
    repaired = restored_last != parts[-1]
    parts[-1] = restored_last
    # A current commune whose folded name matches exactly one printed name gets its accents back.
    wards = _ward_names()
    for i, part in enumerate(parts[:-1]):
        folded = fold(part)
        unit = _UNIT_PREFIX.match(folded)
        if not unit:
            continue
        head = part[: len(unit.group(0))]
        bare = part[len(unit.group(0)):]
        candidates = wards.get(fold(bare), set())
        if len(candidates) == 1:
            good = next(iter(candidates))
            if fold(bare) == bare.lower() and bare.lower() != good.lower():  # printed without accents
                parts[i] = head + good
                repaired = True
    value = ", ".join(parts)
    quality = 0.9 if repaired else 1.0
    note = None
    if not ends_with_province(value):
        tail = fold(parts[-1])
        named = any(tail.endswith(" " + name) for name in province_names())  # "Bệnh viện Sản Nhi Quảng Ninh"
        if named and not _UNIT_PREFIX.match(tail):  # "xã Quảng Ninh" is a commune: the province is missing
            quality = min(quality, 0.9)
        else:
            quality, note = min(quality, 0.7), "tỉnh/thành phố không ở cuối"
    odd = odd_words(value) + suspect_place_words(value) + headless_parts(value)
    if odd:
        quality, note = min(quality, 0.6), f"chữ lạ: {' '.join(odd)}"
    if missing_comma(value):
        quality, note = min(quality, 0.6), "thiếu dấu phẩy giữa các đơn vị hành chính"
    return KindResult(value=value, valid=True, quality=quality, repaired=repaired, note=note)
