"""The ID-card reader on every edition: CMND titles and 9-digit numbers, Vietnamese-only and bilingual labels
(English halves garbled or glued), values right of or below their label, names wrapped over two lines, label
fragments never taken as values, fields the edition does not print left null, and ``ok`` only when the reading
is structurally certain (one label, the card's own checks passing)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from extractors import extract_documents
from extractors.classify import classify_page
from extractors.layout import page_layout
from samples.layouts import card_mrz, id_card
from schemas import all_schemas
from tests.extractors.synthetic import page


def card(rows, title="CĂN CƯỚC CÔNG DÂN"):
    return page([(400, 100, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (480, 200, title), *rows], height=1800)


def read(rows, title="CĂN CƯỚC CÔNG DÂN"):
    [doc] = extract_documents([card(rows, title)])
    assert doc.schema_id == "citizen_id_card"
    return doc


def values(doc):
    return {k: f.value for k, f in doc.fields.items()}


@pytest.mark.parametrize("title", ["CHỨNG MINH NHÂN DÂN", "GIẤY CHỨNG MINH NHÂN DÂN", "CĂN CƯỚC",
                                   "CĂN CƯỚC CÔNG DÂN / CITIZEN IDENTITY CARD"])
def test_every_card_title_classifies(title):
    found = classify_page(page_layout(card([], title)), tuple(all_schemas().values()))
    assert (found.schema, found.titled) == ("citizen_id_card", True)


def test_cmnd_with_nine_digits_dotted_values_and_issue_date_in_words():
    rows = [(700, 300, "SỐ 022806551"),
            (600, 380, "Họ tên ........ NGUYỄN VĂN AN ............"),
            (600, 440, "Sinh ngày ........ 12-05-1980 ........"),
            (600, 500, "Nguyên quán ...... xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh"),
            (600, 560, "Nơi ĐKHK thường trú .... Thôn 3, xã Đông Ngũ, huyện Tiên Yên,"),
            (600, 620, "tỉnh Quảng Ninh"),
            (100, 1000, "Dân tộc: Kinh Tôn giáo: Không"), (100, 1080, "DẤU VẾT RIÊNG VÀ DỊ HÌNH"),
            (100, 1140, "Nốt ruồi C:1cm trên đầu mày phải"), (700, 1250, "Ngày 02 tháng 08 năm 2013"),
            (800, 1320, "GIÁM ĐỐC CÔNG AN")]
    doc = read(rows, "GIẤY CHỨNG MINH NHÂN DÂN")
    assert values(doc) == {
        "personal_id": "022806551", "full_name": "NGUYỄN VĂN AN", "date_of_birth": "1980-05-12", "sex": None,
        "nationality": None, "place_of_origin": "xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh",
        "residence": "Thôn 3, xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh", "issue_date": "2013-08-02",
        "expiry_date": None}
    assert doc.fields["personal_id"].status == "ok"  # "Số" at the start of its line, the only number
    assert doc.fields["nationality"].status == "review"  # not printed: null, never borrowed


def test_nine_digits_on_a_card_that_is_no_cmnd_is_doubted():
    doc = read([(600, 300, "Số: 022806551"), (600, 380, "Họ và tên: NGUYỄN VĂN AN")])
    assert doc.fields["personal_id"].value == "022806551"
    assert doc.fields["personal_id"].status == "review"


def test_cmnd_12_garbled_number_label_and_vietnamese_labels():
    rows = [(900, 300, "sẽ: (022085024461"), (860, 360, "Họ tên: NGUYỄN ĐÌNH HẢI THÀNH"),
            (860, 420, "Sinh ngày: 23/12/1985"), (860, 480, "Giới tính: Nam Dân tộc: Kinh"),
            (860, 540, "Nguyên quán: huyện Kim Sơn, tỉnh Ninh Bình"),
            (860, 600, "Nơi ĐKHK thường trú: Thôn Hải Tiến, xã Đạp Thanh, huyện"),
            (860, 660, "Ba Chẽ, tỉnh Quảng Ninh")]
    doc = read(rows, "CHỨNG MINH NHÂN DÂN")
    assert values(doc) | {"issue_date": None, "expiry_date": None} == {
        "personal_id": "022085024461", "full_name": "NGUYỄN ĐÌNH HẢI THÀNH", "date_of_birth": "1985-12-23",
        "sex": "male", "nationality": None, "place_of_origin": "huyện Kim Sơn, tỉnh Ninh Bình",
        "residence": "Thôn Hải Tiến, xã Đạp Thanh, huyện Ba Chẽ, tỉnh Quảng Ninh",
        "issue_date": None, "expiry_date": None}
    assert doc.fields["sex"].value == "male" and doc.fields["personal_id"].status == "ok"


def test_vietnamese_only_labels_of_the_2016_card():
    rows = [(600, 300, "Số: 022180012345"), (600, 360, "Họ và tên: NGUYỄN THỊ THU HƯƠNG"),
            (600, 420, "Ngày, tháng, năm sinh: 15/06/1980"), (600, 480, "Giới tính: Nữ Quốc tịch: Việt Nam"),
            (600, 540, "Quê quán: xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh"),
            (600, 600, "Nơi thường trú: Thôn 3, xã Đông Ngũ, huyện Tiên Yên,"), (600, 660, "tỉnh Quảng Ninh"),
            (100, 760, "Có giá trị đến: 15/06/2040"), (100, 1200, "Ngày 10 tháng 10 năm 2016")]
    doc = read(rows)
    assert values(doc) == {
        "personal_id": "022180012345", "full_name": "NGUYỄN THỊ THU HƯƠNG", "date_of_birth": "1980-06-15",
        "sex": "female", "nationality": "Việt Nam", "place_of_origin": "xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh",
        "residence": "Thôn 3, xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh", "issue_date": "2016-10-10",
        "expiry_date": "2040-06-15"}
    assert {k for k, f in doc.fields.items() if f.status == "ok"} >= {"personal_id", "date_of_birth", "sex"}


def test_glued_and_garbled_english_halves_are_stepped_over():
    rows = [(600, 300, "Số thẻIPersonal identification number: 022049553322"),
            (600, 360, "Tên/Surname and given name: ĐẶNG BÁ ĐÌNH"), (600, 410, "THẮNG"),
            (600, 470, "GióilGender: Nam"), (600, 530, "Quê!Home town: xã Đạp Thanh, huyện Ba Chẽ, tỉnh Quảng Ninh"),
            (600, 590, "Sinh ngày/Date of birth: 18-12-1949"), (600, 650, "Quốc tịchINationality: Việt Nam"),
            (100, 1100, "Ngày cấp í Date of issue: 01.09.2012")]
    assert values(read(rows)) | {"residence": None, "expiry_date": None} == {
        "personal_id": "022049553322", "full_name": "ĐẶNG BÁ ĐÌNH THẮNG", "date_of_birth": "1949-12-18",
        "sex": "male", "nationality": "Việt Nam", "place_of_origin": "xã Đạp Thanh, huyện Ba Chẽ, tỉnh Quảng Ninh",
        "residence": None, "issue_date": "2012-09-01", "expiry_date": None}


def test_an_english_half_read_with_a_figure_after_the_slash_is_stepped_over():
    # "Quê quán/1ome tơwn:": the H of "Home" read as 1; the value is on the next line.
    rows = [(600, 300, "Số định danh cá nhân/Personal identification number: 022159228312"),
            (600, 360, "Quê quán/1ome tơwn:"), (600, 410, "huyện Đông Hưng, tỉnh Thái Bình.")]
    assert read(rows).fields["place_of_origin"].value == "huyện Đông Hưng, tỉnh Thái Bình"


def test_a_bilingual_label_mid_line_with_its_english_half_garbled():
    # "Quốc tịch / Nafonaffty. Việt Nam" after the sex on the same line: the slash marks the label; the
    # garbled English half (no colon) is stepped over since what follows is a nationality.
    rows = [(600, 300, "Số / No: 079064442646"),
            (600, 360, "Giới tính / Sex Nam Quốc tịch / Nafonaffty. Việt Nam")]
    doc = read(rows)
    assert doc.fields["sex"].value == "male" and doc.fields["nationality"].value == "Việt Nam"


def test_a_two_word_label_glued_into_one_word_and_an_address_with_specks_after_its_province():
    rows = [(600, 300, "Số định danh cá nhân: 040093927849"), (600, 360, "Họtên:"), (600, 410, "NGUYỄN ANH LONG"),
            (600, 470, "Nơi cư trú: Số 104, đường Hoàng Quốc Việt, thí trấn Cái Rồng, tỉnh Quảng Ninh LJ")]
    doc = read(rows)
    assert doc.fields["full_name"].value == "NGUYỄN ANH LONG"
    residence = doc.fields["residence"]
    assert residence.value == "Số 104, đường Hoàng Quốc Việt, thị trấn Cái Rồng, tỉnh Quảng Ninh"
    assert residence.status == "review"  # cut after its province and repaired: a person looks


def test_a_place_with_a_dash_in_its_name_is_read_whole():
    rows = [(600, 300, "Số định danh cá nhân: 022159228312"),
            (600, 360, "Nơi thường trú: Bệnh viện Việt Nam - Thụy Điển Uông Bí, tỉnh Quảng Ninh")]
    assert read(rows).fields["residence"].value == "Bệnh viện Việt Nam - Thụy Điển Uông Bí, tỉnh Quảng Ninh"


def test_a_label_fragment_is_never_a_value():
    # The label's garbled tail stands on its line; the name is below it.
    rows = [(600, 300, "Số: 022076650768"),
            (600, 360, "Ho, chữ đệm và tên khay sinfv/Sumarne and Qiươn narne."), (600, 410, "PHẠM CÔNG THỤY"),
            (600, 470, "Quê quán / í Place of"), (600, 520, "origin")]
    doc = read(rows)
    assert doc.fields["full_name"].value == "PHẠM CÔNG THỤY"
    assert doc.fields["place_of_origin"].value is None


def test_values_below_their_labels():
    rows = [(600, 300, "Số định danh cá nhân:"), (600, 350, "022301348828"),
            (600, 420, "Họ, chữ đệm và tên khai sinh:"), (600, 470, "NGUYỄN THỊ HƯƠNG"),
            (600, 540, "Nơi cư trú:"), (600, 590, "Thôn Nam, xã Đồn Đạc, huyện Ba Chẽ, tỉnh"), (600, 640, "Quảng Ninh"),
            (600, 710, "Ngày sinh:"), (600, 760, "24/05/2001")]
    assert values(read(rows)) | {"sex": None} == {
        "personal_id": "022301348828", "full_name": "NGUYỄN THỊ HƯƠNG", "date_of_birth": "2001-05-24", "sex": None,
        "nationality": None, "place_of_origin": None,
        "residence": "Thôn Nam, xã Đồn Đạc, huyện Ba Chẽ, tỉnh Quảng Ninh", "issue_date": None, "expiry_date": None}


def test_a_label_read_twice_with_different_values_is_not_ok():
    rows = [(600, 300, "Số: 022180012345"), (600, 360, "Ngày sinh: 15/06/1980"), (600, 420, "Giới tính: Nữ"),
            (100, 900, "Ngày sinh: 16/06/1980")]
    doc = read(rows)
    assert doc.fields["date_of_birth"].value == "1980-06-15" and doc.fields["date_of_birth"].status == "review"
    # The same value under a second label (the English line of a bilingual label) competes with nothing.
    same = read([*rows[:3], (100, 900, "Date of birth: 15/06/1980")])
    assert same.fields["date_of_birth"].status == "ok"


def test_an_address_that_does_not_end_with_its_province_is_not_ok():
    doc = read([(600, 300, "Nơi thường trú: Thôn 3, xã Đông Ngũ, huyện Tiên Yên")])
    assert doc.fields["residence"].value is not None and doc.fields["residence"].status == "review"


def test_the_name_against_the_mrz():
    mrz = card_mrz.lines("022180012345", "NGUYỄN THỊ THU HƯƠNG", dt.date(1980, 6, 15), "female",
                         dt.date(2040, 6, 15))
    rows = [(600, 300, "Số: 022180012345"), (600, 360, "Ngày sinh: 15/06/1980"), (600, 420, "Giới tính: Nữ"),
            *[(60, 1500 + 45 * i, line) for i, line in enumerate(mrz)]]
    right = read([*rows, (600, 480, "Họ và tên: NGUYỄN THỊ THU HƯƠNG")])
    assert right.fields["full_name"].status == "ok"
    wrong = read([*rows, (600, 480, "Họ và tên: NGUYỄN THỊ THU HỒNG")])  # a letter misread: not the MRZ's
    assert wrong.fields["full_name"].value == "NGUYỄN THỊ THU HỒNG"
    assert wrong.fields["full_name"].status == "review"


def test_a_name_whose_first_word_ocr_lost_is_completed_from_the_mrz_for_review():
    mrz = card_mrz.lines("022088251179", "NGUYỄN HẢI SƠN", dt.date(1988, 9, 8), "male", dt.date(2028, 9, 8))
    rows = [(600, 300, "Số: 022088251179"), (600, 360, "Họ và tên / Full name-"), (600, 410, "HẢI SƠN"),
            (600, 470, "Ngày sinh: 08/09/1988"), *[(60, 1500 + 45 * i, line) for i, line in enumerate(mrz)]]
    name = read(rows).fields["full_name"]
    assert (name.value, name.status) == ("NGUYỄN HẢI SƠN", "review")
    # a given name is spelt many ways: a lost middle or given word is not made up
    mrz = card_mrz.lines("022088251179", "NGUYỄN HẢI SƠN", dt.date(1988, 9, 8), "male", dt.date(2028, 9, 8))
    rows[2] = (600, 410, "SƠN")
    assert read(rows).fields["full_name"].value in (None, "SƠN")


def test_a_name_whose_label_is_garbled_is_found_by_the_mrz_even_wrapped():
    mrz = card_mrz.lines("022049553322", "ĐẶNG BÁ ĐÌNH THẮNG", dt.date(1949, 12, 18), "male", None)
    rows = [(600, 300, 'TênSunam a""""ẵ" ĐẶNG BÁ ĐÌNH'), (600, 350, "THẲNG"),
            (600, 410, "Số thẻIPersonal identification number: 022049553322"),
            *[(60, 1500 + 45 * i, line) for i, line in enumerate(mrz)]]
    name = read(rows).fields["full_name"]
    assert (name.value, name.status) == ("ĐẶNG BÁ ĐÌNH THẮNG", "review")  # THẲNG: accents put back too


