"""The search box and /zoeken/ on the test site, as a visitor uses them: type a
question in the header's box, press Enter, read the result list."""

from __future__ import annotations

from urllib.parse import urlparse


def ask(page, site, query: str, start: str = "/procedures/thuiszitten/") -> list[str]:
    page.goto(site.url(start))
    page.click("#swv-zoekvraag")
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=*")
    page.wait_for_function("() => document.getElementById('swv-zoek-status').textContent !== ''")
    hrefs = page.eval_on_selector_all(".swv-zoek-resultaten li a", "ls => ls.map(a => a.href)")
    return [urlparse(h).path + ("#" + urlparse(h).fragment if urlparse(h).fragment else "")
            for h in hrefs]


def test_a_typo_finds_the_word_and_offers_the_correction(site, page):
    results = ask(page, site, "dyslectie")
    assert any("dyslexie" in r for r in results[:3]), results
    meant = page.locator("#swv-bedoelde-u")
    assert meant.is_visible() and "Bedoelde u: dyslexie?" in meant.inner_text()
    meant.get_by_role("link", name="dyslexie").click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'dyslexie'")


def test_a_compound_finds_its_parts(site, page):
    # "schoolondersteuning" is on no page; its parts school + ondersteuning are.
    results = ask(page, site, "schoolondersteuning")
    assert "/vragen/ondersteuning-en-opp/" in [r.split("#")[0] for r in results[:3]], results
    assert page.locator("#swv-bedoelde-u").is_hidden()


def test_the_end_of_a_compound_finds_the_compound(site, page):
    # "perspectiefplan" is on no page; "ontwikkelingsperspectiefplan" is.
    results = ask(page, site, "perspectiefplan")
    assert "/vragen/ondersteuning-en-opp/" in [r.split("#")[0] for r in results[:3]], results


def test_the_abbreviation_finds_its_pages_first(site, page):
    results = ask(page, site, "tlv")
    assert "tlv" in results[0], results


def test_no_result_offers_contact_begrippen_and_a_correction(site, page):
    results = ask(page, site, "zzqxw")
    assert results == []
    assert page.inner_text("#swv-zoek-status") == "Geen resultaten gevonden."
    help_block = page.locator("#swv-zoek-hulp")
    assert help_block.is_visible()
    assert help_block.locator('a[href^="tel:+31"]').count() == 1
    assert help_block.locator('a[href^="mailto:"]').count() == 1
    assert help_block.get_by_role("link", name="begrippen").count() == 1
    ask(page, site, "ondersteuningsplam")
    assert page.locator("#swv-bedoelde-u").is_visible()


def test_few_results_offer_the_begrippen_that_match(site, page):
    # A typo ("Bedoelde u: basisondersteuning?"): the begrippen that match,
    # besides the one already among the results, are offered with their uitleg.
    results = ask(page, site, "basisondersteunin")
    terms = page.locator("#swv-zoek-begrippen")
    assert terms.is_visible()
    assert terms.get_by_role("heading").inner_text() == "Begrippen die bij uw vraag passen"
    links = terms.locator("li a")
    hrefs = [urlparse(h).path + "#" + urlparse(h).fragment
             for h in links.evaluate_all("ls => ls.map(a => a.href)")]
    assert hrefs and all(h.startswith("/begrippen/#") for h in hrefs), hrefs
    assert not set(hrefs) & set(results)
    assert ":" in terms.locator("li").first.inner_text()  # the term, then its uitleg
    links.first.click()
    page.wait_for_url("**/begrippen/#*")
    assert len(ask(page, site, "thuiszitten")) >= 3  # enough results: no box
    assert page.locator("#swv-zoek-begrippen").is_hidden()
    ask(page, site, "zzqxw")  # nothing matches: no begrip either, the help stays
    assert page.locator("#swv-zoek-begrippen").is_hidden()
    assert page.locator("#swv-zoek-hulp").is_visible()


def test_filter_and_redirect_pages_are_no_results(site, page):
    for query in ("autisme", "dyslexie", "vmbo"):
        results = ask(page, site, query)
        assert results, query
        assert not any("/filter/" in r for r in results), results
    assert not any(r.rstrip("/").endswith("zoeken") for r in results)


def test_text_every_page_repeats_finds_nothing(site, page):
    # "meedenken" is on record pages only in "Vragen of hulp nodig?", the section
    # every record page ends with and marks data-search-exclude: none of them is
    # a result (the home page, which says "meedenkt" itself, may be).
    assert "meedenken" in (site.root / "procedures" / "thuiszitten" / "index.html").read_text()
    results = ask(page, site, "meedenken")
    assert not any(r.startswith(("/procedures/", "/vragen/", "/voorzieningen/", "/scholen/"))
                   for r in results), results


def test_the_front_matter_search_settings_apply(site, page):
    # docs/data.md has `search: exclude: true`; "gecodeerd" is on no other page.
    assert "gecodeerd" in (site.root / "data" / "index.html").read_text()
    assert ask(page, site, "gecodeerd") == []
    # docs/contact.md has `search: boost: 3`: of the 50-odd pages saying "contact",
    # it comes first.
    assert ask(page, site, "contact")[0].split("#")[0] == "/contact/"


def test_results_are_links_in_a_list_and_the_count_is_announced(site, page):
    ask(page, site, "thuiszitten")
    assert page.get_attribute("#swv-zoek-status", "role") == "status"
    assert page.locator("ol.swv-zoek-resultaten > li h2 > a").count() >= 1
    page.keyboard.press("Tab")  # from the box to the button, on to the page
    page.focus(".swv-zoek-resultaten a")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !location.pathname.endsWith('/zoeken/')")


def test_without_javascript_the_page_says_so_and_offers_help(site, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url("/"))
        page.fill("#swv-zoekvraag", "tlv")
        page.keyboard.press("Enter")
        page.wait_for_url("**/zoeken/?q=tlv")
        assert "alleen als JavaScript aan staat" in page.inner_text("article")
        assert page.locator('#swv-zoek-hulp a[href^="tel:"]').count() == 1
    finally:
        context.close()

