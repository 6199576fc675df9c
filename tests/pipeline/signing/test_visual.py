"""What a person sees (issue 16, finding 2): a change after signing that shows on the page is a modification,
whatever pyHanko's difference policy says of the objects; later signatures and form filling that hide nothing
stay valid."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf
import pytest

from app.cli import main
from pipeline.signing import sign_pdf, verify_pdf
from tests.pipeline.signing.attacks import (
    ATTACKS,
    fill_field_in_blank_space,
    incremental,
    make_form_pdf,
)
from tests.pipeline.signing.conftest import make_pdf


def run_cli(*args: str) -> int:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return int(exc.value.code or 0)


def page_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def trusted_signer(signing_env, test_pki) -> None:
    signing_env.use_pkcs12(test_pki, tsa=False)  # valid before any change: what follows must undo that


@pytest.fixture
def signed_form(trusted_signer, tmp_path) -> Path:
    out = tmp_path / "signed.pdf"
    sign_pdf(make_form_pdf(tmp_path / "form.pdf"), out)
    assert verify_pdf(out).valid
    return out


@pytest.mark.parametrize("name", list(ATTACKS))
def test_no_change_after_signing_is_valid(name, signed_form, capsys):
    before = page_text(signed_form)
    incremental(signed_form, ATTACKS[name])
    if name != "stamp-appearance-rewritten":
        assert "Attacker" in page_text(signed_form) and "Attacker" not in before  # the change is really there
    report = verify_pdf(signed_form)
    first = report.signatures[0]
    assert not report.valid and not first.valid and not first.document_intact and first.verdict == "invalid"
    assert first.problems
    assert run_cli("verify", str(signed_form)) == 1
    assert "KHÔNG HỢP LỆ" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["field-appearance-hides-text", "new-signature-field-hides-text"])
def test_a_change_the_difference_policy_allows_is_caught_by_what_is_seen(name, signed_form, capsys):
    """pyHanko calls both 'form filling'; the printed payee is hidden under an opaque appearance."""
    incremental(signed_form, ATTACKS[name])
    first = verify_pdf(signed_form).signatures[0]
    assert first.modification_level == "FORM_FILLING"  # the objects alone would pass
    assert first.visual_check is not None and first.visual_check.hidden_under_widget == [1]
    assert first.visual_check.visible_change and not first.modifications_allowed
    assert any("Nội dung hiển thị bị thay đổi sau khi ký" in p for p in first.problems)
    assert run_cli("verify", str(signed_form), "--json") == 1
    assert '"visible_change": true' in capsys.readouterr().out


def test_form_filling_that_hides_nothing_stays_valid(signed_form):
    incremental(signed_form, fill_field_in_blank_space)
    report = verify_pdf(signed_form)
    first = report.signatures[0]
    assert first.modification_level == "FORM_FILLING" and first.visual_check is not None
    assert first.visual_check.pages_compared == [1] and not first.visual_check.visible_change
    assert report.valid, report.summary


@pytest.mark.parametrize("second_visible", [True, False], ids=["two-stamps", "stamp-then-invisible"])
def test_sohoa_signed_twice_stays_valid(second_visible, trusted_signer, tmp_path, capsys):
    once, twice = tmp_path / "once.pdf", tmp_path / "twice.pdf"
    sign_pdf(make_pdf(tmp_path / "in.pdf", pages=3), once)
    sign_pdf(once, twice, copy_form="SAO LỤC", visible=second_visible)
    report = verify_pdf(twice)
    assert report.valid and report.verdict == "valid", report.summary
    first, second = report.signatures
    assert first.coverage == "ENTIRE_REVISION" and second.covers_whole_file
    assert first.visual_check is not None and first.visual_check.pages_compared == [1]  # only page 1 changed
    assert not first.visual_check.visible_change
    assert run_cli("verify", str(twice)) == 0
    assert "tất cả 2 chữ ký HỢP LỆ" in capsys.readouterr().out
    if second_visible:  # the second stamp goes below the first, never over it
        with pikepdf.open(twice) as pdf:
            (a0, a1, a2, a3), (b0, b1, b2, b3) = ([float(v) for v in a.Rect] for a in pdf.pages[0].Annots)
        assert b3 <= a1 and b1 < b3 and a0 == b0


def test_only_changed_pages_are_rendered(trusted_signer, tmp_path):
    once, twice = tmp_path / "once.pdf", tmp_path / "twice.pdf"
    sign_pdf(make_pdf(tmp_path / "in.pdf", pages=20), once, visible=False)
    sign_pdf(once, twice, visible=False)
    check = verify_pdf(twice).signatures[0].visual_check
    assert check is not None and check.pages_before == check.pages_after == 20
    assert check.pages_compared == [1]  # the new widget is on page 1; pages 2-20 are untouched objects
