"""``python -m samples.generate``: arguments and a small run."""

import json
from pathlib import Path

from samples.generate import main


def test_unknown_tier_is_refused(tmp_path: Path, capsys) -> None:
    assert main(["--out", str(tmp_path), "--tiers", "clean,blurry"]) == 2
    assert "blurry" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


def test_one_schema_one_tier(tmp_path: Path) -> None:
    code = main(["--out", str(tmp_path), "--seed", "4", "--per-type", "2", "--tiers", "scan",
                 "--schemas", "death_extract", "--dossiers", "0"])
    assert code == 0
    truths = sorted(tmp_path.glob("*.truth.json"))
    assert [t.name for t in truths] == ["death_extract_scan_001.truth.json", "death_extract_scan_002.truth.json"]
    for truth in truths:
        data = json.loads(truth.read_text(encoding="utf-8"))
        assert data["tier"] == "scan" and data["pages"][0]["dpi"] == 200
        assert (tmp_path / data["source"]).is_file()
