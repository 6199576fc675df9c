"""The counter's dossier screen shares app.js with the review queue (issue 15): Enter moves between the
fields and never submits (in the fields and in the applicant's details), the fields looked at go back in
the form's ``checked``, and saving keeps what was typed. In Debian's Chromium (Playwright)."""

from __future__ import annotations

import re

from .conftest import sample
from .test_e2e_browser import browser, live_url, log_in  # noqa: F401  (fixtures shared with the e2e test)


def test_enter_moves_on_and_saving_works_on_the_dossier_screen(web_app, live_url, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
    try:
        page = context.new_page()
        log_in(page, live_url, "user_tiep_nhan")
        page.wait_for_url("**/tiep-nhan")
        page.set_input_files("input[type=file]", str(sample("citizen_id_card_clean_")))
        with page.expect_navigation(url=re.compile(r"/tiep-nhan/[^/]+$")):
            page.click("form.upload button[type=submit]")
        url = page.url
        code = url.rsplit("/", 1)[1]
        names = page.eval_on_selector_all("#dossier-form .field input", "els => els.map(e => e.name)")
        assert len(names) >= 3

        first = names[0]
        page.focus(f"[name='{first}']")
        page.keyboard.press("Enter")
        page.wait_for_timeout(200)
        assert page.url == url, "Enter never submits the dossier's fields"
        moved = page.evaluate("document.activeElement.name")
        assert moved and moved != first and moved in names, "Enter moves on to another field"
        checked = page.input_value("#checked").split()
        assert first in checked and moved in checked, "the fields looked at go back in the form"

        page.focus("#applicant-name")
        page.keyboard.type("Nguyễn Văn Bình")
        page.keyboard.press("Enter")
        page.wait_for_timeout(200)
        assert page.url == url, "Enter in the applicant's details does not submit them"
        assert page.evaluate("document.activeElement.id") == "applicant-id"

        target = next(n for n in names if n.endswith(".residence") or n.endswith(".place_of_origin"))
        page.fill(f"[name='{target}']", "Phường Hạ Long, tỉnh Quảng Ninh")
        with page.expect_navigation(url=re.compile(r"da_luu=1")):
            page.click("#save")
        assert page.locator(".notice").inner_text() == "Đã lưu các thay đổi."
        assert page.input_value(f"[name='{target}']") == "Phường Hạ Long, tỉnh Quảng Ninh"
        stored = web_app.state.ctx.dossiers.load(code).files[0].checked
        assert f"d0.{first.split('.', 2)[2]}" in stored, "what was looked at is kept with the dossier"
    finally:
        context.close()
