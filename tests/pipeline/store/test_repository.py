"""Repository operations against every pairing of object store (local folder, S3 over HTTP) and catalog
(SQLite, PostgreSQL): idempotent put, versions, signed copies, search, the per-person view, reuse, audit."""

from __future__ import annotations

import pytest

from pipeline.models import FieldValue
from pipeline.store.repository import StaleRecord

from .samples import archive_pdf, birth_certificate, citizen_id_card, marriage, result

ACTOR = "can_bo_01"


def test_storing_the_same_input_twice_makes_one_record(repo):
    res = result("khai_sinh.pdf", birth_certificate())
    first = repo.put(res, actor=ACTOR, scan=b"scan bytes", archive=archive_pdf(1))
    second = repo.put(res, actor=ACTOR, scan=b"scan bytes", archive=archive_pdf(1))
    assert [r.id for r in first] == [r.id for r in second]
    assert len(repo.search(actor=ACTOR, personal_id="022180000123", include_history=True)) == 1
    actions = [e.action for e in repo.audit_events(first[0].id)]
    assert actions == ["put", "put_existing", "search"]


def test_a_dossier_of_several_documents_makes_one_record_each(repo):
    res = result("ho_so.pdf", citizen_id_card("TRẦN VĂN BÌNH", "022090001234", "1990-01-01"),
                 birth_certificate(name="TRẦN VĂN BÌNH", pid="022090001234", dob="1990-01-01", page=2))
    records = repo.put(res, actor=ACTOR, dossier_code="000.00.12.H49-240205-0007")
    assert [(r.doc_index, r.schema_id) for r in records] == [(0, "citizen_id_card"), (1, "birth_certificate")]
    assert all(r.dossier_code == "000.00.12.H49-240205-0007" and r.version == 1 for r in records)
    assert [r.id for r in repo.search(actor=ACTOR, dossier_code="000.00.12.H49-240205-0007")] == \
        sorted((r.id for r in records), reverse=True)
    assert repo.load_document(records[1]).pages == [2]


def test_object_keys_hold_no_personal_data(repo):
    [record] = repo.put(result("NGUYEN_THI_THU_HUONG_022180000123.pdf", birth_certificate()), actor=ACTOR,
                        scan=b"scan", archive=archive_pdf(1))
    for key in (record.scan_key, record.archive_key, record.extraction_key):
        assert key.startswith("objects/sha256/")
        assert "022180000123" not in key and "NGUYEN" not in key.upper()


def test_a_correction_supersedes_and_keeps_history(repo):
    [v1] = repo.put(result("ks.pdf", birth_certificate(name="NGUYỄN THỊ THU HƯƠNG")), actor=ACTOR)
    corrected = repo.load_document(v1)
    corrected.fields["full_name"] = FieldValue(value="NGUYỄN THỊ THU HƯỜNG", confidence=1.0, status="ok")
    v2 = repo.supersede(v1.id, corrected, actor="kiem_tra_02", reason="sửa tên theo bản gốc", status="reviewed")
    assert (v2.version, v2.supersedes_id, v2.root_id, v2.status) == (2, v1.id, v1.id, "reviewed")
    assert v2.extraction_key != v1.extraction_key

    old = repo.get(v1.id, actor=ACTOR)
    assert not old.is_current and old.extraction_key == v1.extraction_key
    assert repo.load_document(old).fields["full_name"].value == "NGUYỄN THỊ THU HƯƠNG"
    assert repo.load_document(v2).fields["full_name"].value == "NGUYỄN THỊ THU HƯỜNG"
    assert [v.id for v in repo.history(v2.id, actor=ACTOR)] == [v1.id, v2.id]
    assert repo.current(v1.id, actor=ACTOR).id == v2.id

    assert [r.id for r in repo.search(actor=ACTOR, name="NGUYỄN THỊ THU HƯỜNG")] == [v2.id]
    assert repo.search(actor=ACTOR, name="NGUYỄN THỊ THU HƯƠNG") == []
    assert [r.id for r in repo.search(actor=ACTOR, name="NGUYỄN THỊ THU HƯƠNG", include_history=True)] == [v1.id]
    with pytest.raises(StaleRecord):
        repo.supersede(v1.id, corrected, actor=ACTOR, reason="a second correction of an old version")
    # storing the original input again returns the current version, not a new record
    [again] = repo.put(result("ks.pdf", birth_certificate(name="NGUYỄN THỊ THU HƯƠNG")), actor=ACTOR)
    assert again.id == v2.id


