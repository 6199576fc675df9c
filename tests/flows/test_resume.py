"""A batch killed with SIGKILL midway, then run again, completes: no duplicate record, no lost document,
no half-written output taken as done."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pikepdf
from sqlalchemy import select

from tests.flows.conftest import REPO, run_sohoa, sohoa_command, sohoa_env


def current_records(home: Path) -> list[tuple[str, int]]:
    from pipeline.config import settings
    from pipeline.store.catalog import Record
    from pipeline.store.database import create_catalog_engine

    engine = create_catalog_engine(settings().catalog_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(Record.source_sha256, Record.doc_index).where(Record.is_current.is_(True)))
            return [tuple(row) for row in rows]
    finally:
        engine.dispose()


def test_killed_batch_resumes_without_duplicates_or_losses(prefect_api: str, sohoa_home: Path,
                                                          generated_scans: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["digitize", str(generated_scans), "--out", str(out), "--jobs", "1"]  # one file at a time
    proc = subprocess.Popen(sohoa_command(*args), cwd=REPO, env=sohoa_env(sohoa_home, prefect_api),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    markers = out / ".sohoa" / "done"
    try:
        deadline = time.monotonic() + 240
        while not list(markers.glob("*.json")) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert proc.poll() is None, "the batch ended before it could be killed"
        assert list(markers.glob("*.json")), "no input was done in time"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    # Done means the marker was written (it is written last); an output without its marker may be half
    # published and is published again.
    first = {json.loads(m.read_text(encoding="utf-8"))["name"] for m in markers.glob("*.json")}
    assert 1 <= len(first) < 3

    again = run_sohoa(*args, home=sohoa_home, api_url=prefect_api)
    assert again.returncode == 0, again.stdout + again.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    statuses = {Path(f["source"]).stem: f["status"] for f in summary["files"]}
    names = {f["name"] for f in summary["files"]}
    assert len(statuses) == 3 and set(statuses.values()) <= {"done", "skipped"}
    assert first <= names
    skipped = {f["name"] for f in summary["files"] if f["status"] == "skipped"}
    assert skipped == first, "an input done before the kill was processed again, or one not done was skipped"

    records = current_records(sohoa_home)
    assert all(n == 1 for n in Counter(records).values()), "a document was stored twice"
    for name in statuses:
        data = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        stored = sorted(i for sha, i in records if sha == data["sha256"])
        assert stored == list(range(len(data["documents"]))), f"{name}: records {stored}"
        with pikepdf.open(out / f"{name}.pdf") as pdf:
            assert pdf.open_metadata()["pdfaid:part"] == "2"
    assert not list((out / ".sohoa" / "work").glob("*")), "work folders left behind"
