"""What the footer and the printed page show on every page, from organisatie.yml:
the steunpunt's phone (a tap target) and e-mail, the pages for contact and
opening hours, privacy and toegankelijkheid, and the date each page was last
checked.

A record's page was checked when its record was (`gecontroleerd_op`); a
hand-written page shows the organisation's date, the date the steunpunt last
checked its own details. The engine hands these values to the theme's templates.
"""

from __future__ import annotations

from swvsite.content import model as m
from swvsite.pages import safe
from swvsite.pages.addresses import CONTACT_PAGE, url_path
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
