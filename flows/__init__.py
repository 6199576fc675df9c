"""Prefect flows of sohoa (see docs/flows.md):

- ``batch_digitize(paths, out_dir, schema=None, sign=True, store=True, jobs=None, dask=None)``: many scans
  (files, folders, ``s3://`` prefixes), resumable
- ``intake_dossier(paths, schema=None)`` and ``finalize_dossier(intake, ...)``: one dossier at the counter
- ``reuse_result(record_id=None, personal_id=None, schema=None)``: stored results checked and returned for reuse

Importing this package sets Prefect's defaults (``flows.prefect_env``) before Prefect itself is imported.
"""

from __future__ import annotations

import warnings
from typing import Any

from flows.prefect_env import configure

configure()
# Prefect builds a pydantic model of a flow's parameters; the contract's parameter name ``schema`` shadows a
# BaseModel attribute there, which is harmless.
warnings.filterwarnings("ignore", message='Field name "schema"', category=UserWarning)

_FLOWS = {
    "batch_digitize": "flows.batch",
    "intake_dossier": "flows.dossier",
    "finalize_dossier": "flows.dossier",
    "reuse_result": "flows.reuse",
}

__all__ = list(_FLOWS)


def __getattr__(name: str) -> Any:
    if name in _FLOWS:
        import importlib

        return getattr(importlib.import_module(_FLOWS[name]), name)
    raise AttributeError(name)
