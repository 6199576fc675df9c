"""The one-stop-shop papers of Circular 01/2018/TT-VPCP (forms 01–04 of its annex) for a dossier: giấy tiếp
nhận hồ sơ và hẹn trả kết quả, phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, phiếu từ chối giải quyết hồ sơ,
phiếu xin lỗi và hẹn lại ngày trả kết quả. One template (``paper.html``) is the page on screen (A4 print
CSS, ``static/papers.css``) and, rendered standalone with the stylesheet inlined, the PDF: Debian's
Chromium headless prints it (``--print-to-pdf``), so the PDF is what the browser prints."""

from __future__ import annotations

import subprocess
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import segno

from app.counter.lifecycle import Step
from app.counter.workdays import CounterHours
from app.web.casework import Casework
from app.web.dossier_time import VIETNAM
from app.web.dossiers import Dossier, DossierError
from app.web.unit_name import unit_name
from app.web.users import UserStore

CHROMIUM = Path("/usr/bin/chromium")
STYLESHEET = Path(__file__).with_name("static") / "papers.css"
# kind (the address) → (the form's title, the step it documents)
KINDS: dict[str, tuple[str, tuple[Step, ...]]] = {
    "tiep-nhan": ("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", (Step.TIEP_NHAN, Step.NHAN_BO_SUNG)),
    "bo-sung": ("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", (Step.YEU_CAU_BO_SUNG,)),
    "tu-choi": ("Phiếu từ chối tiếp nhận, giải quyết hồ sơ", (Step.TU_CHOI,)),
    "xin-loi": ("Phiếu xin lỗi và hẹn lại ngày trả kết quả", (Step.HEN_LAI,)),
}
PDF_SECONDS = 60


def long_date(day: date) -> str:
    """``ngày 05 tháng 02 năm 2027`` as administrative papers write it."""
    return f"ngày {day:%d} tháng {day:%m} năm {day:%Y}"


def in_vietnam(moment: datetime) -> datetime:
    """Vietnam time of a catalog time (SQLite gives it back naive, in UTC)."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(VIETNAM)


def clock(moment: datetime) -> str:
    local = in_vietnam(moment)
    return f"{local:%H} giờ {local:%M} phút"


def qr_svg(text: str) -> str:
    return segno.make(text, error="m").svg_inline(scale=3, border=2)


def paper_context(work: Casework, dossier: Dossier, kind: str, users: UserStore,
                  hours: CounterHours = CounterHours()) -> dict[str, Any]:
    """Everything ``paper.html`` shows for paper ``kind`` of the dossier, from its last step of that kind."""
    if kind not in KINDS:
        raise DossierError("Không có loại phiếu này.")
    title, steps = KINDS[kind]
    case = work.case(dossier.code)
    procedure = work.procedure(case)
    history = [item.row for item in work.history(dossier.code)]
    step = next((row for row in reversed(history) if row.step in steps), None)
    if step is None:
        raise DossierError("Hồ sơ chưa có phiếu này.")
    officer = users.by_name(step.actor.removeprefix("web:"))
    received = next((row for row in reversed(history) if row.step in (Step.TIEP_NHAN, Step.NHAN_BO_SUNG)), None)
    due = date.fromisoformat(step.detail["due_date"]) if step.detail.get("due_date") else case.due_date
    papers = [(p.name, case.papers.get(p.key).received if case.papers.get(p.key) else False, p.key)
              for p in (procedure.papers if procedure else [])]
    return {
        "kind": kind, "title": title, "code": dossier.code, "unit_code": dossier.unit_code, "case": case,
        "unit_name": unit_name(),
        "procedure": procedure, "papers": papers, "step": step,
        "missing": [name for name, _, key in papers if key in step.detail.get("papers", [])],
        "officer_name": (officer.full_name if officer and officer.full_name else step.actor_name),
        "issued": long_date(in_vietnam(step.at).date()), "issued_short": f"{in_vietnam(step.at):%H:%M %d/%m/%Y}",
        "received_clock": clock(received.at) if received else "",
        "received_day": long_date(in_vietnam(received.at).date()) if received else "",
        "due_day": long_date(due) if due else "", "due_clock": f"{hours.return_at:%H} giờ {hours.return_at:%M} phút",
        "old_due_day": (long_date(date.fromisoformat(step.detail["old_due_date"]))
                        if step.detail.get("old_due_date") else ""),
        "qr": qr_svg(dossier.code), "files": [f for f in dossier.files if not f.error],
        "unread": [f for f in dossier.files if f.error],  # handed in, not read: named, never left off silently
    }


def paper_html(context: dict[str, Any]) -> str:
    """The paper as one standalone HTML page (stylesheet inlined), for printing to PDF."""
    from app.web.rendering import templates

    return templates.get_template("paper.html").render(
        {**context, "standalone": True, "inline_css": STYLESHEET.read_text(encoding="utf-8"), "principal": None})


def paper_pdf(context: dict[str, Any]) -> bytes:
    """The paper as an A4 PDF, printed by Chromium headless from ``paper_html``."""
    if not CHROMIUM.exists():
        raise DossierError("Máy chủ chưa có Chromium để in phiếu ra PDF; hãy dùng nút In trên trình duyệt.")
    with tempfile.TemporaryDirectory(prefix="phieu-") as tmp:
        folder = Path(tmp)
        source, out = folder / "phieu.html", folder / "phieu.pdf"
        source.write_text(paper_html(context), encoding="utf-8")
        done = subprocess.run(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={folder / 'profile'}", "--no-pdf-header-footer", f"--print-to-pdf={out}",
             source.as_uri()], capture_output=True, timeout=PDF_SECONDS, check=False)
        if done.returncode != 0 or not out.is_file():
            raise DossierError("Không in được phiếu ra PDF: " + done.stderr.decode(errors="replace")[-300:])
        return out.read_bytes()
