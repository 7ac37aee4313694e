"""Reading the built site: its pages' sections as entries, and what a page
says about being searched."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from swvsite.content import frontmatter, records
from swvsite.pages import filters
from swvsite.pages.zoekindex.regels import GLOSSARY, SEARCH_PAGE
from swvsite.pages.zoekindex.tekst import words


@dataclass
class Entry:
    url: str
    title: str
    text: str
    lang: str
    page_title: str = ""
    boost: float = 1.0
    terms: dict[str, float] = field(default_factory=dict)
    _tokens: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)

    def tokens(self, part: str) -> list[str]:
        """The folded words of "title", "page_title" or "text", worked out once
        while the index is built (build() forgets them again)."""
        found = self._tokens.get(part)
        if found is None:
            found = self._tokens[part] = words(getattr(self, part), self.lang)
        return found


_HTML_LANG = re.compile(r"<html\b[^>]*\blang=[\"']?([A-Za-z-]+)", re.I)
_REFRESH = re.compile(r"<meta\s[^>]*http-equiv=[\"']?refresh", re.I)
_NOINDEX = re.compile(r"<meta\s[^>]*name=[\"']?robots[\"']?\s[^>]*noindex", re.I)
_ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.I | re.S)
_EXCLUDED = re.compile(r"<(\w+)\b[^>]*data-search-exclude[^>]*>", re.I)
_ANY_HEADING = re.compile(r"<h([1-6])\b", re.I)
# Sections start at headings with an id, and at terms of a definition list with
# an id (every begrip on the begrippen page is an answer of its own).
_HEADING = re.compile(r"<(h[1-3]|dt)\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</\1>", re.I | re.S)
_DROP = re.compile(r"<(script|style|template)\b.*?</\1>|<a [^>]*class=\"headerlink\".*?</a>",
                   re.I | re.S)
_TAGS = re.compile(r"<[^>]+>")


def _without_excluded(body: str) -> str:
    """`body` without what is marked `data-search-exclude`: an element with all it
    holds, and a heading with its whole section, up to the next heading of the
    same or a higher level (text every page repeats, link lists, contact details)."""
    while found := _EXCLUDED.search(body):
        tag = found.group(1).lower()
        if re.fullmatch(r"h[1-6]", tag):
            level = int(tag[1])
            end = next((h.start() for h in _ANY_HEADING.finditer(body, found.end())
                        if int(h.group(1)) <= level), len(body))
        else:
            end = _element_end(body, tag, found.end())
        body = body[:found.start()] + " " + body[end:]
    return body


def _element_end(body: str, tag: str, start: int) -> int:
    """Where the element whose opening tag ends at `start` closes (nested
    elements of the same name counted); the end of `body` when it never does."""
    depth = 1
    for found in re.finditer(rf"<(/?){tag}\b[^>]*>", body[start:], re.I):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return start + found.end()
    return len(body)


def _plain(markup: str) -> str:
    return " ".join(html.unescape(_TAGS.sub(" ", markup)).split())


WEIGHT_ATTRIBUTE = "data-swv-zoekgewicht"   # a page's `search: boost:` (front matter)
EXCLUDE_ATTRIBUTE = "data-swv-niet-zoeken"  # a page's `search: exclude: true`
_WEIGHT = re.compile(rf"<html\b[^>]*\b{WEIGHT_ATTRIBUTE}=\"([0-9.]+)\"", re.I)
_EXCLUDE_PAGE = re.compile(rf"<html\b[^>]*\b{EXCLUDE_ATTRIBUTE}\b", re.I)


def page_attributes(search: object) -> dict[str, str]:
    """The attributes of a page's <html> that carry its front matter's `search:`
    settings into the built page, where the index reads them. ValueError (Dutch)
    for a value that is not one (content.frontmatter.search_settings)."""
    settings = frontmatter.search_settings(search)
    found = {}
    if settings.boost is not None:
        found[WEIGHT_ATTRIBUTE] = f"{settings.boost:g}"
    if settings.exclude:
        found[EXCLUDE_ATTRIBUTE] = "true"
    return found


def page_entries(markup: str, url: str) -> list[Entry]:
    """The sections of one built page as entries; [] for pages that are no result."""
    if _REFRESH.search(markup) or _NOINDEX.search(markup) or _EXCLUDE_PAGE.search(markup):
        return []
    weight = _WEIGHT.search(markup)
    boost = float(weight.group(1)) if weight else record_boost(url)
    article = _ARTICLE.search(markup)
    if not article:
        return []
    found = _HTML_LANG.search(markup)
    lang = (found.group(1) if found else "nl").split("-")[0].lower()
    body = _without_excluded(_DROP.sub(" ", article.group(1)))
    headings = list(_HEADING.finditer(body))
    entries: list[Entry] = []
    page_title = _plain(headings[0].group(3)) if headings else ""
    for i, heading in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(body)
        anchor = "" if i == 0 else "#" + heading.group(2)
        title = _plain(heading.group(3))
        entries.append(Entry(url + anchor, title, _plain(body[heading.end():end]), lang,
                             page_title, boost))
    return entries


def record_boost(url: str) -> float:
    """The search weight of the record type whose page this is (records.py),
    1 for other pages; a translation (/en/...) weighs as the Dutch page."""
    parts = [p for p in url.split("/") if p]
    if parts and len(parts[0]) == 2 and len(parts) > 2:
        parts = parts[1:]
    if len(parts) != 2:
        return 1.0
    for rtype in records.RECORD_TYPES.values():
        if rtype.folder == parts[0]:
            return rtype.search_boost
    return 1.0


def is_filter_page(url: str) -> bool:
    """A page of one filter value (swvsite.pages.filters.facet_page): a list of
    links to the records, which are results themselves."""
    folder, _, rest = url.partition("/")
    key_value = rest.removeprefix("filter/").rstrip("/")
    return rest.startswith("filter/") and "/" not in key_value and "-" in key_value and \
        filters.facet_page(folder, *key_value.split("-", 1)) == url.rstrip("/") + ".md"


def site_entries(site_dir: Path) -> list[Entry]:
    entries: list[Entry] = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.parent.relative_to(site_dir).as_posix()
        url = "" if rel == "." else rel + "/"
        if is_filter_page(url) or url == SEARCH_PAGE:
            continue
        entries += page_entries(path.read_text(encoding="utf-8", errors="replace"), url)
    return entries




def is_begrip(entry: Entry) -> bool:
    """Whether the entry is one begrip of the begrippen page (in any language)."""
    url = entry.url
    if len(url) > 3 and url[2] == "/":  # a translated page: en/begrippen/#...
        url = url[3:]
    return url.startswith(GLOSSARY)
