"""The same site as plain MkDocs input: every page written once as a .md file.

This is the first step of swvsite's staged build (`swvsite.engine.staged.stage`): record
pages are the Markdown that `swvsite.pages.records.record_pages` produces; the
hand-written pages in docs/ get their macro calls expanded by calling the blocks
the project's macros module exposes; what the swvsite plugin's `on_config`,
`on_files` and `on_page_markdown` add to MkDocs' input is taken from the plugin
itself (settings into the plain mkdocs.yml, generated files as ordinary files,
a page's meta description as front matter), so the plain project follows the
plugin as it grows. The mkdocs.yml is the project's own without the swvsite and
macros plugins: same theme, overrides, Markdown extensions (including
`swvsite.pages.safe`), search settings, nav and validation. Building it with plain
`mkdocs build` gives the baseline that our overhead is measured against.

What the plugin does to the finished output (`on_post_page`, `on_post_build`:
tags in each page's <head>, header files, redirect pages, the patched lunr
language file, the rewritten search index) is the staged build's post-pass
(`swvsite.engine.postpass`), not part of this baseline: it is part of our overhead, and
`run.py` reports those differences apart.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_plain_project(content_dir: Path, out: Path, root: Path = ROOT) -> Path:
    """Write `out/docs/` and `out/mkdocs.yml`; returns the path of the mkdocs.yml.

    `root` holds the project's docs/, overrides/, macros/ and mkdocs.yml."""
    from swvsite.engine.staged import stage

    project = out.with_name(f"{out.name}-project")
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    for name in ("docs", "overrides", "macros"):
        (project / name).symlink_to((root / name).resolve())
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("content_dir: content", f"content_dir: {content_dir.resolve()}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    try:
        return stage(project / "mkdocs.yml", out).config_file
    finally:
        shutil.rmtree(project, ignore_errors=True)
