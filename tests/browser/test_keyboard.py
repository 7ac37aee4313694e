"""Keyboard only: skip link, visible focus, search, the menu on phones, FAQ pages."""

from __future__ import annotations

import re

import pytest

from .conftest import PHONE
from .focus import FOCUS_STEP, RESET

MAX_TAB_STOPS = 400
MIN_FOCUS_CONTRAST = 3.0  # WCAG 1.4.11 for the focus indicator
PROCEDURE = "/procedures/tlv-aanvragen/"


def faq_pages(site) -> list[str]:
    pages = [p for p in site.pages if re.fullmatch(r"/vragen/[^/]+/", p)]
    assert pages, "no FAQ pages (content/vragen/*) in the built site"
    return pages


def focus_step(page) -> dict:
    return page.evaluate(FOCUS_STEP)


def tab(page, key: str = "Tab") -> dict:
    page.keyboard.press(key)
    return focus_step(page)


def tab_through(page, limit: int = MAX_TAB_STOPS) -> list[dict]:
    """Press Tab from the top of the page until focus leaves the page or
    returns to the first stop; every stop as returned by FOCUS_STEP."""
    page.evaluate(RESET)
    stops = []
    for _ in range(limit):
        stop = tab(page)
        if stop["previous"] is not None and stops:
            stops[-1]["after"] = stop["previous"]
        if stop["element"] is None or (stops and stop["element"] == stops[0]["element"]):
            break
        stops.append(stop)
    else:
        pytest.fail(f"{page.url}: more than {limit} tab stops; focus may be trapped")
    return stops


def focus_problems(path: str, stops: list[dict]) -> list[str]:
    problems = []
    for stop in stops:
        where = f"{path} {stop['element']}"
        if not stop["visible"]:
            problems.append(f"{where}: focused but not visible (opacity {stop['opacity']:.2f})")
        if stop["covered"]:
            problems.append(f"{where}: focused but covered by {stop['covered']}")
        if stop["outlineWidth"] < 2:
            problems.append(f"{where}: no focus outline of at least 2px "
                            f"({stop['outlineStyle']} {stop['outlineWidth']}px)")
        elif stop["outlineContrast"] < MIN_FOCUS_CONTRAST:
            problems.append(f"{where}: focus outline contrast {stop['outlineContrast']:.2f}:1 "
                            f"< {MIN_FOCUS_CONTRAST}:1")
        after = stop.get("after")
        if after is not None and not after["changed"]:
            problems.append(f"{where}: looks the same with and without focus "
                            f"({after['focused']})")
    return problems


# ----------------------------------------------------------------- skip link --


@pytest.mark.parametrize("path", ["/", PROCEDURE, "/vragen/", "/contact/"])
def test_first_tab_reaches_visible_skip_link(page, site, path):
    page.goto(site.url(path))
    first = tab(page)
    assert first["element"] and ".md-skip" in first["element"], \
        f"{path}: the first Tab reached {first['element']}, not the skip link"
    skip = page.locator("a.md-skip")
    assert skip.inner_text().strip() == "Ga naar inhoud"
    assert first["visible"], f"{path}: the skip link has focus but cannot be seen"
    assert first["outlineWidth"] >= 2 and first["outlineContrast"] >= MIN_FOCUS_CONTRAST

    target = skip.get_attribute("href")
    assert target.startswith("#")
    assert page.locator(f"main {target}").count() == 1, \
        f"{path}: the skip link target {target} is not in the main content"

    page.keyboard.press("Enter")
    page.wait_for_function("h => location.hash === h", arg=target)
    heading = page.locator(target)
    assert heading.is_visible()
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    # Focus now continues in the content, not in the header or navigation.
    after = tab(page)
    assert after["inArticle"], \
        f"{path}: after the skip link, Tab went to {after['element']} outside the content"


# ------------------------------------------------------------- visible focus --


@pytest.mark.parametrize("path", ["/", PROCEDURE, "/vragen/tlv-en-speciaal-onderwijs/",
                                  "/contact/", "/scholen/"])
def test_every_focus_stop_is_visible_desktop(calm_page, site, path):
    page = calm_page
    page.goto(site.url(path))
    stops = tab_through(page)
    assert len(stops) > 5, f"{path}: only {len(stops)} tab stops"
    problems = focus_problems(path, stops)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ["/", PROCEDURE])
