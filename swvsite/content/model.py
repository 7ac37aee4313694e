"""The content model: every record type and every field, declared once.

This module is the single source of truth. `validate` checks YAML against it,
`schema` exports it as JSON Schema for editors, and the field help texts (in
Dutch, for the staff who edit the YAML) document it. Nothing here parses or
renders; it only describes.

The declarations live in three modules, re-exported here so that the rest of
the code reads one namespace (`from swvsite.content import model as m`):
`fields` (field types, reusable fields, RecordType), `records` (the record
types and their registry RECORD_TYPES) and `site` (Record, Site, SitePages).
What is worked out from the registry (FIELD_NAMES, RENAMEABLE, SITE_LINK...)
is kept here and recomputed by `register_type`.
"""

from __future__ import annotations

import re

from swvsite.content.fields import (
    COMMON_FIELDS,
    NIVEAUS,
    ONDERSTEUNINGSSOORTEN,
    OUDE_IDS,
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
    FieldType,
    Integer,
    Kleur,
    Leeftijd,
    ListOf,
    Locatie,
    Markdown,
    Obj,
    Pattern,
    Postcode,
    RecordType,
    Ref,
    Slug,
    Telefoon,
    Text,
    Url,
    Vestigingsnummer,
)
from swvsite.content.records import (
    BEGRIPPEN,
    DOEL_PAD,
    NESTED_REF_TARGETS,
    NIEUWS,
    ORGANISATIE,
    PAGINA_PAD,
    PROCEDURE,
    RECORD_TYPES,
    SCHOOL,
    SIGNAAL,
    SIGNAAL_DOOR,
    THEMA,
    VERWIJDERD,
    VOORZIENING,
    Begrip,
    Persoon,
    RouteStap,
    Stap,
    Swv,
    Vraag,
)
from swvsite.content.site import (
    GENERATED_PAGES,
    Record,
    Site,
    SitePages,
    begrip_link_ids,
    slugify,
)

__all__ = [  # what this facade offers: the three modules' names and what is derived here
    "FieldType",
    "Text",
    "Markdown",
    "Integer",
    "Boolean",
    "Date",
    "Pattern",
    "Choice",
    "Ref",
    "ListOf",
    "Obj",
    "Field",
    "SLUG_REGEX",
    "Slug",
    "Email",
    "Telefoon",
    "Url",
    "Kleur",
    "Postcode",
    "Brin",
    "Vestigingsnummer",
    "SECTOREN",
    "VOORZIENING_TYPES",
    "NIVEAUS",
    "ONDERSTEUNINGSSOORTEN",
    "TOEGANKELIJKHEID_STATUS",
    "ROLLEN",
    "Adres",
    "Contact",
    "Document",
    "Leeftijd",
    "Locatie",
    "OUDE_IDS",
    "COMMON_FIELDS",
    "RecordType",
    "VOORZIENING",
    "SCHOOL",
    "Stap",
    "PROCEDURE",
    "Vraag",
    "THEMA",
    "Begrip",
    "BEGRIPPEN",
    "Swv",
    "Persoon",
    "RouteStap",
    "ORGANISATIE",
    "NIEUWS",
    "PAGINA_PAD",
    "DOEL_PAD",
    "VERWIJDERD",
    "SIGNAAL",
    "SIGNAAL_DOOR",
    "RECORD_TYPES",
    "NESTED_REF_TARGETS",
    "GENERATED_PAGES",
    "SitePages",
    "Record",
    "slugify",
    "begrip_link_ids",
    "Site",
    "FIELD_NAMES",
    "RENAMEABLE",
    "FOLDERS",
    "RESERVED_IDS",
    "SITE_LINK_KINDS",
    "SITE_LINK",
    "register_type",
]


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
    global FIELD_NAMES, RENAMEABLE, FOLDERS, SITE_LINK_KINDS, SITE_LINK
    # Every field name of every record type, nested ones included.
    FIELD_NAMES = frozenset(name for t in RECORD_TYPES.values()
                            for name in _field_names(t.all_fields))
    # Record types whose records can be renamed: they keep their old ids (oude_ids).
    RENAMEABLE = tuple(t.name for t in RECORD_TYPES.values() if OUDE_IDS in t.all_fields)
    # A record type's folder (the first part of its pages' addresses) -> its name.
    FOLDERS = {t.folder: t.name for t in RECORD_TYPES.values() if t.folder and t.own_pages}
    # Links from text to the site itself, written `soort:id` (`procedure:tlv-aanvragen`,
    # `procedure:tlv-aanvragen#stap-2`, `vraag:wat-is-een-opp`, `begrip:tlv`,
    # `pagina:contact`): the kind, and how staff call it in a message.
    SITE_LINK_KINDS = {
        **{t.name: t.title.lower() for t in RECORD_TYPES.values() if t.folder and t.own_pages},
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
# Names no record may have: the addresses `<folder>/index/` and `<folder>/filter/`
# belong to the site itself (the overview page and the facet pages).
RESERVED_IDS = frozenset({"index", "filter"})
FIELD_NAMES: frozenset[str]
RENAMEABLE: tuple[str, ...]
FOLDERS: dict[str, str]
SITE_LINK_KINDS: dict[str, str]
SITE_LINK: re.Pattern[str]
_derived()
