"""Pages per language: translated record pages, and what every page with a
translation gets (its `<html lang>` and `dir`, a language switcher, hreflang links).

A translated record page is at `<taal>/<folder>/<id>.md` (so `/en/procedures/
tlv-aanvragen/`), made by the record type's own renderer from the Dutch record
with its text replaced by the translation. A hand-written page translated in
docs/<taal>/ names its Dutch page in `vertaling_van`. Plain Python, no MkDocs:
the engine calls `translated_pages` for the pages and `finish_page` on each
finished page's HTML.
"""

from __future__ import annotations

import copy
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from swvsite.content import model as m
from swvsite.content import vertalingen as v
from swvsite.content.fields import Field, ListOf, Obj
from swvsite.pages import zoeken
from swvsite.pages.backlinks import Backlinks
from swvsite.pages.labels import DUTCH_WORD, dutch_block, label, label_lang, page_language
from swvsite.pages.markup import GeneratedPage, titled


@dataclass
class TranslatedRecord(m.Record):
    """A record with its text in another language; its page is under /<taal>/."""

    taal: str = "nl"

    @property
    def page(self) -> str:
        return f"{self.taal}/{self.type.folder}/{self.id}.md"


# Put before each line of Dutch text left untranslated on a translated page; the
# page's HTML then marks the element it starts as Dutch (`mark_dutch`).
DUTCH_MARK = "\ue000"
_LINE_START = re.compile(r"(?m)^([ \t]*(?:[-*+]|[0-9]+[.)])[ \t]+)?(?=\S)")


