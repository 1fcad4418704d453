"""The ObjectStore contract, run on LocalStore and on S3Store against a real loopback S3 server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from strichka.errors import ConfigError
from strichka.media.keys import InvalidKeyError
from strichka.media.s3 import S3Store
from strichka.media.store import LocalStore, MediaNotFound, ObjectStore, open_object_store
from strichka.settings import Settings


def test_put_get_head_roundtrip(store: ObjectStore) -> None:
    store.put("feed/7/abc.jpg", b"\xff\xd8jpeg-bytes", "image/jpeg")
    assert store.get("feed/7/abc.jpg") == b"\xff\xd8jpeg-bytes"
    info = store.head("feed/7/abc.jpg")
    assert info is not None
    assert info.size == len(b"\xff\xd8jpeg-bytes")
    assert info.content_type == "image/jpeg"
    assert info.etag.startswith('"') and info.etag.endswith('"')
    assert abs(info.last_modified - datetime.now(UTC)) < timedelta(minutes=5)


def test_put_overwrites_and_changes_etag(store: ObjectStore) -> None:
    store.put("feed/1/x.png", b"first", "image/png")
    first = store.head("feed/1/x.png")
    store.put("feed/1/x.png", b"second version", "image/png")
    second = store.head("feed/1/x.png")
    assert store.get("feed/1/x.png") == b"second version"
    assert first is not None and second is not None and first.etag != second.etag


def test_missing_key(store: ObjectStore) -> None:
    assert store.head("feed/1/nothing.jpg") is None
    with pytest.raises(MediaNotFound):
        store.get("feed/1/nothing.jpg")
    with pytest.raises(KeyError):  # callers may treat it as a mapping miss
        store.get("feed/1/nothing.jpg")
    store.delete("feed/1/nothing.jpg")  # deleting a missing object is not an error


def test_delete(store: ObjectStore) -> None:
    store.put("feed/2/a.webp", b"w", "image/webp")
    store.delete("feed/2/a.webp")
    assert store.head("feed/2/a.webp") is None


def test_iter_keys_by_prefix(store: ObjectStore) -> None:
    keys = ["feed/1/a.jpg", "feed/1/a.w320.webp", "feed/10/b.png", "feed/2/c.gif", "admin/u.jpg"]
    for key in keys:
        store.put(key, b"x", "image/jpeg")
    assert sorted(store.iter_keys()) == sorted(keys)
    assert sorted(store.iter_keys("feed/1/")) == ["feed/1/a.jpg", "feed/1/a.w320.webp"]
    assert sorted(store.iter_keys("feed/1")) == ["feed/1/a.jpg", "feed/1/a.w320.webp", "feed/10/b.png"]
    assert sorted(store.iter_keys("feed/1/a.w")) == ["feed/1/a.w320.webp"]
    assert list(store.iter_keys("nope/")) == []


@pytest.mark.parametrize("key", ["../etc/passwd", "feed/../../x.jpg", "/abs.jpg", "feed//x.jpg", "feed/a\\b.jpg", ""])
def test_keys_that_could_escape_are_refused(store: ObjectStore, key: str) -> None:
    with pytest.raises(InvalidKeyError):
        store.put(key, b"x", "image/jpeg")
    with pytest.raises(InvalidKeyError):
        store.get(key)


def test_local_store_writes_atomically(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "media")
    store.put("feed/1/a.jpg", b"data", "image/jpeg")
    # Only the final file is left behind: no temp files, and no partial file is ever visible.
    assert [p.name for p in (tmp_path / "media" / "feed" / "1").iterdir()] == ["a.jpg"]
    (tmp_path / "media" / "feed" / "1" / ".tmp-crashed").write_bytes(b"half")
    assert list(store.iter_keys()) == ["feed/1/a.jpg"]


def test_s3_store_uses_its_prefix(s3_bucket: tuple[object, str]) -> None:
    client, bucket = s3_bucket
    store = S3Store(bucket, "/media/", client=client)
    store.put("feed/1/a.jpg", b"data", "image/jpeg")
    listed = client.list_objects_v2(Bucket=bucket)["Contents"]  # type: ignore[attr-defined]
    assert [item["Key"] for item in listed] == ["media/feed/1/a.jpg"]
    assert list(store.iter_keys()) == ["feed/1/a.jpg"]


def test_s3_presigned_url_downloads_the_object(s3_bucket: tuple[object, str]) -> None:
    import httpx

    client, bucket = s3_bucket
    store = S3Store(bucket, "p", client=client)
    store.put("feed/3/z.png", b"\x89PNG...", "image/png")
    url = store.presigned_url("feed/3/z.png")
    assert url and url.startswith("http://127.0.0.1:")
    response = httpx.get(url)
    assert response.status_code == 200
    assert response.content == b"\x89PNG..."
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert LocalStore(Path("/nonexistent")).presigned_url("feed/3/z.png") is None


def test_open_object_store_local_by_default(tmp_path: Path) -> None:
    settings = Settings.load(environ={}, home=str(tmp_path))
    store = open_object_store(settings)
    assert isinstance(store, LocalStore)
    store.put("feed/1/a.jpg", b"x", "image/jpeg")
    assert (tmp_path / "media" / "feed" / "1" / "a.jpg").read_bytes() == b"x"


def test_open_object_store_s3_from_settings(
    s3_endpoint: str, s3_bucket: tuple[object, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # boto3 takes credentials from its own chain; the test gives it dummy ones moto accepts.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    _client, bucket = s3_bucket
    settings = Settings.load(
        environ={"STRICHKA_MEDIA_URL": f"s3://{bucket}/site/media", "STRICHKA_S3_ENDPOINT": s3_endpoint}
    )
    store = open_object_store(settings)
    assert isinstance(store, S3Store)
    store.put("feed/1/a.jpg", b"x", "image/jpeg")
    assert store.get("feed/1/a.jpg") == b"x"
    assert _client.head_object(Bucket=bucket, Key="site/media/feed/1/a.jpg")["ContentLength"] == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("url", ["ftp://host/x", "s3:///nobucket"])
def test_open_object_store_refuses_unknown_urls(tmp_path: Path, url: str) -> None:
    with pytest.raises(ConfigError, match="STRICHKA_MEDIA_URL"):
        open_object_store(Settings.load(environ={}, home=str(tmp_path), media_url=url))


def test_s3_failures_are_storage_errors(s3_endpoint: str) -> None:
    from media_servers import s3_client

    from strichka.errors import StorageError

    store = S3Store("no-such-bucket-here", "", client=s3_client(s3_endpoint))
    with pytest.raises(StorageError) as caught:
        store.put("feed/1/a.jpg", b"x", "image/jpeg")
    assert not isinstance(caught.value, MediaNotFound)
    with pytest.raises(StorageError):
        list(store.iter_keys())
