"""The archive copy: PDF/A-2b with the page images (JPEG: colour, or grey where the page has no colour) and an
invisible text layer placed from the same OCR words, XMP metadata and an sRGB output intent, the font embedded.

Each page is first written as a small one-page PDF by the worker that OCRed it (``write_page_pdf``); the parent
joins them with qpdf's job interface and adds the PDF/A parts (``assemble_pdfa``). Stream data are copied from the
page files when the result is written, so memory stays flat however many pages a file has.
"""

from __future__ import annotations

import io
import zlib
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pikepdf
from pikepdf import Array, Dictionary, Name
from PIL import Image, ImageCms

from pipeline.models import Line, Word

if TYPE_CHECKING:
    from pipeline.mixed_raster import MixedRaster

FONT_PATH = Path(__file__).parent / "data" / "glyphless.ttf"
FONT_NAME = "GlyphLessFont"
CHAR_WIDTH = 0.5  # the glyphless font's advance, in em
JPEG_QUALITY = 50
ARCHIVE_SOFTEN_SIGMA = 0.6  # a faint blur takes scanner grain off the ink: ~20% smaller JPEG, text still crisp


def encode_jpeg(rgb: np.ndarray, mode: str, dpi: int) -> bytes:
    """The image of a page (the extractors' and the review's, and the archive copy's where a page is not mixed
    raster content): baseline JPEG with optimised Huffman tables (colour, or grey when the page has no colour), 4:2:0
    chroma. Measured on 200-dpi A4 scans: ~130 kB a page. Not progressive: that made it 8 % smaller but took 2.3
    times as long to encode (0.28 against 0.12 s a page under load), and most pages' archive copy is mixed raster
    content anyway."""
    import cv2

    soft = cv2.GaussianBlur(rgb, (0, 0), ARCHIVE_SOFTEN_SIGMA)
    image = Image.fromarray(soft)
    if mode == "grey":
        image = image.convert("L")
    buf = io.BytesIO()
    image.save(
        buf, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=False, subsampling=2, dpi=(dpi, dpi)
    )
    return buf.getvalue()


@lru_cache(maxsize=1)
def _cid_to_gid_map() -> bytes:
    # Every CID (a UTF-16 code unit) shows glyph 1, the blank glyph: never .notdef (PDF/A-2, 6.2.11.8).
    return zlib.compress(b"\x00\x01" * 65536, 9)


TO_UNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def _font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    font_file = pikepdf.Stream(pdf, FONT_PATH.read_bytes())
    font_file.Length1 = len(FONT_PATH.read_bytes())
    descriptor = Dictionary(
        Type=Name.FontDescriptor,
        FontName=Name("/" + FONT_NAME),
        Flags=5,
        FontBBox=Array([0, 0, 500, 1000]),
        ItalicAngle=0,
        Ascent=1000,
        Descent=0,
        CapHeight=1000,
        StemV=80,
        FontFile2=pdf.make_indirect(font_file),
    )
    cid_map = pikepdf.Stream(pdf, _cid_to_gid_map())
    cid_map.Filter = Name.FlateDecode
    descendant = Dictionary(
        Type=Name.Font,
        Subtype=Name.CIDFontType2,
        BaseFont=Name("/" + FONT_NAME),
        CIDSystemInfo=Dictionary(Registry="Adobe", Ordering="Identity", Supplement=0),
        FontDescriptor=pdf.make_indirect(descriptor),
        DW=int(CHAR_WIDTH * 1000),
        CIDToGIDMap=pdf.make_indirect(cid_map),
    )
    to_unicode = pikepdf.Stream(pdf, TO_UNICODE)
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.Type0,
            BaseFont=Name("/" + FONT_NAME),
            Encoding=Name("/Identity-H"),
            DescendantFonts=Array([pdf.make_indirect(descendant)]),
            ToUnicode=pdf.make_indirect(to_unicode),
        )
    )


def _utf16_hex(text: str) -> str:
    return "".join(f"{ord(c):04X}" for c in text if ord(c) <= 0xFFFF)


