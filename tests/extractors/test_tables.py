"""Register tables read from their own structure (extractors/grid.py, table_header.py, tables.py): a ruled page
image drawn with OpenCV (rules, and letter strokes where words are) and its OCR words placed as Tesseract
would give them. Each test is one class of error seen on registers: a wrapped name losing its first line,
columns in another order, a column whose header is not known, stacked values, two rows read as one, a word
run over a rule."""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from extractors import extract_documents
from extractors.confidence import Assessment
from extractors.layout import page_layout
from extractors.rules import check_rules
from extractors.table_header import column_keys
from extractors.tables import Cell, check_neighbours, join_facing, read_table
from pipeline.models import Line, PageOcr, Word
from schemas import get_schema

CHAR_W, LINE_H, STEP = 24, 44, 56
X0, TOP = 100, 300


@dataclass
class Col:
    header: list[str]  # header lines, top to bottom
    width: int
    divided: bool = False  # two values stacked, a short rule between them
    group: str = ""  # a group header above this column's, over a short rule


@dataclass
class Page:
    """What to draw: columns, one row of cell texts per entry ("\\n" separates a cell's lines; a divided
    cell holds (upper, lower)), and the defects to put in."""

    columns: list[Col]
    rows: list[list]
    numbered: bool = False
    unruled_below: set[int] = field(default_factory=set)  # rows whose bottom rule is not drawn
    lost: set[tuple[int, int, int]] = field(default_factory=set)  # (row, col, line): ink drawn, no OCR word
    overrun: set[tuple[int, int]] = field(default_factory=set)  # (row, col): the text runs over the right rule
    column_rules: bool = True  # False: a list printed by software, ruled across only


def _lines(text: str) -> list[str]:
    return [t for t in text.split("\n") if t] if text else []


def draw(tmp_path, spec: Page) -> PageOcr:
    xs = [X0]
    for col in spec.columns:
        xs.append(xs[-1] + col.width)
    grouped = any(c.group for c in spec.columns)
    header_lines = max(len(c.header) for c in spec.columns)
    y = TOP
    group_bottom = TOP + STEP + 20 if grouped else TOP
    header_bottom = group_bottom + header_lines * STEP + 20
    ys = [TOP, header_bottom]
    if spec.numbered:
        ys.append(header_bottom + STEP + 10)
    row_tops = []
    halves = []
    y = ys[-1]
    for row in spec.rows:
        row_tops.append(y)
        heights = [max(1, len(_lines(c[0]))) if isinstance(c, tuple) else 0 for c in row]
        upper = max(heights) * STEP + 20 if any(heights) else 0
        lower = max([max(1, len(_lines(c[1]))) for c in row if isinstance(c, tuple)] or [0]) * STEP + 20
        single = max([len(_lines(c)) for c in row if isinstance(c, str)] or [1]) * STEP + 20
        height = max(single, upper + lower if upper else 0)
        halves.append(y + upper if upper else None)
        y += height
        ys.append(y)
    width, height = xs[-1] + 150, ys[-1] + 200
    image = np.full((height, width), 255, np.uint8)
    words: list[Word] = []
    lines: list[Line] = []

    def put(x: int, top: int, text: str, drop: bool = False, over: int = 0) -> None:
        cursor, members = x, []
        for token in text.split():
            box = (cursor, top, cursor + CHAR_W * len(token) + over, top + LINE_H)
            for k in range(len(token)):  # letter strokes: ink without horizontal runs long enough for a rule
                cx = box[0] + k * CHAR_W + 8
                cv2.line(image, (cx, top + 8), (cx, top + LINE_H - 8), 0, 5)
            if not drop:
                words.append(Word(text=token, conf=0.96, bbox=box, line=len(lines)))
                members.append(len(words) - 1)
            cursor = box[2] + CHAR_W
        if members:
            bbox = (words[members[0]].bbox[0], top, words[members[-1]].bbox[2], top + LINE_H)
            lines.append(Line(text=" ".join(words[i].text for i in members), bbox=bbox, words=members))

    put(X0, 60, "Ủy ban nhân dân xã Đông Ngũ, huyện Tiên Yên, tỉnh Quảng Ninh")
    put(X0, 140, "SỔ ĐĂNG KÝ KHAI SINH")
    put(xs[-1] - 500, 60, "Quyển số: 01/2019")
    for j, col in enumerate(spec.columns):
        if col.group:
            put(xs[j] + 12, TOP + 15, col.group)
            cv2.line(image, (xs[j], group_bottom), (xs[j + 1], group_bottom), 0, 3)
        for k, text in enumerate(col.header):
            put(xs[j] + 12, (group_bottom if col.group else TOP) + 15 + STEP * k, text)
        if spec.numbered:
            put(xs[j] + 12, header_bottom + 15, f"({j + 1})")
    for i, row in enumerate(spec.rows):
        for j, cell in enumerate(row):
            parts = [(row_tops[i], cell)] if isinstance(cell, str) else [(row_tops[i], cell[0]), (halves[i], cell[1])]
            if isinstance(cell, tuple):
                cv2.line(image, (xs[j], halves[i]), (xs[j + 1], halves[i]), 0, 2)
            for top, text in parts:
                for k, line in enumerate(_lines(text)):
                    over = 3 * CHAR_W if (i, j) in spec.overrun else 0
                    put(xs[j] + 12, top + 15 + STEP * k, line, drop=(i, j, k) in spec.lost, over=over)
    for r, y in enumerate(ys):
        if r - (len(ys) - len(spec.rows)) in spec.unruled_below:
            continue
        cv2.line(image, (xs[0], y), (xs[-1], y), 0, 3)
    for j, x in enumerate(xs if spec.column_rules else []):
        inside_group = 0 < j < len(xs) - 1 and spec.columns[j - 1].group and spec.columns[j - 1].group == \
            spec.columns[j].group
        cv2.line(image, (x, group_bottom if inside_group else TOP), (x, ys[-1]), 0, 3)
    path = tmp_path / "register.png"
    cv2.imwrite(str(path), image)
    text = "\n".join(line.text for line in lines)
    return PageOcr(number=1, width=width, height=height, dpi=300, text=text, mean_confidence=0.96, words=words,
                   lines=lines, image_path=str(path))


