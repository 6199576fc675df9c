"""`sohoa ocr` and `sohoa extract --json` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pikepdf

from tests.pipeline.page_images import render_page


def sohoa(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, timeout=300)


def test_ocr_writes_pdfa(tmp_path: Path) -> None:
    src = tmp_path / "page.png"
    render_page(dpi=200).save(src, dpi=(200, 200))
    out = tmp_path / "page.pdf"
    proc = sohoa("ocr", str(src), str(out))
    assert proc.returncode == 0, proc.stderr
    with pikepdf.open(out) as pdf:
        assert pdf.open_metadata()["pdfaid:part"] == "2"
        assert len(pdf.pages) == 1


def test_extract_json_has_contract_pages(tmp_path: Path) -> None:
    src = tmp_path / "page.jpg"
    turned_left = render_page(dpi=200).rotate(90, expand=True)  # a quarter turn anticlockwise
    turned_left.save(src, quality=90, dpi=(200, 200))
    proc = sohoa("extract", str(src), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) >= {"source", "sha256", "pages", "documents", "timings"}
    page = data["pages"][0]
    assert set(page) == {"number", "width", "height", "dpi", "rotation", "skew", "text", "mean_confidence",
                         "preprocessing"}  # the contract's keys, and the addition saying what was estimated
    assert page["number"] == 1 and page["dpi"] == 200 and page["rotation"] == 90
    assert page["height"] > page["width"]
    assert "Quảng Ninh" in page["text"] and 0.5 < page["mean_confidence"] <= 1
    assert data["source"] == "page.jpg" and len(data["sha256"]) == 64


def test_missing_file_is_bad_input(tmp_path: Path) -> None:
    proc = sohoa("extract", str(tmp_path / "nothing.pdf"))
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith("no such file")
