"""The review log counts as seen only what a person checked (issue 15, defect 3): at the counter the fields
the officer focused (the form's ``checked``, kept by app.js) or typed, saved with the dossier and counted at
approval; the fields accepted with the document without a look are counted apart on the dashboard."""

from __future__ import annotations

import json
import re

from sqlalchemy import select

from app.web.stats import reviews_table

from .conftest import sample


def _last_review(web_app) -> dict:
    with web_app.state.ctx.repo.engine.connect() as conn:
        return dict(conn.execute(select(reviews_table).order_by(reviews_table.c.id.desc()).limit(1)).mappings().one())


def test_the_counter_logs_only_the_fields_the_officer_checked(web_app, clients):
    client, csrf = clients["tiep_nhan"]
    card = sample("citizen_id_card_clean_")
    with card.open("rb") as fh:
        reply = client.post("/tiep-nhan", data={"csrf_token": csrf}, files={"files": (card.name, fh, "image/png")},
                            follow_redirects=False)
    url = reply.headers["location"]
    code = url.rsplit("/", 1)[1]
    screen = client.get(url).text
    assert re.search(r'<input type="hidden" name="checked" id="checked" value="">', screen)
    extracted = web_app.state.ctx.dossiers.result(code, 1, "extracted").documents[0]
    auto_ok = [k for k, f in extracted.fields.items() if f.status == "ok"]
    assert len(auto_ok) >= 3, auto_ok
    first, second = auto_ok[0], auto_ok[1]
    saved = client.post(url + "/luu", data={"csrf_token": csrf, "checked": f"f1.d0.{first}"}, follow_redirects=False)
    assert saved.status_code == 303
    screen = client.get(url).text
    assert f'value="f1.d0.{first}"' in screen, "what was checked comes back to the form"
    assert re.search(rf'<div class="field [^"]*checked[^"]*" data-field="f1\.d0\.{first}"', screen)
    approved = client.post(url + "/duyet", data={"csrf_token": csrf, "checked": f"f1.d0.{first} f1.d0.{second}",
                                                 "confirm": "1"},  # the fields to review left unchecked: confirmed
                           follow_redirects=False)
    assert approved.status_code == 303, approved.text
    row = _last_review(web_app)
    assert row["source"] == "intake" and row["fields_auto_ok"] == len(auto_ok)
    assert row["auto_ok_checked"] == 2, "two fields looked at, the others accepted with the card unseen"
    assert sorted(row["checked"]) == sorted([first, second])
    stored = json.loads((web_app.state.ctx.dossiers.folder(code) / "dossier.json").read_text(encoding="utf-8"))
    assert sorted(stored["files"][0]["checked"]) == sorted([f"d0.{first}", f"d0.{second}"])

    supervisor, _ = clients["giam_sat"]
    board = supervisor.get("/thong-ke").text
    assert 'data-live="auto_unseen"' in board and "chưa ai xem" in board
    assert re.search(r'id="auto-checked">\d+ / \d+<', board)


def test_the_review_queue_logs_only_the_fields_the_reviewer_checked(web_app, clients):
    """Accepting with confirmation while fields are unchecked: the fields never focused are not counted as
    seen (the dashboard once showed 100 % of them 'unchanged')."""
    from pipeline.process import process_file

    hard = sample("citizen_id_card_hard_001")
    folder = web_app.state.ctx.settings.home / "batch-checked"
    folder.mkdir(exist_ok=True)
    processed = process_file(hard, jobs=1, archive_out=folder / "hard.pdf")
    stored = web_app.state.ctx.repo.put(processed.result, actor="batch-test", scan=hard, archive=folder / "hard.pdf")
    record_id = stored.id if hasattr(stored, "id") else stored[0].id
    document = processed.result.documents[0]
    auto_ok = [k for k, f in document.fields.items() if f.status == "ok"]
    client, csrf = clients["kiem_tra"]
    reply = client.post(f"/kiem-tra/{record_id}", data={"csrf_token": csrf, "checked": auto_ok[0], "confirm": "1"},
                        follow_redirects=False)
    assert reply.status_code == 303, reply.text
    row = _last_review(web_app)
    assert row["source"] == "review" and row["fields_auto_ok"] == len(auto_ok)
    assert row["auto_ok_checked"] == 1 and row["checked"] == [auto_ok[0]]
