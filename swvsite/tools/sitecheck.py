"""Checks of a built site that hold for any valid content (`swvsite check-site`).

They read the built HTML, CSS, JS and search index and the loaded content; no
MkDocs. Each finding names the page, what is wrong and what to do, in Dutch:

- every record has its page, every vraag its anchor on its thema page, every
  procedure step its `#stap-N`;
- every internal link, resource and anchor resolves to a file (and an id) in the site;
- nothing is requested from another website (scripts, styles, fonts, images, frames,
  forms, CSS `url()`/`@import`, absolute URLs in our scripts);
- the search index has every page that should be found, and every record page.

A full address on the site's own host for a document that is not in the built site
(`https://<site_url>/documenten/folder.pdf`) is not a finding: such files are put on
the web server beside the site. The theme's bundle names GitHub, GitLab and unpkg.com
for features it fetches from there (a repository link, Mermaid diagrams); those are
found on the pages that use the feature instead (what the theme does is in
swvsite.engine.theme).

The browser check (axe-core) is in `swvsite.tools.axe`; it needs the `sitecheck` extra.
Measured on the demo (98 pages): 0.35 s for all static checks, beside 1.9 s for a
full build; on 10x content (947 pages) 1.5 to 3.6 s beside 11 s. They are not part
of `swvsite build`: the publishing pipelines run them before every deploy.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from swvsite.content import frontmatter
from swvsite.content import model as m
from swvsite.engine import theme
from swvsite.pages import zoekindex

SEARCH_INDEX = (zoekindex.INDEX_DIR / "manifest.json").as_posix()
LOCAL_BASE = "http://swvsite.invalid/"
# Links that do not point to a place in the site.
NOT_LOCATIONS = ("mailto:", "tel:", "sms:", "data:", "blob:", "javascript:", "about:")
# <link rel=...> values that make the browser fetch the URL.
FETCHING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "preload",
                 "prefetch", "preconnect", "dns-prefetch", "modulepreload", "manifest"}
# Tag -> attributes whose URL the browser requests by itself.
RESOURCE_ATTRS = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",),
    "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
    "track": ("src",), "embed": ("src",), "object": ("data",), "form": ("action",),
    "input": ("src", "formaction"), "button": ("formaction",), "image": ("href",),
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]+)\3""", re.I)
# Absolute URLs in a script: string literals only (comments and licences name sites too).
JS_URL = re.compile(r"""["'`](https?://[^"'`\s]+)""")
# XML namespaces are names, not requests.
NAMESPACE_HOSTS = {"www.w3.org"}


@dataclass(frozen=True, order=True)
class Finding:
    page: str
    what: str
    todo: str

    def __str__(self) -> str:
        return f"- {self.page}: {self.what}. {self.todo}"


@dataclass
class Page:
    """One HTML file of the built site, read once."""

    rel: str                       # path in the site: 'voorzieningen/x/index.html'
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)       # <a>/<area> href, <link> href
    resources: list[tuple[str, str]] = field(default_factory=list)  # (what, url) fetched
    styles: list[str] = field(default_factory=list)      # <style> text and style=""
    redirect: bool = False
    features: list[str] = field(default_factory=list)  # theme.FEATURES the page uses

    @property
    def url(self) -> str:
        """The address a visitor types, relative to the site root ('' is the home page)."""
        return self.rel.removesuffix("index.html")

    @property
    def label(self) -> str:
        return "/" + self.url


