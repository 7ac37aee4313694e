"""Structured data: schema.org JSON-LD, Open Graph meta and the /data/ exports.

Plain Python, no MkDocs: every function takes the `Site`, the source path of a
page (relative to docs/, as `Record.page`: `procedures/tlv-aanvragen.md`) and
the public address of the site (`site_url`, may be None). The MkDocs plugin
puts the results into each page's <head> and into /data/.

Text in JSON-LD is always plain text: plain text fields as typed (white space
folded), Markdown fields rendered with the site's own safe Markdown and then
reduced to their text, so no content HTML ever reaches a consumer that reads a
value as HTML. `json_script` makes sure nothing in the data can end the
<script> element it sits in.

Without a `site_url` no url, item or @id is emitted in JSON-LD and Open Graph
(a relative address means nothing to a search engine); the exports then use
site-relative paths (`/voorzieningen/<id>/`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html import escape
from html.parser import HTMLParser
from typing import Any

import markdown as markdown_lib

from swvsite import __version__
from swvsite.content import model as m
from swvsite.pages import safe

CONTEXT = "https://schema.org"
LANGUAGE = "nl"
HOME_PAGE = "index.md"
CONTACT_PAGE = "contact.md"
BEGRIPPEN_PAGE = "begrippen.md"

# Overview page and its name in the nav, per record folder: the breadcrumb trail.
OVERVIEWS = {
    "voorzieningen": ("Voorzieningen", "voorzieningen/index.md"),
    "scholen": ("Scholen", "scholen/index.md"),
    "procedures": ("Procedures", "procedures/index.md"),
    "vragen": ("Veelgestelde vragen", "vragen/index.md"),
}
HOME_NAME = "Home"


# --------------------------------------------------------------------------
# Addresses
# --------------------------------------------------------------------------


def url_path(page_path: str) -> str:
    """The site-relative address of a source page (directory URLs, no leading /):
    `index.md` -> ``, `contact.md` -> `contact/`, `scholen/index.md` -> `scholen/`."""
    stem = page_path[:-3] if page_path.endswith(".md") else page_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def absolute_url(site_url: str | None, page_path: str, anchor: str | None = None) -> str | None:
    """The absolute address of a page (and anchor), or None without a site_url."""
    if not site_url:
        return None
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + url_path(page_path) + (f"#{anchor}" if anchor else "")


def file_url(site_url: str | None, path: str) -> str:
    """A file's address (`data/index.json`): absolute with a site_url, else from the root."""
    if not site_url:
        return "/" + path
    return (site_url if site_url.endswith("/") else site_url + "/") + path


def _export_url(site_url: str | None, page_path: str, anchor: str | None = None) -> str:
    """For the exports: absolute with a site_url, else a path from the site root."""
    return absolute_url(site_url, page_path, anchor) or (
        "/" + url_path(page_path) + (f"#{anchor}" if anchor else ""))




def _record_at(site: m.Site, page_path: str) -> m.Record | None:
    """The record whose own page is `page_path`, if its type has structured data."""
    record = site.records_by_page.get(page_path)
    return record if record is not None and record.type.structured else None


def _title(record: m.Record) -> str:
    return record.title


# --------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------


def plain(value: str | None) -> str | None:
    """A plain text field as one line: white space folded."""
    if not value:
        return None
    return " ".join(str(value).split()) or None


