"""Record pages: the page of every record of a type with a folder, as Markdown.

Each record type registers the function that makes its page (`page_renderer`);
`record_pages` makes them all, and the pages generated from the organisation.
Plain Python, no MkDocs: every function takes the `Site` and returns Markdown;
every piece of content text goes through `safe`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from swvsite.content import model as m
from swvsite.pages import safe
from swvsite.pages.backlinks import Backlinks
from swvsite.pages.legal import organisation_pages
from swvsite.pages.markup import (
    FRONT_MATTER,
    GeneratedPage,
    adres,
    block,
    bullets,
    contact_facts,
    datum,
    documenten,
    email,
    facts,
    gecontroleerd,
    heading,
    ja_nee,
    join,
    md,
    next_steps,
    page_link,
    record_list,
    section,
    telefoon,
    titled,
    vraag_list,
    website,
)
from swvsite.pages.nieuws import NIEUWS_INDEX, nieuws_list

Renderer = Callable[[m.Site, m.Record, Backlinks], str]

# The page of each record type: type name -> function(site, record, backlinks) -> Markdown.
PAGE_RENDERERS: dict[str, Renderer] = {}


def page_renderer(type_name: str):
    """Register the function that makes the page of every record of `type_name`."""
    def register(function):
        PAGE_RENDERERS[type_name] = function
        return function
    return register


def front_matter(rtype: m.RecordType) -> str:
    """The front matter of a record page: no macros, and its type's search weight."""
    if rtype.search_boost == 1:
        return FRONT_MATTER
    return f"---\nrender_macros: false\nsearch:\n  boost: {rtype.search_boost:g}\n---\n\n"


def record_pages(site: m.Site, memo: RenderMemo | None = None) -> list[GeneratedPage]:
    """One page per voorziening, school, procedure and thema (and nieuws item).
    With a `memo` (the preview server's), a page whose record and whatever else
    it shows did not change since the last call is not rendered again."""
    links = Backlinks.of(site)

    def page(record: m.Record) -> str:
        render = PAGE_RENDERERS[record.type.name]
        return titled(front_matter(record.type), record.title) + render(site, record, links)

    if memo is not None:
        memo.start(site)
    pages = [
        GeneratedPage(record.page, page(record) if memo is None
                      else memo.page(record, functools.partial(page, record)))
        for rtype in m.RECORD_TYPES.values() if rtype.folder and rtype.own_pages
        for record in site.records(rtype.name).values()
    ]
    return pages + organisation_pages(site)


class RenderMemo:
    """Record pages of the previous `record_pages` call, each with what it was made
    from: the record itself and the records it can show something of. A school's
    page shows only the school and its SWV (the organisatie); the other record
    pages link each other and show each other's titles and summaries, so any
    change to a voorziening, procedure, thema or nieuws item renders them all anew."""

    def __init__(self, digest):
        self.digest = digest  # record -> a digest of its data
        self.pages: dict[tuple, str] = {}
        self.renders = 0

    def start(self, site: m.Site) -> None:
        self.digests = {record.path: self.digest(record) for record in site.all_records()}
        # Every page may link any record or page from text, by its current id.
        shared = self.digests[site.organisatie.path] + repr((site.aliases, site.pages))
        voorzieningen = "".join(self.digests[r.path] for r in site.voorzieningen.values())
        linked = voorzieningen + "".join(self.digests[r.path] for records in (
            site.procedures, site.themas, site.nieuws) for r in records.values())
        # A voorziening's page lists the schools that name it, with their summaries.
        scholen = repr([(s.id, s["naam"], s["samenvatting"], s["voorzieningen"])
                        for s in site.scholen.values() if s["voorzieningen"]])
        self.context = {"school": shared + voorzieningen, None: shared + linked + scholen}
        self.previous, self.pages, self.renders = self.pages, {}, 0

    def page(self, record: m.Record, render) -> str:
        context = self.context.get(record.type.name, self.context[None])
        key = (record.path, self.digests[record.path], context)
        markdown = self.previous.get(key)
        if markdown is None:
            markdown = render()
            self.renders += 1
        self.pages[key] = markdown
        return markdown


# --------------------------------------------------------------------------
# The page of each record type
# --------------------------------------------------------------------------


