"""The content model: every record type and every field, declared once.

This module is the single source of truth. `validate` checks YAML against it,
`schema` exports it as JSON Schema for editors, and the field help texts (in
Dutch, for the staff who edit the YAML) document it. Nothing here parses or
renders; it only describes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

# --------------------------------------------------------------------------
# Field types
# --------------------------------------------------------------------------


class FieldType:
    """Base class of all field types. `label` names the type to staff."""

    label = "waarde"


@dataclass(frozen=True)
class Text(FieldType):
    """Plain text. Shown literally: no Markdown, no HTML."""

    max_length: int | None = None
    label = "tekst"


@dataclass(frozen=True)
class Markdown(FieldType):
    """Longer text with a small, safe subset of Markdown: paragraphs, lists,
    **vet**, *schuin* and links to http(s), mailto: and tel: addresses."""

    max_length: int | None = None
    label = "tekst (met opmaak)"


@dataclass(frozen=True)
class Integer(FieldType):
    minimum: int | None = None
    maximum: int | None = None
    label = "geheel getal"


@dataclass(frozen=True)
class Boolean(FieldType):
    label = "ja of nee"


@dataclass(frozen=True)
class Date(FieldType):
    label = "datum (JJJJ-MM-DD)"


@dataclass(frozen=True)
class Pattern(FieldType):
    """Text that must match a regular expression (e-mail, phone, URL, ...)."""

    regex: str
    what: str
    example: str
    normalise_spaces: bool = False

    @property
    def label(self) -> str:  # type: ignore[override]
        return self.what


@dataclass(frozen=True)
class Choice(FieldType):
    """One value out of a fixed list; `options` maps value to its Dutch label."""

    options: dict[str, str]
    label = "keuze"


@dataclass(frozen=True)
class Ref(FieldType):
    """The id of another record of type `target`."""

    target: str

    @property
    def label(self) -> str:  # type: ignore[override]
        return f"id van een {self.target}"


@dataclass(frozen=True)
class ListOf(FieldType):
    item: FieldType
    min_items: int = 0
    unique: bool = False
    label = "lijst"


@dataclass(frozen=True)
class Obj(FieldType):
    """A nested group of fields. `name` is used for the JSON Schema definition."""

    name: str
    fields: tuple[Field, ...]
    label = "groep velden"


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    help: str
    required: bool = False
    example: Any = None


# --------------------------------------------------------------------------
# Reusable field types
# --------------------------------------------------------------------------

SLUG_REGEX = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Pattern(
    SLUG_REGEX,
    "id (kleine letters, cijfers en streepjes)",
    "opdc-de-overstap",
)
Email = Pattern(
    r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$",
    "e-mailadres",
    "info@voorbeeld.nl",
)
# Dutch numbers: 10 digits starting with 0 (spaces and dashes allowed),
# 0800/0900 service numbers, and +31 international notation.
Telefoon = Pattern(
    r"^(0[1-9][0-9]{8}|0[89]00[0-9]{4,7}|\+31[1-9][0-9]{8})$",
    "telefoonnummer",
    "013 - 123 45 67",
    normalise_spaces=True,
)
Url = Pattern(
    r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:[0-9]+)?(/[^\s<>\"]*)?$",
    "webadres (begint met https://)",
    "https://www.voorbeeld.nl/pagina",
)
Kleur = Pattern(r"^#[0-9a-fA-F]{6}$", "kleur (# en zes tekens, zoals in #1f4e79)", "#1f4e79")
Postcode = Pattern(r"^[1-9][0-9]{3} ?[A-Z]{2}$", "postcode", "5038 AB")
Brin = Pattern(r"^[0-9]{2}[A-Z]{2}$", "BRIN-nummer (2 cijfers, 2 hoofdletters)", "12AB")
Vestigingsnummer = Pattern(r"^[0-9]{2}$", "vestigingsnummer (2 cijfers)", "00")

SECTOREN = {"po": "Primair onderwijs (basisschool)", "vo": "Voortgezet onderwijs"}

VOORZIENING_TYPES = {
    "sbo": "Speciaal basisonderwijs (SBO)",
    "so": "Speciaal onderwijs (SO)",
    "vso": "Voortgezet speciaal onderwijs (VSO)",
    "praktijkonderwijs": "Praktijkonderwijs",
    "opdc": "Orthopedagogisch-didactisch centrum (OPDC)",
    "rebound": "Rebound",
    "maatwerk": "Maatwerk",
    "hoogbegaafdheid": "Hoogbegaafdheid",
    "nieuwkomers": "Onderwijs aan nieuwkomers",
    "tussenvoorziening": "Tussenvoorziening",
    "arrangement": "Arrangement",
    "anders": "Andere voorziening",
}

NIVEAUS = {
    "basisonderwijs": "Basisonderwijs",
    "sbo": "Speciaal basisonderwijs",
    "so": "Speciaal onderwijs",
    "vso": "Voortgezet speciaal onderwijs",
    "praktijkonderwijs": "Praktijkonderwijs",
    "vmbo-bb": "Vmbo basisberoepsgerichte leerweg",
    "vmbo-kb": "Vmbo kaderberoepsgerichte leerweg",
    "vmbo-gt": "Vmbo gemengde/theoretische leerweg",
    "havo": "Havo",
    "vwo": "Vwo",
    "isk": "Internationale schakelklas",
}

ONDERSTEUNINGSSOORTEN = {
    "leren": "Leren en ontwikkeling",
    "dyslexie-dyscalculie": "Dyslexie en dyscalculie",
    "gedrag": "Gedrag",
    "sociaal-emotioneel": "Sociaal-emotionele ontwikkeling",
    "autisme": "Autisme",
    "taal-spraak": "Taal en spraak",
    "horen": "Horen",
    "zien": "Zien",
    "lichamelijk": "Lichamelijke beperking",
    "medisch": "Ziekte en medische zorg",
    "hoogbegaafdheid": "Meer- en hoogbegaafdheid",
    "nt2": "Nederlands als tweede taal",
}

TOEGANKELIJKHEID_STATUS = {
    "a": "Voldoet volledig",
    "b": "Voldoet gedeeltelijk",
    "c": "Eerste maatregelen genomen",
    "d": "Geen maatregelen genomen",
    "e": "Voldoet niet",
}

ROLLEN = {
    "ouderondersteuner": "Ouderondersteuner",
    "ervaringsdeskundige": "Ervaringsdeskundige",
    "jongerencoach": "Jongerencoach",
    "onderwijsadviseur": "Onderwijsadviseur",
    "coordinator": "Coördinator",
}

Adres = Obj(
    "adres",
    (
        Field("straat", Text(120), "Straatnaam en huisnummer.", required=True,
              example="Stationsstraat 12"),
        Field("postcode", Postcode, "Postcode, bijvoorbeeld 5038 AB.", required=True,
              example="5038 AB"),
        Field("plaats", Text(80), "Plaatsnaam.", required=True, example="Tilburg"),
    ),
)

Contact = Obj(
    "contact",
    (
        Field("naam", Text(120), "Naam van de persoon of afdeling.", example="Loket"),
        Field("telefoon", Telefoon, "Telefoonnummer.", example="013 - 123 45 67"),
        Field("email", Email, "E-mailadres.", example="loket@voorbeeld.nl"),
        Field("website", Url, "Webadres.", example="https://www.voorbeeld.nl"),
        Field("bereikbaar", Text(200), "Wanneer iemand bereikbaar is.",
              example="Maandag tot en met donderdag, 9.00 tot 16.00 uur"),
    ),
)

Document = Obj(
    "document",
    (
        Field("titel", Text(160), "Titel van het document of de pagina.", required=True,
              example="Ondersteuningsplan 2024-2028"),
        Field("url", Url, "Webadres van het document.", required=True,
              example="https://www.voorbeeld.nl/ondersteuningsplan.pdf"),
    ),
)

Leeftijd = Obj(
    "leeftijd",
    (
        Field("van", Integer(0, 30), "Vanaf deze leeftijd (jaren).", required=True, example=4),
        Field("tot", Integer(0, 30), "Tot en met deze leeftijd (jaren).", required=True,
              example=13),
    ),
)

Locatie = Obj(
    "locatie",
    (
        Field("naam", Text(160), "Naam van de locatie.", required=True,
              example="Locatie Centrum"),
        Field("adres", Adres, "Adres van de locatie.", required=True),
        Field("gemeente", Text(80), "Gemeente waarin de locatie ligt.", example="Tilburg"),
    ),
)

OUDE_IDS = Field(
    "oude_ids",
    ListOf(Slug, unique=True),
    "Vorige ids (bestandsnamen) van dit record. Wie een oud webadres gebruikt, bijvoorbeeld "
    "uit een brief, komt dan vanzelf op de nieuwe pagina.",
    example=["oude-naam"],
)

COMMON_FIELDS = (
    Field(
        "gecontroleerd_op",
        Date(),
        "Datum waarop iemand de inhoud van dit bestand voor het laatst heeft gecontroleerd.",
        required=True,
        example="2026-09-01",
    ),
)


# --------------------------------------------------------------------------
# Record types
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordType:
    """A kind of record, declared once: every module reads what a type is from here.

    `folder` holds one YAML file per record, each with a page of its own at
    `/<folder>/<id>/` (the file name is the id); `file` is a single YAML file."""

    name: str
    title: str
    help: str
    fields: tuple[Field, ...]
    folder: str | None = None
    file: str | None = None
    # A single file that may be absent (folders may always be empty or absent).
    optional: bool = False
    # Whether records carry `gecontroleerd_op` and take part in review dates.
    reviewed: bool = True
    # The field that is a record's title: its h1, its page title, its name in lists.
    title_field: str | None = None
    # How much its pages weigh in search (1: as any page).
    search_boost: float = 1.0
    # Days a record may go unchecked by default (mkdocs.yml's controle_termijnen wins).
    review_days: int = 365
    # Whether `swvsite new <name> <id>` creates one.
    scaffold: bool = False
    # Whether its pages carry structured data (JSON-LD) and appear in /data/ exports.
    structured: bool = False

    @property
    def all_fields(self) -> tuple[Field, ...]:
        own_page = (OUDE_IDS,) if self.folder and self.reviewed else ()
        return self.fields + own_page + (COMMON_FIELDS if self.reviewed else ())


VOORZIENING = RecordType(
    name="voorziening",
    title="Voorziening",
    folder="voorzieningen",
    title_field="naam",
    scaffold=True,
    structured=True,
    help="Een voorziening voor leerlingen die extra ondersteuning nodig hebben, zoals "
    "een school voor speciaal (basis)onderwijs, een OPDC of een maatwerktraject.",
    fields=(
        Field("naam", Text(120), "Naam van de voorziening.", required=True,
              example="OPDC De Overstap"),
        Field("type", Choice(VOORZIENING_TYPES), "Soort voorziening.", required=True,
              example="opdc"),
        Field("samenvatting", Text(300),
              "Eén of twee korte zinnen: wat is dit en voor wie? Taalniveau B1.",
              required=True),
        Field("beschrijving", Markdown(4000), "Uitgebreidere uitleg, in gewone taal."),
        Field("doelgroep", Text(600), "Voor welke leerlingen is deze voorziening?",
              required=True),
        Field("sector", ListOf(Choice(SECTOREN), min_items=1, unique=True),
              "Primair onderwijs (po), voortgezet onderwijs (vo) of allebei.",
              required=True, example=["vo"]),
        Field("leeftijd", Leeftijd, "Leeftijd van de leerlingen."),
        Field("tlv_nodig", Boolean(),
              "Is een toelaatbaarheidsverklaring (TLV) nodig? Vul ja of nee in.",
              required=True, example=False),
        Field("toelating", Markdown(1500), "Hoe komt een leerling hier terecht? Wie besluit?",
              required=True),
        Field("aanmelding", Markdown(1500), "Hoe meld je een leerling aan, en wie doet dat?"),
        Field("duur", Text(300), "Hoe lang blijft een leerling hier meestal?"),
        Field("blijft_ingeschreven", Boolean(),
              "Blijft de leerling ingeschreven op de eigen school?"),
        Field("locaties", ListOf(Locatie), "Waar is de voorziening?"),
        Field("contact", Contact, "Contact voor vragen over deze voorziening."),
        Field("procedures", ListOf(Ref("procedure"), unique=True),
              "Ids van procedures die bij deze voorziening horen.",
              example=["tlv-aanvragen"]),
        Field("documenten", ListOf(Document), "Links naar folders of andere documenten."),
    ),
)

SCHOOL = RecordType(
    name="school",
    title="Ondersteuningsprofiel",
    folder="scholen",
    title_field="naam",
    # The many long school profiles rank below answers, so a question about
    # 'school' finds the answers first.
    search_boost=0.5,
    scaffold=True,
    structured=True,
    help="Het ondersteuningsprofiel van één school(vestiging): welke ondersteuning de "
    "school biedt en bij wie ouders terecht kunnen.",
    fields=(
        Field("naam", Text(160), "Naam van de school(vestiging).", required=True,
              example="Basisschool De Klimop"),
        Field("brin", Brin, "BRIN-nummer van de school.", required=True, example="12AB"),
        Field("vestiging", Vestigingsnummer, "Vestigingsnummer (twee cijfers).",
              required=True, example="00"),
        Field("swv", Ref("swv"),
              "Id van het samenwerkingsverband (uit organisatie.yml) waar de school bij hoort.",
              required=True, example="po"),
        Field("niveaus", ListOf(Choice(NIVEAUS), min_items=1, unique=True),
              "Onderwijstype of niveaus van de school.", required=True,
              example=["basisonderwijs"]),
        Field("adres", Adres, "Adres van de school.", required=True),
        Field("gemeente", Text(80), "Gemeente van de school.", required=True,
              example="Tilburg"),
        Field("denominatie", Text(80), "Richting van de school, bijvoorbeeld openbaar.",
              example="Openbaar"),
        Field("telefoon", Telefoon, "Telefoonnummer van de school."),
        Field("email", Email, "Algemeen e-mailadres van de school."),
        Field("website", Url, "Website van de school."),
        Field("samenvatting", Text(400),
              "Eén of twee zinnen over de ondersteuning op deze school.", required=True),
        Field("basisondersteuning", ListOf(Text(300), min_items=1),
              "Wat de school voor alle leerlingen doet (basisondersteuning).",
              required=True),
        Field(
            "extra_ondersteuning",
            ListOf(
                Obj(
                    "extra_ondersteuning",
                    (
                        Field("naam", Text(160), "Naam van het aanbod.", required=True),
                        Field("soort", ListOf(Choice(ONDERSTEUNINGSSOORTEN), min_items=1,
                                              unique=True),
                              "Bij welke ondersteuningsbehoefte past dit aanbod?",
                              required=True, example=["gedrag"]),
                        Field("doelgroep", Text(400), "Voor welke leerlingen?"),
                        Field("beschrijving", Markdown(1500), "Wat houdt het in?",
                              required=True),
                    ),
                )
            ),
            "Extra ondersteuning en arrangementen die de school biedt.",
        ),
        Field("expertise", ListOf(Text(200)), "Specialisten en kennis in de school."),
        Field("fysieke_voorzieningen", ListOf(Text(200)),
              "Aanpassingen aan het gebouw, zoals een lift of een prikkelarme ruimte."),
        Field("partners", ListOf(Text(200)),
              "Organisaties waarmee de school samenwerkt."),
        Field("voorzieningen", ListOf(Ref("voorziening"), unique=True),
              "Ids van voorzieningen waarmee de school samenwerkt, zoals een OPDC of een school "
              "voor speciaal onderwijs. Ze staan dan op de pagina van de school, en de school op "
              "die van de voorziening.", example=["opdc-de-overstap"]),
        Field("grenzen", Markdown(1500),
              "Wat de school niet kan bieden. Eerlijk en duidelijk."),
        Field(
            "contactpersoon",
            Obj(
                "contactpersoon",
                (
                    Field("naam", Text(120), "Naam.", required=True),
                    Field("functie", Text(120),
                          "Functie, bijvoorbeeld intern begeleider of ondersteuningscoördinator.",
                          required=True),
                    Field("telefoon", Telefoon, "Telefoonnummer."),
                    Field("email", Email, "E-mailadres."),
                ),
            ),
            "Bij wie kunnen ouders terecht met vragen over ondersteuning?",
            required=True,
        ),
        Field("documenten", ListOf(Document),
              "Links naar de schoolgids, het volledige ondersteuningsprofiel en dergelijke."),
        Field("vastgesteld_op", Date(), "Datum waarop het profiel is vastgesteld.",
              required=True),
        Field("geldig_tot", Date(), "Tot wanneer het profiel geldt."),
    ),
)

Stap = Obj(
    "stap",
    (
        Field("titel", Text(160), "Korte titel van de stap.", required=True,
              example="U meldt uw kind aan"),
        Field("wie", Text(200), "Wie zet deze stap?", required=True,
              example="De school en u samen"),
        Field("wat", Markdown(2000), "Wat gebeurt er in deze stap?", required=True),
        Field("hoe_lang", Text(200), "Hoe lang duurt deze stap?", example="Binnen 6 weken"),
        Field("documenten", ListOf(Text(200)), "Welke papieren zijn nodig?"),
    ),
)

PROCEDURE = RecordType(
    name="procedure",
    title="Procedure",
    folder="procedures",
    title_field="titel",
    search_boost=2,  # answers and procedures rank above long background pages
    scaffold=True,
    structured=True,
    help="Een procedure, zoals een TLV aanvragen of bezwaar maken, in stappen.",
    fields=(
        Field("titel", Text(160), "Titel van de procedure.", required=True,
              example="Een toelaatbaarheidsverklaring (TLV) aanvragen"),
        Field("samenvatting", Text(400), "Eén of twee korte zinnen: waar gaat dit over?",
              required=True),
        Field("voor_wie", Text(600), "Voor wie is deze procedure?", required=True),
        Field("rol_ouders", Markdown(1500),
              "Wat is de rol van ouders? Wat mogen en moeten zij?", required=True),
        Field("wie_beslist", Text(600), "Wie neemt het besluit?"),
        Field("stappen", ListOf(Stap, min_items=1),
              "De stappen, in de volgorde waarin ze gebeuren.", required=True),
        Field("geldigheid", Text(600), "Hoe lang geldt het besluit?"),
        Field(
            "bezwaar",
            Obj(
                "bezwaar",
                (
                    Field("uitleg", Markdown(1500), "Hoe maakt u bezwaar?", required=True),
                    Field("termijn", Text(200), "Binnen welke termijn?",
                          example="Binnen 6 weken na de datum van het besluit"),
                    Field("procedure", Ref("procedure"),
                          "Id van de procedure die het bezwaar uitlegt."),
                ),
            ),
            "Kunnen ouders het niet eens zijn met het besluit? Hoe dan?",
        ),
        Field("voorzieningen", ListOf(Ref("voorziening"), unique=True),
              "Ids van voorzieningen die bij deze procedure horen."),
        Field("procedures", ListOf(Ref("procedure"), unique=True),
              "Ids van procedures die hiermee te maken hebben."),
        Field("documenten", ListOf(Document), "Links naar formulieren en regelingen."),
    ),
)

Vraag = Obj(
    "vraag",
    (
        Field("id", Slug, "Vaste id van de vraag; wordt het anker in de link.",
              required=True, example="wat-is-een-opp"),
        Field("vraag", Text(200), "De vraag, zoals een ouder of jongere hem stelt.",
              required=True, example="Wat is een OPP?"),
        Field("antwoord", Markdown(2000), "Kort en duidelijk antwoord. Taalniveau B1.",
              required=True),
        Field("jongeren", Boolean(), "Is deze vraag (ook) bedoeld voor jongeren zelf?"),
        Field("oude_ids", ListOf(Slug, unique=True),
              "Vorige ids van deze vraag. Links naar de oude id blijven dan werken."),
        Field("procedures", ListOf(Ref("procedure"), unique=True),
              "Ids van procedures om naar te verwijzen."),
        Field("voorzieningen", ListOf(Ref("voorziening"), unique=True),
              "Ids van voorzieningen om naar te verwijzen."),
    ),
)

THEMA = RecordType(
    name="thema",
    title="Thema met veelgestelde vragen",
    folder="vragen",
    title_field="titel",
    search_boost=2,
    scaffold=True,
    structured=True,
    help="Een thema met veelgestelde vragen; elke vraag heeft een vaste id.",
    fields=(
        Field("titel", Text(120), "Titel van het thema.", required=True,
              example="Ondersteuning op school"),
        Field("samenvatting", Text(300), "Eén zin over dit thema.", required=True),
        Field("vragen", ListOf(Vraag, min_items=1), "De vragen van dit thema.",
              required=True),
    ),
)

Begrip = Obj(
    "begrip",
    (
        Field("term", Text(120), "Het begrip, voluit geschreven.", required=True,
              example="Toelaatbaarheidsverklaring"),
        Field("afkorting", Text(20), "Afkorting, als die er is.", example="TLV"),
        Field("uitleg", Text(600), "Uitleg in gewone taal, in één tot drie zinnen.",
              required=True),
        Field("id", Slug, "Vaste id (anker). Leeg laten: dan wordt de term gebruikt."),
        Field("zoekwoorden", ListOf(Text(60), unique=True),
              "Woorden die ouders en jongeren zelf gebruiken voor dit begrip, zoals rugzakje "
              "voor arrangement. Wie daarop zoekt, vindt de pagina's over dit begrip.",
              example=["rugzakje"]),
    ),
)

BEGRIPPEN = RecordType(
    name="begrippen",
    title="Begrippenlijst",
    file="begrippen.yml",
    review_days=730,
    help="De begrippenlijst: moeilijke woorden met een uitleg in gewone taal.",
    fields=(
        Field("begrippen", ListOf(Begrip, min_items=1), "De begrippen.", required=True),
    ),
)

Swv = Obj(
    "swv",
    (
        Field("id", Slug, "Korte vaste id, bijvoorbeeld po of vo.", required=True,
              example="po"),
        Field("naam", Text(160), "Officiële naam van het samenwerkingsverband.",
              required=True),
        Field("sector", Choice(SECTOREN), "Primair (po) of voortgezet onderwijs (vo).",
              required=True, example="po"),
        Field("regio", Text(160), "Naam van de regio.", required=True),
        Field("gemeenten", ListOf(Text(80), min_items=1, unique=True),
              "Gemeenten waar het samenwerkingsverband werkt.", required=True),
        Field("website", Url, "Website van het samenwerkingsverband."),
        Field("documenten", ListOf(Document),
              "Het ondersteuningsplan en andere documenten."),
    ),
)

Persoon = Obj(
    "persoon",
    (
        Field("naam", Text(120), "Naam.", required=True),
        Field("rol", Choice(ROLLEN), "Rol binnen het steunpunt.", required=True,
              example="ouderondersteuner"),
        Field("over", Text(400), "Een of twee zinnen over deze persoon."),
        Field("telefoon", Telefoon, "Telefoonnummer."),
        Field("email", Email, "E-mailadres."),
    ),
)

RouteStap = Obj(
    "routestap",
    (
        Field("titel", Text(120), "Bij wie?", required=True, example="De school"),
        Field("uitleg", Markdown(1000), "Wanneer en waarvoor gaat u hier naartoe?",
              required=True),
        Field("contact", Contact, "Hoe bereikt u deze instantie?"),
        Field("procedure", Ref("procedure"), "Id van een procedure die hierbij hoort."),
    ),
)

ORGANISATIE = RecordType(
    name="organisatie",
    title="Organisatie",
    file="organisatie.yml",
    help="Het steunpunt zelf: naam, samenwerkingsverbanden, contact en mensen.",
    fields=(
        Field("naam", Text(120), "Naam van het steunpunt.", required=True,
              example="Ouder- en jeugdsteunpunt Passend Onderwijs"),
        Field("samenvatting", Text(400), "Wat doet het steunpunt? Eén of twee zinnen.",
              required=True),
        Field("demo", Boolean(),
              "Zet op ja voor een voorbeeldsite: dan staat op elke pagina dat namen en "
              "nummers verzonnen zijn."),
        Field("swvs", ListOf(Swv, min_items=1),
              "De samenwerkingsverbanden waarvoor het steunpunt werkt.", required=True),
        Field("contact", Contact, "Hoe is het steunpunt bereikbaar?", required=True),
        Field("adres", Adres, "Bezoekadres van het steunpunt."),
        Field(
            "openingstijden",
            ListOf(
                Obj(
                    "openingstijd",
                    (
                        Field("dagen", Text(80), "Dag of dagen.", required=True,
                              example="Maandag tot en met donderdag"),
                        Field("tijden", Text(80), "Tijden.", required=True,
                              example="9.00 - 16.30 uur"),
                    ),
                )
            ),
            "Wanneer is het steunpunt telefonisch bereikbaar?",
        ),
        Field("spreekuur", Text(300), "Wanneer en waar is er een inloopspreekuur?"),
        Field("mensen", ListOf(Persoon), "De mensen van het steunpunt."),
        Field("route", ListOf(RouteStap, min_items=1),
              "Bij wie kan ik terecht? De stappen in volgorde: eerst de school, dan het "
              "samenwerkingsverband en steunpunt, dan de onderwijsconsulenten, dan de "
              "geschillencommissie.", required=True),
        Field("documenten", ListOf(Document), "Links naar documenten."),
        Field(
            "huisstijl",
            Obj(
                "huisstijl",
                (
                    Field("primair", Kleur, "Hoofdkleur: de kopbalk en de links.", required=True,
                          example="#1f4e79"),
                    Field("tekst_op_primair", Kleur,
                          "Kleur van de tekst op de hoofdkleur. Leeg laten: wit.",
                          example="#ffffff"),
                    Field("accent", Kleur,
                          "Accentkleur: links waar de muis op staat. Leeg laten: de hoofdkleur.",
                          example="#8a3b00"),
                ),
            ),
            "Kleuren van de organisatie. Tekst moet genoeg contrast hebben met de achtergrond "
            "(WCAG AA: minstens 4,5 staat tot 1); de controle meldt het als dat niet zo is.",
        ),
        Field(
            "toegankelijkheid",
            Obj(
                "toegankelijkheid",
                (
                    Field("status", Choice(TOEGANKELIJKHEID_STATUS),
                          "Hoe goed de site voldoet aan de eisen (A tot en met E, zoals in het "
                          "landelijke model).", required=True, example="b"),
                    Field("datum", Date(), "Datum van de verklaring.", required=True,
                          example="2026-10-01"),
                    Field("onderzoek", Markdown(1500),
                          "Hoe de toegankelijkheid is onderzocht, door wie en wanneer."),
                    Field("bekende_problemen", ListOf(Text(400)),
                          "Onderdelen die nog niet toegankelijk zijn, en wanneer dat klaar is."),
                    Field("email", Email,
                          "E-mailadres voor meldingen over toegankelijkheid. Leeg laten: het "
                          "adres van het steunpunt."),
                    Field("reactietermijn", Text(120), "Binnen welke tijd u reageert.",
                          example="binnen 5 werkdagen"),
                ),
            ),
            "De toegankelijkheidsverklaring van de site.",
            required=True,
        ),
        Field(
            "privacy",
            Obj(
                "privacy",
                (
                    Field("verantwoordelijke", Text(200),
                          "Wie is verantwoordelijk voor de persoonsgegevens?", required=True),
                    Field("functionaris_email", Email,
                          "E-mailadres van de functionaris gegevensbescherming (FG)."),
                    Field("hosting", Text(600),
                          "Waar de site staat en welke gegevens de hostingpartij bewaart, "
                          "zoals logbestanden."),
                ),
            ),
            "Gegevens voor de privacyverklaring. De site zelf plaatst geen cookies en volgt "
            "bezoekers niet.",
            required=True,
        ),
    ),
)

NIEUWS = RecordType(
    name="nieuws",
    title="Nieuwsbericht",
    folder="nieuws",
    title_field="titel",
    reviewed=False,
    scaffold=True,
    help="Een kort bericht over iets dat verandert, zoals een nieuwe procedure. Het staat op "
    "de nieuwspagina, op de startpagina en in de nieuwsfeeds.",
    fields=(
        Field("titel", Text(160), "Titel van het bericht.", required=True,
              example="De TLV-aanvraag gaat voortaan digitaal"),
        Field("datum", Date(), "Datum van het bericht.", required=True, example="2026-11-01"),
        Field("samenvatting", Text(400), "Eén of twee zinnen: wat verandert er?",
              required=True),
        Field("tekst", Markdown(4000), "Het bericht zelf."),
        Field("procedures", ListOf(Ref("procedure"), unique=True),
              "Ids van procedures waar het bericht over gaat."),
        Field("voorzieningen", ListOf(Ref("voorziening"), unique=True),
              "Ids van voorzieningen waar het bericht over gaat."),
    ),
)

PAGINA_PAD = Pattern(r"^(voorzieningen|scholen|procedures|vragen|nieuws)/[a-z0-9]+(-[a-z0-9]+)*$",
                     "webadres van een pagina, zoals procedures/oude-naam",
                     "procedures/oude-naam")
DOEL_PAD = Pattern(r"^([a-z0-9]+(-[a-z0-9]+)*)(/[a-z0-9]+(-[a-z0-9]+)*)*$",
                   "webadres van een bestaande pagina, zoals procedures of contact",
                   "procedures")

VERWIJDERD = RecordType(
    name="verwijderd",
    title="Verwijderde pagina's",
    file="verwijderd.yml",
    optional=True,
    reviewed=False,
    help="Pagina's die niet meer bestaan. Wie een oud adres gebruikt, leest dat de pagina "
    "weg is en krijgt een link naar een pagina die wel helpt.",
    fields=(
        Field(
            "paginas",
            ListOf(Obj("verwijderde_pagina", (
                Field("pad", PAGINA_PAD, "Het oude webadres, zoals procedures/oude-naam.",
                      required=True),
                Field("naar", DOEL_PAD, "Waar bezoekers verder kunnen, zoals procedures.",
                      required=True),
                Field("uitleg", Text(400), "Waarom de pagina weg is, in één of twee zinnen.",
                      required=True),
            )), min_items=1),
            "De verwijderde pagina's.",
            required=True,
        ),
    ),
)

RECORD_TYPES: dict[str, RecordType] = {
    t.name: t for t in (ORGANISATIE, VOORZIENING, SCHOOL, PROCEDURE, THEMA, BEGRIPPEN,
                        NIEUWS, VERWIJDERD)
}

# Ref targets that are not record types themselves but entries inside records.
NESTED_REF_TARGETS = {"vraag": "thema", "swv": "organisatie"}

# Pages every site has that are made from the organisation, not from docs/.
GENERATED_PAGES = frozenset({"toegankelijkheid.md", "privacy.md"})


@dataclass(frozen=True)
class SitePages:
    """What the checks know of the site beyond its content: its address (for
    links to the site itself written as https://) and its hand-written pages as
    paths in docs/ ('contact.md', 'procedures/index.md'). None: not known (then
    such links are not judged)."""

    site_url: str | None = None
    pages: frozenset[str] | None = None
    docs_dir: Path | None = None  # where the hand-written pages are (their links are checked)

    def has_page(self, path: str) -> bool | None:
        """Whether `path` (like 'contact' or 'procedures') is a page; None if unknown."""
        path = path.strip("/")
        if f"{path}.md" in GENERATED_PAGES or path == "":
            return True
        if self.pages is None:
            return None
        return f"{path}.md" in self.pages or f"{path}/index.md" in self.pages

    def page_path(self, path: str) -> str:
        """The source page in docs/ for a site path such as 'contact' or 'procedures'."""
        path = path.strip("/")
        folder_index = f"{path}/index.md"
        if self.pages is not None:
            return folder_index if folder_index in self.pages and f"{path}.md" not in self.pages \
                else f"{path}.md"
        folders = {t.folder for t in RECORD_TYPES.values() if t.folder}
        return folder_index if path in folders else f"{path}.md"


# --------------------------------------------------------------------------
# Loaded content
# --------------------------------------------------------------------------


@dataclass
class Record:
    """One validated record: its type, id, source file and data.

    `data` holds every field of the type: missing optional scalars and groups
    are None, missing lists are []. `lines` maps field paths such as
    `stappen[2].wat` to the line they start on."""

    type: RecordType
    id: str
    path: str
    data: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)
    # A digest of the file the record was read from ('' for a record made in code).
    digest: str = field(default="", compare=False, repr=False)

    def __getitem__(self, name: str) -> Any:
        return self.data[name]

    def line_of(self, field_path: str) -> int | None:
        return self.lines.get(field_path)

    @property
    def title(self) -> str:
        """The record's title (from its type's title field), or its type's name."""
        field_name = self.type.title_field
        return (self.data.get(field_name) if field_name else None) or self.type.title

    @property
    def page(self) -> str:
        """Source path of the record's own page, relative to the docs dir."""
        return f"{self.type.folder}/{self.id}.md"


