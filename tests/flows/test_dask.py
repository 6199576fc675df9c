"""``sohoa digitize --dask local``: the inputs' tasks run on a local Dask cluster of worker processes
(prefect-dask's DaskTaskRunner) and give the same documents and field values as a normal run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.flows.conftest import REPO, run_sohoa

SAMPLES = ["death_extract_clean_002.tif", "marital_status_confirmation_clean_002.pdf"]


def extraction(out: Path, name: str) -> list[tuple[str, list[int], dict]]:
    data = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
    return [(d["schema"], d["pages"], {k: v["value"] for k, v in d["fields"].items()}) for d in data["documents"]]


def test_dask_local_gives_the_same_outputs(prefect_api: str, sohoa_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in SAMPLES:
        shutil.copy(REPO / "samples" / "committed" / name, folder / name)
    plain, dask = tmp_path / "plain", tmp_path / "dask"
    options = ("--jobs", "1")
    first = run_sohoa("digitize", str(folder), "--out", str(plain), *options, home=sohoa_home, api_url=prefect_api)
    assert first.returncode == 0, first.stdout + first.stderr
    proc = run_sohoa("digitize", str(folder), "--out", str(dask), "--dask", "local", *options, home=sohoa_home,
                     api_url=prefect_api)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr

    summary = json.loads((dask / "summary.json").read_text(encoding="utf-8"))
    assert summary["options"]["dask"] == "local"
    assert summary["counts"]["done"] == 2 and summary["pages_processed"] == 2
    assert all(f["signed"] and f["stored"] and f["records"] for f in summary["files"])
    for name in (Path(s).stem for s in SAMPLES):
        assert extraction(dask, name), f"{name}: no document"
        assert extraction(dask, name) == extraction(plain, name)
        assert (dask / f"{name}.pdf").read_bytes().startswith(b"%PDF")
    # the tasks ran in the Dask workers: their log lines ("document …: 1 page(s)") are not in this process's log
    log = (dask / ".sohoa" / "batch.log").read_text(encoding="utf-8")
    assert "Dask scheduler tcp://" in log and "page(s)" not in log
    assert "page(s)" in (plain / ".sohoa" / "batch.log").read_text(encoding="utf-8")
