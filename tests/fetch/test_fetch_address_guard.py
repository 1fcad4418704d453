"""The address guard: which addresses are refused, and that the check happens at connect time."""

from __future__ import annotations

import asyncio
import typing
from ipaddress import ip_address

import httpcore
import pytest
from fetch_server import LocalServer, resolve_to_loopback, send

from strichka.errors import BlockedAddressError
from strichka.fetch import Fetcher
from strichka.fetch.address_guard import blocked_reason
from strichka.fetch.network import GuardedTransport
from strichka.models import FetchResult
from strichka.settings import Settings

GUARDED = Settings(fetch_timeout=5.0)  # allow_private_networks defaults to False
OPEN = Settings(fetch_timeout=5.0, allow_private_networks=True)
PUBLIC_IP = "93.184.216.34"


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata endpoint
        ("100.64.0.1", "carrier-grade NAT"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.251", "multicast"),
        ("240.0.0.1", "private"),  # reserved; Python also lists it as private
        ("255.255.255.255", "private"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback (IPv4-mapped)"),
        ("::ffff:10.0.0.1", "private (IPv4-mapped)"),
        ("2002:7f00:1::1", "loopback (embedded in 2002:7f00:1::1)"),  # 6to4 of 127.0.0.1
        ("64:ff9b::a00:1", "private (embedded in 64:ff9b::a00:1)"),  # NAT64 of 10.0.0.1
    ],
)
def test_non_public_addresses_are_blocked(address: str, reason: str) -> None:
    assert blocked_reason(ip_address(address)) == reason


@pytest.mark.parametrize("address", ["8.8.8.8", PUBLIC_IP, "2606:4700:4700::1111", "::ffff:8.8.8.8", "100.128.0.1"])
def test_public_addresses_pass(address: str) -> None:
    assert blocked_reason(ip_address(address)) is None


def run_fetch(url: str, settings: Settings, **fetcher_kwargs: typing.Any) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(settings, **fetcher_kwargs) as fetcher:
            return await fetcher.fetch(url)

    return asyncio.run(go())


def test_loopback_url_is_refused_with_advice(server: LocalServer) -> None:
    server.route("/x")(lambda h: send(h, 200, b"secret"))
    with pytest.raises(BlockedAddressError, match="STRICHKA_ALLOW_PRIVATE_NETWORKS=1") as caught:
        run_fetch(server.url("/x"), GUARDED)
    assert "127.0.0.1 is a loopback address" in str(caught.value)
    assert server.hits("/x") == 0


def test_host_name_resolving_to_loopback_is_refused_at_connect(server: LocalServer) -> None:
    server.route("/x")(lambda h: send(h, 200, b"secret"))
    with pytest.raises(BlockedAddressError, match="news.example resolves to 127.0.0.1, which is a loopback"):
        run_fetch(server.url("/x", "news.example"), GUARDED, resolver=resolve_to_loopback)
    assert server.hits("/x") == 0


def test_host_name_resolving_to_loopback_is_allowed_when_the_guard_is_off(server: LocalServer) -> None:
    server.route("/x")(lambda h: send(h, 200, b"local"))
    result = run_fetch(server.url("/x", "news.example"), OPEN, resolver=resolve_to_loopback)
    assert result.body == b"local"
    assert server.seen[0].headers["host"] == f"news.example:{server.port}"


def test_any_blocked_address_among_several_refuses_the_host(server: LocalServer) -> None:
    async def mixed(host: str, port: int) -> list[str]:
        return [PUBLIC_IP, "10.0.0.7"]

    with pytest.raises(BlockedAddressError, match="10.0.0.7"):
        run_fetch(server.url("/x", "mixed.example"), GUARDED, resolver=mixed)


