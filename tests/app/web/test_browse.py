"""Search and the browsable lists on the web app (issue 15): part of a name without diacritics in another
order, the start of a dossier code, the lists of records and of dossiers with their filters and paging."""

from __future__ import annotations

from pipeline.store.names import fold_name


def test_search_by_part_of_a_name_and_the_start_of_a_dossier_code(clients, intake):
    client, csrf = clients["tiep_nhan"]
    words = fold_name(intake.full_name).lower().split()
    typed = f"{words[-1]} {words[0]}"  # given name, then family name, no diacritics
    page = client.post("/tra-cuu", data={"ho_ten": typed, "csrf_token": csrf})
    assert page.status_code == 200 and f'href="/ho-so/{intake.record_id}"' in page.text
    code_start = intake.code.rsplit("-", 1)[0].split("-", 1)[1]  # 260105 of 000.00.00.H49-260105-0001
    found = client.get("/api/records", params={"dossier_code": code_start}).json()
    assert intake.record_id in [r["id"] for r in found]


def test_the_lists_of_records_and_dossiers(clients, intake):
    client, _ = clients["kiem_tra"]
    listed = client.get("/danh-sach", params={"sap_xep": "name"})
    assert listed.status_code == 200 and intake.full_name in listed.text
    assert intake.full_name not in client.get("/danh-sach", params={"loai": "birth_certificate"}).text
    reply = client.get("/api/records/list", params={"sort": "name", "per_page": 1}).json()
    assert reply["total"] >= 1 and len(reply["records"]) == 1 and reply["per_page"] == 1
    assert client.get("/api/records/list", params={"sort": "nonsense"}).status_code == 422
    dossiers = client.get("/danh-sach/ho-so", params={"ma": intake.code[:20]})
    assert dossiers.status_code == 200 and intake.code in dossiers.text
    assert intake.code not in client.get("/danh-sach/ho-so", params={"ma": "999"}).text


def test_the_live_board_is_the_supervisors_and_sent_once_on_asking(clients, intake):
    import json

    supervisor, _ = clients["giam_sat"]
    reply = supervisor.get("/api/stats/live", params={"once": 1})
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/event-stream")
    event, data = reply.text.strip().split("\n")
    assert event == "event: board"
    board = json.loads(data.removeprefix("data: "))
    assert board["approved"] >= 1 and board["received"] >= 1 and board["pages_per_day"]
    assert {row["label"] for row in board["by_officer"]} >= {"Nguyễn Thị Lan"}  # the officer's full name
    for role in ("tiep_nhan", "kiem_tra"):
        assert clients[role][0].get("/api/stats/live", params={"once": 1}).status_code == 403
