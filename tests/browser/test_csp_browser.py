"""The site works under its own strict Content-Security-Policy: every page is
loaded with the headers from _headers applied, and the browser reports no
violation; search (a web worker) still works under the policy."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .conftest import page_paths

VIOLATION_LISTENER = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def read_headers(site_root) -> dict[str, str]:
    lines = (site_root / "_headers").read_text().splitlines()
    assert lines[0] == "/*"
    return dict(line.strip().split(": ", 1) for line in lines[1:] if line.strip())


@pytest.fixture(scope="module")
def strict_site(fixture_site):
    headers = read_headers(fixture_site.root)
    headers.pop("Strict-Transport-Security")  # meaningless over plain http on localhost

    class WithHeaders(SimpleHTTPRequestHandler):
        def end_headers(self):
            for name, value in headers.items():
                self.send_header(name, value)
            super().end_headers()

        def log_message(self, format, *args):  # noqa: A002 - signature of the base class
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(WithHeaders, directory=str(fixture_site.root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", page_paths(fixture_site.root)
    finally:
        server.shutdown()
        server.server_close()


def test_every_page_works_under_the_policy(strict_site, context):
    base, paths = strict_site
    context.add_init_script(VIOLATION_LISTENER)
    page = context.new_page()
    messages = []
    page.on("console", lambda m: messages.append(f"{page.url}: {m.text}")
            if "Content Security Policy" in m.text or m.type == "error" else None)
    page.on("pageerror", lambda e: messages.append(f"{page.url}: {e}"))
    violations = {}
    for path in paths:
        response = page.goto(base + path)
        assert "default-src 'none'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
        found = page.evaluate("window.__violations")
        if found:
            violations[path] = found
    assert len(paths) > 50
    assert not violations, violations
    assert not messages, messages


def test_search_and_filters_work_under_the_policy(strict_site, context):
    base, _ = strict_site
    context.add_init_script(VIOLATION_LISTENER)
    page = context.new_page()
    page.goto(base + "/")
    page.click("#swv-zoekvraag")
    page.keyboard.type("thuiszitten")
    page.keyboard.press("Enter")  # the search box lands on /zoeken/, the client answers there
    page.wait_for_selector(".swv-zoek-resultaten li a")
    page.goto(base + "/scholen/")
    page.select_option("#filter-scholen-gemeente", "goirle")
    assert "gevonden" in page.inner_text(".swv-filter-telling")
    assert page.evaluate("window.__violations") == []
