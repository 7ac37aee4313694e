"""Building the site for publication: all or nothing.

The site is built strict into a fresh staging folder next to the target. Only
when the whole build succeeded does the staging folder replace the published
site; the previous site is kept beside it. A failed build leaves the published
site exactly as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

from swvsite.content import model as m
from swvsite.content.problems import BuildFailed
from swvsite.engine import messages
from swvsite.engine.build import BuildStats, build, usable_cores
from swvsite.engine.choice import engine_logger
from swvsite.engine.hooks import swvsite_plugin
from swvsite.engine.pagecache import PageCache

CACHE_FILE = Path(".cache") / "swvsite" / "pages.marshal"


@dataclass
class Published:
    site_dir: Path
    site: m.Site | None   # the content the swvsite plugin loaded (None without it)
    stats: BuildStats


def cache_path(config_file: str) -> Path:
    """Where a project keeps its page cache: .cache/swvsite/ next to mkdocs.yml."""
    return Path(config_file).resolve().parent / CACHE_FILE


def build_site(config_file: str = "mkdocs.yml", site_dir: str | None = None, *,
               streng: bool = False, use_cache: bool = True,
               jobs: int | None = None,
               when_loaded: Callable[[m.Site], None] | None = None) -> Published:
    """Build strict into staging, then swap it in. Pages whose sources did not
    change since the last build come from the page cache (`use_cache=False`
    renders every page and leaves the cache alone); the others are rendered by
    `jobs` processes (default: one per usable core). `when_loaded(site)` is
    called as soon as the content is loaded, before pages are built."""
    show_mkdocs_messages(logging.WARNING, Path(config_file).parent / "docs")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        config = load_config(config_file, strict=True)
    except (ConfigurationError, OSError) as exc:
        raise BuildFailed(f"mkdocs.yml kon niet gelezen worden: {exc}") from None
    show_mkdocs_messages(logging.WARNING, Path(config.docs_dir))
    plugin = swvsite_plugin(config)
    if plugin is not None:
        plugin.prepare_build(streng=streng, when_loaded=when_loaded)
    target = Path(site_dir) if site_dir else Path(config.site_dir)
    target = target.resolve()
    staging = target.with_name(f".{target.name}.new")
    shutil.rmtree(staging, ignore_errors=True)
    config.site_dir = str(staging)
    cache = PageCache.load(cache_path(config_file)) if use_cache else None
    try:
        stats = build(config, cache=cache, jobs=usable_cores() if jobs is None else jobs)
    except (Abort, MkDocsException) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        reason = messages.dutch(str(exc), Path(config.docs_dir))
        raise BuildFailed(f"{reason}\nDe gepubliceerde site is niet veranderd.") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap_in(staging, target)
    return Published(target, plugin.loaded_site if plugin is not None else None, stats)


def rollback(config_file: str = "mkdocs.yml", site_dir: str | None = None) -> Path:
    """Put the previous release back; the release it replaces becomes the previous one,
    so a second rollback undoes the first."""
    target = _target(config_file, site_dir)
    previous = previous_dir(target)
    if not previous.is_dir():
        raise BuildFailed(f"Er is geen vorige versie om terug te zetten ({previous} ontbreekt).")
    swap = target.with_name(f".{target.name}.rollback")
    shutil.rmtree(swap, ignore_errors=True)
    if target.exists():
        target.rename(swap)
    previous.rename(target)
    if swap.exists():
        swap.rename(previous)
    return target


def _target(config_file: str, site_dir: str | None) -> Path:
    if site_dir:
        return Path(site_dir).resolve()
    from swvsite.config import site_dir_from_config

    return site_dir_from_config(config_file).resolve()


def previous_dir(target: Path) -> Path:
    return target.with_name(f".{target.name}.previous")


def _swap_in(staging: Path, target: Path) -> None:
    previous = previous_dir(target)
    if target.exists():
        shutil.rmtree(previous, ignore_errors=True)
        target.rename(previous)
    staging.rename(target)


def show_mkdocs_messages(level: int, docs_dir: Path | None = None) -> None:
    """Print MkDocs' log messages from `level` up, in Dutch (swvsite.engine.messages),
    with file and line in `docs_dir` where a message names a page."""
    logger = engine_logger()
    for handler in logger.handlers:
        if getattr(handler, "_swvsite", False):
            handler.setFormatter(messages.DutchFormatter(docs_dir))
            return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(messages.DutchFormatter(docs_dir))
    handler.setLevel(level)
    handler._swvsite = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
