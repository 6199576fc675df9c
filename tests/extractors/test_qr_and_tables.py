"""The ID card's QR code (zxing-cpp on the page image) and register tables (ruled lines with OpenCV)."""

from __future__ import annotations

import cv2
import numpy as np
import segno

from extractors import extract_documents
from extractors.qr import decode_text, parse_qr_text
from schemas import get_schema
from tests.extractors.synthetic import CHAR_W, page

QR_TEXT = ("022180012345|123456789|Nguyễn Thị Thu Hương|15061980|Nữ|"
           "Thôn 3, xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh|10102021")


def _card_image(path, width=2480, height=1800):
    image = np.full((height, width), 255, np.uint8)
    qr = segno.make(QR_TEXT, error="m")
    matrix = np.array(list(qr.matrix), dtype=np.uint8)
    module = 12
    big = np.kron(1 - matrix, np.ones((module, module), np.uint8)) * 255
    x, y = 1700, 60
    image[y:y + big.shape[0], x:x + big.shape[1]] = big
    cv2.imwrite(str(path), image)
    return str(path)


def test_qr_text_is_parsed_into_fields():
    values = parse_qr_text(get_schema("citizen_id_card"), QR_TEXT)
    assert values == {"personal_id": "022180012345", "full_name": "Nguyễn Thị Thu Hương",
                      "date_of_birth": "15/06/1980", "sex": "Nữ",
                      "residence": "Thôn 3, xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh", "issue_date": "10/10/2021"}
    assert parse_qr_text(get_schema("citizen_id_card"), "not|a|card") is None


def test_qr_code_wins_over_ocr_and_disagreement_is_reported(tmp_path):
    image = _card_image(tmp_path / "card.png")
    assert decode_text(image) == [QR_TEXT]
    rows = [(480, 300, "CĂN CƯỚC CÔNG DÂN"), (500, 420, "Số / No.: 022180012845"),  # OCR misread 3 as 8
            (500, 480, "Họ và tên / Full name:"), (500, 530, "NGUYỄN THỊ THU HƯƠNG"),
            (500, 590, "Ngày sinh / Date of birth: 15/06/1980")]
    [doc] = extract_documents([page(rows, height=1800, image_path=image, conf=0.7)])
    pid = doc.fields["personal_id"]
    assert pid.value == "022180012345" and pid.status == "ok" and pid.confidence >= 0.99
    assert [i.field for i in doc.issues if i.code == "qr_mismatch"] == ["personal_id"]
    # Values that agree are confirmed: exact, accepted although the OCR confidence was low.
    assert doc.fields["full_name"].status == "ok" and doc.fields["full_name"].value == "NGUYỄN THỊ THU HƯƠNG"
    assert doc.fields["residence"].value.startswith("Thôn 3")


COLUMNS = [("Số", 150), ("Ngày đăng ký", 260), ("Họ, chữ đệm, tên", 480), ("Giới tính", 170),
           ("Ngày, tháng, năm sinh", 300), ("Nơi sinh", 560), ("Dân tộc", 190), ("Quốc tịch", 220),
           ("Họ, chữ đệm, tên người mẹ", 460), ("Họ, chữ đệm, tên người cha", 460)]
ROWS = [
    ["41", "03/05/2019", "LÊ VĂN AN", "Nam", "01/05/2019", "xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh",
     "Kinh", "Việt Nam", "TRẦN THỊ LAN", "LÊ VĂN HÙNG"],
    ["42", "04/05/2019", "PHẠM THỊ BÌNH", "Nữ", "20/04/2019", "Bệnh viện Đa khoa tỉnh Quảng Ninh, tỉnh Quảng Ninh",
     "Tày", "Việt Nam", "HOÀNG THỊ MAI", ""],
    ["43", "05/05/2019", "ĐỖ MINH CHÍNH", "Nam", "07/05/2019", "xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh",
     "Kinh", "Việt Nam", "VŨ THỊ HOA", "ĐỖ VĂN TÂM"],
]


def _register(tmp_path):
    width, height, x0, top, row_h = 3508, 2480, 100, 300, 200
    image = np.full((height, width), 255, np.uint8)
    xs = [x0]
    for _, w in COLUMNS:
        xs.append(xs[-1] + w)
    ys = [top + i * row_h for i in range(len(ROWS) + 2)]
    for y in ys:
        cv2.line(image, (xs[0], y), (xs[-1], y), 0, 3)
    for x in xs:
        cv2.line(image, (x, ys[0]), (x, ys[-1]), 0, 3)
    path = tmp_path / "register.png"
    cv2.imwrite(str(path), image)
    rows = [(1300, 150, "SỔ ĐĂNG KÝ KHAI SINH"),
            (100, 60, "Ủy ban nhân dân xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh"), (2900, 60, "Quyển số: 01/2019")]
    for r, cells in enumerate([[name for name, _ in COLUMNS], *ROWS]):
        for c, text in enumerate(cells):
            # wrap long cell texts over lines that fit the cell
            words, line, lines = text.split(), "", []
            for word in words:
                if line and (len(line) + 1 + len(word)) * CHAR_W > COLUMNS[c][1] - 30:
                    lines.append(line)
                    line = word
                else:
                    line = f"{line} {word}".strip()
            if line:
                lines.append(line)
            for k, part in enumerate(lines):
                rows.append((xs[c] + 12, ys[r] + 20 + 55 * k, part))
    return page(rows, width=width, height=height, image_path=str(path))


