"""Numbers as Vietnamese readers write them: a point between thousands, a comma before decimals
(``1.234,5``), a space before the percent sign (``86,1 %``), seconds as ``8,2 giây``."""

from __future__ import annotations


def vn_number(value: float | int | None, digits: int = 0) -> str:
    """``1234.5`` → ``1.234,5`` (``digits`` decimals; an integer shows none); None → ``—``."""
    if value is None:
        return "—"
    text = f"{value:,.{digits}f}" if isinstance(value, float) or digits else f"{value:,}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def vn_percent(fraction: float | None, digits: int = 1) -> str:
    """A share (0..1) as a percentage: ``0.861`` → ``86,1 %``; a whole percentage shows no decimals."""
    if fraction is None:
        return "—"
    percent = round(fraction * 100, digits)
    return f"{vn_number(percent, 0 if percent == int(percent) else digits)} %"


def vn_seconds(seconds: float | None) -> str:
    """``8.178`` → ``8,2 giây``, ``2.0`` → ``2 giây`` (one decimal at most)."""
    if seconds is None:
        return "—"
    rounded = round(seconds, 1)
    return f"{vn_number(rounded, 0 if rounded == int(rounded) else 1)} giây"
