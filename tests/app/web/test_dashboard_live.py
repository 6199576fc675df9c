"""The live dashboard (issue 15) in Chromium: the supervisor's /thong-ke updates within 2 s of an approval made
by a counter officer in another browser context, without a reload (server-sent events)."""

from __future__ import annotations

import re
import time

from .conftest import sample
from .test_e2e_browser import browser, live_url, log_in, playwright_sync  # noqa: F401 - server, Chromium


def test_the_dashboard_updates_within_two_seconds_of_an_approval(browser, live_url):  # noqa: F811
    supervisor = browser.new_context(viewport={"width": 1366, "height": 768})
    officer = browser.new_context()
    try:
        board = supervisor.new_page()
        log_in(board, live_url, "user_giam_sat")
        board.goto(live_url + "/thong-ke")
        expect = playwright_sync.expect  # waits without evaluating strings (the page's CSP forbids eval)
        expect(board.locator("#live")).to_have_attribute("data-updated", re.compile(r"^\d+$"))  # stream open
        approved = board.locator("[data-live=approved]")
        before = approved.inner_text()

        counter = officer.new_page()
        log_in(counter, live_url, "user_tiep_nhan")
        csrf = counter.request.get(live_url + "/api/me").json()["csrf_token"]
        card = sample("citizen_id_card_clean_")
        created = counter.request.post(live_url + "/api/dossiers", headers={"X-CSRF-Token": csrf}, multipart={
            "files": {"name": card.name, "mimeType": "application/octet-stream", "buffer": card.read_bytes()}})
        assert created.ok, created.text()
        code = created.json()["dossier"]["code"]
        board.wait_for_timeout(1500)  # the upload's own change (a dossier received) has been pushed
        assert approved.inner_text() == before, "nothing approved yet"
        reply = counter.request.post(f"{live_url}/api/dossiers/{code}/approve", headers={"X-CSRF-Token": csrf})
        assert reply.ok, reply.text()
        approved_at = time.monotonic()
        expect(approved).not_to_have_text(before, timeout=2000)
        assert time.monotonic() - approved_at <= 2.0
        assert int(approved.inner_text().replace(".", "")) == int(before.replace(".", "")) + 1
        assert board.locator("[data-live=received_today]").inner_text() != "0"
        assert board.locator("[data-live-rows=by_officer] tr").count() >= 1
        assert board.locator("#pages-chart rect").count() >= 1
    finally:
        supervisor.close()
        officer.close()
