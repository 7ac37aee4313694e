"""A public service, not a manual: what a parent on a phone (390x844) and on
paper sees on EVERY page of the built test site.

- a page title stronger than its section headings, the site name readable
  (not cut off) in the header, no ¶ tab stop after every heading, phone
  numbers and addresses on one line;
- a footer with the steunpunt's phone, e-mail, opening hours, contact, privacy,
  toegankelijkheid and the date the page was checked;
- in print: site name, page address, date checked and phone on the page;
- the menu with the parents' pages first;
- at phone width, Tab in the open menu stays in what the menu shows.
"""

from __future__ import annotations

import re

import pytest

from swvsite.content.load import load_site
from swvsite.pages import footer
from swvsite.pages.addresses import url_path
from swvsite.pages.markup import datum

from .conftest import PHONE, calm_page_at
from conftest import FIXTURE_CONTENT

SITE_URL = "https://testsite.swvsite.example/"  # tests/fixtures/site/mkdocs.yml
PARENTS_FIRST = ["Home", "Ik ben ouder", "Voorzieningen", "Scholen", "Procedures",
                 "Veelgestelde vragen", "Voor jongeren"]
APART_AT_THE_END = ["Ik werk op een school", "Open data"]


@pytest.fixture(scope="module")
def content():
    return load_site(FIXTURE_CONTENT)


def themed_pages(site) -> list[str]:
    """Every page the theme rendered (not the redirect pages of old addresses)."""
    pages = []
    for path in site.pages:
        file = site.root / (path.lstrip("/") + "index.html" if path.endswith("/")
                            else path.lstrip("/"))
        if 'class="md-header' in file.read_text(encoding="utf-8"):
            pages.append(path)
    assert len(pages) > 20, pages
    return pages


def checked_on(content, path: str) -> str:
    """The date a page shows as checked: its record's, or the organisation's."""
    by_url = {"/" + url_path(page): date
              for page, date in footer.checked_dates(content).items()}
    return by_url.get(path, datum(content.organisatie["gecontroleerd_op"]))


@pytest.fixture
def phone(browser):
    yield from calm_page_at(browser, PHONE)


LOOK = """() => {
  const weight = (e) => Number(getComputedStyle(e).fontWeight);
  const article = document.querySelector('article.md-content__inner');
  const h1 = article.querySelector('h1');
  const h2s = [...article.querySelectorAll('h2')];
  const name = document.querySelector('.md-header__topic:first-child .md-ellipsis');
  const oneLine = (e) => {
    const boxes = [...e.getClientRects()].filter(r => r.width > 0);
    return boxes.length <= 1 ? null : (e.textContent.trim() + ': ' + boxes.length + ' lines');
  };
  const shown = (e) => e.offsetParent !== null;
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const h1Colour = rgb(getComputedStyle(h1).color);
  return {
    h1Weight: weight(h1),
    h2Weight: Math.max(0, ...h2s.map(weight)),
    h1Colour: h1Colour,
    nameText: name.textContent.trim(),
    nameCut: name.scrollWidth > name.clientWidth + 1 || name.scrollHeight > name.clientHeight + 1,
    nameVisible: name.getBoundingClientRect().width > 0,
    permalinkStops: [...document.querySelectorAll('a.headerlink')]
        .filter(a => a.tabIndex >= 0).map(a => a.getAttribute('href')),
    broken: [...document.querySelectorAll('a[href^="tel:"], .swv-adres-deel')]
        .filter(shown).map(oneLine).filter(Boolean),
    // An e-mail address on two lines breaks before its @, nowhere else.
    mailBroken: [...document.querySelectorAll('a[href^="mailto:"]')].filter(shown)
        .filter(a => [...a.getClientRects()].filter(r => r.width > 0).length > 1)
        .filter(a => {
          const text = a.textContent, at = text.indexOf('@');
          const lines = (from, to) => {
            const range = document.createRange();
            let node, seen = 0;
            const points = [];
            const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
            while ((node = walker.nextNode())) {
              const len = node.textContent.length;
              if (points.length === 0 && from < seen + len) points.push([node, from - seen]);
              if (points.length === 1 && to <= seen + len) {
                points.push([node, to - seen]);
                break;
              }
              seen += len;
            }
            range.setStart(...points[0]); range.setEnd(...points[1]);
            return new Set([...range.getClientRects()].filter(r => r.width > 0)
                .map(r => Math.round(r.top))).size;
          };
          return at < 1 || lines(0, at) > 1 || lines(at, text.length) > 1;
        }).map(a => a.textContent),
    nav: [...document.querySelectorAll(
        '.md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link, '
        + '.md-nav--primary > .md-nav__list > .md-nav__item > label.md-nav__link')]
        .map(e => e.textContent.trim()).filter((t, i, all) => t && all.indexOf(t) === i),
  };
}"""


