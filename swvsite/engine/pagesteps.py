"""MkDocs' page steps (mkdocs.commands.build), in parts, for swvsite.engine.build.

Reading a page (its Markdown after the plugins), rendering it (Markdown to
HTML, with one Markdown instance for the whole build: `Converter`), building it
(the theme template) and what the rest of the build reads from a page rendered
elsewhere (`page_state`, `restore_state`).
"""

from __future__ import annotations

import fnmatch
import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import markdown
from mkdocs import utils
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.structure import pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from swvsite.engine.pagecache import RenderedPage

log = logging.getLogger("mkdocs.swvsite.engine.build")


def read_page(page: Page, config: MkDocsConfig, files: Files) -> None:
    """The first half of MkDocs' _populate_page: the Markdown after its plugins."""
    with page_errors(page, config, "reading"):
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        assert page.markdown is not None
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files)


def render_page(page: Page, config: MkDocsConfig, files: Files,
                converter: Converter | None = None) -> None:
    """The second half of _populate_page: Markdown to HTML."""
    with page_errors(page, config, "reading"):
        if converter is not None:
            converter.render(page, config, files)
        else:
            page.render(config, files)
        assert page.content is not None
        page.content = config.plugins.on_page_content(
            page.content, page=page, config=config, files=files)


class Converter:
    """MkDocs' Page.render with one Markdown instance for the whole build.

    MkDocs makes a new instance, loading and configuring every extension, for
    every page; this one is reset between pages and gets MkDocs' own per-page
    processors (links, anchors, title) anew for each page, registered under the
    same names and priorities. Used only with the known plugins and extensions
    (tests compare the site with `mkdocs build`)."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                    extension_configs=config["mdx_configs"] or {})

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
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
def page_errors(page: Page, config: MkDocsConfig, doing: str) -> Iterator[None]:
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


def build_page(page: Page, config: MkDocsConfig, doc_files: Sequence[File], nav: Navigation,
               env: Any, excluded: bool = False) -> bytes | None:
    """mkdocs.commands.build._build_page; returns the bytes it wrote (None if the
    page came out empty and was skipped)."""
    with page_errors(page, config, "building"):
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


def page_state(page: Page) -> tuple[str | None, list[str], dict[str, dict[str, str]]]:
    """What the rest of the build reads from a rendered page, as plain data: its
    title, its anchors and its anchored links (see `restore_state`)."""
    links = {target.src_uri: dict(anchors)
             for target, anchors in (page.links_to_anchors or {}).items()}
    return page.title, sorted(page.present_anchor_ids or ()), links


def rendered(page: Page, key: bytes, output: bytes, entries: list[dict],
              hashes: list[str]) -> RenderedPage:
    return RenderedPage(key, output, *page_state(page), [dict(e) for e in entries],
                        list(hashes))


def restore_state(page: Page, title: str | None, anchors: list[str],
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


def add_files_from_theme(files: Files, config: MkDocsConfig) -> None:
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


