"""The search page /zoeken/: the result list the client
(swvsite/assets/zoeken.js) fills from the sharded index (swvsite.pages.zoekindex),
and the help for when nothing (or little) is found: the begrippen that match
the question, the steunpunt's phone and mail, and the begrippen page. Without
JavaScript the page says search needs it and offers the same help. The search
box itself is in every page's header (overrides/partials/search.html)."""

from __future__ import annotations

import html
import re

from swvsite.content import model as m
from swvsite.pages import bundle, safe
from swvsite.pages.addresses import BEGRIPPEN_PAGE
from swvsite.pages.markup import FRONT_MATTER, GeneratedPage, email, join, page_link, telefoon

ZOEKPAGINA = "zoeken.md"


# The search page's and the search box's own words per language with a search page
# (a language with translated pages gets /<taal>/zoeken/, searching its own pages).
TEKST: dict[str, dict[str, str]] = {
    "nl": {"kop": "Zoeken", "label": "Zoek op deze website", "knop": "Zoeken",
           "begrippen": "Begrippen die bij uw vraag passen",
           "zonder_js": "Zoeken werkt alleen als JavaScript aan staat in uw browser."},
    "en": {"kop": "Search", "label": "Search this website", "knop": "Search",
           "begrippen": "Words that match your question",
           "zonder_js": "Search only works when JavaScript is switched on in your browser."},
    "ar": {"kop": "البحث", "label": "ابحثوا في هذا الموقع", "knop": "بحث",
           "begrippen": "كلمات تناسب سؤالكم",
           "zonder_js": "لا يعمل البحث إلا إذا كان JavaScript مفعّلًا في متصفحكم."},
}


def zoekpagina_pad(taal: str) -> str:
    """The search page of a language in docs/ ('zoeken.md', 'en/zoeken.md')."""
    return ZOEKPAGINA if taal == "nl" else f"{taal}/{ZOEKPAGINA}"


def hulp(site: m.Site, here: str = ZOEKPAGINA) -> str:
    contact = site.organisatie["contact"]
    wegen = [f"bel {telefoon(contact['telefoon'])}" if contact.get("telefoon") else "",
             f"mail naar {email(contact['email'])}" if contact.get("email") else ""]
    wegen = [w for w in wegen if w]
    naam = safe.text(contact.get("naam") or site.organisatie["naam"])
    return (f"Vindt u niet wat u zoekt? Kijk of de woorden goed gespeld zijn, of zoek met "
            f"minder of andere woorden. Of vraag het {naam}: {' of '.join(wegen)}. "
            f"Of kijk bij de {page_link(here, 'begrippen', BEGRIPPEN_PAGE)}: "
            "daar staat wat woorden betekenen.\n{: #swv-zoek-hulp .swv-zoek-hulp }")


def begrippen_blok(kop: str) -> str:
    """Where the client lists the begrippen that match a question, beside few
    or no results (hidden until it has them)."""
    return (f'<section id="swv-zoek-begrippen" class="swv-zoek-begrippen" hidden '
            f'aria-labelledby="swv-zoek-begrippen-kop">'
            f'<h2 id="swv-zoek-begrippen-kop">{html.escape(kop)}</h2><ul></ul></section>')


def zoekpagina(site: m.Site, taal: str = "nl") -> GeneratedPage:
    """The search page in `taal` (a key of TEKST); its help names the steunpunt in
    Dutch, marked as Dutch on another language's page."""
    path = zoekpagina_pad(taal)
    tekst = TEKST[taal]
    help_text = hulp(site, path)
    if taal != "nl":
        help_text = f'<div lang="nl" dir="ltr" markdown="block">\n\n{help_text}\n\n</div>'
    up = "../" * path.count("/")
    return GeneratedPage(path, FRONT_MATTER + join(
        f"# {tekst['kop']}",
        f"{tekst['zonder_js']}\n"
        "{: #swv-zoeken-zonderjs .swv-zoeken-zonderjs }",
        '<p id="swv-zoek-status" class="swv-zoek-status" role="status"></p>',
        '<p id="swv-bedoelde-u" class="swv-bedoelde-u" hidden></p>',
        '<ol id="swv-zoek-resultaten" class="swv-zoek-resultaten"></ol>',
        begrippen_blok(tekst["begrippen"]),
        help_text,
        f'<script src="../{up}{bundle.SEARCH_SCRIPT}" defer></script>',
    ))


_ZOEKFORMULIER = re.compile(
    r'(<form role="search" class="swv-zoeken[^"]*" action=")([^"]*?)zoeken/"')


def zoekbalk_in(page_html: str, taal: str) -> str:
    """A finished page in `taal`: its search box in that language, leading to that
    language's search page (only where TEKST has the language)."""
    tekst = TEKST.get(taal)
    if taal == "nl" or tekst is None:
        return page_html
    page_html = _ZOEKFORMULIER.sub(lambda m_: f'{m_.group(1)}{m_.group(2)}{taal}/zoeken/"',
                                   page_html, count=1)
    page_html = page_html.replace(">Zoek op deze website</label>", f">{tekst['label']}</label>", 1)
    return page_html.replace(">Zoeken</button>", f">{tekst['knop']}</button>", 1)
