"""Connections that resolve the host themselves and connect only to addresses they checked.

Checking the URL's host before the request is not enough: DNS can answer differently at
connect time (rebinding) and redirects lead to new hosts. So the check lives where the socket
is opened: httpcore asks this backend for a TCP stream to (host, port); the backend resolves,
refuses the whole host if any address is blocked, and connects to the checked IP. TLS still
uses the host name for SNI and certificate checks, because httpcore passes it to start_tls.
"""

from __future__ import annotations

import asyncio
import functools
import socket
import ssl
import time
import typing
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import httpcore
import httpx

from strichka.fetch.address_guard import blocked_reason, describe_refusal, parse_address

Resolver = Callable[[str, int], Awaitable[Sequence[str]]]
"""async (host, port) -> IP addresses as text. Raise OSError (or return []) when unknown."""


class AddressRefused(Exception):
    """Raised inside the connection pool; the fetcher turns it into BlockedAddressError with the URL."""


class HostUnresolvable(Exception):
    """Raised inside the connection pool; the fetcher turns it into FetchError with the URL."""


class CachingResolver:
    """getaddrinfo in a thread pool of its own, with answers remembered for a while.

    A lookup holds a thread until the system resolver answers or gives up — 5 s and more when a
    DNS server does not answer. In asyncio's default pool such lookups would starve every other
    to_thread job (extraction, thumbnails); here they only wait for each other. Failures are
    remembered too, so fifty images on one dead host cost one lookup, and lookups of a host
    already under way are shared. Rebinding is no concern: the guard checks what is connected to.
    """

    def __init__(
        self, *, threads: int = 32, ttl: float = 300.0, negative_ttl: float = 60.0,
        lookup: Callable[..., list[typing.Any]] = socket.getaddrinfo,
    ) -> None:
        self._lookup_blocking = lookup
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="strichka-dns")
        self._ttl, self._negative_ttl = ttl, negative_ttl
        self._answers: dict[str, tuple[float, list[str] | OSError]] = {}
        self._pending: dict[str, asyncio.Future[list[str]]] = {}

    async def __call__(self, host: str, port: int) -> list[str]:
        now = time.monotonic()
        cached = self._answers.get(host)
        if cached is not None and cached[0] > now:
            if isinstance(cached[1], OSError):
                raise cached[1]
            return cached[1]
        pending = self._pending.get(host)
        if pending is None:
            pending = self._pending[host] = asyncio.ensure_future(self._lookup(host, port))
            pending.add_done_callback(lambda _done: self._pending.pop(host, None))
        # shield: one caller timing out must not cancel the lookup the others are waiting for
        return await asyncio.shield(pending)

    async def _lookup(self, host: str, port: int) -> list[str]:
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.run_in_executor(
                self._pool, functools.partial(self._lookup_blocking, host, port, type=socket.SOCK_STREAM)
            )
        except OSError as exc:
            self._answers[host] = (time.monotonic() + self._negative_ttl, exc)
            raise
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        self._answers[host] = (time.monotonic() + self._ttl, addresses)
        return addresses

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class GuardedNetworkBackend(httpcore.AsyncNetworkBackend):
    def __init__(
        self,
        *,
        resolver: Resolver,
        allow_private_networks: bool,
        inner: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self._resolver = resolver
        self._allow_private = allow_private_networks
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await self._checked_addresses(host, port)
        options = list(socket_options or ())
        failure: httpcore.ConnectError | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address, socket_options=options
                )
            except httpcore.ConnectError as exc:
                failure = exc
        raise httpcore.ConnectError(f"cannot connect to {host} port {port}: {connect_failure_reason(failure)}")

    async def _checked_addresses(self, host: str, port: int) -> list[str]:
        try:
            addresses = list(await self._resolver(host, port))
        except OSError as exc:
            raise HostUnresolvable(f"cannot resolve host {host}: {exc.strerror or exc}") from exc
        if not addresses:
            raise HostUnresolvable(f"cannot resolve host {host}: no addresses")
        if self._allow_private:
            return addresses
        for address in addresses:
            reason = blocked_reason(parse_address(address))
            if reason is not None:
                raise AddressRefused(describe_refusal(host, address, reason))
        return addresses

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise AddressRefused(f"unix socket {path}: strichka fetches over TCP only")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def connect_failure_reason(error: BaseException | None) -> str:
    """A short human reason ("connection refused") from httpcore/anyio's chain of causes."""
    seen: set[int] = set()
    pending: list[BaseException] = [error] if error is not None else []
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, ConnectionRefusedError):
            return "connection refused"
        if isinstance(current, ConnectionResetError):
            return "connection reset"
        if isinstance(current, OSError) and current.strerror:
            return current.strerror.lower()
        if isinstance(current, BaseExceptionGroup):
            pending.extend(current.exceptions)
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return str(error) if error is not None else "no address to connect to"


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport with the connection pool rebuilt on the guarded backend."""

    def __init__(
        self,
        *,
        resolver: Resolver,
        allow_private_networks: bool,
        max_connections: int,
        network_backend: httpcore.AsyncNetworkBackend | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        """`network_backend` opens sockets to checked addresses and `ssl_context` decides which
        certificates are trusted; both default to the real thing and are replaced only by tests."""
        super().__init__(trust_env=False)
        # httpx does not take a network backend, so the pool it built is replaced by an equal
        # one that differs only in network_backend. Relies on httpx 0.28's `_pool` attribute.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context or httpx.create_ssl_context(trust_env=False),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=5.0,
            network_backend=GuardedNetworkBackend(
                resolver=resolver, allow_private_networks=allow_private_networks, inner=network_backend
            ),
        )
