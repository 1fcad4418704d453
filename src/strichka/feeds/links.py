"""Resolving the links feeds and pages give: relative to the document, never raising."""

from __future__ import annotations

from urllib.parse import urljoin


def absolute_url(value: str, base: str) -> str | None:
    """value resolved against base; None for an empty or malformed link ("http://[oops")."""
    value = value.strip()
    if not value:
        return None
    if value.startswith(("http://", "https://")) and "[" not in value:
        return value
    try:
        return urljoin(base, value)
    except ValueError:  # urllib rejects malformed IPv6 hosts; the link is unusable, the entry is not
        return None