def test_register_page_rows_become_entries(tmp_path):
    [doc] = extract_documents([_register(tmp_path)])
    assert doc.schema_id == "birth_register"
    assert doc.fields["book"].value == "01/2019"
    assert doc.fields["registration_authority"].value == "Ủy ban nhân dân xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh"
    assert len(doc.entries) == 3
    first, second, third = doc.entries
    assert {k: v.value for k, v in first.items()} == {
        "number": "41", "registration_date": "2019-05-03", "full_name": "LÊ VĂN AN", "sex": "male",
        "date_of_birth": "2019-05-01", "place_of_birth": "xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh",
        "ethnicity": "Kinh", "nationality": "Việt Nam", "mother_name": "TRẦN THỊ LAN", "father_name": "LÊ VĂN HÙNG"}
    assert second["father_name"].value is None and second["ethnicity"].value == "Tày"
    assert first["full_name"].status == "ok" and first["full_name"].page == 1
    # Born after being registered: the rule sends the row to review.
    assert third["date_of_birth"].status == "review" and third["registration_date"].status == "review"


def _cells(number: str, registered: str, conf: float = 0.6):
    from extractors.confidence import Assessment
    from extractors.tables import Cell

    def cell(value):
        return Cell(value, Assessment(ocr=conf, label=1.0, kind_quality=1.0, valid=True), 1, (0, 0, 1, 1))

    return {"number": cell(number), "registration_date": cell(registered)}


def test_register_rows_are_checked_against_their_neighbours():
    from extractors.tables import check_neighbours

    rows = [_cells("41", "2019-05-03"), _cells("42", "2019-05-04"), _cells("4", "2019-05-06"),
            _cells("44", "2019-04-01"), _cells("45", "2019-05-09")]
    issues = check_neighbours(get_schema("birth_register"), rows)
    assert sorted((i.code, i.field) for i in issues) == [
        ("register_date_order", "entries[3].registration_date"), ("register_number_sequence", "entries[2].number")]
    # Confirmed by a neighbour: a low OCR confidence is enough; contradicted: review.
    assert rows[1]["number"].to_field_value().status == "ok"
    assert rows[1]["registration_date"].to_field_value().status == "ok"
    assert rows[2]["number"].to_field_value().status == "review"
    assert rows[3]["registration_date"].to_field_value().status == "review"


def test_ruled_lines_are_erased_and_text_kept():
    from extractors.cells import erase_rules

    image = np.full((600, 1200), 255, np.uint8)
    for y in (50, 300, 550):
        cv2.line(image, (20, y), (1180, y), 0, 3)
    for x in (20, 600, 1180):
        cv2.line(image, (x, 50), (x, 550), 0, 3)
    cv2.putText(image, "25/05/2020", (60, 200), cv2.FONT_HERSHEY_SIMPLEX, 2, 0, 4)
    clean = erase_rules(image)
    assert (clean[50] == 255).all() and (clean[:, 1180] == 255).all()  # the rules are gone
    assert (clean[120:220, 60:500] < 128).sum() > 500  # the text is still there


def _tokens(text: str, conf: float, x: int = 100, y: int = 100):
    from extractors.layout import make_token

    return [make_token(word, (x + 80 * i, y, x + 80 * i + 70, y + 30), conf) for i, word in enumerate(text.split())]


def _reading(text: str, conf: float):
    from extractors.tables import CellReading, Placed

    return CellReading([Placed(t, False) for t in _tokens(text, conf)], (0, 0, 1, 1))


def test_a_second_reading_confirms_or_stands_in():
    from extractors.tables import Placed, read_cell

    schema = get_schema("birth_register")

    def read(key, first, again, conf=0.6, again_conf=0.7):
        second = [Placed(t, False) for t in _tokens(again, again_conf)] if again else []
        result, _, assessment = read_cell(schema, key, _reading(first, conf), second, None, 30.0)
        return result.value, assessment

    # Two readings agree: more sure than one reading.
    _, twice = read("registration_date", "25/05/2020", "25/05/2020")
    _, once = read("registration_date", "25/05/2020", "")
    assert twice.read_twice and twice.confidence() > once.confidence()
    # A clean first reading and a doubtful second: the first stays, unconfirmed, not contradicted.
    value, assessment = read("full_name", "VŨ NGỌC MAI", "VŨ NGỌC MAT", again_conf=0.9)
    assert value == "VŨ NGỌC MAI" and not assessment.read_twice and not assessment.doubts
    # The first reading is unusable: the second stands in, unconfirmed.
    value, assessment = read("date_of_birth", "0I/O5/2O2O8", "01/05/2020")
    assert value == "2020-05-01" and not assessment.read_twice
    # Two clean readings that differ (the second lost the cell's first line): a person decides.
    value, assessment = read("full_name", "NGUYỄN BẢO PHƯƠNG", "BẢO PHƯƠNG", conf=0.95, again_conf=0.95)
    assert "readings_differ" in assessment.doubts and assessment.status() == "review"


def _register_layout():
    from extractors.layout import PageLayout

    return PageLayout(number=1, width=2000, height=1400, lines=[])


def test_confirmations_compound():
    from extractors.confidence import Assessment

    base = Assessment(ocr=0.5, label=1.0, kind_quality=1.0, valid=True)
    one = Assessment(ocr=0.5, label=1.0, kind_quality=1.0, valid=True, corroborated=True)
    two = Assessment(ocr=0.5, label=1.0, kind_quality=1.0, valid=True, corroborated=True, read_twice=True)
    assert base.confidence() < one.confidence() < two.confidence()
    assert two.status() == "ok" and one.status() == "review"
    assert Assessment(ocr=0.6, label=1.0, kind_quality=1.0, valid=True, read_twice=True,
                      rule_failed=True).status() == "review"
