"""Forms printed as a ruled grid (extractors/form_grid.py), read through the whole pipeline (real OCR): a label
column, value columns named by their heading's words (never by being left or right), values that wrap inside
their cell kept whole, an empty cell read as empty (never its neighbour's), a cell across both persons' columns
read as a field of the form itself."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
BOLD = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"
DPI = 200
MM = DPI / 25.4


def _draw_grid_form(path: Path, wife_left: bool) -> None:
    page = Image.new("L", (int(210 * MM), int(297 * MM)), 255)
    draw = ImageDraw.Draw(page)
    font, bold = ImageFont.truetype(FONT, int(3.6 * MM)), ImageFont.truetype(BOLD, int(3.6 * MM))
    title = ImageFont.truetype(BOLD, int(6 * MM))
    draw.text((105 * MM, 20 * MM), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=bold, anchor="mm")
    draw.text((105 * MM, 27 * MM), "Độc lập - Tự do - Hạnh phúc", font=bold, anchor="mm")
    draw.text((105 * MM, 45 * MM), "GIẤY CHỨNG NHẬN KẾT HÔN", font=title, anchor="mm")
    draw.text((40 * MM, 56 * MM), "Số: 27", font=font)
    draw.text((120 * MM, 56 * MM), "Quyển số: 02/2021", font=font)
    husband = ["Bên chồng", "LÊ VĂN THÀNH", "12/03/1990", "Kinh", "Việt Nam",
               "Thôn Đông, xã Tràng Lương,|thị xã Đông Triều,|tỉnh Quảng Ninh", "022090123456"]
    wife = ["Bên vợ", "PHẠM THỊ HOA", "05/08/1994", "Tày", "Việt Nam",
            "Số 12, đường Trần Phú,|phường Cẩm Tây, thành phố|Cẩm Phả, tỉnh Quảng Ninh", ""]
    labels = ["Thông tin", "Họ, chữ đệm, tên", "Ngày, tháng, năm sinh", "Dân tộc", "Quốc tịch", "Nơi cư trú",
              "Số định danh cá nhân"]
    columns = [wife, husband] if wife_left else [husband, wife]
    x = [22 * MM, 72 * MM, 131 * MM, 190 * MM]
    y = 66 * MM
    heights = [10, 10, 10, 10, 10, 21, 10]
    for r, label in enumerate(labels):
        h = heights[r] * MM
        draw.line((x[0], y, x[3], y), fill=0, width=2)
        draw.text((x[0] + 2 * MM, y + 2.5 * MM), label, font=bold if r == 0 else font)
        for c, column in enumerate(columns):
            for k, part in enumerate(column[r].split("|")):
                draw.text((x[c + 1] + 2 * MM, y + 2.5 * MM + k * 5.5 * MM), part, font=bold)
        y += h
    rows_extra = [("Nơi đăng ký kết hôn", "Ủy ban nhân dân xã Tràng Lương, thị xã Đông Triều, tỉnh Quảng Ninh"),
                  ("Ngày, tháng, năm đăng ký", "20/05/2021")]
    middle_bottom = y
    for label, value in rows_extra:
        draw.line((x[0], y, x[3], y), fill=0, width=2)
        draw.text((x[0] + 2 * MM, y + 2.5 * MM), label, font=font)
        draw.text((x[1] + 2 * MM, y + 2.5 * MM), value, font=bold)
        y += 10 * MM
    draw.line((x[0], y, x[3], y), fill=0, width=2)
    top = 66 * MM
    for k, edge in enumerate(x):
        bottom = middle_bottom if k == 2 else y
        draw.line((edge, top, edge, bottom), fill=0, width=2)
    page.save(path, dpi=(DPI, DPI))


@pytest.fixture(scope="module")
def grid_results(tmp_path_factory):
    from pipeline.process import extract_file

    out = tmp_path_factory.mktemp("grid")
    results = {}
    for wife_left in (False, True):
        path = out / f"grid_{'wife_left' if wife_left else 'husband_left'}.png"
        _draw_grid_form(path, wife_left)
        results[wife_left] = extract_file(path, jobs=1)
    return results


@pytest.mark.parametrize("wife_left", [False, True], ids=["husband-left", "wife-left"])
def test_columns_are_read_by_their_headings(grid_results, wife_left):
    result = grid_results[wife_left]
    doc = result.documents[0]
    assert doc.schema_id == "marriage_certificate"
    fields = doc.fields
    assert fields["husband_name"].value == "LÊ VĂN THÀNH"
    assert fields["wife_name"].value == "PHẠM THỊ HOA"
    assert fields["husband_date_of_birth"].value == "1990-03-12"
    assert fields["wife_date_of_birth"].value == "1994-08-05"
    assert fields["wife_ethnicity"].value == "Tày"
    # A value that wraps inside its cell is whole, and nothing of the next cell joins it.
    assert fields["husband_residence"].value == "Thôn Đông, xã Tràng Lương, thị xã Đông Triều, tỉnh Quảng Ninh"
    assert fields["wife_residence"].value == (
        "Số 12, đường Trần Phú, phường Cẩm Tây, thành phố Cẩm Phả, tỉnh Quảng Ninh")
    for key in ("husband_name", "wife_name", "husband_date_of_birth", "wife_date_of_birth"):
        assert fields[key].status == "ok", key  # closed on all sides, roles named: certain (places may
        # still be sent to review by their OCR confidence against the place threshold)


@pytest.mark.parametrize("wife_left", [False, True], ids=["husband-left", "wife-left"])
def test_an_empty_cell_is_empty_and_merged_cells_belong_to_the_form(grid_results, wife_left):
    fields = grid_results[wife_left].documents[0].fields
    assert fields["husband_personal_id"].value == "022090123456"
    assert fields["wife_personal_id"].value is None  # never the husband's number
    assert fields["registration_authority"].value == (
        "Ủy ban nhân dân xã Tràng Lương, thị xã Đông Triều, tỉnh Quảng Ninh")
    assert fields["registration_date"].value == "2021-05-20"


def test_a_page_without_rules_has_no_grid(tmp_path):
    from extractors.form_grid import find_form_grid
    from extractors.layout import PageLayout

    path = tmp_path / "plain.png"
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle((40, 40, 1614, 2299), outline=0, width=3)  # a page frame is not a grid
    draw.line((400, 300, 1250, 300), fill=0, width=2)  # nor a title's underline
    page.save(path)
    layout = PageLayout(number=1, width=1654, height=2339, lines=[], image_path=str(path), dpi=200)
    assert find_form_grid(layout) is None


def _draw_key_value_birth_certificate(path: Path) -> None:
    """A birth certificate printed as a two-column table (label | value) with section rows for the mother and
    the father; the father's cells are empty (a child registered without a father)."""
    page = Image.new("L", (int(210 * MM), int(297 * MM)), 255)
    draw = ImageDraw.Draw(page)
    font, bold = ImageFont.truetype(FONT, int(3.6 * MM)), ImageFont.truetype(BOLD, int(3.6 * MM))
    draw.text((105 * MM, 20 * MM), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=bold, anchor="mm")
    draw.text((105 * MM, 27 * MM), "Độc lập - Tự do - Hạnh phúc", font=bold, anchor="mm")
    draw.text((105 * MM, 42 * MM), "GIẤY KHAI SINH", font=ImageFont.truetype(BOLD, int(6 * MM)), anchor="mm")
    draw.text((40 * MM, 52 * MM), "Số: 112", font=font)
    draw.text((120 * MM, 52 * MM), "Quyển số: 01/2022", font=font)
    rows = [("Họ, chữ đệm, tên", "TRẦN MINH KHÔI"), ("Ngày, tháng, năm sinh", "14/02/2022"), ("Giới tính", "Nam"),
            ("Dân tộc", "Kinh"), ("Quốc tịch", "Việt Nam"),
            ("Nơi sinh", "Bệnh viện Đa khoa tỉnh Quảng Ninh"),
            ("THÔNG TIN VỀ MẸ", None), ("Họ, chữ đệm, tên", "TRẦN THỊ LAN"), ("Năm sinh", "1995"),
            ("Dân tộc", "Tày"), ("Quốc tịch", "Việt Nam"),
            ("THÔNG TIN VỀ CHA", None), ("Họ, chữ đệm, tên", ""), ("Năm sinh", ""), ("Dân tộc", ""),
            ("Nơi đăng ký khai sinh", "Ủy ban nhân dân phường Hồng Gai, thành phố Hạ Long"),
            ("Ngày, tháng, năm đăng ký", "20/02/2022")]
    x = [22 * MM, 80 * MM, 190 * MM]
    y = top = 60 * MM
    section_rows = []
    for label, value in rows:
        draw.line((x[0], y, x[2], y), fill=0, width=2)
        if value is None:
            draw.text((x[0] + 2 * MM, y + 2.5 * MM), label, font=bold)
            section_rows.append((y, y + 10 * MM))
        else:
            draw.text((x[0] + 2 * MM, y + 2.5 * MM), label, font=font)
            draw.text((x[1] + 2 * MM, y + 2.5 * MM), value, font=bold)
        y += 10 * MM
    draw.line((x[0], y, x[2], y), fill=0, width=2)
    for edge in (x[0], x[2]):
        draw.line((edge, top, edge, y), fill=0, width=2)
    cuts = [top, *[v for s in section_rows for v in s], y]  # the middle rule stops at the section rows
    for a, b in itertools.pairwise(cuts[::1]):
        if (a, b) not in section_rows:
            draw.line((x[1], a, x[1], b), fill=0, width=2)
    page.save(path, dpi=(DPI, DPI))


def test_section_rows_name_the_blocks_of_a_key_value_table(tmp_path):
    from pipeline.process import extract_file

    path = tmp_path / "bc_table.png"
    _draw_key_value_birth_certificate(path)
    doc = extract_file(path, jobs=1).documents[0]
    fields = doc.fields
    assert doc.schema_id == "birth_certificate"
    assert fields["full_name"].value == "TRẦN MINH KHÔI"
    assert fields["mother_name"].value == "TRẦN THỊ LAN"
    assert fields["mother_birth_year"].value == "1995"
    assert fields["mother_ethnicity"].value == "Tày"
    assert fields["ethnicity"].value == "Kinh"  # the child's, not the mother's
    # The father's section is empty: nothing of the mother's or the child's is his.
    for key in ("father_name", "father_birth_year", "father_ethnicity"):
        assert fields[key].value is None, key
    assert fields["registration_date"].value == "2022-02-20"
