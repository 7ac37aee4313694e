"""Shared fixtures: real content folders and real `swvsite`/MkDocs builds."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings

from swvsite.engine import choice  # before anything imports MkDocs: it picks the engine

# Property tests judge results, never speed: on a loaded machine a first example
# can take longer than Hypothesis' default deadline (timings live in benchmarks/).
settings.register_profile("swvsite", deadline=None)
settings.load_profile("swvsite")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SWVSITE = [sys.executable, "-m", "swvsite"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run_swvsite(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([*SWVSITE, *args], cwd=cwd, env=ENV, capture_output=True,
                          text=True, timeout=600)


def run_engine(*args: str, cwd: Path = ROOT, engine_name: str | None = None,
               env: dict | None = None) -> subprocess.CompletedProcess:
    """The engine's own command: `python -m mkdocs ...`, or `python -m properdocs ...`
    under SWVSITE_ENGINE=properdocs (swvsite.engine.choice); `engine_name` picks one."""
    return subprocess.run([*choice.command(engine_name or choice.active()), *args], cwd=cwd,
                          env=env or ENV, capture_output=True, text=True, timeout=600)


# The generator's own test site: mkdocs.yml (the repo's plugins and Markdown
# extensions), hand-written docs/ and content/ that covers every record type and
# every field. The tests never read the demo content in content/ or the demo's docs/.
FIXTURE_SITE = FIXTURES / "site"
FIXTURE_CONTENT = FIXTURE_SITE / "content"

# Hand-written pages of the test site that link to records only its own content
# has; a project with other content gets tests/fixtures/docs/index.md instead.
FIXTURE_ONLY_PAGES = {"index.md", "ouders.md", "professionals.md"}


def make_project(where: Path, content: Path) -> Path:
    """A project folder with the test site's mkdocs.yml and hand-written pages, the
    repo's theme overrides and macros, and another content folder. Returns its mkdocs.yml.

    With other content than the test site's own, pages that link to its records
    are left out (and out of the nav); tests/fixtures/docs/ supplies a start page
    that works with any content."""
    where.mkdir(parents=True, exist_ok=True)
    for name in ("overrides", "macros"):
        (where / name).symlink_to(ROOT / name)
    docs = where / "docs"
    if Path(content).resolve() == FIXTURE_CONTENT.resolve():
        docs.symlink_to(FIXTURE_SITE / "docs")
    else:
        docs.mkdir()
        for entry in (FIXTURE_SITE / "docs").iterdir():
            if entry.name not in FIXTURE_ONLY_PAGES:
                (docs / entry.name).symlink_to(entry)
        for entry in (FIXTURES / "docs").iterdir():
            (docs / entry.name).symlink_to(entry)
    config = (FIXTURE_SITE / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("content_dir: content", f"content_dir: {content}")
    config = "\n".join(line for line in config.splitlines()
                       if not _nav_entry_missing(line, docs)) + "\n"
    (where / "mkdocs.yml").write_text(config, encoding="utf-8")
    return where / "mkdocs.yml"


def _nav_entry_missing(line: str, docs: Path) -> bool:
    match = re.match(r"^\s+- [^:]+: (\S+\.md)$", line)
    return bool(match) and not (docs / match.group(1)).exists()


def copy_content(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def site_files(root: Path) -> dict[str, bytes]:
    """Every file of a built site; gzip files by their content (their header
    names the folder they were written in)."""
    files = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            files[path.relative_to(root).as_posix()] = data
    return files


class BuiltSite:
    """A built site folder with helpers to read its pages as parsed HTML."""

    def __init__(self, root: Path, result: subprocess.CompletedProcess):
        self.root = root
        self.result = result

    def path(self, url: str) -> Path:
        url = url.strip("/")
        return self.root / url / "index.html" if url else self.root / "index.html"

    def page(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(url).read_text(encoding="utf-8"), "html.parser")

    def article(self, url: str):
        return self.page(url).select_one("article.md-content__inner")

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


def build(tmp: Path, content: Path) -> BuiltSite:
    config = make_project(tmp / "project", content)
    site_dir = tmp / "site"
    result = run_swvsite("build", "-f", str(config), "--site-dir", str(site_dir), cwd=tmp)
    return BuiltSite(site_dir, result)


@pytest.fixture
def minimal_content(tmp_path: Path) -> Path:
    """A writable copy of the smallest valid content: one record of every type."""
    return copy_content(FIXTURES / "minimal", tmp_path / "content")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> BuiltSite:
    """The test site (tests/fixtures/site/), built once for the whole session."""
    site = build(tmp_path_factory.mktemp("fixture-site"), FIXTURE_CONTENT)
    assert site.result.returncode == 0, site.result.stderr
    return site


# A swvsite run with one of the validator's checks switched off (the first
# argument names it), to test what the render path does on its own.
UNVALIDATED_SWVSITE = (
    "import sys, swvsite.content.validate as v\n"
    "setattr(v.Validator, sys.argv.pop(1), lambda *args: None)\n"
    "from swvsite.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def build_with_check_off(check: str, tmp: Path, content: Path) -> BuiltSite:
    """Like `build`, but with the validator's `check` method switched off."""
    config = make_project(tmp / "project", content)
    site_dir = tmp / "site"
    result = subprocess.run(
        [sys.executable, "-c", UNVALIDATED_SWVSITE, check, "build", "-f", str(config),
         "--site-dir", str(site_dir)],
        cwd=tmp, env=ENV, capture_output=True, text=True, timeout=600)
    return BuiltSite(site_dir, result)


def build_without_html_check(tmp: Path, content: Path) -> BuiltSite:
    """Plain-text fields refuse HTML tags (swvsite check says so); behind that
    check the text must still be inert, which this build shows."""
    return build_with_check_off("_check_plain_text", tmp, content)
