"""The record page and ``/api/records/{id}/signature`` on a copy signed by the development signer (the web
app signs with it when no SOHOA_SIGNER is set): a test signature, never "hợp lệ … tin cậy" (issue 16,
finding 6)."""

from __future__ import annotations


def test_development_signature_is_shown_as_a_test_signature(clients, intake):
    client, _ = clients["giam_sat"]
    signature = client.get(f"/api/records/{intake.record_id}/signature").json()
    assert signature["checked"] and signature["valid"] is False
    assert signature["report"]["verdict"] == "test_signature"
    [sig] = signature["report"]["signatures"]
    assert sig["development_signer"] and not sig["trusted"] and sig["document_intact"]
    assert "chữ ký thử nghiệm" in signature["summary"] and "HỢP LỆ" not in signature["summary"]
    page = client.get(f"/ho-so/{intake.record_id}").text
    shown = page[page.index('id="signature"'):page.index("</section>", page.index('id="signature"'))]
    assert "Chữ ký thử nghiệm" in shown and "chữ ký thử nghiệm" in shown
    assert "hợp lệ" not in shown.replace("không hợp lệ", "").lower() and ": tin cậy" not in shown
