"""Benchmark: PAdES B-B signing with a software key (the development signer), documents per second.

    .venv/bin/python -m bench.bench_sign --docs 100

Each document is a one-page A4 archive copy (a 200 dpi colour JPEG page, ~100 kB, PDF/A-2b metadata). One
signer is loaded once and reused, as a batch does; the visible stamp (embedded Tinos subset) is on.
Prints documents per second for visible and invisible signatures, plus the cost of verifying one (each copy
verifies as intact with verdict ``test_signature``: the development signer is never trusted).
Target: >= 20 documents/s on the 2-core development machine.
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
import time
from pathlib import Path

import pikepdf
from PIL import Image, ImageDraw


def make_archive_copy(path: Path) -> Path:
    """A one-page A4 PDF/A-2b-like archive copy: a 200 dpi colour page image with an sRGB output intent."""
    from PIL import ImageCms

    image = Image.new("RGB", (1654, 2339), (247, 244, 236))
    draw = ImageDraw.Draw(image)
    for row in range(40):
        y = 300 + row * 45
        draw.rectangle((200, y, 200 + (row * 97) % 1200 + 100, y + 18), fill=(30, 30, 60))
    jpeg = io.BytesIO()
    image.save(jpeg, format="JPEG", quality=60)
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595.28, 841.89))
    page.obj.Resources = pikepdf.Dictionary(
        XObject=pikepdf.Dictionary(
            Im0=pdf.make_stream(
                jpeg.getvalue(),
                Type=pikepdf.Name.XObject,
                Subtype=pikepdf.Name.Image,
                Width=image.width,
                Height=image.height,
                ColorSpace=pikepdf.Name.DeviceRGB,
                BitsPerComponent=8,
                Filter=pikepdf.Name.DCTDecode,
            )
        )
    )
    page.obj.Contents = pdf.make_stream(b"q 595.28 0 0 841.89 0 0 cm /Im0 Do Q")
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    pdf.Root.OutputIntents = pikepdf.Array(
        [
            pikepdf.Dictionary(
                Type=pikepdf.Name.OutputIntent,
                S=pikepdf.Name.GTS_PDFA1,
                OutputConditionIdentifier=pikepdf.String("sRGB"),
                DestOutputProfile=pdf.make_stream(icc, N=3),
            )
        ]
    )
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"
    pdf.save(path)
    return path


def measure(src: Path, folder: Path, docs: int, visible: bool) -> tuple[float, float]:
    """(documents per wall-clock second, documents per CPU second of this process)."""
    from pipeline.signing import load_signer, sign_pdf

    signer = load_signer()
    try:
        sign_pdf(src, folder / "warmup.pdf", level="B-B", visible=visible, signer=signer)
        start, cpu = time.perf_counter(), time.process_time()
        for n in range(docs):
            sign_pdf(src, folder / f"signed-{n}.pdf", level="B-B", visible=visible, signer=signer)
        elapsed, cpu_used = time.perf_counter() - start, time.process_time() - cpu
    finally:
        signer.close()
    return docs / elapsed, docs / cpu_used


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    args = parser.parse_args(argv)
    import logging

    logging.disable(logging.WARNING)  # the per-document "B-B / development signer" warnings
    with tempfile.TemporaryDirectory(prefix="bench-sign-") as tmp:
        folder = Path(tmp)
        os.environ["SOHOA_HOME"] = str(folder / "home")
        for var in ("SOHOA_SIGNER", "SOHOA_TSA_URL", "SOHOA_SIGN_LEVEL"):
            os.environ.pop(var, None)
        from pipeline.config import settings

        settings.cache_clear()
        src = make_archive_copy(folder / "copy.pdf")
        size_kb = src.stat().st_size / 1024
        visible = measure(src, folder, args.docs, visible=True)
        invisible = measure(src, folder, args.docs, visible=False)
        from pipeline.signing import verify_pdf
        from pipeline.signing.models import Verdict

        start = time.perf_counter()
        for n in range(min(args.docs, 20)):
            # the development signer's signature: intact, and a test signature (never "valid")
            report = verify_pdf(folder / f"signed-{n}.pdf")
            assert report.verdict is Verdict.TEST_SIGNATURE and all(s.document_intact for s in report.signatures)
        verify_rate = min(args.docs, 20) / (time.perf_counter() - start)
    load = os.getloadavg()[0]
    print(f"input: 1-page archive copy, {size_kb:.0f} kB; {args.docs} documents per run; one process, one thread")
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} while measuring")
    print(f"B-B sign, visible stamp : {visible[0]:6.1f} documents/s wall, {visible[1]:6.1f} per CPU-second")
    print(f"B-B sign, invisible     : {invisible[0]:6.1f} documents/s wall, {invisible[1]:6.1f} per CPU-second")
    print(f"verify (verify_pdf)     : {verify_rate:6.1f} documents/s wall")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
