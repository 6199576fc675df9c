"""Drawing pieces the round-7 families share: a date of the truth in figures, a ruled grid of label and value
rows under a section heading that spans it, and the committee of a district (the level that recorded the
papers of citizens abroad and of late registrations until the districts were abolished on 1 July 2025)."""

from __future__ import annotations

from datetime import date

from samples import places
from samples.canvas import Page
from samples.layouts.form_extras import Cell, grid
from samples.vntext import date_figures


def figures(iso: str | None) -> str:
    """A truth date (ISO) as the papers print it: '05/02/2024'; '' for none."""
    return date_figures(date.fromisoformat(iso)) if iso else ""


def labelled_grid(page: Page, x0: float, top: float, heading: str | None, rows: list[tuple[str, str | None]],
                  widths: tuple[float, float], pt: float, value_style: str, name_style: str,
                  names: frozenset[str] = frozenset()) -> float:
    """A ruled grid of two columns, a label cell and a value cell per row, under an optional bold heading cell
    that spans both; the rows whose label is in ``names`` get ``name_style``. Returns the bottom rule."""
    cells = [[Cell(heading, "bold", sum(widths))]] if heading else []
    cells += [[Cell(label, "regular", widths[0]), Cell(value or "", name_style if label in names else value_style,
                                                        widths[1])] for label, value in rows]
    return grid(page, x0, top, cells, pt)


def district_committee(loc: places.Locality) -> tuple[str, list[str], str]:
    """The authority, the header lines and the seal text of the committee of ``loc``'s district (of the commune
    itself after the 2025 reform)."""
    if not loc.district:
        return loc.authority(), loc.header_lines(), loc.seal_text()
    return (f"Ủy ban nhân dân {loc.district}, {places.PROVINCE}", ["ỦY BAN NHÂN DÂN", loc.district.upper()],
            f"ỦY BAN NHÂN DÂN {loc.district.upper()} * T. QUẢNG NINH")
