"""Nieuws: the order of the items, and the lists of them on other pages.

The page of one item is in `records`; the feeds are in `feeds`.
"""

from __future__ import annotations

from swvsite.content import model as m
from swvsite.pages import safe
from swvsite.pages.labels import dutch_block
from swvsite.pages.markup import bullets, datum, join, page_link

NIEUWS_INDEX = "nieuws/index.md"


def nieuws_sorted(site: m.Site) -> list[m.Record]:
    """Newest first; on the same day by title."""
    return sorted(site.nieuws.values(), key=lambda r: (-r["datum"].toordinal(), r["titel"]))


def nieuws_list(from_page: str, items: list[m.Record]) -> str:
    return dutch_block(bullets([f"{datum(n['datum'])}: {page_link(from_page, n.title, n.page)}"
                                for n in items]))


def nieuws_overzicht(site: m.Site, here: str, aantal: int | None = None) -> str:
    items = nieuws_sorted(site)[:aantal] if aantal else nieuws_sorted(site)
    if not items:
        return "Er zijn nog geen nieuwsberichten."
    return bullets([
        f"{datum(n['datum'])}: {page_link(here, n.title, n.page)}. "
        f"{safe.text(n['samenvatting'])}"
        for n in items
    ])


def nieuws_kort(site: m.Site, here: str) -> str:
    """The three newest items, for the home page."""
    return join(nieuws_overzicht(site, here, 3),
                page_link(here, "Al het nieuws", NIEUWS_INDEX) + ".") if site.nieuws else ""
