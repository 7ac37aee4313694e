"""Content to Markdown: record pages and the blocks that overview pages embed.

Plain Python, no MkDocs: every function takes the `Site` (and, for blocks
embedded in a hand-written page, that page's path so links can be relative)
and returns Markdown. Every piece of content text goes through `safe`.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass

from swvsite.content import model as m
from swvsite.pages import safe

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")

CONTACT_PAGE = "contact.md"
BEGRIPPEN_PAGE = "begrippen.md"

# Record pages are generated data: never rendered as a Jinja template.
FRONT_MATTER = "---\nrender_macros: false\n---\n\n"


def front_matter(rtype: m.RecordType) -> str:
    """The front matter of a record page: no macros, and its type's search weight."""
    if rtype.search_boost == 1:
        return FRONT_MATTER
    return f"---\nrender_macros: false\nsearch:\n  boost: {rtype.search_boost:g}\n---\n\n"


Renderer = "Callable[[m.Site, m.Record, Backlinks], str]"


@dataclass(frozen=True)
class GeneratedPage:
    path: str
    markdown: str


# The page of each record type: type name -> function(site, record, backlinks) -> Markdown.
PAGE_RENDERERS: dict[str, Renderer] = {}


def page_renderer(type_name: str):
    """Register the function that makes the page of every record of `type_name`."""
    def register(function):
        PAGE_RENDERERS[type_name] = function
        return function
    return register


def titled(front_matter: str, title: str) -> str:
    """Front matter with the page title given explicitly, HTML-escaped.

    Without it MkDocs takes the title from the rendered h1, and Material prints
    that in <title> through Jinja's `striptags`, which turns &lt; back into <: a
    naam such as `</title><script>...` became markup in <head>. Material prints
    `page.meta.title` as is, in <title> and in the header."""
    escaped = html.escape(" ".join(title.split()))
    return front_matter.replace("\n---\n\n", f"\ntitle: {json.dumps(escaped)}\n---\n\n", 1)


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
                      else memo.page(record, lambda: page(record)))
        for rtype in m.RECORD_TYPES.values() if rtype.folder
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
        # A voorziening's page names the schools that name it.
        scholen = repr([(s.id, s["naam"], s["voorzieningen"]) for s in site.scholen.values()
                        if s["voorzieningen"]])
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
# Small building blocks
# --------------------------------------------------------------------------


def datum(value: dt.date | None) -> str:
    if value is None:
        return ""
    return f"{value.day} {MAANDEN[value.month - 1]} {value.year}"