class _TextExtractor(HTMLParser):
    """The text of rendered Markdown: paragraphs apart, list items as `- ` lines."""

    _BLOCKS = {"p", "div", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr",
               "h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self._BLOCKS:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(re.sub(r"\s+", " ", data))

    def text(self) -> str:
        lines = [" ".join(line.split()) for line in "".join(self.parts).split("\n")]
        joined = "\n".join(lines)
        joined = re.sub(r"\n{3,}", "\n\n", joined)
        # A list directly after its paragraph, not a blank line apart.
        joined = re.sub(r"\n\n(?=- )", "\n", joined)
        return joined.strip()


_MARKDOWN = markdown_lib.Markdown(
    extensions=["pymdownx.escapeall", safe.SafeLinksExtension()],
    extension_configs={"pymdownx.escapeall": {"hardbreak": False, "nbsp": False}},
)


# Anything Markdown (or safe.markdown) could turn into something else than plain
# paragraphs: inline markup, escapes, HTML, entities, lists, headings, quotes,
# rules, code blocks, hard line breaks (a tab becomes four spaces).
_MARKUP = re.compile(r"[*_`\[\]<>&\\!#|~^={}\t]|^ *(?:[-+>]|\d+[.)])|^ {4}| {2,}$", re.M)


def markdown_text(value: str | None) -> str | None:
    """A Markdown field as plain text: rendered exactly as the site renders it
    (through `safe.markdown`), then only the text kept; links keep their label."""
    if not value:
        return None
    if not _MARKUP.search(value):  # plain paragraphs: their text is the text
        paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", value.strip()))
        return "\n\n".join(p for p in paragraphs if p) or None
    html_out = _MARKDOWN.reset().convert(safe.markdown(value))
    extractor = _TextExtractor()
    extractor.feed(html_out)
    extractor.close()
    return extractor.text() or None


# --------------------------------------------------------------------------
# JSON-LD building blocks
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


_DAYS = {
    "maandag": "Monday", "ma": "Monday",
    "dinsdag": "Tuesday", "di": "Tuesday",
    "woensdag": "Wednesday", "wo": "Wednesday",
    "donderdag": "Thursday", "do": "Thursday",
    "vrijdag": "Friday", "vr": "Friday",
    "zaterdag": "Saturday", "za": "Saturday",
    "zondag": "Sunday", "zo": "Sunday",
}
_WEEK = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_DAY_GROUPS = {
    "werkdagen": _WEEK[:5], "werkdag": _WEEK[:5], "doordeweeks": _WEEK[:5],
    "weekend": _WEEK[5:], "weekenddagen": _WEEK[5:], "elke dag": _WEEK, "dagelijks": _WEEK,
    "alle dagen": _WEEK,
}
_TIME = r"(\d{1,2})(?:[.:](\d{2}))?"
_TIME_RANGE = re.compile(rf"^(?:van\s+)?{_TIME}\s*(?:-|–|tot)\s*{_TIME}$")


def parse_days(text: str) -> list[str] | None:
    """Dutch days ("Maandag, dinsdag en donderdag", "maandag t/m vrijdag",
    "werkdagen") as schema.org day names in week order; None if not understood."""
    folded = " ".join(text.lower().replace(".", " ").split())
    if folded in _DAY_GROUPS:
        return list(_DAY_GROUPS[folded])
    folded = re.sub(r"\s*(?:\bt/m\b|\btot en met\b|\btot\b|–|-)\s*", " ~ ", folded)
    days: set[str] = set()
    for part in re.split(r"\s*(?:,|&|\ben\b)\s*", folded):
        if not part:
            continue
        ends = [p.strip() for p in part.split("~")]
        if any(e not in _DAYS for e in ends) or len(ends) > 2:
            return None
        first, last = _WEEK.index(_DAYS[ends[0]]), _WEEK.index(_DAYS[ends[-1]])
        if last < first:
            return None
        days.update(_WEEK[first:last + 1])
    return [d for d in _WEEK if d in days] or None


def parse_times(text: str) -> list[tuple[str, str]] | None:
    """Dutch time ranges ("9.00 - 12.30 uur en 19.00 - 20.30 uur") as
    ("09:00", "12:30") pairs; None if any part is not understood."""
    folded = " ".join(text.lower().replace("uur", " ").split())
    ranges = []
    for part in re.split(r"\s*(?:,|;|\ben\b)\s*", folded):
        if not part:
            continue
        match = _TIME_RANGE.match(part)
        if not match:
            return None
        h1, m1, h2, m2 = (int(x) if x else 0 for x in match.groups())
        if not (0 <= h1 <= 24 and 0 <= h2 <= 24 and m1 < 60 and m2 < 60):
            return None
        opens, closes = f"{h1:02d}:{m1:02d}", f"{h2:02d}:{m2:02d}"
        if closes <= opens:
            return None
        ranges.append((opens, closes))
    return ranges or None


def opening_hours(openingstijden: list[dict]) -> tuple[list[dict], list[str]]:
    """OpeningHoursSpecification objects for the entries that can be parsed, and
    the others as text lines ("Dagen: tijden") for a description."""
    specs: list[dict] = []
    rest: list[str] = []
    for entry in openingstijden:
        if not entry:
            continue
        days = parse_days(entry["dagen"])
        times = parse_times(entry["tijden"])
        if not days or not times:
            rest.append(f"{plain(entry['dagen'])}: {plain(entry['tijden'])}")
            continue
        for opens, closes in times:
            specs.append({
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [f"https://schema.org/{d}" for d in days],
                "opens": opens,
                "closes": closes,
            })
    return specs, rest


# --------------------------------------------------------------------------
# JSON-LD per page type
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
    overview_name, overview_page = OVERVIEWS[record.type.folder]
    trail = [(HOME_NAME, HOME_PAGE), (overview_name, overview_page), (_title(record), record.page)]
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
    return {"po": "ElementarySchool", "vo": "HighSchool"}.get(sector, "EducationalOrganization")


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
        nodes = [organisation(site, site_url)]
        if page_path == HOME_PAGE:
            nodes.append(website(site, site_url))
        return [n for n in nodes if n]
    if page_path == BEGRIPPEN_PAGE:
        return [defined_terms(site, site_url)]
    record = _record_at(site, page_path)
    if record is None:
        return []
    build = {
        "thema": faq_page,
        "procedure": how_to,
        "school": school,
        "voorziening": voorziening,
    }[record.type.name]
    return [build(site, record, site_url), breadcrumbs(record, site_url)]


def json_script(data: dict | list) -> str:
    """A <script type="application/ld+json"> element. `</` becomes `<\\/` and
    `<!--` becomes `<\\u0021--` (both the same JSON), so no text in the data can
    close the element or switch the HTML parser into a state where it would not
    see the closing tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("</", "<\\/").replace("<!--", "<\\u0021--")
    return f'<script type="application/ld+json">{text}</script>'


# --------------------------------------------------------------------------
# Open Graph and the meta description
# --------------------------------------------------------------------------


def description(site: m.Site, page_path: str) -> str | None:
    """The samenvatting of the page's record (the steunpunt's on the home and
    contact pages) for <meta name="description">; None for other pages."""
    return _description(site, page_path)


def _description(site: m.Site, page_path: str) -> str | None:
    if page_path in (HOME_PAGE, CONTACT_PAGE):
        return plain(site.organisatie["samenvatting"])
    record = _record_at(site, page_path)
    return plain(record["samenvatting"]) if record is not None else None


def opengraph(site: m.Site, page_path: str, site_url: str | None, title: str | None,
              description: str | None = None) -> dict[str, str]:
    """Open Graph and Twitter card meta, name -> content (not escaped yet).
    Record pages use their own title and samenvatting, the home page the
    steunpunt's name; other pages `title` and `description` (say, the page's
    meta description or the site's)."""
    record = _record_at(site, page_path)
    if record is not None:
        page_title = plain(_title(record))
    elif page_path == HOME_PAGE:  # its nav title is "Home"
        page_title = plain(site.organisatie["naam"])
    else:
        page_title = plain(title)
    text = _description(site, page_path) or plain(description)
    tags = {
        "og:title": page_title or plain(site.organisatie["naam"]),
        "og:description": text,
        "og:type": "website" if page_path == HOME_PAGE else "article",
        "og:url": absolute_url(site_url, page_path),
        "og:locale": "nl_NL",
        "og:site_name": plain(site.organisatie["naam"]),
        "twitter:card": "summary",
    }
    return {k: v for k, v in tags.items() if v}


