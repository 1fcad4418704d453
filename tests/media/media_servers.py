"""Loopback servers for the media tests: S3 client settings and the image HTTP server's state.

Kept out of conftest.py so test modules can import them by a unique module name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import boto3
from botocore.config import Config

S3_CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": "us-east-1"}


def s3_client(endpoint: str) -> Any:
    config = Config(s3={"addressing_style": "path"})
    return boto3.session.Session(**S3_CREDENTIALS).client("s3", endpoint_url=endpoint, config=config)


@dataclass
class ImageServer:
    """Routes path -> (status, headers, body); `drip` paths send their body a byte at a time, slowly."""

    base: str
    routes: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    drip: set[str] = field(default_factory=set)
    hits: dict[str, int] = field(default_factory=dict)

    def add(self, path: str, body: bytes, content_type: str = "image/jpeg", status: int = 200) -> str:
        self.routes[path] = (status, {"Content-Type": content_type}, body)
        return self.base + path
