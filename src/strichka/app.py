"""App: the settings and the backends chosen from them, built once and passed explicitly.

This is the one place where backends are chosen (database, object store, searcher, embedder).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from strichka.settings import Settings
from strichka.storage.database import create_db_engine, migrate

if TYPE_CHECKING:
    from strichka.media.store import ObjectStore
    from strichka.search import Searcher


@dataclass
class App:
    settings: Settings
    engine: Engine
    media: ObjectStore
    searcher: Searcher
    _lazy: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, settings: Settings, *, migrate_db: bool = True) -> App:
        settings.home_path.mkdir(parents=True, exist_ok=True)
        engine = create_db_engine(settings.resolved_database_url)
        if migrate_db:
            migrate(engine)
        from strichka.media.store import open_object_store
        from strichka.search import open_searcher

        return cls(
            settings=settings,
            engine=engine,
            media=open_object_store(settings),
            searcher=open_searcher(engine),
        )

    @property
    def embedder(self) -> Any:
        """The text embedder is loaded on first use: the web never needs it."""
        if "embedder" not in self._lazy:
            from strichka.text.embeddings import open_embedder

            self._lazy["embedder"] = open_embedder(self.settings.embedder)
        return self._lazy["embedder"]

    def close(self) -> None:
        self.engine.dispose()
