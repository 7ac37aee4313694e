"""Blocks for the hand-written pages in docs/, called there through macros
(`{{ contact() }}`): each takes the `Site` and the calling page's path, for
relative links, and returns Markdown.

The filterable overviews are in `filters`, the lists of nieuws in `nieuws`.
"""

from __future__ import annotations

from swvsite.content import model as m
from swvsite.pages import safe
from swvsite.pages.addresses import CONTACT_PAGE
from swvsite.pages.markup import (
    adres,
    bullets,
    contact_facts,
    documenten,
    email,
    facts,
    gecontroleerd,
    heading,
    join,
    md,
    page_link,
    record_list,
    section,
    telefoon,
    vraag_list,
    website,
)


def procedures_overzicht(site: m.Site, here: str) -> str:
    return record_list(here, sorted(site.procedures.values(), key=lambda r: r.title.lower()))


def vragen_overzicht(site: m.Site, here: str) -> str:
    groups = []
    for t in site.themas.values():
        groups.append(join(
            heading(2, t["titel"]),
            safe.paragraphs(t["samenvatting"]),
            vraag_list(here, [(t, v) for v in t["vragen"] if v]),
        ))
    return join(*groups)


def begrippenlijst(site: m.Site, here: str) -> str:
    entries = sorted(site.begrippen_lijst, key=lambda b: b["term"].lower())
    rows = []
    for b in entries:
        term = safe.text(b["term"]) + (f" ({safe.text(b['afkorting'])})" if b["afkorting"] else "")
        rows.append(f"{term} {{: #{b['id']} }}\n:   {safe.text(b['uitleg'])}")
    return join("\n\n".join(rows), gecontroleerd(site.begrippen))


def contact(site: m.Site, here: str) -> str:
    org = site.organisatie
    tijden = bullets([f"{safe.text(t['dagen'])}: {safe.text(t['tijden'])}"
                      for t in org["openingstijden"] if t])
    swvs = "\n\n".join(
        join(
            heading(3, s["naam"]),
            safe.text(f"{m.SECTOREN[s['sector']]}, regio {s['regio']}. Gemeenten: "
                      f"{', '.join(s['gemeenten'])}."),
            website(s["website"]),
            documenten(s["documenten"]),
        )
        for s in site.swv_lijst
    )
    return join(
        safe.paragraphs(org["samenvatting"]),
        contact_facts(org["contact"]),
        facts([("Bezoekadres", adres(org["adres"]))]),
        section("Wanneer zijn we bereikbaar?", tijden),
        section("Spreekuur", safe.paragraphs(org["spreekuur"])),
        section("Wie zijn wij?", team_cards(org["mensen"])),
        section("Voor welke samenwerkingsverbanden werken wij?", swvs),
        section("Documenten", documenten(org["documenten"])),
        gecontroleerd(org),
    )


def bij_wie_terecht(site: m.Site, here: str) -> str:
    """The escalation route as a numbered route: one `<ol>`, a step per `li`
    (number and connecting line from swvsite.css), each with its stable
    `#route-N` heading."""
    steps = []
    for number, stap in enumerate(site.organisatie["route"], start=1):
        if not stap:
            continue
        procedure = site.procedures.get(stap["procedure"]) if stap["procedure"] else None
        steps.append(join(
            heading(3, stap["titel"], f"route-{number}"),
            md(site, here, stap["uitleg"]),
            contact_facts(stap["contact"]),
            f"Lees meer: {page_link(here, procedure.title, procedure.page)}."
            if procedure else "",
        ))
    return html_list("ol", "swv-route", "swv-route__stap", steps)


def team_cards(mensen: list[dict | None]) -> str:
    """The team as cards: name, role, a line about them, phone and e-mail."""
    cards = []
    for p in mensen:
        if not p:
            continue
        cards.append(join(
            f"**{safe.text(p['naam'])}**<br>\n{safe.text(m.ROLLEN[p['rol']])}",
            safe.paragraphs(p["over"]) if p["over"] else "",
            "<br>\n".join(line for line in (
                f"Telefoon: {telefoon(p['telefoon'])}" if p["telefoon"] else "",
                f"E-mail: {email(p['email'])}" if p["email"] else "") if line),
        ))
    return html_list("ul", "swv-team", "swv-kaart", cards)


def html_list(tag: str, css_class: str, item_class: str, items: list[str]) -> str:
    """Markdown blocks as the items of an HTML list (md_in_html), for a list
    whose items hold headings and paragraphs."""
    if not items:
        return ""
    body = "\n".join(f'<li class="{item_class}" markdown="block">\n\n{item.strip()}\n\n</li>'
                     for item in items)
    return f'<{tag} class="{css_class}" markdown="block">\n{body}\n</{tag}>'


def steunpunt_contact(site: m.Site, here: str) -> str:
    """A short contact block for the home page."""
    c = site.organisatie["contact"]
    parts = [p for p in (telefoon(c.get("telefoon")), email(c.get("email"))) if p]
    line = f"Bel of mail het steunpunt: {' of '.join(parts)}." if parts else ""
    if c.get("bereikbaar"):
        line += f" {_sentence(c['bereikbaar'])}"
    return join(line, page_link(here, "Alle contactgegevens en openingstijden", CONTACT_PAGE))


def _sentence(value: str) -> str:
    """Plain text that ends as a sentence: a full stop added unless it has one
    (or a question or exclamation mark) already."""
    folded = " ".join(value.split())
    return safe.text(folded) + ("" if folded.endswith((".", "?", "!")) else ".")


JONGEREN_VRAGEN_KOP = "Vragen van jongeren"


def jongeren_vragen(site: m.Site, here: str) -> str:
    """Every vraag marked for young people under one heading, grouped by thema.
    A thema with the heading's own title (a thema "Vragen van jongeren") gets no
    second heading of the same name: its vragen come first, straight under it."""
    groups: list[str] = []
    # Themas written wholly for young people first, then the rest in file order.
    themas = sorted(site.themas.values(),
                    key=lambda t: not all(v["jongeren"] for v in t["vragen"] if v))
    for t in themas:
        vragen = [(t, v) for v in t["vragen"] if v and v["jongeren"]]
        if not vragen:
            continue
        if _same_title(t["titel"], JONGEREN_VRAGEN_KOP):
            groups.insert(0, vraag_list(here, vragen))
        else:
            groups.append(section(t["titel"], vraag_list(here, vragen), level=3))
    return section(JONGEREN_VRAGEN_KOP, join(*groups))


def _same_title(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def jongeren_contact(site: m.Site, here: str) -> str:
    """How a young person reaches the steunpunt on their own."""
    org = site.organisatie
    coaches = [p for p in org["mensen"] if p and p["rol"] == "jongerencoach"]
    c = org["contact"]
    lines = [
        "Je mag zelf bellen of mailen. Je hoeft het niet eerst aan je ouders te vragen."
    ]
    kanalen = [k for k in (telefoon(c.get("telefoon")), email(c.get("email"))) if k]
    if kanalen:
        lines.append(f"Bel of mail het steunpunt: {' of '.join(kanalen)}.")
    for coach in coaches:
        bereik = [k for k in (telefoon(coach["telefoon"]), email(coach["email"])) if k]
        lines.append(
            f"Of neem contact op met **{safe.text(coach['naam'])}**, jongerencoach"
            + (f": {' of '.join(bereik)}." if bereik else ".")
        )
    return join(*lines)