def test_ocr_lookalikes_of_vietnamese_letters_are_put_back():
    from extractors.layout import make_token

    assert make_token("QĐÐST-HNGĐ", (0, 0, 10, 10), 0.9).text == "QĐĐST-HNGĐ"


def test_a_generated_cmnd_12_is_read(tmp_path):
    """A card of the tuning family card-cmnd-12 drawn by the generator and read by Tesseract."""
    from pipeline.process import extract_stream, read_pages

    rng = random.Random(4)
    doc = id_card.build(rng, family="card-cmnd-12", copy=False)
    image = tmp_path / "card.png"
    id_card.draw(doc, 400, rng)[0].image.save(image, dpi=(400, 400))
    [found] = extract_stream(read_pages(image, jobs=1, workdir=tmp_path))
    assert found.schema_id == "citizen_id_card"
    assert found.fields["personal_id"].value == doc.fields["personal_id"]
    assert found.fields["nationality"].value is None  # the CMND prints none
    wrong_ok = [k for k, f in found.fields.items() if f.status == "ok" and f.value != doc.fields[k]]
    assert not wrong_ok


def test_a_certified_copys_date_is_not_the_cards_issue_date_when_the_cards_own_went_unread():
    """A certified copy of a card: the card's issue-date label stands but its value is unreadable, and the
    certification's own date ("…, ngày 17 tháng 02 năm 2026") fits the issue date's pattern: never ok."""
    rows = [(600, 300, "Số định danh cá nhân / Personal identification number: 022068218782"),
            (600, 380, "Họ, chữ đệm và tên / Full name: NGUYỄN VĂN TRUNG"),
            (600, 460, "Ngày, tháng, năm cấp / Date of issue: ~~ ##"),
            (150, 900, "CHỨNG THỰC BẢN SAO ĐÚNG VỚI BẢN CHÍNH"), (300, 980, "Số chứng thực: 102"),
            (240, 1060, "Đông Ngũ, ngày 17 tháng 02 năm 2026"), (230, 1140, "NGƯỜI THỰC HIỆN CHỨNG THỰC")]
    doc = read(rows, "CĂN CƯỚC")
    assert doc.fields["full_name"].value == "NGUYỄN VĂN TRUNG"
    assert doc.fields["issue_date"].status == "review"


