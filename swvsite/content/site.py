"""Loaded content: one validated Record, the whole Site, and what is known of its pages.

Part of the content model (`swvsite.content.model`, which other code imports).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from swvsite.content.fields import (
    RecordType,
)
from swvsite.content.records import (
    RECORD_TYPES,
)

# Pages every site has that are made from the organisation, not from docs/.
GENERATED_PAGES = frozenset({"toegankelijkheid.md", "privacy.md"})


@dataclass(frozen=True)
class SitePages:
    """What the checks know of the site beyond its content: its address (for
    links to the site itself written as https://) and its hand-written pages as
    paths in docs/ ('contact.md', 'procedures/index.md'). None: not known (then
    such links are not judged)."""

    site_url: str | None = None
    pages: frozenset[str] | None = None
    docs_dir: Path | None = None  # where the hand-written pages are (their links are checked)
    # The site's mkdocs.yml, for checks that depend on its settings (the signalen categories).
    config_file: Path | None = None

    def has_page(self, path: str) -> bool | None:
        """Whether `path` (like 'contact' or 'procedures') is a page; None if unknown."""
        path = path.strip("/")
        if f"{path}.md" in GENERATED_PAGES or path == "":
            return True
        if self.pages is None:
            return None
        return f"{path}.md" in self.pages or f"{path}/index.md" in self.pages

    def page_path(self, path: str) -> str:
        """The source page in docs/ for a site path such as 'contact' or 'procedures'."""
        path = path.strip("/")
        folder_index = f"{path}/index.md"
        if self.pages is not None:
            return folder_index if folder_index in self.pages and f"{path}.md" not in self.pages \
                else f"{path}.md"
        folders = {t.folder for t in RECORD_TYPES.values() if t.folder}
        return folder_index if path in folders else f"{path}.md"


# --------------------------------------------------------------------------
# Loaded content
# --------------------------------------------------------------------------


@dataclass
class Record:
    """One validated record: its type, id, source file and data.

    `data` holds every field of the type: missing optional scalars and groups
    are None, missing lists are []. `lines` maps field paths such as
    `stappen[2].wat` to the line they start on."""

    type: RecordType
    id: str
    path: str
    data: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)
    # A digest of the file the record was read from ('' for a record made in code).
    digest: str = field(default="", compare=False, repr=False)

    def __getitem__(self, name: str) -> Any:
        return self.data[name]

    def line_of(self, field_path: str) -> int | None:
        return self.lines.get(field_path)

    @property
    def title(self) -> str:
        """The record's title (from its type's title field), or its type's name."""
        field_name = self.type.title_field
        return (self.data.get(field_name) if field_name else None) or self.type.title

    @property
    def page(self) -> str:
        """Source path of the record's own page, relative to the docs dir."""
        return f"{self.type.folder}/{self.id}.md"


def slugify(text: str) -> str:
    """A stable id from a Dutch term: lowercase ASCII, words joined by dashes."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def begrip_link_ids(begrip: dict) -> set[str]:
    """What a link `begrip:...` may name: the begrip's id, or its afkorting (`begrip:tlv`)."""
    return {begrip["id"]} | ({slugify(begrip["afkorting"])} if begrip.get("afkorting") else set())


@dataclass
class Site:
    """All content of one steunpunt, validated and cross-checked."""

    organisatie: Record
    begrippen: Record
    # The records of every type with a folder: type name -> id -> record.
    folders: dict[str, dict[str, Record]] = field(default_factory=dict)
    verwijderd: Record | None = None
    # Old ids (oude_ids) per kind of reference: old id -> current id.
    aliases: dict[str, dict[str, str]] = field(default_factory=dict)
    # What staff should know but that does not stop a build (see Problem.notice).
    notices: list = field(default_factory=list)
    # The site's address and hand-written pages, as far as known (links in text).
    pages: SitePages = field(default_factory=lambda: SitePages())

    def current_id(self, kind: str, record_id: str) -> str:
        """The id a reference means: itself, or the record that has it as an old id."""
        return self.aliases.get(kind, {}).get(record_id, record_id)

    @property
    def swv_lijst(self) -> list[dict]:
        return [s for s in self.organisatie["swvs"] if s]

    @property
    def begrippen_lijst(self) -> list[dict]:
        return [
            {**b, "id": b.get("id") or slugify(b["term"])}
            for b in self.begrippen["begrippen"]
            if b and b.get("term")
        ]

    def vragen(self) -> list[tuple[Record, dict]]:
        """Every vraag with the thema it belongs to, in file order."""
        return [(t, v) for t in self.themas.values() for v in t["vragen"] if v]

    def vraag(self, vraag_id: str) -> tuple[Record, dict]:
        return next((t, v) for t, v in self.vragen() if v["id"] == vraag_id)

    def records(self, type_name: str) -> dict[str, Record]:
        """The records of a type with a folder, by id ({} when there are none)."""
        return self.folders.get(type_name, {})

    @property
    def voorzieningen(self) -> dict[str, Record]:
        return self.records("voorziening")

    @property
    def scholen(self) -> dict[str, Record]:
        return self.records("school")

    @property
    def procedures(self) -> dict[str, Record]:
        return self.records("procedure")

    @property
    def themas(self) -> dict[str, Record]:
        return self.records("thema")

    @property
    def nieuws(self) -> dict[str, Record]:
        return self.records("nieuws")

    @property
    def signalen(self) -> dict[str, Record]:
        """The signal counts by period (no pages of their own: see pages.signalen)."""
        return self.records("signaal")

    @cached_property
    def records_by_page(self) -> dict[str, Record]:
        """Every record with a page of its own, by that page's source path
        (`scholen/bs-de-klimop.md`). Built once: a Site is never changed."""
        return {record.page: record for records in self.folders.values()
                for record in records.values() if record.type.own_pages}

    def all_records(self) -> list[Record]:
        return [self.organisatie, self.begrippen,
                *(record for records in self.folders.values() for record in records.values()),
                *([self.verwijderd] if self.verwijderd else [])]

    def ids_by_target(self) -> dict[str, set[str]]:
        return {
            **{name: set(records) for name, records in self.folders.items()},
            "vraag": {v["id"] for _, v in self.vragen() if v.get("id")},
            "swv": {s["id"] for s in self.swv_lijst if s.get("id")},
        }
