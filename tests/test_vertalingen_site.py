"""Pages per language, through a real build of fixture content with translations."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, BuiltSite, make_project, run_swvsite, site_files

OVERLAY = FIXTURES / "vertalingen"


def build_translated(tmp: Path, extra: dict[str, str] | None = None) -> BuiltSite:
    """Minimal content with the fixture translations (and `extra` files: path in
    the content folder -> text), built with the test site's pages and docs/en/."""
    content = shutil.copytree(FIXTURES / "minimal", tmp / "content")
    shutil.copytree(OVERLAY / "content/vertalingen", content / "vertalingen")
    for name, text in (extra or {}).items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    config = make_project(tmp / "project", content)
    for taal in ("en",):
        shutil.copytree(OVERLAY / "docs" / taal, tmp / "project/docs" / taal)
    result = run_swvsite("build", "-f", str(config), "--site-dir", str(tmp / "site"), cwd=tmp)
    return BuiltSite(tmp / "site", result)


@pytest.fixture(scope="module")
def translated_site(tmp_path_factory) -> BuiltSite:
    site = build_translated(tmp_path_factory.mktemp("vertaald"))
    assert site.result.returncode == 0, site.result.stderr
    return site


def _html(site: BuiltSite, url: str) -> BeautifulSoup:
    return site.page(url)


def test_each_page_has_its_own_language_and_direction(translated_site):
    for url, lang, direction in (("procedures/tlv-aanvragen/", "nl", "ltr"),
                                 ("en/procedures/tlv-aanvragen/", "en", "ltr"),
                                 ("ar/procedures/tlv-aanvragen/", "ar", "rtl"),
                                 ("en/", "en", "ltr"), ("", "nl", "ltr")):
        page = _html(translated_site, url)
        assert (page.html["lang"], page.html["dir"]) == (lang, direction), url
        assert page.body["dir"] == direction, url
        # The theme's Dutch header, menu and footer are marked Dutch on a translated page.
        chrome = [page.find("header", class_="md-header"), page.find("footer", class_="md-footer")]
        assert all(part.get("lang") == ("nl" if lang != "nl" else None) for part in chrome), url
        banner = page.find("aside", class_="md-banner")
        if banner is not None and lang != "nl":
            assert (banner.get("lang"), banner.get("dir")) == ("nl", "ltr"), url


def test_translated_record_page_has_translated_text_and_dutch_facts(translated_site):
    page = _html(translated_site, "en/procedures/tlv-aanvragen/")
    text = page.get_text(" ")
    assert "Applying for a TLV" in page.h1.get_text()
    assert "A talk at school" in text and "Gesprek op school" not in text
    steps = page.find_all("li", class_="swv-stap")
    assert steps[0].h3.get_text().startswith("Step 1: A talk at school")
    assert [dt.get_text() for dt in steps[0].find_all("dt")][:2] == ["Who", "How long"]
    arabic = _html(translated_site, "ar/procedures/tlv-aanvragen/").find("li", class_="swv-stap")
    assert arabic.h3.get_text().startswith("الخطوة 1: محادثة في المدرسة")
    assert arabic.find("dt").get_text() == "من"
    # Anchors schools link to stay the same in every language.
    assert page.find(id="stap-1") is not None and page.find(id="stap-2") is not None


def test_hreflang_both_ways_with_x_default(translated_site):
    base = "https://testsite.swvsite.example/"
    for url in ("procedures/tlv-aanvragen/", "en/procedures/tlv-aanvragen/",
                "ar/procedures/tlv-aanvragen/"):
        links = {link["hreflang"]: link["href"] for link in
                 _html(translated_site, url).find_all("link", rel="alternate", hreflang=True)}
        assert links == {"nl": base + "procedures/tlv-aanvragen/",
                         "en": base + "en/procedures/tlv-aanvragen/",
                         "ar": base + "ar/procedures/tlv-aanvragen/",
                         "x-default": base + "procedures/tlv-aanvragen/"}, url
    # A page without translations has no alternates.
    assert not _html(translated_site, "procedures/thuiszitten/").find(
        "link", rel="alternate", hreflang=True)


