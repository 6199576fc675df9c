"""Building the object store from settings. Extra store options, read from the environment (or the
``[sohoa]`` table of sohoa.toml under the same lower-case names):

- ``SOHOA_S3_RETENTION_DAYS``: governance-mode retention of new objects when the bucket has object lock
  (default 3650; 0 turns it off).
- ``SOHOA_S3_SSE``: server-side encryption, ``s3`` (SSE-S3) or ``kms:KEY_ID`` (SSE-KMS, needs TLS).
"""

from __future__ import annotations

import os

from pipeline.config import Settings, _file_values
from pipeline.store.objects import LocalObjectStore, ObjectStore

DEFAULT_RETENTION_DAYS = 3650


def _option(env: str, default: str | None) -> str | None:
    if os.environ.get(env):
        return os.environ[env]
    value = _file_values().get(env.removeprefix("SOHOA_").lower())
    return str(value) if value not in (None, "") else default


def object_store(s: Settings) -> ObjectStore:
    if not s.s3_endpoint:
        return LocalObjectStore(s.home)
    from pipeline.store.s3 import S3ObjectStore  # the S3 client is only imported when configured

    return S3ObjectStore(
        endpoint=s.s3_endpoint,
        access_key=s.s3_access_key,
        secret_key=s.s3_secret_key,
        bucket=s.s3_bucket,
        secure=s.s3_secure,
        retention_days=int(_option("SOHOA_S3_RETENTION_DAYS", str(DEFAULT_RETENTION_DAYS)) or 0),
        sse=_option("SOHOA_S3_SSE", None),
    )
