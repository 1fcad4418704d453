"""Where CPU-heavy pure steps run: a pool of worker processes, or threads of this process.

Extraction is pure Python and lxml, so threads share one core under the GIL and starve the
event loop (fetches then time out); processes give the crawler every core. Arguments and
results cross the process boundary by pickling, so only pure functions over plain values go here.
"""

from __future__ import annotations

import asyncio
import importlib
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from functools import partial
from types import TracebackType
from typing import Any, TypeVar

T = TypeVar("T")


EXTRACTION = "strichka.pipeline.process"


def _warm_worker(module: str, nice: int) -> None:
    # Import what the worker runs once, at start, not on its first job.
    importlib.import_module(module)
    if nice:
        os.nice(nice)  # background work: the kernel gives the cores to the other workers first


class CpuWork:
    def __init__(self, processes: int, *, nice: int = 0, warm: str = EXTRACTION) -> None:
        """processes: 0 = one per core, -1 = threads in this process, N = N worker processes;
        nice: how much lower than this process the workers' OS priority is; warm: the module
        the workers import at start (the extraction stack unless they run something else)."""
        count = (os.cpu_count() or 1) if processes == 0 else processes
        self._pool: Executor | None = None
        if count > 0:
            # spawn: never fork a process that already runs threads (the loop's, uvicorn's); the
            # workers stay our own children, so their CPU time is ours to account for.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(count, mp_context=context, initializer=_warm_worker, initargs=(warm, nice))

    @property
    def in_processes(self) -> bool:
        return self._pool is not None

    async def run(self, function: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        call = partial(function, *args, **kwargs)
        if self._pool is None:
            return await asyncio.to_thread(call)
        return await asyncio.get_running_loop().run_in_executor(self._pool, call)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> CpuWork:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