def test_every_page_looks_like_a_public_service_on_a_phone(phone, site, content):
    problems = []
    for path in themed_pages(site):
        phone.goto(site.url(path))
        look = phone.evaluate(LOOK)
        if look["h2Weight"] and look["h1Weight"] <= look["h2Weight"]:
            problems.append(f"{path}: H1 weight {look['h1Weight']} <= H2 {look['h2Weight']}")
        r, g, b = look["h1Colour"][:3]
        alpha = look["h1Colour"][3] if len(look["h1Colour"]) > 3 else 1
        if alpha < 0.8 or max(r, g, b) > 80:
            problems.append(f"{path}: H1 is not dark ({look['h1Colour']})")
        if look["nameCut"] or not look["nameVisible"]:
            problems.append(f"{path}: site name cut off in the header ({look['nameText']})")
        if look["nameText"] != content.organisatie["naam"] and "Testsite" not in look["nameText"]:
            problems.append(f"{path}: header shows {look['nameText']!r}")
        if look["permalinkStops"]:
            problems.append(f"{path}: ¶ tab stops {look['permalinkStops'][:3]}")
        problems += [f"{path}: broken over lines: {b}" for b in look["broken"]]
        problems += [f"{path}: e-mail address broken elsewhere than at @: {b}"
                     for b in look["mailBroken"]]
        nav = look["nav"]
        if nav[:len(PARENTS_FIRST)] != PARENTS_FIRST or nav[-len(APART_AT_THE_END):] \
                != APART_AT_THE_END:
            problems.append(f"{path}: menu order {nav}")
    assert not problems, "\n".join(problems)


FOOTER = """() => {
  const foot = document.querySelector('footer .swv-voet');
  if (!foot) return null;
  const links = [...foot.querySelectorAll('a')].map(a => ({
      href: a.getAttribute('href'), url: a.href, text: a.textContent.trim(),
      height: a.getBoundingClientRect().height}));
  return {links, text: foot.innerText.replace(/\\s+/g, ' ')};
}"""


def test_every_page_has_the_steunpunt_in_its_footer(phone, site, content):
    contact = content.organisatie["contact"]
    problems = []
    for path in themed_pages(site):
        phone.goto(site.url(path))
        foot = phone.evaluate(FOOTER)
        if foot is None:
            problems.append(f"{path}: no steunpunt footer")
            continue
        hrefs = [link["href"] for link in foot["links"]]
        urls = [link["url"] for link in foot["links"]]
        tel = next((link for link in foot["links"] if link["href"].startswith("tel:")), None)
        if tel is None or tel["text"] != contact["telefoon"] or tel["height"] < 24:
            problems.append(f"{path}: no phone tap target of 24px ({tel})")
        if f"mailto:{contact['email']}" not in hrefs:
            problems.append(f"{path}: no e-mail link")
        for end in ("contact/", "contact/#wanneer-zijn-we-bereikbaar", "privacy/",
                    "toegankelijkheid/"):
            if site.url("/" + end) not in urls:
                problems.append(f"{path}: no footer link to {end}")
        date = checked_on(content, path)
        if f"laatst gecontroleerd op {date}." not in foot["text"]:
            problems.append(f"{path}: footer does not say checked on {date}: {foot['text']}")
    assert not problems, "\n".join(problems)


PRINTED = """() => {
  const block = document.querySelector('.swv-print');
  const root = getComputedStyle(document.documentElement);
  const sheet = ['--swv-naam', '--swv-adres', '--swv-gecontroleerd', '--swv-telefoon']
      .map(name => root.getPropertyValue(name).trim().replace(/^"|"$/g, ''));
  return {display: block ? getComputedStyle(block).display : null,
          text: block ? block.innerText.replace(/\\s+/g, ' ') : '',
          sheet: sheet.join(' | '),
          footer: getComputedStyle(document.querySelector('.md-footer')).display};
}"""


