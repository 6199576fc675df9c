"""Drawing pieces the round-4 families share: a label with a dotted leader running to the value's tab stop, a
label set flush right against a column of colons, an underlined heading, and
the registration of a re-registered act."""

from __future__ import annotations

import random
from datetime import date

from samples import places
from samples.canvas import Page
from samples.doc import Doc


def leader_tab(page: Page, x: float, tab: float, x_end: float, y: float, label: str, value: str | None, pt: float,
               line: float, value_style: str, label_style: str = "regular") -> float:
    """``label`` at x, dots from the label to the tab stop, the value from the tab (wrapped lines under its
    first character, no dots after it). Returns the next baseline."""
    end = page.text(x, y, label, label_style, pt, record=False)
    page.dots(end + 1.0, tab - 1.5, y, pt)
    lines = page.wrap(value, x_end - tab, x_end - tab, value_style, pt) if value else [""]
    page.text(tab, y, lines[0], value_style, pt, record=False)
    page.record(f"{label}: {lines[0]}".rstrip(), x, y)
    for text in lines[1:]:
        y += line
        page.text(tab, y, text, value_style, pt)
    return y + line


def colon_row(page: Page, colon_x: float, x_end: float, y: float, label: str, value: str | None, pt: float,
              line: float, value_style: str, label_style: str = "bold") -> float:
    """``label:`` set flush right so that its colon stands at ``colon_x``, the value from just right of it
    (wrapped lines under the value). Returns the next baseline."""
    page.text(colon_x, y, f"{label}:", label_style, pt, align="right")
    if not value:
        return y + line
    start = colon_x + 2.5
    for text in page.wrap(value, x_end - start, x_end - start, value_style, pt):
        page.text(start, y, text, value_style, pt)
        y += line
    return y


def underlined(page: Page, x: float, y: float, text: str, pt: float, style: str = "bold") -> None:
    end = page.text(x, y, text, style, pt)
    page.hline(x, end, y + 1.0, 0.25)



def register_again(rng: random.Random, doc: Doc, registered: date) -> places.Locality | None:
    """Date ``doc``'s registration ``registered`` (a re-registration). After the 2025 reform the commune that
    registered first no longer exists under its name: a commune of the new units registers, and the page prints
    its header, seal and place (returned); before it the same commune does (None)."""
    doc.fields["registration_date"] = registered.isoformat()
    if registered < places.REFORM:
        return None
    loc = places.locality(rng, registered)
    doc.fields["registration_authority"] = loc.authority()
    doc.show |= {"header": loc.header_lines(), "seal": loc.seal_text(),
                 "place": loc.place if rng.random() < 0.6 else "Quảng Ninh"}
    return loc