SCHEMA = get_schema("birth_register")


def entries(page: PageOcr) -> list[dict]:
    """The page's entries as read_register gives them, without the second OCR reading (the test image holds
    strokes, not letters): {key: (value, status)}."""
    rows = read_table(SCHEMA, page_layout(page), second_reading=False)
    check_neighbours(SCHEMA, rows)
    out = []
    for row in rows:
        outcome = check_rules(SCHEMA, {k: c.value if c.assessment.valid else None for k, c in row.items()},
                              entries=True)
        for key, cell in row.items():
            cell.assessment.rule_failed = cell.assessment.rule_failed or key in outcome.failed
            cell.assessment.corroborated = cell.assessment.corroborated or key in outcome.corroborated
        out.append({k: (fv.value, fv.status) for k, fv in ((k, c.to_field_value()) for k, c in row.items())})
    return out


NAMES = ["NGUYỄN BẢO\nPHƯƠNG", "LÊ VĂN AN", "PHẠM THỊ BÌNH", "ĐỖ MINH CHÍNH"]
MOTHERS = ["TRẦN THỊ LAN", "HOÀNG THỊ MAI", "VŨ THỊ HOA", "LÊ THỊ HỒNG"]


def basic(**kwargs) -> Page:
    columns = [Col(["Số"], 150), Col(["Ngày đăng ký"], 330), Col(["Họ và tên"], 330), Col(["Giới tính"], 230),
               Col(["Họ tên mẹ"], 420)]
    rows = [[str(41 + i), f"0{3 + i}/05/2019", NAMES[i], "Nam" if i % 2 else "Nữ", MOTHERS[i]] for i in range(4)]
    return Page(columns, rows, **kwargs)


