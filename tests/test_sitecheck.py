"""`swvsite check-site`: every check finds what it is for, through the CLI, on a
built fixture site (tests/fixtures/minimal) with one mistake planted in a copy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, make_project, run_swvsite

VOORZIENING = "voorzieningen/opdc-test/index.html"
PROCEDURE = "procedures/tlv-aanvragen/index.html"
OWN = "https://testsite.swvsite.example"   # site_url of the test site's mkdocs.yml


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The minimal fixture content, built once; returns its mkdocs.yml."""
    config = make_project(tmp_path_factory.mktemp("sitecheck") / "project", FIXTURES / "minimal")
    result = run_swvsite("build", "-f", str(config))
    assert result.returncode == 0, result.stderr
    return config


@pytest.fixture
def site(built, tmp_path) -> Path:
    """A writable copy of the built fixture site."""
    return Path(shutil.copytree(built.parent / "site", tmp_path / "site"))


def check_site(built: Path, site: Path, *extra: str):
    return run_swvsite("check-site", "-f", str(built), "--site-dir", str(site), *extra)


def plant(site: Path, page: str, html: str, before: str = "</article>") -> None:
    path = site / page
    text = path.read_text(encoding="utf-8")
    assert before in text
    path.write_text(text.replace(before, html + before, 1), encoding="utf-8")


def findings(result) -> list[str]:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("- ")]


def test_a_built_fixture_site_is_clean(built, site):
    result = check_site(built, site)
    assert result.returncode == 0, result.stderr
    assert "De gebouwde site is in orde" in result.stdout


def test_without_a_built_site_it_says_to_build_first(built, tmp_path):
    result = check_site(built, tmp_path / "nog-niet-gebouwd")
    assert result.returncode == 2
    assert "bouw eerst met 'swvsite build'" in result.stderr


def test_a_broken_link_names_the_page_and_the_link(built, site):
    plant(site, VOORZIENING, '<p><a href="../bestaat-niet/">weg</a></p>')
    [finding] = findings(check_site(built, site))
    assert finding.startswith("- /voorzieningen/opdc-test/:")
    assert "'../bestaat-niet/'" in finding and "niet bestaat" in finding
    assert "Verbeter de link" in finding


def test_a_broken_anchor_is_found_on_the_target_page(built, site):
    plant(site, VOORZIENING, '<p><a href="../../procedures/tlv-aanvragen/#stap-9">stap 9</a>'
                             f'<a href="{OWN}/procedures/tlv-aanvragen/#stap-2">stap 2</a>'
                             '<a href="#nergens">hier</a></p>')
    found = findings(check_site(built, site))
    assert len(found) == 2, found
    assert any("#stap-9" in f and "anker" in f for f in found)
    assert any("'#nergens'" in f for f in found)


def test_a_missing_step_anchor_and_vraag_anchor_are_named(built, site):
    path = site / PROCEDURE
    path.write_text(path.read_text(encoding="utf-8").replace('id="stap-2"', 'id="stap-twee"'),
                    encoding="utf-8")
    thema = site / "vragen/algemeen/index.html"
    thema.write_text(thema.read_text(encoding="utf-8").replace('id="wat-is-een-tlv"', ""),
                     encoding="utf-8")
    found = findings(check_site(built, site))
    assert any(f.startswith("- /procedures/tlv-aanvragen/#stap-2: stap 2 uit ") for f in found)
    assert any(f.startswith("- /vragen/algemeen/#wat-is-een-tlv: de vraag 'wat-is-een-tlv'")
               for f in found)


@pytest.mark.parametrize("html, what", [
    ('<script src="https://cdn.example.net/track.js"></script>', "<script src>"),
    ('<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto">',
     '<link rel="stylesheet">'),
    ('<img alt="" src="//plaatjes.example.org/a.png">', "<img src>"),
    ('<p style="background: url(https://plaatjes.example.org/b.png)">x</p>', "CSS url()"),
    ('<iframe title="kaart" src="https://maps.example.com/embed"></iframe>', "<iframe src>"),
    ('<form action="https://formulier.example.com/verstuur"></form>', "<form action>"),
], ids=["script", "stylesheet", "image", "inline-css", "iframe", "form"])
def test_a_third_party_request_in_a_page_is_found(built, site, html, what):
    plant(site, VOORZIENING, html)
    [finding] = findings(check_site(built, site))
    assert finding.startswith("- /voorzieningen/opdc-test/:")
    assert what in finding and "andere website" in finding


def test_a_third_party_font_in_a_stylesheet_is_found(built, site):
    css = site / "assets/stylesheets/swvsite.min.css"
    css.write_text(css.read_text(encoding="utf-8") + "@font-face{font-family:X;src:url("
                   "'https://fonts.gstatic.com/s/x.woff2')}", encoding="utf-8")
    [finding] = findings(check_site(built, site))
    assert finding.startswith("- /assets/stylesheets/swvsite.min.css:")
    assert "https://fonts.gstatic.com/s/x.woff2" in finding


def test_the_own_host_is_not_a_third_party(built, site):
    plant(site, VOORZIENING, f'<img alt="" src="{OWN}/assets/images/favicon.png">'
                             f'<a href="{OWN}/documenten/folder.pdf">folder</a>')
    assert (site / "assets/images/favicon.png").is_file()
    result = check_site(built, site)
    assert result.returncode == 0, result.stderr


def test_a_record_page_missing_from_the_site_is_named_with_its_file(built, site):
    shutil.rmtree(site / "voorzieningen/opdc-test")
    found = findings(check_site(built, site))
    assert any(f.startswith("- /voorzieningen/opdc-test/: de pagina van ") and
               "opdc-test.yml ontbreekt" in f for f in found), found


def test_a_page_missing_from_the_search_index_is_found(built, site):
    for block in (site / "zoeken/index").glob("d-*.json"):
        data = json.loads(block.read_text(encoding="utf-8"))
        data = [d for d in data if not d[0].startswith("voorzieningen/opdc-test/")]
        block.write_text(json.dumps(data), encoding="utf-8")
    found = findings(check_site(built, site))
    [finding] = found
    assert finding.startswith("- /voorzieningen/opdc-test/: de pagina van ")
    assert "opdc-test.yml staat niet in de zoekindex" in finding


def test_an_unreadable_search_index_is_found(built, site):
    (site / "zoeken/index/manifest.json").unlink()
    [finding] = findings(check_site(built, site))
    assert finding.startswith("- /zoeken/index/manifest.json: de zoekindex ontbreekt")


def test_axe_finds_an_inaccessible_page_and_nothing_on_the_others(built, site):
    shutil.copytree(FIXTURES / "inaccessible", site / "ontoegankelijk")
    found = findings(check_site(built, site, "--browser"))
    axe = [f for f in found if "toegankelijkheid (axe" in f]
    assert {f.split(":")[0] for f in axe} == {"- /ontoegankelijk/"}, axe
    rules = " ".join(axe)
    assert "color-contrast" in rules and "image-alt" in rules
    assert "dequeuniversity.com/rules/axe/" in rules
    # The planted page is not in the search index either; nothing else is wrong.
    assert set(found) - set(axe) == {
        "- /ontoegankelijk/: de pagina staat niet in de zoekindex en is dus niet te vinden met "
        "Zoeken. Bouw de site opnieuw met 'swvsite build'; blijft het zo, meld het aan een "
        "ontwikkelaar"}
