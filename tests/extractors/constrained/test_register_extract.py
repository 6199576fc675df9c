"""Handwritten register pages through ``sohoa extract --json`` (real recognizer, real Tesseract), and a printed
register page that the hook leaves as the printed reading made it. Tuning hands only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from extractors.constrained.register import find_register_table, is_handwritten
from extractors.layout import page_layout
from pipeline.evaluation.normalize import same_value
from pipeline.process import process_file
from samples.generate import generate_document, generate_handwritten
from schemas import get_schema

READING_KEYS = {"script", "text", "probability", "runner_up", "runner_up_probability", "margin", "fit"}


def sohoa(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "OMP_THREAD_LIMIT": "1"})


def _truth(path: Path) -> dict:
    return json.loads(path.with_name(path.stem + ".truth.json").read_text(encoding="utf-8"))["documents"][0]


@pytest.mark.slow
def test_handwritten_register_page_gives_cells_with_statuses(tmp_path: Path) -> None:
    page = generate_handwritten(tmp_path, seed=7, index=1, split="tuning")
    truth = _truth(page)
    proc = sohoa("extract", str(page), "--json")
    assert proc.returncode == 0, proc.stderr
    documents = json.loads(proc.stdout)["documents"]
    assert [d["schema"] for d in documents] == ["birth_register"]
    doc = documents[0]
    assert "page_unreadable" not in {i["code"] for i in doc["issues"]}
    assert len(doc["entries"]) == len(truth["entries"])
    ok = right = 0
    for entry, true_entry, written in zip(doc["entries"], truth["entries"], truth["written"], strict=True):
        for key in written:  # the columns the page holds
            cell = entry[key]
            assert cell["status"] in ("ok", "review")
            assert set(cell["reading"]) == READING_KEYS
            assert 0.0 <= cell["reading"]["probability"] <= 1.0
            assert cell["reading"]["script"] in ("handwritten", "printed")
            correct = same_value(cell["value"], true_entry[key])
            right += correct
            if cell["status"] == "ok":
                ok += 1
                assert correct, (key, cell["value"], true_entry[key])  # a wrong ok is the worst error
        assert entry["mother_name"]["value"] is None and "reading" not in entry["mother_name"]
    cells = len(truth["entries"]) * len(truth["written"][0])
    # Tuning pages read from the pipeline's page JPEG: 88 % right, 67 % ok (bench/bench_icr_pages.py --fit).
    assert right >= 0.75 * cells
    assert ok >= 0.45 * cells


def _tables(path: Path, workdir: Path) -> list:
    processed = process_file(path, jobs=1, workdir=workdir)
    schema = get_schema("birth_register")
    return [t for page in processed.pages if (t := find_register_table(schema, page_layout(page))) is not None]


@pytest.mark.slow
def test_printed_register_page_is_left_to_the_printed_reading(tmp_path: Path) -> None:
    printed = generate_document(tmp_path, seed=4242, schema="birth_register", tier="scan", index=1, fmt="png",
                                choices=["br-2016"])
    tables = _tables(printed, tmp_path / "work-printed")
    assert tables and not any(is_handwritten(t) for t in tables)
    proc = sohoa("extract", str(printed), "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)["documents"][0]
    assert doc["schema"] == "birth_register" and doc["entries"]
    assert not any("reading" in cell for entry in doc["entries"] for cell in entry.values())


@pytest.mark.slow
def test_a_handwritten_table_is_told_from_a_printed_one(tmp_path: Path) -> None:
    page = generate_handwritten(tmp_path, seed=8, index=1, split="tuning")
    tables = _tables(page, tmp_path / "work")
    assert len(tables) == 1 and is_handwritten(tables[0])
    assert tables[0].year == int(_truth(page)["fields"]["book"].split("/")[1])
    assert set(tables[0].mapping.values()) == set(_truth(page)["written"][0])


@pytest.mark.slow
def test_a_handwritten_register_page_without_its_heading_is_read_for_review(tmp_path: Path) -> None:
    """No title: the classifier knows no document, yet the table's header names a register's columns and the
    table is handwritten: its rows come out, every cell for review, instead of a page_unreadable."""
    page = generate_handwritten(tmp_path, seed=9, index=1, split="tuning")
    image = Image.open(page)
    cropped = tmp_path / "no-heading.png"
    image.crop((0, int(31 * 150 / 25.4), image.width, image.height)).save(cropped, dpi=(150, 150))
    proc = sohoa("extract", str(cropped), "--json")
    assert proc.returncode == 0, proc.stderr
    documents = json.loads(proc.stdout)["documents"]
    assert [d["schema"] for d in documents] == ["birth_register"]
    codes = {i["code"] for i in documents[0]["issues"]}
    assert "uncertain_document_type" in codes and "page_unreadable" not in codes
    assert len(documents[0]["entries"]) == len(_truth(page)["entries"])
    cells = [c for entry in documents[0]["entries"] for c in entry.values()]
    assert {c["status"] for c in cells} == {"review"}
    assert sum("reading" in c for c in cells) == len(_truth(page)["entries"]) * len(_truth(page)["written"][0])
