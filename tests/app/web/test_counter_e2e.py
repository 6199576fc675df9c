"""End to end in Debian's Chromium (Playwright): one dossier through the five steps with three accounts.
The counter officer uploads an ID card, enters the applicant, the procedure and the papers received and takes
the dossier in; the receipt is printed (Chromium's own print to PDF, A4) and checked for the return date,
the papers and a QR code of the dossier code; the appraiser checks the papers and the fields and passes it
on; the leader approves (confirming the file handed in that could not be read) and the result is signed;
the counter hands it over. Screenshots of each step go to docs/images/counter-step-*.png when
SOHOA_WEB_SCREENSHOTS=docs/images is set (else to a temporary folder)."""

from __future__ import annotations

import pytest

from app.counter.procedures import catalogue
from app.web.casework import casework_of
from app.web.papers import long_date

from .conftest import sample
from .test_counter_steps import check_receipt_pdf
from .test_e2e_browser import IMAGES, browser, live_url, log_in  # noqa: F401  (fixtures shared with the e2e test)

PROCEDURE = "xac_nhan_tinh_trang_hon_nhan"
VIEWPORT = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


IN_SIGHT_LOADED = ("Array.from(document.images).filter(i => i.getBoundingClientRect().top < innerHeight)"
                   ".every(i => i.complete && i.naturalWidth > 0)")


def shot(page, name: str, full: bool = False) -> None:
    """A screenshot once the page images in sight have loaded (they load lazily, late on a loaded machine)."""
    IMAGES.mkdir(parents=True, exist_ok=True)
    for _ in range(100):
        if page.evaluate(IN_SIGHT_LOADED):
            break
        page.wait_for_timeout(100)
    page.screenshot(path=str(IMAGES / f"counter-step-{name}.png"), full_page=full)


