"""The staged build: the same site without swvsite's plugin inside the engine.

1. **Stage.** swvsite writes every page as Markdown into a staging docs folder:
   the record pages `swvsite.pages.records` makes, the hand-written pages of `docs/`
   with their macro calls expanded (by calling the blocks of the project's
   macros module), and the other files the plugin generates (stylesheet,
   scripts, data exports, feeds). What the plugin's `on_config` changes goes
   into a plain mkdocs.yml without the swvsite and macros plugins; what its
   `on_page_markdown` puts in a page's meta (the description) is front matter.
2. **Engine.** The engine's own `build --strict` of that folder, in a process of
   its own (`python -m mkdocs` or `python -m properdocs`, see swvsite.engine.choice):
   no plugin of ours runs in it.
3. **Post-pass** (swvsite.engine.postpass) over the finished HTML: head tags, policy,
   header files, redirect pages, the search index.

Only the stage reads the MkDocs configuration (with MkDocs' own loader and the
plugin's own events, so it follows the plugin as it grows); the engine build
and the post-pass could be another engine's. tests/test_staged.py builds a
fixture project both ways and compares every file.

    python -m swvsite.engine.staged -f mkdocs.yml --site-dir site [--keep DIR]
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
import yaml

from swvsite.content import model as m
from swvsite.content.problems import BuildFailed
from swvsite.engine import choice as engine
from swvsite.engine.postpass import PostPassError, SiteSettings, StagedPage, complete
from swvsite.pages.translated import hand_written_block

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

OWN_PLUGINS = {"swvsite", "macros"}


@dataclass
class Staged:
    config_file: Path         # the plain mkdocs.yml of the staging folder
    site: m.Site
    pages: list[StagedPage]
    settings: SiteSettings


def build_staged(config_file: str | Path, site_dir: str | Path,
                 work_dir: str | Path | None = None) -> Staged:
    """Stage, build with the engine, complete: the site in `site_dir`.
    `work_dir` keeps the staging folder (default: a temporary one)."""
    site_dir = Path(site_dir).resolve()
    with tempfile.TemporaryDirectory(prefix="swvsite-staged-") as temporary:
        work = Path(work_dir).resolve() if work_dir else Path(temporary)
        staged = stage(Path(config_file), work / "staged")
        run_engine_build(staged.config_file, site_dir)
        complete(site_dir, staged.site, staged.pages, staged.settings)
        return staged


def run_engine_build(config_file: Path, site_dir: Path) -> None:
    """The engine's own strict build of the staged folder, in a new process."""
    result = subprocess.run([*engine.command(), "build", "--strict", "-f", str(config_file),
                             "-d", str(site_dir)], cwd=config_file.parent,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise BuildFailed(f"De site is niet gebouwd ({engine.active()} stopte met code "
                          f"{result.returncode}).")


# --------------------------------------------------------------------------
# 1. Stage
# --------------------------------------------------------------------------


def stage(config_file: Path, out: Path) -> Staged:
    """Write `out/docs/` and `out/mkdocs.yml` for a plain engine build."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    docs.mkdir(parents=True)
    project = config_file.resolve().parent
    raw = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config = load_config(str(config_file))
    plugin = config.plugins["swvsite"]
    theme_before = {key: copy.deepcopy(config.theme[key]) for key in config.theme}
    extensions_before = (list(config.markdown_extensions), copy.deepcopy(config.mdx_configs))
    config = plugin.on_config(config) or config
    plugin.on_pre_build(config=config)
    writer = _PageWriter(config, plugin, docs, out / "site")
    config.plugins._current_plugin = "swvsite"  # what MkDocs sets while a plugin's event runs
    files = plugin.on_files(get_files(config), config=config)
    writer.files = files
    for file in files or []:
        if getattr(file, "generated_by", None):
            writer.generated(file)
    blocks = _macro_blocks(project, raw)
    source_docs = Path(config.docs_dir)
    for source in _docs_files(source_docs):
        writer.hand_written(source, source.relative_to(source_docs).as_posix(), blocks)
    plain = _plain_config(raw, config, project, theme_before, extensions_before)
    config_path = out / "mkdocs.yml"
    config_path.write_text(yaml.safe_dump(plain, sort_keys=False, allow_unicode=True),
                           encoding="utf-8")
    pages = writer.staged_pages(_nav_titles(raw.get("nav") or []))
    settings = SiteSettings(config.site_url, config.site_name, config.site_description)
    site = plugin.loaded_site  # type: ignore[attr-defined]  # the swvsite plugin (hooks)
    return Staged(config_path, site, pages, settings)


class _PageWriter:
    """Writes the staged docs folder and remembers each page's meta."""

    def __init__(self, config, plugin, docs: Path, site_dir: Path):
        self.config, self.plugin, self.docs, self.site_dir = config, plugin, docs, site_dir
        self.metas: dict[str, dict] = {}
        self.files: Files | None = None
        self.jinja = jinja2.Environment(undefined=jinja2.StrictUndefined,
                                        keep_trailing_newline=True, autoescape=False)

    def generated(self, file) -> None:
        target = self._target(file.src_uri)
        if file.src_uri.endswith(".md"):
            # The front matter (`render_macros: false`) stays: page.meta being
            # non-empty changes the theme's output whitespace.
            meta, body = split_front_matter(file.content_string)
            self._write_page(file.src_uri, meta, body, file)
        else:
            target.write_bytes(file.content_bytes)

    def hand_written(self, source: Path, src_uri: str, blocks: dict) -> None:
        target = self._target(src_uri)
        if source.suffix != ".md":
            shutil.copyfile(source, target)
            return
        meta, body = split_front_matter(source.read_text(encoding="utf-8"))
        if meta.get("render_macros"):
            # As macros/__init__.py binds them: on a translated page a block is
            # rendered in the page's language and marked as Dutch text.
            bound = {name: partial(hand_written_block, self.plugin.site, src_uri, block)
                     for name, block in blocks.items()}
            body = self.jinja.from_string(body).render(**bound)
        self._write_page(src_uri, meta, body)

    def _target(self, src_uri: str) -> Path:
        target = self.docs / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def _write_page(self, src_uri: str, meta: dict, body: str, file=None) -> None:
        """The plugin's on_page_markdown on a real (unbuilt) MkDocs page (the
        plugin's own File for a page it generated); what it puts in the page's
        meta is kept as front matter."""
        from mkdocs.structure.files import File
        from mkdocs.structure.pages import Page

        if file is None:
            file = File(src_uri, str(self.docs), str(self.site_dir),
                        self.config.use_directory_urls)
        page = Page(None, file, self.config)
        page.meta = dict(meta)
        body = self.plugin.on_page_markdown(body, page=page, config=self.config,
                                            files=self.files)
        self.metas[src_uri] = dict(page.meta)
        (self.docs / src_uri).write_text(with_front_matter(page.meta, body), encoding="utf-8")

    def staged_pages(self, nav_titles: dict[str, str]) -> list[StagedPage]:
        from mkdocs.structure.files import File

        pages = []
        for src_uri, meta in sorted(self.metas.items()):
            file = File(src_uri, str(self.docs), str(self.site_dir),
                        self.config.use_directory_urls)
            title = meta.get("title")
            pages.append(StagedPage(src_uri, file.dest_uri, nav_titles.get(src_uri),
                                    str(title) if title is not None else None,
                                    meta.get("description"), src_uri == "index.md",
                                    meta.get("search")))
        return pages


def _docs_files(docs: Path) -> list[Path]:
    """Every file of docs/, through symbolic links as MkDocs walks it."""
    found = []
    for root, _dirs, names in os.walk(docs, followlinks=True):
        found += [Path(root) / name for name in names]
    return sorted(found)


def split_front_matter(text: str) -> tuple[dict, str]:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return yaml.safe_load(text[4:end]) or {}, text[end + 5:]
    return {}, text


def with_front_matter(meta: dict, body: str) -> str:
    if not meta:
        return body
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n" + body


def _macro_blocks(project: Path, raw: dict) -> dict:
    """name -> function(site, page_path): the blocks of the project's macros module."""
    module_name = "main"
    for entry in raw.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get("macros"), dict):
            module_name = entry["macros"].get("module_name", module_name)
    path = project / module_name / "__init__.py"
    if not path.is_file():
        path = project / f"{module_name}.py"
    spec = importlib.util.spec_from_file_location("_swvsite_staged_macros", path)
    if spec is None or spec.loader is None:
        raise PostPassError(f"het macros-bestand {path} kan niet gelezen worden")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.BLOCKS)


