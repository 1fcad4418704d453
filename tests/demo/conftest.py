"""Fixtures for the demo web tests: one server per module for read-only checks."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from strichka.demo import DemoClock, DemoServer, start_demo_web


@pytest.fixture(scope="module")
def late_web() -> Iterator[DemoServer]:
    """A demo web whose clock is past every publication time, so every article is visible."""
    clock = DemoClock()
    clock.advance(minutes=60)
    with start_demo_web(clock=clock) as web:
        yield web


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10, follow_redirects=False) as client:
        yield client
