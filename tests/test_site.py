"""A full, strict build of the test site (tests/fixtures/site/), checked as HTML: every record has
its page, overviews link to all of them, anchors are stable, nothing external."""

from __future__ import annotations

import json
import re
import subprocess
from urllib.parse import urljoin, urlparse

import pytest

from swvsite.content.load import load_site

from conftest import FIXTURE_CONTENT, FIXTURE_SITE


@pytest.fixture(scope="module")
def content():
    return load_site(FIXTURE_CONTENT)


def test_build_is_strict_and_clean(fixture_site):
    assert "WARNING" not in fixture_site.result.stderr
    assert "ERROR" not in fixture_site.result.stderr


def test_every_record_has_its_page(fixture_site, content):
    for kind, records in (("voorzieningen", content.voorzieningen),
                          ("scholen", content.scholen),
                          ("procedures", content.procedures),
                          ("vragen", content.themas)):
        for record_id, record in records.items():
            article = fixture_site.article(f"{kind}/{record_id}")
            title = record.data.get("naam") or record.data.get("titel")
            assert article.find("h1").get_text().replace("¶", "") == title
            assert "Laatst gecontroleerd op" in article.get_text()


def _links(fixture_site, url: str) -> set[str]:
    base = "/" + url.strip("/") + "/"
    article = fixture_site.article(url)
    return {urlparse(urljoin(base, a["href"])).path for a in article.find_all("a", href=True)
            if not urlparse(a["href"]).scheme}


@pytest.mark.parametrize("overview, kind, attr", [
    ("voorzieningen", "voorzieningen", "voorzieningen"),
    ("scholen", "scholen", "scholen"),
    ("procedures", "procedures", "procedures"),
    ("vragen", "vragen", "themas"),
])
def test_overview_pages_link_to_every_record(fixture_site, content, overview, kind, attr):
    linked = _links(fixture_site, overview)
    for record_id in getattr(content, attr):
        assert f"/{kind}/{record_id}/" in linked, record_id


def test_record_pages_stay_out_of_the_nav(fixture_site, content):
    nav = fixture_site.page("").select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.find_all("a", href=True) if not a["href"].startswith("#")]
    assert len(hrefs) < 20
    assert not any(record_id in href for href in hrefs for record_id in content.scholen)


def test_procedure_steps_and_faqs_have_stable_anchors(fixture_site, content):
    for pid, procedure in content.procedures.items():
        article = fixture_site.article(f"procedures/{pid}")
        for number, stap in enumerate(procedure["stappen"], start=1):
            step = article.find(id=f"stap-{number}")
            assert step is not None and step.name == "li", (pid, number)
            assert step.find_parent("ol", class_="swv-stappen") is not None, (pid, number)
            heading = step.find("h3")
            assert heading is not None and stap["titel"] in heading.get_text(), (pid, number)
    for thema, vraag in content.vragen():
        heading = fixture_site.article(f"vragen/{thema.id}").find(id=vraag["id"])
        assert heading is not None and heading.get_text().startswith(vraag["vraag"])
    glossary = fixture_site.article("begrippen")
    for begrip in content.begrippen_lijst:
        assert glossary.find(id=begrip["id"]) is not None, begrip["id"]


def test_every_internal_link_and_anchor_resolves(fixture_site):
    ids_by_page = {}
    for path in fixture_site.html_files():
        url = "/" + str(path.relative_to(fixture_site.root).parent).strip(".") + "/"
        ids_by_page[url.replace("//", "/")] = path
    checked = 0
    for url in ids_by_page:
        article = fixture_site.article(url)
        if article is None:
            continue
        for a in article.find_all("a", href=True):
            href = a["href"]
            if urlparse(href).scheme or href.startswith("#") and len(href) == 1:
                continue
            target = urlparse(urljoin(url, href))
            if re.search(r"\.(xml|json|csv)$", target.path):  # feeds and data files
                assert (fixture_site.root / target.path.lstrip("/")).is_file(), f"{url} -> {href}"
                continue
            target_page = target.path if target.path.endswith("/") else target.path + "/"
            assert target_page in ids_by_page, f"{url} links to missing {href}"
            if target.fragment:
                soup = fixture_site.page(target_page)
                assert soup.find(id=target.fragment) is not None, f"{url} -> {href}"
            checked += 1
    assert checked > 300


def test_no_asset_is_loaded_from_another_host(fixture_site):
    for path in fixture_site.html_files():
        html = path.read_text(encoding="utf-8")
        from bs4 import BeautifulSoup
        soup = BeautifulSoup(html, "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"),
                          ("iframe", "src"), ("source", "src"), ("video", "src")):
            for element in soup.find_all(tag):
                value = element.get(attr)
                if value and (tag != "link" or "stylesheet" in element.get("rel", [])
                              or "preconnect" in element.get("rel", [])
                              or "icon" in element.get("rel", [])):
                    assert not urlparse(value).netloc, f"{path}: {element}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path
    for css in fixture_site.root.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?https?://", css.read_text(encoding="utf-8")), css


def test_dutch_search_with_stemming(fixture_site):
    """The site's own index: Dutch shards whose word maps give the Snowball stem."""
    index = fixture_site.root / "zoeken/index"
    assert json.loads((index / "manifest.json").read_text())["shards"]["nl"]
    words = json.loads((index / "nl/w-ou.json").read_text())
    assert words["ouders"] == "ouder"
    assert not (fixture_site.root / "search").exists()  # no lunr index any more
    assert fixture_site.page("").find("html")["lang"] == "nl"


def test_generated_pages_are_not_written_into_docs(fixture_site):
    """The build (its docs/ is a link to the test site's) writes record pages
    only into the site, never next to the hand-written pages."""
    docs = FIXTURE_SITE / "docs"
    tracked = subprocess.run(["git", "ls-files", "."], cwd=docs, capture_output=True,
                             text=True, check=True).stdout.split()
    assert tracked
    for name in (n for n in tracked if n.endswith(".md")):
        assert re.match(r"([a-z]+/)?index\.md$|[a-z]+\.md$", name), name
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()
                  ) == sorted(tracked)
    for folder in ("voorzieningen", "scholen", "procedures", "vragen"):
        assert sorted(p.name for p in (docs / folder).iterdir()) == ["index.md"]


def test_demo_banner_and_home_route(fixture_site, content):
    home = fixture_site.page("")
    assert "Dit is een voorbeeldsite" in home.get_text()
    article = fixture_site.article("")
    for number, stap in enumerate(content.organisatie["route"], start=1):
        heading = article.find(id=f"route-{number}")
        assert heading is not None and stap["titel"] in heading.get_text()


def test_sitemap_lists_every_record_page(fixture_site, content):
    sitemap = (fixture_site.root / "sitemap.xml").read_text()
    locations = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    for records in (content.voorzieningen, content.scholen, content.procedures, content.themas,
                    content.nieuws):
        for record in records.values():
            url = f"https://testsite.swvsite.example/{record.type.folder}/{record.id}/"
            assert url in locations, url