def slugify(text: str) -> str:
    """A stable id from a Dutch term: lowercase ASCII, words joined by dashes."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def begrip_link_ids(begrip: dict) -> set[str]:
    """What a link `begrip:...` may name: the begrip's id, or its afkorting (`begrip:tlv`)."""
    return {begrip["id"]} | ({slugify(begrip["afkorting"])} if begrip.get("afkorting") else set())


@dataclass
class Site:
    """All content of one steunpunt, validated and cross-checked."""

    organisatie: Record
    begrippen: Record
    # The records of every type with a folder: type name -> id -> record.
    folders: dict[str, dict[str, Record]] = field(default_factory=dict)
    verwijderd: Record | None = None
    # Old ids (oude_ids) per kind of reference: old id -> current id.
    aliases: dict[str, dict[str, str]] = field(default_factory=dict)
    # What staff should know but that does not stop a build (see Problem.notice).
    notices: list = field(default_factory=list)
    # The site's address and hand-written pages, as far as known (links in text).
    pages: SitePages = field(default_factory=lambda: SitePages())

    def current_id(self, kind: str, record_id: str) -> str:
        """The id a reference means: itself, or the record that has it as an old id."""
        return self.aliases.get(kind, {}).get(record_id, record_id)

    @property
    def swv_lijst(self) -> list[dict]:
        return [s for s in self.organisatie["swvs"] if s]

    @property
    def begrippen_lijst(self) -> list[dict]:
        return [
            {**b, "id": b.get("id") or slugify(b["term"])}
            for b in self.begrippen["begrippen"]
            if b and b.get("term")
        ]

    def vragen(self) -> list[tuple[Record, dict]]:
        """Every vraag with the thema it belongs to, in file order."""
        return [(t, v) for t in self.themas.values() for v in t["vragen"] if v]

    def vraag(self, vraag_id: str) -> tuple[Record, dict]:
        return next((t, v) for t, v in self.vragen() if v["id"] == vraag_id)

    def records(self, type_name: str) -> dict[str, Record]:
        """The records of a type with a folder, by id ({} when there are none)."""
        return self.folders.get(type_name, {})

    @property
    def voorzieningen(self) -> dict[str, Record]:
        return self.records("voorziening")

    @property
    def scholen(self) -> dict[str, Record]:
        return self.records("school")

    @property
    def procedures(self) -> dict[str, Record]:
        return self.records("procedure")

    @property
    def themas(self) -> dict[str, Record]:
        return self.records("thema")

    @property
    def nieuws(self) -> dict[str, Record]:
        return self.records("nieuws")

    @cached_property
    def records_by_page(self) -> dict[str, Record]:
        """Every record with a page of its own, by that page's source path
        (`scholen/bs-de-klimop.md`). Built once: a Site is never changed."""
        return {record.page: record for records in self.folders.values()
                for record in records.values()}

    def all_records(self) -> list[Record]:
        return [self.organisatie, self.begrippen,
                *(record for records in self.folders.values() for record in records.values()),
                *([self.verwijderd] if self.verwijderd else [])]

    def ids_by_target(self) -> dict[str, set[str]]:
        return {
            **{name: set(records) for name, records in self.folders.items()},
            "vraag": {v["id"] for _, v in self.vragen() if v.get("id")},
            "swv": {s["id"] for s in self.swv_lijst if s.get("id")},
        }


