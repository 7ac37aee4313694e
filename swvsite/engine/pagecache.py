"""The page cache: what a build keeps of each rendered page, and the keys that
say whether a page can be reused.

A page's key covers everything its output is made from:

- its source path and inclusion level, and either its source (a page the
  swvsite plugin generated: data rendered by swvsite, never a template) or its
  Markdown after its plugins ran (any other page: macros may put any content in
  it) with its metadata;
- what the swvsite plugin says the page reads besides that
  (`SwvsitePlugin.page_dependencies`: its record, the organisatie, the
  begrippen);
- what every page depends on (`global_key`): the configuration after every
  plugin's on_config (canonicalised), the theme overrides' files, the source of
  swvsite and of the macros module, the engine (swvsite.engine.choice), the
  versions of Python, MkDocs or ProperDocs, Material and the Markdown packages,
  the navigation and the list of all files (so a link to a page that no longer
  exists is found again by rendering the page).

A cache is only used when every plugin that acts on single pages is one whose
effects a `RenderedPage` records (`cache_blocker`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import marshal
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from swvsite.engine import choice

log = logging.getLogger("mkdocs.swvsite.engine.pagecache")

CACHE_VERSION = 1
# Plugins acting on single pages whose effects the cache records (by class).
KNOWN_PAGE_PLUGINS = {
    ("swvsite.engine.plugin", "SwvsitePlugin"),
    ("material.plugins.search.plugin", "SearchPlugin"),
    ("mkdocs_macros.plugin", "MacrosPlugin"),
}
PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content",
               "page_context", "post_page")
# Markdown extensions that read other files than the page itself.
FILE_READING_EXTENSIONS = {"pymdownx.snippets", "markdown_include.include", "mdx_include"}
VERSIONED_PACKAGES = ("mkdocs", "properdocs", "mkdocs-material", "mkdocs-macros-plugin",
                      "Markdown", "pymdown-extensions", "Jinja2", "PyYAML", "Pygments",
                      "MarkupSafe", "babel")


# --------------------------------------------------------------------------
# The cache
# --------------------------------------------------------------------------


@dataclass
class RenderedPage:
    """What a build keeps of one rendered page."""

    key: bytes
    output: bytes                   # the HTML file as written
    title: str | None
    anchors: list[str]              # ids on the page (for links to it)
    links: dict[str, dict[str, str]]  # target src_uri -> {anchor: link as written}
    search_entries: list[dict]
    script_hashes: list[str]

    def as_tuple(self) -> tuple:
        return (self.key, self.output, self.title, self.anchors, self.links,
                self.search_entries, self.script_hashes)


@dataclass
class PageCache:
    """Rendered pages by source path, each with the key it was rendered for.

    With a `path` it is kept on disk (marshal: plain data, no code) and `save`
    writes the pages of the last successful build there; without one it lives
    in memory (the preview server keeps one between rebuilds)."""

    path: Path | None = None
    pages: dict[str, RenderedPage] = field(default_factory=dict)
    used: dict[str, RenderedPage] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0

    @classmethod
    def load(cls, path: Path) -> PageCache:
        """The cache at `path`; empty when it is missing, unreadable or of another
        version of the format or of Python."""
        cache = cls(path)
        try:
            data = marshal.loads(path.read_bytes())
            if data.get("format") == _cache_format():
                cache.pages = {uri: RenderedPage(*entry) for uri, entry in data["pages"].items()}
        except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError):
            cache.pages = {}
        return cache

    def start(self) -> None:
        """Begin a build: count afresh; only what this build uses is kept."""
        self.used = {}
        self.hits = self.misses = 0

    def get(self, src_uri: str, key: bytes) -> RenderedPage | None:
        page = self.pages.get(src_uri)
        if page is not None and page.key == key:
            self.hits += 1
            self.used[src_uri] = page
            return page
        self.misses += 1
        return None

    def put(self, src_uri: str, page: RenderedPage) -> None:
        self.used[src_uri] = page

    def finish(self) -> None:
        """The build succeeded: its pages become the cache (and are saved)."""
        self.pages = self.used
        self.used = {}
        if self.path is not None:
            self.save()

    def save(self) -> None:
        """Write the cache; a cache that cannot be written never fails a build (the
        next build renders those pages again)."""
        assert self.path is not None
        data = {"format": _cache_format(),
                "pages": {uri: page.as_tuple() for uri, page in self.pages.items()}}
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(marshal.dumps(data))
            os.replace(temporary, self.path)
        except OSError as exc:
            log.info(f"The page cache was not saved ({exc}).")
            with contextlib.suppress(OSError):
                temporary.unlink()


def _cache_format() -> str:
    return f"swvsite-pages {CACHE_VERSION} python {sys.version_info[:3]}"


# --------------------------------------------------------------------------
# Keys
# --------------------------------------------------------------------------


def cache_blocker(config) -> str | None:
    """Why pages of this configuration cannot come from a cache, or be rendered
    apart from each other (None if they can)."""
    if "swvsite" not in config.plugins:
        return "the swvsite plugin is not used"
    for event in PAGE_EVENTS:
        for method in config.plugins.events.get(event, []):
            owner = getattr(method, "__self__", method)
            kind = (type(owner).__module__, type(owner).__qualname__)
            if kind not in KNOWN_PAGE_PLUGINS:
                return f"{kind[0]}.{kind[1]} acts on pages (on_{event})"
    found = FILE_READING_EXTENSIONS.intersection(map(str, config.markdown_extensions))
    if found:
        return f"the Markdown extension {sorted(found)[0]} reads other files"
    macros = config.plugins.get("macros")
    if macros is not None and (macros.config.get("include_yaml")
                               or macros.config.get("include_dir")):
        return "mkdocs-macros reads include_yaml or include_dir"
    return None


def nav_has_own_titles(nav: Navigation) -> bool:
    """Whether every item of the navigation has its title from mkdocs.yml (else
    every page shows titles that only rendering other pages gives)."""
    return _nav_fingerprint(nav.items) is not None


def global_key(config, files: Files, nav: Navigation, serve_url: str | None) -> bytes:
    """What every page's output depends on besides its own source (the navigation
    must have its own titles)."""
    nav_part = _nav_fingerprint(nav.items)
    assert nav_part is not None
    digest = hashlib.blake2b(digest_size=24)
    for part in (_cache_format(), _versions(), _code_fingerprint(config),
                 _theme_fingerprint(config), _canonical_json(_config_values(config)),
                 nav_part, _files_fingerprint(files), serve_url or ""):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.digest()


def source_key(base: bytes, file, plugin) -> bytes:
    """The key of a page the swvsite plugin generated, before it is read: its
    source is data rendered by swvsite (never a template), so the source and the
    record behind it say everything."""
    digest = _page_digest(base, file, plugin)
    digest.update(b"source\0")
    digest.update(file.content_bytes)
    return digest.digest()


def markdown_key(base: bytes, page: Page, plugin) -> bytes:
    """The key of any other page, after its plugins made its Markdown (macros
    may have put any content in it): that Markdown and its metadata."""
    digest = _page_digest(base, page.file, plugin)
    digest.update(b"markdown\0")
    assert page.markdown is not None  # read before its key is asked for
    digest.update(page.markdown.encode("utf-8", "surrogatepass"))
    digest.update(b"\0" + _canonical_json(page.meta).encode("utf-8", "surrogatepass"))
    return digest.digest()


def _page_digest(base: bytes, file, plugin):
    digest = hashlib.blake2b(base, digest_size=24)
    digest.update(file.src_uri.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(file.inclusion.name.encode() + b"\0")
    digest.update(plugin.page_dependencies(file.src_uri).encode() + b"\0")
    return digest


_EXCLUDED_CONFIG = {"config_file_path", "site_dir", "dev_addr", "watch", "strict",
                    "remote_branch", "remote_name"}


def _config_values(config) -> dict:
    values = {key: value for key, value in config.items() if key not in _EXCLUDED_CONFIG}
    values["plugins"] = {name: dict(plugin.config) for name, plugin in config.plugins.items()}
    return values


def _canonical_json(value: Any) -> str:
    return json.dumps(_canonical(value), sort_keys=True, ensure_ascii=False)


def _canonical(value: Any) -> Any:
    """Configuration values as plain data, the same in every process."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(str(_canonical(v)) for v in value)
    if type(value).__name__ == "Theme":
        return {"name": value.name, "dirs": list(value.dirs),
                "static_templates": sorted(value.static_templates),
                "vars": _canonical({k: value[k] for k in value})}
    text = str(value)
    if " at 0x" in text:  # an object's default repr says nothing stable
        state = getattr(value, "__dict__", None)
        return [type(value).__qualname__, _canonical(state) if state else None]
    return [type(value).__qualname__, text]


