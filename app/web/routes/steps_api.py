"""The five steps as a JSON API (``/api/cases/<code>/…``), the same steps the screens take
(``routes/steps.py``), guarded by the same roles: the counter (``tiep_nhan``) sets the applicant, the
procedure and the papers, takes the dossier in, takes in supplements, apologises for a delay and returns the
result; the appraiser (``tham_dinh``) passes it on, asks for a supplement or refuses; the leader
(``lanh_dao``) approves and signs (409 with what is to confirm, until ``confirm``), signs again after a
failed signing, sends back or refuses. A step the life cycle does not allow answers 409, a request the
dossier cannot honour 422, a dossier of another unit 404; the reply is the step as recorded and the case."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from app.counter.lifecycle import State, StepRefused, steps_from
from app.web.auth import LANH_DAO, THAM_DINH, TIEP_NHAN, Principal, RoleGuard
from app.web.casework import Casework
from app.web.dossiers import Dossier, DossierError
from app.web.routes.steps import CaseNotFound, desk, load
from pipeline.store.dossier import DossierCase, StepRow

router = APIRouter(tags=["hồ sơ thủ tục"])
counter = RoleGuard(TIEP_NHAN)
appraiser = RoleGuard(THAM_DINH)
leader = RoleGuard(LANH_DAO)
deciders = RoleGuard(THAM_DINH, LANH_DAO)  # a refusal: at appraisal or at approval
case_staff = RoleGuard(TIEP_NHAN, THAM_DINH, LANH_DAO)


class PersonalSignatureReply(BaseModel):
    """A step's personal signature verified now (``app/web/stepsign.py``): ``status`` valid, untrusted, invalid
    or none (the account had no credential: the server's HMAC only)."""

    step_id: int
    status: str
    subject: str = ""
    label: str  # what the history shows, in Vietnamese


class CaseReply(BaseModel):
    case: DossierCase
    history: list[StepRow]
    signatures: list[PersonalSignatureReply] = Field(default_factory=list)  # addition: one per step of history
    can: list[str]  # the steps the caller may take now
    signed: bool = False  # the result is signed (after ký số, or a digitized dossier)
    sign_problem: str | None = None  # why the signing at approval failed (then: POST …/resign)
    records: list[int] = Field(default_factory=list)  # the stored records, once approved


class Details(BaseModel):
    applicant_name: str = ""
    applicant_personal_id: str = ""
    applicant_contact: str = ""
    procedure_id: str = ""
    papers_received: list[str] = Field(default_factory=list)  # the procedure's paper keys handed in


class Reason(BaseModel):
    reason: str


class Supplement(Reason):
    papers: list[str] = Field(default_factory=list)  # the procedure's paper keys asked for


class Reschedule(Reason):
    due_date: date


class Appraisal(BaseModel):
    values: dict[str, str] = Field(default_factory=dict)  # corrections, by form name f<file>.d<doc>.<field>
    checked: list[str] = Field(default_factory=list)  # form names of the fields the appraiser checked
    checked_documents: list[str] = Field(default_factory=list)  # "f<file>.d<doc>.": compared as a whole
    papers_checked: list[str] = Field(default_factory=list)  # the procedure's paper keys checked
    note: str | None = None


class Approval(BaseModel):
    confirm: bool = False  # approve although required fields are empty, fields unchecked or files unreadable


def _reply(work: Casework, dossier: Dossier, principal: Principal) -> dict[str, Any]:
    case = work.case(dossier.code)
    history = work.history(dossier.code)
    return CaseReply(case=case, history=[item.row for item in history],
                     signatures=[PersonalSignatureReply(step_id=item.row.id, status=item.personal.status,
                                                        subject=item.personal.subject, label=item.personal.label)
                                 for item in history],
                     can=[s.value for s in steps_from(State(case.state), principal.user.role)],
                     signed=dossier.signed, sign_problem=dossier.sign_problem,
                     records=dossier.records).model_dump(mode="json")


async def _run(request: Request, code: str, principal: Principal,
               action: Callable[[Casework, Dossier], Any]) -> JSONResponse:
    """``action(work, dossier)`` under the dossier's lock; the case after it (or the action's own reply, a
    ``JSONResponse``), or why not."""
    work = desk(request)

    def run() -> JSONResponse:
        with work.store.lock(code):
            dossier = load(request, code, principal)
            done = action(work, dossier)
            if isinstance(done, JSONResponse):
                return done
            return JSONResponse(_reply(work, load(request, code, principal), principal))

    try:
        return await run_in_threadpool(run)
    except CaseNotFound as err:
        return JSONResponse({"detail": str(err)}, status_code=404)
    except StepRefused as err:
        return JSONResponse({"detail": str(err)}, status_code=409)
    except DossierError as err:
        return JSONResponse({"detail": str(err)}, status_code=422)


@router.get("/api/cases/{code}", response_model=CaseReply)
async def api_case(request: Request, code: str, principal: Principal = Depends(case_staff)) -> JSONResponse:
    """The dossier's case (applicant, procedure, papers, state, appointment), its steps, what the caller may do."""
    return await _run(request, code, principal, lambda work, dossier: None)


# -- the counter ---------------------------------------------------------------------------------------
@router.post("/api/cases/{code}/details", response_model=CaseReply)
async def api_details(request: Request, code: str, body: Details,
                      principal: Principal = Depends(counter)) -> JSONResponse:
    """The applicant, the procedure and the papers handed in, while the dossier is new."""
    return await _run(request, code, principal, lambda work, d: work.set_details(
        d, principal.user, body.applicant_name, body.applicant_personal_id, body.applicant_contact,
        body.procedure_id, body.papers_received))


def _own(dossier: Dossier, principal: Principal) -> Dossier:
    if dossier.created_by != principal.user.actor:
        raise DossierError("Chỉ cán bộ đã tiếp nhận hồ sơ mới chuyển được hồ sơ đi.")
    return dossier


@router.post("/api/cases/{code}/receive", response_model=CaseReply)
async def api_receive(request: Request, code: str, principal: Principal = Depends(counter)) -> JSONResponse:
    """Tiếp nhận: the appointment date is set from the procedure's time (the receipt: …/phieu/tiep-nhan)."""
    return await _run(request, code, principal, lambda work, d: work.receive(_own(d, principal), principal.user))


@router.post("/api/cases/{code}/cancel", response_model=CaseReply)
async def api_cancel(request: Request, code: str, body: Reason,
                     principal: Principal = Depends(counter)) -> JSONResponse:
    return await _run(request, code, principal, lambda work, d: work.cancel(d, principal.user, body.reason))


@router.post("/api/cases/{code}/supplement-received", response_model=CaseReply)
async def api_supplement_received(request: Request, code: str,
                                  principal: Principal = Depends(counter)) -> JSONResponse:
    return await _run(request, code, principal, lambda work, d: work.supplement_received(d, principal.user))


@router.post("/api/cases/{code}/reschedule", response_model=CaseReply)
async def api_reschedule(request: Request, code: str, body: Reschedule,
                         principal: Principal = Depends(counter)) -> JSONResponse:
    """Phiếu xin lỗi và hẹn lại ngày trả: a later working day, with the reason."""
    return await _run(request, code, principal,
                      lambda work, d: work.reschedule(d, principal.user, body.due_date, body.reason))


@router.post("/api/cases/{code}/return", response_model=CaseReply)
async def api_return(request: Request, code: str, principal: Principal = Depends(counter)) -> JSONResponse:
    return await _run(request, code, principal, lambda work, d: work.return_result(d, principal.user))


# -- the appraiser -------------------------------------------------------------------------------------
@router.post("/api/cases/{code}/appraise", response_model=CaseReply)
async def api_appraise(request: Request, code: str, body: Appraisal,
                       principal: Principal = Depends(appraiser)) -> JSONResponse:
    """Thẩm định: the corrections and what was checked saved, then passed on to the leader."""

    def action(work: Casework, dossier: Dossier) -> None:
        if work.case(dossier.code).state != State.DANG_THAM_DINH:
            raise StepRefused("Hồ sơ không ở bước thẩm định.")
        work.save_appraisal(dossier, principal.user, body.values, checked=body.checked,
                            documents=body.checked_documents, papers=body.papers_checked)
        work.appraise(dossier, principal.user, body.papers_checked, body.note)

    return await _run(request, code, principal, action)


@router.post("/api/cases/{code}/request-supplement", response_model=CaseReply)
async def api_request_supplement(request: Request, code: str, body: Supplement,
                                 principal: Principal = Depends(appraiser)) -> JSONResponse:
    return await _run(request, code, principal,
                      lambda work, d: work.request_supplement(d, principal.user, body.reason, body.papers))


@router.post("/api/cases/{code}/refuse", response_model=CaseReply)
async def api_refuse(request: Request, code: str, body: Reason,
                     principal: Principal = Depends(deciders)) -> JSONResponse:
    """Từ chối giải quyết, at appraisal or at approval (the refusal paper: …/phieu/tu-choi)."""
    return await _run(request, code, principal, lambda work, d: work.refuse(d, principal.user, body.reason))


# -- the leader ----------------------------------------------------------------------------------------
@router.post("/api/cases/{code}/approve", response_model=CaseReply)
async def api_approve(request: Request, code: str, body: Approval,
                      principal: Principal = Depends(leader)) -> JSONResponse:
    """Phê duyệt and ký số; 409 with ``confirm`` (what is to confirm) until ``confirm`` is true when required
    fields are empty, fields unchecked or files unreadable. A failed signing leaves the approval standing:
    ``sign_problem`` says why, ``…/resign`` signs again."""

    def action(work: Casework, dossier: Dossier) -> JSONResponse | None:
        check, done = work.approve(dossier, principal.user, body.confirm)
        if done is None:
            return JSONResponse({"detail": "Cần xác nhận trước khi phê duyệt.", "confirm": asdict(check)},
                                status_code=409)
        return None

    return await _run(request, code, principal, action)


@router.post("/api/cases/{code}/resign", response_model=CaseReply)
async def api_resign(request: Request, code: str, principal: Principal = Depends(leader)) -> JSONResponse:
    """Ký số again after a failed signing at approval."""
    return await _run(request, code, principal, lambda work, d: work.resign(d, principal.user))


@router.post("/api/cases/{code}/send-back", response_model=CaseReply)
async def api_send_back(request: Request, code: str, body: Reason,
                        principal: Principal = Depends(leader)) -> JSONResponse:
    """Trả lại thẩm định, with the reason."""
    return await _run(request, code, principal, lambda work, d: work.send_back(d, principal.user, body.reason))