def test_every_printed_page_says_where_it_comes_from(page, site, content):
    """On paper: the block at the top of the page, and the values print.css puts
    in the margin of every sheet (read from <html>, resolved by the browser)."""
    page.emulate_media(media="print")
    phone_number = content.organisatie["contact"]["telefoon"]
    problems = []
    # The theme's 404 page has a content block of its own; nobody prints it.
    for path in [p for p in themed_pages(site) if p != "/404.html"]:
        page.goto(site.url(path))
        printed = page.evaluate(PRINTED)
        if printed["display"] in (None, "none"):
            problems.append(f"{path}: no print header ({printed['display']})")
        address = SITE_URL.rstrip("/") + path
        for wanted in (content.organisatie["naam"], address, checked_on(content, path),
                       phone_number):
            if wanted not in printed["text"]:
                problems.append(f"{path}: printed page lacks {wanted!r}: {printed['text']}")
            if wanted not in printed["sheet"]:
                problems.append(f"{path}: the sheet margin lacks {wanted!r}: {printed['sheet']}")
        if printed["footer"] != "none":
            problems.append(f"{path}: the screen footer is printed")
    assert not problems, "\n".join(problems)
    assert page.pdf(format="A4").startswith(b"%PDF")


def test_print_block_is_hidden_on_screen(page, site):
    page.goto(site.url("/contact/"))
    assert page.eval_on_selector(".swv-print", "e => getComputedStyle(e).display") == "none"


# ------------------------------------------------ the menu on a phone, by Tab --

DRAWER_STOP = """() => {
  const e = document.activeElement;
  const drawer = document.querySelector('.md-sidebar--primary');
  if (!drawer.contains(e)) return null;
  const r = e.getBoundingClientRect(), d = drawer.getBoundingClientRect();
  const scrolled = [...drawer.querySelectorAll('*')].some(x => x.scrollLeft > 0);
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
  return {text: (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40),
          inside: r.width > 0 && r.left >= d.left - 1 && r.right <= d.right + 1,
          visible: getComputedStyle(e).visibility === 'visible',
          seen: !!hit && (hit === e || e.contains(hit) || hit.contains(e)),
          scrolled};
}"""


def first_page_of_each_type(site) -> list[str]:
    pages = themed_pages(site)
    kinds = {}
    for path in pages:
        kind = path.strip("/").split("/")[0] if path.count("/") > 2 else "pagina"
        kinds.setdefault(kind, path)
    return ["/"] + sorted(set(kinds.values()) - {"/"})


@pytest.mark.parametrize("kind", ["home", "others"])
def test_tab_in_the_open_menu_stays_in_what_it_shows(phone, site, kind):
    paths = ["/"] if kind == "home" else first_page_of_each_type(site)[1:]
    problems = []
    for path in paths:
        phone.goto(site.url(path))
        phone.focus('.md-header label[for="__drawer"]')
        phone.keyboard.press("Enter")
        phone.wait_for_function("() => document.getElementById('__drawer').checked")
        phone.wait_for_function("() => document.querySelector('.md-sidebar--primary')"
                                ".contains(document.activeElement)")
        stops = 0
        for _ in range(80):
            stop = phone.evaluate(DRAWER_STOP)
            if stop is None:
                break
            stops += 1
            if not (stop["inside"] and stop["visible"] and stop["seen"]) or stop["scrolled"]:
                problems.append(f"{path}: focus in the menu on something not shown: {stop}")
            phone.keyboard.press("Tab")
        else:
            problems.append(f"{path}: Tab never leaves the menu")
        if stops < len(PARENTS_FIRST):
            problems.append(f"{path}: only {stops} stops in the menu")
    assert not problems, "\n".join(problems)


# ----------------------------------------------------- the route, the team --

def test_route_is_one_numbered_list_with_stable_anchors(page, site, content):
    page.goto(site.url("/"))
    steps = [s for s in content.organisatie["route"] if s]
    items = page.locator("ol.swv-route > li")
    assert items.count() == len(steps)
    for number in range(1, len(steps) + 1):
        assert page.locator(f"ol.swv-route > li #route-{number}").count() == 1
    marker = items.first.evaluate("e => getComputedStyle(e, '::before').content")
    assert marker == "counter(swv-route)" or re.fullmatch(r'"?1"?', marker), marker
    line = items.first.evaluate("e => getComputedStyle(e, '::after').borderInlineStartWidth")
    assert line == "4px"


def test_team_as_cards(page, site, content):
    page.goto(site.url("/contact/"))
    mensen = [p for p in content.organisatie["mensen"] if p]
    cards = page.locator("ul.swv-team > li.swv-kaart")
    assert cards.count() == len(mensen)
    assert cards.first.evaluate("e => getComputedStyle(e.parentElement).display") == "grid"
    for card, person in zip(cards.all(), mensen, strict=True):
        assert person["naam"] in card.inner_text()


def test_jongeren_page_has_each_heading_once(page, site):
    page.goto(site.url("/jongeren/"))
    headings = [h.replace("¶", "").strip() for h in
                page.locator("article h1, article h2, article h3").all_inner_texts()]
    assert len(headings) == len(set(headings)), headings
    assert "Vragen van jongeren" in headings
    assert page.locator("article a[href^='tel:']").count() >= 1
