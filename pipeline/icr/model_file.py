"""Where the bundled recognizer model is, found without importing the package that ships it.

``asterocr`` (PyPI, pinned by hash in requirements.lock) carries an ONNX CTC line recognizer in
``asterocr/assets/``. Its Python code is never imported: the package also ships code that opens tunnels and
polls an outside service. ``importlib.util.find_spec`` reads the import machinery's metadata only; it does not
execute the package's ``__init__``.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PACKAGE = "asterocr"
MODEL = "assets/asternet.onnx"
VOCAB = "assets/vocab.json"


@dataclass(frozen=True)
class ModelFiles:
    onnx: Path
    chars: tuple[str, ...]  # index 0 is the CTC blank
    version: str


def package_dir() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"the {PACKAGE} package (the handwriting model) is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def model_files() -> ModelFiles:
    base = package_dir()
    onnx, vocab = base / MODEL, base / VOCAB
    if not onnx.is_file() or not vocab.is_file():
        raise FileNotFoundError(f"{base} has no {MODEL} / {VOCAB}")
    chars = tuple(json.loads(vocab.read_text(encoding="utf-8"))["chars"])
    return ModelFiles(onnx=onnx, chars=chars, version=importlib.metadata.version(PACKAGE))
