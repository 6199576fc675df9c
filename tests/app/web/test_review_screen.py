"""The review screen an officer can trust (issue 15): the keyboard (focus on the first field to review,
Enter moves on and never accepts, Ctrl+Enter accepts and is refused while fields to review are
unchecked), errors in the error style with what was typed kept, the page image zoomed with the field's
crop enlarged, ``Cache-Control: no-store`` (Back after logging out shows no record), the idle timeout, and
numbers written the Vietnamese way. The browser's part runs in Debian's Chromium (Playwright).

With ``SOHOA_WEB_SCREENSHOTS=docs/images`` the review screen is saved as docs/images/web-review*.png."""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.web.numbers import vn_number, vn_percent, vn_seconds
from app.web.security import SESSION_MAX_AGE, Signer, load_secret
from pipeline.process import process_file

from .conftest import login, sample
from .test_e2e_browser import browser, live_url, log_in  # noqa: F401  (fixtures shared with the e2e test)

IMAGES = Path(os.environ.get("SOHOA_WEB_SCREENSHOTS") or tempfile.mkdtemp(prefix="sohoa-review-shots-"))


@pytest.fixture(scope="module")
def queued(web_app) -> int:
    """A hard ID card scan the machine was unsure of (fields to review: date of birth, expiry date, …),
    stored as a batch would store it: the first record of the review queue."""
    hard = sample("citizen_id_card_hard_001")
    folder = web_app.state.ctx.settings.home / "batch"
    folder.mkdir(exist_ok=True)
    processed = process_file(hard, jobs=1, archive_out=folder / "hard.pdf")
    document = processed.result.documents[0]
    assert document.needs_review and [k for k, f in document.fields.items() if f.status == "review"]
    record = web_app.state.ctx.repo.put(processed.result, actor="batch-test", scan=hard, archive=folder / "hard.pdf")
    return record.id if hasattr(record, "id") else record[0].id


def _reviewer(web_app) -> tuple[TestClient, str]:
    client = TestClient(web_app)
    return client, login(client, "user_kiem_tra")


def _review_fields(html: str) -> list[str]:
    return re.findall(r'<div class="field review[^"]*" data-field="([^"]+)"', html)


# -- server side --------------------------------------------------------------------------------------
def test_refused_value_keeps_what_was_typed_in_the_error_style(web_app, queued):
    client, csrf = _reviewer(web_app)
    reply = client.post(f"/kiem-tra/{queued}", data={"csrf_token": csrf, "date_of_birth": "31/02/1958",
                                                     "checked": "date_of_birth expiry_date"})
    assert reply.status_code == 422
    html = reply.text
    field = re.search(r'<div class="field [^"]*" data-field="date_of_birth".*?</div>', html, re.S).group(0)
    assert "invalid" in field.split('"')[1], "the field is in the error style"
    assert 'value="31/02/1958"' in field, "what the officer typed stays in the input"
    assert 'value="07/12/1958"' not in field, "the old value does not replace it"
    assert 'aria-invalid="true"' in field and 'role="alert"' in field
    assert "không có thật trên lịch" in field, "the reason, in Vietnamese"
    assert client.get("/api/review-queue").json()[0]["id"] == queued, "nothing was accepted"


def test_accept_is_refused_while_fields_to_review_are_unchecked(web_app, queued):
    client, csrf = _reviewer(web_app)
    page = client.get(f"/kiem-tra/{queued}").text
    to_review = _review_fields(page)
    assert to_review, "the card has fields to review"
    reply = client.post(f"/kiem-tra/{queued}", data={"csrf_token": csrf, "checked": ""})
    assert reply.status_code == 409
    alert = re.search(r'<div[^>]*id="unchecked"[^>]*>.*?</div>', reply.text, re.S).group(0)
    assert "hidden" not in alert.split(">")[0] and 'role="alert"' in alert
    labels = [re.search(rf'<label for="in-{re.escape(name)}">([^<]+)', page).group(1).strip() for name in to_review]
    assert all(label in alert for label in labels), ("the alert names the fields still to check", labels)
    assert client.get("/api/review-queue").json()[0]["id"] == queued, "nothing was accepted"


def test_every_reply_with_personal_data_is_no_store(web_app, queued):
    client, _csrf = _reviewer(web_app)
    for path in ("/kiem-tra", f"/kiem-tra/{queued}", f"/ho-so/{queued}", f"/ho-so/{queued}/anh/1",
                 "/api/review-queue", f"/api/records/{queued}", "/tra-cuu", "/dang-nhap"):
        reply = client.get(path)
        assert reply.status_code == 200, path
        assert reply.headers.get("cache-control") == "no-store", path
    assert "no-store" not in client.get("/static/app.css").headers.get("cache-control", "")