def meta_tags(tags: dict[str, str]) -> str:
    """<meta> elements for `opengraph`'s result: og:* as property=, the rest as
    name=; every value HTML-escaped."""
    lines = []
    for key, value in tags.items():
        attribute = "property" if key.startswith("og:") else "name"
        lines.append(f'<meta {attribute}="{escape(key, quote=True)}" '
                     f'content="{escape(value, quote=True)}">')
    return "\n".join(lines)


def head_html(site: m.Site, page_path: str, site_url: str | None, title: str | None,
              description: str | None = None) -> str:
    """Everything this module adds to a page's <head>: Open Graph meta and one
    JSON-LD script (if the page has structured data)."""
    parts = [meta_tags(opengraph(site, page_path, site_url, title, description))]
    nodes = jsonld(site, page_path, site_url)
    if nodes:
        parts.append(json_script(nodes if len(nodes) > 1 else nodes[0]))
    return "\n".join(parts) + "\n"


# --------------------------------------------------------------------------
# Exports: /data/*.json
# --------------------------------------------------------------------------

DATA_DIR = "data"
EXPORT_VERSION = 1

# File name, record type, records in the file.
_EXPORTS = (
    ("voorzieningen.json", m.VOORZIENING),
    ("scholen.json", m.SCHOOL),
    ("procedures.json", m.PROCEDURE),
    ("vragen.json", m.THEMA),
    ("begrippen.json", m.BEGRIPPEN),
    ("organisatie.json", m.ORGANISATIE),
    ("nieuws.json", m.NIEUWS),
)


