"""Checks of the signalen that only the whole site can make: the categories of
mkdocs.yml, the gemeenten of organisatie.yml, the file name, repeated rows and
periods that overlap. Messages never repeat a gemeente as typed (it could be a
name)."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING

from swvsite.content import model as m
from swvsite.content.problems import Problem
from swvsite.content.signalen import instellingen, perioden

if TYPE_CHECKING:  # checks lists this module's check
    from swvsite.content.checks import CheckInput


def signal_counts(given: CheckInput) -> list[Problem]:
    """The signalen settings in mkdocs.yml, and every signal file against them and
    against organisatie.yml (an entry of checks.SITE_CHECKS)."""
    return site_problems(given.site, given.pages.config_file)


def site_problems(site: m.Site, config_file: str | Path | None) -> list[Problem]:
    settings, problems = instellingen.lees(config_file)
    if not site.signalen:
        return problems
    gemeenten = _gemeenten(site)
    for record in site.signalen.values():
        problems += _check_record(record, settings, gemeenten)
    problems += _overlap(site.signalen)
    return problems


def _gemeenten(site: m.Site) -> dict[str, list[str]]:
    """Sector -> the gemeenten of the SWVs of that sector (all, if none)."""
    alle = list(dict.fromkeys(g for s in site.swv_lijst for g in s["gemeenten"]))
    result = {}
    for sector in m.SECTOREN:
        own = [g for s in site.swv_lijst if s["sector"] == sector for g in s["gemeenten"]]
        result[sector] = list(dict.fromkeys(own)) or alle
    return result


def _check_record(record: m.Record, settings: instellingen.Instellingen,
                  gemeenten: dict[str, list[str]]) -> list[Problem]:
    problems = []
    if record["periode"] != record.id:
        problems.append(Problem(record.path, record.line_of("periode"), "periode", (
            f"de periode moet hetzelfde zijn als de bestandsnaam: {record.id}; pas de periode "
            "of de bestandsnaam aan")))
    seen: dict[tuple, int] = {}
    for index, telling in enumerate(record["tellingen"], start=1):
        if not telling:
            continue
        path = f"tellingen[{index}]"
        categorie = telling["categorie"]
        if categorie not in settings.categorieen:
            message = (f"'{categorie}' is geen categorie uit mkdocs.yml (signalen: "
                       f"categorieen); kies uit: {', '.join(settings.categorieen)}")
            close = difflib.get_close_matches(categorie, list(settings.categorieen), n=1)
            if close:
                message += f"; bedoelt u '{close[0]}'?"
            problems.append(Problem(record.path, record.line_of(f"{path}.categorie"),
                                    f"{path}.categorie", message))
        gemeente = telling["gemeente"]
        if gemeente and gemeente not in gemeenten[telling["sector"]]:
            problems.append(Problem(record.path, record.line_of(f"{path}.gemeente"),
                                    f"{path}.gemeente", (
                "deze gemeente hoort niet bij een samenwerkingsverband voor "
                f"{telling['sector']} in organisatie.yml; kies uit: "
                f"{', '.join(gemeenten[telling['sector']])} (of laat het veld weg)")))
        key = (categorie, telling["door"], telling["sector"], gemeente)
        if key in seen:
            first = seen[key]
            problems.append(Problem(record.path, record.line_of(path), path, (
                f"dezelfde categorie, door, sector en gemeente staan al in tellingen[{first}] "
                f"(regel {record.line_of(f'tellingen[{first}]')}); tel de aantallen op en "
                "laat één item staan")))
        else:
            seen[key] = index
    return problems


def _overlap(signalen: dict[str, m.Record]) -> list[Problem]:
    """A month that lies in a quarter that has a file too (it would count twice)."""
    problems = []
    periods = sorted(signalen, key=perioden.sorteersleutel)
    for record_id in periods:
        record = signalen[record_id]
        for other in periods:
            if perioden.maanden(record_id) != perioden.maanden(other) and len(
                    perioden.maanden(record_id)) == 1 and perioden.overlappen(record_id, other):
                problems.append(Problem(record.path, record.line_of("periode"), "periode", (
                    f"deze maand valt in het kwartaal {other} "
                    f"({signalen[other].path}); tel per kwartaal of per maand, niet "
                    "allebei (anders telt alles dubbel)")))
    return problems
