"""Errors on the counter's dossier screen look like errors (issue 15, defect 6): a refused value stays as the
officer typed it, in the error style with its reason in Vietnamese, never replaced by the old value; the
screen's message is an alert, not the green notice of a success."""

from __future__ import annotations

import re

from .conftest import sample


def test_a_refused_value_on_the_dossier_screen_is_kept_in_the_error_style(clients):
    client, csrf = clients["tiep_nhan"]
    card = sample("citizen_id_card_clean_")
    with card.open("rb") as fh:
        reply = client.post("/tiep-nhan", data={"csrf_token": csrf}, files={"files": (card.name, fh, "image/png")},
                            follow_redirects=False)
    url = reply.headers["location"]
    before = re.search(r'name="f1\.d0\.date_of_birth" value="([^"]*)"', client.get(url).text).group(1)
    refused = client.post(url + "/luu", data={"csrf_token": csrf, "f1.d0.date_of_birth": "31/02/1990"})
    assert refused.status_code == 422
    html = refused.text
    row = re.search(r'<div class="field [^"]*" data-field="f1\.d0\.date_of_birth".*?</div>', html, re.S).group(0)
    assert "invalid" in row.split('"')[1], "the field in the error style"
    assert 'value="31/02/1990"' in row, "what the officer typed stays in the input"
    assert before == "31/02/1990" or f'value="{before}"' not in row, "the old value does not replace it"
    assert 'aria-invalid="true"' in row and "không có thật trên lịch" in row
    message = re.search(r'<p class="([^"]*)" role="alert" id="problem">([^<]*)</p>', html)
    assert message and message.group(1) == "alert" and "hãy sửa các ô được đánh dấu" in message.group(2)
    assert '<p class="notice' not in html, "no success-styled message on a refusal"
