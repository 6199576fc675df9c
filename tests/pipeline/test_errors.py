"""A refusal raised in a page worker reaches the parent whole: the file and the reason, not a pickling error."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from pipeline.errors import BadInput


def refuse(path: str) -> None:
    raise BadInput(path, "tệp PDF bị cắt cụt (truncated PDF)")


def test_bad_input_survives_pickling() -> None:
    err = pickle.loads(pickle.dumps(BadInput(Path("/x/hồ sơ.pdf"), "mã hóa (encrypted)")))
    assert isinstance(err, BadInput)
    assert (err.path, err.reason) == ("/x/hồ sơ.pdf", "mã hóa (encrypted)")
    assert err.line() == "/x/hồ sơ.pdf: mã hóa (encrypted)"


def test_bad_input_from_a_worker_process_keeps_its_reason() -> None:
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("forkserver")) as pool:
        with pytest.raises(BadInput) as caught:
            pool.submit(refuse, "/scans/a.pdf").result()
        # The pool is still usable afterwards.
        assert pool.submit(len, "abc").result() == 3
    assert caught.value.path == "/scans/a.pdf"
    assert caught.value.reason == "tệp PDF bị cắt cụt (truncated PDF)"
