"""A page to draw on in millimetres (logical A4 coordinates), rendered with Pillow at a given dpi.

Every piece of text drawn is also recorded with its position, for the truth's page text: pieces on the same
baseline make one line, read left to right, lines top to bottom (as OCR reads a page). Dotted leaders are not
part of the recorded text: a field reads ``label: value``.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from samples.vntext import nfc

INK = (20, 20, 24)
FONT_CANDIDATES: dict[str, list[str]] = {
    "regular": ["croscore/Tinos-Regular.ttf", "liberation2/LiberationSerif-Regular.ttf",
                "noto/NotoSerif-Regular.ttf", "dejavu/DejaVuSerif.ttf"],
    "bold": ["croscore/Tinos-Bold.ttf", "liberation2/LiberationSerif-Bold.ttf", "noto/NotoSerif-Bold.ttf",
             "dejavu/DejaVuSerif-Bold.ttf"],
    "italic": ["croscore/Tinos-Italic.ttf", "liberation2/LiberationSerif-Italic.ttf",
               "noto/NotoSerif-Italic.ttf", "dejavu/DejaVuSerif-Italic.ttf"],
    "bolditalic": ["croscore/Tinos-BoldItalic.ttf", "liberation2/LiberationSerif-BoldItalic.ttf",
                   "noto/NotoSerif-BoldItalic.ttf", "dejavu/DejaVuSerif-BoldItalic.ttf"],
    # The values "typed" on a form: Liberation Serif 2 first, so that labels and values differ slightly.
    "typed": ["liberation2/LiberationSerif-Regular.ttf", "croscore/Tinos-Regular.ttf",
              "noto/NotoSerif-Regular.ttf", "dejavu/DejaVuSerif.ttf"],
    "typedbold": ["liberation2/LiberationSerif-Bold.ttf", "croscore/Tinos-Bold.ttf", "noto/NotoSerif-Bold.ttf",
                  "dejavu/DejaVuSerif-Bold.ttf"],
    # Old certificates were filled in on a typewriter.
    "typewriter": ["freefont/FreeMono.ttf", "croscore/Cousine-Regular.ttf",
                   "liberation2/LiberationMono-Regular.ttf", "dejavu/DejaVuSansMono.ttf"],
    "typewriterbold": ["freefont/FreeMonoBold.ttf", "croscore/Cousine-Bold.ttf",
                       "liberation2/LiberationMono-Bold.ttf", "dejavu/DejaVuSansMono-Bold.ttf"],
    "sans": ["croscore/Arimo-Regular.ttf", "liberation2/LiberationSans-Regular.ttf", "noto/NotoSans-Regular.ttf",
             "dejavu/DejaVuSans.ttf"],
    "sansbold": ["croscore/Arimo-Bold.ttf", "liberation2/LiberationSans-Bold.ttf", "noto/NotoSans-Bold.ttf",
                 "dejavu/DejaVuSans-Bold.ttf"],
}
FONT_ROOT = Path("/usr/share/fonts/truetype")


@cache
def font_path(style: str) -> Path:
    for candidate in FONT_CANDIDATES[style]:
        path = FONT_ROOT / candidate
        if path.is_file():
            return path
    raise FileNotFoundError(f"no font with Vietnamese glyphs found for style {style!r} under {FONT_ROOT}")


@lru_cache(maxsize=256)
def _font(style: str, size_px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(style)), size_px)


class Page:
    """A drawing surface of ``width_mm`` x ``height_mm`` at ``dpi``; y is the text baseline in mm."""

    def __init__(self, width_mm: float, height_mm: float, dpi: int, paper: tuple[int, int, int] = (255, 255, 255)):
        self.width_mm = width_mm
        self.height_mm = height_mm
        self.dpi = dpi
        self.image = Image.new("RGB", (self.px(width_mm), self.px(height_mm)), paper)
        self.draw = ImageDraw.Draw(self.image)
        self.pieces: list[tuple[float, float, str]] = []  # (baseline y, left x, text) in mm
        # What "typed" values are drawn with; a typewritten form maps them to the typewriter faces.
        self.value_fonts: dict[str, str] = {}

    # -- units -----------------------------------------------------------------------------------
    def px(self, mm: float) -> int:
        return round(mm * self.dpi / 25.4)

    def font(self, style: str, pt: float) -> ImageFont.FreeTypeFont:
        return _font(style, max(4, round(pt * self.dpi / 72)))

    def width(self, text: str, style: str = "regular", pt: float = 13) -> float:
        """Advance width of ``text`` in mm."""
        return self.font(style, pt).getlength(nfc(text)) * 25.4 / self.dpi

    # -- recording -------------------------------------------------------------------------------
    def record(self, text: str, x: float, y: float) -> None:
        """Note ``text`` as printed at left x and baseline y (mm)."""
        text = " ".join(nfc(text).split())
        if text:
            self.pieces.append((y, x, text))

    def text_content(self, tolerance: float = 1.0) -> str:
        """The recorded text: pieces whose baselines are within ``tolerance`` mm form one line, left to right."""
        lines: list[list[tuple[float, float, str]]] = []
        for piece in sorted(self.pieces):
            if lines and piece[0] - lines[-1][0][0] <= tolerance:
                lines[-1].append(piece)
            else:
                lines.append([piece])
        return "\n".join(" ".join(t for _, _, t in sorted(line, key=lambda p: p[1])) for line in lines)

    # -- drawing ---------------------------------------------------------------------------------
    def text(self, x: float, y: float, text: str, style: str = "regular", pt: float = 13, align: str = "left",
             color: tuple[int, int, int] = INK, record: bool = True) -> float:
        """Draw ``text`` with its baseline at y; returns the x (mm) where it ends."""
        text = nfc(text)
        anchor = {"left": "ls", "center": "ms", "right": "rs"}[align]
        self.draw.text((self.px(x), self.px(y)), text, font=self.font(style, pt), fill=color, anchor=anchor)
        w = self.width(text, style, pt)
        left = {"left": x, "center": x - w / 2, "right": x - w}[align]
        if record:
            self.record(text, left, y)
        return left + w

    def dots(self, x0: float, x1: float, y: float, pt: float = 13) -> None:
        """A dotted leader of period characters from x0 to x1 on the baseline y, as the civil-status software
        prints it (Tesseract reads such leaders as text; drawn dot patterns break its page layout analysis)."""
        period = self.width(".", "regular", pt)
        count = int((x1 - x0) / period)
        if count > 0:
            self.text(x0, y, "." * count, "regular", pt, color=(70, 70, 75), record=False)

    def hline(self, x0: float, x1: float, y: float, width: float = 0.25, color: tuple[int, int, int] = INK) -> None:
        self.draw.line((self.px(x0), self.px(y), self.px(x1), self.px(y)), fill=color, width=max(1, self.px(width)))

    def vline(self, x: float, y0: float, y1: float, width: float = 0.25, color: tuple[int, int, int] = INK) -> None:
        self.draw.line((self.px(x), self.px(y0), self.px(x), self.px(y1)), fill=color, width=max(1, self.px(width)))

    def rect(self, x0: float, y0: float, x1: float, y1: float, outline: tuple[int, int, int] | None = INK,
             fill: tuple[int, int, int] | None = None, width: float = 0.25) -> None:
        self.draw.rectangle((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), outline=outline, fill=fill,
                            width=max(1, self.px(width)))

    def wrap(self, text: str, first_width: float, width: float, style: str, pt: float) -> list[str]:
        """Break ``text`` at spaces into lines: the first ``first_width`` mm wide, the next ``width`` mm."""
        lines: list[str] = []
        current = ""
        limit = first_width
        for word in nfc(text).split():
            candidate = f"{current} {word}".strip()
            if current and self.width(candidate, style, pt) > limit:
                lines.append(current)
                current = word
                limit = width
            else:
                current = candidate
        lines.append(current)
        return lines

    def field(self, x: float, y: float, label: str, value: str, x_end: float, pt: float = 13,
              value_style: str = "typed", line_h: float = 7.6, label_style: str = "regular",
              indent: float = 0.0, cont_x: float | None = None, leader: bool = True, colon: bool = True,
              below: bool = False) -> float:
        """``label:`` then the value typed on the same line, and a dotted leader from the value to x_end.

        A value too long for the line continues on the next lines (from ``cont_x``, default x + indent), each
        with its leader. ``leader=False`` draws no leaders, ``colon=False`` no colon after the label,
        ``below=True`` puts the label on its own line and the value from the next line on (at ``cont_x``).
        Returns the baseline of the next line.
        """
        cont = x + indent if cont_x is None else cont_x
        value_style = self.value_fonts.get(value_style, value_style)
        label = nfc(label).rstrip(":") + (":" if colon else "")
        after = self.text(x, y, label, label_style, pt, record=False)
        if below:
            self.record(label, x, y)
            y += line_h
            start = cont
            after = cont - 0.8
        else:
            start = after + 1.6
        lines = self.wrap(value, x_end - start - 3, x_end - cont - 3, value_style, pt) if value else [""]
        end = self.text(start, y, lines[0], value_style, pt, record=False)
        if leader:
            self.dots(end + 0.8 if lines[0] else after + 0.8, x_end, y, pt)
        self.record(lines[0] if below else f"{label} {lines[0]}", start if below else x, y)
        for line in lines[1:]:
            y += line_h
            end = self.text(cont, y, line, value_style, pt)
            if leader:
                self.dots(end + 0.8, x_end, y, pt)
        return y + line_h

    def paste_rgba(self, layer: Image.Image, x: float, y: float) -> None:
        """Alpha-composite an RGBA image with its top-left corner at (x, y) mm."""
        self.image.paste(layer, (self.px(x), self.px(y)), layer)
