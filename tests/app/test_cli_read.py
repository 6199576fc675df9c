"""``sohoa read`` as a user runs it: one JSON line per cell image, the model loaded once, bad input exit 2."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from samples.handwriting import INKS, TUNING, render


def sohoa(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, timeout=300)


def cell(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    render(text, TUNING[0], random.Random(3), INKS["blue-black"]).save(path)
    return path


@pytest.mark.slow
def test_reads_cells_one_json_line_each(tmp_path: Path) -> None:
    kinh, tay = cell(tmp_path, "a.png", "Kinh"), cell(tmp_path, "b.png", "Tày")
    proc = sohoa("read", str(kinh), str(tay), "--kind", "ethnicity", "--json")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["image"] for d in lines] == [str(kinh), str(tay)]
    assert [d["value"] for d in lines] == ["Kinh", "Tày"]
    for d in lines:
        assert set(d) >= {"text", "value", "probability", "runner_up", "status", "kind"}
        assert d["status"] in ("ok", "review") and 0 <= d["probability"] <= 1


@pytest.mark.slow
def test_a_date_in_words_comes_out_iso(tmp_path: Path) -> None:
    image = cell(tmp_path, "d.png", "Ngày mười lăm, tháng ba, năm một nghìn chín trăm tám mươi bảy")
    proc = sohoa("read", str(image), "--kind", "date", "--years", "1985-1988", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["value"] == "1987-03-15"


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    good = cell(tmp_path, "a.png", "Nam")
    (tmp_path / "junk.png").write_bytes(b"not an image")
    for args in ([str(good), str(tmp_path / "missing.png")], [str(tmp_path / "junk.png")],
                 [str(good), "--kind", "colour"]):
        proc = sohoa("read", *args)
        assert proc.returncode == 2, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and proc.stdout == ""
    assert "read" in sohoa("--help").stdout
