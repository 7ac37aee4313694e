"""Two engines, one site: MkDocs 1.6 and ProperDocs 1.6 (swvsite.engine.choice).

The fixture project is built by `swvsite build` under each engine
(SWVSITE_ENGINE) and by each engine's own command with the swvsite plugin;
the sites must be the same file by file, except for the generator tag that
names the engine. A broken link must fail the strict build under each."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import ENV, FIXTURES, SWVSITE, make_project, run_engine, site_files

ENGINES = ("mkdocs", "properdocs")
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def engine_env(name: str) -> dict:
    return {**ENV, "SWVSITE_ENGINE": name}


def generators(files: dict[str, bytes]) -> set[bytes]:
    return {match.group(1) for data in files.values() for match in GENERATOR.finditer(data)}


def without_generator(data: bytes) -> bytes:
    return GENERATOR.sub(b'<meta name="generator" content="">', data)


def assert_same_but_generator(a: dict[str, bytes], b: dict[str, bytes]) -> None:
    assert sorted(a) == sorted(b), sorted(set(a) ^ set(b))[:10]
    differing = [name for name in a if without_generator(a[name]) != without_generator(b[name])]
    assert not differing, differing[:10]


def assert_engines(files: dict[str, bytes], mkdocs_site: dict[str, bytes]) -> None:
    """`files` were built by ProperDocs, `mkdocs_site` by MkDocs: every HTML page
    says so, and nothing else differs."""
    assert generators(mkdocs_site) == {b"mkdocs-1.6.1, mkdocs-material-9.8.1"}
    assert generators(files) == {b"mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1"}
    assert_same_but_generator(files, mkdocs_site)


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project", FIXTURES / "minimal")


def swvsite_build(config: Path, site: Path, engine: str, *extra: str):
    """`swvsite build` with SWVSITE_ENGINE=engine."""
    return subprocess.run([*SWVSITE, "build", "-f", str(config), "--site-dir", str(site), *extra],
                          cwd=config.parent, env=engine_env(engine), capture_output=True,
                          text=True, timeout=600)


def test_swvsite_build_makes_the_same_site_under_both_engines(tmp_path, project):
    """Also through the page cache: a cache filled under MkDocs gives ProperDocs
    no page (every page carries the engine in its generator tag)."""
    sites = {}
    for engine in ENGINES:
        result = swvsite_build(project, tmp_path / engine, engine)
        assert result.returncode == 0, result.stderr
        assert "pagina's waren niet veranderd" not in result.stdout
        sites[engine] = site_files(tmp_path / engine)
    assert len([name for name in sites["mkdocs"] if name.endswith(".html")]) > 10
    assert_engines(sites["properdocs"], sites["mkdocs"])
    again = swvsite_build(project, tmp_path / "again", "properdocs")
    assert "pagina's waren niet veranderd" in again.stdout
    assert site_files(tmp_path / "again") == sites["properdocs"]


def test_each_engines_own_command_builds_the_site_swvsite_builds(tmp_path, project):
    sites = {}
    for engine in ENGINES:
        result = run_engine("build", "--strict", "-q", "-f", str(project), "-d",
                            str(tmp_path / engine), engine_name=engine, cwd=project.parent,
                            env=engine_env(engine))
        assert result.returncode == 0, result.stderr
        sites[engine] = site_files(tmp_path / engine)
    assert_engines(sites["properdocs"], sites["mkdocs"])
    ours = swvsite_build(project, tmp_path / "swvsite", "mkdocs", "--zonder-cache")
    assert ours.returncode == 0, ours.stderr
    assert site_files(tmp_path / "swvsite") == sites["mkdocs"]


def with_broken_link(project: Path) -> None:
    """A link to an anchor that is not on the page: only the engine finds it
    (swvsite check already refuses a link to a page that does not exist)."""
    page = project.parent / "docs" / "contact.md"
    text = page.read_text(encoding="utf-8")
    page.unlink()  # a link to the repo's page: this project gets its own copy
    page.write_text(text + "\n\n[kapot](contact.md#bestaat-niet)\n", encoding="utf-8")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_broken_link_fails_the_build_under_each_engine(tmp_path, project, engine):
    with_broken_link(project)
    site = tmp_path / "site"
    for jobs in ("1", "2"):
        failed = swvsite_build(project, site, engine, "--processen", jobs)
        assert failed.returncode == 1, (failed.stdout, failed.stderr)
        assert "contact.md#bestaat-niet" in failed.stderr
        assert "De site is niet gebouwd: 1 waarschuwing" in failed.stderr
        assert not site.exists()
    # Not with -q: both engines then drop warnings before their strict counter sees them.
    own = run_engine("build", "--strict", "-f", str(project), "-d", str(site),
                     engine_name=engine, cwd=project.parent, env=engine_env(engine))
    assert own.returncode == 1 and "contact.md#bestaat-niet" in own.stderr


def test_an_unknown_engine_is_refused_in_dutch(tmp_path, project):
    result = swvsite_build(project, tmp_path / "site", "zensical")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "SWVSITE_ENGINE='zensical' is geen bekende bouwer; kies uit mkdocs, properdocs" \
        in result.stderr
    assert not (tmp_path / "site").exists()
