"""The object store interface, against the local folder and against S3 (moto's server over HTTP)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from pipeline.store.objects import KEY_PREFIX, ObjectNotFound, key_for

from .conftest import make_s3_store


def test_key_is_derived_from_content_only(object_store):
    data = b"%PDF-1.7 scan of NGUYEN VAN A"
    stored = object_store.put_bytes(data, "application/pdf")
    digest = hashlib.sha256(data).hexdigest()
    assert stored.key == f"{KEY_PREFIX}/{digest[:2]}/{digest}" == key_for(digest)
    assert stored.sha256 == digest and stored.size == len(data) and stored.created
    assert object_store.get_bytes(stored.key) == data


def test_same_content_twice_is_one_object_one_version(object_store, tmp_path):
    data = b"the same bytes"
    first = object_store.put_bytes(data)
    path = tmp_path / "same.bin"
    path.write_bytes(data)
    second = object_store.put_file(path)
    assert second.key == first.key and not second.created
    assert len(object_store.versions(first.key)) == 1
    assert [v.key for v in object_store.all_versions()] == [first.key]


def test_download_and_missing(object_store, tmp_path):
    stored = object_store.put_bytes(b"x" * 3000)
    dest = object_store.download(stored.key, tmp_path / "out.bin")
    assert dest.read_bytes() == b"x" * 3000
    assert object_store.exists(stored.key)
    missing = key_for("0" * 64)
    assert not object_store.exists(missing)
    with pytest.raises(ObjectNotFound):
        object_store.get_bytes(missing)


def test_no_delete_in_the_interface(object_store):
    assert not any(hasattr(object_store, name) for name in ("delete", "remove", "remove_object"))


def test_local_objects_are_read_only(tmp_path):
    from pipeline.store.objects import LocalObjectStore

    store = LocalObjectStore(tmp_path)
    stored = store.put_bytes(b"archive")
    assert (tmp_path / stored.key).stat().st_mode & 0o222 == 0
    assert store.status().notes


def test_s3_bucket_versioning_and_governance_retention(s3_endpoint):
    store = make_s3_store(s3_endpoint, retention_days=30)
    status = store.status()
    assert status.versioning and status.retention and status.retention_days == 30
    stored = store.put_bytes(b"kept for 30 days")
    stat = store.client.stat_object(store.bucket, stored.key)
    assert stat.metadata.get("x-amz-object-lock-mode") == "GOVERNANCE"
    until = datetime.fromisoformat(stat.metadata["x-amz-object-lock-retain-until-date"].replace("Z", "+00:00"))
    assert abs(until - (datetime.now(UTC) + timedelta(days=30))) < timedelta(minutes=5)
    assert stored.version_id


def test_s3_degrades_without_object_lock(s3_endpoint):
    from minio import Minio

    client = Minio(s3_endpoint, "testing", "testing", secure=False)
    client.make_bucket("sohoa-no-lock")
    from pipeline.store.s3 import S3ObjectStore

    store = S3ObjectStore(s3_endpoint, "testing", "testing", "sohoa-no-lock", secure=False)
    status = store.status()
    assert status.versioning and not status.retention
    assert any("object lock" in note for note in status.notes)
    stored = store.put_bytes(b"no retention, still stored")
    assert store.get_bytes(stored.key) == b"no retention, still stored"


def test_s3_server_side_encryption_option(s3_endpoint):
    store = make_s3_store(s3_endpoint, sse="s3")
    stored = store.put_bytes(b"encrypted at rest")
    stat = store.client.stat_object(store.bucket, stored.key)
    assert stat.metadata.get("x-amz-server-side-encryption") == "AES256"
    assert store.status().encryption == "s3"
