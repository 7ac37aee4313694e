"""The same site as plain MkDocs input: every page written once as a .md file.

Record pages are the Markdown that `swvsite.pages.records.record_pages` produces; the
hand-written pages in docs/ get their macro calls expanded by calling the
blocks the project's macros module exposes (functions of `swvsite`). The mkdocs.yml is the
project's own without the swvsite and macros plugins: same theme, overrides,
Markdown extensions (including `swvsite.engine.safelinks`), search settings, nav and
validation. Building it with plain `mkdocs build` gives the baseline that our
overhead is measured against.

What the swvsite plugin adds to the input of MkDocs is taken from the plugin
itself, so the plain project follows it as it grows: its `on_config` is run on
the project's configuration and every setting it changed (theme palette,
`extra_css`, `extra_javascript`, `extra`, `copyright`, Markdown extensions and
their options such as the abbr glossary) goes into the plain mkdocs.yml; its
`on_files` gives the generated files (record pages rendered by
`swvsite.pages.records`, stylesheets, scripts), which are written out as ordinary
files; its `on_pre_build` and `on_page_markdown` (a meta description) are applied
to every page once, here, and what they put in
the page's meta is written as front matter. Macro calls in hand-written pages are expanded by
calling the blocks of the project's macros module directly.

What the plugin does to the finished output (`on_post_page`, `on_post_build`:
tags in each page's <head>, header files, redirect pages, the patched lunr
language file, the rewritten search index) has no plain-MkDocs equivalent: that
is part of our overhead, and `run.py` reports those differences apart.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
import yaml

ROOT = Path(__file__).resolve().parent.parent


def _split_front_matter(text: str) -> tuple[dict, str]:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return yaml.safe_load(text[4:end]) or {}, text[end + 5:]
    return {}, text


def _with_front_matter(meta: dict, body: str) -> str:
    if not meta:
        return body
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n" + body


def _blocks(macros_module) -> dict:
    """name -> function(site, page_path) from the macros module (a dict or a list of names)."""
    from swvsite.pages import blocks as hand_written
    from swvsite.pages import filters, nieuws

    blocks = macros_module.BLOCKS
    if isinstance(blocks, dict):
        return dict(blocks)
    modules = (hand_written, nieuws, filters)
    return {name: next(getattr(mod, name) for mod in modules if hasattr(mod, name))
            for name in blocks}


def _plain(value):
    """Config values as plain YAML data (MkDocs wraps some strings in objects)."""
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _copy_extension_changes(raw: dict, config, names_before: list, configs_before: dict) -> None:
    """Markdown extensions the plugin's on_config added or configured (the abbr
    glossary) go into the plain mkdocs.yml too."""
    entries = raw.setdefault("markdown_extensions", [])

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


def write_plain_project(content_dir: Path, out: Path, root: Path = ROOT) -> Path:
    """Write `out/docs/` and `out/mkdocs.yml`; returns the path of the mkdocs.yml.

    `root` holds the project's docs/, overrides/, macros/ and mkdocs.yml."""
    from mkdocs.structure.files import get_files

    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    docs.mkdir(parents=True)
    project = _Project.configured(content_dir, out, root)
    config, plugin = project.config, project.plugin
    blocks = _blocks(_macros_module(root))
    if hasattr(plugin, "on_pre_build"):
        plugin.on_pre_build(config=config)
    config.plugins._current_plugin = "swvsite"  # what MkDocs sets while a plugin's event runs
    files = plugin.on_files(get_files(config), config=config)

    def page_markdown(src_uri: str, meta: dict, body: str) -> str:
        return _page_markdown(plugin, config, files, docs, out, src_uri, meta, body)

    _write_generated(files, docs, page_markdown)
    _write_docs(root, docs, plugin.site, blocks, page_markdown)
    config_path = out / "mkdocs.yml"
    config_path.write_text(yaml.safe_dump(project.plain_mkdocs_yml(), sort_keys=False,
                                          allow_unicode=True), encoding="utf-8")
    project.project_config.unlink()
    return config_path


