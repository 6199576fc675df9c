"""The S3 backend through the ``minio`` SDK (MinIO in production; any S3 server that speaks the API).

On open it makes sure the bucket exists (created with object lock when the server allows it, which also
turns versioning on), turns versioning on, and reads whether object lock is available. Each new object
gets a governance-mode retention date when the bucket has object lock; server-side encryption is an
option (``SOHOA_S3_SSE=s3`` or ``kms:KEY_ID``). What the server does not offer is reported in
``status().notes``; nothing fails because of it.
"""

from __future__ import annotations

import base64
import io
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from minio import Minio
from minio.commonconfig import ENABLED, GOVERNANCE
from minio.error import S3Error
from minio.retention import Retention
from minio.sse import Sse, SseKMS, SseS3
from minio.versioningconfig import VersioningConfig

from pipeline.store.objects import (
    KEY_PREFIX,
    ObjectNotFound,
    ObjectVersion,
    StoredObject,
    StoreStatus,
    key_for,
    sha256_bytes,
    sha256_file,
)

_MISSING = {"NoSuchKey", "NoSuchObject", "NoSuchVersion", "ResourceNotFound"}
_ALREADY_OURS = {"BucketAlreadyOwnedByYou"}  # the bucket exists and is ours (made meanwhile by another process)


def make_sse(spec: str | None) -> Sse | None:
    """``s3`` → SSE-S3 (AES256 by the server); ``kms:KEY_ID`` → SSE-KMS; empty → none."""
    if not spec:
        return None
    if spec.lower() == "s3":
        return SseS3()
    if spec.lower().startswith("kms:"):
        return SseKMS(spec[4:], {})
    raise ValueError(f"SOHOA_S3_SSE must be 's3' or 'kms:KEY_ID', not {spec!r}")


def _checksum_headers(digest: str) -> dict[str, str]:
    """The server checks the upload against our SHA-256 (S3 flexible checksums); object lock also
    requires an upload checksum when a retention date is set."""
    return {
        "x-amz-checksum-sha256": base64.b64encode(bytes.fromhex(digest)).decode(),
        "x-amz-sdk-checksum-algorithm": "SHA256",
        "sha256": digest,
    }