def test_a_wrapped_name_keeps_its_first_line(tmp_path):
    rows = entries(draw(tmp_path, basic()))
    assert len(rows) == 4
    assert rows[0]["full_name"] == ("NGUYỄN BẢO PHƯƠNG", "ok")
    assert rows[1]["full_name"] == ("LÊ VĂN AN", "ok")
    assert rows[2]["registration_date"] == ("2019-05-05", "ok") and rows[2]["sex"] == ("female", "ok")


def test_a_line_of_the_cell_that_ocr_lost_is_not_accepted(tmp_path):
    # The first line's ink is on the page, its words are not in the OCR: the rest of the name is not ok.
    rows = entries(draw(tmp_path, basic(lost={(0, 2, 0)})))
    value, status = rows[0]["full_name"]
    assert value == "PHƯƠNG" and status == "review"
    assert rows[1]["full_name"] == ("LÊ VĂN AN", "ok")


def test_columns_in_another_order_with_other_wordings(tmp_path):
    columns = [Col(["Họ tên mẹ"], 420), Col(["Số TT"], 170), Col(["Nam/Nữ"], 180),
               Col(["Họ, chữ đệm, tên", "người được khai sinh"], 520), Col(["Ngày, tháng,", "năm đăng ký"], 330)]
    rows = [[MOTHERS[i], str(7 + i), "Nam" if i % 2 else "Nữ", NAMES[i + 1], f"1{i}/02/2016"] for i in range(3)]
    got = entries(draw(tmp_path, Page(columns, rows)))
    assert [r["number"][0] for r in got] == ["7", "8", "9"]
    assert got[1]["mother_name"] == ("HOÀNG THỊ MAI", "ok")
    assert got[1]["full_name"] == ("PHẠM THỊ BÌNH", "ok")
    assert got[2]["registration_date"] == ("2016-02-12", "ok") and got[0]["sex"] == ("female", "ok")


def test_a_column_whose_header_is_not_known_is_not_guessed(tmp_path):
    # "Họ tên, năm sinh, nơi cư trú của mẹ" is no field's wording: its names stay unread, not given to a field.
    spec = basic()
    spec.columns[4] = Col(["Họ tên, năm sinh,", "nơi cư trú của mẹ"], 420)
    got = entries(draw(tmp_path, spec))
    assert all("mother_name" not in r and "father_name" not in r for r in got)
    assert got[1]["full_name"] == ("LÊ VĂN AN", "ok")


def test_stacked_values_split_at_their_rule_and_two_header_rows(tmp_path):
    columns = [Col(["Số;", "Ngày ĐK"], 300, divided=True),
               Col(["Họ và tên"], 360, group="Người được khai sinh"),
               Col(["Sinh ngày;", "Giới tính"], 300, divided=True, group="Người được khai sinh"),
               Col(["Mẹ;", "Cha"], 420, divided=True, group="Cha, mẹ")]
    rows = [[(str(120 + i), f"1{i}/06/2021"), NAMES[i + 1], (f"0{i + 1}/06/2021", "Nam" if i % 2 else "Nữ"),
             (MOTHERS[i], ["LÊ VĂN HÙNG", "", "VŨ VĂN TÂM"][i])] for i in range(3)]
    got = entries(draw(tmp_path, Page(columns, rows, numbered=True)))
    assert len(got) == 3  # the column numbers are no entry
    assert got[1]["number"] == ("121", "ok") and got[1]["registration_date"] == ("2021-06-11", "ok")
    assert got[1]["date_of_birth"] == ("2021-06-02", "ok") and got[1]["sex"] == ("male", "ok")
    assert got[0]["mother_name"] == ("TRẦN THỊ LAN", "ok") and got[0]["father_name"] == ("LÊ VĂN HÙNG", "ok")
    assert "father_name" not in got[1]  # no father: nothing borrowed from the mother above
    assert got[1]["full_name"] == ("PHẠM THỊ BÌNH", "ok")


