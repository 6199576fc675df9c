"""Field extraction on form layouts: labels with leaders, blocks, two columns, bilingual card labels,
values below or over several lines, rules and statuses."""

from __future__ import annotations

import unicodedata

from extractors import extract_documents
from tests.extractors.synthetic import page

HEADER = [(430, 150, "ỦY BAN NHÂN DÂN"), (1300, 150, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
          (430, 220, "XÃ ĐÔNG NGŨ"), (1350, 220, "Độc lập - Tự do - Hạnh phúc")]


def birth_certificate(personal_id: str = "022180012345", words: str = "Ngày mười lăm, tháng sáu, năm một",
                      words_rest: str = "nghìn chín trăm tám mươi", conf: float = 0.95):
    rows = [
        *HEADER,
        (900, 430, "GIẤY KHAI SINH"),
        (480, 530, "Số: 125......................"), (1400, 530, "Quyển số: 01/1980........"),
        (240, 620, "Họ, chữ đệm, tên: ......NGUYỄN THỊ THU HƯƠNG.............."),
        (240, 710, f"Ngày, tháng, năm sinh: 15/06/1980 ........ ghi bằng chữ: {words}"),
        (240, 800, f"{words_rest}............."),
        (240, 890, "Giới tính: Nữ........... Dân tộc: Kinh........ Quốc tịch: Việt Nam........"),
        (240, 980, "Nơi sinh: Trạm Y tế xã Đông Ngũ, huyện Tiên Yên,"),
        (240, 1070, "tỉnh Quảng Ninh..................."),
        (240, 1160, "Quê quán: xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh........"),
        (240, 1250, f"Số định danh cá nhân: {personal_id}............"),
        (240, 1360, "Họ, chữ đệm, tên người mẹ: TRẦN THỊ LAN..................."),
        (240, 1450, "Năm sinh: 1956...... Dân tộc: Tày....... Quốc tịch: Việt Nam......"),
        (240, 1540, "Nơi cư trú: Thôn 3, xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh....."),
        (240, 1650, "Họ, chữ đệm, tên người cha: NGUYỄN VĂN HÙNG................"),
        (240, 1740, "Năm sinh: 1954...... Dân tộc: Kinh....... Quốc tịch: Việt Nam......"),
        (240, 1830, "Nơi cư trú: Thôn 3, xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh....."),
        (240, 1940, "Họ, chữ đệm, tên người đi khai sinh: NGUYỄN VĂN HÙNG"),
        (240, 2030, "Nơi đăng ký khai sinh: Ủy ban nhân dân xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh"),
        (1250, 2160, "Tiên Yên, ngày 20 tháng 6 năm 1980"),
        (1300, 2240, "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)"),
    ]
    return page(rows, conf=conf)


def values(doc):
    return {k: f.value for k, f in doc.fields.items()}


def test_birth_certificate_fields_and_blocks():
    [doc] = extract_documents([birth_certificate()])
    assert doc.schema_id == "birth_certificate"
    got = values(doc)
    assert got == {
        "number": "125", "book": "01/1980", "full_name": "NGUYỄN THỊ THU HƯƠNG", "sex": "female",
        "date_of_birth": "1980-06-15", "place_of_birth": "Trạm Y tế xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh",
        "hometown": "xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh", "ethnicity": "Kinh",
        "nationality": "Việt Nam", "personal_id": "022180012345", "mother_name": "TRẦN THỊ LAN",
        "mother_birth_year": "1956", "mother_ethnicity": "Tày", "mother_nationality": "Việt Nam",
        "mother_residence": "Thôn 3, xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh",
        "father_name": "NGUYỄN VĂN HÙNG", "father_birth_year": "1954", "father_ethnicity": "Kinh",
        "father_nationality": "Việt Nam", "father_residence": "Thôn 3, xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh",
        "registration_authority": "Ủy ban nhân dân xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh",
        "registration_date": "1980-06-20",
    }
    assert "declarant_name" not in doc.fields and "date_of_birth_in_words" not in doc.fields
    assert all(unicodedata.is_normalized("NFC", v) for v in got.values() if v)
    assert all(f.status == "ok" for f in doc.fields.values()), {k: f for k, f in doc.fields.items()
                                                                if f.status != "ok"}
    assert doc.issues == [] and not doc.needs_review
    name = doc.fields["full_name"]
    assert name.page == 1 and name.bbox is not None
    x0, y0, x1, y1 = name.bbox
    assert 0 < x0 < x1 < 1 and 0 < y0 < y1 < 1


def test_a_frames_ornament_read_as_letters_is_no_part_of_any_value():
    # A framed certificate: OCR reads the frame's pattern as a letter opening every line, in the margin.
    framed = birth_certificate()
    marks = "XỄWVMX"
    rows = [(60, line.bbox[1], f"{marks[i % len(marks)]} {line.text}") for i, line in enumerate(framed.lines)]
    [doc] = extract_documents([page(rows)])
    got = values(doc)
    assert got["full_name"] == "NGUYỄN THỊ THU HƯƠNG" and got["mother_name"] == "TRẦN THỊ LAN"
    assert got["father_residence"] == "Thôn 3, xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh"
    assert got["place_of_birth"] == "Trạm Y tế xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh"


def test_a_label_that_is_its_whole_line_ends_the_value_above_it():
    # "Giấy xác nhận được cấp để" (no colon, a wording of its own): the status above stops there.
    rows = [*HEADER, (700, 430, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN"), (240, 530, "Số: 384"),
            (240, 620, "Họ và tên: NGUYỄN XUÂN HÙNG"), (240, 710, "Tình trạng hôn nhân:"),
            (240, 800, "Hiện tại chưa đăng ký kết hôn với ai"), (240, 890, "Giấy xác nhận được cấp để"),
            (240, 980, "Làm thủ tục chuyển nhượng quyền sử dụng đất")]
    [doc] = extract_documents([page(rows)])
    assert doc.fields["marital_status"].value == "Hiện tại chưa đăng ký kết hôn với ai"


def test_the_older_confirmations_authority_line_and_purpose_after_the_validity_sentence():
    # "Xét đề nghị của …," then the authority on a line of its own (no "xác nhận:"); the purpose after "… và
    # được" / "dùng để:" where the validity sentence wraps.
    rows = [*HEADER, (700, 430, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN"), (400, 520, "Số: 185"),
            (240, 600, "Xét đề nghị của ông Vũ Anh Gia Nam về việc xác nhận tình trạng hôn nhân,"),
            (240, 680, "Ủy ban nhân dân phường Phương Đông, thành phố Uông Bí, tỉnh Quảng Ninh"),
            (160, 780, "Họ, chữ đệm, tên: VŨ ANH GIA NAM"), (160, 860, "Tình trạng hôn nhân:"),
            (200, 940, "Hiện tại chưa đăng ký kết hôn với ai"),
            (240, 1040, "Giấy xác nhận này có giá trị sử dụng trong thời hạn sáu tháng, kể từ ngày cấp, và được"),
            (160, 1110, "dùng để: Làm thủ tục chuyển nhượng quyền sử dụng đất"),
            (830, 1220, "Uông Bí, ngày 28 tháng 02 năm 2018")]
    [doc] = extract_documents([page(rows)])
    assert doc.fields["issuing_authority"].value == (
        "Ủy ban nhân dân phường Phương Đông, thành phố Uông Bí, tỉnh Quảng Ninh")
    assert doc.fields["purpose"].value == "Làm thủ tục chuyển nhượng quyền sử dụng đất"


def test_a_short_label_with_one_letter_misread_is_found_by_its_colon_at_the_line_start():
    rows = [*HEADER, (900, 430, "TRÍCH LỤC KHAI TỬ"), (240, 530, "Số: 76 Quyển số: 03/2018"),
            (240, 620, "Họ, chữ đệm, tên: NGUYỄN THANH THỦY"), (240, 710, "Nơi chất:"),
            (240, 800, "Bệnh viện Việt Nam - Thụy Điển Uông Bí, tỉnh Quảng Ninh"),
            (240, 890, "Nguyên nhân chết: Bệnh")]
    [doc] = extract_documents([page(rows)])
    assert doc.fields["place_of_death"].value == "Bệnh viện Việt Nam - Thụy Điển Uông Bí, tỉnh Quảng Ninh"
    assert doc.fields["place_of_death"].status == "review"  # its label misread: a person looks


def test_id_that_disagrees_with_the_date_of_birth_is_an_issue():
    # G=1 (female, 1900s) but YY=92 while the child was born in 1980.
    [doc] = extract_documents([birth_certificate(personal_id="022192012345")])
    codes = {i.code for i in doc.issues}
    assert "id_birth_year_mismatch" in codes
    assert doc.fields["personal_id"].status == "review"
    assert doc.fields["date_of_birth"].status == "review"
    assert doc.needs_review


def test_id_that_disagrees_with_sex_and_province():
    [doc] = extract_documents([birth_certificate(personal_id="001080012345")])  # Hà Nội, male
    codes = {i.code for i in doc.issues}
    assert {"id_sex_mismatch", "id_province_mismatch"} <= codes
    assert all(i.message and i.message[0].isupper() for i in doc.issues)


def test_date_of_birth_against_its_words():
    [doc] = extract_documents([birth_certificate(words="Ngày mười sáu, tháng sáu, năm một")])
    issue = next(i for i in doc.issues if i.code == "dob_words_mismatch")
    assert issue.field == "date_of_birth"
    assert doc.fields["date_of_birth"].status == "review"


def test_low_ocr_confidence_is_review():
    [doc] = extract_documents([birth_certificate(conf=0.6)])
    assert doc.fields["full_name"].value == "NGUYỄN THỊ THU HƯƠNG"
    assert doc.fields["full_name"].status == "review"


def test_missing_required_field_is_null_and_review():
    rows = [*HEADER, (900, 430, "TRÍCH LỤC KHAI TỬ"), (240, 620, "Họ, chữ đệm, tên: LÊ VĂN AN")]
    [doc] = extract_documents([page(rows)])
    assert set(doc.fields) >= {"number", "date_of_death", "place_of_death", "registration_date"}
    assert doc.fields["date_of_death"].value is None and doc.fields["date_of_death"].status == "review"
    assert "required_missing" in {i.code for i in doc.issues}


def test_death_extract_dates_in_order():
    rows = [*HEADER, (900, 430, "TRÍCH LỤC KHAI TỬ"), (480, 530, "Số: 12"),
            (240, 620, "Họ, chữ đệm, tên: LÊ VĂN AN"),
            (240, 710, "Ngày, tháng, năm sinh: 02/03/1950"),
            (240, 800, "Đã chết vào lúc: 14 giờ 30 phút, ngày 01/02/1949")]
    [doc] = extract_documents([page(rows)])
    assert doc.fields["date_of_death"].value == "1949-02-01"
    assert "death_before_birth" in {i.code for i in doc.issues}
    assert doc.fields["date_of_death"].status == "review"


def test_marriage_certificate_two_columns():
    rows = [
        *HEADER, (750, 430, "GIẤY CHỨNG NHẬN KẾT HÔN"), (480, 530, "Số: 49....."), (1400, 530, "Quyển số: 01/2016"),
        (700, 630, "Chồng"), (1750, 630, "Vợ"),
        (240, 720, "Họ, chữ đệm, tên: PHAN CÔNG PHÚC......"), (1290, 720, "Họ, chữ đệm, tên: TRẦN THỊ HÀ....."),
        (240, 810, "Ngày, tháng, năm sinh: 28/06/1991...."), (1290, 810, "Ngày, tháng, năm sinh: 21/02/1993..."),
        (240, 900, "Dân tộc: Kinh......"), (1290, 900, "Dân tộc: Sán Chay......"),
        (240, 990, "Quốc tịch: Việt Nam......"), (1290, 990, "Quốc tịch: Việt Nam......"),
        (240, 1080, "Nơi cư trú: Thôn 1, xã Đồng Tiến,"), (1290, 1080, "Nơi cư trú: Thôn Khe Cát, xã Tiến"),
        (240, 1170, "huyện Cô Tô, tỉnh Quảng Ninh"), (1290, 1170, "Tới, huyện Hải Hà, tỉnh Quảng Ninh"),
        (240, 1260, "Số định danh cá nhân: 022091821915"), (1290, 1260, "Số định danh cá nhân: 022193633678"),
        (240, 1370, "Nơi đăng ký kết hôn: Ủy ban nhân dân xã Tiến Tới, huyện Hải Hà, tỉnh Quảng Ninh"),
        (240, 1460, "Ngày, tháng, năm đăng ký: 27/03/2016"),
    ]
    [doc] = extract_documents([page(rows)])
    got = values(doc)
    assert got["husband_name"] == "PHAN CÔNG PHÚC" and got["wife_name"] == "TRẦN THỊ HÀ"
    assert got["husband_date_of_birth"] == "1991-06-28" and got["wife_date_of_birth"] == "1993-02-21"
    assert got["husband_ethnicity"] == "Kinh" and got["wife_ethnicity"] == "Sán Chay"
    assert got["husband_residence"] == "Thôn 1, xã Đồng Tiến, huyện Cô Tô, tỉnh Quảng Ninh"
    assert got["wife_residence"] == "Thôn Khe Cát, xã Tiến Tới, huyện Hải Hà, tỉnh Quảng Ninh"
    assert got["husband_personal_id"] == "022091821915" and got["wife_personal_id"] == "022193633678"
    assert got["registration_date"] == "2016-03-27" and got["number"] == "49" and got["book"] == "01/2016"
    assert not [i for i in doc.issues if i.code.startswith("id_")]


def test_marriage_ids_are_checked_against_each_spouse():
    rows = [*HEADER, (750, 430, "GIẤY CHỨNG NHẬN KẾT HÔN"), (700, 630, "Chồng"), (1750, 630, "Vợ"),
            (240, 810, "Ngày, tháng, năm sinh: 28/06/1991"), (1290, 810, "Ngày, tháng, năm sinh: 21/02/1993"),
            (240, 900, "Số định danh cá nhân: 022191821915"), (1290, 900, "Số định danh cá nhân: 022093633678")]
    [doc] = extract_documents([page(rows)])
    mismatched = {i.field for i in doc.issues if i.code == "id_sex_mismatch"}
    assert mismatched == {"husband_personal_id", "wife_personal_id"}


def test_id_card_bilingual_labels_and_values_below():
    rows = [
        (400, 100, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (480, 300, "CĂN CƯỚC CÔNG DÂN"),
        (520, 350, "Citizen Identity Card"),
        (500, 420, "Số / No.: 022180012345"),
        (500, 480, "Họ và tên / Full name:"), (500, 530, "NGUYỄN THỊ THU HƯƠNG"),
        (500, 590, "Ngày sinh / Date of birth: 15/06/1980"),
        (500, 650, "Giới tính / Sex: Nữ Quốc tịch / Nationality: Việt Nam"),
        (500, 710, "Quê quán / Place of origin: xã Đông Ngũ, huyện Tiên Yên,"), (500, 760, "tỉnh Quảng Ninh"),
        (500, 820, "Nơi thường trú / Place of residence: Thôn 3, xã Đông Ngũ,"),
        (500, 870, "huyện Tiên Yên, tỉnh Quảng Ninh"),
        (60, 1000, "Có giá trị đến:"), (60, 1040, "Date of expiry"), (60, 1090, "15/06/2040"),
        (60, 1400, "Ngày, tháng, năm / Date, month, year: 10/10/2021"),
    ]
    [doc] = extract_documents([page(rows, height=1800)])
    assert doc.schema_id == "citizen_id_card"
    assert values(doc) == {
        "personal_id": "022180012345", "full_name": "NGUYỄN THỊ THU HƯƠNG", "date_of_birth": "1980-06-15",
        "sex": "female", "nationality": "Việt Nam", "place_of_origin": "xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh",
        "residence": "Thôn 3, xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh", "issue_date": "2021-10-10",
        "expiry_date": "2040-06-15",
    }


def test_value_below_a_garbled_second_label_line():
    rows = [(480, 300, "CĂN CƯỚC CÔNG DÂN"), (60, 1000, "Có giá trị đến:"), (60, 1040, "Dat f piry"),
            (60, 1090, "15/06/2040")]
    [doc] = extract_documents([page(rows, height=1800)])
    assert doc.fields["expiry_date"].value == "2040-06-15"


def test_card_value_continues_under_its_label_past_another_column():
    # OCR put the left column's words ("Có giá trị đến:", a stamp's "pasuv)") on the same lines as the
    # residence; the value goes on under its label, and the bilingual label counts without its colon.
    rows = [(480, 300, "CĂN CƯỚC CÔNG DÂN"),
            (60, 820, "Có giá trị đến: Nơi thường trú / Place of residence- Thôn Nà Pá, xã"),
            (60, 870, "pasuv)"), (444, 870, "Đường Hoa, huyện Hải Hà, tỉnh Quảng Ninh")]
    ocr = page(rows, height=1800)
    last, stamp = ocr.lines[-1], ocr.lines[-2]
    stamp.words += last.words  # one OCR line across both columns
    stamp.text = f"{stamp.text} {last.text}"
    stamp.bbox = (stamp.bbox[0], stamp.bbox[1], last.bbox[2], last.bbox[3])
    ocr.lines = ocr.lines[:-1]
    [doc] = extract_documents([ocr])
    assert doc.fields["residence"].value == "Thôn Nà Pá, xã Đường Hoa, huyện Hải Hà, tỉnh Quảng Ninh"


def test_bilingual_label_with_its_english_half_garbled():
    rows = [(480, 300, "CĂN CƯỚC CÔNG DÂN"),
            (500, 650, "Giới tính / Sex: Nam Quốc tịch /Nadonafty: Việt Nam")]
    [doc] = extract_documents([page(rows, height=1800)])
    assert doc.fields["nationality"].value == "Việt Nam"


def test_card_number_label_read_with_o_slash():
    rows = [(480, 300, "CĂN CƯỚC CÔNG DÂN"), (500, 420, "sø/No: 022180012345")]
    [doc] = extract_documents([page(rows, height=1800)])
    assert doc.fields["personal_id"].value == "022180012345"


def test_card_number_and_name_found_by_their_shape_when_labels_are_unreadable():
    rows = [(480, 300, "CĂN CƯỚC CÔNG DÂN"), (500, 380, "ÂU đi sat: CÁ chán ( Demonel Cme6Đcsfer"),
            (500, 420, "022081345653"), (500, 480, "do. chờ đền và tên kho sứ / vết name"),
            (500, 530, "LÊ ĐỨC AN"), (60, 1500, "IDVNM0813456530022081345653<<0")]
    [doc] = extract_documents([page(rows, height=1800)])
    assert doc.fields["personal_id"].value == "022081345653"
    assert doc.fields["full_name"].value == "LÊ ĐỨC AN"
    assert doc.fields["full_name"].status == "review"  # its label was not read: a person confirms


def test_card_value_goes_on_past_a_line_of_the_other_column_and_ends_at_its_province():
    rows = [(480, 300, "CĂN CƯỚC CÔNG DÂN"),
            (1030, 800, "Nơi thường trú / Place of residence: Thôn Khe Cát, xã Tân"),
            (700, 860, "Dat f piry"), (1030, 870, "Lập, huyện Đầm Hà, tỉnh Quảng Ninh"),
            (1030, 940, "27/03/2036")]
    [doc] = extract_documents([page(rows, height=1800)])
    assert doc.fields["residence"].value == "Thôn Khe Cát, xã Tân Lập, huyện Đầm Hà, tỉnh Quảng Ninh"


def test_page_read_sideways_is_turned_upright():
    from extractors.layout import page_layout

    upright = page([(240, 200, "GIẤY KHAI SINH"), (240, 300, "Họ, chữ đệm, tên: NGUYỄN THỊ THU HƯƠNG"),
                    (240, 400, "Giới tính: Nữ Dân tộc: Kinh Quốc tịch: Việt Nam")], width=2480, height=3508)
    # The same page as Tesseract reports a page left a quarter turn: top at the right, lines running down.
    turned = upright.model_copy(deep=True, update={"width": 3508, "height": 2480})
    for word in turned.words:
        x0, y0, x1, y1 = word.bbox
        word.bbox = (3508 - y1, x0, 3508 - y0, x1)
    layout = page_layout(turned)
    assert (layout.width, layout.height) == (2480, 3508)
    assert [line.text for line in layout.lines] == [line.text for line in page_layout(upright).lines]
    [doc] = extract_documents([turned])
    assert doc.schema_id == "birth_certificate" and doc.fields["full_name"].value == "NGUYỄN THỊ THU HƯƠNG"