def test_switcher_offers_only_pages_that_exist(translated_site):
    def offered(url: str) -> dict[str, str]:
        nav = _html(translated_site, url).find("nav", class_="swv-talen")
        return {} if nav is None else {a["hreflang"]: a["href"] for a in nav.find_all("a")}

    assert offered("procedures/tlv-aanvragen/") == {
        "en": "../../en/procedures/tlv-aanvragen/", "ar": "../../ar/procedures/tlv-aanvragen/"}
    assert offered("ar/procedures/tlv-aanvragen/") == {
        "nl": "../../../procedures/tlv-aanvragen/", "en": "../../../en/procedures/tlv-aanvragen/"}
    assert offered("vragen/algemeen/") == {"en": "../../en/vragen/algemeen/"}  # no Arabic
    assert offered("") == {"en": "en/"}
    assert offered("procedures/thuiszitten/") == {}
    for url in ("procedures/tlv-aanvragen/", "ar/procedures/tlv-aanvragen/"):
        for href in offered(url).values():
            assert (translated_site.path(url).parent / href / "index.html").resolve().is_file()


def test_out_of_date_notice_in_the_page_language_with_link_to_dutch(translated_site):
    page = _html(translated_site, "ar/procedures/tlv-aanvragen/")
    notice = page.find(class_="swv-vertaling-melding")
    assert "تغيّر النص الهولندي منذ هذه الترجمة" in notice.get_text()
    assert "هذه ترجمة تجريبية" in notice.get_text()  # marked as a demo translation
    link = notice.find("a", hreflang="nl")
    assert link["lang"] == "nl" and link["dir"] == "ltr"
    assert link["href"] == "../../../procedures/tlv-aanvragen/"
    english = _html(translated_site, "en/procedures/tlv-aanvragen/")
    assert "The Dutch text has changed since this translation" in english.get_text()
    # A translated hand-written page says the same, linking its Dutch page.
    start = _html(translated_site, "en/").find(class_="swv-vertaling-melding")
    assert "This is a demo translation." in start.get_text()
    assert start.find("a", hreflang="nl")["href"] == "../"


def test_sitemap_lists_translated_pages(translated_site):
    sitemap = (translated_site.root / "sitemap.xml").read_text()
    for url in ("en/", "en/procedures/tlv-aanvragen/", "ar/procedures/tlv-aanvragen/",
                "en/vragen/algemeen/"):
        assert f"<loc>https://testsite.swvsite.example/{url}</loc>" in sitemap


def test_language_without_a_material_template_builds(tmp_path):
    site = build_translated(tmp_path, {
        "vertalingen/talen.yml": "- {code: en, naam: English}\n"
                                 "- {code: ar, naam: العربية, richting: rtl}\n"
                                 "- {code: ti, naam: ትግርኛ}\n",
        "vertalingen/ti/procedures/tlv-aanvragen.yml": 'vertaald_door: Demo-vertaling\n'
                                                       'titel: "TLV ምሕታት"\n'})
    assert site.result.returncode == 0, site.result.stderr
    page = site.page("ti/procedures/tlv-aanvragen/")
    assert (page.html["lang"], page.html["dir"]) == ("ti", "ltr")
    assert "TLV ምሕታት" in page.h1.get_text()
    # Fixed words Tigrinya has no table for stay Dutch, marked as Dutch; the
    # untranslated step title is Dutch text, marked too.
    step = page.find("li", class_="swv-stap")
    assert step.h3.find("span", lang="nl").get_text() == "Stap"
    assert [dt.find("span", lang="nl").get_text() for dt in step.find_all("dt")] == [
        "Wie", "Hoe lang"]
    assert step.h3.find_all("span", lang="nl")[1].get_text() == "Gesprek op school"
    switcher = site.page("procedures/tlv-aanvragen/").find("nav", class_="swv-talen")
    assert {a["hreflang"] for a in switcher.find_all("a")} == {"en", "ar", "ti"}


# A question the English translation does not have: its Dutch title is in the
# translated page's table of contents too.
TWO_QUESTIONS = (FIXTURES / "minimal/vragen/algemeen.yml").read_text(encoding="utf-8").replace(
    "gecontroleerd_op:", "  - id: hoe-lang\n    vraag: Hoe lang duurt het?\n"
    "    antwoord: Zes weken.\ngecontroleerd_op:")


