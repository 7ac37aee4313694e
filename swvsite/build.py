"""The MkDocs build, reusing the pages an earlier build already rendered.

`build` is MkDocs' own build (`mkdocs.commands.build.build` of MkDocs 1.6, which is
no longer developed) step for step, with one difference: before a page is
rendered, its *key* is looked up in a `PageCache`. On a hit the page is not
rendered again: its finished HTML, its search index entries, the anchors it has,
the anchored links it makes and the script hashes of its policy come from the
cache, and everything else (navigation, theme templates, anchor validation,
plugin events of the whole build) runs as usual. A clean build and a cached build
write byte-identical sites (tests/test_build_cache.py builds both and compares).

A page's key covers everything its output is made from:

- its source path, its Markdown source (the file, or what a plugin generated)
  and its inclusion level;
- what the swvsite plugin says the page reads besides its source
  (`SwvsitePlugin.page_dependencies`: its record, the organisatie and the
  begrippen; for a hand-written page, all content);
- what every page depends on (`global_key`): the configuration after every
  plugin's on_config (canonicalised), the theme overrides' files, the source of
  swvsite and of the macros module, the versions of Python, MkDocs, Material and
  the Markdown packages, the navigation and the list of all files (so a link
  to a page that no longer exists is found again by rendering the page).

Only pages that rendered without a warning are kept, and a cache is used only
when every plugin that acts on single pages is one whose effects the cache
records (swvsite, Material's search, mkdocs-macros); with any other plugin or a
MkDocs hook, every page is rendered as MkDocs would.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urljoin

import jinja2
from mkdocs import utils
from mkdocs.commands.build import _build_extra_template, _build_theme_template, get_context
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.swvsite.build")

CACHE_VERSION = 1
# Plugins acting on single pages whose effects the cache records (by class).
KNOWN_PAGE_PLUGINS = {
    ("swvsite.plugin", "SwvsitePlugin"),
    ("material.plugins.search.plugin", "SearchPlugin"),
    ("mkdocs_macros.plugin", "MacrosPlugin"),
}
PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content",
               "page_context", "post_page")
# Markdown extensions that read other files than the page itself.
FILE_READING_EXTENSIONS = {"pymdownx.snippets", "markdown_include.include", "mdx_include"}
VERSIONED_PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown",
                      "pymdown-extensions", "Jinja2", "PyYAML", "Pygments", "MarkupSafe",
                      "babel")


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
    def load(cls, path: Path) -> "PageCache":
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
        assert self.path is not None
        data = {"format": _cache_format(),
                "pages": {uri: page.as_tuple() for uri, page in self.pages.items()}}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        temporary.write_bytes(marshal.dumps(data))
        os.replace(temporary, self.path)


def _cache_format() -> str:
    return f"swvsite-pages {CACHE_VERSION} python {sys.version_info[:3]}"


# --------------------------------------------------------------------------
# Keys
# --------------------------------------------------------------------------


def cache_blocker(config) -> str | None:
    """Why pages of this configuration cannot come from a cache (None if they can)."""
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


def global_key(config, files: Files, nav: Navigation, serve_url: str | None) -> bytes | None:
    """What every page's output depends on besides its own source; None when the
    navigation takes titles from pages (then it depends on their rendering)."""
    nav_part = _nav_fingerprint(nav.items)
    if nav_part is None:
        return None
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
    import json

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


_fingerprints: dict[tuple, str] = {}


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
    parts = [_cached_tree(Path(__file__).resolve().parent)]
    macros = config.plugins.get("macros")
    if macros is not None:
        base = Path(config.config_file_path or ".").resolve().parent
        module = macros.config.get("module_name") or "main"
        for candidate in (base / module, base / f"{module}.py"):
            if candidate.exists():
                parts.append(_hash_tree(candidate, (".py",)))
    return " ".join(parts)


def _cached_tree(root: Path) -> str:
    # swvsite's own files do not change while a process runs (the preview server
    # reruns builds for hours; its code is loaded once).
    key = ("tree", str(root))
    if key not in _fingerprints:
        _fingerprints[key] = _hash_tree(root)
    return _fingerprints[key]


def _theme_fingerprint(config) -> str:
    custom = config.theme.custom_dir
    return _hash_tree(Path(custom)) if custom and Path(custom).is_dir() else ""


def _versions() -> str:
    key = ("versions",)
    if key not in _fingerprints:
        versions = [sys.version]
        for name in VERSIONED_PACKAGES:
            try:
                versions.append(f"{name}=={metadata.version(name)}")
            except metadata.PackageNotFoundError:
                versions.append(f"{name} missing")
        _fingerprints[key] = " ".join(versions)
    return _fingerprints[key]


# --------------------------------------------------------------------------
# The build
# --------------------------------------------------------------------------


@dataclass
class BuildStats:
    pages: int = 0
    reused: int = 0
    seconds: float = 0.0
    cache_off: str | None = None  # why no page could come from the cache


class _WarningCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept in memory between the preview's rebuilds
    (Jinja recompiles a template whose source changed)."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        data = self.compiled.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def build(config, *, cache: PageCache | None = None, serve_url: str | None = None,
          keep_site: bool = False, templates: jinja2.BytecodeCache | None = None) -> BuildStats:
    """Build the site as `mkdocs build` does (strict when config.strict), reusing
    pages from `cache` whose key has not changed. On success the cache holds the
    pages of this build.

    `keep_site` (the preview): the site folder is not emptied first; files that
    did not change are not written again and files the build no longer makes are
    removed at the end. `templates` keeps compiled theme templates between builds."""
    logger = logging.getLogger("mkdocs")
    warning_counter = utils.CountHandler()
    warning_counter.setLevel(logging.WARNING)
    if config.strict:
        logger.addHandler(warning_counter)
    page_warnings = _WarningCounter()
    logger.addHandler(page_warnings)
    inclusion = InclusionLevel.is_in_serve if serve_url else InclusionLevel.is_included
    stats = BuildStats()
    if cache is not None:
        cache.start()
    try:
        start = time.monotonic()
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        if keep_site:
            started = _mark_start(Path(config.site_dir))
        else:
            log.info("Cleaning site directory")
            utils.clean_directory(config.site_dir)
            if not serve_url:
                log.info(f"Building documentation to directory: {config.site_dir}")

        files = get_files(config)
        env = config.theme.get_env()
        if templates is not None:
            env.bytecode_cache = templates
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)

        plugin = config.plugins.get("swvsite")
        base = None
        if cache is not None:
            stats.cache_off = cache_blocker(config)
            if stats.cache_off is None:
                base = global_key(config, files, nav, serve_url)
                if base is None:
                    stats.cache_off = "the navigation takes titles from pages"
            if stats.cache_off:
                log.info(f"Rendering every page: {stats.cache_off}.")

        reused: dict[str, RenderedPage] = {}
        keys: dict[str, bytes] = {}
        clean: set[str] = set()  # rendered without a warning so far
        excluded = []
        for file in files.documentation_pages(inclusion=inclusion):
            if file.page is None and file.inclusion.is_not_in_nav():
                if serve_url and file.inclusion.is_excluded():
                    excluded.append(urljoin(serve_url, file.url))
                Page(None, file, config)
            page = file.page
            assert page is not None
            before = page_warnings.count
            if base is None:
                _populate_page(page, config, files)
            elif file.generated_by == "swvsite":
                keys[file.src_uri] = source_key(base, file, plugin)
                if _reuse(page, cache.get(file.src_uri, keys[file.src_uri]), files, reused):
                    continue
                _populate_page(page, config, files)
            else:
                _read_page(page, config, files)
                keys[file.src_uri] = markdown_key(base, page, plugin)
                if _reuse(page, cache.get(file.src_uri, keys[file.src_uri]), files, reused):
                    continue
                _render_page(page, config, files)
            if page_warnings.count == before:
                clean.add(file.src_uri)
        if excluded:
            log.info("The following pages are being built only for the preview "
                     "but will be excluded from `mkdocs build` per `draft_docs` config:\n  - "
                     + "\n  - ".join(excluded))

        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(dirty=keep_site, inclusion=inclusion)
        for template in config.theme.static_templates:
            _build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            _build_extra_template(template, files, config, nav)

        search_index = _search_index(config)
        doc_files = files.documentation_pages(inclusion=inclusion)
        for file in doc_files:
            page = file.page
            assert page is not None
            hit = reused.get(file.src_uri)
            if hit is not None:
                _write_reused(page, hit, search_index, plugin, keep_site)
                continue
            before = page_warnings.count
            first_entry = len(search_index.entries) if search_index is not None else 0
            output = _build_page(page, config, doc_files, nav, env,
                                 excluded=file.inclusion.is_excluded())
            if (base is not None and output is not None and file.src_uri in clean
                    and page_warnings.count == before):
                cache.put(file.src_uri, _rendered(
                    page, keys[file.src_uri], output,
                    search_index.entries[first_entry:] if search_index is not None else [],
                    plugin.page_script_hashes.get(file.src_uri, [])))

        log_level = config.validation.links.anchors
        for file in doc_files:
            assert file.page is not None
            file.page.validate_anchor_links(files=files, log_level=log_level)

        config.plugins.on_post_build(config=config)
        if keep_site:
            _remove_stale(Path(config.site_dir), started,
                          {os.path.normpath(f.abs_dest_path) for f in files
                           if inclusion(f.inclusion)})
        if counts := warning_counter.get_counts():
            msg = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
            raise Abort(f"Aborted with {msg} in strict mode!")
        stats.pages = len(doc_files)
        stats.reused = len(reused)
        stats.seconds = time.monotonic() - start
        if cache is not None and base is not None:
            cache.finish()
        log.info(f"Documentation built in {stats.seconds:.2f} seconds")
        return stats
    except Exception as e:
        config.plugins.on_build_error(error=e)
        if isinstance(e, BuildError):
            log.error(str(e))
            raise Abort("Aborted with a BuildError!")
        raise
    finally:
        logger.removeHandler(warning_counter)
        logger.removeHandler(page_warnings)


def _populate_page(page: Page, config, files: Files) -> None:
    """mkdocs.commands.build._populate_page: read the source, render the Markdown."""
    _read_page(page, config, files)
    _render_page(page, config, files)


def _read_page(page: Page, config, files: Files) -> None:
    """The first half of _populate_page: the page's Markdown after its plugins."""
    with _page_errors(page, config, "reading"):
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        assert page.markdown is not None
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files)