@page_renderer("voorziening")
def voorziening_page(site: m.Site, v: m.Record, links: Backlinks) -> str:
    here = v.page
    leeftijd = v["leeftijd"]
    locaties = bullets([
        f"**{safe.text(loc['naam'])}**: {adres(loc['adres'])}"
        + (f" (gemeente {safe.text(loc['gemeente'])})" if loc.get("gemeente") else "")
        for loc in v["locaties"]
    ])
    return join(
        heading(1, v.title),
        safe.paragraphs(v["samenvatting"]),
        facts([
            ("Soort", safe.text(m.VOORZIENING_TYPES[v["type"]])),
            ("Onderwijs", safe.text(", ".join(m.SECTOREN[s] for s in v["sector"]))),
            ("Leeftijd",
             f"{leeftijd['van']} tot en met {leeftijd['tot']} jaar" if leeftijd else ""),
            ("Toelaatbaarheidsverklaring (TLV) nodig", ja_nee(v["tlv_nodig"])),
            ("Blijft ingeschreven op de eigen school", ja_nee(v["blijft_ingeschreven"])),
            ("Hoe lang", safe.text(v["duur"])),
        ]),
        section("Voor wie?", safe.paragraphs(v["doelgroep"])),
        section("Wat is het?", md(site, here, v["beschrijving"])),
        section("Hoe komt een leerling hier?", md(site, here, v["toelating"])),
        section("Aanmelden", md(site, here, v["aanmelding"])),
        section("Waar?", locaties),
        section("Contact", contact_facts(v["contact"]), searchable=False),
        section("Procedures", record_list(here, links.procedures_for(site, v)),
                searchable=False),
        section("Scholen die met deze voorziening samenwerken",
                record_list(here, links.scholen_for(site, v)), searchable=False),
        section("Veelgestelde vragen", vraag_list(here, links.vragen_for(v)),
                searchable=False),
        section("Nieuws", nieuws_list(here, links.nieuws_for(v)), searchable=False),
        section("Meer informatie", documenten(v["documenten"]), searchable=False),
        next_steps(here),
        gecontroleerd(v),
    )


@page_renderer("school")
def school_page(site: m.Site, s: m.Record, links: Backlinks) -> str:
    swv = next((x for x in site.swv_lijst if x["id"] == s["swv"]), None)
    contactpersoon = s["contactpersoon"] or {}
    extra = "\n\n".join(
        join(
            heading(3, e["naam"]),
            facts([
                ("Past bij", safe.text(", ".join(m.ONDERSTEUNINGSSOORTEN[k] for k in e["soort"]))),
                ("Voor wie", safe.text(e["doelgroep"])),
            ]),
            md(site, s.page, e["beschrijving"]),
        )
        for e in s["extra_ondersteuning"] if e
    )
    geldig = f"Dit ondersteuningsprofiel is vastgesteld op {datum(s['vastgesteld_op'])}"
    geldig += f" en geldt tot {datum(s['geldig_tot'])}." if s["geldig_tot"] else "."
    if s["geldig_tot"] and s["geldig_tot"] < s["gecontroleerd_op"]:
        geldig += " Let op: de geldigheid was al verlopen toen het profiel werd gecontroleerd."
    return join(
        heading(1, s.title),
        safe.paragraphs(s["samenvatting"]),
        facts([
            ("Gemeente", safe.text(s["gemeente"])),
            ("Adres", adres(s["adres"])),
            ("Onderwijs", safe.text(", ".join(m.NIVEAUS[n] for n in s["niveaus"]))),
            ("Richting", safe.text(s["denominatie"])),
            ("Telefoon", telefoon(s["telefoon"])),
            ("E-mail", email(s["email"])),
            ("Website", website(s["website"])),
            ("Samenwerkingsverband", safe.text(swv["naam"]) if swv else ""),
            ("BRIN en vestiging", safe.text(f"{s['brin']} {s['vestiging']}")),
        ]),
        section("Basisondersteuning: voor alle leerlingen",
                bullets([safe.text(x) for x in s["basisondersteuning"]]), searchable=False),
        section("Extra ondersteuning", extra),
        section("Deskundigheid in het team", bullets([safe.text(x) for x in s["expertise"]])),
        section("Gebouw en voorzieningen",
                bullets([safe.text(x) for x in s["fysieke_voorzieningen"]]), searchable=False),
        section("Samenwerking met", bullets([safe.text(x) for x in s["partners"]]),
                searchable=False),
        section("Voorzieningen waarmee de school samenwerkt",
                record_list(s.page, [site.voorzieningen[x] for x in s["voorzieningen"]]),
                searchable=False),
        section("Grenzen aan de ondersteuning", md(site, s.page, s["grenzen"]), searchable=False),
        section("Contactpersoon voor ondersteuning", facts([
            ("Naam", safe.text(contactpersoon.get("naam"))),
            ("Functie", safe.text(contactpersoon.get("functie"))),
            ("Telefoon", telefoon(contactpersoon.get("telefoon"))),
            ("E-mail", email(contactpersoon.get("email"))),
        ]), searchable=False),
        section("Documenten", documenten(s["documenten"]), searchable=False),
        next_steps(s.page),
        f"*{geldig}* {gecontroleerd(s)}",
    )


