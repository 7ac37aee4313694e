"""swvsite's settings, declared once, and where things are (from mkdocs.yml).

`Settings` is the swvsite plugin's block in mkdocs.yml. The CLI reads it with
`Settings.read`, the MkDocs plugin's option schema is made from it
(swvsite.engine.plugin), and a build overrides a field with `dataclasses.replace`
(`swvsite build --streng`).
"""

from __future__ import annotations

import os
from dataclasses import MISSING, Field, dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

DEFAULT_CONTENT_DIR = "content"


@dataclass(frozen=True)
class Settings:
    """The options of the swvsite plugin in mkdocs.yml, with their defaults."""

    # The folder with the YAML records, relative to mkdocs.yml.
    content_dir: str = DEFAULT_CONTENT_DIR
    # Maximum age in days of `gecontroleerd_op`, per record type (see swvsite.content.review).
    controle_termijnen: dict[str, int] = field(default_factory=dict)
    # Readability thresholds for `swvsite check --taal` (see swvsite.content.taal.Drempels).
    taal: dict[str, Any] = field(default_factory=dict)
    # Fail the build when a record is overdue for review (`swvsite build --streng`).
    streng: bool = False
    # Signalen: the closed list of categories and the threshold (see content.signalen).
    signalen: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> Settings:
        """The settings from the plugin's block (unknown keys are MkDocs' to report)."""
        known = {option.name for option in fields(cls)}
        return cls(**{key: value for key, value in options.items() if key in known})

    @classmethod
    def read(cls, config_file: str | Path) -> Settings:
        """The settings in mkdocs.yml; the defaults when there is no such file."""
        if not Path(config_file).is_file():
            return cls()
        return cls.from_options(plugin_config(config_file))


def default_of(option: Field) -> Any:
    """The default value of one of `Settings`' fields."""
    if option.default_factory is not MISSING:
        return option.default_factory()
    return option.default


class _TolerantLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Reads mkdocs.yml without executing or failing on its custom tags
    (!ENV, !!python/name)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/",
                                      lambda loader, suffix, node: None)

_read_before: dict[tuple, dict] = {}


def read_mkdocs_yml(config_file: str | Path) -> dict:
    """mkdocs.yml as data (its tags are not run); see `_read`."""
    return _read(config_file)


def _read(config_file: str | Path) -> dict:
    """mkdocs.yml as data; read again only when the file changed (one command asks
    for several settings)."""
    path = Path(config_file)
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _read_before:
        with open(path, encoding="utf-8") as handle:
            _read_before.clear()
            _read_before[key] = yaml.load(handle, Loader=_TolerantLoader) or {}
    return _read_before[key]


def site_dir_from_config(config_file: str | Path) -> Path:
    """MkDocs' `site_dir` (default site/), relative to the config file's folder."""
    return Path(config_file).parent / (_read(config_file).get("site_dir") or "site")


def site_url_from_config(config_file: str | Path) -> str | None:
    try:
        return _read(config_file).get("site_url")
    except OSError:
        return None


def plugin_config(config_file: str | Path) -> dict:
    """The swvsite plugin's options from mkdocs.yml (empty when not configured)."""
    for plugin in _read(config_file).get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("swvsite"), dict):
            return plugin["swvsite"]
    return {}


def content_dir_from_config(config_file: str | Path) -> Path:
    """The swvsite plugin's `content_dir`, relative to the config file's folder."""
    config_path = Path(config_file)
    return config_path.parent / Settings.from_options(plugin_config(config_path)).content_dir


def docs_dir_from_config(config_file: str | Path) -> Path:
    """MkDocs' `docs_dir` (default docs/), relative to the config file's folder."""
    return Path(config_file).parent / (_read(config_file).get("docs_dir") or "docs")


def hand_written_pages(docs_dir: Path) -> frozenset[str] | None:
    """The Markdown pages in docs/ as paths relative to it ('contact.md'); None
    when there is no such folder."""
    if not docs_dir.is_dir():
        return None
    return frozenset(path.relative_to(docs_dir).as_posix() for path in markdown_files(docs_dir))


def markdown_files(docs_dir: Path) -> list[Path]:
    """Every .md file below `docs_dir`, in linked folders too (as MkDocs reads them)."""
    found = []
    for folder, _, names in os.walk(docs_dir, followlinks=True):
        found += [Path(folder) / name for name in names if name.endswith(".md")]
    return sorted(found)


def site_pages(config_file: str | Path):
    """What `load_site`'s checks know of the site: its address and its pages."""
    from swvsite.content.model import SitePages

    if not Path(config_file).is_file():
        return SitePages()
    docs_dir = docs_dir_from_config(config_file)
    return SitePages(site_url_from_config(config_file), hand_written_pages(docs_dir),
                     docs_dir if docs_dir.is_dir() else None, Path(config_file))