def _render_page(page: Page, config, files: Files) -> None:
    """The second half of _populate_page: Markdown to HTML."""
    with _page_errors(page, config, "reading"):
        page.render(config, files)
        assert page.content is not None
        page.content = config.plugins.on_page_content(
            page.content, page=page, config=config, files=files)


@contextmanager
def _page_errors(page: Page, config, doing: str):
    """MkDocs' handling of an error in a page: log which page, then raise."""
    config._current_page = page
    try:
        yield
    except Exception as e:
        message = f"Error {doing} page '{page.file.src_uri}':"
        if not isinstance(e, BuildError):
            message += f" {e}"
        log.error(message)
        raise
    finally:
        config._current_page = None


def _build_page(page: Page, config, doc_files, nav: Navigation, env,
                excluded: bool = False) -> bytes | None:
    """mkdocs.commands.build._build_page; returns the bytes it wrote (None if the
    page came out empty and was skipped)."""
    config._current_page = page
    try:
        log.debug(f"Building page {page.file.src_uri}")
        page.active = True
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        if excluded:
            page.content = (
                '<div class="mkdocs-draft-marker" title="This page will not be included into '
                'the built site.">DRAFT</div>' + (page.content or ""))
        output = template.render(context)
        output = config.plugins.on_post_page(output, page=page, config=config)
        if not output.strip():
            log.info(f"Page skipped: '{page.file.src_uri}'. Generated empty output.")
            return None
        data = output.encode("utf-8", errors="xmlcharrefreplace")
        utils.write_file(data, page.file.abs_dest_path)
        return data
    except Exception as e:
        message = f"Error building page '{page.file.src_uri}':"
        if not isinstance(e, BuildError):
            message += f" {e}"
        log.error(message)
        raise
    finally:
        page.active = False
        config._current_page = None


