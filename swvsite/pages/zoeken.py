"""The search page /zoeken/: the result list the client
(swvsite/assets/zoeken.js) fills from the sharded index (swvsite.pages.zoekindex),
and the help for when nothing (or little) is found: the steunpunt's phone and
mail and the begrippen. Without JavaScript the page says search needs it and
offers the same help. The search box itself is in every page's header
(overrides/partials/search.html)."""

from __future__ import annotations

from swvsite.content import model as m
from swvsite.pages import bundle, safe
from swvsite.pages.addresses import BEGRIPPEN_PAGE
from swvsite.pages.markup import FRONT_MATTER, GeneratedPage, email, join, page_link, telefoon

ZOEKPAGINA = "zoeken.md"


def hulp(site: m.Site) -> str:
    contact = site.organisatie["contact"]
    wegen = [f"bel {telefoon(contact['telefoon'])}" if contact.get("telefoon") else "",
             f"mail naar {email(contact['email'])}" if contact.get("email") else ""]
    wegen = [w for w in wegen if w]
    naam = safe.text(contact.get("naam") or site.organisatie["naam"])
    return (f"Vindt u niet wat u zoekt? Vraag het {naam}: {' of '.join(wegen)}. "
            f"Of kijk bij de {page_link(ZOEKPAGINA, 'begrippen', BEGRIPPEN_PAGE)}: "
            "daar staat wat woorden betekenen.\n{: #swv-zoek-hulp .swv-zoek-hulp }")


def zoekpagina(site: m.Site) -> GeneratedPage:
    return GeneratedPage(ZOEKPAGINA, FRONT_MATTER + join(
        "# Zoeken",
        "Zoeken werkt alleen als JavaScript aan staat in uw browser.\n"
        "{: #swv-zoeken-zonderjs .swv-zoeken-zonderjs }",
        '<p id="swv-zoek-status" class="swv-zoek-status" role="status"></p>',
        '<p id="swv-bedoelde-u" class="swv-bedoelde-u" hidden></p>',
        '<ol id="swv-zoek-resultaten" class="swv-zoek-resultaten"></ol>',
        hulp(site),
        f'<script src="../{bundle.SEARCH_SCRIPT}" defer></script>',
    ))
