"""Classification of pages and splitting of a file into documents."""

from __future__ import annotations

import pytest

from extractors import extract_documents
from extractors.classify import UNKNOWN, classify_page, split_documents
from extractors.layout import page_layout
from schemas import all_schemas
from tests.extractors.synthetic import page, stacked

SCHEMAS = tuple(all_schemas().values())
HEADER = [(430, 150, "ỦY BAN NHÂN DÂN"), (1300, 150, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
          (1350, 220, "Độc lập - Tự do - Hạnh phúc")]


def titled(title: str, *lines: str, number: int = 1):
    rows = [*HEADER, (800, 430, title)] + [(240, 600 + 90 * i, text) for i, text in enumerate(lines)]
    return page(rows, number=number)


def test_titles_classify_pages():
    cases = {"GIẤY KHAI SINH": "birth_certificate", "GIẤY CHỨNG NHẬN KẾT HÔN": "marriage_certificate",
             "TRÍCH LỤC KHAI TỬ": "death_extract", "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN": "marital_status_confirmation",
             "SỔ ĐĂNG KÝ KHAI SINH": "birth_register", "CĂN CƯỚC CÔNG DÂN": "citizen_id_card"}
    for title, schema_id in cases.items():
        found = classify_page(page_layout(titled(title)), SCHEMAS)
        assert (found.schema, found.titled) == (schema_id, True), title
        assert found.confidence >= 0.9


def test_a_garbled_title_is_still_found():
    found = classify_page(page_layout(titled("GIẤY KHAl SlNH")), SCHEMAS)
    assert found.schema == "birth_certificate" and 0.7 < found.confidence < 0.95


def test_a_title_inside_a_longer_line_is_not_a_title():
    # The request form's title contains the marital status title; a card label contains "khai sinh".
    request = classify_page(page_layout(titled("TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN")), SCHEMAS)
    assert request.schema == UNKNOWN
    label = classify_page(page_layout(titled("Nơi đăng ký khai sinh / Place of birth: xã Tiên Yên")), SCHEMAS)
    assert label.schema != "birth_certificate"


def test_unknown_document_is_reported_not_forced():
    docs = extract_documents([titled("ĐƠN ĐỀ NGHỊ", "Kính gửi: Ủy ban nhân dân xã Đông Ngũ")])
    assert [d.schema_id for d in docs] == [UNKNOWN]
    assert docs[0].needs_review and docs[0].issues[0].code == "unknown_document"


def test_a_dossier_splits_and_a_continuation_page_joins():
    pages = [
        titled("TỜ KHAI CẤP BẢN SAO TRÍCH LỤC HỘ TỊCH", "Họ, chữ đệm, tên người yêu cầu: LÊ VĂN AN", number=1),
        titled("GIẤY KHAI SINH", "Họ, chữ đệm, tên: LÊ VĂN BÌNH", number=2),
        stacked(["Nơi đăng ký khai sinh: Ủy ban nhân dân xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh"],
                number=3),
        titled("TRÍCH LỤC KHAI TỬ", "Họ, chữ đệm, tên: LÊ VĂN CHÍNH", number=4),
    ]
    splits = split_documents([page_layout(p) for p in pages], SCHEMAS)
    assert [(s.schema, s.pages) for s in splits] == [
        (UNKNOWN, [0]), ("birth_certificate", [1, 2]), ("death_extract", [3])]
    docs = extract_documents(pages)
    assert [d.pages for d in docs] == [[1], [2, 3], [4]]
    birth = docs[1]
    assert birth.fields["registration_authority"].page == 3


def test_register_pages_with_the_same_title_stay_one_register():
    pages = [titled("SỔ ĐĂNG KÝ KHAI SINH", number=1), titled("SỔ ĐĂNG KÝ KHAI SINH", number=2)]
    splits = split_documents([page_layout(p) for p in pages], SCHEMAS)
    assert [(s.schema, s.pages) for s in splits] == [("birth_register", [0, 1])]


def test_a_forced_schema_applies_to_every_document():
    docs = extract_documents([titled("GIẤY KHAI SINH", "Họ, chữ đệm, tên: LÊ VĂN BÌNH")], schema="death_extract")
    assert docs[0].schema_id == "death_extract" and docs[0].schema_confidence == 1.0


def test_an_unknown_forced_schema_is_bad_input():
    import pytest

    from pipeline.errors import BadInput

    with pytest.raises(BadInput, match="unknown schema 'nope'"):
        extract_documents([titled("GIẤY KHAI SINH")], schema="nope")


def test_untitled_page_is_classified_by_distinctive_labels_only():
    card = stacked(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số định danh cá nhân / Personal identification number:",
                    "022180012345", "Họ, chữ đệm và tên khai sinh / Full name:", "NGUYỄN THỊ LAN",
                    "Ngày, tháng, năm sinh / Date of birth: 15/06/1980", "Giới tính / Sex: Nữ",
                    "Quốc tịch / Nationality: Việt Nam", "Quê quán / Place of origin: xã Đông Ngũ, tỉnh Quảng Ninh",
                    "Ngày, tháng, năm cấp / Date of issue: 10/10/2021"])
    found = classify_page(page_layout(card), SCHEMAS)
    assert (found.schema, found.titled) == ("citizen_id_card", False) and 0.8 <= found.confidence <= 0.95
    # Labels every civil-status form has (name, date of birth, residence) do not make a document type.
    generic = stacked(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Họ, chữ đệm, tên người yêu cầu: LÊ VĂN AN",
                       "Ngày, tháng, năm sinh: 01/02/1990", "Nơi cư trú: Thôn 3, xã Đông Ngũ, tỉnh Quảng Ninh",
                       "Họ, chữ đệm, tên: LÊ VĂN BÌNH"])
    assert classify_page(page_layout(generic), SCHEMAS).schema == UNKNOWN


