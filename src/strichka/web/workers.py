"""The web app as uvicorn's worker processes build it (`strichka serve --workers N`).

Each worker is a fresh process: it reads its settings from the STRICHKA_* variables the parent set
(Settings.to_environ) and opens its own App; the database was migrated by the parent.
"""

from __future__ import annotations

from fastapi import FastAPI

from strichka.app import App
from strichka.settings import Settings
from strichka.web.application import create_app


def create_worker_app() -> FastAPI:
    return create_app(App.build(Settings.load(), migrate_db=False))
