"""Entry identity: the key that stops a re-crawl from duplicating an item.

Rule (as Miniflux): the GUID when the feed gives a non-empty one, else the entry URL, else a
sha256 of title + content. The kind is part of the key ("guid:", "url:", "sha256:") so a GUID
that happens to equal some other entry's URL, or looks like a hash, never collides across kinds.
"""

from __future__ import annotations

import hashlib

_LONGEST_KEPT = 512  # longer GUIDs/URLs are hashed so the key stays index-friendly


def entry_identity(*, guid: str | None, url: str | None, title: str, content: str) -> str:
    guid = (guid or "").strip()
    if guid:
        # The commonest key, built without a call: every entry of nearly every feed has one.
        return f"guid:{guid}" if len(guid) <= _LONGEST_KEPT else _keyed("guid", guid)
    url = (url or "").strip()
    if url:
        return _keyed("url", url)
    digest = hashlib.sha256(f"{title.strip()}\n{content.strip()}".encode()).hexdigest()
    return f"sha256:{digest}"


def _keyed(kind: str, value: str) -> str:
    if len(value) <= _LONGEST_KEPT:
        return f"{kind}:{value}"
    return f"{kind}-sha256:{hashlib.sha256(value.encode()).hexdigest()}"
