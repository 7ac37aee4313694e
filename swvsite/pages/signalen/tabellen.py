"""From signaal records to what is published per period (see onderdrukking)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from swvsite.content import model as m
from swvsite.content.signalen import perioden
from swvsite.content.signalen.instellingen import Instellingen
from swvsite.pages.markup import MAANDEN
from swvsite.pages.signalen.onderdrukking import TOTAAL, Telling, publiceer

KWARTALEN = ("eerste", "tweede", "derde", "vierde")
SECTOREN = tuple(m.SECTOREN)
ONBEKEND = "onbekend"  # no gemeente given
KRUIS = "categorie-sector"
DOOR = "door"
GEMEENTE = "gemeente"


@dataclass(frozen=True)
class Periode:
    """One published period."""

    id: str
    telling: Telling

    @property
    def naam(self) -> str:
        return naam(self.id)

    def tabel(self, naam: str):
        return next(t for t in self.telling.tabellen if t.naam == naam)


def gemeenten(site: m.Site) -> tuple[str, ...]:
    return tuple(dict.fromkeys(g for s in site.swv_lijst for g in s["gemeenten"])) + (ONBEKEND,)


def gepubliceerd(site: m.Site, settings: Instellingen) -> list[Periode]:
    """Every period whose total reaches the threshold, oldest first, with its
    tables suppressed."""
    result = []
    for periode in sorted(site.signalen, key=perioden.sorteersleutel):
        telling = periode_telling(site.signalen[periode], settings, gemeenten(site))
        if telling is not None:
            result.append(Periode(periode, telling))
    return result


def periode_telling(record: m.Record, settings: Instellingen,
                    alle_gemeenten: tuple[str, ...]) -> Telling | None:
    kruis: Counter = Counter()
    door: Counter = Counter({d: 0 for d in m.SIGNAAL_DOOR})
    gemeente: Counter = Counter({g: 0 for g in alle_gemeenten})
    for t in record["tellingen"]:
        if not t or t["categorie"] not in settings.categorieen:
            continue
        kruis[(t["categorie"], t["sector"])] += t["aantal"]
        door[t["door"]] += t["aantal"]
        gemeente[t["gemeente"] or ONBEKEND] += t["aantal"]
    return publiceer(kruis, list(settings.categorieen), SECTOREN,
                     {DOOR: dict(door), GEMEENTE: dict(gemeente)}, settings.drempel,
                     kruis_naam=KRUIS)


def labels(settings: Instellingen) -> dict[str, dict[str, str]]:
    """Row and column labels per table, for pages and exports."""
    return {
        KRUIS: {**settings.categorieen, **m.SECTOREN, TOTAAL: "Totaal"},
        DOOR: {**m.SIGNAAL_DOOR, TOTAAL: "Totaal"},
        GEMEENTE: {ONBEKEND: "Gemeente niet bekend", TOTAAL: "Totaal"},
    }


def naam(periode: str) -> str:
    """'eerste kwartaal 2026', 'maart 2026'."""
    months = perioden.maanden(periode)
    if len(months) == 3:
        return f"{KWARTALEN[(months[0] - 1) // 3]} kwartaal {perioden.jaar(periode)}"
    return f"{MAANDEN[months[0] - 1]} {perioden.jaar(periode)}"


def kort(periode: str) -> str:
    """'K1 2026', 'mrt 2026': for chart labels."""
    months = perioden.maanden(periode)
    if len(months) == 3:
        return f"K{(months[0] - 1) // 3 + 1} {perioden.jaar(periode)}"
    return f"{MAANDEN[months[0] - 1][:3]} {perioden.jaar(periode)}"