@dataclass
class _Project:
    """The swvsite project as MkDocs sees it, with only the swvsite plugin's on_config run."""

    raw: dict                 # the project's mkdocs.yml as data
    project_config: Path      # that mkdocs.yml with the paths made absolute
    config: Any
    plugin: Any
    theme_before: dict
    extensions_before: tuple[list, dict]

    @classmethod
    def configured(cls, content_dir: Path, out: Path, root: Path) -> _Project:
        import copy

        from mkdocs.config import load_config

        raw = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
        if raw.get("theme", {}).get("custom_dir"):
            raw["theme"]["custom_dir"] = str((root / raw["theme"]["custom_dir"]).resolve())
        project = copy.deepcopy(raw)
        for entry in project.get("plugins", []):
            if isinstance(entry, dict) and isinstance(entry.get("swvsite"), dict):
                entry["swvsite"]["content_dir"] = str(content_dir.resolve())
        project["docs_dir"] = str((root / "docs").resolve())
        project_config = out / "swvsite-mkdocs.yml"
        project_config.write_text(yaml.safe_dump(project, sort_keys=False, allow_unicode=True),
                                  encoding="utf-8")
        config = load_config(str(project_config))
        plugin = config.plugins["swvsite"]
        theme_before = {k: copy.deepcopy(config.theme[k]) for k in config.theme}
        extensions_before = (list(config.markdown_extensions), copy.deepcopy(config.mdx_configs))
        config = plugin.on_config(config) or config
        return cls(raw, project_config, config, plugin, theme_before, extensions_before)

    def plain_mkdocs_yml(self) -> dict:
        """The project's mkdocs.yml without swvsite and macros, with every setting
        the plugin's on_config changed."""
        raw, config = self.raw, self.config
        raw["docs_dir"] = "docs"
        raw["plugins"] = [p for p in raw.get("plugins", [])
                          if not (isinstance(p, dict) and ({"swvsite", "macros"} & set(p)))
                          and p not in ("swvsite", "macros")]
        theme = raw.setdefault("theme", {})
        for key in config.theme:
            if key not in self.theme_before or config.theme[key] != self.theme_before[key]:
                theme[key] = _plain(config.theme[key])
        for key in ("extra_css", "extra_javascript", "extra", "copyright"):
            value = _plain(config[key])
            if value or key in raw:
                raw[key] = value
        _copy_extension_changes(raw, config, *self.extensions_before)
        return raw


def _macros_module(root: Path) -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("_bench_macros", root / "macros" / "__init__.py")
    assert spec is not None and spec.loader is not None
    macros_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(macros_module)
    return macros_module


def _page_markdown(plugin: Any, config: Any, files: Any, docs: Path, out: Path, src_uri: str,
                   meta: dict, body: str) -> str:
    """The plugin's on_page_markdown on a real (unbuilt) MkDocs page; changes it
    makes to the page's meta are kept as front matter."""
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    hook = getattr(plugin, "on_page_markdown", None)
    if hook is None:
        return _with_front_matter(meta, body)
    file = File(src_uri, str(docs), str(out / "site"), config.use_directory_urls)
    page = Page(None, file, config)
    page.meta = dict(meta)
    body = hook(body, page=page, config=config, files=files)
    return _with_front_matter(page.meta, body)


def _write_generated(files: Any, docs: Path, page_markdown: Callable[[str, dict, str], str]
                     ) -> None:
    """The files the plugin generated, as ordinary files in docs/."""
    for file in files:
        if not getattr(file, "generated_by", None):
            continue  # a file of docs/: copied by _write_docs
        target = docs / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if file.src_uri.endswith(".md"):
            # The front matter (`render_macros: false`) stays: plain MkDocs ignores it,
            # but page.meta being non-empty changes the theme's output whitespace.
            meta, body = _split_front_matter(file.content_string)
            target.write_text(page_markdown(file.src_uri, meta, body), encoding="utf-8")
        else:
            target.write_bytes(file.content_bytes)


def _write_docs(root: Path, docs: Path, site: Any, blocks: dict,
                page_markdown: Callable[[str, dict, str], str]) -> None:
    """The hand-written pages, their macro calls expanded by the same blocks."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             autoescape=False)
    for source in sorted((root / "docs").rglob("*")):
        if source.is_dir():
            continue
        rel = source.relative_to(root / "docs")
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix != ".md":
            shutil.copyfile(source, target)
            continue
        meta, body = _split_front_matter(source.read_text(encoding="utf-8"))
        if meta.get("render_macros"):
            bound = {name: partial(block, site, rel.as_posix()) for name, block in blocks.items()}
            body = env.from_string(body).render(**bound)
        target.write_text(page_markdown(rel.as_posix(), meta, body), encoding="utf-8")
