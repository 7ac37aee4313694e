"""The signalen pages as Markdown: /signalen/ and one page per period.

Charts and tables are raw HTML blocks made here, from numbers and labels that
are escaped here; no content text ever becomes HTML. Every number on these
pages has been through `onderdrukking`.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from swvsite.content import model as m
from swvsite.content.signalen.instellingen import Instellingen
from swvsite.pages import safe
from swvsite.pages.markup import (
    FRONT_MATTER,
    GeneratedPage,
    datum,
    heading,
    join,
    page_link,
    titled,
)
from swvsite.pages.signalen import grafiek
from swvsite.pages.signalen.onderdrukking import AFGELEID, KLEIN, TOTAAL, Cel, Tabel
from swvsite.pages.signalen.tabellen import (
    DOOR,
    GEMEENTE,
    KRUIS,
    SECTOREN,
    Periode,
    gepubliceerd,
    kort,
    labels,
)

INDEX = "signalen/index.md"
CSV = "data/signalen.csv"
JSON = "data/signalen.json"
TOP = 3


def page_path(periode: str) -> str:
    return f"signalen/{periode}.md"


def paginas(site: m.Site, settings: Instellingen, vandaag: dt.date) -> list[GeneratedPage]:
    """The overview page and one page per published period. Without signal files
    (yet) the overview says so: the menu (mkdocs.yml) and links lead to it."""
    periods = gepubliceerd(site, settings)
    names = labels(settings)
    pages = [GeneratedPage(INDEX, titled(FRONT_MATTER, "Signalen") +
                           overzicht(site, settings, periods, names, vandaag))]
    for periode in periods:
        title = f"Signalen {periode.naam}"
        pages.append(GeneratedPage(page_path(periode.id), titled(FRONT_MATTER, title) +
                                   periode_pagina(site, settings, periode, names, vandaag)))
    return pages


# --------------------------------------------------------------------------
# The pages
# --------------------------------------------------------------------------


def overzicht(site: m.Site, settings: Instellingen, periods: list[Periode],
              names: dict, vandaag: dt.date) -> str:
    here = INDEX
    org = site.organisatie["naam"]
    intro = (f"Ouders, jongeren en scholen vertellen {safe.text(org)} waar zij tegenaan lopen. "
             "Wij tellen dat, zonder namen. Zo ziet het samenwerkingsverband wat er speelt. "
             "Op deze pagina staan de aantallen per periode.")
    if not periods:
        return join(heading(1, "Signalen"), intro,
                    "Er zijn nog geen signalen gepubliceerd.", uitleg_regel(settings))
    categorie_namen = names[KRUIS]
    totalen = [(kort(p.id), p.telling.kruistabel.totaal) for p in periods]
    trend = Tabel("trend", tuple(settings.categorieen), tuple(p.id for p in periods), {
        **{(c, p.id): p.telling.kruistabel.cel(c, TOTAAL)
           for c in settings.categorieen for p in periods},
        **{(TOTAAL, p.id): p.telling.kruistabel.totaal for p in periods},
    })
    laatste = periods[-1]
    links = [f"{page_link(here, p.naam.capitalize(), page_path(p.id))}" for p in reversed(periods)]
    return join(
        heading(1, "Signalen"),
        intro,
        heading(2, "Alle signalen per periode"),
        figuur("trend-totaal", "Aantal signalen per periode",
               totalen, settings.drempel),
        html_tabel("Aantal signalen per categorie en periode", trend,
                   {**categorie_namen, **{p.id: kort(p.id) for p in periods}},
                   settings.drempel, rij_kop="Categorie", totaal_kolom=False),
        heading(2, f"Meest genoemd in {laatste.naam}"),
        top_per_sector(laatste, categorie_namen),
        heading(2, "Per periode"),
        "Per periode is er een pagina met meer cijfers. Die kunt u ook afdrukken.",
        "\n".join(f"- {link}" for link in links),
        heading(2, "De cijfers downloaden"),
        f"De cijfers staan ook in [signalen.csv](../{CSV}) en [signalen.json](../{JSON}). "
        "Daarin zijn de kleine aantallen op dezelfde manier weggelaten.",
        uitleg_regel(settings),
    )


def periode_pagina(site: m.Site, settings: Instellingen, periode: Periode, names: dict,
                   vandaag: dt.date) -> str:
    here = page_path(periode.id)
    drempel = settings.drempel
    kruis = periode.tabel(KRUIS)
    door = periode.tabel(DOOR)
    gemeente = periode.tabel(GEMEENTE)
    categorie_namen = names[KRUIS]
    staven = [(categorie_namen[c], kruis.cel(c, TOTAAL)) for c in kruis.rijen]
    return join(
        heading(1, f"Signalen {periode.naam}"),
        rapport_kop(site, periode, vandaag),
        "Dit zijn de signalen die het steunpunt in deze periode hoorde van ouders, jongeren "
        "en scholen. Er staan geen namen in.",
        heading(2, "Waar ging het over?"),
        figuur(f"{periode.id}-categorie", f"Signalen per categorie, {periode.naam}",
               staven, drempel),
        html_tabel(f"Signalen per categorie en sector, {periode.naam}", kruis,
                   categorie_namen, drempel, rij_kop="Categorie"),
        heading(2, "Meest genoemd per sector"),
        top_per_sector(periode, categorie_namen),
        heading(2, "Wie meldde het?"),
        html_tabel(f"Signalen per melder, {periode.naam}", door, names[DOOR], drempel,
                   rij_kop="Gemeld door"),
        heading(2, "Per gemeente"),
        html_tabel(f"Signalen per gemeente, {periode.naam}", gemeente,
                   {**{g: g for g in gemeente.rijen}, **names[GEMEENTE]}, drempel,
                   rij_kop="Gemeente"),
        uitleg_regel(settings),
        page_link(here, "Alle signalen", INDEX) + ".",
    )


def rapport_kop(site: m.Site, periode: Periode, vandaag: dt.date) -> str:
    """Who, which period and when: the head of the printed report."""
    rows = (("Steunpunt", site.organisatie["naam"]), ("Periode", periode.naam),
            ("Gemaakt op", datum(vandaag)))
    body = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    return f'<dl class="swv-rapport-kop">{body}</dl>'


def top_per_sector(periode: Periode, categorie_namen: dict[str, str]) -> str:
    kruis = periode.tabel(KRUIS)
    items = []
    for sector in SECTOREN:
        shown = [(kruis.cel(c, sector).waarde, index, c) for index, c in enumerate(kruis.rijen)
                 if kruis.cel(c, sector).waarde is not None]
        shown.sort(key=lambda item: (-item[0], item[1]))
        top = [f"{safe.text(categorie_namen[c])} ({n})" for n, _, c in shown[:TOP]]
        what = ", ".join(top) if top else "geen categorie met genoeg signalen om te tonen"
        items.append(f"- **{safe.text(m.SECTOREN[sector])}**: {what}.")
    return "\n".join(items)


def uitleg_regel(settings: Instellingen) -> str:
    k = settings.drempel
    return join(
        heading(2, "Waarom staat er soms <" + str(k) + " of x?", "kleine-aantallen"),
        "Wij willen niet dat iemand kan zien over welk gezin het gaat. Daarom laten we kleine "
        "aantallen weg.",
        "\n".join([
            f"- **&lt;{k}** betekent: minder dan {k}. Het echte aantal laten we niet zien.",
            "- **x** betekent: dit aantal laten we ook weg. Anders kan iemand met de totalen "
            "een klein aantal uitrekenen.",
            f"- Een periode met in totaal minder dan {k} signalen laten we helemaal weg.",
            "- In de bestanden om te downloaden doen we precies hetzelfde.",
        ]),
    )


# --------------------------------------------------------------------------
# Building blocks: a chart in a figure, a table that scrolls on a phone
# --------------------------------------------------------------------------


def figuur(id: str, titel: str, staven: list[tuple[str, Cel]], drempel: int) -> str:
    svg = grafiek.staafgrafiek(id, titel, grafiek.beschrijving(staven, drempel), staven,
                               drempel)
    return (f'<figure class="swv-figuur">{svg}<figcaption>{escape(titel)}. De getallen staan '
            "ook in de tabel.</figcaption></figure>")


def html_tabel(caption: str, tabel: Tabel, namen: dict[str, str], drempel: int, *,
               rij_kop: str, totaal_kolom: bool = True) -> str:
    """A table with caption and header cells (scope), in a region that scrolls
    sideways when it is wider than the screen and can be reached with the
    keyboard. The table has a class, so Material does not wrap it in a
    scrolling element of its own (which could not be focused)."""
    kolommen = list(tabel.kolommen)
    if totaal_kolom and TOTAAL not in kolommen:
        kolommen.append(TOTAAL)
    rijen = list(tabel.rijen) + ([TOTAAL] if (TOTAAL, kolommen[0]) in tabel.cellen else [])
    head = f'<th scope="col">{escape(rij_kop)}</th>' + "".join(
        f'<th scope="col">{escape(namen.get(k, k))}</th>' for k in kolommen)
    body = []
    for rij in rijen:
        cells = "".join(_td(tabel.cellen[(rij, k)], drempel) for k in kolommen)
        css = ' class="swv-tabel__totaal"' if rij == TOTAAL else ""
        body.append(f'<tr{css}><th scope="row">{escape(namen.get(rij, rij))}</th>{cells}</tr>')
    return (f'<div class="swv-tabel" role="region" tabindex="0" aria-label="{escape(caption)}">'
            f'<table class="swv-tabel__tabel"><caption>{escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></div>")


def _td(cel: Cel, drempel: int) -> str:
    if cel.verborgen == KLEIN:
        return f'<td><abbr title="minder dan {drempel}">&lt;{drempel}</abbr></td>'
    if cel.verborgen == AFGELEID:
        return ('<td><abbr title="weggelaten, zodat niemand een klein aantal kan uitrekenen">'
                "x</abbr></td>")
    return f"<td>{cel.waarde}</td>"
