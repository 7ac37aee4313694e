"""The region of an import: which gemeenten, which samenwerkingsverband.

The samenwerkingsverbanden and their gemeenten come from organisatie.yml,
read through the hardened loader (`swvsite.content.load`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from swvsite.content import model as m
from swvsite.content.validate import Mapping
from swvsite.tools import yamledit
from swvsite.tools.importer.report import ImportFailed, join_nl

if TYPE_CHECKING:
    from swvsite.tools.importer.school import School

SECTOR_NAMES = {"po": "primair onderwijs", "vo": "voortgezet onderwijs"}


def _key(name: str) -> str:
    """Gemeente names compared loosely: 'ALPHEN-CHAAM' == 'Alphen-Chaam'."""
    return re.sub(r"[\s-]+", " ", name.strip().casefold())


@dataclass
class Region:
    swv_id: str | None
    sector: str | None
    gemeenten: list[str]
    swvs: list[dict]

    @classmethod
    def from_content(cls, content: Path, swv: str | None,
                     gemeenten: list[str] | None) -> Region:
        swvs = _read_swvs(content)
        names = [g.strip() for g in gemeenten or [] if g and g.strip()]
        if not swv and not names:
            ids = ", ".join(s["id"] for s in swvs) or "geen"
            raise ImportFailed("kies een samenwerkingsverband (--swv, bijvoorbeeld "
                               f"{ids}) of geef de gemeenten op (--gemeenten)")
        if not swv:  # spelled as in organisatie.yml where it lists the gemeente
            known = {_key(g): g for s in swvs for g in s["gemeenten"]}
            return cls(None, None, [known.get(_key(g), g) for g in names], swvs)
        chosen = next((s for s in swvs if s["id"] == swv), None)
        if chosen is None:
            ids = ", ".join(s["id"] for s in swvs) or "geen"
            raise ImportFailed(f"er is geen samenwerkingsverband met id '{swv}' in "
                               f"organisatie.yml; kies uit: {ids}")
        own = {_key(g): g for g in chosen["gemeenten"]}
        if names:
            strange = [g for g in names if _key(g) not in own]
            if strange:
                raise ImportFailed(
                    f"{join_nl(strange)} {'hoort' if len(strange) == 1 else 'horen'} niet bij "
                    f"samenwerkingsverband {swv}; kies uit: {', '.join(chosen['gemeenten'])}")
            names = [own[_key(g)] for g in names]
        else:
            names = list(chosen["gemeenten"])
        return cls(swv, chosen.get("sector"), names, swvs)

    def spelling(self, gemeente: str) -> str | None:
        """The region's own spelling of a gemeente from DUO, or None if outside."""
        return next((g for g in self.gemeenten if _key(g) == _key(gemeente)), None)

    def why_outside(self, school: School) -> str | None:
        if school.gemeente is None:
            where = f"samenwerkingsverband {self.swv_id}" if self.swv_id else "de gekozen gemeenten"
            return f"gemeente {school.duo_gemeente or '(leeg)'} hoort niet bij {where}"
        if self.sector and school.sector and school.sector != self.sector:
            return (f"dit is een school voor {SECTOR_NAMES[school.sector]}; "
                    f"samenwerkingsverband {self.swv_id} is voor "
                    f"{SECTOR_NAMES.get(self.sector, self.sector)}")
        return None

    def swv_for(self, school: School) -> str | None:
        if self.swv_id:
            return self.swv_id
        fits = [s["id"] for s in self.swvs
                if any(_key(g) == _key(school.gemeente or "") for g in s["gemeenten"])
                and (school.sector is None or s.get("sector") == school.sector)]
        return fits[0] if len(fits) == 1 else None


def _read_swvs(content: Path) -> list[dict]:
    """The samenwerkingsverbanden in organisatie.yml (id, sector, gemeenten),
    read through the hardened loader; the file need not be valid otherwise."""
    if not m.ORGANISATIE.file:
        raise TypeError("the organisatie record type has no file")
    path = content / m.ORGANISATIE.file
    if not path.is_file():
        raise ImportFailed(f"{path} bestaat niet; daarin staan de samenwerkingsverbanden "
                           "en hun gemeenten")
    try:
        root = yamledit.checked(yamledit.RecordText.from_bytes(path.read_bytes()).text)
    except yamledit.Unreadable:
        raise ImportFailed(f"{path} is niet te lezen; los eerst de fouten op "
                           "(swvsite check)") from None
    entries = yamledit.plain(root).get("swvs") if isinstance(root, Mapping) else None
    swvs = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and entry.get("id"):
            gemeenten = entry.get("gemeenten")
            swvs.append({"id": _text(entry["id"]), "sector": entry.get("sector"),
                         "gemeenten": [_text(g) for g in gemeenten or [] if g]
                         if isinstance(gemeenten, list) else []})
    return swvs


def _text(value: object) -> str:
    """A scalar of `yamledit.plain` as text: (tag, text) for non-strings."""
    return value[1] if isinstance(value, tuple) else str(value)