def _nav_fingerprint(items: Iterable) -> str | None:
    parts = []
    for item in items:
        title = getattr(item, "title", None)
        if title is None:
            return None
        url = getattr(item, "url", None) or getattr(getattr(item, "file", None), "url", None)
        children = getattr(item, "children", None)
        inner = _nav_fingerprint(children) if children else ""
        if inner is None:
            return None
        parts.append(f"{type(item).__name__}\x1f{title}\x1f{url}\x1f[{inner}]")
    return "\x1e".join(parts)


def _files_fingerprint(files: Files) -> str:
    return "\n".join(f"{f.src_uri}\x1f{f.dest_uri}\x1f{f.inclusion.name}" for f in files)


def _hash_tree(root: Path, suffixes: tuple[str, ...] | None = None) -> str:
    """A digest of the names and contents of the files under `root` (or of one file)."""
    digest = hashlib.blake2b(digest_size=20)
    paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    for path in paths:
        if "__pycache__" in path.parts or (suffixes and path.suffix not in suffixes):
            continue
        digest.update(str(path.relative_to(root.parent)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _code_fingerprint(config) -> str:
    """swvsite's own source and assets, and the macros module of the project."""
    parts = [_cached_tree(Path(__file__).resolve().parent.parent)]  # all of swvsite
    macros = config.plugins.get("macros")
    if macros is not None:
        base = Path(config.config_file_path or ".").resolve().parent
        module = macros.config.get("module_name") or "main"
        for candidate in (base / module, base / f"{module}.py"):
            if candidate.exists():
                parts.append(_hash_tree(candidate, (".py",)))
    return " ".join(parts)


@functools.cache
def _cached_tree(root: Path) -> str:
    # swvsite's own files do not change while a process runs (the preview server
    # reruns builds for hours; its code is loaded once).
    return _hash_tree(root)


def _theme_fingerprint(config) -> str:
    custom = config.theme.custom_dir
    return _hash_tree(Path(custom)) if custom and Path(custom).is_dir() else ""


@functools.cache
def _versions() -> str:
    versions = [sys.version, f"engine {choice.active()}"]
    for name in VERSIONED_PACKAGES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} missing")
    return " ".join(versions)
