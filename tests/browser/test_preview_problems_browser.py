"""The preview's problem page in Chromium: an open page turns into the problem page
by itself when a save breaks the content, and back into the site by itself after
the fix, under the site's Content-Security-Policy; the problem page passes axe."""

from __future__ import annotations

import time

from test_serve_problems import (
    HEADING,
    PROBLEM_FILE,
    RECORD,
    ServeProcess,
    break_record,
    get,
    site_page,
    wait_for,
)

from .axecheck import report, run_axe
from conftest import make_project

# How long to wait for the page to change by itself: a rebuild of the fixture takes
# about a second, many more when the machine is busy running other tests.
WAIT_MS = 120_000


def test_the_preview_goes_from_site_to_problem_page_and_back_by_itself(tmp_path, minimal_content,
                                                                       page):
    server = ServeProcess(make_project(tmp_path / "project", minimal_content),
                          tmp_path / "serve.log")
    url = server.url("/voorzieningen/opdc-test/")
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    reload_script = "() => !!document.querySelector('script[src^=\"/livereload.js\"]')"
    try:
        wait_for(lambda: site_page(get(url)))
        page.set_default_timeout(WAIT_MS)
        page.goto(url)
        assert "OPDC Test" in page.inner_text("h1")
        page.wait_for_function(reload_script)
        time.sleep(1.0)  # the reload script is polling

        original = break_record(minimal_content)
        # No navigation by the test from here on: the page must reload by itself.
        page.wait_for_function(
            f"() => document.querySelector('h1')?.textContent === {HEADING!r}", timeout=WAIT_MS)
        assert page.get_attribute("html", "lang") == "nl"
        assert f"{PROBLEM_FILE}, regel 2, veld 'type'" in page.inner_text(".problemen")
        assert page.evaluate(  # its stylesheet loaded (the server's own file)
            "() => getComputedStyle(document.querySelector('main')).maxWidth") != "none"
        found = run_axe(page, "problem page")
        assert not found, report(found)
        page.wait_for_function(reload_script)
        time.sleep(1.0)

        (minimal_content / RECORD).write_text(original, encoding="utf-8")
        page.wait_for_function(
            "() => document.querySelector('h1')?.textContent.includes('OPDC Test')",
            timeout=WAIT_MS)
    finally:
        server.stop()
    assert not violations, violations
