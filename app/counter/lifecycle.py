"""The dossier's life cycle: its states, the steps that move it and who may take each, as one explicit
table (``TRANSITIONS``). Nothing else decides whether a step is allowed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    MOI_TIEP_NHAN = "moi_tiep_nhan"
    DANG_THAM_DINH = "dang_tham_dinh"
    CHO_BO_SUNG = "cho_bo_sung"
    CHO_PHE_DUYET = "cho_phe_duyet"
    DA_KY_SO = "da_ky_so"
    DA_TRA_KET_QUA = "da_tra_ket_qua"
    TU_CHOI = "tu_choi"
    DA_HUY = "da_huy"


STATE_LABELS = {
    State.MOI_TIEP_NHAN: "Mới tiếp nhận", State.DANG_THAM_DINH: "Đang thẩm định", State.CHO_BO_SUNG: "Chờ bổ sung",
    State.CHO_PHE_DUYET: "Chờ phê duyệt", State.DA_KY_SO: "Đã ký số", State.DA_TRA_KET_QUA: "Đã trả kết quả",
    State.TU_CHOI: "Từ chối", State.DA_HUY: "Đã hủy",
}
CLOSED = frozenset({State.DA_TRA_KET_QUA, State.TU_CHOI, State.DA_HUY})


class Step(StrEnum):
    TIEP_NHAN = "tiep_nhan"  # the counter receives: receipt and appointment date
    THAM_DINH = "tham_dinh"  # the appraiser has checked the papers and the fields
    PHE_DUYET = "phe_duyet"  # the leader approves
    KY_SO = "ky_so"  # the result is signed (the leader's approval runs the PAdES signing)
    TRA_KET_QUA = "tra_ket_qua"  # the counter hands the result over
    YEU_CAU_BO_SUNG = "yeu_cau_bo_sung"  # papers missing or to be completed (phiếu yêu cầu bổ sung)
    NHAN_BO_SUNG = "nhan_bo_sung"  # the counter received them: a new appointment date
    TRA_LAI = "tra_lai"  # the leader sends the dossier back to appraisal
    TU_CHOI = "tu_choi"  # refused (phiếu từ chối)
    HUY = "huy"  # a draft cancelled at the counter, with a reason
    HEN_LAI = "hen_lai"  # late: apology and a new date (phiếu xin lỗi và hẹn lại ngày trả)
    SO_HOA = "so_hoa"  # a dossier without a procedure, only digitized: stored and signed at the counter


STEP_LABELS = {
    Step.TIEP_NHAN: "Tiếp nhận", Step.THAM_DINH: "Thẩm định", Step.PHE_DUYET: "Phê duyệt", Step.KY_SO: "Ký số",
    Step.TRA_KET_QUA: "Trả kết quả", Step.YEU_CAU_BO_SUNG: "Yêu cầu bổ sung", Step.NHAN_BO_SUNG: "Nhận bổ sung",
    Step.TRA_LAI: "Trả lại thẩm định", Step.TU_CHOI: "Từ chối", Step.HUY: "Hủy hồ sơ",
    Step.HEN_LAI: "Xin lỗi, hẹn lại ngày trả", Step.SO_HOA: "Số hóa, ký số và lưu",
}
# The five steps of the electronic one-stop-shop process, in order (what the history's header shows).
FIVE_STEPS = (Step.TIEP_NHAN, Step.THAM_DINH, Step.PHE_DUYET, Step.KY_SO, Step.TRA_KET_QUA)

TIEP_NHAN_ROLE, THAM_DINH_ROLE, LANH_DAO_ROLE = "tiep_nhan", "tham_dinh", "lanh_dao"


@dataclass(frozen=True)
class Transition:
    step: Step
    source: State
    target: State
    role: str


T, D, L = TIEP_NHAN_ROLE, THAM_DINH_ROLE, LANH_DAO_ROLE
TRANSITIONS: tuple[Transition, ...] = (
    Transition(Step.TIEP_NHAN, State.MOI_TIEP_NHAN, State.DANG_THAM_DINH, T),
    Transition(Step.HUY, State.MOI_TIEP_NHAN, State.DA_HUY, T),
    Transition(Step.SO_HOA, State.MOI_TIEP_NHAN, State.DA_KY_SO, T),
    Transition(Step.YEU_CAU_BO_SUNG, State.DANG_THAM_DINH, State.CHO_BO_SUNG, D),
    Transition(Step.NHAN_BO_SUNG, State.CHO_BO_SUNG, State.DANG_THAM_DINH, T),
    Transition(Step.THAM_DINH, State.DANG_THAM_DINH, State.CHO_PHE_DUYET, D),
    Transition(Step.TU_CHOI, State.DANG_THAM_DINH, State.TU_CHOI, D),
    Transition(Step.TRA_LAI, State.CHO_PHE_DUYET, State.DANG_THAM_DINH, L),
    Transition(Step.TU_CHOI, State.CHO_PHE_DUYET, State.TU_CHOI, L),
    Transition(Step.PHE_DUYET, State.CHO_PHE_DUYET, State.CHO_PHE_DUYET, L),  # approved; signing follows
    Transition(Step.KY_SO, State.CHO_PHE_DUYET, State.DA_KY_SO, L),
    Transition(Step.TRA_KET_QUA, State.DA_KY_SO, State.DA_TRA_KET_QUA, T),
    Transition(Step.HEN_LAI, State.DANG_THAM_DINH, State.DANG_THAM_DINH, T),
    Transition(Step.HEN_LAI, State.CHO_PHE_DUYET, State.CHO_PHE_DUYET, T),
    Transition(Step.HEN_LAI, State.DA_KY_SO, State.DA_KY_SO, T),
)


class StepRefused(Exception):
    """A step the table does not allow from this state or for this role; the message is Vietnamese."""


def transition(step: Step, state: State, role: str) -> Transition:
    """The row of the table for ``step`` from ``state``, when ``role`` may take it."""
    for row in TRANSITIONS:
        if row.step == step and row.source == state:
            if row.role != role:
                raise StepRefused(f"Bước «{STEP_LABELS[step]}» không thuộc vai trò của bạn.")
            return row
    raise StepRefused(f"Hồ sơ đang ở trạng thái «{STATE_LABELS[state]}»: không thực hiện được bước "
                      f"«{STEP_LABELS[step]}».")


def steps_from(state: State, role: str) -> list[Step]:
    """The steps ``role`` may take from ``state`` (what the screen offers)."""
    return [row.step for row in TRANSITIONS if row.source == state and row.role == role]
