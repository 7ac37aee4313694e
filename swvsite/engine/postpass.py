"""The post-pass of the staged build: what the swvsite plugin adds to a finished
site, done on the HTML an engine wrote (no engine needed, none imported).

The plugin does these in MkDocs' events (`on_post_page`, `on_post_template`,
`on_post_build`); a staged build (swvsite.engine.staged) lets a
plain engine build the pages and then does them here, with the same functions
of swvsite:

- Open Graph tags and JSON-LD in each page's <head> (`pagehead.head_html`);
- heading permalinks out of the tab order (`permalinks`) and what a printed
  sheet says at its foot on <html> (`footer.print_attributes`);
- the Content-Security-Policy <meta> in every HTML file and the `_headers` and
  nginx files with the hashes of all inline scripts (`headers`);
- a redirect page for every old address (`redirects`);
- each page's language and direction, the language switcher and hreflang links, and
  Dutch text on a translated page marked as Dutch (`translated`);
- the site's own search index under zoeken/index/ (`zoekindex.write`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from swvsite.content import model as m
from swvsite.pages import (
    bundle,
    footer,
    headers,
    pagehead,
    permalinks,
    redirects,
    translated,
    zoekindex,
)

NETLIFY_HEADERS = "_headers"
NGINX_HEADERS = "_nginx-security-headers.conf"

_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_ARTICLE_H1 = re.compile(r'<article class="md-content__inner[^"]*">.*?<h1[^>]*>(.*?)</h1>', re.S)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


class PostPassError(Exception):
    """The finished site cannot be completed (a Dutch message for staff)."""


@dataclass(frozen=True)
class StagedPage:
    """What the post-pass needs to know of one page besides its HTML."""

    src_uri: str           # the page's source path, e.g. procedures/tlv-aanvragen.md
    dest_uri: str          # its HTML file in the site, e.g. procedures/tlv-aanvragen/index.html
    nav_title: str | None  # the title the navigation gives it
    meta_title: str | None
    description: str | None  # its meta description (already escaped, as Material wants it)
    homepage: bool
    search: object = None    # its front matter's `search:` (boost, exclude)


@dataclass(frozen=True)
class SiteSettings:
    site_url: str | None
    site_name: str
    site_description: str | None


def complete(site_dir: Path, site: m.Site, pages: list[StagedPage],
             settings: SiteSettings) -> None:
    """Everything the plugin adds, done on the finished site in `site_dir`."""
    hashes: set[str] = set()
    page_files = set()
    languages = translated.page_languages(site, site.pages.docs_dir)
    for page in pages:
        path = site_dir / page.dest_uri
        if not path.is_file():
            continue  # an empty page the engine skipped
        page_files.add(path)
        text = path.read_text(encoding="utf-8")
        head = pagehead.head_html(site, page.src_uri, settings.site_url,
                                    page_title(page, text, settings.site_name),
                                    page.description or settings.site_description)
        text = text.replace("</head>", head + "</head>", 1)
        text = translated.finish_page(translated.mark_dutch(text), page.src_uri, languages,
                                      settings.site_url)
        text = permalinks.quiet_permalinks(text)
        try:
            searched = zoekindex.page_attributes(page.search)
        except ValueError as exc:
            raise PostPassError(f"docs/{page.src_uri}: {exc}") from None
        text = footer.with_print_attributes(text, {**footer.print_attributes(
            site, page.src_uri, settings.site_url), **searched})
        text = bundle.with_feature_assets(text, page.src_uri)
        path.write_text(_with_policy(text, page.src_uri, hashes), encoding="utf-8")
    for path in sorted(site_dir.glob("*.html")):  # the theme's templates (404.html)
        if path not in page_files:
            text = path.read_text(encoding="utf-8")
            path.write_text(_with_policy(text, path.name, hashes), encoding="utf-8")
    write_redirects(site_dir, site, settings.site_url)
    ordered = sorted(hashes)
    (site_dir / NETLIFY_HEADERS).write_text(headers.netlify_headers(ordered), encoding="utf-8")
    (site_dir / NGINX_HEADERS).write_text(headers.nginx_snippet(ordered), encoding="utf-8")
    zoekindex.write(site_dir, site)


def page_title(page: StagedPage, text: str, site_name: str) -> str | None:
    """The page's title as the engine had it (MkDocs' order: the navigation's,
    the meta title, the page's first heading). Material writes it into <title>
    with the site name, except on the home page; there it is the article's first
    <h1> (Material adds one with the title when the page has none)."""
    if page.nav_title is not None:
        return page.nav_title
    if page.meta_title is not None:
        return page.meta_title
    if not page.homepage:
        match = _TITLE.search(text)
        if match:
            title = html.unescape(match.group(1).strip())
            suffix = f" - {site_name}"
            if title.endswith(suffix):
                return title[: -len(suffix)]
    match = _ARTICLE_H1.search(text)
    if match:
        return html.unescape(_TAG.sub("", _HEADERLINK.sub("", match.group(1)))).strip()
    return None


def _with_policy(text: str, where: str, hashes: set[str]) -> str:
    try:
        text, found = headers.add_meta_policy(text)
    except headers.UnexpectedScript as exc:
        raise PostPassError(f"{where} bevat een script dat niet van het thema is ({exc}); "
                            "scripts horen in een eigen bestand") from None
    hashes.update(found)
    return text


def write_redirects(site_dir: Path, site: m.Site, site_url: str | None) -> None:
    meta = headers.meta_tag([])
    for redirect in redirects.redirects(site):
        target = site_dir / redirect.old / "index.html"
        if target.exists():
            raise PostPassError(f"{redirect.old} is zowel een pagina als een oud adres")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirects.redirect_page(redirect, site_url, meta), encoding="utf-8")


