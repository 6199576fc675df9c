"""Drawing pieces the round-5 families share: a label with its value at a tab stop (the value wrapped under its
first character), a label in small capitals, a bilingual label (Vietnamese over English). The wrapper that
adjusts a type's built documents of some families is ``samples.layouts.common.adjusting``."""

from __future__ import annotations

from samples.canvas import Page


def at_tab(page: Page, x: float, tab: float, x_end: float, y: float, label: str, value: str | None, pt: float,
           line: float, value_style: str, label_style: str = "regular", label_pt: float | None = None,
           colon: bool = True) -> float:
    """``label`` at x, the value from ``tab`` (no leaders), wrapped lines under the value's first character.
    The page text reads ``label: value`` (the label and the value are recorded apart, the value's lines as one
    column). Returns the next baseline."""
    page.text(x, y, f"{label}:" if colon else label, label_style, label_pt or pt)
    lines = page.wrap(value, x_end - tab, x_end - tab, value_style, pt) if value else [""]
    page.text(tab, y, lines[0], value_style, pt)
    for text in lines[1:]:
        y += line
        page.text(tab, y, text, value_style, pt)
    return y + line


def small_caps(label: str) -> str:
    """The label as the e-copies print it: in capitals (set in a smaller size by the caller)."""
    return label.upper()


def bilingual(page: Page, x: float, tab: float, x_end: float, y: float, vietnamese: str, english: str,
              value: str | None, pt: float, line: float, value_style: str) -> float:
    """The Vietnamese label with the value at ``tab``, the English label in small italics under the Vietnamese
    one. Returns the next baseline, below both the English label and the value's last line."""
    end = at_tab(page, x, tab, x_end, y, vietnamese, value, pt, line, value_style)
    page.text(x, y + line * 0.62, english, "italic", pt - 2.5)
    return max(end, y + line * 0.62 + line * 0.85)