class _Encoded(str):
    """A record already written as compact JSON (see `exports`' memo)."""


class _Exporter:
    def __init__(self, site: m.Site, site_url: str | None, memo: dict | None = None):
        self.site = site
        self.site_url = site_url
        self.vraag_pages = {v["id"]: t.page for t, v in site.vragen() if v.get("id")}
        self.memo = memo
        if memo is not None:
            # A record's export shows its own data and, for each reference, whether
            # the record it points to exists (its address): the ids of everything.
            ids = "\x1e".join(sorted(f"{r.type.name}:{r.id}" for r in site.all_records()))
            ids += "\x1e".join(sorted(f"{k}:{v}" for k, v in self.vraag_pages.items()))
            self.context = (site_url, hash(ids))
            self.previous = dict(memo)
            memo.clear()

    def encoded(self, record: m.Record) -> dict | str:
        """A folder record's export; from the memo when neither the record nor the
        ids it can point to changed."""
        if self.memo is None or not record.digest:
            return self.record(record, record.page)
        key = (record.path, record.digest, self.context)
        line = self.previous.get(key)
        if line is None:
            line = _Encoded(_compact(self.record(record, record.page)))
        self.memo[key] = line
        return line

    def url(self, page_path: str, anchor: str | None = None) -> str:
        return _export_url(self.site_url, page_path, anchor)

    def ref(self, target: str, value: str) -> dict:
        if target == "vraag":
            url = self.url(self.vraag_pages[value], value) if value in self.vraag_pages else None
        elif target == "swv":
            url = self.url(CONTACT_PAGE)
        else:
            record = self.site.records(target).get(value)
            url = self.url(record.page) if record is not None else None
        return {"id": value, "url": url}

    def value(self, ftype: m.FieldType, value: Any) -> Any:
        if value is None:
            return [] if isinstance(ftype, m.ListOf) else None
        if isinstance(ftype, m.Obj):
            result = {f.name: self.value(f.type, value.get(f.name)) for f in ftype.fields}
            if ftype.name == "vraag" and result.get("id") and result["id"] in self.vraag_pages:
                anchor_url = self.url(self.vraag_pages[result["id"]], result["id"])
                result = {"id": result["id"], "url": anchor_url, **result}
            return result
        if isinstance(ftype, m.ListOf):
            return [self.value(ftype.item, item) for item in value if item is not None]
        if isinstance(ftype, m.Choice):
            return {"waarde": value, "label": ftype.options.get(value)}
        if isinstance(ftype, m.Ref):
            return self.ref(ftype.target, value)
        if isinstance(ftype, m.Date):
            return value.isoformat() if isinstance(value, dt.date) else value
        return value

    def record(self, record: m.Record, page_path: str) -> dict:
        fields = {f.name: self.value(f.type, record.data.get(f.name))
                  for f in record.type.all_fields}
        return {"id": record.id, "url": self.url(page_path), **fields}

    def records(self, rtype: m.RecordType) -> tuple[list[dict], dict]:
        """The records of one type, and extra top-level keys for its file."""
        site = self.site
        if rtype is m.ORGANISATIE:
            return [self.record(site.organisatie, CONTACT_PAGE)], {}
        if rtype is m.BEGRIPPEN:
            begrip = m.BEGRIPPEN.fields[0].type.item  # the Begrip object type
            entries = []
            for b in site.begrippen_lijst:
                fields = self.value(begrip, b)
                entries.append({"id": b["id"], "url": self.url(BEGRIPPEN_PAGE, b["id"]),
                                **{k: v for k, v in fields.items() if k != "id"}})
            gecontroleerd = site.begrippen["gecontroleerd_op"]
            return entries, {"gecontroleerd_op": gecontroleerd.isoformat()
                             if gecontroleerd else None}
        records = sorted(site.records(rtype.name).values(), key=lambda r: r.id)
        return [self.encoded(r) for r in records], {}


