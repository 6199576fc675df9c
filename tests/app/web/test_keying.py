"""Column keying in Chromium, keyboard only: a column of handwritten name cells read by the constrained
reader, 20 keyed and accepted (typing over the wrong suggestions, Enter on the right ones) and one flagged
illegible (F9); what was stored and the keystrokes counted are checked. Screenshot: web-keying.png."""

from __future__ import annotations

import pytest

from app.web.routes.keying import create_column
from samples.handwriting import TUNING, book_cells

from .test_e2e_browser import browser, live_url, log_in, shot  # noqa: F401 - fixtures

ACCEPTED = 20


@pytest.fixture(scope="module")
def column(web_app) -> tuple[str, dict[int, str]]:
    cells = [c for c in book_cells(TUNING, 24, seed=5, year=1992) if c.kind == "name"][: ACCEPTED + 1]
    folder = web_app.state.ctx.settings.home / "web" / "keying"
    column_id = create_column(folder, "name", [c.image for c in cells])
    return column_id, {i: c.value for i, c in enumerate(cells)}


@pytest.mark.slow
def test_a_column_keyed_with_the_keyboard_only(live_url, browser, column):  # noqa: F811
    column_id, truth = column
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_url, "user_kiem_tra")
    page.goto(f"{live_url}/nhap-cot/{column_id}")
    order = [int(i) for i in page.locator(".keying-cell").evaluate_all("els => els.map(e => e.dataset.id)")]
    statuses = page.locator(".keying-cell").evaluate_all("els => els.map(e => e.classList.contains('ok'))")
    assert statuses == sorted(statuses)  # the uncertain cells come first
    flagged = order[-1]
    expected_strokes = 0
    for n, cell_id in enumerate(order):
        # Enter went down to the next cell (focus moves once the server has the cell before: wait for it).
        page.wait_for_selector(f".keying-cell[data-id='{cell_id}'] input:focus", timeout=15000)
        if cell_id == flagged:
            page.keyboard.press("F9")
            expected_strokes += 1
        else:
            suggestion = page.locator("input:focus").input_value()
            if suggestion != truth[cell_id]:
                page.keyboard.type(truth[cell_id])  # the suggestion is selected: typing replaces it
                expected_strokes += len(truth[cell_id])
            page.keyboard.press("Enter")
            expected_strokes += 1
        page.wait_for_selector(f".keying-cell.done[data-id='{cell_id}']")
        if n == 4:
            shot(page, "keying")
    page.wait_for_selector("#keying-done:not([hidden])")
    data = page.request.get(f"{live_url}/api/keying/{column_id}").json()
    keyed = {int(k): v for k, v in data["keyed"].items()}
    assert len(keyed) == ACCEPTED + 1 and keyed[flagged]["illegible"]
    assert {i: v["value"] for i, v in keyed.items() if i != flagged} == {i: truth[i] for i in keyed if i != flagged}
    assert data["totals"]["keystrokes"] == expected_strokes
    assert data["totals"]["keyed"] == ACCEPTED + 1 and data["totals"]["illegible"] == 1
    page.close()
