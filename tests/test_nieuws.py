"""News items, their feeds, and pages for removed addresses."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from swvsite.content.load import load_site

from conftest import FIXTURE_CONTENT, build, build_without_html_check

ATOM = "{http://www.w3.org/2005/Atom}"


def test_news_pages_overview_and_home(fixture_site):
    content = load_site(FIXTURE_CONTENT)
    newest_first = sorted(content.nieuws.values(), key=lambda n: n["datum"], reverse=True)
    overview = fixture_site.article("nieuws")
    titles = [a.get_text() for a in overview.select("li a")]
    assert titles == [n["titel"] for n in newest_first]
    for item in newest_first:
        heading = fixture_site.article(f"nieuws/{item.id}").find("h1").get_text()
        assert heading.startswith(item["titel"])
    home = fixture_site.article("").get_text()
    assert all(n["titel"] in home for n in newest_first[:3])


def test_a_changed_procedure_links_to_its_announcement(fixture_site):
    article = fixture_site.article("procedures/tlv-aanvragen")
    assert article.find("a", href="../../nieuws/2026-10-15-tlv-aanvraag-digitaal/")
    news = fixture_site.article("nieuws/2026-10-15-tlv-aanvraag-digitaal")
    assert news.find("a", href="../../procedures/tlv-aanvragen/")


def test_atom_and_json_feeds(fixture_site):
    content = load_site(FIXTURE_CONTENT)
    feed = ET.parse(fixture_site.root / "nieuws/atom.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(content.nieuws)
    for entry in entries:
        for child in ("id", "title", "updated", "summary"):
            assert entry.find(f"{ATOM}{child}").text
        assert entry.find(f"{ATOM}link").get("href").startswith("https://")
    data = json.loads((fixture_site.root / "nieuws/feed.json").read_text())
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["title"] for i in data["items"]] == [e.find(f"{ATOM}title").text for e in entries]
    links = [link["href"] for link in fixture_site.page("nieuws").find_all("a", href=True)]
    assert "atom.xml" in links and "feed.json" in links


def test_hostile_news_text_stays_text_in_the_feeds(tmp_path, minimal_content):
    (minimal_content / "nieuws").mkdir(exist_ok=True)
    (minimal_content / "nieuws/bericht.yml").write_text(
        "titel: \"</title><script>alert(1)</script> & ]]>\"\n"
        "datum: 2026-11-01\n"
        "samenvatting: \"<b>vet</b> {{ config.site_name }}\"\n")
    # swvsite check refuses the tags; behind that check the feeds keep them as text.
    site = build_without_html_check(tmp_path, minimal_content)
    assert site.result.returncode == 0, site.result.stderr
    feed = ET.parse(site.root / "nieuws/atom.xml").getroot()
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "</title><script>alert(1)</script> & ]]>"
    assert entry.find(f"{ATOM}summary").text == "<b>vet</b> {{ config.site_name }}"
    page = site.page("nieuws/bericht")
    assert not page.find("script", string=lambda s: s and "alert" in s)


def test_removed_address_explains_and_points_on(fixture_site):
    article = fixture_site.article("voorzieningen/time-out-voorziening-po")
    assert article.find("h1").get_text().startswith("Deze pagina bestaat niet meer")
    assert article.find("a", href="../observatiegroep-po/")


def test_removed_page_to_a_missing_target_is_a_clear_error(tmp_path, minimal_content):
    (minimal_content / "verwijderd.yml").write_text(
        "paginas:\n  - pad: procedures/oud\n    naar: procedures/bestaat-niet\n"
        "    uitleg: Weg.\n")
    site = build(tmp_path, minimal_content)
    assert site.result.returncode == 1
    assert ("content/verwijderd.yml, regel 3, veld 'paginas[1].naar': er is geen pagina "
            "'procedures/bestaat-niet'") in site.result.stderr
    assert "Traceback" not in site.result.stderr


def test_feed_escaping_is_xml_saxutils_escaping():
    from xml.sax.saxutils import escape, quoteattr

    from hypothesis import given
    from hypothesis import strategies as st

    from swvsite.pages import feeds

    @given(st.text())
    def same(text):
        assert feeds.escape(text) == escape(text)
        assert feeds.quoteattr(text) == quoteattr(text)

    same()