def rel(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Relative link from one source page to another (both relative to docs/)."""
    target = _relative(posixpath.dirname(from_page), to_page)
    return f"{target}#{anchor}" if anchor else target


def _relative(from_dir: str, to_page: str) -> str:
    """posixpath.relpath(to_page, from_dir) for the clean relative paths of docs/
    (no '.', '..' or empty parts), without its calls to the file system."""
    if from_dir == to_page.rpartition("/")[0]:
        return to_page.rpartition("/")[2]
    here = from_dir.split("/") if from_dir else []
    there = to_page.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def page_link(from_page: str, label: str, to_page: str, anchor: str | None = None) -> str:
    return f"[{safe.text(label)}]({rel(from_page, to_page, anchor)})"


def site_link(site: m.Site, here: str):
    """For `safe.markdown`: the relative address, from page `here`, of a link to
    the site itself written in text (`procedure:tlv-aanvragen#stap-2`,
    `vraag:wat-is-een-opp`, `begrip:tlv`, `pagina:contact`); an old id leads to
    the record's current page."""
    def address(target: str) -> str | None:
        match = m.SITE_LINK.match(target)
        if match is None:
            return None
        kind, value, anchor = match.groups()
        page = site_link_page(site, kind, value)
        if page is None:
            return None
        page, page_anchor = page
        return rel(here, page, anchor or page_anchor)
    return address


def site_link_page(site: m.Site, kind: str, value: str) -> tuple[str, str | None] | None:
    """The page (in docs/) and anchor a link `kind:value` leads to, or None."""
    value = site.current_id(kind, value)
    if kind == "vraag":
        found = next((t for t, v in site.vragen() if v["id"] == value), None)
        return (found.page, value) if found else None
    if kind == "begrip":
        begrip = next((b for b in site.begrippen_lijst if value in m.begrip_link_ids(b)), None)
        return (BEGRIPPEN_PAGE, begrip["id"]) if begrip else None
    if kind == "pagina":
        return site.pages.page_path(value), None
    record = site.records(kind).get(value) if kind in m.RECORD_TYPES else None
    return (record.page, None) if record is not None else None


def md(site: m.Site, here: str, value: str | None) -> str:
    """A Markdown field of the content, on page `here`."""
    return safe.markdown(value, site_link(site, here))


# Marks a heading (and so its whole section) or a block as not worth indexing for
# search: text that every page repeats, lists of links to other pages, contact
# details and documents. Material's search leaves such sections out of the index
# and removes the attribute from the page.
NOT_SEARCHED = 'data-search-exclude="true"'


def heading(level: int, title: str, anchor: str | None = None, *,
            searchable: bool = True) -> str:
    attributes = ([f"#{anchor}"] if anchor else []) + ([] if searchable else [NOT_SEARCHED])
    suffix = f" {{: {' '.join(attributes)} }}" if attributes else ""
    return f"{'#' * level} {safe.text(title)}{suffix}"


def facts(rows: list[tuple[str, str]]) -> str:
    """A definition list of label/value pairs; values are Markdown already."""
    return "\n\n".join(f"{label}\n:   {value}" for label, value in rows if value)


def bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items if item)


def section(title: str, body: str, level: int = 2, *, searchable: bool = True) -> str:
    """A heading and its body; nothing when the body is empty. `searchable=False`
    keeps the section out of the search index (see NOT_SEARCHED)."""
    if not body or not body.strip():
        return ""
    return f"{heading(level, title, searchable=searchable)}\n\n{body}"


def join(*blocks: str) -> str:
    return "\n\n".join(b.strip("\n") for b in blocks if b and b.strip()) + "\n"


def telefoon(number: str | None) -> str:
    return f"[{safe.text(number)}]({safe.tel_url(number)})" if number else ""


def email(address: str | None) -> str:
    return f"[{safe.text(address)}](mailto:{address})" if address else ""


def website(url: str | None, label: str | None = None) -> str:
    return safe.link(label or url, url) if url else ""


def adres(value: dict | None) -> str:
    if not value:
        return ""
    return safe.text(f"{value['straat']}, {value['postcode']} {value['plaats']}")


def contact_facts(contact: dict | None) -> str:
    if not contact:
        return ""
    return facts([
        ("Naam", safe.text(contact.get("naam"))),
        ("Telefoonnummer", telefoon(contact.get("telefoon"))),
        ("E-mailadres", email(contact.get("email"))),
        ("Website", website(contact.get("website"))),
        ("Bereikbaar", safe.text(contact.get("bereikbaar"))),
    ])


def documenten(docs: list[dict]) -> str:
    return bullets([safe.link(d["titel"], d["url"]) for d in docs if d])


def gecontroleerd(record: m.Record) -> str:
    return f"*Laatst gecontroleerd op {datum(record['gecontroleerd_op'])}.*"


def next_steps(from_page: str) -> str:
    return section(
        "Vragen of hulp nodig?",
        "Komt u er niet uit, of wilt u meedenken met iemand? Het steunpunt helpt u gratis. "
        f"{page_link(from_page, 'Neem contact op met het steunpunt', CONTACT_PAGE)}.",
        searchable=False,  # the same on every page
    )


def record_list(from_page: str, records: list[m.Record], title_field: str) -> str:
    return bullets([
        f"{page_link(from_page, r[title_field], r.page)}: {safe.text(r['samenvatting'])}"
        for r in records
    ])


