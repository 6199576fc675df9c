"""Independent validators for signed PDFs: poppler's pdfsig and pyHanko's own command line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PYHANKO = Path(sys.executable).with_name("pyhanko")


def pdfsig(path: Path) -> list[dict[str, str]]:
    """pdfsig's report as one dict per signature (keys: the '- Name: value' lines)."""
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60).stdout
    sigs: list[dict[str, str]] = []
    for line in out.splitlines():
        if re.match(r"^Signature #\d+:", line):
            sigs.append({})
        elif sigs and (m := re.match(r"^\s+- ([^:]+):?\s*(.*)$", line)):
            sigs[-1][m.group(1).strip()] = m.group(2).strip()
    return sigs


def pyhanko_validate(path: Path, trust_root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(PYHANKO), "sign", "validate", "--trust", str(trust_root), "--trust-replace", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
