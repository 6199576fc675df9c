"""Vietnamese wording of verification results (Circular 15/2025/TT-BKHCN: results shown in Vietnamese)."""

from __future__ import annotations

from pipeline.signing.models import SignatureReport, Verdict, VisualCheck
from pipeline.signing.stamp import vietnam_time

MODIFICATIONS = {
    "NONE": "không có thay đổi sau khi ký",
    "LTA_UPDATES": "chỉ bổ sung dữ liệu kiểm tra/dấu thời gian (được phép)",
    "FORM_FILLING": "chỉ điền biểu mẫu hoặc thêm chữ ký (được phép)",
    "ANNOTATIONS": "thêm chú thích sau khi ký (không được phép)",
    "OTHER": "nội dung bị sửa sau khi ký: thêm/xóa trang hoặc sửa nội dung (không được phép)",
    "NOT_ANALYSABLE": "không phân tích được cấu trúc các bản cập nhật (tham chiếu lai/xref); "
    "đã đối chiếu nội dung hiển thị",
}
COVERAGE = {
    "ENTIRE_FILE": "bao trùm toàn bộ tệp",
    "ENTIRE_REVISION": "bao trùm toàn bộ phiên bản đã ký, có cập nhật thêm về sau",
    "CONTIGUOUS_BLOCK_FROM_START": "không bao trùm phần cuối tệp (vùng ký bất thường)",
    "UNCLEAR": "vùng ký (ByteRange) bất thường",
}
VERDICTS = {
    Verdict.VALID: "HỢP LỆ",
    Verdict.INVALID: "KHÔNG HỢP LỆ",
    Verdict.TEST_SIGNATURE: "chữ ký thử nghiệm (khóa phát triển của sohoa, không có giá trị pháp lý)",
    Verdict.CANNOT_VALIDATE: "KHÔNG THỂ KIỂM TRA",
}
TEST_SIGNATURE = (
    "Chữ ký thử nghiệm: ký bằng khóa phát triển của sohoa (NOT FOR PRODUCTION), "
    "không phải chứng thư số được cấp, không có giá trị pháp lý"
)


def unreadable(err: Exception) -> str:
    return f"Không đánh giá được chữ ký (cấu trúc hỏng): {type(err).__name__}: {err}"


def cannot_validate(err: Exception | str) -> str:
    reason = err if isinstance(err, str) else f"{type(err).__name__}: {err}"
    return f"Không thể kiểm tra chữ ký: {reason}"


def file_cannot_validate(path: str, reason: str) -> str:
    return f"{path}: {cannot_validate(reason)}"