def _field_names(fields: tuple[Field, ...]) -> set[str]:
    names = set()
    for f in fields:
        names.add(f.name)
        ftype = f.type.item if isinstance(f.type, ListOf) else f.type
        if isinstance(ftype, Obj):
            names |= _field_names(ftype.fields)
    return names


def _derived() -> None:
    """What is worked out from RECORD_TYPES, once per change of it."""
    global FIELD_NAMES, RENAMEABLE, SITE_LINK_KINDS, SITE_LINK
    # Every field name of every record type, nested ones included.
    FIELD_NAMES = frozenset(name for t in RECORD_TYPES.values()
                            for name in _field_names(t.all_fields))
    # Record types whose records can be renamed: they keep their old ids (oude_ids).
    RENAMEABLE = tuple(t.name for t in RECORD_TYPES.values() if OUDE_IDS in t.all_fields)
    # Links from text to the site itself, written `soort:id` (`procedure:tlv-aanvragen`,
    # `procedure:tlv-aanvragen#stap-2`, `vraag:wat-is-een-opp`, `begrip:tlv`,
    # `pagina:contact`): the kind, and how staff call it in a message.
    SITE_LINK_KINDS = {
        **{t.name: t.title.lower() for t in RECORD_TYPES.values() if t.folder},
        "vraag": "vraag",
        "begrip": "begrip",
        "pagina": "pagina",
    }
    # `soort:id`, `soort:id#anker` or `pagina:map/pagina`: groups kind, id, anchor.
    SITE_LINK = re.compile(rf"^({'|'.join(SITE_LINK_KINDS)}):({_SLUG_PART}(?:/{_SLUG_PART})*)"
                           rf"(?:#({_SLUG_PART}))?$")


def register_type(rtype: RecordType) -> None:
    """Add a record type. Modules imported afterwards see it everywhere: its
    folder is loaded, validated, rendered (with a renderer registered through
    `render.page_renderer`), linked, exported as a schema and scaffolded."""
    RECORD_TYPES[rtype.name] = rtype
    _derived()


_SLUG_PART = r"[a-z0-9]+(?:-[a-z0-9]+)*"
FIELD_NAMES: frozenset[str]
RENAMEABLE: tuple[str, ...]
SITE_LINK_KINDS: dict[str, str]
SITE_LINK: re.Pattern[str]
_derived()
