"""The MkDocs build, reusing the pages an earlier build rendered, on every core.

`build` is MkDocs' own build (`mkdocs.commands.build.build` of MkDocs 1.6, which is
no longer developed) step for step, with two differences:

- before a page is rendered its key is looked up in a `PageCache`
  (swvsite.engine.pagecache); on a hit the page is not rendered again: its finished
  HTML, its search index entries, the anchors it has, the anchored links it
  makes and the script hashes of its policy come from the cache, and everything
  else (navigation, theme templates, anchor validation, plugin events of the
  whole build) runs as usual;
- with `jobs` > 1 the pages to render are shared out over that many processes
  (forked after the theme templates are written; each renders and writes its
  own pages and sends back what the build needs of them).

Both need what `pagecache.cache_blocker` checks: only plugins whose per-page
effects are known (swvsite, Material's search, mkdocs-macros) and a navigation
with titles of its own. Otherwise every page is rendered in this process in
MkDocs' order (all pages read and converted, then all pages built).

A clean build, a cached build and a parallel build write byte-identical sites
(tests/test_build_cache.py builds them all and compares them with
`mkdocs build`). Only pages that rendered without a warning are cached.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import jinja2
from mkdocs import utils
from mkdocs.commands.build import _build_extra_template, _build_theme_template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import File, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from swvsite.engine.background import can_fork
from swvsite.engine.choice import engine_logger
from swvsite.engine.hooks import SwvsiteHooks, swvsite_plugin
from swvsite.engine.pagecache import (
    PageCache,
    RenderedPage,
    cache_blocker,
    global_key,
    markdown_key,
    nav_has_own_titles,
    source_key,
)
from swvsite.engine.pagesteps import (
    Converter,
    add_files_from_theme,
    build_page,
    page_state,
    read_page,
    render_page,
    rendered,
    restore_state,
)
from swvsite.engine.workers import Outcome, WarningCounter, Worker, share_out
from swvsite.pages import zoekindex

log = logging.getLogger("mkdocs.swvsite.engine.build")


@dataclass
class BuildStats:
    pages: int = 0
    reused: int = 0
    processes: int = 1
    seconds: float = 0.0
    cache_off: str | None = None  # why pages could not come from the cache


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


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def build(config: MkDocsConfig, *, cache: PageCache | None = None, serve_url: str | None = None,
          keep_site: bool = False, templates: jinja2.BytecodeCache | None = None,
          jobs: int = 1) -> BuildStats:
    """Build the site as `mkdocs build` does (strict when config.strict).

    `cache`: reuse pages whose key did not change; on success it holds this
    build's pages. `keep_site` (the preview): the site folder is not emptied
    first, unchanged files are not written again and files the build no longer
    makes are removed at the end. `templates` keeps compiled theme templates
    between builds. `jobs`: how many processes render pages."""
    return _Build(config, cache, serve_url, keep_site, templates, jobs).run()


@dataclass
class _Build:
    config: MkDocsConfig
    cache: PageCache | None
    serve_url: str | None
    keep_site: bool
    templates: jinja2.BytecodeCache | None
    jobs: int
    stats: BuildStats = field(default_factory=BuildStats)

    def run(self) -> BuildStats:
        logger = engine_logger()
        warning_counter = utils.CountHandler()
        warning_counter.setLevel(logging.WARNING)
        if self.config.strict:
            logger.addHandler(warning_counter)
        self.warnings = WarningCounter()
        logger.addHandler(self.warnings)
        self.inclusion = (InclusionLevel.is_in_serve if self.serve_url
                          else InclusionLevel.is_included)
        if self.cache is not None:
            self.cache.start()
        config = self.config
        try:
            start = time.monotonic()
            self.config = config = config.plugins.on_config(config)
            config.plugins.on_pre_build(config=config)
            self._prepare_site_dir()
            self._gather()
            self._decide()
            if self.jobs > 1:
                self._render_spread()
            else:
                self._render_in_order()
            self._validate_anchors()
            if self.keep_site:
                # Before on_post_build: what it makes from the finished pages (the
                # search index reads them) must not see a page this build no longer has.
                _remove_stale(Path(config.site_dir), self.started,
                              {os.path.normpath(f.abs_dest_path) for f in self.files
                               if self.inclusion(f.inclusion)})
            config.plugins.on_post_build(config=config)
            if counts := warning_counter.get_counts():
                msg = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
                raise Abort(f"Aborted with {msg} in strict mode!")
            self.stats.pages = len(self.doc_files)
            self.stats.reused = len(self.reused)
            self.stats.seconds = time.monotonic() - start
            if self.base is not None:
                self._the_cache().finish()
            log.info(f"Documentation built in {self.stats.seconds:.2f} seconds")
            return self.stats
        except Exception as e:
            config.plugins.on_build_error(error=e)
            if isinstance(e, BuildError):
                log.error(str(e))
                raise Abort("Aborted with a BuildError!") from e
            raise
        finally:
            logger.removeHandler(warning_counter)
            logger.removeHandler(self.warnings)

    # -- the steps -----------------------------------------------------------

    def _prepare_site_dir(self) -> None:
        config = self.config
        if self.keep_site:
            self.started = _mark_start(Path(config.site_dir))
            return
        log.info("Cleaning site directory")
        utils.clean_directory(config.site_dir)
        if not self.serve_url:
            log.info(f"Building documentation to directory: {config.site_dir}")

    def _gather(self) -> None:
        """Files, theme environment and navigation, as MkDocs gathers them."""
        config = self.config
        files = get_files(config)
        self.env = config.theme.get_env()
        if self.templates is not None:
            self.env.bytecode_cache = self.templates
        add_files_from_theme(files, config)
        self.files = files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        self.nav = config.plugins.on_nav(nav, config=config, files=files)
        self.doc_files = files.documentation_pages(inclusion=self.inclusion)
        self.plugin = swvsite_plugin(config)
        self.search_index = _search_index(config)

    def _decide(self) -> None:
        """Whether pages may come from the cache and be rendered apart."""
        blocker = cache_blocker(self.config)
        if blocker is None and not nav_has_own_titles(self.nav):
            blocker = "the navigation takes titles from pages"
        self.independent = blocker is None  # pages can be rendered in any order
        self.base = None
        if self.cache is not None and self.independent:
            self.base = global_key(self.config, self.files, self.nav, self.serve_url)
        if self.cache is not None and blocker:
            self.stats.cache_off = blocker
            log.info(f"Rendering every page: {blocker}.")
        self.jobs = max(1, self.jobs) if self.independent else 1
        if self.jobs > 1 and not can_fork():
            self.jobs = 1  # the preview server runs threads
        self.reused: dict[str, RenderedPage] = {}
        self.keys: dict[str, bytes] = {}
        self.converter: Converter | None = None

    def _render_in_order(self) -> None:
        """MkDocs' order: read and convert every page, then build every page."""
        config, files = self.config, self.files
        clean: set[str] = set()
        excluded: list[str] = []
        for file in self.doc_files_with_pages(excluded):
            page = _page_of(file)
            before = self.warnings.count
            if self._look_up(file):
                continue
            if page.markdown is None:
                read_page(page, config, files)
            render_page(page, config, files, self._converter())
            if self.warnings.count == before:
                clean.add(file.src_uri)
        self._report_drafts(excluded)
        self._theme_files()
        for file in self.doc_files:
            page = _page_of(file)
            hit = self.reused.get(file.src_uri)
            if hit is not None:
                self._write_reused(page, hit)
                self._add_entries(hit.search_entries, hit.script_hashes)
                continue
            before = self.warnings.count
            first = len(self.search_index.entries) if self.search_index is not None else 0
            output = build_page(page, config, self.doc_files, self.nav, self.env,
                                 excluded=file.inclusion.is_excluded())
            if self.base is not None and output is not None and file.src_uri in clean \
                    and self.warnings.count == before:
                entries = self.search_index.entries[first:] if self.search_index else []
                self._the_cache().put(file.src_uri, rendered(
                    page, self.keys[file.src_uri], output, entries,
                    self._hooks().script_hashes_of(file.src_uri)))

    def _render_spread(self) -> None:
        """Pages rendered one by one (read, convert, build), shared out over
        several processes; the search index is put back in page order."""
        config = self.config
        excluded: list[str] = []
        todo = [file for file in self.doc_files_with_pages(excluded)
                if not self._look_up(file)]
        self._report_drafts(excluded)
        self._theme_files()
        shares = share_out(todo, self.jobs)
        self.stats.processes = len(shares)
        workers = [Worker.start(self, share) for share in shares[1:] if share]
        try:
            outcomes = {file.src_uri: self._make(file) for file in shares[0]}
        except BaseException:
            for worker in workers:
                worker.stop()
            raise
        for number, worker in enumerate(workers):
            try:
                outcomes.update(worker.finish())
            except BaseException:
                for other in workers[number + 1:]:
                    other.stop()
                raise
        rendered_here = {file.src_uri for file in shares[0]}
        entries_in_order: list[dict] = []
        for file in self.doc_files:
            page = _page_of(file)
            hit = self.reused.get(file.src_uri)
            if hit is not None:
                self._write_reused(page, hit)
                entries_in_order += hit.search_entries
                self._hooks().add_script_hashes(hit.script_hashes)
                continue
            outcome = outcomes[file.src_uri]
            if file.src_uri not in rendered_here:
                restore_state(page, outcome.title, outcome.anchors, outcome.links, self.files)
            entries_in_order += outcome.entries
            self._hooks().add_script_hashes(outcome.hashes)
            if self.base is not None and outcome.output is not None and outcome.clean:
                self._the_cache().put(file.src_uri, RenderedPage(
                    self.keys[file.src_uri], outcome.output, outcome.title, outcome.anchors,
                    outcome.links, outcome.entries, outcome.hashes))
        if self.search_index is not None:
            self.search_index.entries[:] = entries_in_order
        config._current_page = None

    # -- pieces --------------------------------------------------------------

    def doc_files_with_pages(self, excluded: list[str]) -> Iterator[File]:
        """The documentation files, each with its Page (created here for pages that
        are not in the navigation, as MkDocs does)."""
        for file in self.files.documentation_pages(inclusion=self.inclusion):
            if file.page is None and file.inclusion.is_not_in_nav():
                if self.serve_url and file.inclusion.is_excluded():
                    excluded.append(urljoin(self.serve_url, file.url))
                Page(None, file, self.config)
            assert file.page is not None
            yield file

    def _look_up(self, file: File) -> bool:
        """Find the page in the cache (reading it first if its key is its Markdown);
        True when it was found and need not be rendered."""
        if self.base is None:
            return False
        if file.generated_by == "swvsite":
            key = source_key(self.base, file, self._hooks())
        else:
            read_page(_page_of(file), self.config, self.files)
            key = markdown_key(self.base, _page_of(file), self._hooks())
        self.keys[file.src_uri] = key
        hit = self._the_cache().get(file.src_uri, key)
        if hit is None or not restore_state(_page_of(file), hit.title, hit.anchors, hit.links,
                                              self.files):
            return False
        self.reused[file.src_uri] = hit
        return True

    def _make(self, file: File) -> Outcome:
        """Read (if not read yet), convert and build one page."""
        page, config = _page_of(file), self.config
        before = self.warnings.count
        if page.markdown is None:
            read_page(page, config, self.files)
        render_page(page, config, self.files, self._converter())
        first = len(self.search_index.entries) if self.search_index is not None else 0
        output = build_page(page, config, self.doc_files, self.nav, self.env,
                             excluded=file.inclusion.is_excluded())
        entries = [dict(e) for e in self.search_index.entries[first:]] \
            if self.search_index is not None else []
        return Outcome(output if self.base is not None else None, *page_state(page), entries,
                        self._hooks().script_hashes_of(file.src_uri),
                        self.warnings.count == before)

    def _converter(self) -> Converter | None:
        """One Markdown instance for all pages, where that is known to be safe."""
        if not self.independent:
            return None
        if self.converter is None:
            self.converter = Converter(self.config)
        return self.converter

    def _report_drafts(self, excluded: list[str]) -> None:
        if excluded:
            log.info("The following pages are being built only for the preview "
                     "but will be excluded from `mkdocs build` per `draft_docs` config:\n  - "
                     + "\n  - ".join(excluded))

    def _theme_files(self) -> None:
        """on_env, static files and theme templates, in MkDocs' order."""
        config = self.config
        self.env = config.plugins.on_env(self.env, config=config, files=self.files)
        self.files.copy_static_files(dirty=self.keep_site, inclusion=self.inclusion)
        for template in config.theme.static_templates:
            _build_theme_template(template, self.env, self.files, config, self.nav)
        for template in config.extra_templates:
            _build_extra_template(template, self.files, config, self.nav)

    def _write_reused(self, page: Page, hit: RenderedPage) -> None:
        if not (self.keep_site and os.path.isfile(page.file.abs_dest_path)):
            utils.write_file(hit.output, page.file.abs_dest_path)

    def _add_entries(self, entries: list[dict], hashes: list[str]) -> None:
        if self.search_index is not None:
            self.search_index.entries.extend(dict(e) for e in entries)
        self._hooks().add_script_hashes(hashes)

    def _hooks(self) -> SwvsiteHooks:
        """The swvsite plugin; pages come from the cache or other processes only
        with it (pagecache.cache_blocker)."""
        assert self.plugin is not None
        return self.plugin

    def _the_cache(self) -> PageCache:
        assert self.cache is not None
        return self.cache

    def _validate_anchors(self) -> None:
        log_level = self.config.validation.links.anchors
        for file in self.doc_files:
            assert file.page is not None
            file.page.validate_anchor_links(files=self.files, log_level=log_level)


def _page_of(file: File) -> Page:
    """The Page of a documentation file (every one has one once gathered)."""
    assert file.page is not None
    return file.page


# --------------------------------------------------------------------------
# The preview's site folder
# --------------------------------------------------------------------------

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
    among this build's files and were not written since it started. The search
    index is left alone: the plugin replaces it as a whole (in the preview after
    the rebuild, swvsite.engine.previewindex)."""
    (site_dir / START_MARKER).unlink(missing_ok=True)
    index = os.path.normpath(site_dir / zoekindex.INDEX_DIR)
    for root, _dirs, names in os.walk(site_dir, topdown=False):
        if root == index or root.startswith(index + os.sep):
            continue
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
