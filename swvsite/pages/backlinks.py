"""Backlinks: who links to whom, so a relation typed once shows on both pages.

A voorziening names its procedures, a procedure its voorzieningen, a vraag or a
nieuws item what it is about, a school the voorzieningen it works with; each of
those pages also lists what names it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from swvsite.content import model as m
from swvsite.pages.nieuws import nieuws_sorted


@dataclass
class Backlinks:
    """Who links to whom, so a relation typed once shows on both pages."""

    vragen_by_target: dict[str, list[tuple[m.Record, dict]]]
    voorzieningen_by_procedure: dict[str, list[str]]
    procedures_by_voorziening: dict[str, list[str]]
    nieuws_by_target: dict[str, list[m.Record]]
    scholen_by_voorziening: dict[str, list[str]]

    @classmethod
    def of(cls, site: m.Site) -> Backlinks:
        by_procedure, by_voorziening = _procedure_links(site)
        scholen = defaultdict(list)
        for s in site.scholen.values():
            for vid in s["voorzieningen"]:
                scholen[vid].append(s.id)
        return cls(
            _by_target((vraag, (thema, vraag)) for thema, vraag in site.vragen()),
            by_procedure,
            by_voorziening,
            _by_target((n, n) for n in nieuws_sorted(site)),
            scholen,
        )

    def procedures_for(self, site: m.Site, voorziening: m.Record) -> list[m.Record]:
        ids = dict.fromkeys(self.procedures_by_voorziening[voorziening.id])
        return [site.procedures[p] for p in ids]

    def voorzieningen_for(self, site: m.Site, procedure: m.Record) -> list[m.Record]:
        ids = dict.fromkeys(self.voorzieningen_by_procedure[procedure.id])
        return [site.voorzieningen[v] for v in ids]

    def scholen_for(self, site: m.Site, voorziening: m.Record) -> list[m.Record]:
        return [site.scholen[s] for s in self.scholen_by_voorziening.get(voorziening.id, [])]

    def vragen_for(self, record: m.Record) -> list[tuple[m.Record, dict]]:
        return self.vragen_by_target.get(f"{record.type.name}:{record.id}", [])

    def nieuws_for(self, record: m.Record) -> list[m.Record]:
        return self.nieuws_by_target.get(f"{record.type.name}:{record.id}", [])


def _by_target(items: Iterable[tuple[Any, Any]]) -> defaultdict[str, list]:
    """`procedure:<id>` and `voorziening:<id>` -> the values whose source names it,
    for (source, value) pairs: a vraag or nieuws item and what its page lists."""
    by_target: defaultdict[str, list] = defaultdict(list)
    for source, value in items:
        for pid in source["procedures"]:
            by_target[f"procedure:{pid}"].append(value)
        for vid in source["voorzieningen"]:
            by_target[f"voorziening:{vid}"].append(value)
    return by_target


Links = defaultdict[str, list[str]]


def _procedure_links(site: m.Site) -> tuple[Links, Links]:
    """Procedure id -> voorziening ids and back, named on either side."""
    by_procedure: defaultdict[str, list[str]] = defaultdict(list)
    by_voorziening: defaultdict[str, list[str]] = defaultdict(list)
    for v in site.voorzieningen.values():
        for pid in v["procedures"]:
            by_procedure[pid].append(v.id)
            by_voorziening[v.id].append(pid)
    for p in site.procedures.values():
        for vid in p["voorzieningen"]:
            by_procedure[p.id].append(vid)
            by_voorziening[vid].append(p.id)
    return by_procedure, by_voorziening