def merged(fields: tuple[Field, ...], dutch: dict[str, Any], translated: dict[str, Any],
           keep: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The Dutch data with every translated text in its place, and every text left
    in Dutch marked (DUTCH_MARK), except the fields named in `keep`."""
    result: dict[str, Any] = {}
    by_name = {f.name: f for f in fields}
    for key, value in dutch.items():
        known = by_name.get(key)
        if known is None or not v.is_text(known.type) or key in keep:
            result[key] = copy.deepcopy(value)
        else:
            result[key] = _merge_value(known.type, value, translated.get(key))
    return result


def _merge_value(ftype: Any, dutch: Any, translated: Any) -> Any:
    if dutch is None:
        return None
    if isinstance(ftype, Obj):
        return merged(ftype.fields, dutch, translated if isinstance(translated, dict) else {},
                      frozenset({"id"}))
    if isinstance(ftype, ListOf):
        given = translated if isinstance(translated, list) else []
        if isinstance(ftype.item, Obj) and any(f.name == "id" for f in ftype.item.fields):
            by_id = {t.get("id"): t for t in given if isinstance(t, dict)}
            return [_merge_value(ftype.item, d, by_id.get(d.get("id"))) for d in dutch]
        return [_merge_value(ftype.item, d, given[i] if i < len(given) else None)
                for i, d in enumerate(dutch)]
    if translated is not None:
        return translated
    return _LINE_START.sub(lambda found: (found.group(1) or "") + DUTCH_MARK, str(dutch)) \
        if isinstance(dutch, str) else dutch


_MARKED_ELEMENT = re.compile(r"<(p|li|dd|dt|td|th|h[1-6]|blockquote)((?:\s[^>]*)?)>" + DUTCH_MARK)
_MARKED_WORD = re.compile(DUTCH_WORD[0] + "([^<" + DUTCH_WORD[1] + "]*)" + DUTCH_WORD[1])
_MARKED_TEXT = re.compile(DUTCH_MARK + "([^<" + DUTCH_MARK + "]+)")


def mark_dutch(content: str) -> str:
    """A page's content HTML with the Dutch text left untranslated marked
    lang="nl" dir="ltr": the element it starts, or else the text up to the next tag."""
    content = _MARKED_WORD.sub(lambda found: f'<span lang="nl" dir="ltr">{found.group(1)}</span>',
                               content)
    if DUTCH_MARK not in content:
        return content
    content = _MARKED_ELEMENT.sub(lambda found: f'<{found.group(1)}{found.group(2)} lang="nl" '
                                                'dir="ltr">', content)
    content = _MARKED_TEXT.sub(lambda found: f'<span lang="nl" dir="ltr">{found.group(1)}</span>',
                               content)
    return content.replace(DUTCH_MARK, "")


def translated_record(site: m.Site, vertaling: v.Vertaling) -> TranslatedRecord | None:
    rtype = m.RECORD_TYPES.get(vertaling.kind)
    if rtype is None or not rtype.folder:
        return None
    dutch = site.records(rtype.name).get(vertaling.source_id)
    if dutch is None:
        return None
    keep = frozenset({rtype.title_field} if rtype.title_field else set())
    data = merged(rtype.all_fields, dutch.data, vertaling.data, keep)
    if rtype.title_field and vertaling.data.get(rtype.title_field):
        data[rtype.title_field] = vertaling.data[rtype.title_field]
    return TranslatedRecord(rtype, dutch.id, dutch.path, data, dutch.lines, taal=vertaling.taal)


def translated_pages(site: m.Site) -> list[GeneratedPage]:
    """The page of every translated record, under /<taal>/."""
    from swvsite.pages.records import PAGE_RENDERERS, front_matter

    found = site.vertalingen or v.Vertalingen()
    links = Backlinks.of(site)
    pages = []
    for vertaling in found.all():
        record = translated_record(site, vertaling)
        if record is None:
            continue
        dutch_page = site.records(record.type.name)[record.id].page
        with page_language(vertaling.taal):
            body = PAGE_RENDERERS[record.type.name](site, record, links)
        pages.append(GeneratedPage(record.page, titled(front_matter(record.type), record.title)
                                   + notice_markdown(vertaling, record.page, dutch_page)
                                   + body))
    return pages


def notice_markdown(vertaling: v.Vertaling, here: str, dutch_page: str) -> str:
    """The block above a translation: who translated it, and honestly whether the
    Dutch text has changed since (with a link to the Dutch page)."""
    taal = vertaling.taal
    parts = []
    if vertaling.vertaald_door:
        parts.append(_in(taal, "vertaald_door") + ": " + html.escape(vertaling.vertaald_door))
        if "demo" in vertaling.vertaald_door.lower():
            parts.append(_in(taal, "demo"))
    if not vertaling.current:
        parts.append(f'<strong class="swv-verouderd">{_in(taal, "verouderd")}</strong>')
    parts.append(f'<a href="{html.escape(relative_url(here, dutch_page))}" hreflang="nl" lang="nl" '
                 f'dir="ltr">{html.escape(label("nederlandse_pagina", "nl"))}</a>')
    return f'<p class="swv-vertaling-melding">{" ".join(parts)}</p>\n\n'


def _in(taal: str, key: str) -> str:
    """A fixed word, marked Dutch where the language has no word for it."""
    text = html.escape(label(key, taal))
    if label_lang(key, taal) != taal:
        return f'<span lang="nl" dir="ltr">{text}</span>'
    return text


# --------------------------------------------------------------------------
# Which pages exist in which language
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class PageLanguages:
    """For every page in docs/ (Dutch or translated): its language and its
    versions in the other languages, as page paths."""

    talen: tuple[v.Taal, ...]
    versions: dict[str, dict[str, str]]  # Dutch page -> language code -> page
    dutch_of: dict[str, str]  # translated page -> Dutch page
    # Translated hand-written page -> the block about its translation (HTML).
    notices: dict[str, str] = field(default_factory=dict)

    def language_of(self, page: str) -> v.Taal:
        first = page.split("/", 1)[0]
        if page in self.dutch_of or "/" in page:
            found = next((t for t in self.talen if t.code == first), None)
            if found is not None:
                return found
        return v.DUTCH

    def alternates(self, page: str) -> dict[str, str]:
        """Language code -> page, for this page and its translations ('nl' included)."""
        dutch = self.dutch_of.get(page, page)
        versions = self.versions.get(dutch)
        if not versions:
            return {}
        return {"nl": dutch, **versions}


def search_languages(languages: PageLanguages) -> list[str]:
    """The languages with a search page of their own: Dutch, and every language
    that has translated pages and the search page's words (zoeken.TEKST)."""
    with_pages = {page.split("/", 1)[0] for page in languages.dutch_of}
    return ["nl", *sorted(t.code for t in languages.talen
                          if t.code in with_pages and t.code in zoeken.TEKST)]


def page_languages(site: m.Site, docs_dir: Path | None) -> PageLanguages:
    found = site.vertalingen or v.Vertalingen()
    versions: dict[str, dict[str, str]] = {}
    dutch_of: dict[str, str] = {}
    notices: dict[str, str] = {}
    for vertaling in found.all():
        record = translated_record(site, vertaling)
        if record is None:
            continue
        dutch = site.records(record.type.name)[record.id].page
        versions.setdefault(dutch, {})[vertaling.taal] = record.page
        dutch_of[record.page] = dutch
    if docs_dir is not None:
        for page in v.page_translations(docs_dir, found.talen):
            if not page.source_stamp or page.file is None:
                continue
            own = page.file.relative_to(docs_dir).as_posix()
            versions.setdefault(page.source_id, {})[page.taal] = own
            dutch_of[own] = page.source_id
            notices[own] = notice_markdown(page, own, page.source_id)
    for taal in found.talen:
        if docs_dir is not None and (docs_dir / taal.code).is_dir():
            for path in (docs_dir / taal.code).rglob("*.md"):
                dutch_of.setdefault(path.relative_to(docs_dir).as_posix(), "")
    return PageLanguages(found.talen, versions, dutch_of, notices)


# --------------------------------------------------------------------------
# The finished page
# --------------------------------------------------------------------------

_HTML_TAG = re.compile(r"<html\b[^>]*>")
_BODY_DIR = re.compile(r'<body dir="[a-z]*"')
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">')


# The theme's header, menus and footer speak Dutch on every page: on a translated
# page they are marked as Dutch (WCAG 3.1.2), in the page's direction.
_DUTCH_CHROME = re.compile(r'<(?:header|footer|nav) class="md-(?:header|footer|nav md-nav--primary)'
                           r'\b[^"]*"')


def finish_page(output: str, page: str, languages: PageLanguages,
                site_url: str | None) -> str:
    """A finished page with its own language and direction, and (when it exists in
    more languages) the switcher and hreflang links."""
    taal = languages.language_of(page)
    for mark in (DUTCH_MARK, *DUTCH_WORD):  # in titles and attributes: nothing to mark
        output = output.replace(mark, "")
    output = _HTML_TAG.sub(lambda _: f'<html lang="{taal.code}" dir="{taal.richting}" '
                                     'class="no-js">', output, count=1)
    # Material repeats the theme's direction on <body>.
    output = _BODY_DIR.sub(f'<body dir="{taal.richting}"', output, count=1)
    output = zoeken.zoekbalk_in(output, taal.code)
    if taal.code != "nl":
        output = _DUTCH_CHROME.sub(lambda found: found.group(0) + ' lang="nl"', output)
        # The demo notice is a Dutch sentence: also read left to right.
        output = output.replace('<aside class="md-banner">',
                                '<aside class="md-banner" lang="nl" dir="ltr">', 1)
    alternates = languages.alternates(page)
    if not alternates:
        return output
    output = output.replace("</head>", hreflang_links(alternates, page, site_url) + "</head>", 1)
    before = switcher(alternates, page, languages) + languages.notices.get(page, "")
    return _ARTICLE.sub(lambda found: found.group(0) + before, output, count=1)


def page_url(page: str) -> str:
    """The site path of a page in docs/ ('en/ouders.md' -> 'en/ouders/')."""
    if page == "index.md" or page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[:-3] + "/"


def hreflang_links(alternates: dict[str, str], here: str, site_url: str | None) -> str:
    def address(page: str) -> str:
        if site_url:
            return site_url.rstrip("/") + "/" + page_url(page)
        return relative_url(here, page)
    links = [f'<link rel="alternate" hreflang="{code}" href="{html.escape(address(page))}">'
             for code, page in alternates.items()]
    links.append(f'<link rel="alternate" hreflang="x-default" '
                 f'href="{html.escape(address(alternates["nl"]))}">')
    return "\n".join(links) + "\n"


def relative_url(here: str, page: str) -> str:
    """The address of `page` from the built page of `here` (directory URLs)."""
    depth = page_url(here).count("/")
    return "../" * depth + page_url(page) or "./"


def switcher(alternates: dict[str, str], here: str, languages: PageLanguages) -> str:
    """A list of links to this page in the other languages (only pages that exist)."""
    taal = languages.language_of(here)
    names = {t.code: t for t in (v.DUTCH, *languages.talen)}
    items = []
    for code, page in alternates.items():
        if page == here or code not in names:
            continue
        other = names[code]
        items.append(f'<li><a href="{html.escape(relative_url(here, page))}" hreflang="{code}" '
                     f'lang="{code}" dir="{other.richting}">{html.escape(other.naam)}</a></li>')
    if not items:
        return ""
    heading = html.escape(label("deze_pagina_in", taal.code))
    lang = label_lang("deze_pagina_in", taal.code)
    return (f'<nav class="swv-talen" aria-label="{html.escape(label("talen", taal.code))}">'
            f'<span lang="{lang}">{heading}:</span> <ul>{"".join(items)}</ul></nav>')


def hand_written_block(site: m.Site, src_uri: str, block: Callable[[m.Site, str], str]) -> str:
    """A macro block on the hand-written page `src_uri`. On a translated page
    (docs/<taal>/... for a configured language) it is rendered in that page's
    language, and since blocks show the Dutch content, marked as Dutch text."""
    found = site.vertalingen or v.Vertalingen()
    first = src_uri.split("/", 1)[0] if "/" in src_uri else ""
    taal = first if first in {t.code for t in found.talen} else "nl"
    with page_language(taal):
        return dutch_block(block(site, src_uri))
