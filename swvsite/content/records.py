"""The record types of the site, declared once: every field with its Dutch help.

Part of the content model (`swvsite.content.model`, which other code imports).
`RECORD_TYPES` is the registry; `model.register_type` adds to it.
"""

from __future__ import annotations

from swvsite.content.fields import (
    NIVEAUS,
    ONDERSTEUNINGSSOORTEN,
    ROLLEN,
    SECTOREN,
    SLUG_REGEX,
    TOEGANKELIJKHEID_STATUS,
    VOORZIENING_TYPES,
    Adres,
    Boolean,
    Brin,
    Choice,
    Contact,
    Date,
    Document,
    Email,
    Field,
    Integer,
    Kleur,
    Leeftijd,
    ListOf,
    Locatie,
    Markdown,
    Obj,
    Pattern,
    RecordType,
    Ref,
    Slug,
    Telefoon,
    Text,
    Url,
    Vestigingsnummer,
)

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

# -- Signalen: what parents and young people run into, counted per period ---

SIGNAAL_DOOR = {
    "ouder": "Ouder of verzorger",
    "jongere": "Jongere zelf",
    "school": "School",
}
PERIODE_REGEX = r"^[0-9]{4}-(q[1-4]|0[1-9]|1[0-2])$"
Periode = Pattern(PERIODE_REGEX, "periode: een kwartaal (zoals 2026-q1) of een maand (zoals "
                  "2026-03)", "2026-q1")
# The categories are a closed list in mkdocs.yml (swvsite: signalen: categorieen);
# whether a value is one of them is checked for the whole site (content.signalen).
SignaalCategorie = Pattern(SLUG_REGEX, "categorie (een id uit de lijst 'signalen: categorieen' "
                           "in mkdocs.yml)", "thuiszitten")
# A gemeente's name as organisatie.yml spells it ('s-Hertogenbosch, Súdwest-Fryslân);
# which ones are allowed only the whole site can tell (content.signalen).
Gemeente = Pattern(r"^[A-Za-zÀ-ÖØ-öø-ÿ'’][A-Za-zÀ-ÖØ-öø-ÿ'’ .-]{0,79}$",
                   "naam van een gemeente uit organisatie.yml", "Tilburg")

Telling = Obj(
    "telling",
    (
        Field("categorie", SignaalCategorie,
              "Waar gaat het over? Een categorie uit mkdocs.yml, zoals thuiszitten of tlv.",
              required=True, example="thuiszitten"),
        Field("door", Choice(SIGNAAL_DOOR), "Wie bracht het in: ouder, jongere of school?",
              required=True, example="ouder"),
        Field("sector", Choice(SECTOREN), "Primair (po) of voortgezet onderwijs (vo).",
              required=True, example="po"),
        Field("gemeente", Gemeente,
              "Gemeente (optioneel), precies zoals in organisatie.yml bij de "
              "samenwerkingsverbanden.", example="Tilburg"),
        Field("aantal", Integer(0, 100_000), "Hoe vaak kwam dit voor in deze periode?",
              required=True, example=3),
    ),
)

SIGNAAL = RecordType(
    name="signaal",
    title="Signalen van één periode",
    folder="signalen",
    reviewed=False,
    scaffold=True,
    own_pages=False,
    id_field="periode",
    refuse_personal_data=True,
    help="Hoe vaak ouders, jongeren en scholen in één kwartaal of maand ergens tegenaan "
    "liepen, geteld per categorie. Alleen aantallen: geen namen, geen scholen, geen tekst. "
    "De bestandsnaam is de periode, zoals 2026-q1.yml.",
    fields=(
        Field("periode", Periode, "De periode: dezelfde als de bestandsnaam, zoals 2026-q1 "
              "(kwartaal) of 2026-03 (maand).", required=True, example="2026-q1"),
        Field("tellingen", ListOf(Telling, min_items=1),
              "De aantallen: één item per combinatie van categorie, door, sector en "
              "gemeente.", required=True),
    ),
)

RECORD_TYPES: dict[str, RecordType] = {
    t.name: t for t in (ORGANISATIE, VOORZIENING, SCHOOL, PROCEDURE, THEMA, BEGRIPPEN,
                        NIEUWS, VERWIJDERD, SIGNAAL)
}

# Ref targets that are not record types themselves but entries inside records.
NESTED_REF_TARGETS = {"vraag": "thema", "swv": "organisatie"}