def vraag_list(from_page: str, site: m.Site, vragen: list[tuple[m.Record, dict]]) -> str:
    return bullets([page_link(from_page, v["vraag"], t.page, v["id"]) for t, v in vragen])


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
        vragen = defaultdict(list)
        for thema, vraag in site.vragen():
            for pid in vraag["procedures"]:
                vragen[f"procedure:{pid}"].append((thema, vraag))
            for vid in vraag["voorzieningen"]:
                vragen[f"voorziening:{vid}"].append((thema, vraag))
        by_procedure = defaultdict(list)
        by_voorziening = defaultdict(list)
        for v in site.voorzieningen.values():
            for pid in v["procedures"]:
                by_procedure[pid].append(v.id)
                by_voorziening[v.id].append(pid)
        for p in site.procedures.values():
            for vid in p["voorzieningen"]:
                by_procedure[p.id].append(vid)
                by_voorziening[vid].append(p.id)
        nieuws = defaultdict(list)
        for n in nieuws_sorted(site):
            for pid in n["procedures"]:
                nieuws[f"procedure:{pid}"].append(n)
            for vid in n["voorzieningen"]:
                nieuws[f"voorziening:{vid}"].append(n)
        scholen = defaultdict(list)
        for s in site.scholen.values():
            for vid in s["voorzieningen"]:
                scholen[vid].append(s.id)
        return cls(vragen, by_procedure, by_voorziening, nieuws, scholen)

    def procedures_for(self, site: m.Site, voorziening: m.Record) -> list[m.Record]:
        return [site.procedures[p] for p in dict.fromkeys(self.procedures_by_voorziening[voorziening.id])]

    def voorzieningen_for(self, site: m.Site, procedure: m.Record) -> list[m.Record]:
        return [site.voorzieningen[v] for v in dict.fromkeys(self.voorzieningen_by_procedure[procedure.id])]

    def scholen_for(self, site: m.Site, voorziening: m.Record) -> list[m.Record]:
        return [site.scholen[s] for s in self.scholen_by_voorziening.get(voorziening.id, [])]

    def vragen_for(self, record: m.Record) -> list[tuple[m.Record, dict]]:
        return self.vragen_by_target.get(f"{record.type.name}:{record.id}", [])

    def nieuws_for(self, record: m.Record) -> list[m.Record]:
        return self.nieuws_by_target.get(f"{record.type.name}:{record.id}", [])


def nieuws_list(from_page: str, items: list[m.Record]) -> str:
    return bullets([f"{datum(n['datum'])}: {page_link(from_page, n['titel'], n.page)}"
                    for n in items])


