"""`strichka extract`: the pipeline's own page-to-article code, on a file or a URL."""

from __future__ import annotations

import json
from pathlib import Path

from strichka.errors import ConfigError
from strichka.extract import article_to_json
from strichka.fetch import Fetcher
from strichka.pipeline.process import extract_from_bytes
from strichka.settings import Settings


async def extract_and_format(settings: Settings, path_or_url: str, *, url: str | None, fmt: str) -> str:
    if path_or_url.startswith(("http://", "https://")):
        async with Fetcher(settings) as fetcher:
            result = await fetcher.fetch(path_or_url, max_bytes=settings.max_body_bytes, kind="page")
        article = extract_from_bytes(result.body, url=url or result.url, http_charset=result.charset)
    else:
        path = Path(path_or_url)
        if not path.is_file():
            raise ConfigError(f"{path_or_url}: no such file (give a saved page or an http(s) URL)")
        article = extract_from_bytes(path.read_bytes(), url=url or path.resolve().as_uri(), http_charset=None)
    if fmt == "text":
        return article.text
    if fmt == "html":
        return article.html
    return json.dumps(article_to_json(article), ensure_ascii=False, indent=2)