def _dumps(data: dict) -> str:
    """JSON with every top-level key on a line of its own and every element of a
    list value (every record) on one line: readable and diffable by line, and
    written by json's C encoder (`indent` would make it five times slower)."""
    lines = []
    for key, value in data.items():
        start = f"{_compact(key)}:"
        if isinstance(value, list) and value:
            items = ",\n".join(item if isinstance(item, _Encoded) else _compact(item)
                                for item in value)
            lines.append(f"{start}[\n{items}\n]")
        else:
            lines.append(f"{start}{_compact(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _last_checked(site: m.Site) -> str | None:
    # Not every record type is reviewed (has gecontroleerd_op).
    dates = [r.data["gecontroleerd_op"] for r in site.all_records()
             if r.data.get("gecontroleerd_op")]
    return max(dates).isoformat() if dates else None


def exports(site: m.Site, site_url: str | None, memo: dict | None = None) -> dict[str, str]:
    """File name (inside /data/) -> JSON text, for every export and `index.json`.
    The same content always gives byte-identical files: model order for fields,
    id order for records, no build time. A `memo` (the preview server's, kept
    between calls) keeps each record's JSON for the next call."""
    exporter = _Exporter(site, site_url, memo)
    files: dict[str, str] = {}
    listing = []
    for name, rtype in _EXPORTS:
        records, extra = exporter.records(rtype)
        soort = "begrip" if rtype is m.BEGRIPPEN else rtype.name
        files[name] = _dumps({
            "schemaversie": EXPORT_VERSION,
            "soort": soort,
            "aantal": len(records),
            **extra,
            "records": records,
        })
        entry = {
            "bestand": name,
            "url": file_url(site_url, f"{DATA_DIR}/{name}"),
            "soort": soort,
            "titel": rtype.title,
            "aantal": len(records),
        }
        if rtype is m.THEMA:
            entry["aantal_vragen"] = len(site.vragen())
        listing.append(entry)
    files["index.json"] = _dumps({
        "schemaversie": EXPORT_VERSION,
        "bron": {
            "generator": f"swvsite {__version__}",
            "organisatie": plain(site.organisatie["naam"]),
            "site": site_url or None,
            "laatst_gecontroleerd_op": _last_checked(site),
        },
        "bestanden": listing,
    })
    return files
