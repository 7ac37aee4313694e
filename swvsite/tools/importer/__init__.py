"""`swvsite import-scholen`: school records from DUO's open data.

DUO (Dienst Uitvoering Onderwijs) publishes the addresses of every school
location as a semicolon-separated CSV file ("Adressen van alle vestigingen").
This package reads that file, keeps the schools of one samenwerkingsverband (by
gemeente), and for each school

- creates a new record with the identity fields from DUO (naam, brin,
  vestiging, adres, gemeente, denominatie, telefoon, website, niveaus, swv)
  and the profile fields left empty for staff, exactly like `swvsite new
  school`, so the record cannot be published until staff fill it in; or
- updates an existing record, matched by brin + vestiging (never by file
  name), in the identity fields only. The file is edited line by line: only
  the value of a changed field is rewritten, so comments, quoting and the
  order of fields stay as staff left them. An edit that cannot be made safely
  is not made and is reported instead.

Everything staff wrote by hand (the ondersteuningsprofiel) is never touched.
The result is an `ImportReport` whose `text()` tells staff in Dutch what was
created, updated (old -> new), left alone and why, and skipped.

The stages, one module each: `duo_csv` reads DUO's file, `region` decides
which gemeenten and samenwerkingsverband, `school` turns a row into the
model's values, `existing` finds the records already there (through the
hardened loader), `create` writes new records (the scaffold's template) and
`update` edits existing ones in place (the shared editor, `yamledit`);
`report` is what staff read.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from swvsite.tools.importer.create import create, school_id
from swvsite.tools.importer.duo_csv import DuoRow, read_duo_csv
from swvsite.tools.importer.existing import ExistingRecords
from swvsite.tools.importer.region import Region
from swvsite.tools.importer.report import (
    Change,
    ImportFailed,
    ImportReport,
    LeftAlone,
    SchoolResult,
    Skipped,
)
from swvsite.tools.importer.school import IDENTITY_FIELDS, School, derive_niveaus, nice_name
from swvsite.tools.importer.update import update

__all__ = ["IDENTITY_FIELDS", "Change", "DuoRow", "ImportFailed", "ImportReport", "LeftAlone",
           "SchoolResult", "Skipped", "derive_niveaus", "import_scholen", "nice_name",
           "read_duo_csv", "school_id"]


def import_scholen(csv_path: str | Path, content_dir: str | Path, *,
                   gemeenten: list[str] | None = None, swv: str | None = None,
                   dry_run: bool = False, today: dt.date | None = None) -> ImportReport:
    """Create and update school records in `content_dir` from DUO's CSV file.

    Keeps the rows whose gemeente belongs to samenwerkingsverband `swv` (an id
    from organisatie.yml) or to `gemeenten`; at least one of the two is
    needed. With `dry_run` nothing is written. Raises `ImportFailed` with a
    Dutch message when the file or the settings cannot be used."""
    content = Path(content_dir)
    today = today or dt.date.today()
    rows = read_duo_csv(Path(csv_path))
    region = Region.from_content(content, swv, gemeenten)
    report = ImportReport(source=Path(csv_path).name, swv=region.swv_id,
                          gemeenten=region.gemeenten, dry_run=dry_run, rows=len(rows))
    existing = ExistingRecords(content, report)
    seen: dict[tuple[str, str], int] = {}
    planned_ids: set[str] = set()

    for row in rows:
        school = School.from_row(row, region)
        label = school.label
        if school.problem:
            report.skipped.append(Skipped(row.line, label, school.problem))
            continue
        key = (school.brin, school.vestiging)
        matches = existing.by_key.get(key, [])
        if key in seen:
            report.skipped.append(Skipped(row.line, label, f"deze school staat al eerder in het "
                                          f"bestand (regel {seen[key]})"))
            continue
        seen[key] = row.line
        outside = region.why_outside(school)
        if outside:
            if matches and school.gemeente is None:  # moved out of the region?
                outside += (f"; let op: {', '.join(existing.display(p) for p in matches)} heeft "
                            "dezelfde BRIN en vestiging en is niet bijgewerkt")
            report.skipped.append(Skipped(row.line, label, outside))
            continue
        if len(matches) > 1:
            names = " en ".join(existing.display(p) for p in matches)
            report.left_alone.append(LeftAlone(None, None, (
                f"{label}: {names} hebben allebei BRIN {school.brin} en vestiging "
                f"{school.vestiging}; geen van beide is bijgewerkt. Haal een van de twee weg.")))
            continue
        if matches:
            update(matches[0], school, region, existing, report, dry_run)
        else:
            create(content, school, existing, planned_ids, report, dry_run, today)
    return report
