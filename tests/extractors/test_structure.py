"""The form reader on layouts it must read from the page's own structure (issue 13's classes of error), on
synthetic OCR pages: columns in either order, parents side by side with a blank block, values that wrap under
their label, other editions' wording, values below their labels, "Số" and "Quyển số" in either order, and no
value accepted when its block was not named by the page."""

from __future__ import annotations

from extractors import extract_documents
from tests.extractors.synthetic import page

HEADER = [(430, 150, "ỦY BAN NHÂN DÂN"), (1300, 150, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
          (430, 220, "XÃ YÊN THỌ"), (1350, 220, "Độc lập - Tự do - Hạnh phúc")]
LEFT, RIGHT = 240, 1300


def values(doc):
    return {k: f.value for k, f in doc.fields.items()}


def statuses(doc):
    return {k: f.status for k, f in doc.fields.items()}


def marriage(left_heading: str, right_heading: str, left: dict, right: dict, headings: bool = True):
    rows = [*HEADER, (800, 430, "GIẤY CHỨNG NHẬN KẾT HÔN"), (LEFT, 530, "Số: 125"), (RIGHT, 530, "Quyển số: 01/2024")]
    if headings:
        rows += [(LEFT + 250, 620, left_heading), (RIGHT + 250, 620, right_heading)]
    y = 710
    for label, key in (("Họ, chữ đệm, tên", "name"), ("Ngày, tháng, năm sinh", "dob"), ("Dân tộc", "eth"),
                       ("Quốc tịch", "nat"), ("Nơi cư trú", "res"), ("Số định danh cá nhân", "id")):
        rows += [(LEFT, y, f"{label}: {left[key]}"), (RIGHT, y, f"{label}: {right[key]}")]
        y += 90
    rows += [(LEFT, y + 40, "Nơi đăng ký kết hôn: Ủy ban nhân dân xã Yên Thọ, thị xã Đông Triều, tỉnh Quảng Ninh"),
             (1250, y + 160, "Đông Triều, ngày 05 tháng 02 năm 2024")]
    return page(rows)


HUSBAND = {"name": "NGUYỄN VĂN AN", "dob": "12/03/1990", "eth": "Kinh", "nat": "Việt Nam",
           "res": "Thôn 1, xã Yên Thọ", "id": "022090123456"}
WIFE = {"name": "TRẦN THỊ BÌNH", "dob": "20/07/1992", "eth": "Tày", "nat": "Việt Nam",
        "res": "Thôn 2, xã Yên Thọ", "id": "022192654321"}


def test_wife_on_the_left_under_her_own_heading():
    [doc] = extract_documents([marriage("Thông tin bên nữ", "Thông tin bên nam", WIFE, HUSBAND)])
    got = values(doc)
    assert got["wife_name"] == "TRẦN THỊ BÌNH" and got["husband_name"] == "NGUYỄN VĂN AN"
    assert got["wife_ethnicity"] == "Tày" and got["husband_ethnicity"] == "Kinh"
    assert got["wife_personal_id"] == "022192654321"
    assert statuses(doc)["wife_name"] == "ok"


def test_vo_and_chong_headings_in_the_other_order():
    [doc] = extract_documents([marriage("Vợ", "Chồng", WIFE, HUSBAND)])
    got = values(doc)
    assert (got["wife_name"], got["husband_name"]) == ("TRẦN THỊ BÌNH", "NGUYỄN VĂN AN")
    assert got["wife_date_of_birth"] == "1992-07-20"


def test_columns_without_headings_are_settled_by_the_personal_numbers():
    # No heading names the columns: the sex digits of the personal numbers (1 female, 0 male) say who is who.
    [doc] = extract_documents([marriage("", "", WIFE, HUSBAND, headings=False)])
    got = values(doc)
    assert got["wife_name"] == "TRẦN THỊ BÌNH" and got["husband_name"] == "NGUYỄN VĂN AN"
    assert any(i.code == "roles_swapped" for i in doc.issues)
    assert statuses(doc)["wife_name"] == "review"  # swapped by a rule: an officer looks


def test_columns_without_headings_or_numbers_are_never_accepted():
    wife, husband = dict(WIFE, id=""), dict(HUSBAND, id="")
    [doc] = extract_documents([marriage("", "", husband, wife, headings=False)])
    person = [k for k in doc.fields if k.startswith(("husband_", "wife_"))]
    assert all(doc.fields[k].status == "review" for k in person)  # the roles are a guess


def birth_certificate(father: bool = True):
    rows = [*HEADER, (900, 430, "GIẤY KHAI SINH"),
            (LEFT, 530, "Quyển số: 02/2020"), (RIGHT, 530, "Số: 87"),
            (LEFT, 620, "Họ, chữ đệm, tên: LÊ MINH KHÔI"),
            (LEFT, 710, "Ngày, tháng, năm sinh: 15/06/2020"),
            (LEFT, 800, "Giới tính: Nam"), (900, 800, "Dân tộc: Kinh"), (1600, 800, "Quốc tịch: Việt Nam"),
            (LEFT, 890, "Nơi sinh: Trạm Y tế xã Yên Thọ, thị xã Đông Triều, tỉnh Quảng Ninh"),
            (LEFT + 300, 1000, "Mẹ"), (RIGHT + 300, 1000, "Cha"),
            (LEFT, 1090, "Họ, chữ đệm, tên: PHẠM THU HÀ"),
            (RIGHT, 1090, "Họ, chữ đệm, tên: LÊ VĂN NAM" if father else "Họ, chữ đệm, tên:"),
            (LEFT, 1180, "Năm sinh: 1994"), (RIGHT, 1180, "Năm sinh: 1990" if father else "Năm sinh:"),
            (LEFT, 1270, "Dân tộc: Kinh"), (RIGHT, 1270, "Dân tộc: Kinh" if father else "Dân tộc:"),
            (LEFT, 1360, "Quốc tịch: Việt Nam"), (RIGHT, 1360, "Quốc tịch: Việt Nam" if father else "Quốc tịch:"),
            (LEFT, 1450, "Nơi cư trú: Thôn 3, xã Yên"), (RIGHT, 1450, "Nơi cư trú: Thôn 3, xã Yên" if father else
                                                         "Nơi cư trú:"),
            (LEFT, 1520, "Thọ, tỉnh Quảng Ninh"), *([(RIGHT, 1520, "Thọ, tỉnh Quảng Ninh")] if father else []),
            (LEFT, 1650, "Nơi đăng ký khai sinh: Ủy ban nhân dân phường Yên"),
            (LEFT, 1720, "Thọ, thị xã Đông Triều, tỉnh Quảng Ninh"),
            (1250, 1850, "Đông Triều, ngày 20 tháng 6 năm 2020")]
    return page(rows)


def test_parents_side_by_side():
    [doc] = extract_documents([birth_certificate()])
    got = values(doc)
    assert got["mother_name"] == "PHẠM THU HÀ" and got["father_name"] == "LÊ VĂN NAM"
    assert (got["mother_birth_year"], got["father_birth_year"]) == ("1994", "1990")
    assert got["mother_residence"] == "Thôn 3, xã Yên Thọ, tỉnh Quảng Ninh"
    assert got["father_residence"] == "Thôn 3, xã Yên Thọ, tỉnh Quảng Ninh"


def test_a_blank_father_block_borrows_nothing_from_the_mother():
    [doc] = extract_documents([birth_certificate(father=False)])
    got = values(doc)
    father = [k for k in got if k.startswith("father_")]
    assert all(got[k] is None for k in father), {k: got[k] for k in father}
    assert all(doc.fields[k].status == "review" for k in father)
    assert got["mother_birth_year"] == "1994" and got["mother_ethnicity"] == "Kinh"


def test_a_value_wraps_under_its_label():
    [doc] = extract_documents([birth_certificate()])
    assert values(doc)["registration_authority"] == (
        "Ủy ban nhân dân phường Yên Thọ, thị xã Đông Triều, tỉnh Quảng Ninh")


def test_book_before_number_on_one_line():
    [doc] = extract_documents([birth_certificate()])
    assert (values(doc)["number"], values(doc)["book"]) == ("87", "02/2020")


def test_values_below_their_labels_without_leaders():
    rows = [*HEADER, (900, 430, "GIẤY KHAI SINH"), (LEFT, 530, "Số: 12"), (RIGHT, 530, "Quyển số: 01/2019"),
            (LEFT, 620, "Họ, chữ đệm, tên:"), (LEFT + 80, 690, "ĐỖ THỊ MAI"),
            (LEFT, 780, "Ngày, tháng, năm sinh: 02/01/2019"),
            (LEFT, 870, "Nơi sinh:"), (LEFT + 80, 940, "Bệnh viện Đa khoa tỉnh Quảng Ninh"),
            (LEFT, 1030, "Quê quán:"),
            (LEFT, 1120, "Họ, chữ đệm, tên người mẹ: ĐỖ THU HẰNG")]
    [doc] = extract_documents([page(rows)])
    got = values(doc)
    assert got["full_name"] == "ĐỖ THỊ MAI"
    assert got["place_of_birth"] == "Bệnh viện Đa khoa tỉnh Quảng Ninh"
    assert got["hometown"] is None  # a label followed by another label is empty, never its neighbour's


def marital_status(status_lines: list[str]):
    rows = [*HEADER, (700, 430, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN"), (LEFT, 520, "Số: 45/XNHN"),
            (LEFT, 610, "Ủy ban nhân dân xã Yên Thọ, thị xã Đông Triều, tỉnh Quảng Ninh xác nhận:"),
            (LEFT, 700, "Họ và tên: VŨ THỊ LAN"), (LEFT, 790, "Ngày sinh: 03/09/1995"),
            (LEFT, 880, "Giới tính: Nữ"), (900, 880, "Dân tộc: Kinh"), (1600, 880, "Quốc tịch: Việt Nam"),
            (LEFT, 970, "Nơi cư trú: Thôn 4, xã Yên Thọ, thị xã Đông Triều, tỉnh Quảng Ninh")]
    y = 1060
    for text in status_lines:
        rows.append((LEFT, y, text))
        y += 70
    rows += [(LEFT, y + 20, "Giấy này được cấp để: làm thủ tục đăng ký kết hôn."),
             (LEFT, y + 90, "Giấy này có giá trị sử dụng trong thời hạn 6 tháng, kể từ ngày cấp."),
             (1250, y + 200, "Đông Triều, ngày 10 tháng 3 năm 2024")]
    return page(rows)


def test_purpose_stops_at_the_validity_sentence():
    [doc] = extract_documents([marital_status(["Tình trạng hôn nhân: Chưa đăng ký kết hôn với ai"])])
    got = values(doc)
    assert got["purpose"] == "làm thủ tục đăng ký kết hôn"
    assert got["marital_status"] == "Chưa đăng ký kết hôn với ai"
    assert got["full_name"] == "VŨ THỊ LAN"
    assert got["issuing_authority"] == "Ủy ban nhân dân xã Yên Thọ, thị xã Đông Triều, tỉnh Quảng Ninh"


def test_a_status_sentence_that_wraps_is_one_value():
    [doc] = extract_documents([marital_status([
        "Tình trạng hôn nhân: Đã đăng ký kết hôn, nhưng đã ly hôn theo Bản án số 12/2021/HNGĐ-ST",
        "ngày 05/04/2021 của Tòa án nhân dân thị xã Đông Triều"])])
    assert values(doc)["marital_status"] == ("Đã đăng ký kết hôn, nhưng đã ly hôn theo Bản án số 12/2021/HNGĐ-ST "
                                             "ngày 05/04/2021 của Tòa án nhân dân thị xã Đông Triều")
    assert values(doc)["full_name"] == "VŨ THỊ LAN"


def test_a_long_name_does_not_take_the_next_columns_words():
    husband = dict(HUSBAND, name="NGUYỄN QUỲNH LỤA")
    wife = dict(WIFE, name="MAI VĂN TUẤN ANH")
    [doc] = extract_documents([marriage("Chồng", "Vợ", husband, wife)])
    assert values(doc)["husband_name"] == "NGUYỄN QUỲNH LỤA"


def _birth_certificate_sections(child_heading: str, mother_heading: str, father_heading: str):
    """The electronic copy's layout: numbered section headings, labels in a column, values at a tab stop (OCR
    reads each column's lines apart)."""
    rows = [*HEADER, (800, 430, "GIẤY KHAI SINH"), (LEFT, 560, "I. THÔNG TIN ĐĂNG KÝ"), (LEFT, 650, "Số:"),
            (1000, 650, "41"), (LEFT, 730, "Quyển số:"), (1000, 730, "02/2023"), (LEFT, 810, "Người đi khai sinh:"),
            (1000, 810, "LÊ THỊ HÒA (mẹ đẻ)"), (LEFT, 920, child_heading)]
    y = 1010
    for heading, name, year in ((None, "NGUYỄN VĂN KHỎE", None), (mother_heading, "LÊ THỊ HÒA", "1988"),
                                (father_heading, "NGUYỄN DUY LÂM", "1987")):
        if heading:
            rows.append((LEFT, y, heading))
            y += 90
        rows += [(LEFT, y, "Họ, chữ đệm, tên:"), (1000, y, name)]
        y += 80
        if year:
            rows += [(LEFT, y, "Năm sinh:"), (1000, y, year)]
        else:
            rows += [(LEFT, y, "Giới tính:"), (1000, y, "Nam")]
        y += 110
    return page(rows)


def test_numbered_sections_open_and_close_blocks():
    [doc] = extract_documents([_birth_certificate_sections("II. NGƯỜI ĐƯỢC KHAI SINH", "III. NGƯỜI MẸ",
                                                           "IV. NGƯỜI CHA")])
    got = values(doc)
    assert (got["full_name"], got["mother_name"], got["father_name"]) == (
        "NGUYỄN VĂN KHỎE", "LÊ THỊ HÒA", "NGUYỄN DUY LÂM")
    assert got["mother_birth_year"] == "1988" and got["father_birth_year"] == "1987"
    assert statuses(doc)["full_name"] == "ok"


def test_a_name_after_a_section_the_page_did_not_explain_is_not_ok():
    # The sections' headings unread: the child's label stands in the declarant's block and cannot be placed;
    # the next name label, in no named block, may be the child's or the mother's: never ok.
    [doc] = extract_documents([_birth_certificate_sections("Thông tin", "Phần sau", "Phần cuối")])
    assert values(doc)["full_name"] == "LÊ THỊ HÒA"  # the mother's name, where the child's was expected ...
    assert statuses(doc)["full_name"] == "review"  # ... for a person to see


def test_headings_after_a_mark_that_is_no_word():
    # A bullet, a dash or a frame's corner read as "F—" before the heading still names the block.
    [doc] = extract_documents([marriage("F— Vợ", "• Chồng", WIFE, HUSBAND)])
    got = values(doc)
    assert (got["wife_name"], got["husband_name"]) == ("TRẦN THỊ BÌNH", "NGUYỄN VĂN AN")
    assert statuses(doc)["wife_name"] == "ok"


DEATH_HEADER = [*HEADER[:2], (430, 220, "PHƯỜNG HIỆP HÒA"), HEADER[3], (880, 430, "TRÍCH LỤC KHAI TỬ")]


def test_the_deceased_after_the_declarant_under_a_section_heading():
    """A section heading of the extract's own part ("Thông tin người đã chết") closes the declarant's block:
    the declarant's name is not the deceased's, and neither competes with the other."""
    rows = [*DEATH_HEADER, (LEFT, 520, "Số: 101"), (LEFT, 630, "Người đi khai tử"),
            (LEFT + 70, 710, "Họ, chữ đệm, tên: LƯƠNG HỒNG HUYỀN"), (LEFT + 70, 790, "Quan hệ với người đã chết: Cháu"),
            (LEFT, 950, "Thông tin người đã chết"), (LEFT + 70, 1050, "Họ, chữ đệm, tên: NGUYỄN THANH THỦY"),
            (LEFT + 70, 1140, "Ngày, tháng, năm sinh: 31/07/1965"), (LEFT + 70, 1230, "Giới tính: Nữ"),
            (LEFT + 70, 1320, "Số định danh cá nhân: 022165785935"),
            (LEFT + 70, 1410, "Giấy báo tử số: 74/GBT do Trạm Y tế phường Hiệp Hòa cấp"),
            (LEFT + 70, 1500, "Nơi đăng ký khai tử: Ủy ban nhân dân phường Hiệp Hòa, thành phố Hạ Long, "
                              "tỉnh Quảng Ninh"),
            (LEFT + 70, 1590, "Ngày, tháng, năm đăng ký: 14/07/2026")]
    [doc] = extract_documents([page(rows)])
    got, status = values(doc), statuses(doc)
    assert got["full_name"] == "NGUYỄN THANH THỦY" and status["full_name"] == "ok"
    assert got["personal_id"] == "022165785935" and status["personal_id"] == "ok"
    assert got["number"] == "101" and status["number"] == "ok"  # "Giấy báo tử số:" is no second "Số:"


def test_a_value_and_a_place_read_in_pieces_of_their_row():
    """Values at a tab stop that OCR read as several lines of one row are joined left to right, on the
    label's row ("00 giờ 57 phút," | "ngày 21 tháng 02 năm") and on the row below ("tỉnh Quảng Ninh" read
    before "Hà,")."""
    tab = 1050
    rows = [*DEATH_HEADER, (tab + 130, 620, "Số: 41"), (620, 760, "Họ, chữ đệm, tên:"), (tab, 760, "NGUYỄN HỮU KHOA"),
            (660, 1390, "Đã chết vào lúc:"), (tab, 1390, "00 giờ 57 phút,"), (tab + 500, 1390, "ngày 21 tháng 02 năm"),
            (tab, 1475, "2011"),
            (490, 1820, "Nơi đăng ký khai tử:"), (tab, 1820, "Ủy ban nhân dân xã Dực Yên, huyện Đầm"),
            (tab + 125, 1903, "tỉnh Quảng Ninh"), (tab, 1906, "Hà,"),
            (350, 1985, "Ngày, tháng, năm đăng ký:"), (tab, 1985, "02/01/2022")]
    [doc] = extract_documents([page(rows)])
    got = values(doc)
    assert got["date_of_death"] == "2011-02-21"
    assert got["registration_authority"] == "Ủy ban nhân dân xã Dực Yên, huyện Đầm Hà, tỉnh Quảng Ninh"


def test_a_bilingual_certificate_with_english_halves_under_the_labels_and_values_at_a_tab_stop():
    """Headings and labels with their English halves ("Chồng / Husband", "Vợ/Wife", "Số/No.:"), each label's
    English half on the line under it, the values at a tab stop read as lines of their own: each value is its
    label's, and a value that wraps goes on under itself, not over the English half under its label."""
    tab = 1110
    rows = [*HEADER, (740, 420, "GIẤY CHỨNG NHẬN KẾT HÔN"), (930, 500, "MARRIAGE CERTIFICATE"),
            (330, 600, "Số/No.: 319"), (1420, 600, "Quyển số/Book No.: 03/2016")]
    y = 700
    for heading, person in (("Chồng / Husband", ("MICHAEL DAVID BROWN", "28/06/1989", "Hoa Kỳ",
                                                  "1420 Brookhurst St, Garden Grove, California, Hoa Kỳ")),
                            ("Vợ/Wife", ("LÊ MAI HOÀ", "03/02/1996", "Việt Nam",
                                         "Thôn Trung, xã Thắng Lợi, huyện Vân Đồn, tỉnh"))):
        rows.append((240, y, heading))
        y += 100
        for (label, english), value in zip((("Họ, chữ đệm, tên:", "Full name"),
                                            ("Ngày, tháng, năm sinh:", "Date of birth"),
                                            ("Quốc tịch:", "Nationality"),
                                            ("Nơi cư trú:", "Place of residence")), person, strict=True):
            rows += [(273, y, label), (tab, y - 4, value), (272, y + 48, english)]
            y += 100
        if heading.startswith("Vợ"):
            rows.append((tab, y - 100 + 64, "Quảng Ninh"))  # the wrapped end of the address, under the value
            y += 40
    rows += [(273, y, "Nơi đăng ký kết hôn:"), (tab, y - 4, "Ủy ban nhân dân thành phố Uông Bí, tỉnh Quảng Ninh"),
             (272, y + 48, "Place of registration"), (273, y + 100, "Ngày, tháng, năm đăng ký:"),
             (tab, y + 96, "31/01/2016"), (272, y + 148, "Date of registration")]
    [doc] = extract_documents([page(rows)])
    got = values(doc)
    assert (got["number"], got["book"]) == ("319", "03/2016")
    assert got["husband_name"] == "MICHAEL DAVID BROWN" and got["wife_name"] == "LÊ MAI HOÀ"
    assert got["husband_residence"] == "1420 Brookhurst St, Garden Grove, California, Hoa Kỳ"
    assert got["wife_residence"] == "Thôn Trung, xã Thắng Lợi, huyện Vân Đồn, tỉnh Quảng Ninh"
    assert got["wife_date_of_birth"] == "1996-02-03" and got["registration_date"] == "2016-01-31"