def _session_after(web_app, cookie: str, seen_ago: float) -> str:
    """The session ``cookie`` as the browser would hold it after ``seen_ago`` seconds without a request
    (signed with the server's own secret, as the server would have sent it)."""
    data = web_app.state.ctx.security.read_session(cookie)
    signer = Signer(load_secret(web_app.state.ctx.settings.home), "session")
    return signer.sign(data.model_copy(update={"seen": time.time() - seen_ago}).model_dump())


def test_idle_session_ends_and_an_active_one_is_renewed(web_app, queued):
    client, _csrf = _reviewer(web_app)
    cookie = client.cookies.get("sohoa_session")
    client.close()
    idle = web_app.state.ctx.security.idle_seconds
    assert idle == 30 * 60, "SOHOA_WEB_IDLE_MINUTES defaults to 30"
    browser_like = TestClient(web_app)
    active = _session_after(web_app, cookie, idle - 120)
    reply = browser_like.get("/kiem-tra", headers={"Cookie": f"sohoa_session={active}"}, follow_redirects=False)
    assert reply.status_code == 200
    renewed = reply.cookies.get("sohoa_session")
    assert renewed and renewed != active, "a request renews the idle clock"
    assert web_app.state.ctx.security.read_session(renewed).seen > time.time() - 5
    stale = _session_after(web_app, cookie, idle + 60)
    for path, refused in (("/kiem-tra", 303), ("/api/review-queue", 401)):
        reply = TestClient(web_app).get(path, headers={"Cookie": f"sohoa_session={stale}"}, follow_redirects=False)
        assert reply.status_code == refused, path
    assert SESSION_MAX_AGE == 12 * 3600, "the absolute limit stays"


def test_idle_minutes_are_configurable(monkeypatch, web_home):
    from pipeline.config import load_settings

    monkeypatch.setenv("SOHOA_WEB_IDLE_MINUTES", "5")
    assert load_settings().web_idle_minutes == 5


@pytest.mark.parametrize("value, text", [
    (vn_number(1234.5, 1), "1.234,5"), (vn_number(1234567), "1.234.567"), (vn_percent(0.861), "86,1 %"),
    (vn_percent(0.34, 0), "34 %"), (vn_percent(1.0), "100 %"), (vn_seconds(8.178), "8,2 giây"),
    (vn_seconds(12), "12 giây"),
])
def test_numbers_in_vietnamese_format(value, text):
    assert value == text


def test_confidence_is_shown_in_vietnamese_format(web_app, queued):
    client, _csrf = _reviewer(web_app)
    html = client.get(f"/kiem-tra/{queued}").text
    shown = re.findall(r"độ tin cậy ([^<·]+)", html)
    assert shown and all(re.fullmatch(r"\d{1,3} % ?", s) for s in shown), shown


# -- in Chromium --------------------------------------------------------------------------------------
def _shot(page, name: str) -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(IMAGES / f"web-{name}.png"), full_page=False)


def test_phone_size_review_and_back_after_logout_in_chromium(web_app, queued, live_url, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN", has_touch=True,
                                  is_mobile=True, device_scale_factor=2)
    page = context.new_page()
    log_in(page, live_url, "user_kiem_tra")
    page.wait_for_url("**/kiem-tra")
    record = web_app.state.ctx.repo.current(queued, actor="test")
    page.goto(f"{live_url}/ho-so/{record.id}")
    name = record.subject().full_name if record.subject() else None
    assert name and name in page.inner_text("main")

    page.goto(f"{live_url}/kiem-tra/{queued}")
    for _ in range(150):  # polled from here: wait_for_function evaluates a string, which the page's CSP forbids
        if page.evaluate("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)"):
            break
        page.wait_for_timeout(100)
    page.locator("figure.page [data-zoom=in]").first.click()
    page.locator("figure.page [data-zoom=in]").first.click()
    page.focus(".field[data-box] input")
    page.locator(".field.active canvas.crop").wait_for(state="visible")
    page.wait_for_timeout(300)  # the zoomed image painted before the screenshot
    _shot(page, "review-phone")

    page.goto(f"{live_url}/ho-so/{record.id}")
    page.click("button:has-text('Đăng xuất')")
    page.wait_for_url("**/dang-nhap")
    page.go_back()
    page.wait_for_load_state()
    assert name not in page.content(), "Back after logging out does not show the record"
    context.close()


