"""The pipeline's reasons for refusing a file, in Vietnamese on the screen (issue 15, defect 6)."""

from __future__ import annotations

import pytest

from app.web.reasons import GENERAL, vietnamese_reason
from pipeline.errors import BadInput
from pipeline.ingest import open_document


@pytest.mark.parametrize("content, suffix, expected", [
    (b"", ".pdf", "Tệp rỗng (0 byte)."),
    (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", ".pdf", "bị cắt cụt hoặc hỏng"),
    (b"just some text\n", ".txt", "Không phải tệp PDF hay ảnh"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 40, ".png", "Tệp ảnh bị hỏng"),
])
def test_real_refusals_read_in_vietnamese(tmp_path, content, suffix, expected):
    path = tmp_path / f"giay-to{suffix}"
    path.write_bytes(content)
    with pytest.raises(BadInput) as refused:
        open_document(path)
    message = vietnamese_reason(refused.value.reason)
    assert expected in message, (refused.value.reason, message)
    assert message != GENERAL


def test_numbers_carried_over_and_unknown_reasons_not_shown_in_english():
    assert vietnamese_reason("too many pages (2400; limit 2000)") == "Quá nhiều trang (2400 trang; tối đa 2000)."
    assert vietnamese_reason("PDF đã mã hóa, không ký được / encrypted PDF cannot be signed") == \
        "PDF đã mã hóa, không ký được."
    assert vietnamese_reason("something nobody planned for") == GENERAL
