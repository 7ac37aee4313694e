"""Creating a new school record from DUO: the scaffold's template of a school
with DUO's identity fields filled in and the profile left for staff."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from swvsite.content import model as m
from swvsite.tools.importer.existing import ExistingRecords
from swvsite.tools.importer.report import ImportReport, LeftAlone, SchoolResult, Skipped
from swvsite.tools.importer.school import School
from swvsite.tools.scaffold import render_record, schema_ref

IMPORT_INTRO = (
    "",
    "Aangemaakt met 'swvsite import-scholen' uit de open data van DUO op {date}.",
    "Bij een volgende import worden naam, brin, vestiging, swv, niveaus, adres,",
    "gemeente, denominatie, telefoon en website bijgewerkt uit DUO. Wat u zelf",
    "schrijft (het ondersteuningsprofiel) blijft altijd staan.",
)


def create(content: Path, school: School, existing: ExistingRecords, planned: set[str],
            report: ImportReport, dry_run: bool, today: dt.date) -> None:
    record_id = school_id(school.naam, school.plaats)
    if record_id in existing.ids or record_id in planned:
        record_id = f"{record_id}-{school.brin.lower()}-{school.vestiging}"
    path = existing.folder / f"{record_id}.yml"
    display = existing.display(path)
    if record_id in existing.ids or record_id in planned or path.exists():
        report.skipped.append(Skipped(school.line, school.label, (
            f"er bestaat al een bestand {display} voor een andere school; maak deze school "
            "met de hand aan (swvsite new school)")))
        return
    planned.add(record_id)
    intro = tuple(line.format(date=today.isoformat()) for line in IMPORT_INTRO)
    text = render_record(m.SCHOOL, record_id, today=today, values=school.values(),
                         schema=schema_ref(content, existing.folder, m.SCHOOL), intro=intro)
    if not dry_run:
        existing.folder.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    report.created.append(SchoolResult(display, school.naam, school.brin, school.vestiging,
                                       school.plaats))
    for name, why in school.notes:
        report.left_alone.append(LeftAlone(display, name, why))
    if school.swv is None:
        report.left_alone.append(LeftAlone(display, "swv", (
            "niet duidelijk bij welk samenwerkingsverband deze school hoort; vul dit veld "
            "zelf in")))


def school_id(naam: str, plaats: str) -> str:
    """The id of a new school record: the name and the place, as a slug."""
    name, place = m.slugify(naam), m.slugify(plaats)
    if not place or name == place or name.endswith(f"-{place}"):
        return name
    return f"{name}-{place}"

