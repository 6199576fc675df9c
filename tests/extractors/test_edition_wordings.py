"""Wordings of other editions read from the page's structure (real OCR): section headings that end with a
block's phrase ("PHẦN KHAI VỀ NGƯỜI MẸ"), labels that run on past the schema's wording before the tab stop
where their value starts ("Ngày, tháng, năm đăng ký lại"), and a place whose line goes on, past a wide gap after
its province, with another item of the page ("Trang 1")."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
BOLD = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"
DPI = 200
MM = DPI / 25.4
CHILD = [("Họ, chữ đệm, tên", "NGUYỄN THU LINH"), ("Ngày, tháng, năm sinh", "13/10/2005"), ("Giới tính", "Nữ"),
         ("Dân tộc", "Kinh"), ("Quốc tịch", "Việt Nam"), ("Nơi sinh", "Bệnh viện Đa khoa tỉnh Quảng Ninh")]
MOTHER = [("Họ, chữ đệm, tên", "NGUYỄN NGỌC HƯƠNG"), ("Năm sinh", "1973"), ("Dân tộc", "Kinh"),
          ("Quốc tịch", "Việt Nam")]
FATHER = [("Họ, chữ đệm, tên", "TRẦN DUY HOÀNG"), ("Năm sinh", "1971"), ("Dân tộc", "Tày"),
          ("Quốc tịch", "Việt Nam")]


def _draw(path: Path) -> None:
    page = Image.new("L", (int(210 * MM), int(297 * MM)), 255)
    draw = ImageDraw.Draw(page)
    font, bold = ImageFont.truetype(FONT, int(4.2 * MM)), ImageFont.truetype(BOLD, int(4.2 * MM))
    value_font = font
    draw.text((105 * MM, 18 * MM), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=bold, anchor="mm")
    draw.text((105 * MM, 25 * MM), "Độc lập - Tự do - Hạnh phúc", font=bold, anchor="mm")
    draw.text((22 * MM, 36 * MM), "Số: 203", font=font)
    draw.text((22 * MM, 43 * MM), "Quyển số: 03/2020", font=font)
    draw.text((105 * MM, 56 * MM), "GIẤY KHAI SINH", font=ImageFont.truetype(BOLD, int(6 * MM)), anchor="mm")
    draw.text((105 * MM, 63 * MM), "(ĐĂNG KÝ LẠI)", font=bold, anchor="mm")
    y = 72 * MM
    for heading, rows in (("PHẦN KHAI VỀ NGƯỜI ĐƯỢC KHAI SINH", CHILD), ("PHẦN KHAI VỀ NGƯỜI MẸ", MOTHER),
                          ("PHẦN KHAI VỀ NGƯỜI CHA", FATHER)):
        draw.text((20 * MM, y), heading, font=bold)
        y += 7 * MM
        for label, value in rows:
            draw.text((24 * MM, y), label, font=font)
            draw.text((90 * MM, y), value, font=value_font)
            y += 7 * MM
        y += 2 * MM
    draw.text((20 * MM, y), "Nơi đăng ký lại khai sinh", font=font)
    draw.text((90 * MM, y), "Ủy ban nhân dân phường Bình Ngọc, thành phố Móng Cái,", font=value_font)
    y += 7 * MM
    draw.text((90 * MM, y), "tỉnh Quảng Ninh", font=value_font)
    draw.text((190 * MM, y), "Trang 1", font=font, anchor="ra")
    y += 7 * MM
    draw.text((20 * MM, y), "Ngày, tháng, năm đăng ký lại", font=font)
    draw.text((90 * MM, y), "12/11/2020", font=value_font)
    page.save(path, dpi=(DPI, DPI))


def test_a_re_registered_birth_certificate_of_another_edition(tmp_path):
    from pipeline.process import extract_file

    path = tmp_path / "khai_sinh.png"
    _draw(path)
    doc = extract_file(path, jobs=1).documents[0]
    assert doc.schema_id == "birth_certificate"
    fields = doc.fields
    assert fields["full_name"].value == "NGUYỄN THU LINH"
    assert fields["mother_name"].value == "NGUYỄN NGỌC HƯƠNG"
    assert fields["father_name"].value == "TRẦN DUY HOÀNG"
    assert fields["mother_birth_year"].value == "1973" and fields["father_birth_year"].value == "1971"
    assert fields["father_ethnicity"].value == "Tày" and fields["mother_ethnicity"].value == "Kinh"
    for key in ("full_name", "mother_name", "father_name", "mother_birth_year", "father_birth_year"):
        assert fields[key].status == "ok", key  # each block named by its heading: no reading competes
    assert fields["registration_authority"].value == (
        "Ủy ban nhân dân phường Bình Ngọc, thành phố Móng Cái, tỉnh Quảng Ninh")  # not "… Trang 1"
    date = fields["registration_date"]
    assert date.value == "2020-11-12"  # the value at the tab stop, not the label's last word "lại"
    assert date.status == "review"  # the label went on past the schema's wording
