"""The site in real headless Chromium: pages open, show their content, look right on mobile and desktop.

Screenshots go to artifacts/screenshots/ (gitignored). Skips when /usr/bin/chromium is missing.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORTS = {"mobile": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium: browser tests skipped"),
]


@pytest.fixture
def base_url(site) -> Iterator[str]:
    import uvicorn

    from strichka.web import create_app

    # The socket listens before the server thread starts, so the browser's first connection
    # waits in the backlog: no polling for readiness.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    server = uvicorn.Server(uvicorn.Config(create_app(site.app), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


def _shoot(page, name: str, kind: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    # Lazy images below the fold load only when scrolled to; a full-page shot should show them.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / f"{name}-{kind}.png"), full_page=True)


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("kind", sorted(VIEWPORTS))
def test_reader_pages(browser, base_url, site, kind):
    context = browser.new_context(viewport=VIEWPORTS[kind], locale="uk-UA", timezone_id="Europe/Kyiv")
    page = context.new_page()
    page.goto(base_url + "/")
    assert page.locator("h1").first.inner_text().strip().lower() == "головні події"
    assert page.locator(".story").count() == 2
    assert page.locator(".story-lead .card-media img").evaluate("img => img.complete && img.naturalWidth > 0")
    assert _no_horizontal_scroll(page)
    _shoot(page, "home", kind)

    page.goto(f"{base_url}/story/{site.story_ids['rockets']}")
    assert "ракет" in page.locator("h1").inner_text()
    assert page.locator(".timeline-item").count() == 3
    assert page.locator(".timeline-item.is-first").count() == 1
    assert _no_horizontal_scroll(page)
    _shoot(page, "story", kind)

    page.goto(f"{base_url}/article/{site.article_ids['rockets_uk']}")
    assert page.locator("h1").inner_text() == "Міністр оборони обговорив постачання ракет для ППО"
    assert "Фото: Міноборони" in page.locator(".credits").inner_text()
    lead = page.locator("img.lead")
    assert lead.evaluate("img => img.complete && img.naturalWidth > 0")
    assert lead.get_attribute("width") and lead.get_attribute("height")
    assert page.locator(".related .card").count() == 2
    # JS localised the time in the browser's zone and language
    assert page.locator("time[data-fmt=medium]").first.get_attribute("title")
    assert _no_horizontal_scroll(page)
    _shoot(page, "article", kind)

    page.goto(f"{base_url}/source/{site.source_ids['ru']}")
    assert "Киевский курьер" in page.locator("h1").inner_text()
    assert "HTTP 503" in page.locator("table.health").inner_text()
    _shoot(page, "source", kind)

    page.goto(base_url + "/search")
    page.fill("#q", "ракета")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator(".result").count() >= 1
    assert page.locator(".snippet mark").count() >= 1
    _shoot(page, "search", kind)
    context.close()


def test_admin_page_and_language_switch(browser, base_url, site):
    from web_site import ADMIN_PASSWORD

    context = browser.new_context(
        viewport=VIEWPORTS["desktop"], http_credentials={"username": "admin", "password": ADMIN_PASSWORD}
    )
    page = context.new_page()
    page.goto(base_url + "/admin/sources")
    assert page.locator(".admin-source").count() == 3
    page.fill("input[name=feed_url]", "https://new.example/rss.xml")
    page.fill("input[name=name]", "Нове видання")
    page.click(".admin-add button[type=submit]")
    page.wait_for_url("**/admin/sources?done=added")
    assert page.locator(".admin-source").count() == 4
    _shoot(page, "admin", "desktop")
    page.click("nav.langs a[hreflang=en]")
    page.wait_for_url("**/admin/sources?done=added")
    assert page.locator("h1").text_content().strip() == "Manage sources"
    context.close()


def test_dark_theme_and_toggle(browser, base_url, site):
    context = browser.new_context(viewport=VIEWPORTS["mobile"], color_scheme="dark")
    page = context.new_page()
    page.goto(f"{base_url}/article/{site.article_ids['rockets_uk']}")
    dark_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    _shoot(page, "article-dark", "mobile")
    page.click(".theme-toggle")
    assert page.evaluate("document.documentElement.dataset.theme") == "light"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != dark_bg
    page.reload()  # remembered
    assert page.evaluate("document.documentElement.dataset.theme") == "light"
    context.close()
