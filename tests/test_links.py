"""`swvsite links --extern`: broken links fail the check, an absent network does not."""

from __future__ import annotations

import http.server
import socket
import threading

import pytest

from conftest import run_swvsite


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        self._answer(head=True)

    def do_GET(self):
        self._answer(head=False)

    def _answer(self, head):
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/weg":
            self.send_response(404)
        elif self.path == "/verhuisd":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/geen-head":
            self.send_response(405 if head else 200)
        elif self.path == "/verboden":
            self.send_response(403)
        else:
            self.send_response(500)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_site(folder, links):
    (folder / "procedures" / "x").mkdir(parents=True)
    body = "".join(f'<a href="{url}">x</a>' for url in links)
    (folder / "index.html").write_text(
        f"<html><body>{body}<a href='procedures/x/'>in</a></body></html>")
    (folder / "procedures" / "x" / "index.html").write_text(
        f'<html><body><a href="{links[0]}#anker">x</a></body></html>')


def test_broken_links_are_reported_with_their_pages(tmp_path, server):
    site = tmp_path / "site"
    write_site(site, [f"{server}/ok", f"{server}/weg", f"{server}/verhuisd",
                      f"{server}/geen-head", f"{server}/verboden",
                      f"http://127.0.0.1:{closed_port()}/niets"])
    result = run_swvsite("links", "--extern", "--site-dir", str(site), "--timeout", "3")
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert ("6 externe links gecontroleerd: 3 in orde, 1 kapot, 1 twijfelachtig, "
            "1 onbereikbaar") in out
    assert f"- {server}/weg (status 404), op: /" in out
    assert f"{server}/verboden (status 403)" in out
    assert "Traceback" not in result.stderr


def test_an_absent_network_never_fails_the_check(tmp_path):
    site = tmp_path / "site"
    port = closed_port()
    write_site(site, [f"http://127.0.0.1:{port}/a", f"http://127.0.0.1:{port}/b"])
    result = run_swvsite("links", "--extern", "--site-dir", str(site), "--timeout", "2")
    assert result.returncode == 0
    assert "Geen enkele externe site gaf antwoord" in result.stdout


def test_without_a_built_site_it_asks_for_a_build(tmp_path):
    result = run_swvsite("links", "--extern", "--site-dir", str(tmp_path / "nergens"))
    assert result.returncode == 2
    assert "bouw eerst" in result.stderr