def test_two_rows_read_as_one_give_no_accepted_value(tmp_path):
    # The rule between the third and fourth entries did not print: their cells hold two entries each.
    got = entries(draw(tmp_path, basic(unruled_below={2})))
    assert len(got) == 3
    merged = got[2]
    assert merged["full_name"][0] == "PHẠM THỊ BÌNH ĐỖ MINH CHÍNH"
    assert all(status == "review" for _, status in merged.values())
    assert got[1]["full_name"] == ("LÊ VĂN AN", "ok") and got[1]["number"] == ("42", "ok")


def test_a_value_run_over_its_rule_is_for_review(tmp_path):
    got = entries(draw(tmp_path, basic(overrun={(2, 2)})))
    assert got[2]["full_name"][1] == "review"
    assert got[1]["full_name"] == ("LÊ VĂN AN", "ok")


def test_header_wordings_map_to_one_field_or_none():
    assert column_keys(SCHEMA, ["Họ tên cha"], False) == (("father_name",), 100.0)
    assert column_keys(SCHEMA, ["Cha, mẹ", "Mẹ"], False)[0] == ("mother_name",)  # group words above
    assert column_keys(SCHEMA, ["SốTT"], False)[0] == ("number",)
    assert column_keys(SCHEMA, ["Số;", "Ngày ĐK"], True)[0] == ("number", "registration_date")
    assert column_keys(SCHEMA, ["Ghi chú"], False) is None
    # The declarant's column: a tail of its wording comes close to "Ngày đăng ký khai sinh", but it is one of
    # the books' other columns, no entry field.
    assert column_keys(SCHEMA, ["Họ, chữ đệm, tên người", "đi đăng ký khai sinh"], False) is None
    assert column_keys(SCHEMA, ["Họ, chữ đệm, tên người", "được đăng ký khai sinh"], False)[0] == ("full_name",)


def _cell(value: str, page: int, status_ok: bool = True) -> Cell:
    assessment = Assessment(ocr=0.95 if status_ok else 0.3, label=1.0, kind_quality=1.0, valid=True)
    return Cell(value, assessment, page, (0.1, 0.2, 0.3, 0.22))


def test_a_spreads_right_page_continues_the_left_pages_entries():
    left = [{"number": _cell(str(n), 1), "full_name": _cell(f"TRẺ {n}", 1)} for n in (162, 163, 164)]
    heights = [0.10, 0.20, 0.30]  # the rows' tops as shares of the left table's height
    right = [{"mother_name": _cell("MẸ 162", 2)}, {"mother_name": _cell("MẸ 164", 2)}]
    joined = join_facing(left, heights, right, [0.11, 0.305])  # the right page lay a little lower
    assert joined is not None and len(joined) == 3
    assert [row.get("mother_name") and row["mother_name"].value for row in joined] == ["MẸ 162", None, "MẸ 164"]
    assert joined[2]["number"].value == "164"
    # A column-number row read as an entry ("Q0)", all for review) is left out; one holding an accepted value
    # at no left row's height means the pages are not one entry across.
    junk = {"mother_name": _cell("Q0)", 2, status_ok=False)}
    assert len(join_facing(left, heights, [junk, *right], [0.05, 0.11, 0.305])) == 3
    assert join_facing(left, heights, [{"mother_name": _cell("MẸ", 2)}], [0.25]) is None
    # Pages that share a field hold entries of their own.
    assert join_facing(left, heights, [{"number": _cell("165", 2)}], [0.10]) is None


def test_register_document_end_to_end(tmp_path):
    [doc] = extract_documents([draw(tmp_path, basic())])
    assert doc.schema_id == "birth_register" and len(doc.entries) == 4
    assert doc.entries[0]["full_name"].value == "NGUYỄN BẢO PHƯƠNG"
    assert doc.entries[3]["mother_name"].value == "LÊ THỊ HỒNG"


def _number_rows(numbers: list[str]) -> list[dict]:
    from extractors.confidence import Assessment
    from extractors.tables import Cell

    return [{"number": Cell(n, Assessment(ocr=0.97, label=1.0, kind_quality=1.0, valid=True,
                                          kind="register_number"), 1, (0.0, 0.0, 0.1, 0.1))} for n in numbers]