def _pages(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def visual_changes(v: VisualCheck) -> list[str]:
    out: list[str] = []
    if v.pages_before != v.pages_after:
        out.append(f"số trang {v.pages_before} → {v.pages_after}")
    if v.text_changed:
        out.append(f"chữ trên trang {_pages(v.text_changed)}")
    if v.pixels_changed:
        out.append(f"hình ảnh trang {_pages(v.pixels_changed)}")
    if v.hidden_under_widget:
        pages = _pages(v.hidden_under_widget)
        out.append(f"nội dung trang bị che bởi chữ ký hoặc ô biểu mẫu cập nhật sau, trang {pages}")
    return out


def problems(
    r: SignatureReport, diff_result=None, *, chained: bool = False, visual_error: str | None = None
) -> list[str]:
    out: list[str] = []
    if not r.intact:
        out.append("Giá trị băm không khớp: nội dung trong vùng đã ký bị thay đổi")
    if not r.crypto_valid:
        out.append("Chữ ký không hợp lệ về mật mã hoặc dùng thuật toán không được chấp nhận")
    if r.coverage not in ("ENTIRE_FILE", "ENTIRE_REVISION"):
        out.append(f"Phạm vi ký: {COVERAGE.get(r.coverage, r.coverage)}")
    if r.visual_check is not None and r.visual_check.visible_change:
        out.append("Nội dung hiển thị bị thay đổi sau khi ký: " + "; ".join(visual_changes(r.visual_check)))
    elif not r.modifications_allowed and r.coverage == "ENTIRE_REVISION":
        what = MODIFICATIONS.get(r.modification_level or "OTHER", "thay đổi không xác định")
        suspicious = diff_result is not None and not hasattr(diff_result, "modification_level")
        detail = f" ({diff_result})" if suspicious else ""
        out.append(f"Tệp bị sửa đổi sau khi ký: {what}{detail}")
    if visual_error:
        out.append(cannot_validate(f"không so sánh được nội dung hiển thị ({visual_error})"))
    if r.revoked:
        out.append("Chứng thư số của người ký đã bị thu hồi")
    elif r.development_signer:
        out.append(TEST_SIGNATURE)
        if not chained:
            out.append("Khóa phát triển này không thuộc bản cài đặt sohoa này (không dẫn tới gốc thử nghiệm)")
    elif not r.trusted:
        why = f" ({r.trust_problem})" if r.trust_problem else ""
        out.append(f"Chứng thư số không dẫn tới gốc tin cậy đã cấu hình{why}")
    if r.kind == "signature" and r.timestamp is not None and not (r.timestamp.intact and r.timestamp.trusted):
        out.append("Dấu thời gian không hợp lệ hoặc không tin cậy")
    return out


def _chain(r: SignatureReport) -> str:
    if r.development_signer:
        return "chữ ký thử nghiệm (khóa phát triển, không có giá trị pháp lý)"
    return ("tin cậy" if r.trusted else "không tin cậy") + ("; ĐÃ BỊ THU HỒI" if r.revoked else "")


def _visual_line(v: VisualCheck) -> str:
    if v.visible_change:
        return "  Nội dung hiển thị: THAY ĐỔI sau khi ký (" + "; ".join(visual_changes(v)) + ")"
    if not v.pages_compared:
        return "  Nội dung hiển thị: không đổi (không trang nào bị cập nhật)"
    return f"  Nội dung hiển thị: không đổi (đã đối chiếu trang {_pages(v.pages_compared)})"


def _line(i: int, r: SignatureReport) -> str:
    kind = "Dấu thời gian tài liệu" if r.kind == "document_timestamp" else "Chữ ký"
    lines = [f"{kind} {i} ({r.field_name}): {VERDICTS[r.verdict]}", f"  Người ký: {r.signer_subject}"]
    if r.signing_time:
        lines.append(f"  Thời điểm ký (người ký khai): {vietnam_time(r.signing_time)}")
    lines.append(f"  Toàn vẹn: {'nguyên vẹn' if r.document_intact else 'KHÔNG nguyên vẹn'}; "
                 f"phạm vi: {COVERAGE.get(r.coverage, r.coverage)}")
    if r.modification_level:
        lines.append(f"  Sửa đổi sau khi ký: {MODIFICATIONS.get(r.modification_level, r.modification_level)}")
    if r.visual_check is not None:
        lines.append(_visual_line(r.visual_check))
    lines.append(f"  Chuỗi chứng thư: {_chain(r)}")
    if r.timestamp is not None and r.kind == "signature":
        ok = "hợp lệ" if r.timestamp.intact and r.timestamp.trusted else "không hợp lệ/không tin cậy"
        lines.append(f"  Dấu thời gian: {vietnam_time(r.timestamp.time)} ({ok})")
    evidence = "không có trong tệp" if r.revocation_evidence == "none" else r.revocation_evidence
    lines.append(f"  Dữ liệu thu hồi (OCSP/CRL): {evidence}")
    lines.extend(f"  - {p}" for p in r.problems)
    return "\n".join(lines)


def _head(path: str, reports: list[SignatureReport], verdict: Verdict) -> str:
    n = len(reports)
    count = sum(r.verdict is verdict for r in reports)
    return {
        Verdict.VALID: f"{path}: tất cả {n} chữ ký HỢP LỆ",
        Verdict.INVALID: f"{path}: {count}/{n} chữ ký KHÔNG HỢP LỆ",
        Verdict.CANNOT_VALIDATE: f"{path}: KHÔNG THỂ KIỂM TRA {count}/{n} chữ ký",
        Verdict.TEST_SIGNATURE: f"{path}: {count}/{n} là chữ ký thử nghiệm (khóa phát triển của sohoa), "
        "không có giá trị pháp lý",
    }[verdict]


def summary(path: str, reports: list[SignatureReport], verdict: Verdict) -> str:
    return "\n".join([_head(path, reports, verdict), *(_line(i, r) for i, r in enumerate(reports, 1))])