class S3ObjectStore:
    backend = "s3"

    def __init__(
        self,
        endpoint: str,
        access_key: str | None,
        secret_key: str | None,
        bucket: str,
        secure: bool = False,
        retention_days: int = 3650,
        sse: str | None = None,
    ):
        self.client = Minio(endpoint, access_key=access_key, secret_key=secret_key, secure=secure)
        self.endpoint = endpoint
        self.bucket = bucket
        self.retention_days = retention_days
        self.sse_spec = sse
        self.sse = make_sse(sse)
        self._notes: list[str] = []
        self._prepare_bucket()

    # -- bucket set-up -------------------------------------------------------------------------------
    def _prepare_bucket(self) -> None:
        if not self.client.bucket_exists(self.bucket):
            try:
                self.client.make_bucket(self.bucket, object_lock=True)
            except S3Error as err:
                # Another process (a second worker starting at the same moment) may have just made it.
                if err.code not in _ALREADY_OURS:
                    self._notes.append(f"bucket created without object lock ({err.code})")
                    self._make_bucket_unless_ours()
        try:
            self.client.set_bucket_versioning(self.bucket, VersioningConfig(ENABLED))
        except S3Error as err:
            self._notes.append(f"the server refused to turn versioning on ({err.code})")
        self.versioning = self._versioning_enabled()
        if not self.versioning:
            self._notes.append("bucket versioning is off: objects are still never overwritten by sohoa")
        self.object_lock = self._object_lock_enabled()
        if not self.object_lock:
            self._notes.append(
                "object retention is not available: the bucket has no object lock "
                "(create the bucket with object lock to get governance-mode retention)"
            )
        elif self.retention_days <= 0:
            self._notes.append("object retention is off (SOHOA_S3_RETENTION_DAYS=0)")

    def _make_bucket_unless_ours(self) -> None:
        try:
            self.client.make_bucket(self.bucket)
        except S3Error as err:
            if err.code not in _ALREADY_OURS:
                raise

    def _versioning_enabled(self) -> bool:
        try:
            return self.client.get_bucket_versioning(self.bucket).status == ENABLED
        except S3Error:
            return False

    def _object_lock_enabled(self) -> bool:
        try:
            self.client.get_object_lock_config(self.bucket)
            return True
        except S3Error:
            return False

    # -- objects ---------------------------------------------------------------------------------------
    def _existing(self, key: str) -> StoredObject | None:
        try:
            stat = self.client.stat_object(self.bucket, key, ssec=None)
        except S3Error as err:
            if err.code in _MISSING:
                return None
            raise
        return StoredObject(
            key=key,
            sha256=key.rsplit("/", 1)[-1],
            size=stat.size or 0,
            content_type=stat.content_type or "application/octet-stream",
            version_id=stat.version_id,
        )

    def _retention(self) -> Retention | None:
        if not self.object_lock or self.retention_days <= 0:
            return None
        until = datetime.now(UTC).replace(microsecond=0) + timedelta(days=self.retention_days)
        return Retention(GOVERNANCE, until)

    def _upload(self, stream, size: int, digest: str, content_type: str) -> StoredObject:
        key = key_for(digest)
        existing = self._existing(key)
        if existing is not None:
            return existing
        result = self.client.put_object(
            self.bucket,
            key,
            stream,
            size,
            content_type=content_type,
            metadata=_checksum_headers(digest),
            sse=self.sse,
            retention=self._retention(),
        )
        return StoredObject(
            key=key, sha256=digest, size=size, content_type=content_type,
            version_id=result.version_id, created=True,
        )

    def put_bytes(self, data: bytes, content_type: str = "application/octet-stream") -> StoredObject:
        return self._upload(io.BytesIO(data), len(data), sha256_bytes(data), content_type)

    def put_file(self, path: str | Path, content_type: str = "application/octet-stream") -> StoredObject:
        digest = sha256_file(path)
        with open(path, "rb") as fh:
            return self._upload(fh, Path(path).stat().st_size, digest, content_type)

    def get_bytes(self, key: str) -> bytes:
        try:
            response = self.client.get_object(self.bucket, key)
        except S3Error as err:
            if err.code in _MISSING:
                raise ObjectNotFound(key) from err
            raise
        try:
            return response.read()
        finally:
            response.close()
            response.release_conn()

    def download(self, key: str, dest: str | Path) -> Path:
        dest = Path(dest)
        with tempfile.NamedTemporaryFile(dir=dest.parent, delete=False) as tmp:
            pass
        try:
            self.client.fget_object(self.bucket, key, tmp.name)
        except S3Error as err:
            Path(tmp.name).unlink(missing_ok=True)
            if err.code in _MISSING:
                raise ObjectNotFound(key) from err
            raise
        Path(tmp.name).replace(dest)
        return dest

    def exists(self, key: str) -> bool:
        return self._existing(key) is not None

    def _list_versions(self, prefix: str) -> list[ObjectVersion]:
        return [
            ObjectVersion(
                key=obj.object_name, version_id=obj.version_id, size=obj.size or 0,
                is_latest=str(obj.is_latest).lower() == "true",
            )
            for obj in self.client.list_objects(self.bucket, prefix=prefix, recursive=True, include_version=True)
        ]

    def versions(self, key: str) -> list[ObjectVersion]:
        return [v for v in self._list_versions(key) if v.key == key]

    def all_versions(self) -> list[ObjectVersion]:
        return self._list_versions(KEY_PREFIX + "/")

    def status(self) -> StoreStatus:
        return StoreStatus(
            backend=self.backend,
            location=f"{self.endpoint}/{self.bucket}",
            versioning=self.versioning,
            retention=self.object_lock and self.retention_days > 0,
            retention_days=self.retention_days if self.object_lock else 0,
            encryption=self.sse_spec,
            notes=list(self._notes),
        )
