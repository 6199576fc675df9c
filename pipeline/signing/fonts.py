"""The stamp's font: Tinos (or Liberation Serif), Times-metric-compatible with Vietnamese glyphs.

pyHanko subsets the font for every signature; with the full Tinos file (large OpenType layout tables)
that costs ~0.5 s per document. So the font is first cut down once, with fontTools, to the characters
a stamp can hold (ASCII, Latin-1, Vietnamese letters and tone marks), and kept under
``SOHOA_HOME/signing/fonts``. Text with any other character uses the full font.
"""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path

from pipeline.signing.options import signing_dir

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf"),
    Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"),
)
VIETNAMESE = "ĂăÂâĐđÊêÔôƠơƯư" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA))
COMBINING_MARKS = "\u0300\u0301\u0303\u0309\u0323"
STAMP_CHARSET = frozenset(
    "".join(chr(c) for c in range(0x20, 0x7F))
    + "".join(chr(c) for c in range(0xA0, 0x100))
    + VIETNAMESE
    + COMBINING_MARKS
    + "–—‘’“”…"
)


def full_font() -> Path:
    for path in FONT_CANDIDATES:
        if path.is_file():
            return path
    raise FileNotFoundError(
        "no Times-like font with Vietnamese glyphs (Tinos / Liberation Serif): apt-get install fonts-croscore"
    )


def _subset(src: Path, dst: Path) -> None:
    from fontTools import subset

    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    # A stamp needs outlines and metrics only: precomposed (NFC) Vietnamese letters need no mark
    # positioning, and PDF viewers do not use TrueType hinting at stamp sizes. Dropping both makes the
    # per-signature subsetting by pyHanko several times cheaper.
    options.hinting = False
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern"]
    font = subset.load_font(str(src), options)
    sub = subset.Subsetter(options)
    sub.populate(unicodes=[ord(c) for c in STAMP_CHARSET])
    sub.subset(font)
    dst.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".ttf", dir=dst.parent)
    os.close(fd)
    subset.save_font(font, tmp, options)
    os.replace(tmp, dst)  # atomic: concurrent first uses are harmless


@lru_cache(maxsize=4)
def _stamp_subset(src: Path, home: Path) -> Path:
    stat = src.stat()
    dst = home / "fonts" / f"{src.stem}-stamp-v2-{stat.st_size}-{int(stat.st_mtime)}.ttf"
    if not dst.is_file():
        _subset(src, dst)
    return dst


def stamp_font(text: str) -> Path:
    """The font file to embed for ``text``: the cached stamp subset when it covers every character."""
    src = full_font()
    if set(text) <= STAMP_CHARSET:
        return _stamp_subset(src, signing_dir())
    return src
