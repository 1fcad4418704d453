"""The fetcher's DNS cache: slow lookups wait in their own pool, are shared, and failures are remembered."""

import asyncio
import socket
import threading

import pytest

from strichka.fetch.network import CachingResolver


def test_concurrent_lookups_of_one_host_share_one_call_and_answers_are_cached():
    calls = []
    release = threading.Event()

    def lookup(host, port, type):  # noqa: A002 — getaddrinfo's keyword
        calls.append(host)
        release.wait(5)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port))]

    async def go():
        resolver = CachingResolver(lookup=lookup)
        waiting = [asyncio.create_task(resolver("news.example", 443)) for _ in range(20)]
        await asyncio.sleep(0)  # let every task reach the shared lookup
        release.set()
        answers = await asyncio.gather(*waiting)
        again = await resolver("news.example", 443)
        resolver.close()
        return answers, again

    answers, again = asyncio.run(go())
    assert calls == ["news.example"]
    assert all(a == ["93.184.216.34"] for a in answers) and again == ["93.184.216.34"]


def test_a_failed_lookup_is_remembered_so_a_dead_host_costs_one_wait():
    calls = []

    def lookup(host, port, type):  # noqa: A002
        calls.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    async def go():
        resolver = CachingResolver(lookup=lookup)
        for _ in range(3):
            with pytest.raises(OSError):
                await resolver("dead.example", 443)
        resolver.close()

    asyncio.run(go())
    assert calls == ["dead.example"]


def test_slow_lookups_do_not_occupy_the_default_thread_pool():
    """Extraction and thumbnails use asyncio.to_thread; a hung DNS lookup must not starve them."""
    hang = threading.Event()

    def lookup(host, port, type):  # noqa: A002
        hang.wait(10)
        raise socket.gaierror(socket.EAI_AGAIN, "timed out")

    async def go():
        resolver = CachingResolver(lookup=lookup)
        lookups = [asyncio.create_task(resolver(f"slow{i}.example", 443)) for i in range(40)]
        await asyncio.sleep(0)
        done = await asyncio.wait_for(asyncio.gather(*(asyncio.to_thread(sum, [1, 2]) for _ in range(10))), 5)
        hang.set()
        await asyncio.gather(*lookups, return_exceptions=True)
        resolver.close()
        return done

    assert asyncio.run(go()) == [3] * 10
