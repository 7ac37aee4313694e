"""Browser fixtures: the test site (tests/fixtures/site/) served over HTTP on
127.0.0.1 and one shared Chromium (Debian's, driven by Playwright's sync API).

Every test in tests/browser/ is marked `browser`. They are never skipped: without
Chromium or Playwright they fail with a message that says what to install.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CHROMIUM = Path(os.environ.get("SWVSITE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: runs in a real Chromium against the built site (part of make test)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # The browser cancels requests when a test moves on to the next page.
        import sys
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass
class ServedSite:
    """A folder served over HTTP; `pages` are the paths of all its HTML pages."""

    root: Path
    base_url: str
    host: str
    pages: list[str]

    def url(self, path: str) -> str:
        return self.base_url + path


def page_paths(root: Path) -> list[str]:
    """Every HTML file below `root` as the path a visitor would request:
    `scholen/x/index.html` is `/scholen/x/`, `404.html` stays `/404.html`."""
    paths = []
    for file in sorted(root.rglob("*.html")):
        rel = file.relative_to(root).as_posix()
        if rel == "index.html":
            paths.append("/")
        elif rel.endswith("/index.html"):
            paths.append("/" + rel[: -len("index.html")])
        else:
            paths.append("/" + rel)
    return paths


def serve(root: Path):
    """Serve `root` on 127.0.0.1 on a free port in a background thread.
    Returns (server, thread); stop with server.shutdown()."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=f"http {root}", daemon=True)
    thread.start()
    return server, thread


@contextlib.contextmanager
def served(root: Path) -> Iterator[ServedSite]:
    """A built site in `root` served over HTTP while the block runs."""
    server, thread = serve(root)
    host, port = server.server_address[:2]
    try:
        yield ServedSite(root, f"http://{host}:{port}", f"{host}:{port}", page_paths(root))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def site(fixture_site):
    """The test site (built once, see tests/conftest.py) served over HTTP."""
    with served(fixture_site.root) as served_site:
        yield served_site


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:  # pragma: no cover - depends on the machine
        pytest.fail(f"Playwright is not installed ({error}); run `make test`, which installs "
                    "the test packages into .venv/.", pytrace=False)
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"Chromium not found at {CHROMIUM}. The browser tests need Debian's "
                    "chromium: `sudo apt-get install chromium` (`make test` does this), or set "
                    "SWVSITE_CHROMIUM to another Chromium binary.", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def context(browser):
    """A fresh browser context (no cookies, no storage) at desktop size."""
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture
def calm_page(browser):
    """A page whose visitor asked for reduced motion: toegankelijk.css then
    turns transitions off, so a test that presses Tab a few hundred times
    need not wait for each fade (0.04 s instead of 0.25 s per Tab stop).
    The end state of every focus style is the same."""
    yield from calm_page_at(browser, DESKTOP)


def calm_page_at(browser, viewport: dict) -> Iterator:
    """A fixture's page at `viewport` with reduced motion (see calm_page)."""
    context = browser.new_context(viewport=viewport, locale="nl-NL", reduced_motion="reduce")
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
    finally:
        context.close()
