"""The pages generated from the organisation: the toegankelijkheidsverklaring and
the privacyverklaring. Every site has them (`model.GENERATED_PAGES`)."""

from __future__ import annotations

from swvsite.content import model as m
from swvsite.pages import safe
from swvsite.pages.addresses import CONTACT_PAGE
from swvsite.pages.markup import (
    FRONT_MATTER,
    GeneratedPage,
    bullets,
    datum,
    email,
    facts,
    gecontroleerd,
    heading,
    join,
    md,
    page_link,
    section,
    telefoon,
)

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
                f"indienen. {_contact_link(TOEGANKELIJKHEID_PAGE)}."),
        gecontroleerd(org),
    )


def privacy_page(site: m.Site) -> str:
    org = site.organisatie
    p = org["privacy"]
    fg = ("U kunt ook mailen naar de functionaris gegevensbescherming: "
          f"{email(p['functionaris_email'])}.") if p["functionaris_email"] else ""
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
                safe.text(p["verantwoordelijke"]) + "." + (f" {fg}" if fg else "")),
        section("Uw rechten",
                "U mag vragen welke gegevens wij van u hebben. U mag ook vragen om ze te "
                "verbeteren of te verwijderen. "
                f"{_contact_link(PRIVACY_PAGE)}. "
                "Bent u het niet eens met hoe wij met uw gegevens omgaan? Dan kunt u een klacht "
                "indienen bij de Autoriteit Persoonsgegevens."),
        gecontroleerd(org),
    )


def _contact_link(here: str) -> str:
    return page_link(here, "Neem contact op met het steunpunt", CONTACT_PAGE)
