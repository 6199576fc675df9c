"""Layout families in the evaluation: per-family metrics with their split, and ``--families`` scoring only the
selected families' documents (hand-made truths, then ``sohoa eval`` on generated files with real OCR)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.evaluation.families import case_selected, parse_spec, registry_splits, restrict, unmatched
from pipeline.evaluation.metrics import NO_FAMILY, compute_metrics, metrics_by_family
from pipeline.evaluation.report import build_system_report
from pipeline.evaluation.scoring import score_file
from pipeline.evaluation.truth import Case, Truth
from pipeline.models import Document, ExtractionResult, FieldValue, PageResult

ROOT = Path(__file__).resolve().parents[3]


def _ok(value: object) -> FieldValue:
    return FieldValue(value=value, confidence=0.99, status="ok")


def _dossier_case() -> Case:
    """A request form (page 1, no document), a held-out card (page 2) and a tuning-family certificate (page 3)."""
    truth = Truth.model_validate({
        "source": "d.pdf", "tier": "scan",
        "pages": [{"number": n, "text": f"trang {n}"} for n in (1, 2, 3)],
        "documents": [
            {"schema": "citizen_id_card", "pages": [2], "family": "card-cmnd-9",
             "fields": {"personal_id": "100123456", "full_name": "LÊ VĂN AN", "sex": None}},
            {"schema": "death_extract", "pages": [3], "family": "de-custom",
             "fields": {"full_name": "TRẦN THỊ BA", "number": "12"}},
        ],
    })
    return Case(input_path=Path("d.pdf"), truth=truth)


def _result() -> ExtractionResult:
    pages = [PageResult(number=n, width=10, height=10, dpi=200, text=f"trang {n}") for n in (1, 2, 3)]
    documents = [
        Document(schema="citizen_id_card", pages=[2], fields={"personal_id": _ok("100123456"),
                                                               "full_name": _ok("LÊ VĂN ÂN"), "sex": _ok("male")}),
        Document(schema="birth_certificate", pages=[2], fields={"full_name": _ok("LÊ VĂN AN")}),  # spurious
        Document(schema="death_extract", pages=[3], fields={"full_name": _ok("TRẦN THỊ BA"), "number": _ok("12")}),
    ]
    return ExtractionResult(source="d.pdf", sha256="0", pages=pages, documents=documents)


def test_metrics_per_family_with_the_registry_split() -> None:
    score = score_file(_dossier_case(), _result(), 3.0)
    report = build_system_report("sohoa", [score], 3.0, 1)
    card, death = report.by_family["card-cmnd-9"], report.by_family["de-custom"]
    assert card.split == "heldout" and death.split is None  # "de-custom" is not a generator family
    assert (card.documents, card.fields, card.fields_correct, card.accepted, card.silent_errors) == (1, 3, 1, 3, 2)
    assert (death.documents, death.fields, death.fields_correct, death.silent_errors) == (1, 2, 2, 0)
    assert card.pages == 1 and death.pages == 1
    dumped = report.model_dump(mode="json")
    assert dumped["by_family"]["card-cmnd-9"]["split"] == "heldout"
    assert dumped["by_family"]["card-cmnd-9"]["field_accuracy"] == pytest.approx(1 / 3)


def test_documents_without_a_family_group_as_unknown() -> None:
    case = _dossier_case()
    for doc in case.truth.documents:
        doc.family = None
    by_family = metrics_by_family([score_file(case, _result(), 3.0)])
    assert list(by_family) == [NO_FAMILY] and by_family[NO_FAMILY].documents == 2
    assert by_family[NO_FAMILY].split is None


def test_a_selection_scores_only_its_families_documents_and_pages() -> None:
    case = _dossier_case()
    score = score_file(case, _result(), 3.0)
    assert len(score.spurious) == 1
    selection = parse_spec("de-custom")
    assert case_selected(case, selection) and not case_selected(case, parse_spec("card-cccd-2021"))
    kept = restrict(score, selection)
    assert [d.family for d in kept.documents] == ["de-custom"]
    assert [p.number for p in kept.pages] == [1, 3]  # the card's page goes, the form page stays
    assert kept.spurious == []  # the spurious document lay only on the held-out card's page
    overall = compute_metrics([kept])
    assert (overall.documents, overall.fields, overall.silent_errors) == (1, 2, 0)
    assert kept.seconds == pytest.approx(2.0)
    assert restrict(score, parse_spec("all")) == score


def test_family_specs() -> None:
    assert parse_spec("all").everything
    tuning = parse_spec("tuning")
    assert "card-cccd-2021" in tuning.names and "card-cmnd-9" not in tuning.names
    assert tuning.keeps("br-2016") and not tuning.keeps(None)
    mixed = parse_spec("heldout, my-own-family")
    assert {"card-cmnd-9", "br-1990s", "my-own-family"} <= mixed.names and "br-2016" not in mixed.names
    assert unmatched(mixed, [_dossier_case()]) == ["my-own-family"]
    assert registry_splits()["card-cancuoc-2024"] == "heldout"
    with pytest.raises(ValueError):
        parse_spec(" , ")


def _sohoa(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=900)


@pytest.fixture(scope="module")
def two_cards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tuning-family card and a held-out card, clean."""
    from samples.generate import generate_document

    out = tmp_path_factory.mktemp("family_eval")
    generate_document(out, 31, "citizen_id_card", "clean", 1, "png", choices=["card-cccd-2021"])
    generate_document(out, 31, "citizen_id_card", "clean", 2, "png", choices=["card-cancuoc-2024"])
    return out


def test_eval_families_scores_only_the_selected_files(two_cards: Path, tmp_path: Path) -> None:
    report_path = tmp_path / "report.json"
    run = _sohoa("eval", str(two_cards), "--families", "tuning", "--json", str(report_path), "--jobs", "1")
    assert run.returncode == 0, run.stderr
    assert "Per layout family" in run.stdout
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["files"] == 1 and report["families"] == "tuning"
    assert any("1 file(s) without a selected family skipped" in w for w in report["warnings"])
    (system,) = report["systems"]
    assert list(system["by_family"]) == ["card-cccd-2021"]
    assert system["by_family"]["card-cccd-2021"]["split"] == "tuning"
    assert system["by_family"]["card-cccd-2021"]["documents"] == 1
    assert [f["source"] for f in system["files"]] == ["citizen_id_card_clean_001.png"]


@pytest.mark.slow
def test_eval_reports_every_family_with_its_split(two_cards: Path, tmp_path: Path) -> None:
    report_path = tmp_path / "report.json"
    run = _sohoa("eval", str(two_cards), "--json", str(report_path), "--jobs", "2")
    assert run.returncode == 0, run.stderr
    (system,) = json.loads(report_path.read_text(encoding="utf-8"))["systems"]
    assert {k: v["split"] for k, v in system["by_family"].items()} == {"card-cccd-2021": "tuning",
                                                                      "card-cancuoc-2024": "heldout"}
    assert sum(v["documents"] for v in system["by_family"].values()) == system["overall"]["documents"] == 2


def test_eval_refuses_an_empty_family_spec(tmp_path: Path) -> None:
    run = _sohoa("eval", str(tmp_path), "--families", ",")
    assert run.returncode == 2 and "--families" in run.stderr
