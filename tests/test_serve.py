"""`swvsite serve` rebuilds when a YAML file in content/ changes, and what the preview
shows after each edit is what a fresh `mkdocs build` of the same sources shows."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from mkdocs.config import load_config
from test_build_cache import assert_same_site, edit, editable_copy

from swvsite.engine.build import TemplateCache, build
from swvsite.engine.pagecache import PageCache
from swvsite.pages import zoekindex as z

from conftest import ENV, FIXTURE_CONTENT, SWVSITE, make_project, run_engine


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
        # A moment later the search index has the new word too.
        index = f"http://127.0.0.1:{port}/zoeken/index/"
        wait_for(lambda: "vernieuwd" in (fetch(index + "nl/w-" + z.shard_of(
            "vernieuwd", set(json.loads(fetch(index + "manifest.json") or "{}")
                            .get("shards", {}).get("nl", []))) + ".json") or ""))
    finally:
        server.terminate()
        server.wait(timeout=30)


# --------------------------------------------------------------------------
# What the preview shows after each edit is what a fresh build of it shows
# --------------------------------------------------------------------------

SERVE_URL = "http://127.0.0.1:8000/"


class Preview:
    """swvsite serve's rebuilds, in this process: one page cache, compiled templates
    and the site folder kept between builds, the plugins told it is a preview."""

    def __init__(self, config_file: Path, site_dir: Path):
        self.config_file, self.site_dir = config_file, site_dir
        self.cache, self.templates = PageCache(), TemplateCache()
        config = self.config()
        config.plugins.on_startup(command="serve", dirty=False)
        self.stats = self.rebuild(config)

    def config(self):
        config = load_config(str(self.config_file), site_dir=str(self.site_dir))
        config.site_url = SERVE_URL
        return config

    def rebuild(self, config=None):
        config = config or self.config()
        self.plugin = config.plugins["swvsite"]
        stats = build(config, cache=self.cache, serve_url=SERVE_URL, keep_site=True,
                      templates=self.templates)
        self.plugin.later_index.wait(120)  # the preview writes its search index after a build
        return stats


def fresh_build(config_file: Path, site_dir: Path) -> Path:
    """MkDocs' own `mkdocs build`, in a new process, of the same sources with the
    preview's address as site_url."""
    text = config_file.read_text(encoding="utf-8")
    fresh = config_file.with_name("mkdocs-fresh.yml")
    fresh.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {SERVE_URL}", text),
                     encoding="utf-8")
    result = run_engine("build", "-q", "-f", str(fresh), "-d", str(site_dir),
                        cwd=config_file.parent)
    assert result.returncode == 0, result.stderr
    return site_dir


PREVIEW_EDITS = [
    ("school summary", lambda p, c: edit(c / "scholen/bs-de-linden-hilvarenbeek.yml",
                                         "samenvatting: ", "samenvatting: Sinds kort ")),
    ("voorziening name", lambda p, c: edit(c / "voorzieningen/opdc-de-overstap.yml",
                                           "naam: OPDC De Overstap", "naam: OPDC Het Kompas")),
    ("procedure step", lambda p, c: edit(c / "procedures/tlv-aanvragen.yml", "wat: ",
                                         "wat: Eerst dit. ")),
    ("begrip", lambda p, c: edit(c / "begrippen.yml", "uitleg: ", "uitleg: Kort gezegd ")),
    ("organisatie", lambda p, c: edit(c / "organisatie.yml", "naam: ", "naam: Het ")),
    ("docs page", lambda p, c: edit(p / "docs/contact.md", "\n", "\n\nBel ons gerust.\n")),
    ("school removed", lambda p, c: (c / "scholen/bs-de-klimop-tilburg.yml").unlink()),
    ("mkdocs.yml", lambda p, c: edit(p / "mkdocs.yml", "site_description: ",
                                      "site_description: Steunpunt. ")),
]


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("preview")
    config_file, content = editable_copy(tmp, FIXTURE_CONTENT)
    server = Preview(config_file, tmp / "preview-site")
    yield server, tmp, content
    server.config().plugins.on_shutdown()  # MkDocs shares plugin instances in a process


@pytest.mark.parametrize("what, change", PREVIEW_EDITS, ids=[e[0] for e in PREVIEW_EDITS])
def test_after_each_edit_the_preview_is_a_fresh_build(preview, what, change):
    server, tmp, content = preview
    change(server.config_file.parent, content)
    stats = server.rebuild()
    fresh = fresh_build(server.config_file, tmp / f"fresh-{what.replace(' ', '-')}")
    assert_same_site(server.site_dir, fresh)
    if what == "school summary":
        assert stats.pages - stats.reused <= 3  # the school; its page in no list changed
        assert server.plugin.render_memo.renders == 1  # only its Markdown was made anew
