"""Small numbers never shown: counts in, published tables out.

Pure Python, no content model, no MkDocs. One period's counts are published as

- one two-way table (rows by columns, say categorie by sector) with its row
  totals, column totals and grand total, and
- any number of one-way tables (say: who raised it) whose cells add up to the
  same grand total.

The rule, with threshold k:

1. Primary suppression: every published number below k (0 included) is hidden
   and shown as "<k".
2. Secondary suppression: no hidden number may be worked out from the numbers
   that are shown (by adding, subtracting, or any combination of them). In the
   two-way table with its totals, a hidden cell can be worked out exactly when
   it is a bridge in the graph of hidden cells (rows and columns, the total row
   and the total column included, as nodes; hidden cells as edges): for example
   when it is the only hidden cell of a row or column. Then shown numbers are
   hidden too (shown as "x") that put it on a circle of hidden cells, as
   cheaply as possible (the smallest sum; for a cell alone in its row usually
   the smallest other number of that row), until no hidden cell is a bridge.
   A one-way table with its total is one line: it has no hidden number or at
   least two.
3. The grand total is the same number in every table, so it is hidden in all of
   them or in none.
4. A period whose grand total is below k is not published at all.

Only the grand total links the tables (the two-way table's cells and a one-way
table's cells are sums over different groupings), and a hidden grand total can
always be changed in each table without revealing anything else there; so rule
2 per table and rule 3 together protect every hidden number.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

TOTAAL = "totaal"

# Why a number is hidden.
KLEIN = "klein"  # below the threshold: shown as "<k"
AFGELEID = "afgeleid"  # could be worked out from the others: shown as "x"


@dataclass(frozen=True)
class Cel:
    """One published number: its value, or None with the reason it is hidden."""

    waarde: int | None
    verborgen: str | None = None

    def tekst(self, drempel: int) -> str:
        if self.verborgen == KLEIN:
            return f"<{drempel}"
        if self.verborgen == AFGELEID:
            return "x"
        return str(self.waarde)


@dataclass(frozen=True)
class Tabel:
    """A published table. `cellen` holds every (row, column) pair of `rijen` and
    `kolommen` plus the totals: (row, TOTAAL), (TOTAAL, column), (TOTAAL, TOTAAL).
    A one-way table has the single column TOTAAL."""

    naam: str
    rijen: tuple[str, ...]
    kolommen: tuple[str, ...]
    cellen: dict[tuple[str, str], Cel]

    def cel(self, rij: str, kolom: str = TOTAAL) -> Cel:
        return self.cellen[(rij, kolom)]

    @property
    def totaal(self) -> Cel:
        return self.cellen[(TOTAAL, TOTAAL)]

    def verborgen(self) -> set[tuple[str, str]]:
        return {key for key, cel in self.cellen.items() if cel.verborgen}


@dataclass(frozen=True)
class Telling:
    """What is published for one period."""

    kruistabel: Tabel
    lijsten: tuple[Tabel, ...]

    @property
    def tabellen(self) -> tuple[Tabel, ...]:
        return (self.kruistabel, *self.lijsten)


def publiceer(kruis: Mapping[tuple[str, str], int], rijen: Sequence[str],
              kolommen: Sequence[str], lijsten: Mapping[str, Mapping[str, int]],
              drempel: int, *, kruis_naam: str = "kruistabel") -> Telling | None:
    """The published tables of one period, or None when its total is below `drempel`.

    `kruis` maps (row, column) to a count (missing pairs count 0); `lijsten`
    maps a one-way table's name to its counts per row, and every one-way
    table must add up to the same total as `kruis`."""
    if drempel < 1:
        raise ValueError("the threshold must be at least 1")
    waarden = _kruiswaarden(kruis, tuple(rijen), tuple(kolommen))
    totaal = waarden[(TOTAAL, TOTAAL)]
    lijst_waarden = {naam: _lijstwaarden(dict(telling), totaal, naam)
                     for naam, telling in lijsten.items()}
    if totaal < drempel:
        return None
    verborgen_kruis = {key for key, value in waarden.items() if value < drempel}
    verborgen_lijst = {naam: {key for key, value in w.items() if value < drempel}
                       for naam, w in lijst_waarden.items()}
    while True:
        verborgen_kruis = _herstel_kruis(waarden, verborgen_kruis)
        for naam, w in lijst_waarden.items():
            if (TOTAAL, TOTAAL) in verborgen_kruis:
                verborgen_lijst[naam].add((TOTAAL, TOTAAL))
            verborgen_lijst[naam] = _herstel_lijn(w, verborgen_lijst[naam])
        totaal_verborgen = any((TOTAAL, TOTAAL) in v for v in verborgen_lijst.values())
        if totaal_verborgen and (TOTAAL, TOTAAL) not in verborgen_kruis:
            verborgen_kruis.add((TOTAAL, TOTAAL))
            continue  # the next round hides it in every one-way table too
        break
    kruistabel = _tabel(kruis_naam, tuple(rijen), tuple(kolommen), waarden, verborgen_kruis,
                        drempel)
    tabellen = tuple(
        _tabel(naam, tuple(k for k, _ in w if k != TOTAAL), (TOTAAL,), w, verborgen_lijst[naam],
               drempel)
        for naam, w in ((naam, lijst_waarden[naam]) for naam in lijsten))
    return Telling(kruistabel, tabellen)


def _kruiswaarden(kruis: Mapping[tuple[str, str], int], rijen: tuple[str, ...],
                  kolommen: tuple[str, ...]) -> dict[tuple[str, str], int]:
    for (rij, kolom), value in kruis.items():
        if rij not in rijen or kolom not in kolommen:
            raise ValueError(f"cell {(rij, kolom)!r} is outside the table")
        if value < 0:
            raise ValueError("counts are never negative")
    waarden = {(r, c): int(kruis.get((r, c), 0)) for r in rijen for c in kolommen}
    for r in rijen:
        waarden[(r, TOTAAL)] = sum(waarden[(r, c)] for c in kolommen)
    for c in kolommen:
        waarden[(TOTAAL, c)] = sum(waarden[(r, c)] for r in rijen)
    waarden[(TOTAAL, TOTAAL)] = sum(waarden[(r, TOTAAL)] for r in rijen)
    return waarden


def _lijstwaarden(telling: dict[str, int], totaal: int, naam: str) -> dict:
    if any(value < 0 for value in telling.values()):
        raise ValueError("counts are never negative")
    if sum(telling.values()) != totaal:
        raise ValueError(f"one-way table {naam!r} does not add up to the grand total")
    waarden = {(rij, TOTAAL): int(value) for rij, value in telling.items()}
    waarden[(TOTAAL, TOTAAL)] = totaal
    return waarden


def _herstel_kruis(waarden: dict[tuple[str, str], int],
                   verborgen: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """`verborgen` plus what else must be hidden so that no hidden cell of the
    two-way table is a bridge (see the module's rule 2)."""
    verborgen = set(verborgen)
    while True:
        brug = next((cel for cel in sorted(verborgen, key=lambda key: _volgorde(key, waarden))
                     if _is_brug(cel, verborgen)), None)
        if brug is None:
            return verborgen
        verborgen |= _sluit_kring(brug, waarden, verborgen)


def _is_brug(cel: tuple[str, str], verborgen: set[tuple[str, str]]) -> bool:
    """Whether `cel` is a bridge among the hidden cells: whether its row and
    its column are not connected by the other hidden cells."""
    rij, kolom = cel
    buren: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for r, c in verborgen:
        if (r, c) != cel:
            buren[("rij", r)].append(("kolom", c))
            buren[("kolom", c)].append(("rij", r))
    start, doel = ("rij", rij), ("kolom", kolom)
    gezien, te_doen = {start}, [start]
    while te_doen:
        knoop = te_doen.pop()
        if knoop == doel:
            return False
        for buur in buren[knoop]:
            if buur not in gezien:
                gezien.add(buur)
                te_doen.append(buur)
    return True


# What a path through the table costs: the sum of the numbers it hides, how
# many it hides, and which cells.
Kosten = tuple[int, int, tuple[tuple[str, str], ...]]


def _sluit_kring(brug: tuple[str, str], waarden: dict[tuple[str, str], int],
                 verborgen: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The shown cells to hide so that `brug` lies on a circle of hidden cells,
    as cheaply as possible: the smallest sum of hidden numbers (then the fewest
    cells, then table order). A shortest path from the bridge's row to its
    column, where hidden cells cost nothing and shown cells their number.

    When the bridge is the only hidden cell of a row, this hides the smallest
    other number of that row (or of a column, when that is cheaper overall)."""
    rij, kolom = brug
    rijen = list(dict.fromkeys(r for r, _ in waarden))
    kolommen = list(dict.fromkeys(c for _, c in waarden))
    start, doel = ("rij", rij), ("kolom", kolom)
    beste: dict[tuple[str, str], Kosten] = {start: (0, 0, ())}
    wachtrij: list[tuple[Kosten, tuple[str, str]]] = [((0, 0, ()), start)]
    while wachtrij:
        kosten, knoop = heapq.heappop(wachtrij)
        if knoop == doel:
            return {verborgen_cel for verborgen_cel in kosten[2]
                    if verborgen_cel not in verborgen}
        if beste.get(knoop) != kosten:
            continue
        soort, naam = knoop
        buren = ([("kolom", c) for c in kolommen] if soort == "rij"
                 else [("rij", r) for r in rijen])
        for buur in buren:
            cel = (naam, buur[1]) if soort == "rij" else (buur[1], naam)
            if cel == brug or cel not in waarden:
                continue
            extra = (0, 0) if cel in verborgen else (waarden[cel], 1)
            nieuw: Kosten = (kosten[0] + extra[0], kosten[1] + extra[1],
                     kosten[2] + ((cel,) if extra[1] else ()))
            if buur not in beste or nieuw < beste[buur]:
                beste[buur] = nieuw
                heapq.heappush(wachtrij, (nieuw, buur))
    # Cannot happen: with at least one row and column besides the totals every
    # row reaches every column.
    raise AssertionError(f"no circle through {brug!r}")  # pragma: no cover


def _volgorde(key: tuple[str, str], waarden: dict[tuple[str, str], int]) -> int:
    return list(waarden).index(key)


def _herstel_lijn(waarden: dict[tuple[str, str], int],
                  verborgen: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """A one-way table with its total: no hidden number, or at least two."""
    verborgen = set(verborgen)
    if len(verborgen) == 1:
        shown = sorted((key for key in waarden if key not in verborgen),
                       key=lambda key: (waarden[key], _volgorde(key, waarden)))
        verborgen.add(shown[0])
    return verborgen


def _tabel(naam: str, rijen: tuple[str, ...], kolommen: tuple[str, ...],
           waarden: dict[tuple[str, str], int], verborgen: set[tuple[str, str]],
           drempel: int) -> Tabel:
    cellen = {}
    for key, value in waarden.items():
        if key in verborgen:
            cellen[key] = Cel(None, KLEIN if value < drempel else AFGELEID)
        else:
            cellen[key] = Cel(value)
    return Tabel(naam, rijen, kolommen, cellen)
