"""pyHanko's own signed test files (tests/data/signatures, MIT licence) with their known verdicts:
every REJECT and coverage anomaly must come out invalid, every allowed one intact."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from app.cli import main
from pipeline.signing import verify_pdf
from tests.pipeline.signing.conftest import TESTDATA

AT = dt.datetime(2020, 11, 1, tzinfo=dt.UTC)
ROWS = list(csv.DictReader((TESTDATA / "expectations.tsv").open(encoding="utf-8"), delimiter="\t"))


def expected_verdict(row: dict) -> str:
    """'invalid', 'trusted' (valid and trusted with testing-ca), or 'intact' (document intact)."""
    text = row["expected_per_pyHanko_tests"]
    if text.startswith(("REJECT", "INDETERMINATE")) or "coverage" in row["file"]:
        return "invalid"
    if "trusted" in text and "untrusted" not in text:
        return "trusted"
    return "intact"


@pytest.mark.parametrize("row", ROWS, ids=[r["file"].removeprefix("pdf/") for r in ROWS])
def test_expectation(row, signing_env):
    report = verify_pdf(TESTDATA / row["file"], trust_roots=[TESTDATA / "testing-ca" / "root.cert.pem"], at=AT)
    verdict = expected_verdict(row)
    if verdict == "invalid":
        assert not report.valid
        assert not all(s.document_intact for s in report.signatures)
        assert all(s.problems for s in report.signatures if not s.document_intact)
    else:
        assert all(s.document_intact for s in report.signatures), report.summary
    if verdict == "trusted":
        assert report.valid, report.summary


PROJECT = Path(__file__).resolve().parents[3]
# The sibling folder the project was first built beside, spelled in parts so that this check is not itself a hit:
# a path "<parent>/<name>" or ".." / "<name>" written in code.
_SIBLING = "sha" + "red"
SHARED_PATH = re.compile(r"\.\./" + _SIBLING + r"|[\"']\.\.[\"']\s*/\s*[\"']" + _SIBLING + r"[\"']")


def test_the_project_is_self_contained():
    """The test files and their licence are in the repository, and nothing reads the sibling folder it was
    first built beside (a clone of the repository alone has no such folder)."""
    assert TESTDATA.is_relative_to(PROJECT / "tests" / "data")
    assert (TESTDATA / "LICENSE.MIT.txt").is_file() and (TESTDATA / "expectations.tsv").is_file()
    readers = [
        str(path.relative_to(PROJECT))
        for folder in ("app", "bench", "extractors", "flows", "pipeline", "samples", "schemas", "scripts", "tests")
        for path in (PROJECT / folder).rglob("*")
        if path.suffix in (".py", ".sh", ".toml", ".ini", ".cfg") and path != Path(__file__).resolve()
        and SHARED_PATH.search(path.read_text("utf-8"))
    ]
    assert readers == []


def test_expectations_cover_every_kind():
    kinds = [expected_verdict(r) for r in ROWS]
    assert kinds.count("invalid") >= 9 and kinds.count("trusted") >= 2 and len(ROWS) == 23


@pytest.mark.parametrize(
    ("name", "status"),
    [("form-update-override-appearance-stream-sneaky.pdf", 1), ("pades-with-old-style-signing-cert-attr.pdf", 0)],
)
def test_cli_with_trust_root_and_validation_time(name, status, signing_env, capsys):
    root = TESTDATA / "testing-ca" / "root.cert.pem"
    with pytest.raises(SystemExit) as exc:
        main(["verify", str(TESTDATA / "pdf" / name), "--trust-root", str(root), "--at", "2020-11-01T00:00:00"])
    assert exc.value.code == status
    captured = capsys.readouterr()
    out = captured.out
    assert "Traceback" not in captured.err
    assert ("KHÔNG HỢP LỆ" in out) == (status == 1)
    assert ("tất cả 1 chữ ký HỢP LỆ" in out) == (status == 0)
