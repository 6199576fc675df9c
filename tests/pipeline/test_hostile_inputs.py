"""Hostile inputs (issue 16): decompression bombs of every kind refused from their headers before a pixel is
decoded, large legitimate pages read within memory, broken files refused with one line on stderr, symbolic links
in a batch folder not followed, a bounded fuzz run of ingest, and the files that once broke it
(``tests/data/hostile/``)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import BadInput
from pipeline.ingest import load_page, open_document
from pipeline.limits import MAX_WORK_PIXELS
from tests.pipeline import hostile_files as hf
from tests.pipeline.page_images import render_page

REPO = Path(__file__).resolve().parents[2]
HOSTILE = REPO / "tests" / "data" / "hostile"
MB = 2**20

# Opens a file and loads each page as sohoa's page workers do, in a process of its own: prints what became of it
# and the process's peak memory.
READ_PAGES = """
import json, sys
from pipeline.errors import BadInput
from pipeline.ingest import load_page, open_document
out = {"refused": None, "pages": []}
try:
    for source in open_document(sys.argv[1]):
        page = load_page(source)
        out["pages"].append([page.shape[1], page.shape[0], source.dpi])
        del page
except BadInput as err:
    out["refused"] = err.reason
# VmHWM, not ru_maxrss: the latter keeps the forking parent's size across exec (a big pytest process)
hwm = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")][0]
out["peak_mb"] = int(hwm.split()[1]) / 1024
print(json.dumps(out))
"""


def read_pages(path: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", READ_PAGES, str(path)], cwd=REPO, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


BOMBS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "image xobject in a pdf": (lambda d: hf.pdf_with_image(d / "x.pdf", 12000, 12000), "image in the PDF"),
    "jpeg in a pdf": (lambda d: hf.pdf_with_image(d / "j.pdf", 12000, 12000, jpeg=True), "image in the PDF"),
    "png": (lambda d: hf.png(d / "b.png", 40000, 28266), "image too large (40000×28266"),
    "deep png": (lambda d: hf.png(d / "rgb.png", 9100, 9200, 8, 2), "too large to decode"),
    "tiff frame": (lambda d: hf.tiff(d / "t.tiff", [(2000, 2000, 8, 1), (40000, 28266, 8, 1)]),
                   "page 2 of the image too large"),
    "cmyk tiff": (lambda d: hf.tiff(d / "cmyk.tiff", [(10900, 10900, 8, 4)]), "too large to decode"),
    "16-bit tiff in one strip": (lambda d: hf.tiff(d / "deep.tiff", [(10900, 10900, 16, 1)]), "too large to decode"),
    "jpeg": (lambda d: hf.jpeg(d / "b.jpg", 30000, 30000), "image too large"),
}


@pytest.mark.parametrize("kind", list(BOMBS))
def test_bombs_are_refused_before_decoding(kind: str, tmp_path: Path) -> None:
    make, reason = BOMBS[kind]
    result = read_pages(make(tmp_path))
    assert result["refused"] and reason in result["refused"], result
    assert result["peak_mb"] < 250, result  # nothing decoded: Python with Pillow, pikepdf and numpy is ~90 MB


LARGE_PAGES: dict[str, Callable[[Path], Path]] = {
    "grey png, 119 Mpx": lambda d: hf.png(d / "grey.png", 10900, 10900, 8, 0),
    "bilevel png, 119 Mpx": lambda d: hf.png(d / "bilevel.png", 10900, 10900, 1, 0),
    "grey tiff in one strip, 100 Mpx": lambda d: hf.tiff(d / "grey.tiff", [(10000, 10000, 8, 1)]),
    "jpeg, 119 Mpx": lambda d: hf.jpeg(d / "big.jpg", 10900, 10900),
    "pdf with a 119 Mpx image": lambda d: hf.pdf_with_image(d / "big.pdf", 10900, 10900),
}


@pytest.mark.parametrize("kind", list(LARGE_PAGES))
def test_large_pages_are_read_reduced_within_memory(kind: str, tmp_path: Path) -> None:
    """Under the pixel limit but far beyond what OCR needs: read at the working size (a PDF page at no more than
    400 dpi), the dpi reduced with it, within memory (sohoa's page worker adds ~160 MB: test_cli_peak_memory)."""
    result = read_pages(LARGE_PAGES[kind](tmp_path))
    assert result["refused"] is None, result
    [(width, height, dpi)] = result["pages"]
    assert 10_000_000 <= width * height <= MAX_WORK_PIXELS and dpi <= 400, result
    assert result["peak_mb"] < 450, result


# Runs a command and prints the peak memory of the largest process of its tree (kB), as /usr/bin/time -v does.
PEAK_OF = """
import resource, subprocess, sys
status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
WORST_ACCEPTED: dict[str, Callable[[Path], Path]] = {
    "colour png at the decoding limit (A3 at 600 dpi)": lambda d: hf.png(d / "rgb.png", 8400, 8480, 8, 2),
    **LARGE_PAGES,
}


@pytest.mark.slow
@pytest.mark.parametrize("kind", [*BOMBS, *WORST_ACCEPTED])
def test_cli_peak_memory(kind: str, tmp_path: Path) -> None:
    """The whole command, page workers included, stays within 600 MB on any single input (bombs refused, the
    largest pages accepted read reduced)."""
    path = BOMBS[kind][0](tmp_path) if kind in BOMBS else WORST_ACCEPTED[kind](tmp_path)
    sohoa = [sys.executable, "-m", "app.cli"]
    commands = [["ocr", "--jobs", "1", str(path), str(tmp_path / "out.pdf")], ["extract", "--jobs", "1", str(path)]]
    for command in commands:
        proc = subprocess.run([sys.executable, "-c", PEAK_OF, *sohoa, *command], capture_output=True, text=True,
                              timeout=600, cwd=REPO, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        status, peak_kb = map(int, proc.stdout.split())
        assert status == (2 if kind in BOMBS else 0), (command, proc.stderr)
        assert peak_kb < 600 * 1024, (command, peak_kb)


def test_a3_at_300_dpi_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "a3.png"
    render_page(dpi=300).resize((3508, 4961)).save(path, dpi=(300, 300))
    [source] = open_document(path)
    assert source.size is None and source.dpi == 300
    assert load_page(source).shape == (4961, 3508, 3)


def test_a_pdf_page_is_rendered_within_the_working_size(tmp_path: Path) -> None:
    """A page that is no single scanned image (here an A2 page of text) is rendered at a dpi that keeps it within
    the working size, not at 300 dpi (35 Mpx)."""
    path = tmp_path / "a2.pdf"
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(1191, 1684))
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)))
    page.Contents = pdf.make_stream(b"BT /F1 24 Tf 72 1500 Td (Giay khai sinh) Tj ET")
    pdf.save(path)
    [source] = open_document(path)
    assert 16.5 * 23.4 * source.dpi**2 <= MAX_WORK_PIXELS
    height, width, _ = load_page(source).shape
    assert width * height <= MAX_WORK_PIXELS * 1.01


# -- broken files --------------------------------------------------------------------------------------------


def _page_image(fmt: str, **options) -> bytes:
    buf = io.BytesIO()
    image = render_page(dpi=100)
    (image.convert("1") if options.pop("bilevel", False) else image).save(buf, fmt, **options)
    return buf.getvalue()


def _garbled(data: bytes, start: int, length: int) -> bytes:
    out = bytearray(data)
    for i in range(start, min(len(out), start + length)):
        out[i] ^= 0xA5
    return bytes(out)


def _half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _zero_pages() -> bytes:
    buf = io.BytesIO()
    pikepdf.new().save(buf)
    return buf.getvalue()


def _encrypted() -> bytes:
    buf = io.BytesIO()
    with pikepdf.open(io.BytesIO(_page_image("PDF", resolution=100))) as pdf:
        pdf.save(buf, encryption=pikepdf.Encryption(user="mật khẩu", owner="chủ"))
    return buf.getvalue()


BROKEN: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "truncated pdf": ("pdf", lambda: _half(_page_image("PDF", resolution=100)), "truncated"),
    "truncated png": ("png", lambda: _half(_page_image("PNG")), "truncated"),
    "truncated tiff": ("tif", lambda: _half(_page_image("TIFF", compression="tiff_lzw")), "TIFF"),
    "truncated jpeg": ("jpg", lambda: _half(_page_image("JPEG")), "truncated"),
    "garbled lzw tiff": ("tif", lambda: _garbled(_page_image("TIFF", compression="tiff_lzw"), 40000, 2000),
                         "corrupt"),
    "encrypted pdf": ("pdf", _encrypted, "encrypted"),
    "empty": ("png", lambda: b"", "empty file"),
    "text renamed pdf": ("pdf", lambda: "Biên bản\n".encode() * 20, "text file"),
    "pdf with no pages": ("pdf", _zero_pages, "no pages"),
    "pdf header only": ("pdf", lambda: b"%PDF-1.7\n%%EOF\n", "corrupt PDF"),
    "png header only": ("png", lambda: b"\x89PNG\r\n\x1a\n", "corrupt"),
}


@pytest.mark.parametrize("kind", list(BROKEN))
def test_broken_files_are_refused_with_their_reason(kind: str, tmp_path: Path) -> None:
    suffix, make, reason = BROKEN[kind]
    path = tmp_path / f"broken.{suffix}"
    path.write_bytes(make())
    with pytest.raises(BadInput) as err:
        for source in open_document(path):
            load_page(source)
    assert reason in err.value.reason and "\n" not in err.value.line()


@pytest.mark.parametrize(("kind", "status"), [("garbled lzw tiff", 2), ("garbled fax tiff", 0),
                                              ("tiff with corrupt exif", 2)])
def test_imaging_library_warnings_stay_off_stderr(kind: str, status: int, tmp_path: Path) -> None:
    """libtiff's messages ("Fax4Decode: Bad code word…") and Pillow's warnings ("Corrupt EXIF data") broke the
    one line on stderr; a fax TIFF with bad code words is still read (exit 0, one line saying what was written)."""
    tiffs = {
        "garbled lzw tiff": lambda: BROKEN["garbled lzw tiff"][1](),
        "garbled fax tiff": lambda: _garbled(_page_image("TIFF", compression="group4", bilevel=True), 200, 400),
        "tiff with corrupt exif": lambda: BROKEN["truncated tiff"][1](),
    }
    path = tmp_path / "scan.tif"
    path.write_bytes(tiffs[kind]())
    proc = subprocess.run([sys.executable, "-m", "app.cli", "ocr", "--jobs", "1", str(path), str(tmp_path / "out.pdf")],
                          capture_output=True, text=True, timeout=300, cwd=REPO,
                          env={**os.environ, "OMP_THREAD_LIMIT": "1", "SOHOA_HOME": str(tmp_path / "home")})
    assert proc.returncode == status, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


# -- symbolic links in a batch folder ------------------------------------------------------------------------


def test_a_batch_does_not_follow_symbolic_links(tmp_path: Path) -> None:
    """A link ``x.png → /etc/passwd`` in a batch folder put a copy of /etc/passwd in OUT/quarantine/."""
    from flows.batch import plan

    folder = tmp_path / "in"
    folder.mkdir()
    render_page(dpi=100).save(folder / "scan.png")
    (folder / "x.png").symlink_to("/etc/passwd")
    planned = plan([str(folder)], str(tmp_path / "out"), sign=False, store=False)
    assert [Path(i.source).name for i in planned.items] == ["scan.png"]
    assert planned.not_followed == [{"path": str(folder / "x.png"),
                                     "reason": "liên kết tượng trưng, không theo / symbolic link, not followed"}]


# -- fuzzing -------------------------------------------------------------------------------------------------


def _seeds() -> dict[str, bytes]:
    small = render_page(dpi=40)
    seeds = {}
    for name, fmt, options in [("png", "PNG", {}), ("jpg", "JPEG", {"quality": 70}),
                               ("tif", "TIFF", {"compression": "tiff_lzw", "save_all": True,
                                                "append_images": [small.rotate(90, expand=True)]}),
                               ("webp", "WEBP", {"quality": 60}), ("pdf", "PDF", {"resolution": 40})]:
        buf = io.BytesIO()
        small.save(buf, fmt, **options)
        seeds[name] = buf.getvalue()
    return seeds


SEEDS = _seeds()
FUZZ_SECONDS = 25
FUZZ_BATCH = 20
EDIT = st.tuples(st.sampled_from(["flip", "set", "cut", "insert", "delete"]), st.floats(0, 1),
                 st.integers(0, 255), st.integers(1, 64))


def mutated(data: bytes, edits: list[tuple[str, float, int, int]]) -> bytes:
    out = bytearray(data)
    for op, where, value, length in edits:
        at = int(where * max(len(out) - 1, 0))
        if op == "flip" and out:
            out[at] ^= 1 << (value % 8)
        elif op == "set" and out:
            out[at: at + length] = bytes([value]) * len(out[at: at + length])
        elif op == "cut":
            del out[at:]
        elif op == "insert":
            out[at:at] = bytes([value]) * length
        elif op == "delete":
            del out[at: at + length]
    return bytes(out)


def ingest_or_refuse(path: Path) -> None:
    """What sohoa does with a file: read every page, or one BadInput. Anything else is a crash."""
    try:
        for source in open_document(path):
            load_page(source)
    except BadInput as err:
        assert "\n" not in err.reason


def test_fuzz_ingest(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Random edits of small valid files of every kind (bytes flipped, set, cut, inserted, deleted), for
    FUZZ_SECONDS: hypothesis runs of FUZZ_BATCH examples, each with new random ones, until the time is up. A crash
    is shrunk by hypothesis to a small edit: keep the file it makes in tests/data/hostile/ (test_regression_files
    reads them all on every run)."""
    folder = tmp_path_factory.mktemp("fuzz")

    @settings(max_examples=FUZZ_BATCH, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(kind=st.sampled_from(sorted(SEEDS)), edits=st.lists(EDIT, min_size=1, max_size=4))
    def run(kind: str, edits: list) -> None:
        path = folder / f"case.{kind}"
        path.write_bytes(mutated(SEEDS[kind], edits))
        ingest_or_refuse(path)

    deadline = time.monotonic() + FUZZ_SECONDS
    while time.monotonic() < deadline:
        run()


@pytest.mark.parametrize("path", sorted(p for p in HOSTILE.iterdir() if p.name != "README.md"), ids=lambda p: p.name)
def test_regression_files(path: Path) -> None:
    ingest_or_refuse(path)


def test_seeds_are_read(tmp_path: Path) -> None:
    """The fuzz run's starting files are read whole (else it would only ever test refusals)."""
    for kind, data in SEEDS.items():
        path = tmp_path / f"seed.{kind}"
        path.write_bytes(data)
        assert [load_page(source).shape[2] for source in open_document(path)] == [3] * (2 if kind == "tif" else 1)
