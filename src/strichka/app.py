"""App: the settings and the backends chosen from them, built once and passed explicitly.

This is the one place where backends are chosen (database, object store, searcher, embedder).
"""

from __future__ import annotations

from collections.abc import Callable
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

    def once(self, name: str, make: Callable[[], Any]) -> Any:
        """A backend made on first use and kept for this App's life (the web never needs most)."""
        if name not in self._lazy:
            self._lazy[name] = make()
        return self._lazy[name]

    @property
    def embedder(self) -> Any:
        from strichka.text.embeddings import open_embedder

        return self.once("embedder", lambda: open_embedder(self.settings.embedder))

    def close(self) -> None:
        self.engine.dispose()