def text_layer(words: list[Word], lines: list[Line], page_height_px: int, dpi: int) -> bytes:
    """Content stream drawing every OCR word invisibly (render mode 3) over its box, a line at a time; each word
    but the last of its line carries its trailing space so text extraction gives spaced words."""
    k = 72.0 / dpi
    ops = ["BT", "3 Tr"]
    for line in lines:
        members = [words[i] for i in line.words]
        if not members:
            continue
        ly0, ly1 = line.bbox[1], line.bbox[3]
        size = max(1.0, (ly1 - ly0) * k)
        baseline = (page_height_px - ly1) * k + size * 0.15
        for n, word in enumerate(members):
            text = word.text
            x0 = word.bbox[0]
            x1 = members[n + 1].bbox[0] if n + 1 < len(members) else word.bbox[2]
            if n + 1 < len(members):
                text += " "
            hexed = _utf16_hex(text)
            if not hexed:
                continue
            width = max(1.0, (x1 - x0) * k)
            scale = 100.0 * width / (len(hexed) // 4 * size * CHAR_WIDTH)
            ops.append(
                f"/F1 {size:.2f} Tf {scale:.2f} Tz 1 0 0 1 {x0 * k:.2f} {baseline:.2f} Tm <{hexed}> Tj"
            )
    ops.append("ET")
    return "\n".join(ops).encode("ascii")


def write_page_pdf(
    out: Path,
    jpeg: bytes,
    mode: str,
    width_px: int,
    height_px: int,
    dpi: int,
    words: list[Word],
    lines: list[Line],
    layers: MixedRaster | None = None,
) -> None:
    """One page: the image filling the page at its resolution, the invisible words on top. With ``layers``
    (``pipeline.mixed_raster.split`` of the same image) the page is drawn from those instead of ``jpeg``: the
    low-resolution background, then the text layer as a stencil mask painted in the ink's colour."""
    pdf = pikepdf.new()
    w_pt, h_pt = width_px * 72.0 / dpi, height_px * 72.0 / dpi
    place = f"{w_pt:.3f} 0 0 {h_pt:.3f} 0 0 cm"
    if layers is None:
        images = {"/Im0": _jpeg_image(pdf, jpeg, width_px, height_px, mode)}
        draw = f"q {place} /Im0 Do Q\n"
    else:
        images = {
            "/Im0": _jpeg_image(pdf, layers.background_jpeg, layers.background_width, layers.background_height,
                                layers.background_mode),
            "/Im1": _stencil_mask(pdf, layers),
        }
        r, g, b = layers.ink
        fill = f"{r:.3f} {g:.3f} {b:.3f} rg" if layers.background_mode == "colour" else f"{r:.3f} g"
        draw = f"q {place} /Im0 Do Q\nq {fill} {place} /Im1 Do Q\n"
    content = pikepdf.Stream(pdf, draw.encode("ascii") + text_layer(words, lines, height_px, dpi))
    page = Dictionary(
        Type=Name.Page,
        MediaBox=Array([0, 0, round(w_pt, 3), round(h_pt, 3)]),
        Resources=Dictionary(
            XObject=Dictionary({name: pdf.make_indirect(image) for name, image in images.items()}),
            Font=Dictionary(F1=_font(pdf)),
        ),
        Contents=pdf.make_indirect(content),
    )
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(out, compress_streams=True)


def _jpeg_image(pdf: pikepdf.Pdf, jpeg: bytes, width_px: int, height_px: int, mode: str) -> pikepdf.Stream:
    image = pikepdf.Stream(pdf, jpeg)
    image.Type = Name.XObject
    image.Subtype = Name.Image
    image.Width = width_px
    image.Height = height_px
    image.ColorSpace = Name.DeviceRGB if mode == "colour" else Name.DeviceGray
    image.BitsPerComponent = 8
    image.Filter = Name.DCTDecode
    return image


def _stencil_mask(pdf: pikepdf.Pdf, layers: MixedRaster) -> pikepdf.Stream:
    """The text layer: a 1-bit stencil mask (CCITT G4, lossless) at the scan's resolution."""
    mask = pikepdf.Stream(pdf, layers.mask_g4)
    mask.Type = Name.XObject
    mask.Subtype = Name.Image
    mask.Width = layers.width
    mask.Height = layers.height
    mask.ImageMask = True
    mask.BitsPerComponent = 1
    mask.Filter = Name.CCITTFaxDecode
    mask.DecodeParms = Dictionary(K=-1, Columns=layers.width, Rows=layers.height, BlackIs1=True)
    return mask


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def assemble_pdfa(page_pdfs: list[Path], out: Path, title: str, workdir: Path) -> None:
    """Joins the one-page PDFs into ``out`` and makes it PDF/A-2b: XMP metadata with the pdfaid schema, an sRGB
    output intent, document ID; fonts are already embedded."""
    joined = workdir / "joined.pdf"
    args = ["qpdf", "--empty", "--pages", *[str(p) for p in page_pdfs], "--", str(joined)]
    pikepdf.Job(args).run()
    with pikepdf.open(joined) as pdf:
        icc = pikepdf.Stream(pdf, srgb_profile())
        icc.N = 3
        icc.Alternate = Name.DeviceRGB
        pdf.Root.OutputIntents = Array(
            [
                Dictionary(
                    Type=Name.OutputIntent,
                    S=Name.GTS_PDFA1,
                    OutputConditionIdentifier="sRGB IEC61966-2.1",
                    Info="sRGB IEC61966-2.1",
                    RegistryName="http://www.color.org",
                    DestOutputProfile=pdf.make_indirect(icc),
                )
            ]
        )
        now = datetime.now(UTC).astimezone()
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
            meta["dc:title"] = title
            meta["xmp:CreatorTool"] = "sohoa"
            meta["pdf:Producer"] = f"sohoa with pikepdf {pikepdf.__version__}"
            meta["xmp:CreateDate"] = now.isoformat(timespec="seconds")
            meta["xmp:ModifyDate"] = now.isoformat(timespec="seconds")
            meta["xmp:MetadataDate"] = now.isoformat(timespec="seconds")
        pdf.save(
            out,
            min_version="1.7",
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            fix_metadata_version=True,
        )
