"""The preview (`swvsite serve`) in Chromium: it reloads by itself after an edit,
under the site's own Content-Security-Policy, and rebuilds once per edit."""

from __future__ import annotations

import socket
import subprocess
import time

from conftest import ENV, SWVSITE, make_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_preview_reloads_itself_after_an_edit_under_the_policy(tmp_path, minimal_content,
                                                                     page):
    config = make_project(tmp_path / "project", minimal_content)
    port = free_port()
    log = open(tmp_path / "serve.log", "w", encoding="utf-8")
    server = subprocess.Popen([*SWVSITE, "serve", "-f", str(config), "--dev-addr",
                               f"127.0.0.1:{port}"], env=ENV, stdout=subprocess.DEVNULL,
                              stderr=log, text=True)
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    try:
        url = f"http://127.0.0.1:{port}/voorzieningen/opdc-test/"
        deadline = time.monotonic() + 90
        while True:
            try:
                page.goto(url)
                break
            except Exception:  # noqa: BLE001 - the server is still starting
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        assert "OPDC Test" in page.inner_text("h1")
        page.wait_for_function("() => !!document.querySelector('script[src^=\"/livereload.js\"]')")
        time.sleep(1.0)  # the reload script is polling

        record = minimal_content / "voorzieningen/opdc-test.yml"
        record.write_text(record.read_text(encoding="utf-8").replace(
            "naam: OPDC Test", "naam: OPDC Vernieuwd"), encoding="utf-8")
        # No navigation by the test: the page must reload by itself.
        page.wait_for_function(
            "() => document.querySelector('h1')?.textContent.includes('OPDC Vernieuwd')",
            timeout=30_000)
        time.sleep(2.0)  # a rebuild that set off another would show by now
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    output = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert output.count("Documentation built in") == 2, output  # the first build and one
    assert not violations, violations
