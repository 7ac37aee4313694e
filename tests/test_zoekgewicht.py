"""A hand-written page's `search:` front matter (`boost`, `exclude`, as
Material documents them) reaches the site's own index through the built HTML,
on both build paths; a value that is not one is a Dutch problem with file,
line and field in `swvsite check`, and stops the build."""

from __future__ import annotations

import subprocess
import sys

import pytest

from swvsite.pages import zoekindex as z

from conftest import ENV, ROOT, make_project, run_swvsite

BAD = "---\nsearch:\n  boost: veel\n---\n\n# Extra\n\nTekst.\n"


def test_page_attributes_carry_boost_and_exclude():
    assert z.page_attributes({"boost": 3}) == {z.WEIGHT_ATTRIBUTE: "3"}
    assert z.page_attributes({"exclude": True}) == {z.EXCLUDE_ATTRIBUTE: "true"}
    assert z.page_attributes(None) == {}
    for wrong in ({"boost": "veel"}, {"boost": 0}, {"boost": True}, "boost"):
        with pytest.raises(ValueError):
            z.page_attributes(wrong)


def _staged(config, site_dir) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "swvsite.engine.staged", "-f", str(config),
                           "--site-dir", str(site_dir)], cwd=ROOT, env=ENV,
                          capture_output=True, text=True, timeout=600)


def test_swvsite_check_names_file_line_and_field(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    (config.parent / "docs" / "extra.md").write_text(BAD, encoding="utf-8")
    result = run_swvsite("check", "-f", str(config))
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "docs/extra.md, regel 3, veld 'search'" in output, output
    assert "'search: boost' moet een getal groter dan 0 zijn, niet 'veel'" in output


@pytest.mark.parametrize("path", ["build", "staged"])
def test_a_wrong_boost_names_the_page_in_dutch(tmp_path, minimal_content, path):
    config = make_project(tmp_path / "project", minimal_content)
    (config.parent / "docs" / "extra.md").write_text(BAD, encoding="utf-8")
    site_dir = tmp_path / "site"
    if path == "build":
        result = run_swvsite("build", "-f", str(config), "--site-dir", str(site_dir))
    else:
        result = _staged(config, site_dir)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "docs/extra.md" in output
    assert "'search: boost' moet een getal groter dan 0 zijn, niet 'veel'" in output
