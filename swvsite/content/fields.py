"""Field types, the reusable fields built from them, and what a record type is.

Part of the content model (`swvsite.content.model`, which other code imports):
how one value in a YAML file is typed, checked and explained to staff. The
record types themselves are declared in `swvsite.content.records`.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    # Whether each record of a folder has a page of its own (`/<folder>/<id>/`), is
    # linked as `soort:id` and appears in the generic record lists. The signalen
    # have not: their pages are made per period from all of them (pages.signalen).
    own_pages: bool = True
    # The field whose value is the record's id (file name), filled in by `swvsite new`.
    id_field: str | None = None
    # Whether a file of this type is refused when anything in it, comments and
    # unknown fields included, looks like personal data (content.persoonsgegevens).
    refuse_personal_data: bool = False

    @property
    def all_fields(self) -> tuple[Field, ...]:
        own_page = (OUDE_IDS,) if self.folder and self.reviewed else ()
        return self.fields + own_page + (COMMON_FIELDS if self.reviewed else ())
