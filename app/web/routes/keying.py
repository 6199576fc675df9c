"""Column keying (role ``kiem_tra``): one column of register cells as a stack of images, each with the reader's
suggestion pre-filled, the uncertain ones first; keyboard only (app/web/static/keying.js). The officer's
keystrokes are counted per cell and kept with what was keyed.

A column is a folder under ``SOHOA_HOME/web/keying/<id>/``: the cell images, ``cells.json`` (what the reader
suggested, extractors/constrained/reader.py) and ``keyed.json`` (what the officer accepted or flagged).
"""

from __future__ import annotations

import json
import secrets
import threading
from dataclasses import asdict, dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, Response
from PIL import Image, UnidentifiedImageError
from pydantic import BaseModel, Field

from app.web.auth import Principal, verifier
from app.web.rendering import page

router = APIRouter()
KIND_LABELS = {"name": "Họ, chữ đệm, tên", "place": "Nơi sinh", "date": "Ngày sinh", "ethnicity": "Dân tộc",
               "nationality": "Quốc tịch", "sex": "Giới tính", "number": "Số", "text": "Văn bản"}
MAX_CELLS = 500
_lock = threading.Lock()


@dataclass
class Cell:
    id: int
    image: str
    suggestion: str
    text: str
    probability: float
    runner_up: str | None
    status: str  # ok | review, as the reader said


class Keyed(BaseModel):
    value: str = Field("", max_length=500)
    illegible: bool = False
    keystrokes: int = Field(0, ge=0, le=10000)


def columns_dir(request: Request) -> Path:
    return request.app.state.ctx.settings.home / "web" / "keying"


@cache
def cell_reader():
    from extractors.constrained.reader import CellReader

    return CellReader()


def create_column(folder: Path, kind: str, images: list[Image.Image], context=None) -> str:
    """Reads every cell with the constrained reader and stores the column; returns its id."""
    from extractors.constrained.kinds import KINDS, CellContext

    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    column_id = secrets.token_hex(6)
    target = folder / column_id
    target.mkdir(parents=True)
    cells = []
    reader = cell_reader()
    for i, image in enumerate(images):
        name = f"{i:04d}.png"
        image.convert("RGB").save(target / name)
        result = reader.read(image, kind, context or CellContext())
        cells.append(Cell(i, name, result.value or "", result.text, result.probability, result.runner_up,
                          result.status))
    meta = {"kind": kind, "cells": [asdict(c) for c in cells]}
    (target / "cells.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    (target / "keyed.json").write_text("{}", encoding="utf-8")
    return column_id


def _column(request: Request, column_id: str) -> Path:
    if not column_id.isalnum():
        raise HTTPException(404)
    path = columns_dir(request) / column_id
    if not (path / "cells.json").is_file():
        raise HTTPException(404)
    return path


def load(path: Path) -> tuple[dict, dict]:
    meta = json.loads((path / "cells.json").read_text(encoding="utf-8"))
    keyed = json.loads((path / "keyed.json").read_text(encoding="utf-8"))
    return meta, keyed


def in_keying_order(cells: list[dict]) -> list[dict]:
    """The uncertain first (least probable first), then the cells the reader marked ok."""
    return sorted(cells, key=lambda c: (c["status"] == "ok", c["probability"], c["id"]))


def summary(meta: dict, keyed: dict) -> dict[str, Any]:
    done = len(keyed)
    strokes = sum(k["keystrokes"] for k in keyed.values())
    return {"cells": len(meta["cells"]), "keyed": done, "keystrokes": strokes,
            "illegible": sum(1 for k in keyed.values() if k["illegible"]),
            "changed": sum(1 for c in meta["cells"] if str(c["id"]) in keyed and not keyed[str(c["id"])]["illegible"]
                           and keyed[str(c["id"])]["value"] != c["suggestion"])}


@router.get("/nhap-cot/{column_id}", include_in_schema=False)
def keying_page(request: Request, column_id: str, principal: Principal = Depends(verifier)) -> Response:
    meta, keyed = load(_column(request, column_id))
    return page(request, "keying.html", column_id=column_id, kind_label=KIND_LABELS.get(meta["kind"], meta["kind"]),
                cells=in_keying_order(meta["cells"]), keyed=keyed, totals=summary(meta, keyed))


@router.get("/nhap-cot/{column_id}/o/{cell_id}.png", include_in_schema=False)
def cell_image(request: Request, column_id: str, cell_id: int, principal: Principal = Depends(verifier)) -> Response:
    path = _column(request, column_id) / f"{cell_id:04d}.png"
    if not path.is_file():
        raise HTTPException(404)
    return FileResponse(path, media_type="image/png")


@router.post("/api/keying", tags=["nhập liệu"])
def api_create(request: Request, kind: str = Form(...), files: list[UploadFile] = File(...),
               principal: Principal = Depends(verifier)) -> dict[str, Any]:
    """A new column from cell images (one field kind): each read and suggested; returns its id and address."""
    if not files or len(files) > MAX_CELLS:
        raise HTTPException(422, f"từ 1 đến {MAX_CELLS} ô")
    images = []
    for upload in files:
        try:
            with Image.open(BytesIO(upload.file.read())) as image:
                image.load()
                images.append(image.convert("RGB"))
        except (UnidentifiedImageError, OSError):
            raise HTTPException(422, f"{upload.filename}: không phải ảnh") from None
    try:
        column_id = create_column(columns_dir(request), kind, images)
    except ValueError as err:
        raise HTTPException(422, str(err)) from None
    return {"id": column_id, "url": f"/nhap-cot/{column_id}"}


@router.get("/api/keying/{column_id}", tags=["nhập liệu"])
def api_column(request: Request, column_id: str, principal: Principal = Depends(verifier)) -> dict[str, Any]:
    """The column's cells (suggestions), what was keyed, and the keystroke totals."""
    meta, keyed = load(_column(request, column_id))
    return {"kind": meta["kind"], "cells": meta["cells"], "keyed": keyed, "totals": summary(meta, keyed)}


@router.post("/api/keying/{column_id}/cells/{cell_id}", tags=["nhập liệu"])
def api_key_cell(request: Request, column_id: str, cell_id: int, body: Keyed,
                 principal: Principal = Depends(verifier)) -> dict[str, Any]:
    """One cell accepted (its value as keyed) or flagged illegible, with the keystrokes it took."""
    path = _column(request, column_id)
    with _lock:
        meta, keyed = load(path)
        if not any(c["id"] == cell_id for c in meta["cells"]):
            raise HTTPException(404)
        keyed[str(cell_id)] = {**body.model_dump(), "by": principal.user.username}
        (path / "keyed.json").write_text(json.dumps(keyed, ensure_ascii=False), encoding="utf-8")
    return summary(meta, keyed)
