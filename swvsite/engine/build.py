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

import fnmatch
import logging
import marshal
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import jinja2
import markdown
from mkdocs import utils
from mkdocs.commands.build import _build_extra_template, _build_theme_template, get_context
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure import pages
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from swvsite.engine import choice
from swvsite.engine.background import can_fork, fork_with_pipe
from swvsite.engine.pagecache import (
    PageCache,
    RenderedPage,
    cache_blocker,
    global_key,
    markdown_key,
    nav_has_own_titles,
    source_key,
)

log = logging.getLogger("mkdocs.swvsite.engine.build")

# Below this many pages to render, starting processes costs more than it saves.
MIN_PAGES_PER_PROCESS = 40


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


def build(config, *, cache: PageCache | None = None, serve_url: str | None = None,
          keep_site: bool = False, templates: jinja2.BytecodeCache | None = None,
          jobs: int = 1) -> BuildStats:
    """Build the site as `mkdocs build` does (strict when config.strict).

    `cache`: reuse pages whose key did not change; on success it holds this
    build's pages. `keep_site` (the preview): the site folder is not emptied
    first, unchanged files are not written again and files the build no longer
    makes are removed at the end. `templates` keeps compiled theme templates
    between builds. `jobs`: how many processes render pages."""
    return _Build(config, cache, serve_url, keep_site, templates, jobs).run()


def engine_logger() -> logging.Logger:
    """The logger all of the engine's messages arrive at: `mkdocs`, or `properdocs`
    under ProperDocs (swvsite.engine.choice.root_logger). Strict mode counts its warnings."""
    return logging.getLogger(choice.root_logger())


class _WarningCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


@dataclass
class _Outcome:
    """What the build needs of a page rendered here or in another process."""

    output: bytes | None
    title: str | None
    anchors: list[str]
    links: dict[str, dict[str, str]]
    entries: list[dict]
    hashes: list[str]
    clean: bool  # no warning while rendering it

    def as_tuple(self) -> tuple:
        return (self.output, self.title, self.anchors, self.links, self.entries,
                self.hashes, self.clean)


@dataclass
class _Build:
    config: object
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
        self.warnings = _WarningCounter()
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
            config.plugins.on_post_build(config=config)
            if self.keep_site:
                _remove_stale(Path(config.site_dir), self.started,
                              {os.path.normpath(f.abs_dest_path) for f in self.files
                               if self.inclusion(f.inclusion)})
            if counts := warning_counter.get_counts():
                msg = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
                raise Abort(f"Aborted with {msg} in strict mode!")
            self.stats.pages = len(self.doc_files)
            self.stats.reused = len(self.reused)
            self.stats.seconds = time.monotonic() - start
            if self.base is not None:
                self.cache.finish()
            log.info(f"Documentation built in {self.stats.seconds:.2f} seconds")
            return self.stats
        except Exception as e:
            config.plugins.on_build_error(error=e)
            if isinstance(e, BuildError):
                log.error(str(e))
                raise Abort("Aborted with a BuildError!")
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
        self.plugin = config.plugins.get("swvsite")
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
        self.converter: _Converter | None = None

    def _render_in_order(self) -> None:
        """MkDocs' order: read and convert every page, then build every page."""
        config, files = self.config, self.files
        clean: set[str] = set()
        excluded = []
        for file in self.doc_files_with_pages(excluded):
            page = file.page
            before = self.warnings.count
            if self._look_up(file):
                continue
            if page.markdown is None:
                _read_page(page, config, files)
            _render_page(page, config, files, self._converter())
            if self.warnings.count == before:
                clean.add(file.src_uri)
        self._report_drafts(excluded)
        self._theme_files()
        for file in self.doc_files:
            page = file.page
            hit = self.reused.get(file.src_uri)
            if hit is not None:
                self._write_reused(page, hit)
                self._add_entries(hit.search_entries, hit.script_hashes)
                continue
            before = self.warnings.count
            first = len(self.search_index.entries) if self.search_index is not None else 0
            output = _build_page(page, config, self.doc_files, self.nav, self.env,
                                 excluded=file.inclusion.is_excluded())
            if self.base is not None and output is not None and file.src_uri in clean \
                    and self.warnings.count == before:
                entries = self.search_index.entries[first:] if self.search_index else []
                self.cache.put(file.src_uri, _rendered(
                    page, self.keys[file.src_uri], output, entries,
                    self.plugin.page_script_hashes.get(file.src_uri, [])))

    def _render_spread(self) -> None:
        """Pages rendered one by one (read, convert, build), shared out over
        several processes; the search index is put back in page order."""
        config = self.config
        excluded = []
        todo = [file for file in self.doc_files_with_pages(excluded)
                if not self._look_up(file)]
        self._report_drafts(excluded)
        self._theme_files()
        shares = _share_out(todo, self.jobs)
        self.stats.processes = len(shares)
        workers = [_Worker.start(self, share) for share in shares[1:] if share]
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
            page = file.page
            hit = self.reused.get(file.src_uri)
            if hit is not None:
                self._write_reused(page, hit)
                entries_in_order += hit.search_entries
                self.plugin.script_hashes.update(hit.script_hashes)
                continue
            outcome = outcomes[file.src_uri]
            if file.src_uri not in rendered_here:
                _restore_state(page, outcome.title, outcome.anchors, outcome.links, self.files)
            entries_in_order += outcome.entries
            self.plugin.script_hashes.update(outcome.hashes)
            if self.base is not None and outcome.output is not None and outcome.clean:
                self.cache.put(file.src_uri, RenderedPage(
                    self.keys[file.src_uri], outcome.output, outcome.title, outcome.anchors,
                    outcome.links, outcome.entries, outcome.hashes))
        if self.search_index is not None:
            self.search_index.entries[:] = entries_in_order
        config._current_page = None

    # -- pieces --------------------------------------------------------------

    def doc_files_with_pages(self, excluded: list[str]):
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
            key = source_key(self.base, file, self.plugin)
        else:
            _read_page(file.page, self.config, self.files)
            key = markdown_key(self.base, file.page, self.plugin)
        self.keys[file.src_uri] = key
        hit = self.cache.get(file.src_uri, key)
        if hit is None or not _restore_state(file.page, hit.title, hit.anchors, hit.links,
                                              self.files):
            return False
        self.reused[file.src_uri] = hit
        return True

    def _make(self, file: File) -> _Outcome:
        """Read (if not read yet), convert and build one page."""
        page, config = file.page, self.config
        before = self.warnings.count
        if page.markdown is None:
            _read_page(page, config, self.files)
        _render_page(page, config, self.files, self._converter())
        first = len(self.search_index.entries) if self.search_index is not None else 0
        output = _build_page(page, config, self.doc_files, self.nav, self.env,
                             excluded=file.inclusion.is_excluded())
        entries = [dict(e) for e in self.search_index.entries[first:]] \
            if self.search_index is not None else []
        return _Outcome(output if self.base is not None else None, *_page_state(page), entries,
                        list(self.plugin.page_script_hashes.get(file.src_uri, [])),
                        self.warnings.count == before)

    def _converter(self) -> _Converter | None:
        """One Markdown instance for all pages, where that is known to be safe."""
        if not self.independent:
            return None
        if self.converter is None:
            self.converter = _Converter(self.config)
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
        self.plugin.script_hashes.update(hashes)

    def _validate_anchors(self) -> None:
        log_level = self.config.validation.links.anchors
        for file in self.doc_files:
            assert file.page is not None
            file.page.validate_anchor_links(files=self.files, log_level=log_level)


