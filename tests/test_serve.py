"""`swvsite serve` rebuilds when a YAML file in content/ changes."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request

from conftest import ENV, SWVSITE, make_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, timeout: float = 90.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError("timed out")


def test_serve_reloads_on_content_change(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    port = free_port()
    server = subprocess.Popen([*SWVSITE, "serve", "-f", str(config), "--dev-addr",
                               f"127.0.0.1:{port}"], env=ENV, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/voorzieningen/opdc-test/"
    try:
        assert "OPDC Test" in wait_for(lambda: fetch(url))
        record = minimal_content / "voorzieningen/opdc-test.yml"
        record.write_text(record.read_text().replace("naam: OPDC Test", "naam: OPDC Vernieuwd"))
        wait_for(lambda: "OPDC Vernieuwd" in (fetch(url) or ""))
    finally:
        server.terminate()
        server.wait(timeout=30)
