"""What the footer and the printed page show on every page, from organisatie.yml:
the steunpunt's phone (a tap target) and e-mail, the pages for contact and
opening hours, privacy and toegankelijkheid, and the date each page was last
checked.

A record's page was checked when its record was (`gecontroleerd_op`); a
hand-written page shows the organisation's date, the date the steunpunt last
checked its own details. The engine hands these values to the theme's templates.
"""

from __future__ import annotations

import html
import re

from swvsite.content import model as m
from swvsite.pages import safe
from swvsite.pages.addresses import CONTACT_PAGE, absolute_url, url_path
from swvsite.pages.legal import PRIVACY_PAGE, TOEGANKELIJKHEID_PAGE
from swvsite.pages.markup import datum

# The heading of the opening hours on the contact page (blocks.contact).
OPENINGSTIJDEN_ANCHOR = "wanneer-zijn-we-bereikbaar"


def footer_values(site: m.Site) -> dict:
    """Plain values (strings, no markup) for the footer and print templates;
    addresses are site-relative (`contact/`), for the theme's `url` filter."""
    org = site.organisatie
    contact = org["contact"]
    phone = contact.get("telefoon")
    return {
        "naam": org["naam"],
        "telefoon": phone or "",
        "tel_url": safe.tel_url(phone) if phone else "",
        "email": contact.get("email") or "",
        "contact": url_path(CONTACT_PAGE),
        "openingstijden": f"{url_path(CONTACT_PAGE)}#{OPENINGSTIJDEN_ANCHOR}",
        "privacy": url_path(PRIVACY_PAGE),
        "toegankelijkheid": url_path(TOEGANKELIJKHEID_PAGE),
        "gecontroleerd": datum(org["gecontroleerd_op"]),
        "gecontroleerd_per_pagina": checked_dates(site),
    }


def checked_dates(site: m.Site) -> dict[str, str]:
    """Source path of each record's page -> the date it was last checked, in words."""
    return {page: datum(record["gecontroleerd_op"])
            for page, record in site.records_by_page.items()
            if record.data.get("gecontroleerd_op")}


def checked_date(site: m.Site, src_uri: str) -> str:
    """The date the page was last checked, in words: its record's, or else the
    organisation's."""
    record = site.records_by_page.get(src_uri)
    if record is not None and record.data.get("gecontroleerd_op"):
        return datum(record["gecontroleerd_op"])
    return datum(site.organisatie["gecontroleerd_op"])


def print_attributes(site: m.Site, src_uri: str, site_url: str | None) -> dict[str, str]:
    """What every printed sheet of a page says at its foot (print.css reads these
    attributes of <html> into the page margin): site name, the page's address,
    the date checked and the steunpunt's phone."""
    checked = checked_date(site, src_uri)
    phone = site.organisatie["contact"].get("telefoon")
    attributes = {"data-swv-naam": site.organisatie["naam"],
                  "data-swv-adres": absolute_url(site_url, src_uri) or "",
                  "data-swv-gecontroleerd": f"Gecontroleerd op {checked}" if checked else "",
                  "data-swv-telefoon": f"Bel het steunpunt: {phone}" if phone else ""}
    return {name: value for name, value in attributes.items() if value}


_HTML_TAG = re.compile(r"<html\b")


def with_print_attributes(page_html: str, attributes: dict[str, str]) -> str:
    """`page_html` with `attributes` on its <html> element."""
    added = "".join(f' {name}="{html.escape(value, quote=True)}"'
                    for name, value in attributes.items())
    return _HTML_TAG.sub(lambda match: match.group(0) + added, page_html, count=1)
