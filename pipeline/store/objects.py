"""The object store interface, content-derived keys, and the local-folder backend.

Keys are derived from content only: ``objects/sha256/ab/abcdef…`` (no names, no personal data). An object,
once written, is never overwritten or deleted by the code: the interface has no delete, and a put of
content that is already stored returns the existing object.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Protocol

from pydantic import BaseModel, Field

from pipeline.config import private_tree

KEY_PREFIX = "objects/sha256"
OBJECT_MODE = 0o400  # read-only, the owner's only: stored scans hold personal data
_CHUNK = 1024 * 1024


class StoredObject(BaseModel):
    """What the store holds under a key."""

    key: str
    sha256: str
    size: int
    content_type: str = "application/octet-stream"
    version_id: str | None = None
    created: bool = False  # this put wrote it (False: it was there already)


class ObjectVersion(BaseModel):
    key: str
    version_id: str | None
    size: int
    is_latest: bool = True


class StoreStatus(BaseModel):
    """What the backend offers; ``notes`` say in plain words what is missing and why."""

    backend: str
    location: str
    versioning: bool
    retention: bool
    retention_days: int = 0
    encryption: str | None = None
    notes: list[str] = Field(default_factory=list)


class ObjectStore(Protocol):
    def put_bytes(self, data: bytes, content_type: str = ...) -> StoredObject: ...

    def put_file(self, path: str | Path, content_type: str = ...) -> StoredObject: ...

    def get_bytes(self, key: str) -> bytes: ...

    def download(self, key: str, dest: str | Path) -> Path: ...

    def exists(self, key: str) -> bool: ...

    def versions(self, key: str) -> list[ObjectVersion]: ...

    def all_versions(self) -> list[ObjectVersion]: ...

    def status(self) -> StoreStatus: ...


class ObjectNotFound(KeyError):
    pass


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_stream(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(_CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def key_for(sha256: str) -> str:
    """The object key of content with this SHA-256 (lowercase hex)."""
    digest = sha256.lower()
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
    return f"{KEY_PREFIX}/{digest[:2]}/{digest}"


def sha256_of_key(key: str) -> str:
    return key.rsplit("/", 1)[-1]


class LocalObjectStore:
    """Objects as read-only files under ``root`` (by default ``settings().home``).

    Writes go to a temporary file that is hard-linked into place: linking fails if the name exists, so a
    stored file is never replaced. Content-addressed keys make versioning unnecessary here: the bytes under
    a key can never change. The files are the owner's only (0400) under a root of mode 0700; a root found
    open to others is tightened when the store is opened (``private_tree``).
    """

    backend = "local"

    def __init__(self, root: str | Path):
        self.root = private_tree(Path(root))
        (self.root / KEY_PREFIX).mkdir(parents=True, exist_ok=True, mode=0o700)

    def _path(self, key: str) -> Path:
        if not key.startswith(KEY_PREFIX + "/") or ".." in key:
            raise ValueError(f"not an object key: {key!r}")
        return self.root / key

    def put_bytes(self, data: bytes, content_type: str = "application/octet-stream") -> StoredObject:
        digest = sha256_bytes(data)
        if self._path(key_for(digest)).exists():
            return StoredObject(key=key_for(digest), sha256=digest, size=len(data), content_type=content_type)
        with tempfile.NamedTemporaryFile(dir=self.root / KEY_PREFIX, delete=False) as tmp:
            tmp.write(data)
        try:
            return self._link(Path(tmp.name), digest, len(data), content_type)
        finally:
            Path(tmp.name).unlink(missing_ok=True)

    def put_file(self, path: str | Path, content_type: str = "application/octet-stream") -> StoredObject:
        digest = sha256_file(path)
        key = key_for(digest)
        target = self._path(key)
        if target.exists():
            return StoredObject(key=key, sha256=digest, size=target.stat().st_size, content_type=content_type)
        with tempfile.NamedTemporaryFile(dir=self.root / KEY_PREFIX, delete=False) as tmp, open(path, "rb") as src:
            for chunk in iter(lambda: src.read(_CHUNK), b""):
                tmp.write(chunk)
        try:
            return self._link(Path(tmp.name), sha256_file(tmp.name), Path(tmp.name).stat().st_size, content_type)
        finally:
            Path(tmp.name).unlink(missing_ok=True)

    def _link(self, tmp: Path, digest: str, size: int, content_type: str) -> StoredObject:
        key = key_for(digest)
        target = self._path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(tmp, OBJECT_MODE)
        try:
            os.link(tmp, target)
            created = True
        except FileExistsError:
            created = False
        return StoredObject(key=key, sha256=digest, size=size, content_type=content_type, created=created)

    def get_bytes(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError as err:
            raise ObjectNotFound(key) from err

    def download(self, key: str, dest: str | Path) -> Path:
        dest = Path(dest)
        dest.write_bytes(self.get_bytes(key))
        return dest

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def versions(self, key: str) -> list[ObjectVersion]:
        path = self._path(key)
        if not path.is_file():
            return []
        return [ObjectVersion(key=key, version_id=None, size=path.stat().st_size)]

    def all_versions(self) -> list[ObjectVersion]:
        base = self.root / KEY_PREFIX
        return [
            ObjectVersion(key=str(p.relative_to(self.root)), version_id=None, size=p.stat().st_size)
            for p in sorted(base.glob("??/*"))
            if p.is_file()
        ]

    def status(self) -> StoreStatus:
        return StoreStatus(
            backend=self.backend,
            location=str(self.root),
            versioning=False,
            retention=False,
            notes=[
                "local folder: objects are read-only files under content-derived names and are never "
                "replaced; no server-side versioning, retention or encryption (use an encrypted disk)",
            ],
        )
