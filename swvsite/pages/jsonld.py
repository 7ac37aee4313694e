"""schema.org JSON-LD for the pages that have structured data.

Plain Python, no MkDocs: every function takes the `Site`, the source path of a
page (relative to docs/, as `Record.page`: `procedures/tlv-aanvragen.md`) and
the public address of the site (`site_url`, may be None). Which record types
have structured data is declared in the model (`RecordType.structured`).

Text in JSON-LD is always plain text (`plaintext`). Without a `site_url` no url,
item or @id is emitted (a relative address means nothing to a search engine).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from swvsite.content import model as m
from swvsite.pages import safe
from swvsite.pages.addresses import BEGRIPPEN_PAGE, CONTACT_PAGE, HOME_PAGE, absolute_url
from swvsite.pages.openinghours import opening_hours
from swvsite.pages.plaintext import markdown_text, plain

CONTEXT = "https://schema.org"
LANGUAGE = "nl"

# Overview page and its name in the nav, per record folder: the breadcrumb trail.
OVERVIEWS = {
    "voorzieningen": ("Voorzieningen", "voorzieningen/index.md"),
    "scholen": ("Scholen", "scholen/index.md"),
    "procedures": ("Procedures", "procedures/index.md"),
    "vragen": ("Veelgestelde vragen", "vragen/index.md"),
}
HOME_NAME = "Home"


def structured_record(site: m.Site, page_path: str) -> m.Record | None:
    """The record whose own page is `page_path`, if its type has structured data."""
    record = site.records_by_page.get(page_path)
    return record if record is not None and record.type.structured else None


# --------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------


def _clean(node: Any) -> Any:
    """Drop None, empty strings, empty lists and empty objects, recursively."""
    if isinstance(node, dict):
        cleaned = {}
        for key, value in node.items():
            if isinstance(value, (dict, list)):
                value = _clean(value)
            if not _empty(value):
                cleaned[key] = value
        # An object with nothing but its @type says nothing.
        return cleaned if len(cleaned) > 1 or (cleaned and "@type" not in cleaned) else {}
    if isinstance(node, list):
        values = (_clean(v) if isinstance(v, (dict, list)) else v for v in node)
        return [v for v in values if not _empty(v)]
    return node


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _node(data: dict) -> dict:
    return {"@context": CONTEXT, **_clean(data)}


def international_phone(number: str | None) -> str | None:
    """A Dutch number in international notation (`+31135551234`); 0800/0900 as digits."""
    if not number:
        return None
    return safe.tel_url(number)[len("tel:"):]


def postal_address(adres: dict | None) -> dict | None:
    if not adres:
        return None
    return {
        "@type": "PostalAddress",
        "streetAddress": plain(adres.get("straat")),
        "postalCode": plain(adres.get("postcode")),
        "addressLocality": plain(adres.get("plaats")),
        "addressCountry": "NL",
    }


def _places(locaties: list[dict]) -> list[dict]:
    return [
        {"@type": "Place", "name": plain(loc["naam"]), "address": postal_address(loc["adres"])}
        for loc in locaties if loc
    ]


def _swv(site: m.Site, swv_id: str | None) -> dict | None:
    swv = next((s for s in site.swv_lijst if s.get("id") == swv_id), None)
    if not swv:
        return None
    return {"@type": "Organization", "name": plain(swv["naam"]), "url": swv.get("website")}


# --------------------------------------------------------------------------
# Per page type
# --------------------------------------------------------------------------


def organisation(site: m.Site, site_url: str | None) -> dict:
    """The steunpunt as an Organization with its contact point. The gemeenten it
    serves are named once, on the Organization (nationally some 350): its one
    contact point serves the same area."""
    org = site.organisatie
    contact = org["contact"] or {}
    hours, unparsed = opening_hours(org["openingstijden"])
    description = " ".join(x for x in (
        *(f"{line}." for line in unparsed), plain(contact.get("bereikbaar"))) if x)
    gemeenten = list(dict.fromkeys(g for s in site.swv_lijst for g in s["gemeenten"]))
    contact_point = {
        "@type": "ContactPoint",
        "contactType": "informatie en advies voor ouders en jongeren",
        "name": plain(contact.get("naam")),
        "telephone": international_phone(contact.get("telefoon")),
        "email": contact.get("email"),
        "url": absolute_url(site_url, CONTACT_PAGE),
        "availableLanguage": LANGUAGE,
        "hoursAvailable": hours,
        "description": description or None,
    }
    return _node({
        "@type": "Organization",
        "@id": absolute_url(site_url, HOME_PAGE, "organisatie"),
        "name": plain(org["naam"]),
        "description": plain(org["samenvatting"]),
        "url": contact.get("website") or absolute_url(site_url, HOME_PAGE),
        "telephone": international_phone(contact.get("telefoon")),
        "email": contact.get("email"),
        "address": postal_address(org["adres"]),
        "contactPoint": [contact_point],
        "areaServed": [{"@type": "AdministrativeArea", "name": g} for g in gemeenten],
        "parentOrganization": [_swv(site, s["id"]) for s in site.swv_lijst],
    })


def website(site: m.Site, site_url: str | None) -> dict | None:
    if not site_url:
        return None
    return _node({
        "@type": "WebSite",
        "name": plain(site.organisatie["naam"]),
        "url": absolute_url(site_url, HOME_PAGE),
        "inLanguage": LANGUAGE,
        "publisher": {"@id": absolute_url(site_url, HOME_PAGE, "organisatie")},
    })


def breadcrumbs(record: m.Record, site_url: str | None) -> dict:
    overview_name, overview_page = OVERVIEWS[record.type.folder or ""]
    trail = [(HOME_NAME, HOME_PAGE), (overview_name, overview_page), (record.title, record.page)]
    return _node({
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": plain(name),
             "item": absolute_url(site_url, page)}
            for position, (name, page) in enumerate(trail, start=1)
        ],
    })


def faq_page(site: m.Site, thema: m.Record, site_url: str | None) -> dict:
    return _node({
        "@type": "FAQPage",
        "@id": absolute_url(site_url, thema.page),
        "url": absolute_url(site_url, thema.page),
        "name": plain(thema["titel"]),
        "description": plain(thema["samenvatting"]),
        "inLanguage": LANGUAGE,
        "mainEntity": [
            {
                "@type": "Question",
                "name": plain(vraag["vraag"]),
                "url": absolute_url(site_url, thema.page, vraag["id"]),
                "acceptedAnswer": {"@type": "Answer", "text": markdown_text(vraag["antwoord"])},
            }
            for vraag in thema["vragen"] if vraag
        ],
    })


def how_to(site: m.Site, procedure: m.Record, site_url: str | None) -> dict:
    """A procedure as a HowTo. Google no longer shows HowTo rich results, but
    schema.org HowTo is still the vocabulary for an ordered list of steps."""
    stappen = [s for s in procedure["stappen"] if s]
    supplies = dict.fromkeys(plain(d) for s in stappen for d in s["documenten"] if d)
    return _node({
        "@type": "HowTo",
        "@id": absolute_url(site_url, procedure.page),
        "url": absolute_url(site_url, procedure.page),
        "name": plain(procedure["titel"]),
        "description": plain(procedure["samenvatting"]),
        "inLanguage": LANGUAGE,
        "supply": [{"@type": "HowToSupply", "name": name} for name in supplies if name],
        "step": [
            {
                "@type": "HowToStep",
                "position": number,
                "name": plain(stap["titel"]),
                "text": markdown_text(stap["wat"]),
                "url": absolute_url(site_url, procedure.page, f"stap-{number}"),
            }
            for number, stap in enumerate(procedure["stappen"], start=1) if stap
        ],
    })


_PO_NIVEAUS = {"basisonderwijs", "sbo", "so"}


def school_type(site: m.Site, school: m.Record) -> str:
    """ElementarySchool for PO, HighSchool for VO (by the school's SWV, else its
    niveaus), EducationalOrganization when that says nothing."""
    swv = next((s for s in site.swv_lijst if s.get("id") == school["swv"]), None)
    sector = swv["sector"] if swv else None
    if sector is None and school["niveaus"]:
        sector = "po" if set(school["niveaus"]) <= _PO_NIVEAUS else "vo"
    return {"po": "ElementarySchool", "vo": "HighSchool"}.get(sector or "",
                                                              "EducationalOrganization")


def school(site: m.Site, record: m.Record, site_url: str | None) -> dict:
    page_url = absolute_url(site_url, record.page)
    return _node({
        "@type": school_type(site, record),
        "@id": page_url and page_url + "#school",
        "name": plain(record["naam"]),
        "description": plain(record["samenvatting"]),
        "url": record["website"] or page_url,
        "mainEntityOfPage": page_url,
        "address": postal_address(record["adres"]),
        "telephone": international_phone(record["telefoon"]),
        "email": record["email"],
        "identifier": [
            {"@type": "PropertyValue", "propertyID": "BRIN-vestigingsnummer",
             "value": f"{record['brin']}{record['vestiging']}"},
            {"@type": "PropertyValue", "propertyID": "BRIN", "value": record["brin"]},
        ],
        "memberOf": _swv(site, record["swv"]),
    })


# Voorzieningen a pupil is enrolled at: schools in their own right.
SCHOOL_VOORZIENINGEN = {
    "sbo": "ElementarySchool",
    "so": "ElementarySchool",
    "vso": "HighSchool",
    "praktijkonderwijs": "HighSchool",
}


def voorziening(site: m.Site, record: m.Record, site_url: str | None) -> dict:
    """SBO, SO, VSO and praktijkonderwijs are schools: a pupil enrols there, with
    a TLV. They are ElementarySchool or HighSchool. Every other voorziening (OPDC,
    Rebound, maatwerk, plusklas, ISK, arrangement ...) is something a pupil gets
    for a while, often staying enrolled at the own school: a Service, with its
    audience (age, doelgroep), locations and contact as a ServiceChannel."""
    page_url = absolute_url(site_url, record.page)
    contact = record["contact"] or {}
    leeftijd = record["leeftijd"] or {}
    places = _places(record["locaties"])
    common = {
        "@id": page_url and page_url + "#voorziening",
        "name": plain(record["naam"]),
        "description": plain(record["samenvatting"]),
        "url": contact.get("website") or page_url,
        "mainEntityOfPage": page_url,
    }
    schema_type = SCHOOL_VOORZIENINGEN.get(record["type"])
    if schema_type:
        return _node({
            "@type": schema_type,
            **common,
            "address": places[0]["address"] if places else None,
            "location": places,
            "telephone": international_phone(contact.get("telefoon")),
            "email": contact.get("email"),
        })
    return _node({
        "@type": "Service",
        **common,
        "serviceType": m.VOORZIENING_TYPES[record["type"]],
        "audience": {
            "@type": "PeopleAudience",
            "audienceType": plain(record["doelgroep"]),
            "suggestedMinAge": leeftijd.get("van"),
            "suggestedMaxAge": leeftijd.get("tot"),
        },
        "availableChannel": {
            "@type": "ServiceChannel",
            "serviceLocation": places,
            "servicePhone": {
                "@type": "ContactPoint",
                "name": plain(contact.get("naam")),
                "telephone": international_phone(contact.get("telefoon")),
                "email": contact.get("email"),
            },
            "serviceUrl": contact.get("website"),
        },
    })


def defined_terms(site: m.Site, site_url: str | None) -> dict:
    """The begrippenlijst as a DefinedTermSet; each begrip keeps its anchor."""
    set_url = absolute_url(site_url, BEGRIPPEN_PAGE)
    return _node({
        "@type": "DefinedTermSet",
        "@id": set_url,
        "url": set_url,
        "name": "Begrippenlijst",
        "inLanguage": LANGUAGE,
        "hasDefinedTerm": [
            {
                "@type": "DefinedTerm",
                "name": plain(b["term"]),
                "termCode": plain(b["afkorting"]),
                "description": plain(b["uitleg"]),
                "url": absolute_url(site_url, BEGRIPPEN_PAGE, b["id"]),
                "inDefinedTermSet": set_url,
            }
            for b in site.begrippen_lijst
        ],
    })


def jsonld(site: m.Site, page_path: str, site_url: str | None) -> list[dict]:
    """The JSON-LD objects for one page; [] for pages without structured data."""
    if page_path in (HOME_PAGE, CONTACT_PAGE):
        nodes: list[dict | None] = [organisation(site, site_url)]
        if page_path == HOME_PAGE:
            nodes.append(website(site, site_url))
        return [n for n in nodes if n]
    if page_path == BEGRIPPEN_PAGE:
        return [defined_terms(site, site_url)]
    record = structured_record(site, page_path)
    if record is None:
        return []
    build = RECORD_NODES[record.type.name]
    return [build(site, record, site_url), breadcrumbs(record, site_url)]


# The main node of a record's page, per type with `structured=True` in the model.
RECORD_NODES: dict[str, Callable[[m.Site, m.Record, str | None], dict]] = {
    "thema": faq_page,
    "procedure": how_to,
    "school": school,
    "voorziening": voorziening,
}