def test_a_run_misread_alike_is_not_confirmed_by_itself():
    """``133`` read as ``1343`` on every row (the same glyph misread the same way) makes a run of its own that
    goes on by one; where it meets the row above (``132``) the break is one figure away, so the run is doubted."""
    rows = _number_rows(["132", "1343", "1344", "1345", "1346"])
    check_neighbours(SCHEMA, rows)
    statuses = [row["number"].to_field_value().status for row in rows]
    assert statuses[1:] == ["review"] * 4
    assert all("sequence_break" in row["number"].assessment.doubts for row in rows[1:])


def test_an_unbroken_run_is_not_doubted():
    rows = _number_rows(["132", "133", "134", "135"])
    check_neighbours(SCHEMA, rows)
    assert not any("sequence_break" in row["number"].assessment.doubts for row in rows)


def test_one_misread_row_between_bridging_neighbours_doubts_only_itself():
    rows = _number_rows(["41", "42", "48", "44", "45"])
    check_neighbours(SCHEMA, rows)
    assert [("sequence_break" in r["number"].assessment.doubts) for r in rows] == [False] * 5
    assert [r["number"].to_field_value().status for r in rows] == ["ok", "ok", "review", "ok", "ok"]


def test_columns_whose_header_is_unreadable_are_typed_by_their_cells_for_review(tmp_path):
    # The number and sex columns' headers are stamp debris: their cells (numbers one after the other,
    # Nam/Nữ) say which fields they are; with no label read, their values go to a person.
    spec = basic()
    spec.columns[0] = Col([":, ~"], 150)
    spec.columns[3] = Col(["ˆ_ x."], 230)
    got = entries(draw(tmp_path, spec))
    assert [r["number"] for r in got] == [(str(41 + i), "review") for i in range(4)]
    assert [r["sex"] for r in got] == [("female", "review"), ("male", "review")] * 2
    assert got[1]["full_name"] == ("LÊ VĂN AN", "ok")  # the columns read by their headers keep their status


def test_an_unreadable_date_column_is_placed_by_the_date_order_rule(tmp_path):
    # Two date columns, one header unreadable: registration comes after birth on every row.
    columns = [Col(["Số"], 150), Col(["Họ và tên"], 330), Col(["Ngày sinh"], 330), Col(["TIM DÔngG Kở,"], 330)]
    rows = [[str(5 + i), NAMES[i + 1], f"0{1 + i}/03/2020", f"1{i}/05/2020"] for i in range(3)]
    got = entries(draw(tmp_path, Page(columns, rows)))
    assert [r["registration_date"] for r in got] == [(f"2020-05-1{i}", "review") for i in range(3)]
    assert got[0]["date_of_birth"][0] == "2020-03-01"
    # the same column before the birth dates on every row is no registration date: left unread
    rows = [[str(5 + i), NAMES[i + 1], f"1{i}/05/2020", f"0{1 + i}/03/2020"] for i in range(3)]
    assert all("registration_date" not in r for r in entries(draw(tmp_path, Page(columns, rows))))


def test_a_column_that_fits_no_field_alone_stays_unmapped(tmp_path):
    # Names in a column with an unreadable header: names are no closed list, so nothing is guessed.
    spec = basic()
    spec.columns[4] = Col(["ˆ_ x."], 420)
    assert all("mother_name" not in r for r in entries(draw(tmp_path, spec)))


def test_group_header_words_on_the_column_header_line():
    assert column_keys(SCHEMA, ["Trẻ ˆ_ sa Dân tộc"], False)[0] == ("ethnicity",)
    assert column_keys(SCHEMA, ["Quốc tịch của mẹ"], False) is None  # a tail of one short word names nothing


