"""Personal data at rest: SOHOA_HOME 0700, the SQLite catalog 0600, stored objects (scans, copies) the owner's
only; a home left open by an older version is tightened when it is opened; every command sets umask 077."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from pipeline.store.database import open_catalog
from pipeline.store.objects import LocalObjectStore

ROOT = Path(__file__).resolve().parents[3]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_catalog_and_objects_are_the_owners_only_under_an_open_umask(tmp_path):
    old = os.umask(0o022)  # what a login shell usually has: files 0644, folders 0755
    try:
        home = tmp_path / "home"
        store = LocalObjectStore(home)
        stored = store.put_bytes(b"scan of a birth certificate")
        engine = open_catalog(f"sqlite:///{home / 'catalog.sqlite'}")
        engine.dispose()
    finally:
        os.umask(old)
    assert mode(home) == 0o700
    assert mode(home / stored.key) & 0o077 == 0 and mode(home / stored.key) & 0o222 == 0
    assert mode(home / "catalog.sqlite") == 0o600
    for journal in home.glob("catalog.sqlite-*"):
        assert mode(journal) & 0o077 == 0, journal


def test_a_home_left_open_is_tightened_when_opened(tmp_path):
    home = tmp_path / "home"
    (home / "objects" / "sha256" / "ab").mkdir(parents=True)
    scan = home / "objects" / "sha256" / "ab" / ("ab" + "0" * 62)
    scan.write_bytes(b"old scan")
    catalog = home / "catalog.sqlite"
    catalog.write_bytes(b"")
    (home / "web").mkdir()
    link = home / "web" / "outside"
    outside = tmp_path / "outside.txt"
    outside.write_text("not ours")
    link.symlink_to(outside)
    for path in (home, home / "objects", home / "web"):
        os.chmod(path, 0o755)
    for path in (scan, catalog, outside):
        os.chmod(path, 0o644)
    LocalObjectStore(home)
    open_catalog(f"sqlite:///{catalog}").dispose()
    assert mode(home) == 0o700 and mode(home / "objects") == 0o700 and mode(home / "web") == 0o700
    assert mode(scan) == 0o600 and mode(catalog) == 0o600
    assert mode(outside) == 0o644, "a link's target outside the home is left alone"
    from pipeline.config import private_tree

    assert private_tree(home) == home


def test_every_command_runs_with_umask_077(tmp_path):
    """``settings()``, which every command reads before writing, sets the umask and closes the home."""
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    os.chmod(home, 0o755)
    code = ("import os; from pipeline.config import settings; settings(); "
            "m = os.umask(0); print(oct(m)); open(os.path.join(os.environ['SOHOA_HOME'], 'x'), 'w').close()")
    env = {**os.environ, "SOHOA_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "0o77"
    assert mode(home) == 0o700
    # the file was written after umask(0) in the snippet: the mode of the home is what protects it
    search = subprocess.run([sys.executable, "-m", "app.cli", "search", "--name", "Nguyen Van A"], env=env,
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert search.returncode == 0, search.stderr
    assert mode(home / "catalog.sqlite") == 0o600
    assert mode(home / "objects") == 0o700