# --------------------------------------------------------------------------
# Record pages
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
        heading(1, v["naam"]),
        safe.paragraphs(v["samenvatting"]),
        facts([
            ("Soort", safe.text(m.VOORZIENING_TYPES[v["type"]])),
            ("Onderwijs", safe.text(", ".join(m.SECTOREN[s] for s in v["sector"]))),
            ("Leeftijd", f"{leeftijd['van']} tot en met {leeftijd['tot']} jaar" if leeftijd else ""),
            ("Toelaatbaarheidsverklaring (TLV) nodig", _ja_nee(v["tlv_nodig"])),
            ("Blijft ingeschreven op de eigen school", _ja_nee(v["blijft_ingeschreven"])),
            ("Hoe lang", safe.text(v["duur"])),
        ]),
        section("Voor wie?", safe.paragraphs(v["doelgroep"])),
        section("Wat is het?", md(site, here, v["beschrijving"])),
        section("Hoe komt een leerling hier?", md(site, here, v["toelating"])),
        section("Aanmelden", md(site, here, v["aanmelding"])),
        section("Waar?", locaties),
        section("Contact", contact_facts(v["contact"]), searchable=False),
        section("Procedures", record_list(here, links.procedures_for(site, v), "titel"), searchable=False),
        section("Scholen die met deze voorziening samenwerken",
                record_list(here, links.scholen_for(site, v), "naam"), searchable=False),
        section("Veelgestelde vragen", vraag_list(here, site, links.vragen_for(v)),
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
        heading(1, s["naam"]),
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
        section("Samenwerking met", bullets([safe.text(x) for x in s["partners"]]), searchable=False),
        section("Voorzieningen waarmee de school samenwerkt",
                record_list(s.page, [site.voorzieningen[x] for x in s["voorzieningen"]], "naam"),
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
            ("Lees hoe dat gaat: "
             + page_link(here, site.procedures[bezwaar["procedure"]]["titel"],
                         site.procedures[bezwaar["procedure"]].page) + ".")
            if bezwaar["procedure"] else "",
        )
    related = [site.procedures[x] for x in p["procedures"]]
    return join(
        heading(1, p["titel"]),
        safe.paragraphs(p["samenvatting"]),
        section("Voor wie?", safe.paragraphs(p["voor_wie"])),
        section("Wat is uw rol als ouder?", md(site, here, p["rol_ouders"])),
        section("De stappen", stappen),
        section("Wie beslist?", safe.paragraphs(p["wie_beslist"])),
        section("Hoe lang geldt het besluit?", safe.paragraphs(p["geldigheid"])),
        section("Niet eens met het besluit?", bezwaar_body),
        section("Voorzieningen", record_list(here, links.voorzieningen_for(site, p), "naam"), searchable=False),
        section("Zie ook", record_list(here, related, "titel"), searchable=False),
        section("Veelgestelde vragen", vraag_list(here, site, links.vragen_for(p)),
                searchable=False),
        section("Nieuws", nieuws_list(here, links.nieuws_for(p)), searchable=False),
        section("Formulieren en documenten", documenten(p["documenten"]), searchable=False),
        next_steps(here),
        gecontroleerd(p),
    )


def block(css_class: str, body: str) -> str:
    """Wrap generated Markdown in a div (md_in_html), e.g. to keep a step together in print."""
    return f'<div class="{css_class}" markdown>\n\n{body.strip()}\n\n</div>'


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
        heading(1, t["titel"]),
        safe.paragraphs(t["samenvatting"]),
        *blocks,
        next_steps(here),
        gecontroleerd(t),
    )


_ABBREVIATION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9'’.-]*$")


def abbreviations(site: m.Site) -> dict[str, str]:
    """Abbreviation -> its meaning, for every begrip with an afkorting: the glossary
    of Python-Markdown's abbr extension, so jargon is explained on hover and to
    assistive technology wherever it appears, on every page."""
    return {
        b["afkorting"]: " ".join(b["term"].split())
        for b in site.begrippen_lijst
        if b["afkorting"] and _ABBREVIATION.match(b["afkorting"])
        and b["afkorting"] != b["term"]
    }


def _ja_nee(value: bool | None) -> str:
    return "" if value is None else ("Ja" if value else "Nee")


# --------------------------------------------------------------------------
# Blocks for hand-written pages (called through macros)
# --------------------------------------------------------------------------


def procedures_overzicht(site: m.Site, here: str) -> str:
    return record_list(here, sorted(site.procedures.values(), key=lambda r: r["titel"].lower()),
                       "titel")


def vragen_overzicht(site: m.Site, here: str) -> str:
    groups = []
    for t in site.themas.values():
        groups.append(join(
            heading(2, t["titel"]),
            safe.paragraphs(t["samenvatting"]),
            vraag_list(here, site, [(t, v) for v in t["vragen"] if v]),
        ))
    return join(*groups)


def begrippenlijst(site: m.Site, here: str) -> str:
    entries = sorted(site.begrippen_lijst, key=lambda b: b["term"].lower())
    rows = []
    for b in entries:
        term = safe.text(b["term"]) + (f" ({safe.text(b['afkorting'])})" if b["afkorting"] else "")
        rows.append(f"{term} {{: #{b['id']} }}\n:   {safe.text(b['uitleg'])}")
    return join("\n\n".join(rows), gecontroleerd(site.begrippen))


