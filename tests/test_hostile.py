"""Content text is data: Jinja, HTML and Markdown tricks in content come out
inert and visible as text, in a real build and in the Markdown helpers."""

from __future__ import annotations

import re

import markdown
import pytest
import yaml

from swvsite.pages import safe

from conftest import FIXTURE_SITE, build_without_html_check, run_swvsite

HOSTILE = [
    "{{ config.site_name }}",
    "{% include 'x.html' %}",
    "{# geen commentaar #}",
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    "[klik](javascript:alert(1))",
    "<iframe src='https://evil.example'></iframe>",
    "**vet** _schuin_ `code` # kop",
    "1. geen lijst",
    "&lt;script&gt; &#106;avascript:",
]
HOSTILE_TEXT = " | ".join(HOSTILE)


def browser_safe(href: str) -> bool:
    """What a browser would follow: the attribute value, control characters dropped."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", href)
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned, re.I)
    return not scheme or scheme.group(1).lower() in {"http", "https", "mailto", "tel"}


def _extensions():
    """The Markdown extensions of the test site's mkdocs.yml (the same as the repo's),
    with the one the swvsite plugin adds to every site (safe links)."""
    from swvsite.engine.plugin import SAFE_LINKS

    config = yaml.safe_load((FIXTURE_SITE / "mkdocs.yml").read_text())
    names, configs = [], {}
    for ext in config["markdown_extensions"]:
        if isinstance(ext, dict):
            (name, options), = ext.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(ext)
    if SAFE_LINKS not in names:
        names.append(SAFE_LINKS)
    return names, configs


def to_html(source: str) -> str:
    names, configs = _extensions()
    return markdown.markdown(source, extensions=names, extension_configs=configs)


@pytest.mark.parametrize("value", HOSTILE)
def test_plain_text_shows_exactly_what_was_typed(value):
    from bs4 import BeautifulSoup

    html = to_html(safe.text(value))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.get_text() == value
    assert not soup.find(["script", "img", "iframe", "a", "strong", "em", "code", "h1", "ol"])


@pytest.mark.parametrize("value", HOSTILE + [
    "[x](javascript:alert(1))", "[x]( JaVaScRiPt:alert(1))", "[x](data:text/html,<b>)",
    "[x][ref]\n\n[ref]: javascript:alert(1)", "<javascript:alert(1)>",
    "tekst {: onclick=alert(1) }", "# kop\n\n!!! note\n    x", "![plaatje](https://evil.example/x.png)",
    "[x](&#106;avascript:alert(1))",
])
def test_markdown_fields_are_inert(value):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(to_html(safe.markdown(value)), "html.parser")
    assert not soup.find(["script", "img", "iframe", "h1", "h2", "div"])
    for element in soup.find_all(True):
        for name in element.attrs:
            assert not name.startswith("on"), element
        href = element.get("href")
        if href is not None:
            assert browser_safe(href), element


def test_markdown_fields_keep_their_formatting():
    html = to_html(safe.markdown("Dit is **belangrijk**.\n\n- een\n- twee\n\n"
                                 "[Onderwijsconsulenten](https://www.onderwijsconsulenten.nl)"))
    assert "<strong>belangrijk</strong>" in html
    assert html.count("<li>") == 2
    assert '<a href="https://www.onderwijsconsulenten.nl">' in html


def rewrite(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


SHORT_HOSTILE = "{{ config.site_name }} <script>alert(1)</script> {# x"


def test_hostile_text_in_content_is_inert_in_a_real_build(tmp_path, minimal_content):
    def voorziening(data):
        data["naam"] = SHORT_HOSTILE
        data["doelgroep"] = HOSTILE_TEXT
        data["duur"] = HOSTILE_TEXT[:300]

    def begrippen(data):
        data["begrippen"][1]["uitleg"] = HOSTILE_TEXT

    def procedure(data):
        data["stappen"][0]["titel"] = SHORT_HOSTILE
        data["stappen"][0]["documenten"] = HOSTILE

    rewrite(minimal_content / "voorzieningen/opdc-test.yml", voorziening)
    rewrite(minimal_content / "begrippen.yml", begrippen)
    rewrite(minimal_content / "procedures/tlv-aanvragen.yml", procedure)

    # `swvsite check` refuses HTML in plain-text fields (what staff see) ...
    check = run_swvsite("check", "--content", str(minimal_content), cwd=tmp_path)
    assert check.returncode == 1
    assert "opdc-test.yml, regel 1, veld 'naam': HTML werkt niet in dit veld" in check.stderr
    # ... and behind that check, the text is inert all the same.
    site = build_without_html_check(tmp_path, minimal_content)
    assert site.result.returncode == 0, site.result.stderr

    page = site.article("voorzieningen/opdc-test")
    assert page.find("h1").get_text().replace("¶", "") == SHORT_HOSTILE
    assert HOSTILE_TEXT in page.get_text()
    step = site.article("procedures/tlv-aanvragen").find(id="stap-1").find("h3")
    assert step.get_text().replace("¶", "") == f"Stap 1: {SHORT_HOSTILE}"
    assert all(value in site.article("procedures/tlv-aanvragen").get_text() for value in HOSTILE)
    assert HOSTILE_TEXT in site.article("begrippen").get_text()
    for url in ("voorzieningen/opdc-test", "voorzieningen", "procedures/tlv-aanvragen",
                "begrippen"):
        article = site.article(url)
        assert "Steunpunt Testregio" not in article.get_text(), url  # {{ }} never executed
        assert not article.find(["script", "iframe", "img"]), url
        for element in article.find_all(True):
            assert not any(name.startswith("on") for name in element.attrs), element
            assert browser_safe(element.get("href") or ""), element
    overview = site.article("voorzieningen")
    assert any(a.get_text() == SHORT_HOSTILE for a in overview.find_all("a"))


def test_a_hand_written_page_loses_unsafe_link_addresses(tmp_path):
    """The plugin adds the safe-links extension to every site, though mkdocs.yml does
    not name it: a javascript: link in docs/ keeps its text and loses its address."""
    import shutil

    from conftest import FIXTURE_CONTENT, make_project

    config = make_project(tmp_path / "project", FIXTURE_CONTENT)
    docs = config.parent / "docs"
    target = docs.resolve()
    docs.unlink()
    shutil.copytree(target, docs)
    page = docs / "contact.md"
    page.write_text(page.read_text(encoding="utf-8")
                    + "\n[Klik hier](javascript:alert(1)) of [hier](https://example.org/).\n",
                    encoding="utf-8")
    site = tmp_path / "site"
    result = run_swvsite("build", "-f", str(config), "--site-dir", str(site), "--zonder-cache",
                         cwd=config.parent)
    assert result.returncode == 0, result.stderr
    html = (site / "contact/index.html").read_text(encoding="utf-8")
    assert re.search(r"<a>Klik hier</a>", html), html
    assert 'href="https://example.org/"' in html
    assert "javascript:alert" not in html
