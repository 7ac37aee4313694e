"""The staged build (swvsite.engine.staged): swvsite's pages as Markdown, a plain engine
build without our plugins, a post-pass over the HTML (swvsite.engine.postpass). It must
make the site the plugin build makes, under each engine, file by file.

The sitemap can only come out in another order: the engine lists pages in the
order it finds their files, and in the staged build the record pages are
ordinary files among the others (the plugin adds them after docs/). It is
compared by its <url> entries; every other file (the search index under
zoeken/index/ too) byte for byte."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_engines import ENGINES, engine_env, site_files, swvsite_build, with_broken_link

from conftest import make_project

STAGED = [sys.executable, "-m", "swvsite.engine.staged"]
REORDERED = {"sitemap.xml", "sitemap.xml.gz"}


def staged_build(config: Path, site: Path, engine: str, keep: Path | None = None):
    extra = ["--keep", str(keep)] if keep else []
    return subprocess.run([*STAGED, "-f", str(config), "--site-dir", str(site), *extra],
                          cwd=config.parent, env=engine_env(engine), capture_output=True,
                          text=True, timeout=600)


def sitemap_urls(data: bytes) -> list[bytes]:
    return sorted(re.findall(rb"<url>.*?</url>", data, re.S))


def assert_same_site(staged: dict[str, bytes], plugin: dict[str, bytes]) -> None:
    assert sorted(staged) == sorted(plugin), sorted(set(staged) ^ set(plugin))[:10]
    differing = [name for name in plugin
                 if name not in REORDERED and staged[name] != plugin[name]]
    assert not differing, differing[:10]
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        assert sitemap_urls(staged[name]) == sitemap_urls(plugin[name])
        assert len(sitemap_urls(plugin[name])) > 10


@pytest.fixture
def project(tmp_path, minimal_content) -> Path:
    """The minimal fixture with an old address, so there is a redirect page."""
    procedure = minimal_content / "procedures" / "tlv-aanvragen.yml"
    procedure.write_text(procedure.read_text(encoding="utf-8") + "oude_ids:\n  - tlv-oud\n",
                         encoding="utf-8")
    return make_project(tmp_path / "project", minimal_content)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_staged_build_makes_the_site_the_plugin_build_makes(tmp_path, project, engine):
    plugin_build = swvsite_build(project, tmp_path / "plugin", engine, "--zonder-cache")
    assert plugin_build.returncode == 0, plugin_build.stderr
    staged = staged_build(project, tmp_path / "staged", engine, keep=tmp_path / "work")
    assert staged.returncode == 0, staged.stderr
    assert f"gefaseerd, met {engine}" in staged.stdout

    # The engine built a plain folder: no plugin of ours, record pages as files.
    plain = yaml.safe_load((tmp_path / "work/staged/mkdocs.yml").read_text(encoding="utf-8"))
    assert [next(iter(p)) if isinstance(p, dict) else p for p in plain["plugins"]] == []
    assert (tmp_path / "work/staged/docs/procedures/tlv-aanvragen.md").is_file()
    assert "{{" not in (tmp_path / "work/staged/docs/contact.md").read_text(encoding="utf-8")

    files = site_files(tmp_path / "staged")
    assert_same_site(files, site_files(tmp_path / "plugin"))
    # What only the post-pass adds is there (and so was compared above).
    page = files["procedures/tlv-aanvragen/index.html"].decode()
    assert 'http-equiv="Content-Security-Policy"' in page and "application/ld+json" in page
    assert 'property="og:title" content="Een TLV aanvragen"' in page
    assert "tlv-aanvragen" in files["procedures/tlv-oud/index.html"].decode()
    assert "sha256-" in files["_headers"].decode()
    assert "procedures/tlv-aanvragen/" in files["zoeken/index/d-0.json"].decode()


@pytest.mark.parametrize("engine", ENGINES)
def test_a_broken_link_fails_the_staged_build(tmp_path, project, engine):
    """The engine's strict build of the staged folder finds it (an anchor only the
    engine checks) and the staged build stops."""
    with_broken_link(project)
    failed = staged_build(project, tmp_path / "site", engine)
    assert failed.returncode == 1
    assert "contact.md#bestaat-niet" in failed.stderr
    assert f"De site is niet gebouwd ({engine} stopte met code 1)" in failed.stderr


def test_a_content_error_stops_the_staged_build_with_its_dutch_message(tmp_path, project,
                                                                       minimal_content):
    procedure = minimal_content / "procedures" / "thuiszitten.yml"
    procedure.write_text("titel: [\n", encoding="utf-8")
    failed = staged_build(project, tmp_path / "site", "mkdocs")
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert "thuiszitten.yml" in failed.stderr and "De site is niet gebouwd" in failed.stderr
    assert not (tmp_path / "site").exists()

