"""Values printed far right of their labels (at a tab stop, or flush right), which OCR reads as lines of their
own at the same height: each value is its label's, through the whole pipeline (real OCR), and the next row's
value is never taken as a continuation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
BOLD = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"
DPI = 200
MM = DPI / 25.4
ROWS = [("Số", "45"), ("Họ, chữ đệm, tên", "NGUYỄN VĂN HẢI"), ("Ngày, tháng, năm sinh", "03/04/1941"),
        ("Giới tính", "Nam"), ("Dân tộc", "Kinh"), ("Quốc tịch", "Việt Nam"),
        ("Số định danh cá nhân", "022041005432"), ("Đã chết vào lúc", "08 giờ 30 phút, ngày 12/10/2023"),
        ("Nơi chết", "Bệnh viện Đa khoa tỉnh Quảng Ninh"),
        ("Nơi đăng ký khai tử", "Ủy ban nhân dân phường Hồng Gai, thành phố Hạ Long"),
        ("Ngày, tháng, năm đăng ký", "15/10/2023")]


def _draw(path: Path, flush_right: bool) -> None:
    page = Image.new("L", (int(210 * MM), int(297 * MM)), 255)
    draw = ImageDraw.Draw(page)
    font, bold = ImageFont.truetype(FONT, int(4.2 * MM)), ImageFont.truetype(BOLD, int(4.2 * MM))
    draw.text((105 * MM, 20 * MM), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=bold, anchor="mm")
    draw.text((105 * MM, 27 * MM), "Độc lập - Tự do - Hạnh phúc", font=bold, anchor="mm")
    draw.text((105 * MM, 42 * MM), "TRÍCH LỤC KHAI TỬ", font=ImageFont.truetype(BOLD, int(6 * MM)), anchor="mm")
    y = 60 * MM
    for label, value in ROWS:
        draw.text((22 * MM, y), label + ":", font=font)
        if flush_right:
            draw.text((190 * MM, y), value, font=bold, anchor="ra")
        else:
            draw.text((95 * MM, y), value, font=bold)
        y += 9 * MM
    page.save(path, dpi=(DPI, DPI))


@pytest.mark.parametrize("flush_right", [False, True], ids=["tab-stop", "flush-right"])
def test_values_beside_their_labels(tmp_path, flush_right):
    from pipeline.process import extract_file

    path = tmp_path / "extract.png"
    _draw(path, flush_right)
    fields = extract_file(path, jobs=1).documents[0].fields
    assert fields["full_name"].value == "NGUYỄN VĂN HẢI"
    assert fields["date_of_birth"].value == "1941-04-03"
    assert fields["sex"].value == "male"
    assert fields["personal_id"].value == "022041005432"
    assert fields["place_of_death"].value == "Bệnh viện Đa khoa tỉnh Quảng Ninh"  # not joined to the next row
    assert fields["registration_date"].value == "2023-10-15"
    for key in ("full_name", "date_of_birth", "personal_id", "registration_date"):
        assert fields[key].status == "ok", key
