"""What the dashboard shows of column keying (``routes/keying.py``): over every column under
``SOHOA_HOME/web/keying/``, the cells keyed, the keystrokes they took (per cell: the work a reader's
suggestion saves), the ones changed from the suggestion and the ones flagged illegible, per field kind."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field


class KeyingCount(BaseModel):
    kind: str = ""  # the field kind of the column ("" for the total)
    columns: int = 0
    cells: int = 0
    keyed: int = 0
    keystrokes: int = 0
    changed: int = 0  # keyed values other than the reader's suggestion
    illegible: int = 0

    @property
    def per_cell(self) -> float | None:
        """Keystrokes per keyed cell."""
        return self.keystrokes / self.keyed if self.keyed else None

    def add(self, cells: list[dict], keyed: dict[str, dict]) -> None:
        suggestions = {str(c["id"]): c.get("suggestion", "") for c in cells}
        self.columns += 1
        self.cells += len(cells)
        self.keyed += len(keyed)
        self.keystrokes += sum(int(k.get("keystrokes", 0)) for k in keyed.values())
        self.illegible += sum(1 for k in keyed.values() if k.get("illegible"))
        self.changed += sum(1 for cid, k in keyed.items()
                            if not k.get("illegible") and k.get("value", "") != suggestions.get(cid, ""))


class KeyingBoard(BaseModel):
    total: KeyingCount = Field(default_factory=KeyingCount)
    by_kind: list[KeyingCount] = Field(default_factory=list)


def keying_board(folder: Path) -> KeyingBoard:
    """The totals of the keying columns in ``folder`` (a column that cannot be read is left out)."""
    board = KeyingBoard()
    kinds: dict[str, KeyingCount] = {}
    for meta_path in sorted(folder.glob("*/cells.json")) if folder.is_dir() else []:
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            keyed = json.loads((meta_path.parent / "keyed.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        kind = str(meta.get("kind", ""))
        for count in (board.total, kinds.setdefault(kind, KeyingCount(kind=kind))):
            count.add(meta.get("cells", []), keyed)
    board.by_kind = sorted(kinds.values(), key=lambda c: c.kind)
    return board
