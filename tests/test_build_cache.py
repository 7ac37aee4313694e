"""Pages reused from the page cache make exactly the site a clean build makes.

Every comparison here is between real builds: MkDocs' own `mkdocs build`,
`swvsite build` with an empty cache, with a warm cache, and after edits of every
kind of source (a record, the organisatie, the begrippen, a hand-written page,
mkdocs.yml, a theme override, a new and a removed record), each against a clean
build of the same sources, file by file and byte by byte.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURE_CONTENT, ROOT, make_project, run_engine, run_swvsite, site_files

CACHE = Path(".cache/swvsite/pages.marshal")


def assert_same_site(built: Path, reference: Path) -> None:
    a, b = site_files(built), site_files(reference)
    assert sorted(a) == sorted(b), (sorted(set(a) ^ set(b)))[:10]
    differing = [name for name in a if a[name] != b[name]]
    assert not differing, differing[:10]


def swvsite_build(config: Path, site: Path, *extra: str) -> subprocess.CompletedProcess:
    result = run_swvsite("build", "-f", str(config), "--site-dir", str(site), *extra,
                         cwd=config.parent)
    assert result.returncode == 0, result.stderr
    return result


def reused(result: subprocess.CompletedProcess) -> int:
    for line in result.stdout.splitlines():
        if "pagina's waren niet veranderd" in line:
            return int(line.split()[0])
    return 0


def own_copy(config: Path) -> Path:
    """Replace the project's links to docs (the test site's), overrides and macros
    (the repo's) with copies, so a test can edit them."""
    project = config.parent
    for name in ("docs", "overrides", "macros"):
        link = project / name
        if link.is_symlink():
            target = link.resolve()
            link.unlink()
            shutil.copytree(target, link)
        elif link.is_dir():
            for entry in list(link.iterdir()):
                if entry.is_symlink():
                    target = entry.resolve()
                    entry.unlink()
                    if target.is_dir():
                        shutil.copytree(target, entry)
                    else:
                        shutil.copy2(target, entry)
    return config


def content_for_two_processes(target: Path) -> Path:
    """The test site's content with 60 more schools (copies of one): enough pages
    for swvsite to render them in two processes (swvsite.engine.workers.MIN_PAGES_PER_PROCESS)."""
    shutil.copytree(FIXTURE_CONTENT, target)
    school = (target / "scholen/bs-de-klimop-tilburg.yml").read_text(encoding="utf-8")
    assert school.startswith("naam: ") and "\nbrin: 99PA\n" in school
    for number in range(60):
        copy = school.replace("naam: ", f"naam: Kopie {number} van ", 1).replace(
            "\nbrin: 99PA\n", f"\nbrin: {number + 10:02d}KP\n")
        (target / f"scholen/bs-kopie-{number}.yml").write_text(copy, encoding="utf-8")
    return target


def test_cached_and_parallel_builds_are_mkdocs_own_build_byte_for_byte(tmp_path):
    config = make_project(tmp_path / "project", content_for_two_processes(tmp_path / "content"))
    reference = tmp_path / "mkdocs-site"
    result = run_engine("build", "--strict", "-q", "-f", str(config), "-d", str(reference),
                        cwd=tmp_path)
    assert result.returncode == 0, result.stderr

    cold = swvsite_build(config, tmp_path / "cold", "--processen", "2")
    assert reused(cold) == 0 and (config.parent / CACHE).is_file()
    assert "door 2 processen tegelijk" in cold.stdout
    warm = swvsite_build(config, tmp_path / "warm")
    pages = len(list((tmp_path / "warm").rglob("*.html")))
    assert reused(warm) > 0.9 * pages
    one = swvsite_build(config, tmp_path / "one", "--zonder-cache", "--processen", "1")
    assert "processen" not in one.stdout

    for built in ("cold", "warm", "one"):
        assert_same_site(tmp_path / built, reference)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS = [
    # (what, how), applied one after the other to the same project.
    ("a school's summary", lambda p, c: edit(
        c / "scholen/bs-test.yml", "samenvatting: ", "samenvatting: Sinds kort ")),
    ("the organisatie's name", lambda p, c: edit(
        c / "organisatie.yml", "naam: ", "naam: Het ")),
    ("a begrip", lambda p, c: edit(c / "begrippen.yml", "uitleg: ", "uitleg: Kort gezegd ")),
    ("a hand-written page", lambda p, c: edit(
        p / "docs/contact.md", "\n", "\n\nBel ons gerust.\n")),
    ("mkdocs.yml", lambda p, c: edit(p / "mkdocs.yml", "site_description: ",
                                      "site_description: Steunpunt. ")),
    ("a theme override", lambda p, c: edit(
        p / "overrides/main.html", "<strong>Dit is een voorbeeldsite.</strong>",
        "<strong>Dit is een voorbeeldsite!</strong>")),
    ("a new voorziening", lambda p, c: (c / "voorzieningen/opdc-twee.yml").write_text(
        (c / "voorzieningen/opdc-test.yml").read_text(encoding="utf-8").replace(
            "naam: ", "naam: Tweede ", 1), encoding="utf-8")),
    ("a removed voorziening", lambda p, c: (c / "voorzieningen/opdc-twee.yml").unlink()),
]


def editable_copy(tmp: Path, source: Path) -> tuple[Path, Path]:
    """A project of its own under `tmp` with a copy of the content in `source`:
    (its mkdocs.yml, its content folder), free to edit."""
    content = tmp / "content"
    shutil.copytree(source, content)
    return own_copy(make_project(tmp / "project", content)), content


@pytest.fixture(scope="module")
def editable_project(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("edits")
    config, content = editable_copy(tmp, ROOT / "tests/fixtures/minimal")
    swvsite_build(config, tmp / "first")
    return tmp, config, content


@pytest.mark.parametrize("what, change", EDITS, ids=[e[0] for e in EDITS])
def test_after_an_edit_the_cached_build_is_the_clean_build(editable_project, what, change):
    tmp, config, content = editable_project
    change(config.parent, content)
    slug = what.replace(" ", "-").replace("'", "")
    warm = swvsite_build(config, tmp / f"warm-{slug}")
    clean = tmp / f"clean-{slug}"
    swvsite_build(config, clean, "--zonder-cache")
    assert_same_site(tmp / f"warm-{slug}", clean)
    pages = len(list(clean.rglob("*.html")))
    if what == "a school's summary":
        assert 0 < reused(warm) < pages  # the school and the pages listing it are new
    if what in ("the organisatie's name", "mkdocs.yml", "a theme override"):
        assert reused(warm) == 0  # every page shows these


def test_a_damaged_or_foreign_cache_is_ignored(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    cache = config.parent / CACHE
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"\x00not a cache")
    swvsite_build(config, tmp_path / "site")
    assert reused(swvsite_build(config, tmp_path / "again")) > 0
    swvsite_build(config, tmp_path / "clean", "--zonder-cache")
    assert_same_site(tmp_path / "again", tmp_path / "clean")


def test_a_failed_build_leaves_the_cache_as_it_was(tmp_path, minimal_content):
    config = own_copy(make_project(tmp_path / "project", minimal_content))
    swvsite_build(config, tmp_path / "site")
    cache = config.parent / CACHE
    before = cache.read_bytes()
    edit(config.parent / "docs/contact.md", "\n", "\n\n[kapot](bestaat-niet/)\n")
    failed = run_swvsite("build", "-f", str(config), "--site-dir", str(tmp_path / "site"),
                         cwd=config.parent)
    assert failed.returncode == 1
    assert cache.read_bytes() == before


def test_without_cache_nothing_is_read_or_written(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    swvsite_build(config, tmp_path / "site", "--zonder-cache")
    assert not (config.parent / CACHE).exists()


def test_an_unknown_page_plugin_turns_the_cache_off(tmp_path, minimal_content):
    """A MkDocs hook that changes pages: the cache cannot know what it does."""
    config = make_project(tmp_path / "project", minimal_content)
    (config.parent / "stempel.py").write_text(
        "def on_page_content(html, page, **kwargs):\n"
        "    return html + '<p>gestempeld</p>'\n", encoding="utf-8")
    with open(config, "a", encoding="utf-8") as stream:
        stream.write("\nhooks:\n  - stempel.py\n")
    swvsite_build(config, tmp_path / "one")
    second = swvsite_build(config, tmp_path / "two")
    assert reused(second) == 0
    assert "gestempeld" in (tmp_path / "two/contact/index.html").read_text(encoding="utf-8")


def test_an_error_in_a_page_of_another_process_fails_the_build_with_its_message(
        tmp_path):
    """Enough pages for two processes; every hand-written page has a broken link, so
    pages of both processes do (the larger pages are shared out first)."""
    content = content_for_two_processes(tmp_path / "content")
    config = own_copy(make_project(tmp_path / "project", content))
    pages = sorted((config.parent / "docs").rglob("*.md"))
    for page in pages:
        # A link MkDocs judges while it renders the page (swvsite check only knows
        # links to .md files).
        page.write_text(page.read_text(encoding="utf-8") + "\n[kapot](bestaat-niet/)\n",
                        encoding="utf-8")
    failed = run_swvsite("build", "-f", str(config), "--site-dir", str(tmp_path / "site"),
                         "--processen", "2", cwd=config.parent)
    assert failed.returncode == 1
    # Every page's warning, from both processes.
    assert failed.stderr.count("bestaat-niet/") == len(pages) > 1, failed.stderr
    assert "Traceback" not in failed.stderr
    assert not (tmp_path / "site").exists()


def test_theme_files_are_the_ones_mkdocs_finds(tmp_path, minimal_content):
    """swvsite.engine.build.add_files_from_theme skips hidden folders instead of listing
    them and filtering them out; the files are MkDocs' own, in its order."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from swvsite.engine.build import add_files_from_theme

    config_file = own_copy(make_project(tmp_path / "project", minimal_content))
    overrides = config_file.parent / "overrides"
    for name in (".hidden/x.css", "a/.b/c.js", "a/b.js", "x.py", "README.txt", "locales/nl.po",
                 "deep/er/.dot.js", "deep/er/ok.svg", "main.html", "sitemap.xml"):
        (overrides / name).parent.mkdir(parents=True, exist_ok=True)
        (overrides / name).write_text("/* */", encoding="utf-8") if name != "main.html" else None
    config = load_config(str(config_file))
    theirs = get_files(config)
    theirs.add_files_from_theme(config.theme.get_env(), config)
    ours = get_files(config)
    add_files_from_theme(ours, config)
    assert [(f.src_uri, f.abs_src_path) for f in ours] == \
        [(f.src_uri, f.abs_src_path) for f in theirs]
    assert "a/b.js" in [f.src_uri for f in ours]


def test_a_cache_that_cannot_be_written_does_not_fail_the_build(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    (config.parent / ".cache").write_text("a file where the cache folder should be")
    result = swvsite_build(config, tmp_path / "site")
    assert "De site is gebouwd" in result.stdout
