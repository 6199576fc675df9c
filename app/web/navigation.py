"""The header's links, per role: each role's own screens first (the counter, the review queue, appraisal,
approval, the dashboard), then the lists of dossiers and of stored papers and the search every role has.
``base.html`` marks the link of the screen being shown (``aria-current``)."""

from __future__ import annotations

DOSSIERS = ("/danh-sach/ho-so", "Tất cả hồ sơ")  # not "Danh sách hồ sơ": a role's own list is named so
RECORDS = ("/danh-sach", "Giấy tờ đã lưu")
SEARCH = ("/tra-cuu", "Tra cứu")
NAVIGATION: dict[str, tuple[tuple[str, str], ...]] = {
    "tiep_nhan": (("/tiep-nhan", "Tiếp nhận"), DOSSIERS, RECORDS, SEARCH),
    "kiem_tra": (("/kiem-tra", "Hàng đợi kiểm tra"), RECORDS, SEARCH),
    "tham_dinh": (("/tham-dinh", "Thẩm định"), DOSSIERS, RECORDS, SEARCH),
    "lanh_dao": (("/phe-duyet", "Phê duyệt"), DOSSIERS, RECORDS, SEARCH),
    "giam_sat": (("/thong-ke", "Thống kê"), ("/tai-khoan", "Tài khoản"), DOSSIERS, RECORDS, SEARCH),
}


def links(role: str, path: str) -> list[tuple[str, str, bool]]:
    """(address, label, is the current screen) for the header of ``role`` on ``path``: the longest address
    that starts the path is the current one (``/danh-sach/ho-so/…`` is the dossiers' list, not the papers')."""
    entries = NAVIGATION.get(role, (SEARCH,))
    matching = [href for href, _ in entries if path == href or path.startswith(href + "/")]
    current = max(matching, key=len, default=None)
    return [(href, label, href == current) for href, label in entries]
