"""Review dates: every record says when a person last checked it
(`gecontroleerd_op`); a record older than its type's maximum age is overdue.

`swvsite check` lists what is overdue; `swvsite build` warns, and fails under
`--streng`. The maximum ages are site-wide, per type, in mkdocs.yml
(`controle_termijnen` of the swvsite plugin, in days).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from swvsite.content import model as m

# Per reviewed record type, from its declaration in the model.
DEFAULT_MAX_DAYS = {t.name: t.review_days for t in m.RECORD_TYPES.values() if t.reviewed}

TODAY_VARIABLE = "SWVSITE_VANDAAG"


def today() -> dt.date:
    """Today, or the date in SWVSITE_VANDAAG (JJJJ-MM-DD) for reproducible runs."""
    fixed = os.environ.get(TODAY_VARIABLE)
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


@dataclass(frozen=True)
class Overdue:
    record: m.Record
    age_days: int
    max_days: int

    def __str__(self) -> str:
        checked = self.record["gecontroleerd_op"].isoformat()
        return (f"{self.record.path}, regel {self.record.line_of('gecontroleerd_op')}, veld "
                f"'gecontroleerd_op': laatst gecontroleerd op {checked}, {self.age_days} dagen "
                f"geleden (maximaal {self.max_days} dagen); controleer de inhoud en zet de "
                "datum van vandaag.")


def overdue(site: m.Site, on: dt.date, max_days: dict[str, int] | None = None) -> list[Overdue]:
    limits = {**DEFAULT_MAX_DAYS, **(max_days or {})}
    found = []
    for record in site.all_records():
        if not record.type.reviewed:
            continue
        limit = limits[record.type.name]
        age = (on - record["gecontroleerd_op"]).days
        if age > limit:
            found.append(Overdue(record, age, limit))
    return sorted(found, key=lambda o: o.record.path)


def report(items: list[Overdue]) -> str:
    if not items:
        return ""
    head = ("1 bestand moet opnieuw gecontroleerd worden:" if len(items) == 1
            else f"{len(items)} bestanden moeten opnieuw gecontroleerd worden:")
    return "\n".join(["LET OP: " + head] + [f"- {item}" for item in items])


def unknown_types(max_days: dict[str, int]) -> list[str]:
    return sorted(set(max_days) - set(DEFAULT_MAX_DAYS))