def _rendered(page: Page, key: bytes, output: bytes, entries: list[dict],
              hashes: list[str]) -> RenderedPage:
    links = {target.src_uri: dict(anchors)
             for target, anchors in (page.links_to_anchors or {}).items()}
    return RenderedPage(key, output, page.title, sorted(page.present_anchor_ids or ()),
                        links, [dict(e) for e in entries], list(hashes))


def _reuse(page: Page, hit: RenderedPage | None, files: Files,
           reused: dict[str, RenderedPage]) -> bool:
    if hit is None or not _restore(page, hit, files):
        return False
    reused[page.file.src_uri] = hit
    return True


def _restore(page: Page, hit: RenderedPage, files: Files) -> bool:
    """Give an unrendered page what other parts of the build read from it."""
    links = {}
    for uri, anchors in hit.links.items():
        target = files.get_file_from_path(uri)
        if target is None:
            return False  # cannot happen with the same files; render it to be sure
        links[target] = dict(anchors)
    if "title" not in page.__dict__:
        page.title = hit.title
    page.present_anchor_ids = set(hit.anchors)
    page.links_to_anchors = links
    return True


def _write_reused(page: Page, hit: RenderedPage, search_index, plugin, keep_site: bool) -> None:
    if not (keep_site and os.path.isfile(page.file.abs_dest_path)):
        utils.write_file(hit.output, page.file.abs_dest_path)
    if search_index is not None:
        search_index.entries.extend(dict(e) for e in hit.search_entries)
    plugin.script_hashes.update(hit.script_hashes)


START_MARKER = ".swvsite-build"


def _mark_start(site_dir: Path) -> int:
    """A file written at the start of a build; its time stamp, on the file system's
    own clock, tells files written by this build from older ones."""
    site_dir.mkdir(parents=True, exist_ok=True)
    marker = site_dir / START_MARKER
    marker.write_bytes(b"")
    return marker.stat().st_mtime_ns


def _remove_stale(site_dir: Path, started: int, expected: set[str]) -> None:
    """Remove what an earlier build wrote and this one did not: files that are not
    among this build's files and were not written since it started."""
    (site_dir / START_MARKER).unlink(missing_ok=True)
    for root, dirs, names in os.walk(site_dir, topdown=False):
        for name in names:
            path = os.path.join(root, name)
            if path not in expected and os.stat(path).st_mtime_ns < started:
                os.remove(path)
        if root != str(site_dir) and not os.listdir(root):
            os.rmdir(root)


def _search_index(config):
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or not search.config.get("enabled", True):
        return None
    return getattr(search, "search_index", None)
