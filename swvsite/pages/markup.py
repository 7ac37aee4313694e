"""The Markdown flavour of the site: the building blocks every generated page is made of.

Headings (with anchors, optionally kept out of search), definition lists, bullets,
sections, relative links between source pages, links to the site itself written in
text (`procedure:tlv-aanvragen#stap-2`), contact details, and the front matter of a
generated page. Plain Python, no MkDocs; every piece of content text goes through
`safe`.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
from dataclasses import dataclass

from swvsite.content import model as m
from swvsite.pages import safe
from swvsite.pages.addresses import BEGRIPPEN_PAGE, CONTACT_PAGE

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")

# Generated pages are data: never rendered as a Jinja template.
FRONT_MATTER = "---\nrender_macros: false\n---\n\n"


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build adds to docs/: its source path and its Markdown."""

    path: str
    markdown: str


def titled(front_matter: str, title: str) -> str:
    """Front matter with the page title given explicitly, HTML-escaped.

    Without it MkDocs takes the title from the rendered h1, and Material prints
    that in <title> through Jinja's `striptags`, which turns &lt; back into <: a
    naam such as `</title><script>...` became markup in <head>. Material prints
    `page.meta.title` as is, in <title> and in the header."""
    escaped = html.escape(" ".join(title.split()))
    return front_matter.replace("\n---\n\n", f"\ntitle: {json.dumps(escaped)}\n---\n\n", 1)


# --------------------------------------------------------------------------
# Links
# --------------------------------------------------------------------------


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
        found = site_link_page(site, kind, value)
        if found is None:
            return None
        page, page_anchor = found
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


# --------------------------------------------------------------------------
# Blocks
# --------------------------------------------------------------------------


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


def block(css_class: str, body: str) -> str:
    """Wrap generated Markdown in a div (md_in_html), e.g. to keep a step together in print."""
    return f'<div class="{css_class}" markdown>\n\n{body.strip()}\n\n</div>'


# --------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------


def datum(value: dt.date | None) -> str:
    if value is None:
        return ""
    return f"{value.day} {MAANDEN[value.month - 1]} {value.year}"


def ja_nee(value: bool | None) -> str:
    return "" if value is None else ("Ja" if value else "Nee")


def telefoon(number: str | None) -> str:
    return f"[{safe.text(number)}]({safe.tel_url(number)})" if number else ""


def email(address: str | None) -> str:
    """A mail link; a long address may break before its @, nowhere else (swvsite.css)."""
    if not address:
        return ""
    local, at, domain = address.partition("@")
    shown = (f'<span class="swv-mail-deel">{safe.text(local)}</span><wbr>'
             f'<span class="swv-mail-deel">@{safe.text(domain)}</span>'
             if at else safe.text(address))
    return f"[{shown}](mailto:{address})"


def website(url: str | None, label: str | None = None) -> str:
    return safe.link(label or url, url) if url else ""


def adres(value: dict | None) -> str:
    """Street, then postcode and place: each part kept on one line (swvsite.css)."""
    if not value:
        return ""
    street = safe.text(value["straat"])
    place = safe.text(f"{value['postcode']} {value['plaats']}")
    return (f'<span class="swv-adres-deel">{street}</span>, '
            f'<span class="swv-adres-deel">{place}</span>')


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


# --------------------------------------------------------------------------
# What many pages show
# --------------------------------------------------------------------------


def gecontroleerd(record: m.Record) -> str:
    return f"*Laatst gecontroleerd op {datum(record['gecontroleerd_op'])}.*"


def next_steps(from_page: str) -> str:
    return section(
        "Vragen of hulp nodig?",
        "Komt u er niet uit, of wilt u meedenken met iemand? Het steunpunt helpt u gratis. "
        f"{page_link(from_page, 'Neem contact op met het steunpunt', CONTACT_PAGE)}.",
        searchable=False,  # the same on every page
    )


def record_list(from_page: str, records: list[m.Record]) -> str:
    """Links to records, each with its samenvatting."""
    return bullets([
        f"{page_link(from_page, r.title, r.page)}: {safe.text(r['samenvatting'])}"
        for r in records
    ])


def vraag_list(from_page: str, vragen: list[tuple[m.Record, dict]]) -> str:
    return bullets([page_link(from_page, v["vraag"], t.page, v["id"]) for t, v in vragen])


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