def _nav_titles(nav, titles: dict[str, str] | None = None) -> dict[str, str]:
    """The titles the navigation gives pages: {src_uri: title}."""
    titles = {} if titles is None else titles
    for item in nav:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles[value] = title
                elif isinstance(value, list):
                    _nav_titles(value, titles)
    return titles


def _plain(value):
    """Config values as plain YAML data (MkDocs wraps some strings in objects)."""
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _plain_config(raw: dict, config, project: Path, theme_before: dict,
                  extensions_before: tuple) -> dict:
    """The project's mkdocs.yml without our plugins, with what the swvsite
    plugin's on_config changed."""
    plain = copy.deepcopy(raw)
    plain["docs_dir"] = "docs"
    theme = plain.setdefault("theme", {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((project / theme["custom_dir"]).resolve())
    plain["plugins"] = [p for p in plain.get("plugins", [])
                        if not (OWN_PLUGINS & (set(p) if isinstance(p, dict) else {p}))]
    for key in config.theme:
        if key not in theme_before or config.theme[key] != theme_before[key]:
            theme[key] = _plain(config.theme[key])
    for key in ("extra_css", "extra_javascript", "extra", "copyright"):
        value = _plain(config[key])
        if value or key in plain:
            plain[key] = value
    _copy_extension_changes(plain, config, *extensions_before)
    return plain


def _copy_extension_changes(plain: dict, config, names_before: list, configs_before: dict) -> None:
    """Markdown extensions the plugin's on_config added or configured (the abbr
    glossary) go into the plain mkdocs.yml too."""
    entries = plain.setdefault("markdown_extensions", [])

    def entry_name(entry) -> str:
        return entry if isinstance(entry, str) else next(iter(entry))

    for name in config.markdown_extensions:
        options = config.mdx_configs.get(name)
        if name in names_before and options == configs_before.get(name):
            continue
        new_entry = {name: _plain(options)} if options else name
        positions = [i for i, e in enumerate(entries) if entry_name(e) == name]
        if positions:
            entries[positions[0]] = new_entry
        else:
            entries.append(new_entry)


# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m swvsite.engine.staged",
                                     description="Gefaseerd bouwen: Markdown, bouwer, nabewerking.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--site-dir", required=True)
    parser.add_argument("--keep", default=None, help="Bewaar de tussenmap hier.")
    args = parser.parse_args(argv)
    from mkdocs.exceptions import MkDocsException

    try:
        build_staged(args.config_file, args.site_dir, args.keep)
    except MkDocsException as exc:  # the content or mkdocs.yml (PluginError, ConfigurationError)
        print(f"{exc}\nDe site is niet gebouwd.", file=sys.stderr)
        return 1
    except (BuildFailed, PostPassError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"De site is gebouwd in {args.site_dir}/ (gefaseerd, met {engine.active()}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
