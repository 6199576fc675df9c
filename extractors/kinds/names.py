"""Names of people: uppercase, NFC, single spaces, as printed; valid when every word is a syllable."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from extractors.kinds.base import KindResult, invalid
from extractors.text import canonical, clean_value, fold, is_syllable

DATA = Path(__file__).resolve().parent.parent / "data"

_NOT_NAME = re.compile(r"[0-9@#$%^&*=+<>{}\[\]\\/]")
MIN_WORDS = 2
MAX_WORDS = 7


SUSPECT_QUALITY = 0.6
SPLIT_QUALITY = 0.7  # words split apart by us: likely right, not certain
SPECK_QUALITY = 0.9  # quotes or dots beside a word dropped: the letters are all there
_SPECKS = "'\"`‘’“”.,"


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(surnames, given-name syllables): folded form → canonical spellings."""
    with (DATA / "names.yaml").open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    out = []
    for part in ("surnames", "given"):
        table: dict[str, set[str]] = {}
        for word in data[part]:
            table.setdefault(fold(word), set()).add(canonical(word))
        out.append(table)
    return out[0], out[1]


def _only_spelling(word: str, part: str) -> str | None:
    """The one known ``part`` ("surnames" or "given") spelling, in capitals, of ``word``'s letters with accents
    aside (``NGUYEN`` → ``NGUYỄN``); None when none or several have them."""
    surnames, given = _lexicon()
    known = (surnames if part == "surnames" else given).get(fold(word))
    if not known or len(known) != 1:
        return None
    return _printed(part)[next(iter(known))].upper()


def _misread_spelling(word: str, part: str) -> str | None:
    """``_only_spelling`` for a word whose own accents are no known spelling (``LỀ`` → ``LÊ``, ``HÀNG`` →
    ``HẰNG``); None when the word is spelt as one already. A suggestion for review."""
    surnames, given = _lexicon()
    known = (surnames if part == "surnames" else given).get(fold(word), set())
    return None if canonical(word) in known else _only_spelling(word, part)


def surname_spelling(word: str) -> str | None:
    """The one surname (in capitals) whose letters, accents aside, are ``word``'s (``NGUYEN`` → ``NGUYỄN``)."""
    return _only_spelling(word, "surnames")


@lru_cache(maxsize=2)
def _printed(part: str) -> dict[str, str]:
    """Canonical form → the spelling names.yaml prints, for its ``surnames`` or ``given``."""
    with (DATA / "names.yaml").open(encoding="utf-8") as fh:
        return {canonical(w): w for w in yaml.safe_load(fh)[part]}


def suspect_words(words: list[str]) -> list[str]:
    """Words whose accents match no known spelling of the same letters (the first word as a surname), and
    words whose letters are no known name syllable at all (``MAT`` read for ``MAI``)."""
    surnames, given = _lexicon()
    odd = []
    for i, word in enumerate(words):
        folded = fold(word)
        if i == 0 and folded in surnames:
            known = surnames[folded]
        else:
            known = given.get(folded, set()) | surnames.get(folded, set())
        if not known or canonical(word) not in known:
            odd.append(word)
    return odd


def _known_only(word: str) -> bool:
    """``word`` is spelt as some surname or given-name syllable, accents and all."""
    surnames, given = _lexicon()
    folded = fold(word)
    return canonical(word) in (surnames.get(folded, set()) | given.get(folded, set()))


def segment(word: str) -> list[str] | None:
    """Words run together by OCR (``TRẦNQUANGTHỤY``) split into syllables: the split with the fewest
    pieces, then the most known name syllables; None when no split into syllables exists."""
    surnames, given = _lexicon()
    known = set().union(*surnames.values(), *given.values())
    best: dict[int, tuple[int, int, list[str]]] = {0: (0, 0, [])}  # end → (-pieces, hits, pieces)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 7), end):
            if start not in best:
                continue
            piece = word[start:end]
            if not is_syllable(piece):
                continue
            count, hits, pieces = best[start]
            candidate = (count - 1, hits + (canonical(piece) in known), [*pieces, piece])
            if end not in best or candidate[:2] > best[end][:2]:
                best[end] = candidate
    found = best.get(len(word))
    return found[2] if found and len(found[2]) > 1 else None


def parse_name(text: str) -> KindResult:
    """Kind ``name``. No repair of letters: a person's name has no dictionary that makes a fix certain;
    a word whose accents look misread (see ``suspect_words``) lowers the quality."""
    value = clean_value(text).upper()
    value = re.sub(r"\s*[,;:]\s*$", "", value)
    if not value:
        return invalid("trống")
    if _NOT_NAME.search(value):
        return invalid(f"tên có ký tự lạ: {value}", value=value)
    specks = [w for w in value.split() if w.strip(_SPECKS) != w]
    if specks:  # "VŨ 'TRỌNG VINH": a speck read as a quote beside a word
        value = " ".join(w.strip(_SPECKS) for w in value.split() if w.strip(_SPECKS))
        result = parse_name(value)
        return result.model_copy(update={"quality": min(result.quality, SPECK_QUALITY), "repaired": True})
    words = value.split()
    repaired = False
    split: list[str] = []
    for word in words:
        pieces = None if is_syllable(word) else segment(word)
        if pieces is None and len(word) >= 4 and _known_only(word) is False:
            # A word that could pass for a syllable but is no name's ("LÊANH", "THỊOANH"): split in two where
            # both pieces are name syllables, when only one such cut exists.
            cuts = [[word[:i], word[i:]] for i in range(1, len(word))
                     if _known_only(word[:i]) and _known_only(word[i:])]
            pieces = cuts[0] if len(cuts) == 1 else None
        split += pieces or [word]
        repaired = repaired or pieces is not None
    if repaired:
        words, value = split, " ".join(split)
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return invalid(f"tên có {len(words)} chữ: {value}", value=value)
    bad = [w for w in words if not is_syllable(w)]
    if bad:
        return invalid(f"chữ không phải tiếng Việt: {' '.join(bad)}", value=value)
    surname = _misread_spelling(words[0], "surnames")
    if surname is not None:
        words = [surname, *words[1:]]
        return KindResult(value=" ".join(words), valid=True, quality=SUSPECT_QUALITY, repaired=True,
                          note=f"khôi phục dấu họ: {value}")
    odd = suspect_words(words)
    if odd:
        restored = [_misread_spelling(w, "given") if i and w in odd else None for i, w in enumerate(words)]
        if any(restored):  # "HÀNG" for "HẰNG": the one given name spelt with these letters, for review
            fixed = " ".join(r or w for r, w in zip(restored, words, strict=True))
            return KindResult(value=fixed, valid=True, quality=SUSPECT_QUALITY, repaired=True,
                              note=f"dấu có thể sai, khôi phục: {value}")
        return KindResult(value=value, valid=True, quality=SUSPECT_QUALITY, repaired=repaired,
                          note=f"dấu có thể sai: {' '.join(odd)}")
    if repaired:
        return KindResult(value=value, valid=True, quality=SPLIT_QUALITY, repaired=True, note="tách chữ dính liền")
    return KindResult(value=value, valid=True, quality=1.0)
