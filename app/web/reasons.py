"""Why a file could not be read, in Vietnamese for the screen: the pipeline's ``BadInput`` reasons are
English, one line (kept as they are for the logs); ``vietnamese_reason`` maps each of them to a sentence an
officer understands. A reason that is already Vietnamese (the signing code writes "tiếng Việt / English")
keeps its Vietnamese half; an unknown one gets a general sentence, never the English."""

from __future__ import annotations

import re

# (pattern on the English reason, Vietnamese message; {name} groups are carried over)
REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.I), m) for p, m in (
    (r"^empty file", "Tệp rỗng (0 byte)."),
    (r"^no such file", "Không tìm thấy tệp."),
    (r"^is a folder", "Đây là thư mục, không phải tệp."),
    (r"^file too large \((?P<size>\d+) MB; limit (?P<limit>\d+) MB\)",
     "Tệp quá lớn ({size} MB; tối đa {limit} MB)."),
    (r"^not a PDF or image", "Không phải tệp PDF hay ảnh (nhận PDF, TIFF, PNG, JPEG, WebP)."),
    (r"^truncated or corrupt PDF", "Tệp PDF bị cắt cụt hoặc hỏng (thiếu phần kết thúc tệp); hãy quét hoặc tải lại."),
    (r"^encrypted PDF", "Tệp PDF có mật khẩu; hãy gửi bản không đặt mật khẩu."),
    (r"^PDF has no pages", "Tệp PDF không có trang nào."),
    (r"^too many pages \((?P<n>\d+); limit (?P<limit>\d+)\)", "Quá nhiều trang ({n} trang; tối đa {limit})."),
    (r"^corrupt PDF page (?P<page>\d+)", "Trang {page} của tệp PDF bị hỏng."),
    (r"^corrupt PDF", "Tệp PDF bị hỏng, không mở được."),
    (r"^page (?P<page>\d+) is too large", "Trang {page} có khổ giấy quá lớn."),
    (r"^page (?P<page>\d+) cannot be rendered", "Không dựng được ảnh trang {page} của tệp PDF."),
    (r"^image too small", "Ảnh quá nhỏ để đọc được chữ."),
    (r"too large to decode|too large \(", "Ảnh quá lớn (quá nhiều điểm ảnh)."),
    (r"^corrupt (?:or unreadable|or truncated)|^corrupt .*image|^corrupt .*: its size",
     "Tệp ảnh bị hỏng, không mở được."),
))
GENERAL = "Không đọc được tệp này."


def vietnamese_reason(reason: str) -> str:
    """The Vietnamese sentence for a ``BadInput`` reason (``pipeline.errors.BadInput.reason``)."""
    text = " ".join(reason.split())
    for pattern, message in REASONS:
        found = pattern.search(text)
        if found:
            return message.format(**found.groupdict())
    if " / " in text and re.search(r"[àáảãạăâđêôơưạ-ỹ]", text.split(" / ")[0], re.I):
        half = text.split(" / ")[0].strip()
        return half[:1].upper() + half[1:] + "."
    return GENERAL
