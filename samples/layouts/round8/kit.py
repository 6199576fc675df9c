"""Drawing pieces the round-8 families share: a table of labels and values without rules (the labels in one
column, each value starting at the same tab stop and wrapping inside its own column)."""

from __future__ import annotations

from samples.canvas import Page


def label_table(page: Page, x_label: float, x_value: float, x_end: float, y: float,
                rows: list[tuple[str, str | None]], pt: float, line: float, value_style: str,
                name_style: str, names: frozenset[str] = frozenset()) -> float:
    """Rows of a label (regular) and its value (``value_style``, ``name_style`` for the labels in ``names``)
    at the tab stop ``x_value``; no colon, no leaders, no rules. Returns the next baseline."""
    for label, value in rows:
        labels = page.wrap(label, x_value - x_label - 3, x_value - x_label - 3, "regular", pt)
        style = name_style if label in names else value_style
        values = page.wrap(value or "", x_end - x_value, x_end - x_value, style, pt) if value else []
        for k, text in enumerate(labels):
            page.text(x_label, y + k * line, text, "regular", pt)
        for k, text in enumerate(values):
            page.text(x_value, y + k * line, text, style, pt)
        y += max(len(labels), len(values), 1) * line
    return y