def test_a_title_followed_by_other_words_on_its_line():
    found = classify_page(page_layout(titled("SỐ ĐANG KY KHAI SINH Trang 01")), SCHEMAS)
    assert found.schema == "birth_register"


def test_an_uncertain_document_type_accepts_nothing():
    weak = stacked(["Số định danh cá nhân / Personal identification number: 022180012345",
                    "Ngày, tháng, năm sinh / Date of birth: 15/06/1980", "Giới tính / Sex: Nữ",
                    "Quốc tịch / Nationality: Việt Nam", "Nơi cư trú / Place of residence: Thôn 3, xã Đông Ngũ,",
                    "tỉnh Quảng Ninh"])
    [doc] = extract_documents([weak])
    assert doc.schema_id == "citizen_id_card" and doc.schema_confidence < 0.8
    assert doc.fields["personal_id"].value == "022180012345"
    assert all(f.status == "review" for f in doc.fields.values())
    assert "uncertain_document_type" in {i.code for i in doc.issues}


def test_a_page_ocr_made_garbage_of_is_reported_unreadable():
    garbage = stacked([">>>>>>>>>>>>ÿ©N>lNI>>NVHL", "IỘH ÿX ôL LÿHL 3A HNJHO", "£Z0Z/E0/90 :1E9Á 'tậuoul 'aeq"])
    [doc] = extract_documents([garbage])
    assert doc.schema_id == UNKNOWN
    assert {i.code for i in doc.issues} == {"unknown_document", "page_unreadable"}
    [readable] = extract_documents([titled("ĐƠN ĐỀ NGHỊ", "Kính gửi: Ủy ban nhân dân xã Đông Ngũ")])
    assert "page_unreadable" not in {i.code for i in readable.issues}


def test_untitled_page_with_an_id_card_mrz_is_a_card():
    lines = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Ngày sinh / Date of bừth: 09/04/1978",
             "IDVNM0788332920038078833292<<0", "7804090M3804090VNM<<<<<<<<<<<0"]
    layout = page_layout(page([(100, 100 + 80 * i, text) for i, text in enumerate(lines)]))
    found = classify_page(layout, tuple(all_schemas().values()))
    assert found.schema == "citizen_id_card" and found.confidence >= 0.8 and not found.titled


