"""/data/signalen.csv and /data/signalen.json: the published tables, as on the pages.

Every number comes from `onderdrukking`: a hidden number is written as "<5"
(below the threshold) or "x" (hidden so that no small number can be worked
out), never as a count. Periods below the threshold are not in the files.
"""

from __future__ import annotations

import csv
import io
import json

from swvsite.content import model as m
from swvsite.content.signalen.instellingen import Instellingen
from swvsite.pages.signalen.onderdrukking import TOTAAL, Cel
from swvsite.pages.signalen.tabellen import gepubliceerd, labels

SCHEMAVERSIE = 1
CSV_NAME = "signalen.csv"
JSON_NAME = "signalen.json"
KOLOMMEN = ("periode", "tabel", "rij", "rij_naam", "kolom", "kolom_naam", "aantal")


def bestanden(site: m.Site, settings: Instellingen) -> dict[str, str]:
    """File name (in /data/) -> text; without signal files (yet) the tables are
    empty, so a link to them (docs/data.md) works for any content."""
    rows = list(_rijen(site, settings))
    return {CSV_NAME: _csv(rows), JSON_NAME: _json(site, settings, rows)}


def _rijen(site: m.Site, settings: Instellingen):
    names = labels(settings)
    for periode in gepubliceerd(site, settings):
        for tabel in periode.telling.tabellen:
            for rij in (*tabel.rijen, TOTAAL):
                for kolom in dict.fromkeys((*tabel.kolommen, TOTAAL)):
                    yield _rij(periode.id, tabel.naam, rij, kolom, tabel.cel(rij, kolom),
                               names[tabel.naam], settings.drempel)


def _rij(periode: str, tabel: str, rij: str, kolom: str, cel: Cel, namen: dict[str, str],
         drempel: int) -> dict:
    return {
        "periode": periode,
        "tabel": tabel,
        "rij": rij,
        "rij_naam": namen.get(rij, rij),
        "kolom": kolom,
        "kolom_naam": namen.get(kolom, kolom),
        "aantal": cel.tekst(drempel),
        "_cel": cel,
    }


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(KOLOMMEN)
    for row in rows:
        writer.writerow([row[k] for k in KOLOMMEN])
    return out.getvalue()


def _json(site: m.Site, settings: Instellingen, rows: list[dict]) -> str:
    perioden: dict[str, list[dict]] = {}
    for row in rows:
        cel: Cel = row["_cel"]
        perioden.setdefault(row["periode"], []).append({
            "tabel": row["tabel"], "rij": row["rij"], "kolom": row["kolom"],
            "aantal": cel.waarde, "weergave": row["aantal"],
        })
    data = {
        "schemaversie": SCHEMAVERSIE,
        "soort": "signalen",
        "bron": site.organisatie["naam"],
        "drempel": settings.drempel,
        "uitleg": (f"Aantallen kleiner dan {settings.drempel} staan er als "
                   f"'<{settings.drempel}' (aantal null). Een 'x' (aantal null) is weggelaten "
                   "zodat geen klein aantal uit te rekenen is. Perioden met in totaal minder "
                   f"dan {settings.drempel} signalen ontbreken."),
        "categorieen": settings.categorieen,
        "perioden": [{"periode": p, "cellen": cellen} for p, cellen in perioden.items()],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
