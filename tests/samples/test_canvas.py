"""The page records its text by visual line, as OCR reads it."""

from samples.canvas import Page


def test_pieces_on_one_baseline_form_one_line_left_to_right() -> None:
    page = Page(210, 297, 72)
    page.text(140, 20, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="center")
    page.text(57, 20, "ỦY BAN NHÂN DÂN", align="center")
    page.text(20, 40, "Họ, chữ đệm, tên:")
    page.text(20, 30.5, "Số: 12")
    page.text(120, 30, "Quyển số: 01/2024")
    assert page.text_content() == (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12 Quyển số: 01/2024\nHọ, chữ đệm, tên:"
    )


def test_field_records_label_and_value_without_leader() -> None:
    page = Page(210, 297, 100)
    y = page.field(20, 50, "Họ, chữ đệm, tên", "NGUYỄN VĂN AN", 190)
    assert page.text_content() == "Họ, chữ đệm, tên: NGUYỄN VĂN AN"
    assert y > 50


def test_long_value_continues_on_the_next_line() -> None:
    page = Page(210, 297, 100)
    value = "Thôn Đồng Tâm, xã Tân Lập, huyện Đầm Hà, tỉnh Quảng Ninh, Việt Nam, và một đoạn dài nữa cho đủ"
    page.field(20, 50, "Nơi cư trú", value, 120)
    lines = page.text_content().split("\n")
    assert len(lines) >= 2 and " ".join(lines).removeprefix("Nơi cư trú: ") == value