def test_signed_copy_attached_later_is_a_new_version(repo):
    [v1] = repo.put(result("ks.pdf", birth_certificate()), actor=ACTOR, archive=archive_pdf(1))
    assert v1.status == "extracted" and v1.signed_key is None
    v2 = repo.attach_signed(v1.id, b"%PDF signed copy", {"signer_subject": "CN=UBND"}, actor=ACTOR)
    assert v2.status == "signed" and v2.signed_key and v2.signature == {"signer_subject": "CN=UBND"}
    assert v2.archive_key == v1.archive_key and v2.extraction_key == v1.extraction_key
    assert [p.personal_id for p in v2.people if p.role == "subject"] == ["022180000123"]
    v3 = repo.set_status(v2.id, "stored", actor=ACTOR)
    assert (v3.version, v3.status, v3.signed_key) == (3, "stored", v2.signed_key)


def test_normal_operations_never_delete_an_object_version(repo):
    [v1] = repo.put(result("ks.pdf", birth_certificate()), actor=ACTOR, scan=b"scan", archive=archive_pdf(1))
    document = repo.load_document(v1)
    document.fields["place_of_birth"] = FieldValue(value="Vân Đồn", confidence=1.0, status="ok")
    v2 = repo.supersede(v1.id, document, actor=ACTOR, reason="bổ sung nơi sinh", archive=archive_pdf(2))
    v3 = repo.attach_signed(v2.id, b"%PDF signed", None, actor=ACTOR)
    repo.put(result("ks.pdf", birth_certificate()), actor=ACTOR, scan=b"scan", archive=archive_pdf(1))
    versions = repo.objects.all_versions()
    keys = [v.key for v in versions]
    assert len(keys) == len(set(keys))  # one version per key: nothing rewritten
    referenced = {k for r in (v1, v2, v3) for k in (r.scan_key, r.archive_key, r.extraction_key, r.signed_key) if k}
    assert referenced == set(keys)  # every object any version refers to is still there
    for record in (v1, v2, v3):
        assert repo.load_result(record).sha256 == v1.source_sha256


def test_search_by_every_key(repo):
    [ks] = repo.put(result("ks.pdf", birth_certificate()), actor=ACTOR)
    [card] = repo.put(result("cccd.jpg", citizen_id_card("NGUYỄN THỊ THU HƯƠNG", "022180000123", "1980-06-15")),
                      actor=ACTOR)
    [other] = repo.put(result("other.pdf", birth_certificate(name="NGUYỄN THỊ THU HƯỜNG", pid="022180000999",
                                                            number="7")), actor=ACTOR)
    both = {ks.id, card.id}
    assert {r.id for r in repo.search(actor=ACTOR, personal_id="022180000123")} == both
    assert {r.id for r in repo.search(actor=ACTOR, personal_id="0221 8000 0123")} == both
    # without diacritics: finds both spellings; with diacritics: only the one written so
    assert {r.id for r in repo.search(actor=ACTOR, name="nguyen thi thu huong")} == both | {other.id}
    assert {r.id for r in repo.search(actor=ACTOR, name="Nguyễn Thị Thu Hương")} == both
    assert {r.id for r in repo.search(actor=ACTOR, name="nguyễn thị thu hường")} == {other.id}
    assert {r.id for r in repo.search(actor=ACTOR, date_of_birth="1980-06-15")} == both | {other.id}
    assert [r.id for r in repo.search(actor=ACTOR, schema="citizen_id_card")] == [card.id]
    assert [r.id for r in repo.search(actor=ACTOR, number="7")] == [other.id]
    assert {r.id for r in repo.search(actor=ACTOR, number="125", book="01/1980")} == {ks.id}
    assert [r.id for r in repo.search(actor=ACTOR, name="nguyen thi thu huong", schema="citizen_id_card")] == \
        [card.id]
    assert repo.search(actor=ACTOR, personal_id="001099000000") == []
    # parents are not the subject of a birth certificate
    assert repo.search(actor=ACTOR, name="TRẦN THỊ LAN") == []


