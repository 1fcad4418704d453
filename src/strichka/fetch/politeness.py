"""How many requests run at once: a few per host so no outlet is hammered, more overall."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass


@dataclass
class _HostSlots:
    semaphore: asyncio.Semaphore
    users: int = 0


class HostLimiter:
    def __init__(self, *, per_host: int, total: int) -> None:
        if per_host < 1 or total < 1:
            raise ValueError("concurrency limits must be at least 1")
        self._per_host = per_host
        self._total = asyncio.Semaphore(total)
        self._hosts: dict[str, _HostSlots] = {}

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Hold one request slot for `host` and one overall.

        The host slot is taken first: a request queued behind a busy host must not sit on
        one of the global slots that requests to idle hosts could use.
        """
        key = host.lower()
        slots = self._hosts.setdefault(key, _HostSlots(asyncio.Semaphore(self._per_host)))
        slots.users += 1
        try:
            async with slots.semaphore, self._total:
                yield
        finally:
            slots.users -= 1
            if slots.users == 0:
                # Forget idle hosts so a crawl of thousands of outlets does not keep them all.
                del self._hosts[key]

    def active_hosts(self) -> int:
        return len(self._hosts)
