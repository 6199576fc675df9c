"""The visible stamp of DOMAIN.md ("The digitized copy"): top right of page 1, no image, three lines
(copy form, agency, signing time ``hh:mm:ss dd/mm/yyyy +07:00``), Times-like type (Tinos or Liberation
Serif, embedded and subset by pyHanko's OpenType support, so Vietnamese glyphs show), 10 pt, black."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pyhanko.pdf_utils.content import RawContent
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
from pyhanko.pdf_utils.layout import AxisAlignment, BoxConstraints, InnerScaling, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.stamp import TextStampStyle

COPY_FORMS = ("SAO Y", "SAO LỤC", "TRÍCH SAO")
VIETNAM_TZ = dt.timezone(dt.timedelta(hours=7), "+07:00")  # no daylight saving time in Vietnam
FONT_SIZE = 10
STAMP_WIDTH = 180  # pt
STAMP_HEIGHT = 56  # pt: three 10 pt lines (12 pt leading) + padding
MARGIN = 18  # pt from the top and right edges of the page



def normalize_copy_form(text: str) -> str:
    import unicodedata

    norm = unicodedata.normalize("NFC", " ".join(text.split())).upper()
    if norm not in COPY_FORMS:
        raise ValueError(f"copy form must be one of {', '.join(COPY_FORMS)}, not {text!r}")
    return norm


def vietnam_time(moment: dt.datetime) -> str:
    """``hh:mm:ss dd/mm/yyyy +07:00``."""
    return moment.astimezone(VIETNAM_TZ).strftime("%H:%M:%S %d/%m/%Y +07:00")


PDF_GLYPH_UNITS = 1000


class ThousandUnitGlyphAccumulator(GlyphAccumulator):
    """pyHanko's GlyphAccumulator writes /W widths and TJ adjustments in the font's own units, which is
    right only for fonts with 1000 units per em. Tinos and Liberation Serif have 2048, so every glyph
    would be spaced about twice too wide. Shaping in a 1000-unit space (HarfBuzz scale) and scaling the
    widths to match makes /W, TJ and the line advance all agree with PDF's 1/1000 text-space units."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._font_units = self.units_per_em
        self.hb_font.scale = (PDF_GLYPH_UNITS, PDF_GLYPH_UNITS)
        self.units_per_em = PDF_GLYPH_UNITS

    def _get_cid_and_width(self, glyph_id: int) -> tuple[int, int]:
        if glyph_id in self._glyphs:
            return self._glyphs[glyph_id]
        cid, width = super()._get_cid_and_width(glyph_id)
        scaled = round(width * PDF_GLYPH_UNITS / self._font_units)
        self._glyphs[glyph_id] = (cid, scaled)
        return cid, scaled


@dataclass(frozen=True)
class ThousandUnitGlyphAccumulatorFactory(GlyphAccumulatorFactory):
    def create_font_engine(self, writer, obj_stream=None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return ThousandUnitGlyphAccumulator(
            writer=writer,
            font_handle=open(self.font_file, "rb"),  # noqa: SIM115 - kept open by the engine, as in pyHanko
            font_size=self.font_size,
            obj_stream=obj_stream,
        )


def stamp_style(font_path: Path, opaque: bool = True) -> TextStampStyle:
    """The stamp style; ``font_path`` from ``fonts.stamp_font(text)``. Text parameters: ``copy_form``,
    ``agency`` and ``when`` (``vietnam_time`` of the signing time, the same instant as the CMS
    signingTime). ``opaque=False`` (a later signature's stamp): no white box, so that it never hides what
    an earlier signer saw on the page."""
    font = ThousandUnitGlyphAccumulatorFactory(str(font_path), font_size=FONT_SIZE)
    # an opaque white box (a fill, not an image) keeps the stamp legible over a scanned page
    background = dict(
        background=RawContent(b"1 1 1 rg 0 0 100 100 re f", box=BoxConstraints(width=100, height=100)),
        background_layout=SimpleBoxLayoutRule(  # MIN, not MID: no float-rounding "too wide" warning
            x_align=AxisAlignment.ALIGN_MIN,
            y_align=AxisAlignment.ALIGN_MIN,
            margins=Margins.uniform(0),
            inner_content_scaling=InnerScaling.STRETCH_FILL,
        ),
        background_opacity=1.0,
    ) if opaque else dict(background=None)
    return TextStampStyle(
        stamp_text="%(copy_form)s\n%(agency)s\n%(when)s",
        text_box_style=TextBoxStyle(
            font=font,
            font_size=FONT_SIZE,
            leading=12,
            text_color=(0, 0, 0),
            box_layout_rule=SimpleBoxLayoutRule(
                x_align=AxisAlignment.ALIGN_MIN, y_align=AxisAlignment.ALIGN_MID, margins=Margins(2, 2, 2, 2)
            ),
        ),
        inner_content_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN,
            y_align=AxisAlignment.ALIGN_MID,
            margins=Margins(left=6, right=6, top=3, bottom=3),
            inner_content_scaling=InnerScaling.SHRINK_TO_FIT,  # only a very long agency name shrinks
        ),
        border_width=1,
        border_color=(0, 0, 0),
        **background,
    )


STAMP_GAP = 6  # pt between stacked stamps


def stamp_box(page_box: tuple[float, float, float, float], slot: int = 0) -> tuple[int, int, int, int]:
    """The stamp rectangle (x1, y1, x2, y2) at the top right of a page with the given media box; ``slot``
    n > 0 (the page's n-th earlier signature) stacks it below the earlier stamps, so that a later signature
    never covers an earlier one (the verifier would rightly call that a visible change)."""
    x0, y0, x1, y1 = page_box
    right = x1 - MARGIN
    per_column = max(int((y1 - y0 - 2 * MARGIN) // (STAMP_HEIGHT + STAMP_GAP)), 1)
    top = y1 - MARGIN - (slot % per_column) * (STAMP_HEIGHT + STAMP_GAP)
    width = min(STAMP_WIDTH, (x1 - x0) - 2 * MARGIN)
    return (int(right - width), int(top - STAMP_HEIGHT), int(right), int(top))