# --------------------------------------------------------------------------
# Other processes
# --------------------------------------------------------------------------


def _share_out(todo: list[File], jobs: int) -> list[list[File]]:
    """At most `jobs` shares of about equal work (largest sources first, each to
    the share with the least so far); the first share is this process's."""
    count = min(jobs, max(1, len(todo) // MIN_PAGES_PER_PROCESS))
    shares: list[list[File]] = [[] for _ in range(count)]
    loads = [0] * count
    for file in sorted(todo, key=_size, reverse=True):
        least = loads.index(min(loads))
        shares[least].append(file)
        loads[least] += _size(file)
    return shares


def _size(file: File) -> int:
    page = file.page
    if page is not None and page.markdown is not None:
        return len(page.markdown)
    return len(file.content_bytes)


class _Captured(logging.Handler):
    """A worker's log records, sent back to be logged by the main process."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record):
        self.records.append((record.name, record.levelno, record.getMessage()))


@dataclass
class _Worker:
    pid: int
    pipe: int

    @classmethod
    def start(cls, build: _Build, share: list[File]) -> _Worker:
        pid, pipe = fork_with_pipe(lambda: _work(build, share))
        return cls(pid, pipe)

    def stop(self) -> None:
        """The build failed elsewhere: wait for this process without its results."""
        os.close(self.pipe)
        os.waitpid(self.pid, 0)

    def finish(self) -> dict[str, _Outcome]:
        with os.fdopen(self.pipe, "rb") as stream:
            data = stream.read()
        os.waitpid(self.pid, 0)
        kind, records, detail = marshal.loads(data) if data else ("crash", [], "")
        for name, level, message in records:
            logging.getLogger(name).log(level, message)
        if kind == "ok":
            return {uri: _Outcome(*values) for uri, values in detail.items()}
        if kind == "build-error":
            raise BuildError(detail)
        raise RuntimeError(f"a process rendering pages stopped: {detail or 'no reason given'}")


def _work(build: _Build, share: list[File]) -> bytes:
    """In a worker: render and write the share's pages; their outcomes as bytes."""
    logger = engine_logger()
    captured = _Captured()
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.addHandler(captured)
    build.warnings = _WarningCounter()
    logger.addHandler(build.warnings)
    try:
        outcomes = {file.src_uri: build._make(file).as_tuple() for file in share}
    except BuildError as e:
        return marshal.dumps(("build-error", captured.records, str(e)))
    except Exception as e:  # noqa: BLE001 - reported in the main process
        return marshal.dumps(("error", captured.records, f"{type(e).__name__}: {e}"))
    return marshal.dumps(("ok", captured.records, outcomes))


# --------------------------------------------------------------------------
# MkDocs' page steps (mkdocs.commands.build), in parts
# --------------------------------------------------------------------------


def _read_page(page: Page, config, files: Files) -> None:
    """The first half of MkDocs' _populate_page: the Markdown after its plugins."""
    with _page_errors(page, config, "reading"):
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        assert page.markdown is not None
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files)


def _render_page(page: Page, config, files: Files, converter: _Converter | None = None) -> None:
    """The second half of _populate_page: Markdown to HTML."""
    with _page_errors(page, config, "reading"):
        if converter is not None:
            converter.render(page, config, files)
        else:
            page.render(config, files)
        assert page.content is not None
        page.content = config.plugins.on_page_content(
            page.content, page=page, config=config, files=files)


class _Converter:
    """MkDocs' Page.render with one Markdown instance for the whole build.

    MkDocs makes a new instance, loading and configuring every extension, for
    every page; this one is reset between pages and gets MkDocs' own per-page
    processors (links, anchors, title) anew for each page, registered under the
    same names and priorities. Used only with the known plugins and extensions
    (tests compare the site with `mkdocs build`)."""

    def __init__(self, config):
        self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                    extension_configs=config["mdx_configs"] or {})

    def render(self, page: Page, config, files: Files) -> None:
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.md.reset()
        raw_html = pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative_paths = pages._RelativePathTreeprocessor(page.file, files, config)
        relative_paths._register(md)
        title = pages._ExtractTitleTreeprocessor()
        title._register(md)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_paths.links_to_anchors