def test_every_focus_stop_is_visible_phone(browser, site, path):
    context = browser.new_context(viewport=PHONE, locale="nl-NL", reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(site.url(path))
        stops = tab_through(page)
        problems = focus_problems(path, stops)
        # Nothing of the closed navigation drawer may receive focus.
        offscreen = [s["element"] for s in stops if not s["visible"]]
        assert not offscreen, f"{path}: focus on elements that cannot be seen: {offscreen}"
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_menu_opens_and_closes_by_keyboard_on_phone(browser, site):
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(site.url(PROCEDURE))
        stop = None
        for _ in range(5):
            stop = tab(page)
            if stop["element"] and "Menu" in stop["element"]:
                break
        assert stop and "Menu" in stop["element"], "Tab does not reach the menu button"
        assert stop["visible"] and stop["outlineWidth"] >= 2
        menu = page.locator('.md-header label[for="__drawer"]')
        assert menu.get_attribute("aria-expanded") == "false"

        page.keyboard.press("Enter")
        page.wait_for_function("() => document.getElementById('__drawer').checked")
        assert menu.get_attribute("aria-expanded") == "true"
        inside = focus_step(page)
        assert inside["element"] and page.evaluate(
            "() => !!document.activeElement.closest('.md-sidebar--primary')"), \
            f"focus did not move into the menu: {inside['element']}"
        assert inside["visible"]
        stops = [inside] + [tab(page) for _ in range(4)]
        problems = focus_problems("/ (menu)", stops)
        assert not problems, "\n".join(problems)
        page.get_by_role("link", name="Contact").first.wait_for()

        page.keyboard.press("Escape")
        page.wait_for_function("() => !document.getElementById('__drawer').checked")
        assert menu.get_attribute("aria-expanded") == "false"
        back = focus_step(page)
        assert "Menu" in (back["element"] or ""), back["element"]

        # Space works as on any button.
        page.keyboard.press(" ")
        page.wait_for_function("() => document.getElementById('__drawer').checked")
        page.keyboard.press("Escape")
    finally:
        context.close()


# -------------------------------------------------------------------- search --


def test_search_by_keyboard(page, site):
    page.goto(site.url(PROCEDURE))
    stop = None
    for _ in range(15):
        stop = tab(page)
        if stop["element"] and "swv-zoekvraag" in stop["element"]:
            break
    assert stop and "swv-zoekvraag" in stop["element"], "Tab does not reach the search field"
    assert stop["visible"] and stop["outlineWidth"] >= 2

    page.keyboard.type("TLV")
    page.keyboard.press("Enter")  # the box is a form: Enter lands on the result list
    page.wait_for_url("**/zoeken/?q=TLV")
    results = page.locator(".swv-zoek-resultaten li a")
    results.first.wait_for(state="visible", timeout=15_000)
    assert results.count() >= 2

    # Tab goes on from the field to the button and into the results, each with its focus.
    first = None
    for _ in range(10):
        first = tab(page)
        if first["element"] and "swv-zoek-resultaten" in (page.evaluate(
                "() => document.activeElement.closest('ol') ? 'swv-zoek-resultaten' : ''")):
            break
    assert first and first["visible"] and first["outlineWidth"] >= 2 \
        and first["outlineContrast"] >= MIN_FOCUS_CONTRAST, first
    href = page.evaluate("() => document.activeElement.href")
    assert href.startswith(site.base_url)
    page.keyboard.press("Enter")
    page.wait_for_url(href.split("#")[0] + "**")
    assert page.url.split("#")[0] == href.split("#")[0]


def test_enter_in_search_field_lands_on_the_results(page, site):
    page.goto(site.url("/"))
    page.keyboard.press("Tab")  # skip link
    for _ in range(15):
        if "swv-zoekvraag" in (tab(page)["element"] or ""):
            break
    page.keyboard.type("TLV")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=TLV")
    page.locator(".swv-zoek-resultaten li a").first.wait_for(state="visible", timeout=15_000)
    assert "resultaten gevonden" in page.inner_text("#swv-zoek-status")


# ----------------------------------------------------------------- FAQ pages --


def test_faq_links_reachable_by_tab(calm_page, site):
    page = calm_page
    for path in faq_pages(site):
        page.goto(site.url(path))
        links = page.evaluate("""() => [...document.querySelectorAll(
            'article a[href]:not(.headerlink)')]
            .filter(a => a.offsetParent !== null)
            .map(a => a.getAttribute('href'))""")
        stops = tab_through(page)
        reached = {re.search(r'href="([^"]*)"', s["element"]).group(1)
                   for s in stops if s["inArticle"] and 'href="' in s["element"]}
        missing = sorted(set(links) - reached)
        assert not missing, f"{path}: links not reachable by Tab: {missing}"
        problems = focus_problems(path, [s for s in stops if s["inArticle"]])
        assert not problems, "\n".join(problems)


def test_faq_anchor_scrolls_question_into_view(page, site):
    for path in faq_pages(site):
        page.goto(site.url(path))
        ids = page.evaluate(
            "() => [...document.querySelectorAll('article h2[id]')].map(h => h.id)")
        assert ids, f"{path}: no questions with an id"
        # A fresh load of the address with the last question's anchor (furthest down).
        for question in (ids[-1], ids[len(ids) // 2]):
            page.goto(site.url(f"{path}#{question}"))
            page.wait_for_load_state("load")
            page.evaluate("() => new Promise(r => "
                          "requestAnimationFrame(() => requestAnimationFrame(r)))")
            heading = page.locator(f"[id='{question}']")
            box = heading.bounding_box()
            header = page.locator(".md-header").bounding_box()
            viewport = page.viewport_size
            assert box is not None, f"{path}#{question}: heading not rendered"
            below_header = header["y"] + header["height"] <= box["y"] + 1
            assert below_header and box["y"] < viewport["height"], \
                (f"{path}#{question}: heading at y={box['y']:.0f}, header ends at "
                 f"{header['y'] + header['height']:.0f}, viewport {viewport['height']}")
            # Nothing (such as the sticky header) covers it.
            assert page.evaluate("""q => {
                const r = document.getElementById(q).getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
                return !!hit && !!hit.closest('article');
            }""", question), f"{path}#{question}: heading covered"
