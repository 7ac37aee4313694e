"""Filterable overviews of voorzieningen and schools.

Without JavaScript an overview is a plain grouped list, with links to one page
per facet value (for example every school that offers support for autisme).
With JavaScript (swvsite/assets/swvsite-filter.js, part of the site's one script,
see `bundle`) a form above the list filters it instantly and announces the number
of results to screen readers. Its styles are swvsite/assets/swvsite.css.

Everything from content is escaped here: facet values become data attributes
(slugs), labels and names are HTML-escaped or go through `safe`.
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass

from swvsite.content import model as m
from swvsite.pages import safe
from swvsite.pages.addresses import CONTACT_PAGE
from swvsite.pages.markup import (
    FRONT_MATTER,
    NOT_SEARCHED,
    GeneratedPage,
    heading,
    join,
    page_link,
    telefoon,
)


@dataclass(frozen=True)
class Facet:
    key: str          # data attribute suffix and form field name
    label: str        # what the visitor sees above the select
    alle: str         # the "no filter" option
    options: dict[str, str]  # value -> label


@dataclass(frozen=True)
class Item:
    record: m.Record
    values: dict[str, list[str]]  # facet key -> values of this record
    text: str                     # Markdown shown after the link


# --------------------------------------------------------------------------
# Voorzieningen
# --------------------------------------------------------------------------


def voorziening_facets(site: m.Site) -> list[Facet]:
    used = {v["type"] for v in site.voorzieningen.values()}
    return [
        Facet("type", "Soort voorziening", "Alle soorten",
              {k: label for k, label in m.VOORZIENING_TYPES.items() if k in used}),
        Facet("sector", "Onderwijs", "Basisschool en middelbare school", dict(m.SECTOREN)),
        Facet("tlv", "Toelaatbaarheidsverklaring (TLV)", "Met en zonder TLV",
              {"nodig": "TLV nodig", "niet-nodig": "Geen TLV nodig"}),
    ]


def voorziening_items(site: m.Site) -> list[Item]:
    items = []
    for v in sorted(site.voorzieningen.values(), key=lambda r: r["naam"].lower()):
        leeftijd = v["leeftijd"]
        text = safe.text(v["samenvatting"])
        if leeftijd:
            text += f" *{leeftijd['van']} tot en met {leeftijd['tot']} jaar.*"
        if v["tlv_nodig"]:
            text += " *TLV nodig.*"
        items.append(Item(v, {
            "type": [v["type"]],
            "sector": list(v["sector"]),
            "tlv": ["nodig" if v["tlv_nodig"] else "niet-nodig"],
            "leeftijd": [f"{leeftijd['van']}-{leeftijd['tot']}"] if leeftijd else [],
        }, text))
    return items


def voorzieningen_overzicht(site: m.Site, here: str) -> str:
    facets = voorziening_facets(site)
    items = voorziening_items(site)
    groups = defaultdict(list)
    for item in items:
        groups[item.record["type"]].append(item)
    body = [_group(m.VOORZIENING_TYPES[key], groups[key], here)
            for key in m.VOORZIENING_TYPES if groups.get(key)]
    return join(
        _form("voorzieningen", facets, "voorziening", "voorzieningen",
              steunpunt_help(site, here), with_age=True),
        _facet_links(facets, "voorzieningen", here),
        _filterable("voorzieningen", "\n\n".join(body)),
    )


# --------------------------------------------------------------------------
# Schools
# --------------------------------------------------------------------------


def school_facets(site: m.Site) -> list[Facet]:
    gemeenten = sorted({s["gemeente"] for s in site.scholen.values()})
    niveaus = {n for s in site.scholen.values() for n in s["niveaus"]}
    soorten = {k for s in site.scholen.values() for e in s["extra_ondersteuning"] if e
               for k in e["soort"]}
    return [
        Facet("gemeente", "Gemeente", "Alle gemeenten", {m.slugify(g): g for g in gemeenten}),
        Facet("niveau", "Onderwijs", "Alle soorten onderwijs",
              {k: label for k, label in m.NIVEAUS.items() if k in niveaus}),
        Facet("soort", "Extra ondersteuning bij", "Alle ondersteuning",
              {k: label for k, label in m.ONDERSTEUNINGSSOORTEN.items() if k in soorten}),
    ]


def school_items(site: m.Site) -> list[Item]:
    items = []
    for s in sorted(site.scholen.values(), key=lambda r: r["naam"].lower()):
        soorten = sorted({k for e in s["extra_ondersteuning"] if e for k in e["soort"]})
        niveaus = ", ".join(m.NIVEAUS[n] for n in s["niveaus"])
        items.append(Item(s, {
            "gemeente": [m.slugify(s["gemeente"])],
            "niveau": list(s["niveaus"]),
            "soort": soorten,
        }, safe.text(f"{niveaus}.")))
    return items


def scholen_overzicht(site: m.Site, here: str) -> str:
    facets = school_facets(site)
    groups = defaultdict(list)
    for item in school_items(site):
        groups[item.record["gemeente"]].append(item)
    body = [_group(gemeente, groups[gemeente], here) for gemeente in sorted(groups)]
    return join(
        _form("scholen", facets, "school", "scholen", steunpunt_help(site, here)),
        _facet_links([f for f in facets if f.key != "gemeente"], "scholen", here),
        _filterable("scholen", "\n\n".join(body)),
    )


# --------------------------------------------------------------------------
# Facet pages: the same filters without JavaScript
# --------------------------------------------------------------------------


def facet_pages(site: m.Site) -> list[GeneratedPage]:
    pages = []
    for folder, facets, items, noun in (
        ("voorzieningen", voorziening_facets(site), voorziening_items(site), "voorzieningen"),
        ("scholen", school_facets(site), school_items(site), "scholen"),
    ):
        for facet in facets:
            if folder == "scholen" and facet.key == "gemeente":
                continue  # the overview itself is grouped by gemeente
            for value, label in facet.options.items():
                path = facet_page(folder, facet.key, value)
                matching = [i for i in items if value in i.values.get(facet.key, [])]
                pages.append(GeneratedPage(path, FRONT_MATTER + join(
                    heading(1, f"{facet.label}: {label}"),
                    f"{len(matching)} {noun}. "
                    + page_link(path, f"Terug naar alle {noun}", f"{folder}/index.md") + ".",
                    _plain_list(matching, path),
                )))
    return pages


def facet_page(folder: str, key: str, value: str) -> str:
    return f"{folder}/filter/{key}-{value}.md"


def _facet_links(facets: list[Facet], folder: str, here: str) -> str:
    rows = []
    for facet in facets:
        links = ", ".join(page_link(here, label, facet_page(folder, facet.key, value))
                          for value, label in facet.options.items())
        rows.append(f"**{safe.text(facet.label)}:** {links}")
    return block_html("details", "swv-facetten",
                      "<summary>Kies uit een lijst</summary>\n\n" + "\n\n".join(rows),
                      data_search_exclude="true")


# --------------------------------------------------------------------------
# HTML building blocks (md_in_html)
# --------------------------------------------------------------------------


def block_html(tag: str, css_class: str, body: str, **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{html.escape(v)}"' for k, v in attrs.items())
    return f'<{tag} class="{css_class}"{extra} markdown>\n\n{body.strip()}\n\n</{tag}>'


def _filterable(name: str, body: str) -> str:
    return block_html("div", "swv-filter-lijst", body, id=f"lijst-{name}")


def _group(title: str, items: list[Item], here: str) -> str:
    return block_html("div", "swv-groep",
                      join(heading(2, title, searchable=False), _plain_list(items, here)))


def _plain_list(items: list[Item], here: str) -> str:
    lines = []
    for item in items:
        attrs = "".join(f' data-{key}="{html.escape(" ".join(values))}"'
                        for key, values in item.values.items())
        link = page_link(here, item.record.title, item.record.page)
        lines.append(f"<li{attrs} markdown>{link}: "
                     f"{item.text}</li>")
    # The records' own pages are in the search index; a list of them is not.
    return f"<ul {NOT_SEARCHED} markdown>\n" + "\n".join(lines) + "\n</ul>"


def _form(name: str, facets: list[Facet], enkelvoud: str, meervoud: str, help_md: str,
          with_age: bool = False) -> str:
    """The filter form; hidden until the script shows it (useless without it).
    When nothing matches, the script shows `_no_results` with its broader choices."""
    fields = []
    for facet in facets:
        options = "".join(f'<option value="{html.escape(v)}">{html.escape(label)}</option>'
                          for v, label in facet.options.items())
        fields.append(
            f'<div class="swv-filter-veld"><label for="filter-{name}-{facet.key}">'
            f'{html.escape(facet.label)}</label>'
            f'<select id="filter-{name}-{facet.key}" name="{facet.key}">'
            f'<option value="">{html.escape(facet.alle)}</option>{options}</select></div>')
    if with_age:
        fields.append(
            f'<div class="swv-filter-veld"><label for="filter-{name}-leeftijd">Leeftijd van '
            f'uw kind</label><input id="filter-{name}-leeftijd" name="leeftijd" type="number" '
            f'min="0" max="30" inputmode="numeric"></div>')
    form = (f'<form class="swv-filter" data-lijst="lijst-{name}" data-leeg="leeg-{name}" '
            f'data-enkelvoud="{enkelvoud}" data-meervoud="{meervoud}" hidden>\n'
            f'<fieldset><legend>Zoek een {enkelvoud} die past</legend>'
            f'{"".join(fields)}</fieldset>\n'
            f'<p class="swv-filter-telling" role="status" aria-live="polite"></p>\n</form>')
    return join(form, _no_results(name, meervoud, help_md))


def _no_results(name: str, meervoud: str, help_md: str) -> str:
    """What the script shows instead of a dead end when nothing matches: the
    broader choices (buttons it puts in the list) and the steunpunt."""
    return block_html(
        "div", "swv-filter-leeg",
        f"Met deze keuzes vinden we geen {html.escape(meervoud)}. Kies ruimer:\n\n"
        f'<ul class="swv-filter-ruimer"></ul>\n\n{help_md}',
        id=f"leeg-{name}", hidden="hidden")


def steunpunt_help(site: m.Site, here: str) -> str:
    """The steunpunt searches along: its phone (a tap target) and the contact page."""
    phone = telefoon(site.organisatie["contact"].get("telefoon"))
    call = f"bel {phone} of " if phone else ""
    return (f"Weet u niet goed wat u zoekt? Het steunpunt zoekt gratis met u mee: {call}"
            f"kijk op {page_link(here, 'de contactpagina', CONTACT_PAGE)}.")