class RoutePublicToLoopback(httpcore.AsyncNetworkBackend):
    """Stands in for the internet: connections to PUBLIC_IP land on the local test server."""

    def __init__(self) -> None:
        self.inner = httpcore.AnyIOBackend()
        self.dialled: list[str] = []

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.dialled.append(host)
        if host != PUBLIC_IP:
            raise httpcore.ConnectError(f"test network has no route to {host}")
        return await self.inner.connect_tcp("127.0.0.1", port, timeout=timeout)

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def guarded_fetcher_on_fake_internet(addresses: dict[str, list[str]]) -> tuple[Fetcher, RoutePublicToLoopback]:
    calls: dict[str, int] = {}

    async def resolver(host: str, port: int) -> list[str]:
        calls[host] = calls.get(host, 0) + 1
        answers = addresses[host]
        return [answers[min(calls[host], len(answers)) - 1]]  # one answer per call, then the last

    routing = RoutePublicToLoopback()
    transport = GuardedTransport(
        resolver=resolver, allow_private_networks=False, max_connections=4, network_backend=routing
    )
    return Fetcher(GUARDED, transport=transport), routing


def test_public_host_is_fetched_through_its_checked_address(server: LocalServer) -> None:
    server.route("/feed")(lambda h: send(h, 200, b"<rss/>"))
    fetcher, routing = guarded_fetcher_on_fake_internet({"outlet.example": [PUBLIC_IP]})

    async def go() -> FetchResult:
        async with fetcher:
            return await fetcher.fetch(server.url("/feed", "outlet.example"))

    assert asyncio.run(go()).body == b"<rss/>"
    assert routing.dialled == [PUBLIC_IP]  # the socket went to the address that was checked
    assert server.seen[0].headers["host"] == f"outlet.example:{server.port}"


def test_redirect_to_a_private_host_is_refused(server: LocalServer) -> None:
    server.route("/go")(lambda h: send(h, 302, headers={"Location": server.url("/admin", "intranet.example")}))
    server.route("/admin")(lambda h: send(h, 200, b"secret"))
    fetcher, routing = guarded_fetcher_on_fake_internet(
        {"outlet.example": [PUBLIC_IP], "intranet.example": ["10.1.2.3"]}
    )

    async def go() -> FetchResult:
        async with fetcher:
            return await fetcher.fetch(server.url("/go", "outlet.example"))

    with pytest.raises(BlockedAddressError, match="intranet.example resolves to 10.1.2.3") as caught:
        asyncio.run(go())
    assert caught.value.url == server.url("/go", "outlet.example")
    assert (server.hits("/go"), server.hits("/admin")) == (1, 0)
    assert routing.dialled == [PUBLIC_IP]


@pytest.mark.parametrize("target", ["http://127.0.0.1:{port}/admin", "http://[::ffff:127.0.0.1]:{port}/admin"])
def test_redirect_to_a_literal_private_address_is_refused(server: LocalServer, target: str) -> None:
    server.route("/go")(lambda h: send(h, 302, headers={"Location": target.format(port=server.port)}))
    fetcher, _ = guarded_fetcher_on_fake_internet({"outlet.example": [PUBLIC_IP]})

    async def go() -> FetchResult:
        async with fetcher:
            return await fetcher.fetch(server.url("/go", "outlet.example"))

    with pytest.raises(BlockedAddressError, match="loopback"):
        asyncio.run(go())
    assert server.hits("/admin") == 0


def test_dns_rebinding_is_caught_on_the_next_connection(server: LocalServer) -> None:
    # Connection: close makes the second fetch open a new connection, so the name is resolved again.
    server.route("/x")(lambda h: send(h, 200, b"public", {"Connection": "close"}))
    fetcher, routing = guarded_fetcher_on_fake_internet({"rebind.example": [PUBLIC_IP, "127.0.0.1"]})

    async def go() -> tuple[FetchResult, BaseException | None]:
        async with fetcher:
            first = await fetcher.fetch(server.url("/x", "rebind.example"))
            try:
                await fetcher.fetch(server.url("/x", "rebind.example"))
            except BlockedAddressError as exc:
                return first, exc
            return first, None

    first, second_error = asyncio.run(go())
    assert first.body == b"public"
    assert isinstance(second_error, BlockedAddressError)
    assert "rebind.example resolves to 127.0.0.1" in str(second_error)
    assert server.hits("/x") == 1 and routing.dialled == [PUBLIC_IP]
