"""Filterable overviews, as HTML: every item carries its facet values, the form
waits for JavaScript, and every facet value has its own page for readers
without it. (Behaviour in a browser: tests/browser/test_filters_browser.py.)"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from swvsite.content import model as m
from swvsite.content.load import load_site
from swvsite.pages import bundle, filters

from conftest import FIXTURE_CONTENT


@pytest.fixture(scope="module")
def content():
    return load_site(FIXTURE_CONTENT)


def test_school_items_carry_their_facets(fixture_site, content):
    items = fixture_site.article("scholen").select("#lijst-scholen li[data-gemeente]")
    assert len(items) == len(content.scholen)
    by_href = {li.find("a")["href"]: li for li in items}
    for school in content.scholen.values():
        li = by_href[f"{school.id}/"]
        assert li["data-gemeente"] == m.slugify(school["gemeente"])
        assert set(li["data-niveau"].split()) == set(school["niveaus"])
        soorten = {k for e in school["extra_ondersteuning"] for k in e["soort"]}
        assert set(li["data-soort"].split()) == soorten


def test_voorziening_items_carry_their_facets(fixture_site, content):
    items = fixture_site.article("voorzieningen").select("#lijst-voorzieningen li[data-type]")
    assert len(items) == len(content.voorzieningen)
    for li in items:
        record = content.voorzieningen[li.find("a")["href"].strip("/")]
        assert li["data-tlv"] == ("nodig" if record["tlv_nodig"] else "niet-nodig")
        leeftijd = record["leeftijd"]
        if leeftijd:
            assert li["data-leeftijd"] == f"{leeftijd['van']}-{leeftijd['tot']}"
        else:  # leeftijd is optional: no age facet, so an age filter does not hide it
            assert not li.get("data-leeftijd")
    assert any(not content.voorzieningen[li.find("a")["href"].strip("/")]["leeftijd"]
               for li in items), "the test site has a voorziening without leeftijd"


def test_form_is_hidden_until_the_script_runs_and_labels_every_field(fixture_site):
    for url in ("scholen", "voorzieningen"):
        page = fixture_site.page(url)
        form = page.select_one("form.swv-filter")
        assert form.has_attr("hidden")
        for field in form.select("select, input"):
            assert page.find("label", attrs={"for": field["id"]}) is not None
        assert form.select_one("[role=status][aria-live=polite]") is not None
        scripts = [s.get("src", "") for s in page.find_all("script")]
        assert any(s.endswith(bundle.SCRIPT) for s in scripts)


def test_every_facet_value_has_a_page_listing_exactly_its_records(fixture_site, content):
    checked = 0
    for folder, facets, items in (
        ("scholen", filters.school_facets(content), filters.school_items(content)),
        ("voorzieningen", filters.voorziening_facets(content), filters.voorziening_items(content)),
    ):
        overview = fixture_site.article(folder)
        for facet in facets:
            if folder == "scholen" and facet.key == "gemeente":
                continue
            for value in facet.options:
                url = f"{folder}/filter/{facet.key}-{value}/"
                assert overview.find("a", href=f"filter/{facet.key}-{value}/"), url
                page = fixture_site.article(url)
                linked = {urljoin("/" + url, a["href"]) for a in page.select("li a")}
                expected = {f"/{folder}/{i.record.id}/" for i in items
                            if value in i.values[facet.key]}
                assert linked == expected, url
                checked += 1
    assert checked > 15
