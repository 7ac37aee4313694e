"""The front matter of a hand-written page in docs/: reading it, and what its
`search:` settings (as Material documents them: `boost: 2`, `exclude: true`)
may be. `swvsite check` judges the settings (checks.hand_written_search_settings),
the search index reads them from the built page (pages.zoekindex.page_attributes),
and `swvsite check-site` leaves excluded pages out of its index check."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

_FRONT_MATTER = re.compile(r"^---\s*\n(.*?\n)(?:---|\.\.\.)\s*$", re.S | re.M)


@dataclass(frozen=True)
class FrontMatter:
    meta: dict
    lines: list[str]   # its lines, the first one being line 2 of the file

    def line_of(self, *keys: str) -> int:
        """The file's line where the first of `keys` that is written stands (`key:`,
        at any depth); 1 if none is."""
        for key in keys:
            for number, text in enumerate(self.lines, start=2):
                if text.strip().startswith(f"{key}:"):
                    return number
        return 1


def read(path: Path) -> FrontMatter:
    """The page's front matter; empty when it has none, or none that is YAML
    (the build reports that)."""
    found = _FRONT_MATTER.match(path.read_text(encoding="utf-8", errors="replace"))
    if not found:
        return FrontMatter({}, [])
    try:
        meta = yaml.safe_load(found.group(1))
    except yaml.YAMLError:
        meta = None
    return FrontMatter(meta if isinstance(meta, dict) else {}, found.group(1).splitlines())


@dataclass(frozen=True)
class SearchSettings:
    boost: float | None = None
    exclude: bool = False


def search_settings(search: object) -> SearchSettings:
    """A page's `search:` value as settings; ValueError (Dutch) for one that is not."""
    if search is None:
        return SearchSettings()
    if not isinstance(search, dict):
        raise ValueError("'search' moet een lijstje instellingen zijn, zoals 'boost: 2'")
    boost = search.get("boost")
    if "boost" in search and (isinstance(boost, bool) or not isinstance(boost, int | float)
                              or boost <= 0):
        raise ValueError(f"'search: boost' moet een getal groter dan 0 zijn, niet {boost!r}")
    return SearchSettings(float(boost) if boost is not None else None,
                          search.get("exclude") is True)