def contact(site: m.Site, here: str) -> str:
    org = site.organisatie
    tijden = bullets([f"{safe.text(t['dagen'])}: {safe.text(t['tijden'])}"
                      for t in org["openingstijden"] if t])
    mensen = bullets([
        f"**{safe.text(p['naam'])}**, {safe.text(m.ROLLEN[p['rol']].lower())}"
        + (f". {safe.text(p['over'])}" if p["over"] else "")
        + (f" Telefoon: {telefoon(p['telefoon'])}." if p["telefoon"] else "")
        + (f" E-mail: {email(p['email'])}." if p["email"] else "")
        for p in org["mensen"] if p
    ])
    swvs = "\n\n".join(
        join(
            heading(3, s["naam"]),
            safe.text(f"{m.SECTOREN[s['sector']]}, regio {s['regio']}. Gemeenten: "
                      f"{', '.join(s['gemeenten'])}."),
            website(s["website"]),
            documenten(s["documenten"]),
        )
        for s in site.swv_lijst
    )
    return join(
        safe.paragraphs(org["samenvatting"]),
        contact_facts(org["contact"]),
        facts([("Bezoekadres", adres(org["adres"]))]),
        section("Wanneer zijn we bereikbaar?", tijden),
        section("Spreekuur", safe.paragraphs(org["spreekuur"])),
        section("Wie zijn wij?", mensen),
        section("Voor welke samenwerkingsverbanden werken wij?", swvs),
        section("Documenten", documenten(org["documenten"])),
        gecontroleerd(org),
    )


def bij_wie_terecht(site: m.Site, here: str) -> str:
    steps = []
    for number, stap in enumerate(site.organisatie["route"], start=1):
        if not stap:
            continue
        procedure = site.procedures.get(stap["procedure"]) if stap["procedure"] else None
        steps.append(join(
            heading(3, f"{number}. {stap['titel']}", f"route-{number}"),
            md(site, here, stap["uitleg"]),
            contact_facts(stap["contact"]),
            f"Lees meer: {page_link(here, procedure['titel'], procedure.page)}." if procedure else "",
        ))
    return join(*steps)


def steunpunt_contact(site: m.Site, here: str) -> str:
    """A short contact block for the home page."""
    c = site.organisatie["contact"]
    parts = [p for p in (telefoon(c.get("telefoon")), email(c.get("email"))) if p]
    line = f"Bel of mail het steunpunt: {' of '.join(parts)}." if parts else ""
    if c.get("bereikbaar"):
        line += f" {safe.text(c['bereikbaar'])}."
    return join(line, page_link(here, "Alle contactgegevens en openingstijden", CONTACT_PAGE))


def jongeren_vragen(site: m.Site, here: str) -> str:
    """Every vraag marked for young people, grouped by thema."""
    groups = []
    # Themas written wholly for young people first, then the rest in file order.
    themas = sorted(site.themas.values(),
                    key=lambda t: not all(v["jongeren"] for v in t["vragen"] if v))
    for t in themas:
        vragen = [(t, v) for v in t["vragen"] if v and v["jongeren"]]
        if vragen:
            groups.append(section(t["titel"], vraag_list(here, site, vragen), level=3))
    return join(*groups)


def jongeren_contact(site: m.Site, here: str) -> str:
    """How a young person reaches the steunpunt on their own."""
    org = site.organisatie
    coaches = [p for p in org["mensen"] if p and p["rol"] == "jongerencoach"]
    c = org["contact"]
    lines = [
        "Je mag zelf bellen of mailen. Je hoeft het niet eerst aan je ouders te vragen."
    ]
    kanalen = [k for k in (telefoon(c.get("telefoon")), email(c.get("email"))) if k]
    if kanalen:
        lines.append(f"Bel of mail het steunpunt: {' of '.join(kanalen)}.")
    for coach in coaches:
        bereik = [k for k in (telefoon(coach["telefoon"]), email(coach["email"])) if k]
        lines.append(
            f"Of neem contact op met **{safe.text(coach['naam'])}**, jongerencoach"
            + (f": {' of '.join(bereik)}." if bereik else ".")
        )
    return join(*lines)


