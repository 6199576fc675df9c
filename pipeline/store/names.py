"""Name forms for search: a folded form without diacritics and a tone-placement independent key.

Vietnamese names are printed in uppercase (CONTRACT.md); people type them in any case, with or without
diacritics, and with either tone-mark style (``HÒA`` / ``HOÀ``). Two forms are stored and compared:

- ``fold_name``: uppercase ASCII, no diacritics, ``Đ`` → ``D`` (unicodedata does not decompose ``Đ``),
  single spaces. "nguyen thi thu huong" and "NGUYỄN THỊ THU HƯƠNG" fold to the same string.
- ``name_key``: uppercase with vowel marks kept (``Â Ê Ô Ơ Ư Ă Đ``) and each word's tone mark moved to a
  digit at the end of the word, so both tone-mark styles give the same key.
"""

from __future__ import annotations

import unicodedata

# Tone marks as combining characters → a digit (VNI order: sắc, huyền, hỏi, ngã, nặng).
_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_D_MAP = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D"})


def clean_spaces(text: str) -> str:
    return " ".join(text.split())


def normalize_name(name: str) -> str:
    """Uppercase NFC with single spaces: the contract's form of a person's name."""
    return unicodedata.normalize("NFC", clean_spaces(name)).upper()


def fold_name(name: str) -> str:
    """Uppercase ASCII without diacritics: the search form of a name."""
    decomposed = unicodedata.normalize("NFD", normalize_name(name).translate(_D_MAP))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def has_diacritics(text: str) -> bool:
    return fold_name(text) != normalize_name(text)


def word_key(word: str) -> str:
    """One word's key: vowel marks kept, its tone mark as a digit at the end."""
    tone = ""
    kept = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONES:
            tone = _TONES[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)) + tone


def name_key(name: str) -> str:
    """Uppercase with vowel marks, tone digit at the end of each word: equal for both tone styles."""
    return " ".join(word_key(word) for word in normalize_name(name).split(" ") if word)
