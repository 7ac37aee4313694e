"""Help within reach: the steunpunt's contact block, made from organisatie.yml.

One short block (who, the phone number as a tap target, the opening hours,
e-mail, WhatsApp where a person of the steunpunt has it, "gratis en
onafhankelijk") that record pages put on their first screen or next to the
answer, and hand-written pages call as a macro. Two tones: "u" for parents,
"je" for young people (with the direct links of the jongerencoach).

The block is left out of the search index: it is the same on every page.
"""

from __future__ import annotations

import re

from swvsite.content import model as m
from swvsite.pages import safe
from swvsite.pages.addresses import CONTACT_PAGE
from swvsite.pages.labels import dutch_block_attributes
from swvsite.pages.markup import NOT_SEARCHED, email, page_link, telefoon
from swvsite.pages.openinghours import hours_markdown

# Every fixed text of the block, per tone, in one place (for translations).
LABELS = {
    "u": {
        "titel": "Hulp nodig? Bel het steunpunt",
        "bereikbaar": "Zo zijn we bereikbaar:",
        "mail": "Of mail naar",
        "appje": "Stuur {naam} een appje",
        "gratis": "Onze hulp is gratis en onafhankelijk.",
        "meer": "Alle contactgegevens",
        "label": "Hulp van het steunpunt",
    },
    "je": {
        "titel": "Wil je hulp? Bel of app ons",
        "bereikbaar": "Zo zijn we bereikbaar:",
        "mail": "Of mail naar",
        "appje": "Stuur {naam} een appje",
        "gratis": "Het is gratis. Je mag zelf bellen, ook zonder je ouders.",
        "meer": "Alle contactgegevens",
        "label": "Hulp van het steunpunt",
    },
}


def whatsapp(number: str | None, label: str) -> str:
    """A link that opens a WhatsApp chat with `number` (wa.me, international digits)."""
    if not number:
        return ""
    digits = re.sub(r"\D", "", safe.tel_url(number))
    return f"[{safe.text(label)}](https://wa.me/{digits})"


def contactblok(site: m.Site, here: str, tone: str = "u") -> str:
    """The contact block, as Markdown, for page `here`; `tone` is "u" or "je"."""
    labels = LABELS[tone]
    org = site.organisatie
    contact = org["contact"] or {}
    lines = [f"**{safe.text(labels['titel'])}**"]
    bel = telefoon(contact.get("telefoon"))
    if bel:
        lines.append(f"{bel}{{: .swv-contactblok__bel }}")
    if tone == "je":
        lines += [whatsapp(p["whatsapp"], labels["appje"].format(naam=p["naam"].split()[0]))
                  for p in org["mensen"] if p and p["rol"] == "jongerencoach" and p["whatsapp"]]
    hours = hours_markdown(org["openingstijden"])
    if hours:
        lines.append(f"{safe.text(labels['bereikbaar'])}\n\n{hours}")
    if contact.get("email"):
        lines.append(f"{safe.text(labels['mail'])} {email(contact['email'])}.")
    lines.append(f"{safe.text(labels['gratis'])} "
                 f"{page_link(here, labels['meer'], CONTACT_PAGE)}.")
    body = "\n\n".join(line for line in lines if line)
    return (f'<aside class="swv-contactblok"{dutch_block_attributes()} '
            f'aria-label="{labels["label"]}" '
            f'{NOT_SEARCHED} markdown="block">\n\n{body}\n\n</aside>')


def contactblok_jongeren(site: m.Site, here: str) -> str:
    """The contact block in the tone of the pages for young people."""
    return contactblok(site, here, "je")
