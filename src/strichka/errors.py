"""Typed errors raised by the steps; only the pipeline catches them and records a status.

    StrichkaError
    ├── ConfigError            a setting or argument is wrong (message says which and how to fix)
    ├── FetchError             (url) the network step failed
    │   ├── BlockedAddressError    host resolves to a private/loopback/link-local address
    │   ├── TooLargeError          body over the limit after decompression
    │   ├── TooManyRedirectsError
    │   ├── FetchTimeoutError
    │   └── HTTPStatusError        (status) 4xx/5xx; retry_after when the server said so
    ├── FeedError              (url) bytes are not a feed we can read (HTML page, challenge, garbage)
    ├── ExtractError           (url) no article body found in the page
    ├── MediaError             (url) image refused: not an image, bomb, truncated, too big
    └── StorageError           database or object store failed
"""

from __future__ import annotations


class StrichkaError(Exception):
    """Base of every error strichka raises on purpose."""


class ConfigError(StrichkaError):
    pass


class StorageError(StrichkaError):
    pass


class _UrlError(StrichkaError):
    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{reason} ({url})")
        self.url = url
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Errors cross process boundaries (extraction workers): rebuild from (url, reason).
        return self.__class__, (self.url, self.reason)


class FetchError(_UrlError):
    pass


class BlockedAddressError(FetchError):
    pass


class TooLargeError(FetchError):
    pass


class TooManyRedirectsError(FetchError):
    pass


class FetchTimeoutError(FetchError):
    pass


class HTTPStatusError(FetchError):
    def __init__(self, url: str, status: int, retry_after: float | None = None) -> None:
        super().__init__(url, f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after

    def __reduce__(self) -> tuple[type, tuple[str, int, float | None]]:  # type: ignore[override]
        return self.__class__, (self.url, self.status, self.retry_after)


class FeedError(_UrlError):
    pass


class ExtractError(_UrlError):
    pass


class MediaError(_UrlError):
    pass
