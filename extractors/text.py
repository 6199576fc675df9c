"""Text helpers shared by the extractors: NFC, spacing, dotted leaders, folding, canonical tone marks.

Vietnamese has two tone-mark placements for the same word (``hòa``/``hoà``, ``thủy``/``thuỷ``). Values are
kept as printed; comparisons use :func:`canonical`, which writes every syllable with its tone mark taken
out of the vowels and appended as a code, so both placements give the same key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

# Combining marks that carry the tone (NFD). Other marks (circumflex, breve, horn) belong to the letter.
TONE_MARKS = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}

# Runs of characters that form dotted leaders or stray punctuation around values.
_LEADER_CHARS = ".…·•_‥⋯:;,-–—~=*'\"`|"
_LEADER_ONLY = re.compile(rf"^[{re.escape(_LEADER_CHARS)}]+$")
_SPACES = re.compile(r"\s+")


# Slashes OCR reads as other slash-like characters (fraction slash, division slash, full-width, backslash).
SLASH_LOOKALIKES = str.maketrans({"⁄": "/", "∕": "/", "／": "/", "\\": "/"})


def capitals(text: str, share: float, at_least: int = 1) -> bool:
    """At least ``at_least`` letters, and ``share`` of them or more in capitals (a title, a heading, a name as a
    card prints it)."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= at_least and sum(ch.isupper() for ch in letters) >= share * len(letters)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def squash(text: str) -> str:
    """NFC with single spaces and no spaces at the ends."""
    return _SPACES.sub(" ", nfc(text)).strip()


def fold(text: str) -> str:
    """Lowercase, without any diacritic, đ→d: the key for fuzzy matching that survives OCR accents."""
    # ø: what OCR makes of ố in small print ("Sø/No").
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("ø", "o"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def canonical(text: str) -> str:
    """Lowercase NFC key with tone marks moved to the end of each syllable (``hòa`` == ``hoà``)."""
    out = []
    for syllable in squash(text).lower().split(" "):
        decomposed = unicodedata.normalize("NFD", syllable)
        tones = "".join(TONE_MARKS[ch] for ch in decomposed if ch in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
        out.append(base + tones)
    return " ".join(out)


def tone_count(syllable: str) -> int:
    return sum(1 for ch in unicodedata.normalize("NFD", syllable) if ch in TONE_MARKS)


def is_leader(token: str) -> bool:
    """A token made only of dots, ellipses, colons or similar (a dotted leader)."""
    return bool(_LEADER_ONLY.match(token))


_DOTS = ".…·•_‥⋯"
_HEAD_LEADER = re.compile(rf"^[{re.escape(_DOTS)}:]+")
_TAIL_LEADER = re.compile(rf"[{re.escape(_DOTS)}]{{2,}}$|[…_·•]+$")


def _word(token: str, figures: bool = False) -> bool:
    """A word of a value (with ``figures``, a number too: "khu vực 1 - Quảng Ninh")."""
    return any(ch.isalpha() or (figures and ch.isdigit()) for ch in token) and not is_leader(token)


def clean_value(text: str) -> str:
    """A value as printed: dotted leaders and stray punctuation at the ends removed, single spaces, NFC."""
    kept = []
    tokens = squash(text).split(" ")
    for i, token in enumerate(tokens):
        if token in ("-", "–", "—") and kept and _word(kept[-1], figures=True) and i + 1 < len(tokens) \
                and _word(tokens[i + 1]):
            kept.append("-")  # a dash inside a name ("Bà Rịa - Vũng Tàu", "khu vực 1 - Quảng Ninh"), no leader
            continue
        if is_leader(token):
            continue
        token = _TAIL_LEADER.sub("", _HEAD_LEADER.sub("", token))
        # Leaders glued inside a token ("A....B") become a space.
        token = re.sub(rf"[{re.escape(_DOTS)}]{{2,}}", " ", token)
        if token.strip():
            kept.append(token.strip())
    return squash(" ".join(kept)).strip(_LEADER_CHARS + " ")


VIETNAMESE_LETTERS = "a-zA-Zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ" + (
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)

_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
_VOWEL = "aăâeêioôơuưy"
_SYLLABLE = re.compile(rf"^({_ONSETS})?[{_VOWEL}]{{1,3}}(ch|ng|nh|[cmnpt])?$")


def is_syllable(word: str) -> bool:
    """Whether ``word`` is shaped like one Vietnamese syllable (onset, 1–3 vowels, coda, ≤ 1 tone)."""
    lower = nfc(word).lower()
    if tone_count(lower) > 1:
        return False
    decomposed = unicodedata.normalize("NFD", lower)
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
    return bool(_SYLLABLE.match(base))


_NUMBERISH = re.compile(r"^[\d/.\-]+$")
_ABBREVIATIONS = {"tp", "tp.", "tx", "tx.", "tt", "tt.", "ubnd", "t.", "h.", "q.", "p."}


def odd_words(text: str) -> list[str]:
    """Words of ``text`` that are neither Vietnamese syllables, numbers nor common abbreviations: signs of
    OCR errors (``thịxã``, ``Qu4ng``) in free text."""
    odd = []
    for word in squash(text).split(" "):
        bare = word.strip(",.;:()\"'")
        if not bare or _NUMBERISH.match(bare) or bare.lower() in _ABBREVIATIONS or word.lower() in _ABBREVIATIONS:
            continue
        if "-" in bare and all(is_syllable(p) for p in bare.split("-") if p):
            continue
        if not is_syllable(bare):
            odd.append(word)
    return odd


_DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def _phrase_pairs() -> dict[str, dict[str, str]]:
    """Folded pairs of adjacent words of the known phrases (extractors/data/phrases.yaml) → {canonical
    spelling: printed spelling}."""
    with (_DATA / "phrases.yaml").open(encoding="utf-8") as fh:
        phrases = yaml.safe_load(fh)["phrases"]
    table: dict[str, dict[str, str]] = {}
    for phrase in phrases:
        words = nfc(phrase).split()
        for a, b in zip(words, words[1:], strict=False):
            table.setdefault(fold(f"{a} {b}"), {})[canonical(f"{a} {b}")] = f"{a} {b}"
    return table


def _like_case(word: str, model: str) -> str:
    if model.isupper():
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def check_phrases(text: str) -> tuple[str, list[str]]:
    """(text with repairs, suspect pairs): adjacent words whose letters form a known pair of words
    (``bổ sung``) but whose accents match none of its spellings (``Bố sung``). A pair with exactly one
    known spelling is put back to it, keeping the printed capitals."""
    pairs = _phrase_pairs()
    words = text.split(" ")
    suspect: list[str] = []
    for i in range(len(words) - 1):
        a, b_printed = words[i], words[i + 1]
        b = b_printed.rstrip(",.;:)")
        tail = b_printed[len(b):]
        if not (a.isalpha() and b.isalpha()):
            continue
        known = pairs.get(fold(f"{a} {b}"))
        if not known or canonical(f"{a} {b}") in known:
            continue
        suspect.append(f"{a} {b}")
        if len(known) == 1:
            good_a, good_b = next(iter(known.values())).split(" ")
            words[i], words[i + 1] = _like_case(good_a, a), _like_case(good_b, b) + tail
    return " ".join(words), suspect
