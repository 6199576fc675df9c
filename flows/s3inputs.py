"""Scans in an S3 bucket as the inputs of a batch: ``s3://BUCKET/PREFIX``.

``PREFIX`` is a folder (every object whose key starts with ``PREFIX/``, recursively) or, when an object has that
very key, that one object; ``s3://BUCKET`` is the whole bucket. The server and credentials are the repository's
(``SOHOA_S3_ENDPOINT``, ``SOHOA_S3_ACCESS_KEY``, ``SOHOA_S3_SECRET_KEY``, ``SOHOA_S3_SECURE``); the bucket is the
URL's. Objects are read with the minio SDK.

An object to be read is streamed to ``OUT/.sohoa/s3/downloads/`` (hashed on the way, never held in memory) and is
then a local input like any other. ``OUT/.sohoa/s3/objects/`` remembers each object's SHA-256 with the ETag and
size it had when it was downloaded: a later run takes the hash from there when the object still has that ETag
and size, so an object that is done (or has the same content as another input) is not downloaded again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from flows.layout import Layout, atomic_write_json
from pipeline.config import settings

if TYPE_CHECKING:
    from minio import Minio

SCHEME = "s3://"
CHUNK = 1 << 20
_MISSING = {"NoSuchKey", "NoSuchObject", "NoSuchBucket", "ResourceNotFound"}


class S3InputError(Exception):
    """An ``s3://`` input that cannot be listed: no S3 server configured, no such bucket, server unreachable."""


@dataclass(frozen=True)
class S3Object:
    url: str  # s3://bucket/key
    key: str
    rel: str  # the key below the prefix given ("sub/scan01.pdf"); the base name when the URL names the object
    etag: str
    size: int
    named: bool = False  # the URL given is this object's own (always an input, like a file given by name)


def is_s3(path: object) -> bool:
    return str(path).startswith(SCHEME)


def parse(url: str) -> tuple[str, str]:
    """``s3://bucket/some/prefix`` → ``("bucket", "some/prefix")``."""
    bucket, _, prefix = url[len(SCHEME):].partition("/")
    if not is_s3(url) or not bucket:
        raise S3InputError("not an s3://BUCKET/PREFIX address")
    return bucket, prefix


@lru_cache(maxsize=4)
def _client(endpoint: str, access_key: str | None, secret_key: str | None, secure: bool) -> Minio:
    from minio import Minio  # imported when S3 is used: a fifth of a second at every command's start

    return Minio(endpoint, access_key=access_key, secret_key=secret_key, secure=secure)


def client() -> Minio:
    """A client of the configured S3 server (thread-safe, one per process and settings)."""
    s = settings()
    if not s.s3_endpoint:
        raise S3InputError("no S3 server configured: set SOHOA_S3_ENDPOINT (and its access and secret keys)")
    return _client(s.s3_endpoint, s.s3_access_key, s.s3_secret_key, s.s3_secure)


def download_errors() -> tuple[type[Exception], ...]:
    """The errors of the S3 SDK and its HTTP library (what an object that cannot be downloaded raises)."""
    import urllib3
    from minio.error import S3Error

    return S3Error, urllib3.exceptions.HTTPError


def _etag(value: str | None) -> str:
    return (value or "").strip('"')


def check(url: str) -> None:
    """Raises S3InputError (the reason, one line) unless the URL is well formed and its bucket can be read."""
    from minio.error import S3Error

    bucket, _ = parse(url)
    s3 = client()
    try:
        exists = s3.bucket_exists(bucket)
    except S3Error as err:
        raise S3InputError(f"bucket {bucket}: {err.code}") from err
    except ValueError as err:  # the SDK's check of the bucket's name
        raise S3InputError(str(err)) from err
    except Exception as err:  # noqa: BLE001 - urllib3's connection errors: one line for the user
        endpoint = settings().s3_endpoint
        raise S3InputError(f"cannot reach the S3 server {endpoint} ({type(err).__name__})") from err
    if not exists:
        raise S3InputError(f"no such bucket {bucket!r} on {settings().s3_endpoint}")


def list_objects(url: str) -> list[S3Object]:
    """The objects the URL names, in key order (folder markers, keys ending in ``/``, left out)."""
    from minio.error import S3Error

    bucket, prefix = parse(url)
    s3 = client()
    if prefix and not prefix.endswith("/"):
        try:
            stat = s3.stat_object(bucket, prefix)
        except S3Error as err:
            if err.code not in _MISSING:
                raise
        else:
            return [S3Object(url=f"{SCHEME}{bucket}/{prefix}", key=prefix, rel=PurePosixPath(prefix).name,
                             etag=_etag(stat.etag), size=stat.size or 0, named=True)]
        prefix += "/"
    found = [
        S3Object(url=f"{SCHEME}{bucket}/{obj.object_name}", key=obj.object_name,
                 rel=obj.object_name[len(prefix):].lstrip("/"), etag=_etag(obj.etag), size=obj.size or 0)
        for obj in s3.list_objects(bucket, prefix=prefix, recursive=True)
        if obj.object_name and not obj.is_dir and not obj.object_name.endswith("/")
    ]
    return sorted(found, key=lambda o: o.key)


def _url_id(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()


def downloads(out_dir: str | Path) -> Path:
    return Layout(out_dir).state / "s3" / "downloads"


def download_path(out_dir: str | Path, obj: S3Object) -> Path:
    """Where the object is downloaded to: its base name (kept for the type and the quarantine copy's name) in a
    folder of its own."""
    return downloads(out_dir) / _url_id(obj.url)[:16] / PurePosixPath(obj.key).name


def _record(out_dir: str | Path, url: str) -> Path:
    return Layout(out_dir).state / "s3" / "objects" / f"{_url_id(url)}.json"


def remembered(out_dir: str | Path, url: str, etag: str, size: int) -> str | None:
    """The SHA-256 of the object as downloaded by an earlier run, if it still has the same ETag and size."""
    try:
        seen = json.loads(_record(out_dir, url).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if seen.get("url") == url and seen.get("etag") == etag and seen.get("size") == size and etag:
        return seen.get("sha256")
    return None


def fetch(url: str, dest: Path, out_dir: str | Path) -> tuple[str, int]:
    """Streams the object to ``dest`` (through a temporary file beside it, renamed when complete) and returns its
    SHA-256 and size; the hash is remembered with the ETag the server sent with these very bytes."""
    bucket, key = parse(url)
    dest.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            response = client().get_object(bucket, key)
            try:
                etag = _etag(response.headers.get("ETag"))
                for chunk in response.stream(CHUNK):
                    digest.update(chunk)
                    fh.write(chunk)
                    size += len(chunk)
            finally:
                response.close()
                response.release_conn()
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    sha = digest.hexdigest()
    atomic_write_json(_record(out_dir, url), {"url": url, "etag": etag, "size": size, "sha256": sha})
    return sha, size


def discard(path: str | Path) -> None:
    """Removes a downloaded object (and its folder) once the batch is through with it."""
    path = Path(path)
    path.unlink(missing_ok=True)
    try:
        path.parent.rmdir()
    except OSError:
        pass
