"""The default outlet list shipped with strichka (real feeds; `strichka sources add-defaults`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class DefaultSource:
    name: str
    lang: str
    url: str
    site: str


def default_sources() -> list[DefaultSource]:
    data = json.loads(resources.files(__package__).joinpath("default_sources.json").read_text("utf-8"))
    return [DefaultSource(**item) for item in data]
