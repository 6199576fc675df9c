"""Which files a batch takes, the names their outputs get, and when an input counts as done."""

from __future__ import annotations

import os
from pathlib import Path

from flows.discover import discover
from flows.layout import Layout, atomic_write_json


def touch(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_folders_recursively_scans_only_outputs_and_hidden_left_out(tmp_path: Path) -> None:
    root = tmp_path / "in"
    touch(root / "a.pdf")
    touch(root / "sub" / "b.TIF")
    touch(root / "a.truth.json")
    touch(root / ".hidden" / "c.png")
    touch(root / "out" / "a.pdf")  # the batch's own output folder inside the input folder
    explicit = touch(tmp_path / "notes.txt")
    found = discover([root, explicit], root / "out")
    assert [(Path(f.path).name, f.name) for f in found.inputs] == [("a.pdf", "a"), ("b.TIF", "sub/b"),
                                                                   ("notes.txt", "notes")]
    assert [Path(p).name for p in found.ignored] == ["a.truth.json"]


def test_clashing_names_get_a_suffix(tmp_path: Path) -> None:
    one, two = touch(tmp_path / "x" / "scan.pdf"), touch(tmp_path / "y" / "scan.png")
    names = [f.name for f in discover([one, two, one], tmp_path / "out").inputs]
    assert names == ["scan", "scan-2"]


def test_done_needs_the_marker_its_outputs_and_the_stages_asked_for(tmp_path: Path) -> None:
    layout = Layout(tmp_path / "out")
    sha = "ab" * 32
    assert layout.done(sha, sign=True, store=True) is None
    atomic_write_json(layout.marker(sha), {"outputs": ["a.pdf", "a.json"], "signed": False, "stored": True})
    assert layout.done(sha, sign=False, store=True) is None  # outputs missing
    touch(layout.pdf("a"))
    touch(layout.json("a"))
    assert layout.done(sha, sign=False, store=True) is not None
    assert layout.done(sha, sign=True, store=True) is None  # done unsigned; a signing run redoes it


def test_symbolic_links_in_a_folder_are_not_followed(tmp_path: Path) -> None:
    """A link to a file outside (``/etc/passwd``) or to a folder is reported, never read; a FIFO is left out
    (reading it would block the batch)."""
    root = tmp_path / "in"
    touch(root / "a.png")
    outside = touch(tmp_path / "elsewhere" / "b.png")
    (root / "x.png").symlink_to("/etc/passwd")
    (root / "y.png").symlink_to(outside)
    (root / "linked").symlink_to(outside.parent, target_is_directory=True)
    os.mkfifo(root / "pipe.pdf")
    found = discover([root], tmp_path / "out")
    assert [Path(f.path).name for f in found.inputs] == ["a.png"]
    assert found.ignored == []
    assert sorted(Path(n.path).name for n in found.not_followed) == ["linked", "x.png", "y.png"]
    assert all("symbolic link, not followed" in n.reason for n in found.not_followed)