@pytest.mark.slow
def test_one_dossier_through_the_five_steps_with_three_accounts(web_app, live_url, browser, tmp_path):  # noqa: F811
    procedure = catalogue().get(PROCEDURE)
    contexts = {role: browser.new_context(viewport=VIEWPORT, locale="vi-VN")
                for role in ("tiep_nhan", "tham_dinh", "lanh_dao")}
    pages = {role: context.new_page() for role, context in contexts.items()}
    for role, page in pages.items():
        log_in(page, live_url, f"user_{role}")
    counter, appraiser, leader = pages["tiep_nhan"], pages["tham_dinh"], pages["lanh_dao"]

    # 1. tiếp nhận ----------------------------------------------------------------------------------
    counter.wait_for_url(live_url + "/tiep-nhan")
    note = tmp_path / "ghi-chu.txt"  # handed in with the card, not a scan: the leader is asked about it
    note.write_text("khong phai anh quet", encoding="utf-8")
    counter.set_input_files("form.upload input[name=files]", [str(sample("citizen_id_card_clean_")), str(note)])
    counter.click("form.upload button[type=submit]")
    counter.wait_for_url("**/tiep-nhan/000.*", timeout=120_000)
    code = counter.inner_text("#dossier-code")
    counter.fill("#applicant-name", "Nguyễn Văn An")
    counter.fill("#applicant-id", "001203004567")
    counter.fill("#applicant-contact", "0912 345 678")
    counter.select_option("#procedure", PROCEDURE)
    counter.click("#save-details")
    counter.wait_for_url("**#thong-tin")
    received = [p for p in procedure.papers if p.required]
    for paper in received:
        counter.check(f"input[name=paper][value={paper.key}]")
    counter.locator("#thong-tin").scroll_into_view_if_needed()
    shot(counter, "1-tiep-nhan")
    counter.click("#save-details")
    counter.wait_for_url("**#thong-tin")
    counter.click("#receive")
    counter.wait_for_url("**/phieu/tiep-nhan")
    case = casework_of(web_app).case(code)
    assert case.state == "dang_tham_dinh"
    assert long_date(case.due_date) in counter.inner_text("#paper-due")
    assert counter.inner_text("#paper-officer") == "Nguyễn Thị Lan"
    assert "ghi-chu.txt" in counter.inner_text("#paper-unread"), "the file not read is named on the receipt"
    shot(counter, "1-giay-tiep-nhan", full=True)
    counter.set_viewport_size(PHONE)  # on a phone the paper fits the screen (the motto wraps)
    assert counter.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(counter, "1-giay-tiep-nhan-dien-thoai", full=True)
    counter.set_viewport_size(VIEWPORT)
    counter.emulate_media(media="print")
    printed = counter.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    counter.emulate_media(media="screen")
    check_receipt_pdf(printed, code, long_date(case.due_date), [p.name for p in received], tmp_path)
    served = counter.request.get(f"{live_url}/ho-so-tthc/{code}/phieu/tiep-nhan/ban-in.pdf")
    assert served.ok
    check_receipt_pdf(served.body(), code, long_date(case.due_date), [p.name for p in received], tmp_path)

    # 2. thẩm định ----------------------------------------------------------------------------------
    appraiser.goto(live_url + "/tham-dinh")
    appraiser.click(f"a[href='/tham-dinh/{code}']")
    appraiser.wait_for_url(f"**/tham-dinh/{code}")
    assert appraiser.locator("rect.box").count() >= 5, "the fields are drawn on the page image"
    for paper in received:
        appraiser.check(f"input[name=paper_checked][value={paper.key}]")
    shot(appraiser, "2-tham-dinh")
    image = appraiser.locator(".page img").first
    image.scroll_into_view_if_needed()
    for _ in range(100):  # polled here: wait_for_function evaluates a string, which the page's CSP forbids
        if image.evaluate("img => img.complete && img.naturalWidth > 0"):
            break
        appraiser.wait_for_timeout(100)
    appraiser.locator("h3").first.scroll_into_view_if_needed()
    shot(appraiser, "2-tham-dinh-truong")
    appraiser.click("#pass-on")
    appraiser.wait_for_url(live_url + "/tham-dinh")
    assert casework_of(web_app).case(code).state == "cho_phe_duyet"

    # 3.–4. phê duyệt and ký số ----------------------------------------------------------------------
    leader.goto(live_url + "/phe-duyet")
    leader.click(f"a[href='/phe-duyet/{code}']")
    leader.wait_for_url(f"**/phe-duyet/{code}")
    shot(leader, "3-phe-duyet")
    leader.click("#approve")
    leader.wait_for_url(f"**/phe-duyet/{code}/duyet")  # the file that could not be read: asked first
    assert "ghi-chu.txt" in leader.inner_text("#xac-nhan")
    leader.locator("#xac-nhan").scroll_into_view_if_needed()
    shot(leader, "3-xac-nhan")
    leader.click("#confirm-approve")
    leader.wait_for_url("**/phe-duyet?da_ky=*", timeout=120_000)
    assert casework_of(web_app).case(code).state == "da_ky_so"
    leader.goto(f"{live_url}/phe-duyet/{code}")
    leader.locator("#lich-su").scroll_into_view_if_needed()
    shot(leader, "4-ky-so")

    # 5. trả kết quả ---------------------------------------------------------------------------------
    counter.goto(f"{live_url}/tiep-nhan/{code}")
    counter.click("#return-result")
    counter.wait_for_url(f"**/tiep-nhan/{code}")
    assert counter.inner_text("#case-state") == "Đã trả kết quả"
    counter.locator("#lich-su").scroll_into_view_if_needed()
    shot(counter, "5-tra-ket-qua")
    history = casework_of(web_app).history(code)
    assert [item.row.step for item in history] == ["tiep_nhan", "tham_dinh", "phe_duyet", "ky_so", "tra_ket_qua"]
    assert len({item.row.actor for item in history}) == 3 and all(item.valid for item in history)
    assert counter.locator("#lich-su tr[data-step]").count() == 5
    for context in contexts.values():
        context.close()
