"""Privacy (issue 7): no request leaves the site, and no cookie is set.

Every page is loaded in one fresh browser context that records every request
(pages, workers, fetches). Requests to any other host are aborted, so the test
never reaches the network, and reported."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .conftest import DESKTOP

LOCAL_SCHEMES = {"data", "blob", "about"}


class RequestLog:
    """Records every request of a browser context; aborts those to other hosts."""

    def __init__(self, context, host: str):
        self.host = host
        self.current = "(before the first page)"
        self.foreign: list[str] = []
        self.count = 0
        context.on("request", self._record)
        # Only other hosts are intercepted (the pattern is matched inside the
        # browser), so local requests run at full speed.
        local = re.escape(f"://{host}/")
        context.route(re.compile(rf"^(?!(https?{local}|data:|blob:|about:))"), self._route)

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in LOCAL_SCHEMES or (
            parts.scheme in ("http", "https") and parts.netloc == self.host)

    def _record(self, request):
        self.count += 1
        if not self.is_local(request.url):
            self.foreign.append(f"{self.current}: {request.resource_type} {request.url}")

    def _route(self, route):
        if self.is_local(route.request.url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def report(self) -> str:
        return f"{len(self.foreign)} requests to other hosts:\n" + "\n".join(self.foreign)


def test_no_third_party_requests_and_no_cookies(browser, site):
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    try:
        log = RequestLog(context, site.host)
        page = context.new_page()
        for path in site.pages:
            log.current = path
            response = page.goto(site.url(path), wait_until="load")
            status = response and response.status
            assert response is not None and response.ok, f"{path}: HTTP {status}"
        # The search loads its index shards only when used.
        log.current = "/zoeken/ (search)"
        page.goto(site.url("/"))
        page.locator("#swv-zoekvraag").click()
        page.keyboard.type("TLV")
        page.keyboard.press("Enter")
        page.locator(".swv-zoek-resultaten li").first.wait_for(state="visible", timeout=15_000)
        page.wait_for_load_state("networkidle")

        assert log.count > len(site.pages), "the request log recorded nothing"
        assert not log.foreign, log.report()
        cookies = context.cookies()
        assert cookies == [], f"cookies were set: {cookies}"
    finally:
        context.close()
    print(f"requests: {len(site.pages)} pages, {log.count} requests, all to {site.host}")


def test_request_log_catches_other_hosts(browser, site):
    """The check can fail: a page that loads an image from elsewhere is reported
    (and the request is aborted, not sent)."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        log = RequestLog(context, site.host)
        page = context.new_page()
        page.goto(site.url("/"))
        log.current = "test page"
        page.evaluate("""() => new Promise(resolve => {
            const img = new Image();
            img.onload = img.onerror = resolve;
            img.src = 'https://tracker.example/pixel.gif';
        })""")
        assert log.foreign == ["test page: image https://tracker.example/pixel.gif"], log.foreign
    finally:
        context.close()