@contextmanager
def _page_errors(page: Page, config, doing: str):
    """MkDocs' handling of an error in a page: say which page, then raise."""
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
    with _page_errors(page, config, "building"):
        log.debug(f"Building page {page.file.src_uri}")
        page.active = True
        try:
            context = get_context(nav, doc_files, config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            if excluded:
                page.content = (
                    '<div class="mkdocs-draft-marker" title="This page will not be included '
                    'into the built site.">DRAFT</div>' + (page.content or ""))
            output = template.render(context)
            output = config.plugins.on_post_page(output, page=page, config=config)
        finally:
            page.active = False
        if not output.strip():
            log.info(f"Page skipped: '{page.file.src_uri}'. Generated empty output.")
            return None
        data = output.encode("utf-8", errors="xmlcharrefreplace")
        utils.write_file(data, page.file.abs_dest_path)
        return data


def _page_state(page: Page) -> tuple[str | None, list[str], dict[str, dict[str, str]]]:
    """What the rest of the build reads from a rendered page, as plain data: its
    title, its anchors and its anchored links (see `_restore_state`)."""
    links = {target.src_uri: dict(anchors)
             for target, anchors in (page.links_to_anchors or {}).items()}
    return page.title, sorted(page.present_anchor_ids or ()), links


def _rendered(page: Page, key: bytes, output: bytes, entries: list[dict],
              hashes: list[str]) -> RenderedPage:
    return RenderedPage(key, output, *_page_state(page), [dict(e) for e in entries],
                        list(hashes))


def _restore_state(page: Page, title: str | None, anchors: list[str],
                   links: dict[str, dict[str, str]], files: Files) -> bool:
    """Give a page rendered elsewhere (an earlier build, another process) what the
    rest of the build reads from it: its title, anchors and anchored links."""
    targets = {}
    for uri, page_anchors in links.items():
        target = files.get_file_from_path(uri)
        if target is None:
            return False  # cannot happen with the same files; render it to be sure
        targets[target] = dict(page_anchors)
    if "title" not in page.__dict__:
        page.title = title
    page.present_anchor_ids = set(anchors)
    page.links_to_anchors = targets
    return True


def add_files_from_theme(files: Files, config) -> None:
    """Files.add_files_from_theme of MkDocs 1.6, without walking hidden folders.

    MkDocs lists every file of the theme's folders through Jinja and then leaves
    out, among others, every path with a part that starts with a dot; Material
    keeps some 14,000 icons in `.icons/`, so that takes 50 ms per build. Here the
    hidden folders are not entered; the rest is filtered by MkDocs' own patterns
    and added in the same (sorted) order."""
    patterns = [".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml",
                "locales/*", *(f"*{x}" for x in utils.markdown_extensions),
                *config.theme.static_templates]
    found: set[str] = set()
    for theme_dir in config.theme.dirs:
        for root, dirs, names in os.walk(theme_dir):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            relative = os.path.relpath(root, theme_dir).replace(os.sep, "/")
            prefix = "" if relative == "." else relative + "/"
            found.update(prefix + name for name in names)
    for path in sorted(found):
        if any(fnmatch.fnmatch(path.lower(), pattern) for pattern in patterns):
            continue
        if files.get_file_from_path(path) is None:
            for theme_dir in config.theme.dirs:
                if os.path.isfile(os.path.join(theme_dir, path)):
                    files.append(File(path, theme_dir, config.site_dir, config.use_directory_urls))
                    break


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
