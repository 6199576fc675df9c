"""The form reader on the structures of older and newer editions (synthetic OCR pages, each row one OCR line,
wide gaps inside a line where two columns were read as one): the main part's heading beside a parent's, a row
of labels over a row of values with a label wrapped onto a second line, a table whose rows are persons ("Cha",
"Mẹ"), the particulars written as one sentence parted by semicolons, an official letter's paragraphs, numbered
rows, and labels the schema does not know."""

from __future__ import annotations

from extractors import extract_documents
from tests.extractors.synthetic import CHAR_W, page

HEADER = [(430, 150, "ỦY BAN NHÂN DÂN"), (1300, 150, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
          (430, 220, "PHƯỜNG VÀNG DANH"), (1350, 220, "Độc lập - Tự do - Hạnh phúc")]


def joined(y: int, *parts: tuple[int, str]) -> tuple[int, int, str]:
    """One OCR line holding ``parts`` at their x (or just after), the space between them kept as a wide gap."""
    start = parts[0][0]
    text = ""
    for x, words in parts:
        if text:
            cursor = start + CHAR_W * len(text)
            text += " " * max(1, -(-(x - cursor) // CHAR_W))
        text += words
    return start, y, text


def read(rows):
    [doc] = extract_documents([page(rows)])
    return {k: f.value for k, f in doc.fields.items()}, {k: f.status for k, f in doc.fields.items()}, doc


def test_the_childs_heading_beside_the_mothers_and_the_father_under_the_mother():
    """Two columns opened by the certificate's own part ("NGƯỜI ĐƯỢC KHAI SINH") beside "MẸ", labels over
    values; "CHA" under "MẸ" in the right column: the child's and the father's names are not swapped."""
    rows = [*HEADER, (960, 430, "GIẤY KHAI SINH"),
            joined(555, (420, "NGƯỜI ĐƯỢC KHAI SINH"), (1740, "MẸ")),
            joined(655, (240, "Họ, chữ đệm, tên"), (1290, "Họ, chữ đệm, tên")),
            joined(705, (270, "TRẦN MINH KHỎE"), (1290, "ĐẶNG DIỆU THẢO")),
            joined(805, (240, "Ngày, tháng, năm sinh"), (1290, "Năm sinh"), (1610, "Dân tộc"), (1940, "Quốc tịch")),
            joined(865, (270, "02/06/2026"), (1290, "1994"), (1610, "Kinh"), (1940, "Việt Nam")),
            joined(1070, (240, "Giới tính"), (560, "Dân tộc"), (880, "Quốc tịch")),
            joined(1130, (270, "Nam"), (560, "Kinh"), (880, "Việt Nam")),
            joined(1190, (240, "Nơi sinh"), (1740, "CHA")),
            joined(1270, (270, "Bệnh viện Sản Nhi Quảng Ninh"), (1290, "Họ, chữ đệm, tên")),
            (1290, 1330, "TRẦN TRỌNG HỮU VIỆT"),
            joined(1430, (1290, "Năm sinh"), (1610, "Dân tộc"), (1940, "Quốc tịch")),
            joined(1490, (1290, "1992"), (1610, "Kinh"), (1940, "Việt Nam")),
            (1222, 2300, "Quảng Ninh, ngày 10 tháng 6 năm 2026")]
    got, status, _ = read(rows)
    assert (got["full_name"], got["mother_name"], got["father_name"]) == (
        "TRẦN MINH KHỎE", "ĐẶNG DIỆU THẢO", "TRẦN TRỌNG HỮU VIỆT")
    assert (got["mother_birth_year"], got["father_birth_year"]) == ("1994", "1992")
    assert got["date_of_birth"] == "2026-06-02" and got["sex"] == "male"
    assert status["full_name"] == status["father_name"] == "ok"


def test_a_row_of_labels_over_a_row_of_values_with_a_label_wrapped_in_its_cell():
    """"Số đăng ký | Quyển số | Ngày, tháng, năm đăng / ký | Nơi đăng ký khai sinh" over their values: each value
    is the segment of the row below nearest its label (the authority starts left of its label), the wrapped
    "ký" is the label's, and the authority goes on to its province on the next line."""
    rows = [*HEADER, (960, 430, "GIẤY KHAI SINH"), (240, 560, "Họ, chữ đệm, tên: TRẦN MINH KHỎE"),
            joined(1880, (300, "Số đăng ký"), (650, "Quyển số"), (930, "Ngày, tháng, năm đăng"),
                   (1625, "Nơi đăng ký khai sinh")),
            (1124, 1935, "ký"),
            joined(2015, (260, "158"), (650, "03/2026"), (960, "10/06/2026"),
                   (1330, "Ủy ban nhân dân phường Vàng Danh, tỉnh")),
            (1418, 2075, "Quảng Ninh")]
    got, status, _ = read(rows)
    assert (got["number"], got["book"], got["registration_date"]) == ("158", "03/2026", "2026-06-10")
    assert got["registration_authority"] == "Ủy ban nhân dân phường Vàng Danh, tỉnh Quảng Ninh"
    assert status["number"] == status["book"] == "ok"


def _parents_table(mother_name_lines: list[str]) -> list[tuple[int, int, str]]:
    rows = [*HEADER, (960, 430, "GIẤY KHAI SINH"), (240, 560, "Họ và tên: BÙI BẢO NHÀN"),
            (240, 640, "Trai hay gái: Gái"), (240, 900, "PHẦN KHAI VỀ CHA MẸ"),
            joined(975, (340, "Họ và tên"), (800, "Tuổi"), (900, "| Dân tộc"), (1250, "Quốc tịch"),
                   (1600, "| Nghề nghiệp"), (2030, "Trú quán")),
            joined(1035, (170, "Cha |"), (340, "BÙI QUANG LÂM"), (820, "27"), (920, "| Kinh"), (1250, "Việt Nam"),
                   (1600, "| Cán bộ"), (2030, "Tổ 3, khu 4,")),
            (2030, 1095, "phường Mông Dương,"), (2030, 1155, "thành phố Cẩm Phả,"), (2030, 1215, "tỉnh Quảng Ninh"),
            joined(1295, (170, "Mẹ |"), (340, mother_name_lines[0]), (820, "23"), (920, "| Kinh"),
                   (1250, "Việt Nam"), (1600, "| Buôn bán"), (2030, "Tổ 3, khu 4,"))]
    below = [(340, line) for line in mother_name_lines[1:]]
    rows.append(joined(1355, *below, (2030, "phường Mông Dương,")) if below else (2030, 1355, "phường Mông Dương,"))
    rows += [(2030, 1415, "thành phố Cẩm Phả,"), (2030, 1475, "tỉnh Quảng Ninh"),
             (160, 1580, "Họ và tên người đứng khai: Bùi Quang Lâm")]
    return rows


def test_a_table_whose_rows_are_the_parents():
    """A row of labels, then a row per parent opened by "Cha" / "Mẹ": every cell read in its row's person; a
    column whose head is no label ("Tuổi", "Nghề nghiệp") is nobody's; a residence of several lines goes on to
    the next row."""
    got, status, _ = read(_parents_table(["TRẦN THÚY HƯƠNG"]))
    assert (got["father_name"], got["mother_name"]) == ("BÙI QUANG LÂM", "TRẦN THÚY HƯƠNG")
    assert (got["father_ethnicity"], got["mother_nationality"]) == ("Kinh", "Việt Nam")
    assert got["father_residence"] == "Tổ 3, khu 4, phường Mông Dương, thành phố Cẩm Phả, tỉnh Quảng Ninh"
    assert got["sex"] == "female" and status["father_name"] == "ok"
    assert got["full_name"] == "BÙI BẢO NHÀN"  # the declarant's "Họ và tên người đứng khai" is not the child's


def test_a_name_wrapped_in_a_persons_cell_is_read_whole_for_review():
    got, status, _ = read(_parents_table(["NGUYỄN MAI", "PHƯƠNG DUNG"]))
    assert got["mother_name"] == "NGUYỄN MAI PHƯƠNG DUNG" and status["mother_name"] == "review"


def test_the_particulars_written_as_one_sentence():
    """The older certificates' prose: "Anh: …" and "và chị: …" open the spouses, each value ends at its
    semicolon, one that reaches the end of its line goes on at the start of the next ("quốc tịch: Việt" /
    "Nam;")."""
    rows = [*HEADER, (736, 558, "GIẤY CHỨNG NHẬN KẾT HÔN"), (576, 336, "Số: 150"), (430, 402, "Quyển số: 03/1993"),
            (356, 713, "ỦY BAN NHÂN DÂN XÃ THƯỢNG YÊN CÔNG, THÀNH PHỐ UÔNG BÍ chứng nhận:"),
            (355, 813, "Anh: PHẠM DUY THUỶ"),
            (359, 894, "sinh ngày 24 tháng 12 năm 1967; dân tộc: Kinh; quốc tịch: Việt"),
            (237, 972, "Nam; nơi thường trú: Thôn Trung, xã Thượng Yên Công, thành phố Uông"),
            (238, 1054, "Bí, tỉnh Quảng Ninh; giấy chứng minh nhân dân số 106870510;"),
            (356, 1148, "và chị: NGUYỄN DIỆU LAN"),
            (359, 1229, "sinh ngày 14 tháng 6 năm 1959; dân tộc: Kinh; quốc tịch: Việt Nam;"),
            (239, 1307, "nơi thường trú: Thôn 5, xã Lục Hồn, huyện Bình Liêu, tỉnh Quảng Ninh;"),
            (239, 1385, "giấy chứng minh nhân dân số 102939102;"),
            (357, 1486, "đã đăng ký kết hôn tại Ủy ban nhân dân xã Thượng Yên Công, thành"),
            (237, 1565, "phố Uông Bí, tỉnh Quảng Ninh, ngày 26 tháng 4 năm 1993.")]
    got, _, _ = read(rows)
    assert (got["husband_name"], got["wife_name"]) == ("PHẠM DUY THUỶ", "NGUYỄN DIỆU LAN")
    assert (got["husband_date_of_birth"], got["wife_date_of_birth"]) == ("1967-12-24", "1959-06-14")
    assert got["husband_nationality"] == got["wife_nationality"] == "Việt Nam"
    assert got["husband_residence"] == "Thôn Trung, xã Thượng Yên Công, thành phố Uông Bí, tỉnh Quảng Ninh"
    assert (got["husband_personal_id"], got["wife_personal_id"]) == ("106870510", "102939102")
    assert got["wife_residence"] == "Thôn 5, xã Lục Hồn, huyện Bình Liêu, tỉnh Quảng Ninh"


def test_a_value_at_a_tab_stop_that_begins_with_a_labels_words():
    """"Giấy tờ tùy thân:" and, at the tab stop (on the same OCR line or on one of its own), "Căn cước công dân
    số 0381…": the words are the value, not a second label of the field (which would have made a column of
    the husband's block)."""
    tab = 1040
    rows = [*HEADER, (736, 417, "GIẤY CHỨNG NHẬN KẾT HÔN"), (334, 610, "Số: 86"), (239, 712, "Chồng"),
            (273, 812, "Họ, chữ đệm, tên:"), (tab, 812, "KIM MIN JUN"), (274, 1006, "Quốc tịch:"),
            (tab, 1006, "Hàn Quốc"),
            joined(1201, (274, "Giấy tờ tùy thân:"), (tab, "Căn cước công dân số 022075077382")),
            (237, 1320, "Vợ"), (273, 1417, "Họ, chữ đệm, tên:"), (tab, 1409, "PHẠM THANH HẰNG"),
            (274, 1709, "Quốc tịch:"), (tab, 1709, "Việt Nam"),
            (274, 1938, "Giấy tờ tùy thân:"), (tab, 1936, "Căn cước công dân số 038188127243"),
            (273, 2083, "Nơi đăng ký kết hôn:"), (tab, 2075, "Ủy ban nhân dân thành phố Cẩm Phả, tỉnh Quảng Ninh")]
    got, status, _ = read(rows)
    assert got["wife_personal_id"] == "038188127243" and status["wife_personal_id"] == "ok"
    assert got["wife_name"] == "PHẠM THANH HẰNG" and got["husband_personal_id"] == "022075077382"


def test_an_official_letters_sentences():
    """A confirmation written as a letter: the authority inside "Theo đề nghị của …, <authority> xác nhận:",
    the purpose after the colon that ends the label's sentence ("… được cấp để ông X sử dụng vào việc:"), its
    paragraph wrapping back to the margin."""
    rows = [*HEADER[:2], (440, 220, "XÃ QUẢNG THỊNH"), HEADER[3], (484, 330, "Số: 255/UBND-TP"),
            (1238, 330, "Hải Hà, ngày 22 tháng 10 năm 2021"), (353, 400, "V/v xác nhận tình trạng hôn nhân"),
            (747, 560, "Kính gửi: Các cơ quan, tổ chức có liên quan."),
            (355, 670, "Theo đề nghị của ông Nguyễn Văn Dũng, Ủy ban nhân dân xã Quảng Thịnh, huyện Hải Hà,"),
            (236, 757, "tỉnh Quảng Ninh xác nhận:"), (356, 836, "- Họ và tên: NGUYỄN VĂN DŨNG"),
            (356, 924, "- Ngày sinh: 04/04/1964"), (356, 1001, "- Dân tộc: Kinh"),
            (356, 1236, "- Tình trạng hôn nhân: Chưa đăng ký kết hôn với ai"),
            (356, 1480, "Giấy xác nhận này được cấp để ông Nguyễn Văn Dũng sử dụng vào việc: Làm thủ tục"),
            (238, 1559, "chuyển nhượng quyền sử dụng đất."),
            (357, 1637, "Giấy xác nhận có giá trị 06 tháng kể từ ngày ký."), (236, 1764, "Nơi nhận:"),
            (238, 1834, "- Như trên;")]
    got, status, doc = read(rows)
    assert doc.schema_id == "marital_status_confirmation"
    assert got["issuing_authority"] == "Ủy ban nhân dân xã Quảng Thịnh, huyện Hải Hà, tỉnh Quảng Ninh"
    assert got["purpose"] == "Làm thủ tục chuyển nhượng quyền sử dụng đất"
    assert status["purpose"] == "review"  # where the label's sentence ends was read, not printed as a label
    assert got["number"] == "255/UBND-TP" and got["full_name"] == "NGUYỄN VĂN DŨNG"


DEATH = [*HEADER, (949, 546, "GIẤY CHỨNG TỬ"), (1777, 336, "Số: 37"), (1775, 401, "Quyển số: 01/1996")]


def test_an_older_death_certificates_wordings():
    """"Nữ      Năm sinh: 1940": a label the schema does not know ends the value before it; "Họ và tên người
    đứng khai:" is no second name of the deceased; the place of death in the sentence after the time."""
    rows = [*DEATH, (284, 688, "Họ và tên người chết: LÂM THANH HOÀ AN"),
            joined(770, (284, "Nam hay nữ: Nữ"), (1200, "Năm sinh: 1940")),
            (286, 935, "Số Giấy CMND: 103549277"),
            (284, 1176, "Đã chết vào hồi ... 13... giờ... 29... phút, ngày... 28..tháng 4 năm.1996"),
            (284, 1255, "Tại Thôn 1, xã Hồng Thái Đông, thị xã Đông Triều, tỉnh Quảng Ninh..."),
            (285, 1421, "Họ và tên người đứng khai: Lê Mạnh Cường"),
            (285, 1506, "Quan hệ với người chết: Con đẻ")]
    got, status, _ = read(rows)
    assert got["sex"] == "female" and got["personal_id"] == "103549277"
    assert got["full_name"] == "LÂM THANH HOÀ AN" and status["full_name"] == "ok"
    assert got["date_of_death"] == "1996-04-28"
    assert got["place_of_death"] == "Thôn 1, xã Hồng Thái Đông, thị xã Đông Triều, tỉnh Quảng Ninh"


def test_numbered_rows_of_a_table_of_items():
    """"10 | Nguyên nhân mất    Bệnh hiểm nghèo": a label after a row's number and its rule stands at the start
    of its cell, with no colon."""
    rows = [*HEADER, (887, 443, "TRÍCH LỤC KHAI TỬ"), joined(603, (278, "STT"), (700, "Nội dung"), (1300, "Thông tin"))]
    items = [("Họ, chữ đệm, tên người đã mất", "NGUYỄN GIA THÀNH"), ("Ngày, tháng, năm sinh", "29/09/1961"),
             ("Giới tính", "Nam"), ("Dân tộc", "Kinh"), ("Quốc tịch", "Việt Nam"),
             ("Số định danh cá nhân", "022061256205"),
             ("Nơi cư trú cuối cùng", "Thôn Bình Minh, xã Ba Chẽ, tỉnh Quảng Ninh"),
             ("Thời điểm mất", "00 giờ 04 phút, ngày 01/04/2026"),
             ("Nơi mất", "Trung tâm Y tế Ba Chẽ, tỉnh Quảng Ninh"),
             ("Nguyên nhân mất", "Bệnh hiểm nghèo"), ("Số đăng ký khai tử", "93"), ("Ngày đăng ký", "07/04/2026")]
    for i, (label, value) in enumerate(items, start=1):
        rows.append(joined(600 + 90 * i, (300, f"{i} |"), (400, label), (1180, value)))
    got, _, _ = read(rows)
    assert got["number"] == "93" and got["registration_date"] == "2026-04-07"  # rows 11 and 12
    assert got["date_of_death"] == "2026-04-01" and got["place_of_death"] == "Trung tâm Y tế Ba Chẽ, tỉnh Quảng Ninh"
    assert got["full_name"] == "NGUYỄN GIA THÀNH"


def test_a_date_cut_into_pieces_of_its_row():
    # "Sinh ngày... 14..tháng 6" and "năm . 1966" read as two OCR lines of one row.
    rows = [*HEADER, (960, 430, "GIẤY KHAI SINH"), (159, 581, "Họ và tên: BÙI BẢO NHÀN"),
            (780, 692, "năm . 1966"), (159, 691, "Sinh ngày... 14..tháng 6")]
    got, _, _ = read(rows)
    assert got["date_of_birth"] == "1966-06-14"


def test_a_longer_label_before_the_fields_own_is_not_its_reading():
    """"Tên cơ quan đăng ký:" (the foreign office that registered the birth) and then "Nơi ghi chú khai sinh:"
    (the commune that recorded it): a label after a word that opens its segment is a longer label, maybe
    another field's; the field's own label further down replaces its reading."""
    rows = [*HEADER, (724, 505, "TRÍCH LỤC GHI CHÚ KHAI SINH"), (238, 764, "Họ, chữ đệm, tên: NGUYỄN KIM HOA"),
            (237, 1807, "Đã đăng ký khai sinh tại cơ quan có thẩm quyền của nước ngoài"),
            (237, 1884, "Tên cơ quan đăng ký: Văn phòng quận Guro, thành phố Seoul, Hàn Quốc"),
            (238, 2044, "Nơi ghi chú khai sinh: Ủy ban nhân dân huyện Hải Hà, tỉnh Quảng Ninh"),
            (238, 2127, "Ngày ghi vào Sổ hộ tịch: 06/10/2021")]
    got, status, doc = read(rows)
    assert doc.schema_id == "birth_certificate"
    assert got["registration_authority"] == "Ủy ban nhân dân huyện Hải Hà, tỉnh Quảng Ninh"
    assert status["registration_authority"] == "ok" and got["registration_date"] == "2021-10-06"


def test_a_value_never_goes_on_over_a_line_that_opens_with_another_label():
    # "Quá trình hôn nhân:" is no label of the schema; it opens its line with a colon: the status ends above it.
    rows = [*HEADER, (534, 464, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN"), (237, 761, "Họ, chữ đệm, tên: VÕ KHÁNH LINH"),
            (237, 1170, "Tình trạng hôn nhân: Hiện tại chưa đăng ký kết hôn với ai"),
            (238, 1251, "Quá trình hôn nhân:"),
            joined(1347, (271, "STT"), (548, "Họ, chữ đệm, tên vợ/chồng"), (1300, "Ngày đăng ký kết hôn"))]
    got, _, _ = read(rows)
    assert got["marital_status"] == "Hiện tại chưa đăng ký kết hôn với ai"


def test_a_table_of_the_spouses_under_a_sentence_with_labels_wrapped_in_their_cells():
    """The spouses as rows "Anh" / "Chị" of one table whose heads wrap onto a second line ("Ngày, tháng," /
    "năm sinh", "Nghề" / "nghiệp"); a wife's name wrapped in its cell; the sentence under the table is no cell's."""
    rows = [*HEADER, (736, 558, "GIẤY CHỨNG NHẬN KẾT HÔN"), (430, 401, "Quyển số: 01/1984"),
            joined(1017, (240, "Họ và tên"), (680, "Ngày, tháng,"), (1070, "Dân tộc"), (1300, "Quốc tịch"),
                   (1590, "Nghề"), (1870, "Nơi thường trú")),
            joined(1063, (700, "năm sinh"), (1590, "nghiệp")),
            joined(1126, (96, "Anh |"), (240, "TRỊNH VĂN ĐỨC"), (680, "22/02/1944"), (1070, "Kinh"),
                   (1300, "Việt Nam"), (1590, "Bộ đội"), (1900, "Thôn Bình Minh,")),
            (1900, 1180, "xã Đại Bình,"), (1900, 1234, "huyện Đầm Hà,"), (1900, 1288, "tỉnh Quảng Ninh"),
            joined(1360, (120, "Chị"), (240, "VŨ BÍCH"), (680, "10/02/1959"), (1070, "Kinh"), (1300, "Việt Nam"),
                   (1590, "Làm ruộng"), (1900, "Thôn 2, xã Đại")),
            joined(1414, (240, "KHUÊ"), (1900, "Bình, huyện Đầm Hà,")), (1900, 1468, "tỉnh Quảng Ninh"),
            (240, 1560, "Hai bên đã tự nguyện kết hôn và cam đoan những lời khai trên là đúng sự thật.")]
    got, status, _ = read(rows)
    assert (got["husband_name"], got["husband_date_of_birth"]) == ("TRỊNH VĂN ĐỨC", "1944-02-22")
    assert got["husband_residence"] == "Thôn Bình Minh, xã Đại Bình, huyện Đầm Hà, tỉnh Quảng Ninh"
    assert got["wife_name"] == "VŨ BÍCH KHUÊ" and status["wife_name"] == "review"  # wrapped: for a person to see
    assert got["wife_residence"] == "Thôn 2, xã Đại Bình, huyện Đầm Hà, tỉnh Quảng Ninh"