# --------------------------------------------------------------------------
# Pages generated from the organisation: accessibility and privacy
# --------------------------------------------------------------------------

TOEGANKELIJKHEID_PAGE = "toegankelijkheid.md"
PRIVACY_PAGE = "privacy.md"


def organisation_pages(site: m.Site) -> list[GeneratedPage]:
    return [
        GeneratedPage(TOEGANKELIJKHEID_PAGE, FRONT_MATTER + toegankelijkheid_page(site)),
        GeneratedPage(PRIVACY_PAGE, FRONT_MATTER + privacy_page(site)),
    ]


def toegankelijkheid_page(site: m.Site) -> str:
    """A toegankelijkheidsverklaring following the structure of the national model."""
    org = site.organisatie
    t = org["toegankelijkheid"]
    status = m.TOEGANKELIJKHEID_STATUS[t["status"]]
    adres = t["email"] or org["contact"].get("email")
    melden = "Kunt u iets op deze website niet lezen of gebruiken? Laat het ons weten."
    if adres:
        melden += f" Mail naar {email(adres)}."
    if org["contact"].get("telefoon"):
        melden += f" Of bel {telefoon(org['contact']['telefoon'])}."
    if t["reactietermijn"]:
        melden += f" Wij reageren {safe.text(t['reactietermijn'])}."
    problemen = bullets([safe.text(p) for p in t["bekende_problemen"]])
    return join(
        heading(1, "Toegankelijkheidsverklaring"),
        f"{safe.text(org['naam'])} wil dat iedereen deze website kan gebruiken. Ook mensen met "
        "een beperking. Daarom houden wij ons aan de eisen voor overheidswebsites: de norm "
        "EN 301 549 en de richtlijnen WCAG 2.1 en 2.2 op niveau AA.",
        section("Hoe goed voldoet deze website?", join(
            facts([
                ("Status", f"{t['status'].upper()}: {safe.text(status)}"),
                ("Datum van deze verklaring", datum(t["datum"])),
                ("Geldt voor", safe.text(org["naam"])),
            ]),
        )),
        section("Hoe hebben we dit onderzocht?", join(
            md(site, TOEGANKELIJKHEID_PAGE, t["onderzoek"]),
            "Elke nieuwe versie van deze site wordt pas gepubliceerd als alle pagina's de "
            "automatische toegankelijkheidstest doorstaan.",
        )),
        section("Wat is nog niet goed?", problemen or "Er zijn geen bekende problemen."),
        section("Een probleem melden", melden),
        section("Niet tevreden?",
                "Bent u niet tevreden over hoe wij uw melding behandelen? Dan kunt u een klacht "
                f"indienen. {page_link(TOEGANKELIJKHEID_PAGE, 'Neem contact op met het steunpunt', CONTACT_PAGE)}."),
        gecontroleerd(org),
    )


