"""What a value kind returns: the normalised value, whether it is valid for its kind, and how sure."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel


class KindResult(BaseModel):
    """``value`` in the contract's format (None when nothing usable was read).

    ``valid``: the value is well formed for its kind (a real date, a known ethnic group, …).
    ``quality``: 1.0 for a clean read, lower when characters had to be repaired or the match was fuzzy.
    """

    value: str | None = None
    valid: bool = False
    quality: float = 0.0
    repaired: bool = False
    note: str | None = None
    closed: bool = False  # read exactly as one entry of a small closed list (Nam/Nữ, an ethnic group)


def invalid(note: str, value: str | None = None) -> KindResult:
    return KindResult(value=value, valid=False, quality=0.0, note=note)


KindParser = Callable[[str], KindResult]