def test_the_staged_build_makes_the_same_pages_per_language(tmp_path):
    from test_staged import assert_same_site, staged_build, swvsite_build

    plugin_built = build_translated(tmp_path / "plugin", {"vragen/algemeen.yml": TWO_QUESTIONS})
    assert plugin_built.result.returncode == 0, plugin_built.result.stderr
    project = tmp_path / "plugin/project/mkdocs.yml"
    rebuilt = swvsite_build(project, tmp_path / "plugin-site", "mkdocs", "--zonder-cache")
    assert rebuilt.returncode == 0, rebuilt.stderr
    staged = staged_build(project, tmp_path / "staged", "mkdocs", keep=tmp_path / "work")
    assert staged.returncode == 0, staged.stderr
    files = site_files(tmp_path / "staged")
    assert_same_site(files, site_files(tmp_path / "plugin-site"))
    page = files["ar/procedures/tlv-aanvragen/index.html"].decode()
    assert re.search(r'<html [^>]*lang="ar" dir="rtl"', page) and '<p lang="nl" dir="ltr">' in page
    index = [data.decode() for name, data in files.items() if name.startswith("zoeken/index/")]
    assert index and not any(mark in text for text in index for mark in "\ue000\ue001\ue002")
    # A macro block on a translated hand-written page is marked Dutch on both paths,
    # and so is an untranslated question's title in the table of contents.
    start = files["en/index.html"].decode()
    assert re.search(r'<aside [^>]*class="swv-contactblok"[^>]*lang="nl"', start), start
    faq = files["en/vragen/algemeen/index.html"].decode()
    toc = faq[faq.index('class="md-nav md-nav--secondary"'):]
    assert '<span lang="nl" dir="ltr">Hoe lang duurt het?' in toc


def test_links_in_a_translated_page_to_translated_pages(translated_site, tmp_path):
    links = [a for a in translated_site.page("en/").find_all("a")
             if a.get_text() == "a TLV is applied for"]
    assert [a["href"] for a in links] == ["procedures/tlv-aanvragen/"]
    # A link to a page that has no English translation is a mistake, named with file and line.
    site = build_translated(tmp_path)
    page = tmp_path / "project/docs/en/index.md"
    line = len(page.read_text().splitlines()) + 2  # after a blank line
    page.write_text(page.read_text() + "\nAnd [staying home](procedures/thuiszitten.md).\n")
    check = run_swvsite("check", "-f", str(tmp_path / "project/mkdocs.yml"), cwd=tmp_path)
    assert site.result.returncode == 0 and check.returncode == 1
    assert f"docs/en/index.md, regel {line}: de link 'procedures/thuiszitten.md' wijst naar " \
        "een pagina die niet bestaat" in check.stderr


def test_stamping_a_translated_page_clears_its_notice(tmp_path):
    site = build_translated(tmp_path)
    assert site.result.returncode == 0, site.result.stderr
    config = str(tmp_path / "project/mkdocs.yml")
    page = tmp_path / "project/docs/en/index.md"
    before = run_swvsite("vertaling", "status", "-f", config, cwd=tmp_path)
    assert "docs/en/index.md: geen stempel" in before.stdout
    stamped = run_swvsite("vertaling", "stempel", str(page), "-f", config, cwd=tmp_path)
    assert stamped.returncode == 0, stamped.stderr
    assert page.read_text().startswith('---\nvertaling_van: index.md\nvertaald_van: "')
    after = run_swvsite("vertaling", "status", "-f", config, cwd=tmp_path)
    assert "docs/en/index.md: actueel" in after.stdout
    rebuilt = run_swvsite("build", "-f", config, "--site-dir", str(tmp_path / "again"),
                          cwd=tmp_path)
    assert rebuilt.returncode == 0, rebuilt.stderr
    notice = (tmp_path / "again/en/index.html").read_text()
    assert "This is a demo translation." in notice
    assert "The Dutch text has changed" not in notice
