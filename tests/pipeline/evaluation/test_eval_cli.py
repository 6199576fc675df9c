"""``sohoa eval`` end to end on real sample files: exit status, report structure, OCR quality on clean pages."""

import json
import os
import subprocess
import sys
from pathlib import Path

METRIC_KEYS = {
    "documents",
    "classified",
    "spurious",
    "fields",
    "fields_correct",
    "row_fields",
    "row_fields_correct",
    "accepted",
    "accepted_correct",
    "pages",
    "timed_pages",
    "cer_edits",
    "cer_chars",
    "seconds",
    "classification_accuracy",
    "field_accuracy",
    "row_field_accuracy",
    "coverage",
    "precision",
    "silent_errors",
    "cer",
    "pages_per_second",
}


def _sohoa(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[3],
        timeout=600,
    )


def test_eval_with_baseline_writes_the_full_report(two_samples: Path, tmp_path: Path) -> None:
    report_path = tmp_path / "report.json"
    run = _sohoa("eval", str(two_samples), "--baseline", "--json", str(report_path), "--jobs", "2")
    assert run.returncode == 0, run.stderr
    assert "Per schema" in run.stdout and "Per tier" in run.stdout
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["files"] == 2
    assert [s["system"] for s in report["systems"]] == ["sohoa", "baseline"]
    for system in report["systems"]:
        assert set(system["overall"]) == METRIC_KEYS
        assert set(system["by_schema"]) >= {"death_extract", "citizen_id_card"}
        assert set(system["by_tier"]) == {"clean"}
        assert system["overall"]["documents"] == 2 and system["overall"]["pages"] == 2
        assert isinstance(system["silent_errors"], list)
        assert len(system["files"]) == 2
        for file in system["files"]:
            for doc in file["documents"]:
                for field in doc["fields"]:
                    assert {"file", "schema", "key", "truth", "predicted", "status", "correct", "silent_error"} <= set(
                        field
                    )

    sohoa = report["systems"][0]
    assert sohoa["errors"] == []
    for file in sohoa["files"]:
        for page in file["pages"]:
            assert page["truth_chars"] > 100
            assert page["cer"] < 0.5, (file["source"], page)
    assert sohoa["overall"]["cer"] < 0.5


def test_eval_of_a_folder_without_truth_reports_nothing_and_succeeds(tmp_path: Path) -> None:
    run = _sohoa("eval", str(tmp_path))
    assert run.returncode == 0
    assert "no input with a truth file" in run.stdout