@page_renderer("procedure")
def procedure_page(site: m.Site, p: m.Record, links: Backlinks) -> str:
    here = p.page
    stappen = "\n\n".join(_stap(site, here, i, stap)
                            for i, stap in enumerate(p["stappen"], start=1) if stap)
    bezwaar = p["bezwaar"]
    bezwaar_body = ""
    if bezwaar:
        bezwaar_body = join(
            md(site, here, bezwaar["uitleg"]),
            f"**Termijn:** {safe.text(bezwaar['termijn'])}" if bezwaar["termijn"] else "",
            _lees_hoe(here, site.procedures[bezwaar["procedure"]])
            if bezwaar["procedure"] else "",
        )
    related = [site.procedures[x] for x in p["procedures"]]
    return join(
        heading(1, p.title),
        safe.paragraphs(p["samenvatting"]),
        section("Voor wie?", safe.paragraphs(p["voor_wie"])),
        section("Wat is uw rol als ouder?", md(site, here, p["rol_ouders"])),
        section("De stappen", stappen),
        section("Wie beslist?", safe.paragraphs(p["wie_beslist"])),
        section("Hoe lang geldt het besluit?", safe.paragraphs(p["geldigheid"])),
        section("Niet eens met het besluit?", bezwaar_body),
        section("Voorzieningen", record_list(here, links.voorzieningen_for(site, p)),
                searchable=False),
        section("Zie ook", record_list(here, related), searchable=False),
        section("Veelgestelde vragen", vraag_list(here, links.vragen_for(p)),
                searchable=False),
        section("Nieuws", nieuws_list(here, links.nieuws_for(p)), searchable=False),
        section("Formulieren en documenten", documenten(p["documenten"]), searchable=False),
        next_steps(here),
        gecontroleerd(p),
    )


def _lees_hoe(here: str, procedure: m.Record) -> str:
    return f"Lees hoe dat gaat: {page_link(here, procedure.title, procedure.page)}."


def _stap(site: m.Site, here: str, number: int, stap: dict) -> str:
    return block("swv-stap", join(
        heading(3, f"Stap {number}: {stap['titel']}", f"stap-{number}"),
        facts([
            ("Wie", safe.text(stap["wie"])),
            ("Hoe lang", safe.text(stap["hoe_lang"])),
        ]),
        md(site, here, stap["wat"]),
        ("**Wat is er nodig?**\n\n" + bullets([safe.text(d) for d in stap["documenten"]]))
        if stap["documenten"] else "",
    ))


@page_renderer("thema")
def thema_page(site: m.Site, t: m.Record, links: Backlinks) -> str:
    here = t.page
    blocks = []
    for vraag in t["vragen"]:
        if not vraag:
            continue
        verwijzingen = [site.procedures[x] for x in vraag["procedures"]]
        verwijzingen += [site.voorzieningen[x] for x in vraag["voorzieningen"]]
        lees_meer = ", ".join(
            page_link(here, r.title, r.page)
            for r in verwijzingen
        )
        old_anchors = "".join(f'<span id="{old}"></span>' for old in vraag["oude_ids"])
        blocks.append(block("swv-vraag", join(
            old_anchors,
            heading(2, vraag["vraag"], vraag["id"]),
            md(site, here, vraag["antwoord"]),
            f"Lees meer: {lees_meer}." if lees_meer else "",
        )))
    return join(
        heading(1, t.title),
        safe.paragraphs(t["samenvatting"]),
        *blocks,
        next_steps(here),
        gecontroleerd(t),
    )


@page_renderer("nieuws")
def nieuws_page(site: m.Site, n: m.Record, links: Backlinks) -> str:
    here = n.page
    about = [site.procedures[x] for x in n["procedures"]] + \
        [site.voorzieningen[x] for x in n["voorzieningen"]]
    return join(
        heading(1, n.title),
        f"*{datum(n['datum'])}*",
        safe.paragraphs(n["samenvatting"]),
        md(site, here, n["tekst"]),
        section("Lees meer", bullets([
            page_link(here, r.title, r.page)
            for r in about]), searchable=False),
        page_link(here, "Alle nieuwsberichten", NIEUWS_INDEX) + ".",
    )
