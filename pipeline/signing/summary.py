"""Vietnamese wording of verification results (Circular 15/2025/TT-BKHCN: results shown in Vietnamese)."""

from __future__ import annotations

from pipeline.signing.models import SignatureReport
from pipeline.signing.stamp import vietnam_time

MODIFICATIONS = {
    "NONE": "không có thay đổi sau khi ký",
    "LTA_UPDATES": "chỉ bổ sung dữ liệu kiểm tra/dấu thời gian (được phép)",
    "FORM_FILLING": "chỉ điền biểu mẫu hoặc thêm chữ ký (được phép)",
    "ANNOTATIONS": "thêm chú thích sau khi ký (không được phép)",
    "OTHER": "nội dung bị sửa sau khi ký: thêm/xóa trang hoặc sửa nội dung (không được phép)",
}
COVERAGE = {
    "ENTIRE_FILE": "bao trùm toàn bộ tệp",
    "ENTIRE_REVISION": "bao trùm toàn bộ phiên bản đã ký, có cập nhật thêm về sau",
    "CONTIGUOUS_BLOCK_FROM_START": "không bao trùm phần cuối tệp (vùng ký bất thường)",
    "UNCLEAR": "vùng ký (ByteRange) bất thường",
}


def unreadable(err: Exception) -> str:
    return f"Không đánh giá được chữ ký (cấu trúc hỏng): {type(err).__name__}: {err}"


def problems(r: SignatureReport, diff_result=None) -> list[str]:
    out: list[str] = []
    if not r.intact:
        out.append("Giá trị băm không khớp: nội dung trong vùng đã ký bị thay đổi")
    if not r.crypto_valid:
        out.append("Chữ ký không hợp lệ về mật mã hoặc dùng thuật toán không được chấp nhận")
    if r.coverage not in ("ENTIRE_FILE", "ENTIRE_REVISION"):
        out.append(f"Phạm vi ký: {COVERAGE.get(r.coverage, r.coverage)}")
    if not r.modifications_allowed and r.coverage == "ENTIRE_REVISION":
        what = MODIFICATIONS.get(r.modification_level or "OTHER", "thay đổi không xác định")
        suspicious = diff_result is not None and not hasattr(diff_result, "modification_level")
        detail = f" ({diff_result})" if suspicious else ""
        out.append(f"Tệp bị sửa đổi sau khi ký: {what}{detail}")
    if r.revoked:
        out.append("Chứng thư số của người ký đã bị thu hồi")
    elif not r.trusted:
        why = f" ({r.trust_problem})" if r.trust_problem else ""
        out.append(f"Chứng thư số không dẫn tới gốc tin cậy đã cấu hình{why}")
    if r.kind == "signature" and r.timestamp is not None and not (r.timestamp.intact and r.timestamp.trusted):
        out.append("Dấu thời gian không hợp lệ hoặc không tin cậy")
    return out


def _line(i: int, r: SignatureReport) -> str:
    kind = "Dấu thời gian tài liệu" if r.kind == "document_timestamp" else "Chữ ký"
    verdict = "HỢP LỆ" if r.valid else "KHÔNG HỢP LỆ"
    lines = [f"{kind} {i} ({r.field_name}): {verdict}", f"  Người ký: {r.signer_subject}"]
    if r.signing_time:
        lines.append(f"  Thời điểm ký (người ký khai): {vietnam_time(r.signing_time)}")
    lines.append(f"  Toàn vẹn: {'nguyên vẹn' if r.document_intact else 'KHÔNG nguyên vẹn'}; "
                 f"phạm vi: {COVERAGE.get(r.coverage, r.coverage)}")
    if r.modification_level:
        lines.append(f"  Sửa đổi sau khi ký: {MODIFICATIONS.get(r.modification_level, r.modification_level)}")
    lines.append(f"  Chuỗi tin cậy: {'tin cậy' if r.trusted else 'không tin cậy'}"
                 f"{'; ĐÃ BỊ THU HỒI' if r.revoked else ''}")
    if r.timestamp is not None and r.kind == "signature":
        ok = "hợp lệ" if r.timestamp.intact and r.timestamp.trusted else "không hợp lệ/không tin cậy"
        lines.append(f"  Dấu thời gian: {vietnam_time(r.timestamp.time)} ({ok})")
    evidence = "không có trong tệp" if r.revocation_evidence == "none" else r.revocation_evidence
    lines.append(f"  Dữ liệu thu hồi (OCSP/CRL): {evidence}")
    lines.extend(f"  - {p}" for p in r.problems)
    return "\n".join(lines)


def summary(path: str, reports: list[SignatureReport], all_valid: bool) -> str:
    head = (
        f"{path}: tất cả {len(reports)} chữ ký HỢP LỆ"
        if all_valid
        else f"{path}: {sum(not r.valid for r in reports)}/{len(reports)} chữ ký KHÔNG HỢP LỆ"
    )
    return "\n".join([head, *(_line(i, r) for i, r in enumerate(reports, 1))])
