"""web: the site, the JSON API and the feeds out. Entry point: create_app(app)."""

from strichka.web.application import create_app

__all__ = ["create_app"]
