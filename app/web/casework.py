"""The dossier's five steps at work: what each screen asks of the life cycle (``app/counter/lifecycle.py``),
recorded in the catalog (``pipeline/store/dossier.py``) with the server's acknowledgement
(``app/counter/acknowledgement.py``) and, when the acting account has its own signing credential
(``app/web/credentials.py``), the officer's detached CMS signature over the step's record (``app/web/stepsign.py``).
The field data stays in the counter's folders (``DossierStore``); approval calls its ``approve`` (archive copy,
store, PAdES signature) with the approving account's credential, or the installation's signer without one."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from app.counter.acknowledgement import Acknowledger, digest
from app.counter.lifecycle import STEP_LABELS, State, Step, StepRefused, transition
from app.counter.procedures import Procedure, catalogue
from app.counter.workdays import is_working_day, return_date
from app.web.credentials import CredentialStore
from app.web.dossiers import Dossier, DossierError, DossierStore
from app.web.labels import document_labels, field_label, schema_name
from app.web.stepsign import CLAIM, PersonalSignature, check_row, claim, sign_row
from app.web.users import User
from extractors.rules import check_required
from pipeline.signing.credential import load_credential
from pipeline.signing.detached import person_name
from pipeline.signing.signers import LoadedSigner, SignerUnusable
from pipeline.store.dossier import (
    DossierCase,
    PaperState,
    StaleState,
    StepRow,
    get_case,
    list_cases,
    list_steps,
    record_step,
    update_case,
)
from schemas import all_schemas

PERSONAL_ID_LENGTH = 12


def _nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", (text or "").strip())


@dataclass
class HistoryItem:
    row: StepRow
    label: str
    valid: bool  # the acknowledgement verifies against the row as stored
    personal: PersonalSignature = field(default_factory=lambda: PersonalSignature("none"))  # the officer's own


@dataclass
class ApprovalCheck:
    """What the leader is asked to confirm before approving: required fields empty, fields not checked,
    files that could not be read (left out of the result)."""

    empty_required: list[str] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.empty_required or self.unchecked or self.unreadable)


class Casework:
    def __init__(self, store: DossierStore, secret: bytes):
        self.store = store
        self.engine = store.repo.engine
        self.acknowledger = Acknowledger(secret)
        self.credentials = CredentialStore(self.engine)

    # -- reading -------------------------------------------------------------------------------------
    def case(self, code: str) -> DossierCase:
        found = get_case(self.engine, code)
        if found is None:
            raise DossierError("không có hồ sơ này")
        return found

    def cases(self, unit_code: str, states: list[State] | None = None) -> list[DossierCase]:
        return list_cases(self.engine, unit_code, [s.value for s in states] if states is not None else None)

    @staticmethod
    def procedure(case: DossierCase) -> Procedure | None:
        return catalogue().get(case.procedure_id)

    def history(self, code: str) -> list[HistoryItem]:
        return [HistoryItem(row=row, label=STEP_LABELS.get(Step(row.step), row.step),
                            valid=self.acknowledger.verify(row.record(), row.digest, row.acknowledgement),
                            personal=check_row(row))
                for row in list_steps(self.engine, code)]

    def open_signer(self, user: User) -> LoadedSigner | None:
        """The account's own credential opened (the caller closes it), None when it has none; a credential
        that cannot be opened (token absent, PIN unset) refuses the step, in Vietnamese."""
        credential = self.credentials.get(user.username)
        if credential is None:
            return None
        try:
            return load_credential(credential)
        except SignerUnusable as err:
            raise StepRefused(f"Không mở được chứng thư số của tài khoản {user.username}: {err.reason}") from err

    @staticmethod
    def files_sha256(dossier: Dossier) -> dict[str, str]:
        """SHA-256 of each paper file handed in (by file number): what the officer's signature covers too."""
        return {str(entry.index): entry.sha256 for entry in dossier.files if not entry.error and entry.sha256}

    def content_sha256(self, dossier: Dossier) -> str:
        """SHA-256 over the dossier's data as it stands: each readable file's corrected extraction and the
        records reused in it (what a step's acknowledgement covers)."""
        hasher = hashlib.sha256()
        for entry in dossier.files:
            if entry.error:
                continue
            path = self.store.file_folder(dossier.code, entry.index) / "result.json"
            hasher.update(f"f{entry.index}:".encode())
            hasher.update(path.read_bytes() if path.is_file() else b"")
        hasher.update(",".join(str(item.record_id) for item in dossier.reused).encode())
        return hasher.hexdigest()

    # -- steps ---------------------------------------------------------------------------------------
    def take(self, dossier: Dossier, step: Step, user: User, note: str | None = None,
             detail: dict[str, Any] | None = None, values: dict[str, Any] | None = None,
             signer: LoadedSigner | None = None) -> StepRow:
        """Takes ``step`` on the dossier for ``user`` (the table decides), acknowledged and audited, and
        signed with the account's own credential when it has one (``signer``: already opened by the caller)."""
        case = self.case(dossier.code)
        row = transition(step, State(case.state), user.role)
        loaded = signer or self.open_signer(user)
        try:
            return self._take(dossier, row, step, user, note, detail, values, loaded)
        finally:
            if signer is None and loaded is not None:
                loaded.close()

    def _take(self, dossier: Dossier, row, step: Step, user: User, note: str | None,
              detail: dict[str, Any] | None, values: dict[str, Any] | None, loaded: LoadedSigner | None) -> StepRow:
        at = datetime.now(UTC)
        detail = {**(detail or {}), "content_sha256": self.content_sha256(dossier),
                  "files_sha256": self.files_sha256(dossier), CLAIM: claim(loaded)}
        actor_name = user.full_name or user.username
        record = StepRow(id=0, dossier_code=dossier.code, step=step.value, from_state=row.source.value,
                         to_state=row.target.value, actor=user.actor, actor_name=actor_name, at=at,
                         note=_nfc(note) or None, detail=detail, digest="", acknowledgement="")
        record_digest = digest(record.record())
        record = record.model_copy(update={"digest": record_digest,
                                           "acknowledgement": self.acknowledger.acknowledge(record_digest)})
        if loaded is not None:
            try:
                record = sign_row(record, loaded)
            except SignerUnusable as err:
                raise StepRefused(f"Không ký được bản ghi bước bằng chứng thư số của bạn: {err.reason}") from err
        try:
            return record_step(self.engine, record, values)
        except StaleState as err:
            raise StepRefused("Hồ sơ vừa được cán bộ khác chuyển bước; hãy tải lại trang.") from err

    def set_details(self, dossier: Dossier, user: User, name: str, personal_id: str, contact: str,
                    procedure_id: str, received: list[str]) -> None:
        """The applicant, the procedure and the papers handed in, while the dossier is new."""
        case = self.case(dossier.code)
        if case.state != State.MOI_TIEP_NHAN:
            raise StepRefused("Hồ sơ đã tiếp nhận: không sửa được thông tin người nộp.")
        personal_id = _nfc(personal_id)
        if personal_id and not (personal_id.isdigit() and len(personal_id) == PERSONAL_ID_LENGTH):
            raise DossierError("Số định danh cá nhân gồm 12 chữ số.")
        procedure = catalogue().get(procedure_id) if procedure_id else None
        if procedure_id and procedure is None:
            raise DossierError("Thủ tục không có trong danh mục.")
        papers = {p.key: PaperState(received=p.key in received) for p in procedure.papers} if procedure else {}
        update_case(self.engine, dossier.code, State.MOI_TIEP_NHAN.value,
                    {"applicant_name": _nfc(name) or None, "applicant_personal_id": personal_id or None,
                     "applicant_contact": _nfc(contact) or None, "procedure_id": procedure_id or None,
                     "papers": papers}, user.actor)

    def receive(self, dossier: Dossier, user: User, now: datetime | None = None) -> StepRow:
        """Tiếp nhận: the dossier is complete; the appointment date is set from the procedure's time."""
        case = self.case(dossier.code)
        procedure = self.procedure(case)
        missing = []
        if not case.applicant_name:
            missing.append("họ tên người nộp")
        if procedure is None:
            missing.append("thủ tục")
        else:
            missing += [p.name for p in procedure.papers
                        if p.required and not case.papers.get(p.key, PaperState()).received]
        if not any(not f.error for f in dossier.files) and not dossier.reused:
            missing.append("ít nhất một tệp đọc được")
        if missing:
            raise DossierError("Chưa tiếp nhận được, còn thiếu: " + "; ".join(missing) + ".")
        assert procedure is not None
        received = now or datetime.now(UTC)
        due = return_date(received, procedure.working_days)
        return self.take(dossier, Step.TIEP_NHAN, user, detail={"due_date": due.isoformat()},
                         values={"received_at": received, "due_date": due})

    def supplement_received(self, dossier: Dossier, user: User, now: datetime | None = None) -> StepRow:
        """The papers asked for came in: the time is counted again from now (a new appointment)."""
        procedure = self.procedure(self.case(dossier.code))
        received = now or datetime.now(UTC)
        due = return_date(received, procedure.working_days if procedure else 0)
        return self.take(dossier, Step.NHAN_BO_SUNG, user, detail={"due_date": due.isoformat()},
                         values={"due_date": due})

    def request_supplement(self, dossier: Dossier, user: User, reason: str, papers: list[str]) -> StepRow:
        if len(_nfc(reason)) < 5:
            raise DossierError("Hãy ghi nội dung cần bổ sung, hoàn thiện.")
        return self.take(dossier, Step.YEU_CAU_BO_SUNG, user, note=reason, detail={"papers": papers})

    def appraise(self, dossier: Dossier, user: User, checked: list[str], note: str | None = None) -> StepRow:
        """Thẩm định: every paper received has been checked (the ones ticked now are recorded as such)."""
        case = self.case(dossier.code)
        papers = {k: PaperState(received=v.received, checked=v.checked or k in checked) for k, v in case.papers.items()}
        procedure = self.procedure(case)
        left = [p.name for p in (procedure.papers if procedure else []) if papers.get(p.key, PaperState()).received
                and not papers[p.key].checked]
        if left:
            raise DossierError("Còn giấy tờ chưa kiểm tra: " + "; ".join(left) + ".")
        return self.take(dossier, Step.THAM_DINH, user, note=note,
                         detail={"papers_checked": sorted(k for k, v in papers.items() if v.checked)},
                         values={"papers": papers})

    def save_appraisal(self, dossier: Dossier, user: User, values: dict[str, str], *, checked: list[str],
                       documents: list[str], papers: list[str]) -> None:
        """The appraiser's corrections (form names ``f<file>.d<doc>.<field>``, as the counter's), the fields
        looked at, the documents compared with the paper as a whole (``f<file>.d<doc>.``) and the papers
        ticked as checked."""
        if self.case(dossier.code).state != State.DANG_THAM_DINH:
            raise DossierError("Hồ sơ không ở bước thẩm định: không sửa được.")
        self.store.note_checked(dossier, checked)
        errors = self.store.edit(dossier, values)
        if errors:
            raise DossierError("Có giá trị chưa đúng dạng: " + "; ".join(errors.values()))
        for target in documents:
            self.store.mark_checked(dossier, target)
        self.set_checked(dossier, user, papers)

    def set_checked(self, dossier: Dossier, user: User, checked: list[str]) -> None:
        """The papers the appraiser ticked as checked (kept when the form is saved)."""
        case = self.case(dossier.code)
        papers = {k: PaperState(received=v.received, checked=v.received and k in checked)
                  for k, v in case.papers.items()}
        update_case(self.engine, dossier.code, State.DANG_THAM_DINH.value, {"papers": papers}, user.actor)

    def refuse(self, dossier: Dossier, user: User, reason: str) -> StepRow:
        if len(_nfc(reason)) < 5:
            raise DossierError("Hãy ghi rõ lý do từ chối.")
        return self.take(dossier, Step.TU_CHOI, user, note=reason)

    def send_back(self, dossier: Dossier, user: User, reason: str) -> StepRow:
        if len(_nfc(reason)) < 5:
            raise DossierError("Hãy ghi rõ lý do trả lại.")
        return self.take(dossier, Step.TRA_LAI, user, note=reason)

    def cancel(self, dossier: Dossier, user: User, reason: str) -> StepRow:
        if len(_nfc(reason)) < 5:
            raise DossierError("Hãy ghi rõ lý do hủy hồ sơ.")
        if dossier.created_by != user.actor:
            raise DossierError("Chỉ cán bộ đã tiếp nhận hồ sơ mới hủy được.")
        return self.take(dossier, Step.HUY, user, note=reason)

    def reschedule(self, dossier: Dossier, user: User, new_date: date, reason: str) -> StepRow:
        """Phiếu xin lỗi và hẹn lại ngày trả: a later working day, with the reason."""
        case = self.case(dossier.code)
        if len(_nfc(reason)) < 5:
            raise DossierError("Hãy ghi rõ lý do chậm trả kết quả.")
        if case.due_date and new_date <= case.due_date:
            raise DossierError("Ngày hẹn mới phải sau ngày hẹn cũ.")
        if not is_working_day(new_date):
            raise DossierError("Ngày hẹn mới phải là ngày làm việc.")
        return self.take(dossier, Step.HEN_LAI, user, note=reason,
                         detail={"old_due_date": case.due_date.isoformat() if case.due_date else None,
                                 "due_date": new_date.isoformat()}, values={"due_date": new_date})

    def return_result(self, dossier: Dossier, user: User) -> StepRow:
        return self.take(dossier, Step.TRA_KET_QUA, user)

    # -- approval ------------------------------------------------------------------------------------
    def approval_check(self, dossier: Dossier) -> ApprovalCheck:
        """Required fields empty, fields to review (orange) that no person checked (``DossierFile.checked``: their
        input had the focus, at the counter or at appraisal), files left out as unreadable."""
        check = ApprovalCheck()
        schemas = all_schemas()
        for entry in dossier.files:
            if entry.error:
                check.unreadable.append(f"Tệp {entry.index} ({entry.name}): {entry.error}")
                continue
            seen = set(entry.checked)
            result = self.store.result(dossier.code, entry.index)
            for n, document in enumerate(result.documents, start=1):
                where = f"Tệp {entry.index}, giấy tờ {n} ({schema_name(document.schema_id)})"
                # the labels of the paper's own edition, as the screens show them (a 2024 card's)
                own = document_labels(document.schema_id, [p.text for p in result.pages if p.number in document.pages])

                def label(key: str, own: dict[str, str] = own, schema_id: str = document.schema_id) -> str:
                    return own.get(key) or field_label(schema_id, key)

                schema = schemas.get(document.schema_id)
                if schema is not None:
                    values = {k: (f.value if isinstance(f.value, str) or f.value is None else str(f.value))
                              for k, f in document.fields.items()}
                    check.empty_required += [f"{where}: {label(issue.field)}"
                                             for issue in check_required(schema, values) if issue.field]
                unchecked = [label(k) for k, f in document.fields.items()
                             if f.status == "review" and f"d{n - 1}.{k}" not in seen]
                if unchecked:
                    check.unchecked.append(f"{where}: " + ", ".join(unchecked))
        return check

    def approve(self, dossier: Dossier, user: User, confirmed: bool) -> tuple[ApprovalCheck, Dossier | None]:
        """Phê duyệt then ký số: asks first (returns the check, nothing done) when it is not clean and not
        ``confirmed``; otherwise records the approval, runs the counter's approval (archive copy, store, the
        PAdES signature by the leader's own credential, or the installation's signer when the leader has
        none) and records the signing when it signed."""
        if dossier.status == "approved" and not dossier.signed:  # approved before, its signing failed
            return ApprovalCheck(), self.resign(dossier, user)
        check = self.approval_check(dossier)
        if not check.clean and not confirmed:
            return check, None
        transition(Step.KY_SO, State(self.case(dossier.code).state), user.role)  # refused before anything
        asked = len(check.empty_required) + len(check.unchecked) + len(check.unreadable)
        loaded = self.open_signer(user)
        try:
            self.take(dossier, Step.PHE_DUYET, user,
                      note=f"Đã xác nhận {asked} điểm còn lại khi phê duyệt." if asked else None,
                      detail={"confirmed": {"empty_required": check.empty_required, "unchecked": check.unchecked,
                                            "unreadable": check.unreadable}}, signer=loaded)
            done = self.store.approve(dossier, user.actor, signer=loaded)
            self._signed(done, user, loaded)
        finally:
            if loaded is not None:
                loaded.close()
        return check, done

    def resign(self, dossier: Dossier, user: User) -> Dossier:
        """Ký số again after a failed signing at approval (the approval and the stored data stand): the
        leader of a dossier waiting for its signature, or the counter officer of a digitized one."""
        case = self.case(dossier.code)
        if case.procedure_id:
            transition(Step.KY_SO, State(case.state), user.role)  # the leader, the dossier still to sign
        elif dossier.created_by != user.actor:
            raise DossierError("Chỉ cán bộ đã tiếp nhận hồ sơ mới ký số lại được.")
        loaded = self.open_signer(user)
        try:
            done = self.store.resign(dossier, user.actor, signer=loaded)
            if case.procedure_id:
                self._signed(done, user, loaded)
        finally:
            if loaded is not None:
                loaded.close()
        return done

    def _signed(self, done: Dossier, user: User, loaded: LoadedSigner | None) -> None:
        """Records the step ký số once every paper of the approved dossier is signed, saying whose
        certificate signed the result."""
        if done.signed:
            note = f"Ký số {len(done.records)} bản ghi (SAO Y) {result_signer_note(loaded)}." + (
                " Chữ ký thử nghiệm (không có giá trị pháp lý)." if done.test_signature else "")
            self.take(done, Step.KY_SO, user, note=note, signer=loaded,
                      detail={"records": done.records, "test_signature": done.test_signature,
                              **result_signer(loaded)})

    def digitize(self, dossier: Dossier, user: User, confirmed: bool) -> tuple[ApprovalCheck, Dossier | None]:
        """A dossier without a procedure, only digitized: stored and signed at the counter (one step). Asks
        first, as the leader's approval does (returns the check, nothing done), when a required field is
        empty, a field to review was not checked or a file could not be read, unless ``confirmed``. The
        counter officer's own credential signs the copies when the account has one."""
        case = self.case(dossier.code)
        if case.procedure_id:
            raise DossierError("Hồ sơ thủ tục hành chính do lãnh đạo phê duyệt sau khi thẩm định.")
        transition(Step.SO_HOA, State(case.state), user.role)
        check = self.approval_check(dossier)
        if not check.clean and not confirmed:
            return check, None
        loaded = self.open_signer(user)
        try:
            done = self.store.approve(dossier, user.actor, signer=loaded)
            self.take(done, Step.SO_HOA, user, signer=loaded,
                      note=f"Ký số {result_signer_note(loaded)}." if done.signed else None,
                      detail={"records": done.records, "signed": done.signed, "confirmed": asdict(check),
                              **result_signer(loaded)})
        finally:
            if loaded is not None:
                loaded.close()
        return check, done


def result_signer(loaded: LoadedSigner | None) -> dict[str, Any]:
    """Whose certificate signed the result (PAdES), for the step's record."""
    if loaded is None:
        return {"result_signer": "installation"}
    return {"result_signer": "account", "result_signer_subject": loaded.cert.subject.human_friendly}


def result_signer_note(loaded: LoadedSigner | None) -> str:
    if loaded is None:
        return ("bằng chữ ký số của cơ quan (SOHOA_SIGNER): tài khoản chưa có chứng thư số riêng")
    return f"bằng chứng thư số của {person_name(loaded.cert)}"


def casework_of(request_app: Any) -> Casework:
    """The app's ``Casework``, made on first use from its context (one per app)."""
    found = getattr(request_app.state, "casework", None)
    if found is None:
        from app.web.security import load_secret

        ctx = request_app.state.ctx
        found = Casework(ctx.dossiers, load_secret(ctx.settings.home))
        request_app.state.casework = found
    return found
