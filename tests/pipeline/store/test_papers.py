"""One record per paper (issue 15): the same paper arriving again is recognised and reused, never made a new
version from the machine's reading; a record links to every dossier that presented it; a paper's copies are
its own, and the whole input is kept as the dossier's original."""

from __future__ import annotations

import pytest

from pipeline.models import FieldValue
from pipeline.store.repository import PaperCopy, RecordNotFound

from .samples import archive_pdf, birth_certificate, citizen_id_card, marriage, result

ACTOR = "can_bo_01"
FIRST, SECOND = "000.00.12.H49-260105-0001", "000.00.12.H49-260106-0004"
TYPED = "Thôn Khe Tù, xã Lục Hồn, huyện Bình Liêu, tỉnh Quảng Ninh"


def _card(address: str | None = "Thon Khe Tu xa Luc Hon"):
    card = citizen_id_card("NGUYỄN BẢO CHI", "020195521081", "1995-02-14")
    card.fields["address"] = FieldValue(value=address, confidence=0.34, status="review", page=1)
    return card.model_copy(update={"needs_review": True})


def _typed(document, address: str = TYPED):
    fields = {k: f.model_copy(update={"status": "ok"}) for k, f in document.fields.items()}
    fields["address"] = FieldValue(value=address, confidence=1.0, status="ok", page=1)
    return document.model_copy(update={"fields": fields, "needs_review": False})


@pytest.mark.parametrize("salt", ["", "another photo of the same card"])
def test_a_paper_approved_again_keeps_the_typed_correction_and_both_dossiers_find_it(repo, salt):
    machine = _card()
    [first] = repo.put(result("cccd.jpg", machine), actor=ACTOR, dossier_code=FIRST)
    reviewed = repo.review(first.id, machine, _typed(machine), actor=ACTOR, reason="kiểm tra tại quầy")
    assert reviewed.version == 2

    again = result("cccd.jpg", _card(), salt=salt)  # same file, or the same card photographed again
    [paper] = repo.put_papers(again, actor="can_bo_02", dossier_code=SECOND)
    assert paper.how == ("same_file" if not salt else "same_paper") and paper.record.id == reviewed.id
    accepted_as_read = again.documents[0].model_copy(update={"needs_review": False})
    kept = repo.review(paper.record.id, again.documents[0], accepted_as_read, actor="can_bo_02",
                       reason="kiểm tra tại quầy")
    assert kept.id == reviewed.id  # nothing typed over this reading: no new version
    assert repo.load_document(repo.current(first.id, actor=ACTOR)).fields["address"].value == TYPED
    for code in (FIRST, SECOND):
        assert [r.id for r in repo.search(actor=ACTOR, dossier_code=code)] == [reviewed.id]
    assert repo.dossiers_of(first.id) == [FIRST, SECOND]


def test_a_value_typed_in_the_second_dossier_is_a_new_version_with_who_and_why(repo):
    machine = _card()
    [first] = repo.put(result("cccd.jpg", machine), actor=ACTOR, dossier_code=FIRST)
    repo.review(first.id, machine, _typed(machine), actor=ACTOR, reason="kiểm tra tại quầy")
    again = result("cccd-2.jpg", _card(), salt="2")
    [paper] = repo.put_papers(again, actor="can_bo_02", dossier_code=SECOND)
    changed = again.documents[0].model_copy(deep=True)
    changed.fields["full_name"] = FieldValue(value="NGUYỄN BẢO CHÂU", confidence=1.0, status="ok")
    v3 = repo.review(paper.record.id, again.documents[0], changed, actor="can_bo_02", reason="sửa tên")
    document = repo.load_document(v3)
    assert v3.version == 3 and v3.created_by == "can_bo_02" and v3.change_reason == "sửa tên"
    assert document.fields["full_name"].value == "NGUYỄN BẢO CHÂU"
    assert document.fields["address"].value == TYPED  # the first officer's correction stays
    event = next(e for e in repo.audit_events(v3.id) if e.action == "new_version")
    assert event.detail["typed"] == [{"cell": "full_name", "machine": "NGUYỄN BẢO CHI", "typed": "NGUYỄN BẢO CHÂU"}]


def test_another_persons_card_is_not_taken_for_the_same_paper(repo):
    [first] = repo.put(result("a.jpg", _card()), actor=ACTOR, dossier_code=FIRST)
    other = citizen_id_card("NGUYỄN BẢO CHI", "020195521082", "1995-02-14")
    [paper] = repo.put_papers(result("b.jpg", other), actor=ACTOR, dossier_code=SECOND)
    assert paper.how == "stored" and paper.record.id != first.id


def test_each_paper_has_its_own_copies_and_the_input_is_the_dossiers_original(repo):
    wedding_paper = marriage("LÊ VĂN AN", "022078000111", "PHẠM THỊ BÌNH", "022080000222")
    upload = result("ho_so.pdf", birth_certificate(page=1), wedding_paper.model_copy(update={"pages": [2, 3]}))
    papers = {0: PaperCopy(archive=archive_pdf(1), signed=b"%PDF-signed birth"),
              1: PaperCopy(archive=archive_pdf(2), signed=b"%PDF-signed marriage")}
    birth, wedding = repo.put(upload, actor=ACTOR, scan=b"the whole upload", dossier_code=FIRST, papers=papers)
    assert birth.archive_key != wedding.archive_key and birth.signed_key != wedding.signed_key
    assert (birth.archive_pages, wedding.archive_pages) == ([1], [2, 3])
    assert (birth.status, wedding.status) == ("signed", "signed")
    assert wedding.copy_page(3) == 2
    with pytest.raises(LookupError):
        wedding.copy_page(1)
    assert repo.read_copy(birth.id, "signed", actor=ACTOR) == b"%PDF-signed birth"
    with pytest.raises(RecordNotFound):  # the whole input is not handed out with a paper
        repo.read_copy(birth.id, "scan", actor=ACTOR)
    [original] = repo.originals(FIRST, actor=ACTOR)
    assert (original.source_sha256, original.pages) == (upload.sha256, 3)
    assert repo.objects.get_bytes(original.object_key) == b"the whole upload"
    repo.put(upload, actor=ACTOR, scan=b"the whole upload", dossier_code=FIRST, papers=papers)
    assert len(repo.originals(FIRST, actor=ACTOR)) == 1


def test_recognise_tells_the_stored_papers_without_storing_or_linking(repo):
    [first] = repo.put(result("cccd.jpg", _card()), actor=ACTOR, dossier_code=FIRST)
    assert {i: p.how for i, p in repo.recognise(result("cccd.jpg", _card())).items()} == {0: "same_file"}
    [(index, paper)] = repo.recognise(result("cccd.jpg", _card(), salt="another photo")).items()
    assert (index, paper.how, paper.record.id) == (0, "same_paper", first.id)
    assert repo.recognise(result("x.jpg", citizen_id_card("LÊ VĂN BA", "001090009999", "1990-01-01"))) == {}
    assert repo.dossiers_of(first.id) == [FIRST], "nothing linked"
