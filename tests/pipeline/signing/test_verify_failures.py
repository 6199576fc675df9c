"""The verifier on broken signed files (issue 16, findings 3 and 12): no traceback, ``--json`` still prints
JSON, "cannot validate" has its own exit status (4), and a malformed signed PDF is not "not a PDF" (2)."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest
from pyhanko.pdf_utils import generic

from app.cli import main
from pipeline.signing import sign_pdf, verify_pdf
from tests.pipeline.signing.attacks import incremental
from tests.pipeline.signing.conftest import make_pdf
from tests.pipeline.signing.validators import pdfsig


def run_json(path: Path, capsys) -> tuple[int, dict]:
    with pytest.raises(SystemExit) as exc:
        main(["verify", str(path), "--json"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "Traceback" not in captured.out
    return int(exc.value.code or 0), json.loads(captured.out)


@pytest.fixture
def signed(signing_env, test_pki, tmp_path) -> Path:
    signing_env.use_pkcs12(test_pki, tsa=False)
    out = tmp_path / "signed.pdf"
    sign_pdf(make_pdf(tmp_path / "in.pdf"), out)
    assert verify_pdf(out).valid
    return out


def test_unreadable_dss_in_the_signed_revision_cannot_be_validated(signing_env, test_pki, tmp_path, capsys):
    """A DSS pyHanko cannot read (its /Certs hold a number) crashed ``sohoa verify`` with a traceback."""
    signing_env.use_pkcs12(test_pki, tsa=False)
    src = make_pdf(tmp_path / "in.pdf")
    with pikepdf.open(src, allow_overwriting_input=True) as pdf:
        pdf.Root.DSS = pikepdf.Dictionary(Certs=pikepdf.Array([5]))
        pdf.save(src)
    out = tmp_path / "signed.pdf"
    sign_pdf(src, out)
    status, report = run_json(out, capsys)
    assert status == 4 and report["verdict"] == "cannot_validate" and not report["valid"]
    sig = report["signatures"][0]
    assert sig["verdict"] == "cannot_validate" and sig["intact"]  # the digest itself was fine
    assert any(p.startswith("Không thể kiểm tra chữ ký: DSS") for p in sig["problems"])
    with pytest.raises(SystemExit) as exc:
        main(["verify", str(out)])
    assert exc.value.code == 4
    assert "KHÔNG THỂ KIỂM TRA" in capsys.readouterr().out


def test_broken_dss_added_after_signing_is_invalid_not_a_crash(signed, capsys):
    def broken_dss(w) -> None:
        w.root["/DSS"] = generic.DictionaryObject({generic.pdf_name("/VRI"): generic.NumberObject(5)})
        w.update_root()

    incremental(signed, broken_dss)
    status, report = run_json(signed, capsys)
    assert status == 1 and report["verdict"] == "invalid"
    assert report["signatures"][0]["modification_level"] == "OTHER"


def test_signed_pdf_no_reader_can_open_cannot_be_validated(signed, capsys):
    """startxref points nowhere: not 'not a readable PDF' (exit 2), but 'cannot validate' (exit 4)."""
    data = signed.read_bytes()
    at = data.rindex(b"startxref")
    signed.write_bytes(data[:at] + b"startxref\n99999999\n%%EOF\n")
    status, report = run_json(signed, capsys)
    assert status == 4 and report["verdict"] == "cannot_validate" and report["error"]
    assert report["summary"].count("Không thể kiểm tra chữ ký") == 1 and report["signatures"] == []


def test_malformed_but_readable_signed_pdf_is_validated(signed, capsys):
    """An update whose trailer /Size is too small: pyHanko's strict reader refuses it (the file got exit 2,
    'not a readable PDF'); the lenient reader validates it, as pdfsig does."""
    data = signed.read_bytes()
    with pikepdf.open(signed) as pdf:
        size = int(pdf.trailer.Size)
    prev = int(data[data.rindex(b"startxref") + 9 :].split()[0])
    offset = len(data)
    update = b"%d 0 obj\n<< /Producer (x) >>\nendobj\n" % (size + 3)
    table = offset + len(update)
    update += b"xref\n%d 1\n%010d 00000 n\r\ntrailer\n<< /Size %d /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        size + 3, offset, size, prev, table)
    signed.write_bytes(data + update)
    assert pdfsig(signed)[0]["Signature Validation"] == "Signature is Valid."
    status, report = run_json(signed, capsys)
    sig = report["signatures"][0]
    assert status == 0 and report["verdict"] == "valid", report["summary"]
    assert sig["document_intact"] and sig["coverage"] == "ENTIRE_REVISION"


@pytest.mark.parametrize("content", [b"%PDF-1.7\n1 0 obj <<", b"not a pdf /ByteRange [0 1 2 3]"])
def test_not_a_pdf_is_still_exit_2(content, signing_env, tmp_path, capsys):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    with pytest.raises(SystemExit) as exc:
        main(["verify", str(bad), "--json"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1