def privacy_page(site: m.Site) -> str:
    org = site.organisatie
    p = org["privacy"]
    fg = f" U kunt ook mailen naar de functionaris gegevensbescherming: {email(p['functionaris_email'])}." \
        if p["functionaris_email"] else ""
    return join(
        heading(1, "Privacyverklaring"),
        "Op deze pagina leest u welke gegevens deze website over u verzamelt. Het korte "
        "antwoord: bijna niets.",
        section("Wat deze website niet doet", bullets([
            "De website plaatst **geen cookies**.",
            "De website houdt **niet bij** wat u leest of waar u klikt. Er zijn geen "
            "programma's voor statistieken of reclame.",
            "De website laadt **niets van andere websites**: geen lettertypen, geen video's, "
            "geen kaarten.",
            "Zoeken werkt in uw eigen browser. Wat u intypt, gaat niet naar ons en niet naar "
            "anderen.",
        ])),
        section("Hosting", safe.paragraphs(p["hosting"])
                or "De hostingpartij bewaart alleen wat nodig is om de site te laten werken."),
        section("Als u contact met ons opneemt",
                "Belt of mailt u het steunpunt? Dan gebruiken wij uw gegevens alleen om u te "
                "helpen. Wij geven ze niet aan anderen zonder uw toestemming."),
        section("Wie is verantwoordelijk?",
                safe.text(p["verantwoordelijke"]) + "." + fg),
        section("Uw rechten",
                "U mag vragen welke gegevens wij van u hebben. U mag ook vragen om ze te "
                "verbeteren of te verwijderen. "
                f"{page_link(PRIVACY_PAGE, 'Neem contact op met het steunpunt', CONTACT_PAGE)}. "
                "Bent u het niet eens met hoe wij met uw gegevens omgaan? Dan kunt u een klacht "
                "indienen bij de Autoriteit Persoonsgegevens."),
        gecontroleerd(org),
    )


# --------------------------------------------------------------------------
# Nieuws
# --------------------------------------------------------------------------

NIEUWS_INDEX = "nieuws/index.md"


def nieuws_sorted(site: m.Site) -> list[m.Record]:
    """Newest first; on the same day by title."""
    return sorted(site.nieuws.values(), key=lambda r: (-r["datum"].toordinal(), r["titel"]))


@page_renderer("nieuws")
def nieuws_page(site: m.Site, n: m.Record, links: Backlinks) -> str:
    here = n.page
    about = [site.procedures[x] for x in n["procedures"]] + \
        [site.voorzieningen[x] for x in n["voorzieningen"]]
    return join(
        heading(1, n["titel"]),
        f"*{datum(n['datum'])}*",
        safe.paragraphs(n["samenvatting"]),
        md(site, here, n["tekst"]),
        section("Lees meer", bullets([
            page_link(here, r.title, r.page)
            for r in about]), searchable=False),
        page_link(here, "Alle nieuwsberichten", NIEUWS_INDEX) + ".",
    )


def nieuws_overzicht(site: m.Site, here: str, aantal: int | None = None) -> str:
    items = nieuws_sorted(site)[:aantal] if aantal else nieuws_sorted(site)
    if not items:
        return "Er zijn nog geen nieuwsberichten."
    return bullets([
        f"{datum(n['datum'])}: {page_link(here, n['titel'], n.page)}. {safe.text(n['samenvatting'])}"
        for n in items
    ])


def nieuws_kort(site: m.Site, here: str) -> str:
    """The three newest items, for the home page."""
    return join(nieuws_overzicht(site, here, 3),
                page_link(here, "Al het nieuws", NIEUWS_INDEX) + ".") if site.nieuws else ""


# --------------------------------------------------------------------------
# Removed pages: "deze pagina bestaat niet meer"
# --------------------------------------------------------------------------


def removed_pages(site: m.Site, resolve) -> list[GeneratedPage]:
    """A page at every removed address, pointing to `naar`. `resolve` turns a site
    path such as `procedures` into the source page (`procedures/index.md`) or None."""
    if not site.verwijderd:
        return []
    pages = []
    for entry in site.verwijderd["paginas"]:
        if not entry:
            continue
        path = f"{entry['pad']}.md"
        target = resolve(entry["naar"])
        pages.append(GeneratedPage(path, titled(FRONT_MATTER, "Deze pagina bestaat niet meer") + join(
            heading(1, "Deze pagina bestaat niet meer"),
            safe.paragraphs(entry["uitleg"]),
            f"Verder lezen: {page_link(path, 'ga naar deze pagina', target)}.",
            f"Komt u er niet uit? {page_link(path, 'Neem contact op met het steunpunt', CONTACT_PAGE)}.",
        )))
    return pages