def test_a_card_copied_back_side_first_is_a_card():
    # A card's two sides photocopied on A4, the back above the front: the card's title is low on the page.
    back = [(1000, 530, "Đặc điểm nhân dạng:"), (1000, 600, "Nốt ruồi cách 1cm dưới sau cánh mũi trái"),
            (1000, 680, "Ngày, tháng, năm:"), (1000, 750, "24/08/2016")]
    front = [(1100, 2250, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (1150, 2380, "CĂN CƯỚC CÔNG DÂN"),
             (1000, 2480, "Số: 022200319382"), (1000, 2560, "Họ và tên:"), (1000, 2630, "NGUYỄN BÁ THUỶ")]
    found = classify_page(page_layout(page(back + front)), SCHEMAS)
    assert (found.schema, found.titled) == ("citizen_id_card", True)


def test_a_form_title_low_on_the_page_starts_no_document():
    # Below the title zone only card titles count: a form's title words in its lower half are no title.
    rows = [*HEADER, (240, 600, "Kính gửi: Ủy ban nhân dân xã Yên Thọ"), (800, 2600, "GIẤY KHAI SINH")]
    assert classify_page(page_layout(page(rows)), SCHEMAS).schema != "birth_certificate"


DECLARATION = [(700, 140, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (900, 220, "Độc lập - Tự do - Hạnh phúc"),
               (420, 360, "TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN"),
               (470, 470, "Kính gửi: Ủy ban nhân dân phường Vàng Danh, thành phố Uông Bí, tỉnh Quảng Ninh"),
               (240, 570, "Họ và tên người khai: VŨ HỮU ĐỨC KHOA"), (240, 640, "Ngày, tháng, năm sinh: 27/01/1968"),
               (240, 940, "Tình trạng hôn nhân hiện nay: Hiện tại chưa đăng ký kết hôn với ai"),
               (1300, 1420, "Uông Bí, ngày 05 tháng 4 năm 2013"), (1530, 1490, "Người khai")]
CONFIRMATION = [(500, 1900, "XÁC NHẬN CỦA ỦY BAN NHÂN DÂN PHƯỜNG VÀNG DANH"), (240, 1980, "Số: 51"),
                (350, 2050, "Ủy ban nhân dân phường Vàng Danh, thành phố Uông Bí, tỉnh Quảng Ninh xác nhận:")]


def test_a_declaration_with_the_communes_confirmation_at_its_foot_is_the_confirmation():
    schemas = tuple(all_schemas().values())
    confirmed = classify_page(page_layout(page(DECLARATION + CONFIRMATION)), schemas)
    assert (confirmed.schema, confirmed.titled) == ("marital_status_confirmation", True)
    # The declaration alone (a dossier's application form) stays what it is: no document of a schema.
    assert classify_page(page_layout(page(DECLARATION)), schemas).schema == UNKNOWN


LETTER = [*HEADER, (480, 330, "Số: 255/UBND-TP"), (1240, 330, "Hải Hà, ngày 22 tháng 10 năm 2021"),
          (350, 400, "V/v xác nhận tình trạng hôn nhân"), (740, 560, "Kính gửi: Các cơ quan, tổ chức có liên quan."),
          (356, 840, "- Họ và tên: NGUYỄN VĂN DŨNG"), (356, 930, "- Tình trạng hôn nhân: Chưa đăng ký kết hôn với ai")]


@pytest.mark.parametrize("subject", ["V/v xác nhận tình trạng hôn nhân", "V⁄v xác nhận tình trạng hôn nhân",
                                     "V4 xác nhận tình trạng hôn nhân", "Về việc xác nhận tình trạng hôn nhân"])
def test_an_official_letter_is_classified_by_its_subject_line(subject):
    # No title: the letter's subject under its number names the paper (OCR reads the italic "V/v" many ways).
    rows = [row if not row[2].startswith("V/v") else (row[0], row[1], subject) for row in LETTER]
    found = classify_page(page_layout(page(rows)), SCHEMAS)
    assert (found.schema, found.titled) == ("marital_status_confirmation", True)


def test_a_subject_line_without_the_papers_own_labels_classifies_nothing():
    rows = [row for row in LETTER if "Tình trạng" not in row[2]]  # a letter about the subject, not the paper
    assert classify_page(page_layout(page(rows)), SCHEMAS).schema == UNKNOWN


def test_a_title_with_a_note_in_brackets_after_it():
    # A book's page: the title in capitals, then "(Tiếp theo trang 2)" in small letters on the same line.
    found = classify_page(page_layout(titled("SỔ ĐĂNG KÝ KHAI SINH NĂM 1965 (Tiếp theo trang 2)")), SCHEMAS)
    assert (found.schema, found.titled) == ("birth_register", True)


def test_a_card_title_on_a_line_with_the_other_sides_words():
    # Both sides of a card scanned side by side: the back's first line read on the front title's line.
    rows = [(1000, 280, "CHỨNG MINH NHÂN DÂN" + " " * 20 + "Dân tộc: Kinh   Tôn giáo: Không"),
            (1055, 450, "Số 107474512"), (720, 620, "Họ và tên TRẦN THÚY GIANG")]
    found = classify_page(page_layout(page(rows, width=4564, height=1653)), SCHEMAS)
    assert (found.schema, found.titled) == ("citizen_id_card", True)
