"""`swvsite serve` on a mistake: a content file that does not validate, or another
build error, answers every request at once with a Dutch problem page (file, regel,
veld) instead of hanging; the site comes back when the file is right again. A first
build that fails still starts the server; a busy port is a Dutch message."""

from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ENV, SWVSITE, make_project

# Longer than any rebuild, so that a request never hangs the suite, yet every
# request is answered (MkDocs' server left them waiting for ever).
REQUEST_TIMEOUT = 30.0
RECORD = "voorzieningen/opdc-test.yml"
PROBLEM_FILE = f"content/{RECORD}"
HEADING = "De site kan nu niet getoond worden"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Answer:
    status: int
    body: str
    headers: dict[str, str]
    seconds: float


def get(url: str) -> Answer | None:
    """The server's answer, whatever its status; None if none came."""
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as response:
            status, body, headers = response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        status, body, headers = error.code, error.read(), dict(error.headers)
    except OSError:
        return None
    return Answer(status, body.decode("utf-8"), headers, time.monotonic() - start)


def wait_for(condition, timeout: float = 120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out")


class ServeProcess:
    """`python -m swvsite serve` on a project, its terminal output in a file."""

    def __init__(self, config: Path, log: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log
        self._log = open(log, "w", encoding="utf-8")
        self.process = subprocess.Popen(
            [*SWVSITE, "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{self.port}"],
            env=ENV, stdout=subprocess.DEVNULL, stderr=self._log, text=True)

    def url(self, path: str) -> str:
        return self.base + path

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8")

    def wait_until_serving(self) -> None:
        wait_for(lambda: "Serving on" in self.output() or self.process.poll() is not None)
        assert self.process.poll() is None, self.output()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self._log.close()


def problem_page(answer: Answer | None) -> Answer | None:
    return answer if answer is not None and HEADING in answer.body else None


def site_page(answer: Answer | None) -> Answer | None:
    return answer if answer is not None and answer.status == 200 else None


def break_record(content: Path) -> str:
    """Two mistakes in one record: a wrong choice on line 2 and an unknown field
    whose name is HTML (content text is data: it must arrive escaped)."""
    record = content / RECORD
    original = record.read_text(encoding="utf-8")
    record.write_text(original.replace("type: opdc", "type: speciaal")
                      + "<b>kenmerk</b>: ja\n", encoding="utf-8")
    return original


def assert_is_problem_page(answer: Answer) -> None:
    assert answer.status == 500, answer.status
    assert answer.headers["Content-Type"].startswith("text/html")
    assert "script-src 'self'" in answer.headers["Content-Security-Policy"]
    soup = BeautifulSoup(answer.body, "html.parser")
    assert soup.html["lang"] == "nl"
    assert soup.h1.get_text() == HEADING
    assert [h.get_text() for h in soup.find_all("h2")] == ["Wat is er mis?", "Wat moet ik doen?"]
    problems = [li.get_text(" ") for li in soup.select(".problemen li")]
    assert len(problems) == 2, problems
    assert any(f"{PROBLEM_FILE}, regel 2, veld 'type'" in p and "'speciaal'" in p
               for p in problems), problems
    assert any(PROBLEM_FILE in p and "'<b>kenmerk</b>' is geen bekend veld" in p
               for p in problems), problems
    assert "<b>kenmerk</b>" not in answer.body  # escaped, never markup
    assert not soup.find("b")
    assert "Sla het bestand op; deze pagina laadt vanzelf opnieuw." in soup.get_text()
    scripts = soup.find_all("script")
    assert [s.get("src", "").split("?")[0] for s in scripts] == ["/livereload.js"]
    assert not any(s.string for s in scripts)  # no inline script: the policy forbids them
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_a_broken_file_shows_the_problem_page_at_once_and_the_site_after_the_fix(
        tmp_path, minimal_content):
    server = ServeProcess(make_project(tmp_path / "project", minimal_content),
                          tmp_path / "serve.log")
    page = server.url("/voorzieningen/opdc-test/")
    try:
        assert "OPDC Test" in wait_for(lambda: site_page(get(page))).body
        original = break_record(minimal_content)
        wait_for(lambda: problem_page(get(page)))
        wait_for(lambda: "De site is niet gebouwd" in server.output())

        # Every request now: this page, the start page, a stylesheet, an unknown address.
        for path in ("/voorzieningen/opdc-test/", "/", "/assets/stylesheets/swvsite.css",
                     "/bestaat-niet/"):
            answer = get(server.url(path))
            assert answer is not None, f"{path}: no answer within {REQUEST_TIMEOUT} s"
            assert_is_problem_page(answer)
        style = get(server.url("/swvsite-probleem.css"))
        assert style.status == 200 and style.headers["Content-Type"] == "text/css"
        output = server.output()
        assert "De site is niet gebouwd (2 fouten in de inhoud)" in output
        assert f"{PROBLEM_FILE}, regel 2, veld 'type'" in output
        assert "Traceback" not in output

        (minimal_content / RECORD).write_text(original, encoding="utf-8")
        answer = wait_for(lambda: site_page(get(page)))
        assert "OPDC Test" in answer.body and HEADING not in answer.body
        assert "De fouten zijn verbeterd" in server.output()
    finally:
        server.stop()


def test_the_preview_starts_on_broken_content_and_shows_the_problems(tmp_path, minimal_content):
    original = break_record(minimal_content)
    server = ServeProcess(make_project(tmp_path / "project", minimal_content),
                          tmp_path / "serve.log")
    page = server.url("/voorzieningen/opdc-test/")
    try:
        server.wait_until_serving()
        answer = get(page)
        assert answer is not None, server.output()
        assert_is_problem_page(answer)

        (minimal_content / RECORD).write_text(original, encoding="utf-8")
        assert "OPDC Test" in wait_for(lambda: site_page(get(page))).body
    finally:
        server.stop()


def test_another_build_error_is_shown_with_its_message(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    server = ServeProcess(config, tmp_path / "serve.log")
    page = server.url("/voorzieningen/opdc-test/")
    try:
        wait_for(lambda: site_page(get(page)))
        original = config.read_text(encoding="utf-8")
        config.write_text(re.sub(r"(?m)^  name: material$", "  name: <materiaal>", original),
                          encoding="utf-8")
        answer = wait_for(lambda: problem_page(get(page)))
        assert answer.status == 500
        soup = BeautifulSoup(answer.body, "html.parser")
        messages = [li.get_text() for li in soup.select(".problemen li")]
        assert any("Unrecognised theme name: '<materiaal>'" in m for m in messages), messages
        assert "&lt;materiaal&gt;" in answer.body
        assert "Sla het bestand op; deze pagina laadt vanzelf opnieuw." in soup.get_text()

        config.write_text(original, encoding="utf-8")
        assert "OPDC Test" in wait_for(lambda: site_page(get(page))).body
    finally:
        server.stop()


def test_a_busy_port_is_a_dutch_message_without_traceback(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([*SWVSITE, "serve", "-f", str(config), "--dev-addr",
                                 f"127.0.0.1:{port}"], env=ENV, capture_output=True, text=True,
                                timeout=300)
    assert result.returncode == 1, result.stderr
    assert f"Het adres 127.0.0.1:{port} is al in gebruik" in result.stderr
    assert "swvsite serve --dev-addr 127.0.0.1:8001" in result.stderr
    assert "Traceback" not in result.stderr and "Errno" not in result.stderr
    assert "Building documentation" not in result.stderr  # said before the first build
