"""The demo content in content/, checked only through properties that hold for any
valid content: what an SWV's own content must satisfy before it is published.

Staff change content/; nothing here names a record, counts pages or expects a
text, so any valid edit keeps these tests green, and the publishing pipelines gate
on the same three commands (`make check`, `make build`, `make sitecheck`).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from test_lists import assert_every_markdown_field_has_its_lists

from conftest import ENV, ROOT, SWVSITE, BuiltSite, run_swvsite


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory) -> BuiltSite:
    """`swvsite build` (always strict) of the repo's project, content/ and docs/ as
    they are, into a folder of the test's own."""
    tmp = tmp_path_factory.mktemp("demo")
    project = tmp / "project"
    project.mkdir()
    for name in ("content", "docs", "overrides", "macros"):
        (project / name).symlink_to(ROOT / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    result = run_swvsite("build", "-f", str(project / "mkdocs.yml"), "--site-dir",
                         str(tmp / "site"), cwd=project)
    return BuiltSite(tmp / "site", result)


def test_swvsite_check_accepts_the_content():
    result = run_swvsite("check", "-f", str(ROOT / "mkdocs.yml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "De inhoud is in orde" in result.stdout


def test_the_strict_build_succeeds(demo_site):
    """demo_site is `swvsite build` (always strict) of content/ into a fresh folder."""
    assert demo_site.result.returncode == 0, demo_site.result.stderr
    assert "De site is gebouwd" in demo_site.result.stdout
    assert (demo_site.root / "index.html").is_file()


def test_the_built_site_passes_check_site_in_the_browser(demo_site):
    """Record pages and anchors, links, no third-party requests, the search index,
    and axe-core (WCAG 2.0/2.1/2.2 A+AA) in Chromium on every page."""
    config = demo_site.root.parent / "project" / "mkdocs.yml"
    # Longer than run_swvsite's limit: axe takes one to three seconds a page.
    result = subprocess.run([*SWVSITE, "check-site", "-f", str(config), "--site-dir",
                             str(demo_site.root), "--browser"], cwd=ROOT, env=ENV,
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "De gebouwde site is in orde" in result.stdout


def test_both_engines_build_the_same_site(demo_site, tmp_path):
    """ProperDocs builds the same site as MkDocs, file by file (generator tag aside):
    the second engine is a real fallback for this content (issue 18)."""
    from test_engines import assert_engines, engine_env, site_files

    assert demo_site.result.returncode == 0, demo_site.result.stderr
    config = demo_site.root.parent / "project" / "mkdocs.yml"
    properdocs_site = tmp_path / "properdocs-site"
    result = subprocess.run([*SWVSITE, "build", "-f", str(config), "--site-dir",
                             str(properdocs_site), "--zonder-cache"], cwd=config.parent,
                            env=engine_env("properdocs"), capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    assert_engines(site_files(properdocs_site), site_files(demo_site.root))


def test_every_markdown_field_renders_its_lists_as_lists():
    """A list typed directly under a line of text is a list (tests/test_lists.py)."""
    assert_every_markdown_field_has_its_lists(ROOT / "content")
