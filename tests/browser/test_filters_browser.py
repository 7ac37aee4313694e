"""Filterable overviews in Chromium: instant filtering with JavaScript (and the
count announced in a status region), plain lists and facet pages without it; the
choice in the address, and broader choices instead of a dead end."""

from __future__ import annotations

from swvsite.content import model as m
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


# ---------------------------------------------- no dead ends, state in the URL --

def _school_values(s):
    return {"gemeente": m.slugify(s["gemeente"]),
            "soort": {k for e in s["extra_ondersteuning"] if e for k in e["soort"]}}


def _schools_matching(content, gemeente=None, soort=None):
    return [s for s in content.scholen.values()
            if (gemeente is None or _school_values(s)["gemeente"] == gemeente)
            and (soort is None or soort in _school_values(s)["soort"])]


def _zero_combination(content):
    """A gemeente and a soort of support that each have schools, but not together."""
    gemeenten = sorted({_school_values(s)["gemeente"] for s in content.scholen.values()})
    soorten = sorted({k for s in content.scholen.values() for k in _school_values(s)["soort"]})
    for gemeente in gemeenten:
        for soort in soorten:
            if not _schools_matching(content, gemeente, soort):
                return gemeente, soort
    raise AssertionError("the test content has no gemeente/soort pair without schools")


def test_zero_results_offer_the_nearest_broader_choice_and_the_steunpunt(site, page):
    content = load_site(FIXTURE_CONTENT)
    gemeente, soort = _zero_combination(content)
    page.goto(site.url("/scholen/"))
    empty = page.locator("#leeg-scholen")
    assert not empty.is_visible()
    page.select_option("#filter-scholen-gemeente", gemeente)
    page.select_option("#filter-scholen-soort", soort)
    assert page.locator(".swv-filter-telling").inner_text() == "Geen scholen gevonden."
    assert empty.is_visible()
    phone = content.organisatie["contact"]["telefoon"]
    assert empty.locator("a[href^='tel:']").inner_text() == phone
    assert empty.locator("a[href$='contact/']").count() == 1
    # One button per chosen filter, most results first, each with its count.
    without_gemeente = len(_schools_matching(content, soort=soort))
    without_soort = len(_schools_matching(content, gemeente=gemeente))
    expected = sorted([(without_gemeente, "Gemeente"), (without_soort, "Extra ondersteuning")],
                      reverse=True)
    buttons = empty.locator("button")
    texts = buttons.all_inner_texts()
    assert len(texts) == 2, texts
    for text, (count, label) in zip(texts, expected, strict=True):
        assert label in text and text.endswith(f": {count} " + ("school" if count == 1
                                                                 else "scholen")), text
    buttons.first.click()
    assert len(visible_links(page, "lijst-scholen")) == expected[0][0]
    assert not empty.is_visible()
    # Back goes to the empty choice, reload keeps it.
    page.go_back()
    page.wait_for_function("() => document.querySelector('.swv-filter-telling').textContent"
                           " === 'Geen scholen gevonden.'")
    assert page.input_value("#filter-scholen-gemeente") == gemeente
    assert page.input_value("#filter-scholen-soort") == soort
    page.reload()
    assert page.input_value("#filter-scholen-gemeente") == gemeente
    assert page.input_value("#filter-scholen-soort") == soort
    assert empty.is_visible()


def test_filter_choice_is_in_the_address(site, page):
    content = load_site(FIXTURE_CONTENT)
    page.goto(site.url("/scholen/"))
    page.select_option("#filter-scholen-gemeente", "tilburg")
    assert page.url.endswith("/scholen/?gemeente=tilburg")
    page.select_option("#filter-scholen-gemeente", "")
    assert page.url.endswith("/scholen/")
    # A shared address with an unknown value shows everything, not an error.
    page.goto(site.url("/scholen/?gemeente=atlantis&soort=autisme"))
    assert page.input_value("#filter-scholen-gemeente") == ""
    assert page.input_value("#filter-scholen-soort") == "autisme"
    page.goto(site.url("/voorzieningen/?leeftijd=14&tlv=niet-nodig"))
    expected = sorted(
        f"{v.id}/" for v in content.voorzieningen.values()
        if v["leeftijd"] and v["leeftijd"]["van"] <= 14 <= v["leeftijd"]["tot"]
        and not v["tlv_nodig"])
    assert sorted(visible_links(page, "lijst-voorzieningen")) == expected