def test_search_finds_register_entries(repo):
    from .samples import register_page

    [page] = repo.put(result("so_ks.pdf", register_page("01/1985", "UBND xã Vân Đồn", 1, 40, 3)), actor=ACTOR)
    assert [r.id for r in repo.search(actor=ACTOR, number="41")] == [page.id]
    assert [r.id for r in repo.search(actor=ACTOR, name="le van so 42")] == [page.id]
    assert [r.id for r in repo.search(actor=ACTOR, book="01/1985", schema="birth_register")] == [page.id]


def test_person_view_as_person_spouse_and_parent(repo):
    mother_pid = "022155000321"
    [card] = repo.put(result("cccd_me.jpg", citizen_id_card("TRẦN THỊ LAN", mother_pid, "1955-03-03")), actor=ACTOR)
    [wedding] = repo.put(result("ket_hon.pdf", marriage("NGUYỄN VĂN HÙNG", "022050000111", "TRẦN THỊ LAN",
                                                        mother_pid, "1955-03-03")), actor=ACTOR)
    [child] = repo.put(result("ks_con.pdf", birth_certificate(mother="TRẦN THỊ LAN", mother_year="1955")),
                       actor=ACTOR)
    [namesake] = repo.put(result("ks_khac.pdf", birth_certificate(name="PHẠM VĂN C", pid="022199000555",
                                                                  mother="TRẦN THỊ LAN", mother_year="1970")),
                          actor=ACTOR)
    view = repo.person(mother_pid, actor="tra_cuu_03")
    links = {(link.record.id, link.role, link.match) for link in view.links}
    assert links == {(card.id, "subject", "personal_id"), (wedding.id, "wife", "personal_id"),
                     (child.id, "mother", "name")}
    assert namesake.id not in {link.record.id for link in view.links}  # another mother born in 1970
    assert view.names == ["TRẦN THỊ LAN"] and view.dates_of_birth == ["1955-03-03"]
    events = repo.audit_events()
    assert {(e.actor, e.record_id) for e in events if e.action == "person_view"} == \
        {("tra_cuu_03", card.id), ("tra_cuu_03", wedding.id), ("tra_cuu_03", child.id)}


def test_every_read_and_write_is_audited(repo):
    [record] = repo.put(result("ks.pdf", birth_certificate()), actor="a")
    repo.get(record.id, actor="b")
    repo.search(actor="c", personal_id="022180000123")
    repo.search(actor="d", personal_id="000000000000")
    events = repo.audit_events()
    assert [(e.actor, e.action, e.record_id) for e in events] == [
        ("a", "put", record.id), ("b", "get", record.id), ("c", "search", record.id), ("d", "search", None)]
    assert events[-1].detail == {"criteria": {"personal_id": "000000000000"}}
    assert all(e.at is not None for e in events)


def test_dossier_code_from_the_repository(repo):
    code = repo.next_dossier_code(actor=ACTOR)
    assert code.startswith("000.00.12.H49-") and code.endswith("-0001")
    assert repo.next_dossier_code(actor=ACTOR).endswith("-0002")


def test_the_same_input_stored_by_four_threads_at_once_is_one_record(repo):
    from concurrent.futures import ThreadPoolExecutor

    res = result("cung_luc.pdf", birth_certificate(), citizen_id_card("NGUYỄN THỊ THU HƯƠNG", "022180000123",
                                                                      "1980-06-15", page=2))
    with ThreadPoolExecutor(4) as pool:
        outcomes = list(pool.map(lambda i: repo.put(res, actor=f"t{i}", archive=archive_pdf(2)), range(4)))
    assert len({tuple(r.id for r in records) for records in outcomes}) == 1
    assert len(repo.search(actor=ACTOR, personal_id="022180000123", include_history=True)) == 2


def test_status_says_what_the_store_offers(repo):
    status = repo.status()
    assert status["objects"]["backend"] in ("local", "s3") and status["objects"]["notes"] is not None
    assert status["catalog"].split(":")[0] in ("sqlite", "postgresql+psycopg")


def test_read_copy_returns_checked_bytes_and_audits(repo):
    pdf = archive_pdf(1)
    [record] = repo.put(result("ks.pdf", birth_certificate()), actor=ACTOR, scan=b"scan", archive=pdf)
    assert repo.read_copy(record.id, "archive", actor="xem_04") == pdf
    assert repo.read_copy(record.id, "scan", actor="xem_04") == b"scan"
    with pytest.raises(LookupError):
        repo.read_copy(record.id, "signed", actor="xem_04")
    assert ("xem_04", "read_archive") in {(e.actor, e.action) for e in repo.audit_events(record.id)}