# The built HTML is machine-written (Markdown, Material's templates), so a tag scanner
# is enough and several times faster than html.parser: comments and the text of
# scripts are skipped, attribute values are unescaped.
_SKIPPED = re.compile(r"<!--.*?-->|(<script\b[^>]*>).*?</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_TAG = re.compile(r"<([a-zA-Z][\w:-]*)(\s[^>]*)?>")
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


_URL_TAGS = {"a", "area", "link", "meta", "map", *RESOURCE_ATTRS}


def _attributes(text: str | None) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTR.finditer(text or ""):
        value = next((v for v in match.groups()[1:] if v is not None), "")
        found.setdefault(match.group(1).lower(), html.unescape(value) if "&" in value else value)
    return found


def _scan(page: Page, text: str) -> None:
    page.styles += _STYLE.findall(text)
    text = _SKIPPED.sub(lambda match: match.group(1) or "", text)
    for match in _TAG.finditer(text):
        tag, raw = match.group(1).lower(), match.group(2)
        if raw and (tag in _URL_TAGS or "id=" in raw or "style=" in raw):
            _tag(page, tag, _attributes(raw))


def _tag(page: Page, tag: str, a: dict[str, str]) -> None:
    for name in ("id", "name") if tag in ("a", "map") else ("id",):
        if a.get(name):
            page.ids.add(a[name])
    if tag in ("a", "area") and "href" in a:
        page.links.append(a["href"])
    elif tag == "link" and "href" in a:
        if set(a.get("rel", "").lower().split()) & FETCHING_RELS:
            page.resources.append((f"<link rel=\"{a.get('rel')}\">", a["href"]))
        else:
            page.links.append(a["href"])
    elif tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
        page.redirect = True
        target = re.search(r"url=(.*)$", a.get("content", ""), re.I)
        if target:
            page.links.append(target.group(1).strip("'\" "))
    for attr in RESOURCE_ATTRS.get(tag, ()):
        if a.get(attr):
            for url in (_srcset(a[attr]) if attr == "srcset" else [a[attr]]):
                page.resources.append((f"<{tag} {attr}>", url))
    if a.get("style"):
        page.styles.append(a["style"])


def _srcset(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def read_page(site_dir: Path, path: Path) -> Page:
    page = Page(path.relative_to(site_dir).as_posix())
    text = path.read_text(encoding="utf-8", errors="replace")
    _scan(page, text)
    page.features = [marker for marker in theme.FEATURES if marker in text]
    return page


class BuiltSite:
    """The built site folder: its pages by path, and where a URL leads."""

    def __init__(self, site_dir: Path, site_url: str | None = None):
        self.root = Path(site_dir)
        base = (site_url or LOCAL_BASE).rstrip("/") + "/"
        parts = urlsplit(base)
        self.base = base
        self.host = parts.netloc.lower()
        self.base_path = parts.path
        self.answers: dict[tuple[str, str], str | None] = {}

    @cached_property
    def pages(self) -> dict[str, Page]:
        files = sorted(self.root.rglob("*.html"))
        return {p.rel: p for p in (read_page(self.root, f) for f in files)}

    def is_own(self, absolute: str) -> bool:
        return urlsplit(absolute).netloc.lower() == self.host

    def absolute(self, page: Page, url: str) -> str:
        return urljoin(self.base + page.rel, url.strip())

    def local_path(self, absolute: str) -> str | None:
        """The file (relative to the site) an own absolute URL asks for, or None when it
        is outside the site's path."""
        path = unquote(urlsplit(absolute).path)
        if not path.startswith(self.base_path):
            return None if path + "/" != self.base_path else ""
        return path[len(self.base_path):]

    @cached_property
    def files(self) -> set[str]:
        return {p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file()}

    def resolve(self, rel: str) -> str | None:
        """The file that serves `rel` ('x/' is 'x/index.html'), or None when there is none."""
        candidates = [rel + "index.html"] if rel == "" or rel.endswith("/") else \
            [rel, rel + "/index.html"]
        return next((c for c in candidates if c in self.files), None)


# --- the checks -------------------------------------------------------------------

def record_pages(built: BuiltSite, site: m.Site) -> list[Finding]:
    """Every record has its page; vragen and procedure steps their anchors."""
    findings = []
    for record in site.records_by_page.values():
        rel = f"{record.type.folder}/{record.id}/index.html"
        page = built.pages.get(rel)
        label = f"/{record.type.folder}/{record.id}/"
        if page is None:
            findings.append(Finding(label, f"de pagina van {record.path} ontbreekt in de site",
                                    "Bouw de site opnieuw met 'swvsite build'; blijft de pagina "
                                    "weg, meld het aan een ontwikkelaar"))
            continue
        wanted = []
        if record.type is m.THEMA:
            wanted = [(v["id"], f"de vraag '{v['id']}'") for v in record["vragen"] if v]
        elif record.type is m.PROCEDURE:
            wanted = [(f"stap-{n}", f"stap {n}")
                      for n, stap in enumerate(record["stappen"], start=1) if stap]
        for anchor, what in wanted:
            if anchor not in page.ids:
                findings.append(Finding(f"{label}#{anchor}", f"{what} uit {record.path} heeft "
                                        "geen anker op de pagina; links van scholen werken dan "
                                        "niet", "Meld het aan een ontwikkelaar"))
    return findings


def internal_links(built: BuiltSite) -> list[Finding]:
    """Every link, resource and anchor inside the site leads to a file (and an id) there."""
    findings = []
    for page in built.pages.values():
        urls = page.links + [url for _, url in page.resources] + \
            [url for text in page.styles for url in _css_urls(text)]
        for url in dict.fromkeys(urls):
            problem = _broken(built, page, url)
            if problem:
                findings.append(Finding(page.label, problem, "Verbeter de link in de tekst of "
                                        "het bestand waar hij vandaan komt"))
    return findings


def _broken(built: BuiltSite, page: Page, url: str) -> str | None:
    """What is wrong with `url` on `page`, or None. Pages in one folder share the answer."""
    key = (page.rel if url.startswith(("#", "?")) else page.rel.rpartition("/")[0], url)
    if key not in built.answers:
        built.answers[key] = _link_problem(built, page, url)
    return built.answers[key]


def _link_problem(built: BuiltSite, page: Page, url: str) -> str | None:
    if not url.strip() or url.strip().lower().startswith(NOT_LOCATIONS):
        return None
    absolute = built.absolute(page, url)
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or not built.is_own(absolute):
        return None
    rel = built.local_path(absolute)
    if rel is None:
        return f"de link '{url}' wijst buiten de site"
    target = built.resolve(rel)
    if target is None:
        if _written_document(url, rel):
            return None
        return f"de link '{url}' wijst naar een pagina of bestand dat niet bestaat"
    fragment = unquote(parts.fragment)
    if fragment and target.endswith(".html") and fragment not in built.pages[target].ids:
        return f"de link '{url}' wijst naar het anker '#{fragment}', dat niet op de pagina staat"
    return None


def _written_document(url: str, rel: str) -> bool:
    """A full address on the site's own host for a document (a PDF, a Word file) that is
    not part of the built site: such files are put on the web server beside it."""
    suffix = Path(rel).suffix.lower()
    return bool(urlsplit(url).netloc) and suffix not in ("", ".html", ".htm")


def third_party(built: BuiltSite) -> list[Finding]:
    """Nothing the browser fetches by itself comes from another website."""
    findings = []
    todo = ("Zet het bestand in de site zelf (bezoekers worden dan niet gevolgd door een "
            "andere website) of haal het weg")
    for page in built.pages.values():
        fetched = page.resources + [("CSS url()", url) for text in page.styles
                                    for url in _css_urls(text)]
        for what, url in fetched:
            if _off_site(built, page, url):
                findings.append(Finding(page.label, f"{what} haalt '{url}' van een andere "
                                        "website", todo))
        for marker in page.features:
            findings.append(Finding(page.label, theme.FEATURES[marker], todo))
    for path in sorted(built.root.rglob("*.css")) + sorted(built.root.rglob("*.js")):
        rel = path.relative_to(built.root).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        urls = _css_urls(text) if path.suffix == ".css" else JS_URL.findall(text)
        here = Page(rel)
        for url in dict.fromkeys(urls):
            if theme.fetched_only_for_a_feature(path.name, url):
                continue
            if _off_site(built, here, url) and urlsplit(url).netloc.lower() \
                    not in NAMESPACE_HOSTS:
                findings.append(Finding("/" + rel, f"het bestand verwijst naar '{url}' op een "
                                        "andere website", todo))
    return findings


def _off_site(built: BuiltSite, page: Page, url: str) -> bool:
    url = url.strip()
    if not url or url.lower().startswith(NOT_LOCATIONS):
        return False
    absolute = built.absolute(page, url)
    return urlsplit(absolute).scheme in ("http", "https", "ws", "wss", "ftp") \
        and not built.is_own(absolute)


def _css_urls(text: str) -> list[str]:
    return [match.group(2) or match.group(4) for match in CSS_URL.finditer(text)
            if (match.group(2) or match.group(4))]


def search_index(built: BuiltSite, site: m.Site | None, docs_dir: Path | None,
                 use_directory_urls: bool = True) -> list[Finding]:
    """Every page a visitor may search for is in the site's search index
    (swvsite.pages.zoekindex: its manifest and its document blocks)."""
    index_file = built.root / SEARCH_INDEX
    todo = "Bouw de site opnieuw met 'swvsite build'; blijft het zo, meld het aan een ontwikkelaar"
    try:
        json.loads(index_file.read_text(encoding="utf-8"))["shards"]
        indexed = {unquote(str(d[0]).split("#", 1)[0])
                   for block in sorted(index_file.parent.glob("d-*.json"))
                   for d in json.loads(block.read_text(encoding="utf-8"))}
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        return [Finding("/" + SEARCH_INDEX, f"de zoekindex ontbreekt of is onleesbaar ({exc})",
                        todo)]
    excluded = not_searched(docs_dir, use_directory_urls) if docs_dir else set()
    records = {f"{r.type.folder}/{r.id}/": r for r in site.records_by_page.values()} \
        if site is not None else {}
    findings = []
    for page in built.pages.values():
        if page.rel == "404.html" or page.redirect or page.url in excluded or \
                page.url == zoekindex.SEARCH_PAGE or zoekindex.is_filter_page(page.url):
            continue
        if page.url not in indexed:
            # A record page is always searchable (a missing one is a record_pages finding).
            whose = f"de pagina van {records[page.url].path}" if page.url in records \
                else "de pagina"
            findings.append(Finding(page.label, f"{whose} staat niet in de zoekindex en is dus "
                                    "niet te vinden met Zoeken", todo))
    return findings


def not_searched(docs_dir: Path, use_directory_urls: bool = True) -> set[str]:
    """URLs of hand-written pages whose front matter says `search: exclude: true`."""
    urls = set()
    for path in sorted(Path(docs_dir).rglob("*.md")):
        search = frontmatter.read(path).meta.get("search")
        try:
            excluded = frontmatter.search_settings(search).exclude
        except ValueError:
            excluded = False  # the build refuses such a page; `swvsite check` says why
        if excluded:
            urls.add(_page_url(path.relative_to(docs_dir).as_posix(), use_directory_urls))
    return urls


def _page_url(source: str, use_directory_urls: bool) -> str:
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index") or stem.lower() == "readme":
        return stem.removesuffix("index")
    return stem + "/" if use_directory_urls else stem + ".html"


def check_built_site(site_dir: Path, site: m.Site | None, config_file: str | Path
                     ) -> tuple[BuiltSite, list[Finding]]:
    """The static checks of `site_dir` with site_url, docs_dir and use_directory_urls
    from mkdocs.yml."""
    from swvsite.config import read_mkdocs_yml

    config = read_mkdocs_yml(config_file)
    built = BuiltSite(site_dir, config.get("site_url"))
    findings = static_findings(
        built, site, docs_dir=Path(config_file).parent / (config.get("docs_dir") or "docs"),
        use_directory_urls=config.get("use_directory_urls", True) is not False)
    return built, findings


# --- all of them ----------------------------------------------------------------

def static_findings(built: BuiltSite, site: m.Site | None, *, docs_dir: Path | None = None,
                    use_directory_urls: bool = True) -> list[Finding]:
    """Every check that needs no browser, sorted by page."""
    findings = internal_links(built) + third_party(built) + \
        search_index(built, site, docs_dir, use_directory_urls)
    if site is not None:
        findings += record_pages(built, site)
    return sorted(set(findings))


def report(findings: list[Finding], pages: int) -> str:
    if not findings:
        return f"De gebouwde site is in orde: {pages} pagina's gecontroleerd."
    count = len(findings)
    head = (f"{count} {'probleem' if count == 1 else 'problemen'} gevonden in de gebouwde site "
            f"({pages} pagina's gecontroleerd):")
    return "\n".join([head, *map(str, findings)])
