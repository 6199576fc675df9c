"""Hostile inputs written by the tests: decompression bombs that are small on disk (their pixels are never held
in memory while they are written) and broken files. Run as a module to write the bombs measured in the report:
``python -m tests.pipeline.hostile_files DIR``."""

from __future__ import annotations

import struct
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pikepdf

ROWS_PER_CHUNK = 256
PHOTOMETRIC = {1: 1, 3: 2, 4: 5}  # TIFF photometric interpretation by samples per pixel


def _deflated_rows(row: bytes, height: int, prefix: bytes = b"") -> bytes:
    """``height`` copies of ``row`` (each after ``prefix``: PNG's filter byte), deflated chunk by chunk."""
    comp = zlib.compressobj(9)
    chunk = (prefix + row) * ROWS_PER_CHUNK
    parts = [comp.compress(chunk) for _ in range(height // ROWS_PER_CHUNK)]
    parts.append(comp.compress((prefix + row) * (height % ROWS_PER_CHUNK)))
    parts.append(comp.flush())
    return b"".join(parts)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(path: Path, width: int, height: int, bit_depth: int = 1, colour_type: int = 0) -> Path:
    """A valid PNG of any size (all white): colour type 0 grey, 2 RGB; bit depth 1, 8 or 16."""
    channels = {0: 1, 2: 3}[colour_type]
    row = b"\xff" * ((width * channels * bit_depth + 7) // 8)
    with path.open("wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n")
        fh.write(_png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)))
        fh.write(_png_chunk(b"IDAT", _deflated_rows(row, height, prefix=b"\x00")))
        fh.write(_png_chunk(b"IEND", b""))
    return path


def tiff(path: Path, frames: list[tuple[int, int, int, int]]) -> Path:
    """A valid little-endian TIFF, one deflated strip per frame; each frame is (width, height, bits per sample,
    samples per pixel: 1 grey, 3 RGB, 4 CMYK), all zero."""
    strips = [_deflated_rows(b"\x00" * ((w * bits * spp + 7) // 8), h) for w, h, bits, spp in frames]
    out = bytearray(b"II*\x00\x00\x00\x00\x00")
    ifd_offsets = []
    for (width, height, bits, spp), strip in zip(frames, strips, strict=True):
        strip_offset = len(out)
        out += strip
        if len(out) % 2:
            out += b"\x00"
        bits_at = len(out)
        out += struct.pack(f"<{spp}H", *([bits] * spp)) + (b"\x00\x00" if spp % 2 else b"")
        entries = [
            (256, 4, 1, width), (257, 4, 1, height), (258, 3, spp, bits if spp == 1 else bits_at),
            (259, 3, 1, 8), (262, 3, 1, PHOTOMETRIC[spp]), (273, 4, 1, strip_offset), (277, 3, 1, spp),
            (278, 4, 1, height), (279, 4, 1, len(strip)),
        ]
        ifd_offsets.append(len(out))
        out += struct.pack("<H", len(entries))
        for tag, kind, count, value in entries:
            packed = struct.pack("<H", value) + b"\x00\x00" if kind == 3 and count == 1 else struct.pack("<I", value)
            out += struct.pack("<HHI", tag, kind, count) + packed
        out += b"\x00\x00\x00\x00"  # next IFD, patched below
    struct.pack_into("<I", out, 4, ifd_offsets[0])
    for here, following in zip(ifd_offsets, ifd_offsets[1:], strict=False):
        n = struct.unpack_from("<H", out, here)[0]
        struct.pack_into("<I", out, here + 2 + 12 * n, following)
    path.write_bytes(bytes(out))
    return path


def uniform_jpeg(width: int, height: int) -> bytes:
    """A valid baseline greyscale JPEG of any size, all mid-grey: every 8×8 block is two bits (DC difference 0,
    end of block), so a 40000×28266 image is 4.4 MB."""

    def segment(marker: int, payload: bytes) -> bytes:
        return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload

    one_code = bytes([1] + [0] * 15) + b"\x00"  # a Huffman table with one code of length 1 for symbol 0
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    scan = bytes(blocks * 2 // 8) + (b"\x3f" if blocks * 2 % 8 else b"")  # the last bits padded with ones
    return b"".join([
        b"\xff\xd8",
        segment(0xDB, b"\x00" + b"\x01" * 64),
        segment(0xC0, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00"),
        segment(0xC4, b"\x00" + one_code),
        segment(0xC4, b"\x10" + one_code),
        segment(0xDA, b"\x01\x01\x00\x00\x3f\x00"),
        scan,
        b"\xff\xd9",
    ])


def jpeg(path: Path, width: int, height: int) -> Path:
    path.write_bytes(uniform_jpeg(width, height))
    return path


def pdf_with_image(path: Path, width: int, height: int, jpeg: bool = False, page_inches: float = 8.27) -> Path:
    """A one-page PDF whose page is one image (Flate-compressed white greyscale, or a JPEG) of any size."""
    pdf = pikepdf.new()
    w_pt = page_inches * 72
    h_pt = w_pt * height / width
    page = pdf.add_blank_page(page_size=(w_pt, h_pt))
    if jpeg:
        data, filt = uniform_jpeg(width, height), pikepdf.Name.DCTDecode
    else:
        data, filt = _deflated_rows(b"\xff" * width, height), pikepdf.Name.FlateDecode
    image = pikepdf.Stream(pdf, b"")
    image.write(data, filter=filt)
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = width, height, 8
    image.ColorSpace = pikepdf.Name.DeviceGray
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = pdf.make_stream(f"q {w_pt:.2f} 0 0 {h_pt:.2f} 0 0 cm /Im0 Do Q".encode())
    pdf.save(path)
    return path


def bombs(folder: Path) -> Iterator[Path]:
    """The bombs of the report, one per kind: the issue's 40000×28266 image in a PDF (Flate and JPEG), a PNG and
    a TIFF far beyond the pixel limit, and a CMYK TIFF frame under it (475 MB decoded)."""
    folder.mkdir(parents=True, exist_ok=True)
    yield pdf_with_image(folder / "bomb-xobject.pdf", 40000, 28266)
    yield pdf_with_image(folder / "bomb-jpeg-in-pdf.pdf", 40000, 28266, jpeg=True)
    yield png(folder / "bomb.png", 40000, 28266)
    yield tiff(folder / "bomb.tiff", [(2000, 2000, 8, 1), (40000, 28266, 8, 1)])
    yield tiff(folder / "bomb-cmyk.tiff", [(10900, 10900, 8, 4)])


if __name__ == "__main__":
    for made in bombs(Path(sys.argv[1])):
        print(f"{made}  {made.stat().st_size / 2**20:.1f} MB")
