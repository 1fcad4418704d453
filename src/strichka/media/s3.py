"""S3Store: objects in an S3-compatible bucket (AWS, MinIO, moto) through boto3.

boto3 clients are thread-safe, so one S3Store serves every thread; its calls block, so async
callers go through `asyncio.to_thread`. Credentials come from boto3's usual chain (AWS_* env,
~/.aws, instance role) — strichka's settings only name the bucket, prefix and endpoint.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from strichka.errors import StorageError
from strichka.media.keys import check_key
from strichka.media.store import MediaNotFound, ObjectInfo, PutItem

IMMUTABLE = "public, max-age=31536000, immutable"
_MISSING = {"404", "NoSuchKey", "NotFound"}


class S3Store:
    def __init__(
        self,
        bucket: str,
        prefix: str = "",
        endpoint_url: str | None = None,
        client: Any = None,
        *,
        presign_seconds: int = 3600,
    ) -> None:
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.presign_seconds = presign_seconds
        if client is None:
            # Path-style addressing: MinIO and loopback endpoints have no per-bucket hostnames.
            config = Config(
                s3={"addressing_style": "path"} if endpoint_url else {},
                retries={"max_attempts": 3, "mode": "standard"},
                max_pool_connections=32,
            )
            client = boto3.session.Session().client("s3", endpoint_url=endpoint_url, config=config)
        self.client = client

    def _key(self, key: str) -> str:
        return self.prefix + check_key(key)

    def put(self, key: str, data: bytes, content_type: str) -> None:
        # The object carries its own cache headers, so presigned redirects serve them too.
        self._call(
            "put_object",
            key,
            Bucket=self.bucket,
            Key=self._key(key),
            Body=data,
            ContentType=content_type,
            CacheControl=IMMUTABLE,
        )

    def put_many(self, items: Sequence[PutItem]) -> None:
        # One after another: each PUT is durable when it returns, and the order is the contract.
        for key, _data, _type in items:
            check_key(key)  # a bad key anywhere stores nothing
        for key, data, content_type in items:
            self.put(key, data, content_type)

    def get(self, key: str) -> bytes:
        response = self._call("get_object", key, Bucket=self.bucket, Key=self._key(key))
        body = response["Body"]
        try:
            return bytes(body.read())
        finally:
            body.close()

    def head(self, key: str) -> ObjectInfo | None:
        try:
            meta = self._call("head_object", key, Bucket=self.bucket, Key=self._key(key))
        except MediaNotFound:
            return None
        return ObjectInfo(
            size=int(meta["ContentLength"]),
            content_type=meta.get("ContentType") or "application/octet-stream",
            etag=meta["ETag"],
            last_modified=meta["LastModified"].astimezone(UTC),
        )

    def delete(self, key: str) -> None:
        self._call("delete_object", key, Bucket=self.bucket, Key=self._key(key))

    def iter_keys(self, prefix: str = "") -> Iterator[str]:
        paginator = self.client.get_paginator("list_objects_v2")
        try:
            for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix + prefix):
                for item in page.get("Contents", ()):
                    yield item["Key"][len(self.prefix) :]
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(f"listing s3://{self.bucket}/{self.prefix}{prefix} failed: {exc}") from exc

    def presigned_url(self, key: str) -> str | None:
        return str(
            self.client.generate_presigned_url(
                "get_object",
                Params={"Bucket": self.bucket, "Key": self._key(key)},
                ExpiresIn=self.presign_seconds,
            )
        )

    def _call(self, operation: str, key: str, **params: Any) -> Any:
        try:
            return getattr(self.client, operation)(**params)
        except ClientError as exc:
            code = str(exc.response.get("Error", {}).get("Code", ""))
            if code in _MISSING:
                raise MediaNotFound(key) from None
            raise StorageError(f"s3 {operation} {self.bucket}/{params.get('Key')} failed: {code}") from exc
        except BotoCoreError as exc:
            raise StorageError(f"s3 {operation} {self.bucket}/{params.get('Key')} failed: {exc}") from exc
