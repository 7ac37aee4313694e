"""Filterable overviews in Chromium: instant filtering with JavaScript (and the
count announced in a status region), plain lists and facet pages without it."""

from __future__ import annotations

from swvsite.content.load import load_site

from conftest import FIXTURE_CONTENT


def visible_links(page, list_id):
    return page.eval_on_selector_all(
        f"#{list_id} li", "items => items.filter(i => !i.hidden && i.offsetParent !== null)"
        ".map(i => i.querySelector('a').getAttribute('href'))")


def test_schools_filter_by_gemeente_and_support(site, page):
    content = load_site(FIXTURE_CONTENT)
    page.goto(site.url("/scholen/"))
    form = page.locator("form.swv-filter")
    assert form.is_visible()
    status = page.locator(".swv-filter-telling")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == f"{len(content.scholen)} scholen gevonden."
    page.select_option("#filter-scholen-gemeente", "tilburg")
    page.select_option("#filter-scholen-soort", "autisme")
    expected = sorted(
        f"{s.id}/" for s in content.scholen.values()
        if s["gemeente"] == "Tilburg"
        and any("autisme" in e["soort"] for e in s["extra_ondersteuning"]))
    assert expected
    assert sorted(visible_links(page, "lijst-scholen")) == expected
    count = len(expected)
    assert status.inner_text() == (f"{count} school gevonden." if count == 1
                                   else f"{count} scholen gevonden.")
    # Empty gemeente groups disappear with their heading.
    assert not page.locator("#lijst-scholen .swv-groep:has(h2:text('Goirle'))").is_visible()


def test_voorzieningen_filter_by_age_and_tlv(site, page):
    content = load_site(FIXTURE_CONTENT)
    page.goto(site.url("/voorzieningen/"))
    page.fill("#filter-voorzieningen-leeftijd", "14")
    page.select_option("#filter-voorzieningen-tlv", "niet-nodig")
    expected = sorted(
        f"{v.id}/" for v in content.voorzieningen.values()
        if v["leeftijd"] and v["leeftijd"]["van"] <= 14 <= v["leeftijd"]["tot"]
        and not v["tlv_nodig"])
    assert expected
    assert sorted(visible_links(page, "lijst-voorzieningen")) == expected


def test_without_javascript_the_list_and_facet_pages_work(site, browser):
    content = load_site(FIXTURE_CONTENT)
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url("/scholen/"))
        assert not page.locator("form.swv-filter").is_visible()
        assert len(visible_links(page, "lijst-scholen")) == len(content.scholen)
        page.locator("details.swv-facetten summary").click()
        page.locator("details.swv-facetten a", has_text="Autisme").click()
        page.wait_for_url("**/scholen/filter/soort-autisme/")
        names = page.locator("article li a").all_inner_texts()
        expected = {s["naam"] for s in content.scholen.values()
                    if any("autisme" in e["soort"] for e in s["extra_ondersteuning"])}
        assert set(names) == expected
    finally:
        context.close()