def test_a_paper_that_confirms_a_card_number_gives_the_cards_issue_date_not_its_own():
    """The police's "Giấy xác nhận số Chứng minh nhân dân": its own signing line ("Quảng Ninh, ngày 08 tháng 4
    năm 2022") is no issue date of a card; the card's is cited after its number ("… số 0401… cấp ngày
    21/12/2020")."""
    rows = [(540, 400, "Số: 505/GXN"), (1250, 400, "Quảng Ninh, ngày 08 tháng 4 năm 2022"),
            (970, 580, "GIẤY XÁC NHẬN"), (800, 670, "SỐ CHỨNG MINH NHÂN DÂN"),
            (237, 900, "Họ, chữ đệm và tên: NGUYỄN BẢO HUYỀN"), (237, 990, "Ngày, tháng, năm sinh: 12/09/1999"),
            (239, 1240, "Số Chứng minh nhân dân đã được cấp: 108857585"),
            (357, 1334, "Số Chứng minh nhân dân nêu trên và thẻ Căn cước công dân số 040199246764 cấp ngày"),
            (238, 1418, "21/12/2020 là của cùng một người.")]
    [doc] = extract_documents([page(rows)])
    assert doc.schema_id == "citizen_id_card"
    assert doc.fields["issue_date"].value == "2020-12-21"
