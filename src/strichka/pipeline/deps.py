"""What the pipeline steps are handed: the clients they may use, nothing global."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from strichka.pipeline.cpu import CpuWork
from strichka.pipeline.site_profiles import SiteProfiles
from strichka.settings import Settings

if TYPE_CHECKING:
    from strichka.fetch import Fetcher
    from strichka.media.store import ObjectStore
    from strichka.pipeline.stories_stage import StoriesStage
    from strichka.search import Searcher


@dataclass
class PipelineDeps:
    settings: Settings
    engine: Engine
    fetcher: Fetcher
    media: ObjectStore
    searcher: Searcher
    cpu: CpuWork = field(default_factory=lambda: CpuWork(-1))  # threads unless a runner gives a pool
    stories: StoriesStage | None = None  # local runner: embedding and clustering behind ingest
    # Decoded images can take ~200 MB each at the pixel limit: as many at once as there are cores.
    image_gate: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(os.cpu_count() or 1))
    # Celery mode: a stored article's id is handed to the one stories worker instead.
    send_to_stories: Callable[[int], Awaitable[str]] | None = None  # returns the task id
    # What each outlet repeats on its pages: bounded, loaded from and saved to the database.
    site_profiles: SiteProfiles = field(default_factory=SiteProfiles)