def test_a_page_of_the_same_book_names_the_columns_its_header_left_unread(tmp_path):
    from extractors.tables import read_register

    first, second = tmp_path / "1", tmp_path / "2"
    first.mkdir()
    second.mkdir()
    page_one = draw(first, basic())
    spec = basic()
    spec.columns[4] = Col(["[` no ch đệm, tên"], 420)  # the mother's column's header garbled on page 2
    page_two = draw(second, spec).model_copy(update={"number": 2})
    entries, _ = read_register(SCHEMA, [page_layout(page_one), page_layout(page_two)])
    assert [e["mother_name"].value for e in entries[4:]] == MOTHERS
    assert {e["mother_name"].status for e in entries[4:]} == {"review"}  # named by the page before: looked at
    assert entries[0]["mother_name"].status == "ok"
    # a page ruled otherwise (a column wider) is not named by it
    spec.columns[3] = Col(["Giới tính"], 330)
    other = draw(second, spec).model_copy(update={"number": 2})
    entries, _ = read_register(SCHEMA, [page_layout(page_one), page_layout(other)])
    assert all(e["mother_name"].value is None for e in entries[4:])


def test_numbers_with_a_full_stop_are_numbers_of_a_sequence():
    from extractors.table_content import _sequence

    assert _sequence(["1989.", "1990.", "1991", "1992."])
    assert not _sequence(["12", "7", "30."])


def test_a_list_ruled_across_only_is_read_by_its_blank_bands_and_its_running_index_is_no_number(tmp_path):
    """A register printed as a list (rows ruled across, no column rules): its columns are where the rows' words
    leave a blank band. Its running index "STT" beside the register's own number, whose header OCR garbled, is
    not the entry number: the column whose numbers run on is (for review, typed by its cells)."""
    columns = [Col(["STT"], 130), Col(["SốĐĐK_"], 150), Col(["Ngày ĐK"], 330), Col(["Họ và tên"], 400),
               Col(["Giới tính"], 230), Col(["Họ tên mẹ"], 420)]
    rows = [[str(64 + i), str(176 + i), f"0{3 + i}/05/2019", NAMES[i + 1] if i < 3 else "ĐỖ VĂN HẢI",
             "Nam" if i % 2 else "Nữ", MOTHERS[i]] for i in range(4)]
    got = entries(draw(tmp_path, Page(columns, rows, column_rules=False)))
    assert [e["number"][0] for e in got] == ["176", "177", "178", "179"]
    assert [e["full_name"][0] for e in got] == ["LÊ VĂN AN", "PHẠM THỊ BÌNH", "ĐỖ MINH CHÍNH", "ĐỖ VĂN HẢI"]
    assert [e["mother_name"][0] for e in got] == MOTHERS
    assert all(e["number"][1] == "review" for e in got)  # typed by its cells: never ok


def test_a_lists_running_index_as_the_entry_number_is_for_review(tmp_path):
    # "STT" numbers the page's lines 1, 2, 3 … and may restart on every page where the book's own numbers run
    # on: read as the entry number, it is never accepted alone.
    spec = basic()
    spec.columns[0] = Col(["STT"], 150)
    for i, row in enumerate(spec.rows):
        row[0] = str(i + 1)
    got = entries(draw(tmp_path, spec))
    assert [row["number"] for row in got] == [(str(i + 1), "review") for i in range(4)]
    assert got[1]["full_name"] == ("LÊ VĂN AN", "ok")


def test_two_header_rows_naming_two_fields_in_one_column_mean_entries_over_two_rows():
    from extractors.layout import make_token
    from extractors.tables import Placed, _two_row_entries

    def cell(text: str, y: int) -> list[Placed]:
        return [Placed(make_token(word, (100 + 60 * i, y, 150 + 60 * i, y + 40), 0.95), False)
                for i, word in enumerate(text.split())]

    # The child's name above, the father's name below in the same column: an entry takes two rows.
    cells = {(0, 0): cell("Họ và tên người được khai sinh", 100), (1, 0): cell("Họ và tên cha", 200),
             (0, 1): cell("Ngày đăng ký", 100)}
    headers = {0: ([], False), 1: ([], False)}
    assert _two_row_entries(SCHEMA, cells, [0, 1], headers)
    # A group header above a column's own wording names one field: one row an entry.
    grouped = {(0, 0): cell("Người được khai sinh", 100), (1, 0): cell("Họ và tên", 200)}
    assert not _two_row_entries(SCHEMA, grouped, [0, 1], {0: ([], False)})