def test_review_by_keyboard_in_chromium(web_app, queued, live_url, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
    page = context.new_page()
    log_in(page, live_url, "user_kiem_tra")
    page.wait_for_url("**/kiem-tra")
    page.goto(f"{live_url}/kiem-tra/{queued}")
    to_review = page.eval_on_selector_all(".field.review input, .field.review select", "els => els.map(e => e.name)")
    assert len(to_review) >= 2
    assert page.evaluate("document.activeElement.name") == to_review[0], "focus starts on the first field to review"

    for following in to_review[1:]:
        page.keyboard.press("Enter")
        assert page.url.endswith(f"/kiem-tra/{queued}"), "Enter does not accept"
        assert page.evaluate("document.activeElement.name") == following, "Enter moves to the next field to review"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == to_review[0], "after the last, back to the first"

    # A fresh screen: Ctrl+Enter with a field to review not yet seen is refused and says which.
    page.reload()
    assert page.locator("#unchecked").is_hidden()
    assert "checked" not in page.get_attribute(f".field[data-field='{to_review[0]}']", "class").split(), \
        "the focus the screen puts on the first field to review checks nothing"
    page.keyboard.press("Control+Enter")
    page.wait_for_timeout(300)
    assert page.url.endswith(f"/kiem-tra/{queued}"), "Ctrl+Enter is refused while fields are unchecked"
    assert page.locator("#unchecked").is_visible()
    assert page.inner_text("#unchecked-count") == str(len(to_review)), "the first field is still to check"
    listed = page.inner_text("#unchecked-list")
    assert listed and page.get_attribute("#unchecked", "role") == "alert"
    assert len(web_app.state.ctx.repo.history(queued, actor="test")) == 1, "nothing stored"

    # The page image zooms (+, wheel) with the box outlined, not filled, and the field's crop enlarged.
    image = page.locator("figure.page img").first
    before = image.bounding_box()["width"]
    page.locator("figure.page .viewport").first.focus()
    page.keyboard.press("+")
    page.keyboard.press("+")
    assert image.bounding_box()["width"] > before * 1.4, "+ zooms the page image"
    page.keyboard.press("0")
    assert abs(image.bounding_box()["width"] - before) < 2, "0 resets"
    box = page.locator("figure.page .viewport").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 3, box["y"] + box["height"] / 3)
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(100)
    assert image.bounding_box()["width"] > before * 1.2, "the wheel zooms"
    fill = page.eval_on_selector("rect.box", "r => getComputedStyle(r).fill")
    assert fill == "none", "the box outlines the value without covering it"

    page.keyboard.press("0")
    boxed = page.eval_on_selector_all(".field[data-box] input", "els => els.map(e => e.name)")
    shown = next((n for n in to_review if n in boxed), boxed[0])  # a field to review with a place on the page
    page.focus(f"[name='{shown}']")
    crop = page.locator(f".field[data-field='{shown}'] canvas.crop")
    crop.wait_for(state="visible")
    crop_width = crop.bounding_box()["width"]
    rect = page.locator(f"rect.box[data-field='{shown}']").bounding_box()
    assert crop_width > rect["width"], "the crop beside the input is larger than the value on the page"
    widths = {name: page.locator(f".field[data-field='{name}']").bounding_box()["width"] for name in boxed}
    for name in boxed:  # every field's crop, a wide one too (cut into lines), larger than the page shows it
        page.focus(f"[name='{name}']")
        canvas = page.locator(f".field[data-field='{name}'] canvas.crop")
        canvas.wait_for(state="visible")
        assert float(canvas.get_attribute("data-scale")) >= 1.5, (name, canvas.get_attribute("data-scale"))
        frame = page.locator(f".field[data-field='{name}'] .crop-frame").bounding_box()
        width = page.locator(f".field[data-field='{name}']").bounding_box()["width"]
        assert frame["width"] <= width and abs(width - widths[name]) < 1, "the crop never widens its field"
    page.focus(f"[name='{shown}']")
    page.locator("figure.page [data-zoom=in]").first.click()  # zoomed in around the field being checked
    page.locator("figure.page [data-zoom=in]").first.click()
    page.locator("figure.page [data-zoom=in]").first.click()
    page.evaluate("window.scrollTo(0, 0)")
    _shot(page, "review")

    # Every field to review visited: Ctrl+Enter accepts.
    for name in to_review:
        page.focus(f"[name='{name}']")
    with page.expect_navigation():
        page.keyboard.press("Control+Enter")
    assert "/kiem-tra" in page.url and not page.url.endswith(f"/kiem-tra/{queued}")
    assert len(web_app.state.ctx.repo.history(queued, actor="test")) == 2, "accepted: a new version"
    context.close()
