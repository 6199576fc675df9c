"""The keystrokes of column keying on the dashboard (issue 15): per keyed cell, in total and per field kind,
from the columns the keying screen keeps (``cells.json`` as the reader suggested, ``keyed.json`` as keyed)."""

from __future__ import annotations

import json
import re

from app.web.keying_stats import keying_board


def _column(folder, name: str, kind: str, suggestions: list[str], keyed: dict[int, tuple[str, int, bool]]) -> None:
    target = folder / name
    target.mkdir(parents=True)
    cells = [{"id": i, "image": f"{i:04d}.png", "suggestion": s, "text": s, "probability": 0.9, "runner_up": None,
              "status": "ok"} for i, s in enumerate(suggestions)]
    (target / "cells.json").write_text(json.dumps({"kind": kind, "cells": cells}, ensure_ascii=False), "utf-8")
    (target / "keyed.json").write_text(json.dumps(
        {str(i): {"value": v, "illegible": ill, "keystrokes": k, "by": "user_kiem_tra"}
         for i, (v, k, ill) in keyed.items()}, ensure_ascii=False), "utf-8")


def test_keystrokes_per_cell_in_total_and_per_kind(tmp_path):
    _column(tmp_path, "a1", "name", ["Nguyễn Văn An", "Trần Thị Bình", "Lê Cúc"],
            {0: ("Nguyễn Văn An", 1, False), 1: ("Trần Thị Bính", 6, False), 2: ("", 1, True)})
    _column(tmp_path, "b2", "date", ["01/02/1990", "03/04/1991"], {0: ("01/02/1990", 1, False)})
    (tmp_path / "hong").mkdir()
    (tmp_path / "hong" / "cells.json").write_text("{không phải json", "utf-8")
    board = keying_board(tmp_path)
    total = board.total
    assert (total.columns, total.cells, total.keyed, total.keystrokes) == (2, 5, 4, 9)
    assert (total.changed, total.illegible) == (1, 1)
    assert total.per_cell == 9 / 4
    kinds = {k.kind: k for k in board.by_kind}
    assert kinds["name"].per_cell == 8 / 3 and kinds["date"].per_cell == 1.0
    assert keying_board(tmp_path / "khong-co").total.keyed == 0


def test_the_dashboard_shows_keystrokes_per_cell(web_app, clients):
    folder = web_app.state.ctx.settings.home / "web" / "keying"
    _column(folder, "c3", "name", ["Phạm Văn Đức"] * 4, {i: ("Phạm Văn Đức", 2 + i, False) for i in range(4)})
    client, _ = clients["giam_sat"]
    html = client.get("/thong-ke").text
    section = html[html.index('id="nhap-cot"'):]
    assert re.search(r'id="keystrokes-per-cell">3,5<', section), "14 keystrokes for 4 cells, written 3,5"
    assert "Họ, chữ đệm, tên" in section, "the column's kind in Vietnamese"
