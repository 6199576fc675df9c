"""Drawing pieces the round-3 families share: a shaded section bar, a label with its value at a tab stop, a
label with its value set flush right, and the identity-paper text."""

from __future__ import annotations

from samples.canvas import Page

BAR_GREY = (228, 228, 228)


def bar(page: Page, x0: float, x1: float, y: float, text: str, pt: float) -> float:
    """A shaded bar across the column with ``text`` in bold capitals; ``y`` is the bar's baseline. Returns the
    baseline of the first line below it."""
    height = pt * 0.5
    page.rect(x0, y - height + 0.4, x1, y + 1.8, outline=None, fill=BAR_GREY)
    page.text(x0 + 2, y, text, "bold", pt)
    return y + height + 3.6


def tab_row(page: Page, x: float, tab: float, x_end: float, y: float, label: str, value: str | None, pt: float,
            line: float, value_style: str, label_style: str = "regular") -> float:
    """``label:`` at x, the value from the tab stop, wrapped lines under the value's first character (no
    leaders). Returns the next baseline."""
    page.text(x, y, f"{label}:", label_style, pt)
    if value:
        for text in page.wrap(value, x_end - tab, x_end - tab, value_style, pt):
            page.text(tab, y, text, value_style, pt)
            y += line
        return y
    return y + line


def right_row(page: Page, x: float, x_end: float, y: float, label: str, value: str | None, pt: float, line: float,
              value_style: str, label_style: str = "regular") -> float:
    """``label:`` at x and the value set flush right at x_end; a long value wraps, every line flush right.
    Returns the next baseline."""
    after = page.text(x, y, f"{label}:", label_style, pt)
    if value:
        first = x_end - after - 6
        for text in page.wrap(value, first, min(first + 25, x_end - x - 10), value_style, pt):
            page.text(x_end, y, text, value_style, pt, align="right")
            y += line
        return y
    return y + line


def id_paper(id_word: str, number: str | None) -> str | None:
    """'CCCD số 022190001234' (None when no number is printed)."""
    return f"{id_word} {number}" if number else None
