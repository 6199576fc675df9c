"""The generator: deterministic per seed, every schema, contract value formats, readable files."""

import json
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from samples import writers
from samples.doc import SCHEMAS
from samples.generate import generate_corpus, generate_document, scan_like_pdf
from samples.truth_format import problems


def _truth(path: Path) -> dict:
    return json.loads(writers.truth_path(path).read_text(encoding="utf-8"))


def _page_count(path: Path) -> int:
    if path.suffix == ".pdf":
        with pikepdf.open(path) as pdf:
            return len(pdf.pages)
    with Image.open(path) as image:
        return getattr(image, "n_frames", 1)


@pytest.mark.parametrize(("schema", "tier"), [("birth_certificate", "scan"), ("citizen_id_card", "hard"),
                                              ("birth_register", "clean")])
def test_same_seed_same_files(tmp_path: Path, schema: str, tier: str) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = generate_document(tmp_path / "a", 7, schema, tier, 1)
    b = generate_document(tmp_path / "b", 7, schema, tier, 1)
    assert a.name == b.name
    assert _truth(a) == _truth(b)
    assert a.read_bytes() == b.read_bytes()


def test_other_seed_other_document(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = generate_document(tmp_path / "a", 1, "marriage_certificate", "clean", 1, "png")
    b = generate_document(tmp_path / "b", 2, "marriage_certificate", "clean", 1, "png")
    assert _truth(a)["documents"][0]["fields"] != _truth(b)["documents"][0]["fields"]


def test_corpus_covers_every_schema_in_contract_formats(tmp_path: Path) -> None:
    files = generate_corpus(tmp_path, seed=11, per_type=1, dossiers=1)
    assert len(files) == len(SCHEMAS) + 1
    seen = set()
    for path in files:
        truth = _truth(path)
        assert truth["source"] == path.name
        assert problems(truth) == [], path.name
        assert _page_count(path) == len(truth["pages"])
        seen.update(doc["schema"] for doc in truth["documents"])
    assert seen == set(SCHEMAS)
    dossier = _truth(files[-1])
    assert [d["schema"] for d in dossier["documents"]][0] == "citizen_id_card"
    assert len(dossier["documents"]) == 2 and len(dossier["pages"]) == 3


@pytest.mark.parametrize("schema", ["birth_certificate", "death_extract", "marital_status_confirmation"])
def test_printed_values_are_in_the_page_text(tmp_path: Path, schema: str) -> None:
    path = generate_document(tmp_path, 5, schema, "clean", 1, "png")
    truth = _truth(path)
    text = truth["pages"][0]["text"].replace("\n", " ")
    for key, value in truth["documents"][0]["fields"].items():
        if value is not None and key not in ("sex",) and "date" not in key:
            assert value in text, key


def test_page_image_has_its_dpi(tmp_path: Path) -> None:
    path = generate_document(tmp_path, 3, "death_extract", "clean", 1, "png")
    with Image.open(path) as image:
        assert image.size == (2480, 3508)  # A4 at 300 dpi
        assert round(image.info["dpi"][0]) == 300
    assert _truth(path)["pages"][0]["dpi"] == 300


def test_declared_dpi_matches_the_file(tmp_path: Path) -> None:
    """Each page's truth dpi is the image's own: PNG/JPEG/TIFF resolution tags, PDF media box vs pixels."""
    for path in generate_corpus(tmp_path, seed=12, per_type=1, dossiers=1):
        truth = _truth(path)
        if path.suffix == ".pdf":
            with pikepdf.open(path) as pdf:
                for page, page_truth in zip(pdf.pages, truth["pages"], strict=True):
                    (image,) = page.get_images().values()
                    width_in = (float(page.mediabox[2]) - float(page.mediabox[0])) / 72
                    assert abs(image.Width / width_in - page_truth["dpi"]) < 1, path.name
        else:
            with Image.open(path) as image:
                assert round(image.info["dpi"][0]) == truth["pages"][0]["dpi"], path.name


def test_scan_like_pdf_is_deterministic(tmp_path: Path) -> None:
    a = scan_like_pdf(tmp_path / "a" / "scan.pdf", 2, seed=9)
    b = scan_like_pdf(tmp_path / "b" / "scan.pdf", 2, seed=9)
    assert a.read_bytes() == b.read_bytes()


def test_scan_like_pdf(tmp_path: Path) -> None:
    out = scan_like_pdf(tmp_path / "scan_3.pdf", 3, seed=1)
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 3
        for page in pdf.pages:
            (image,) = page.get_images().values()
            assert (image.Width, image.Height) == (1654, 2339)  # A4 at 200 dpi
            assert image.ColorSpace == "/DeviceRGB" and image.Filter == "/DCTDecode"
            width_pt = float(page.mediabox[2]) - float(page.mediabox[0])
            assert abs(width_pt - 595.3) < 1.0  # the page is A4: the image sits at 200 dpi
    truth = _truth(out)
    assert problems(truth) == []
    assert all(p["dpi"] == 200 and p["skew"] != 0 for p in truth["pages"])


def test_families_spec_draws_every_document_from_the_selected_families(tmp_path: Path) -> None:
    from samples.families import select, split_of
    from samples.generate import main

    code = main(["--out", str(tmp_path), "--seed", "3", "--per-type", "3", "--tiers", "clean",
                 "--schemas", "citizen_id_card,birth_register", "--families", "heldout", "--dossiers", "1"])
    assert code == 0
    truths = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in tmp_path.glob("*.truth.json")}
    assert len(truths) == 7  # 3 cards, 3 registers, 1 dossier
    heldout = select("heldout")
    for name, truth in truths.items():
        assert problems(truth) == [], name
        for doc in truth["documents"]:
            assert doc["family"] in heldout[doc["schema"]], (name, doc["family"])
            assert split_of(doc["family"]) == "heldout"


def test_families_spec_leaves_out_schemas_without_a_selected_family(tmp_path: Path) -> None:
    files = generate_corpus(tmp_path, seed=4, per_type=2, tiers=["clean"], dossiers=1, family_spec="card-cmnd-9")
    assert len(files) == 2 and all(p.name.startswith("citizen_id_card_clean_") for p in files)
    assert {_truth(p)["documents"][0]["family"] for p in files} == {"card-cmnd-9"}  # no dossier: no certificate


def test_same_family_choice_for_the_same_seed(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    choices = ["br-1990s", "br-2010", "br-random"]
    a = generate_document(tmp_path / "a", 8, "birth_register", "scan", 1, choices=choices)
    b = generate_document(tmp_path / "b", 8, "birth_register", "scan", 1, choices=choices)
    assert _truth(a) == _truth(b) and a.read_bytes() == b.read_bytes()
    assert _truth(a)["documents"][0]["family"] in choices


def test_unknown_family_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from samples.generate import main

    assert main(["--out", str(tmp_path), "--families", "tuning,card-cmnd-7"]) == 2
    assert "card-cmnd-7" in capsys.readouterr().err
    assert not tmp_path.exists() or not any(tmp_path.iterdir())
