"""Help within reach and steps that print, in Chromium, on every page of each type:

- at phone size (390x844) the steunpunt's phone link is on the first screen of
  every procedure and thema page, and above the first section of every
  voorziening and school page (right after the page's own key facts);
- the steps show their numbers and the line between them;
- in print every step is visible, with its number, none left out.
"""

from __future__ import annotations

import pytest

from swvsite.content.load import load_site

from .conftest import PHONE
from conftest import FIXTURE_CONTENT

CONTENT = load_site(FIXTURE_CONTENT)
PROCEDURES = [f"/procedures/{p}/" for p in CONTENT.procedures]
THEMAS = [f"/vragen/{t}/" for t in CONTENT.themas]
VOORZIENINGEN_SCHOLEN = [f"/voorzieningen/{v}/" for v in CONTENT.voorzieningen] + \
    [f"/scholen/{s}/" for s in CONTENT.scholen]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    try:
        yield context.new_page()
    finally:
        context.close()


def _phone_link_bottom(page) -> float:
    link = page.locator(".swv-contactblok__bel")
    assert link.count() == 1
    assert link.get_attribute("href").startswith("tel:")
    box = link.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44  # a tap target
    return box["y"] + box["height"]


@pytest.mark.parametrize("path", PROCEDURES + THEMAS)
def test_phone_link_is_on_the_first_screen(phone, site, path):
    phone.goto(site.url(path))
    assert _phone_link_bottom(phone) <= PHONE["height"], path


@pytest.mark.parametrize("path", THEMAS)
def test_contact_block_is_above_the_first_answer(phone, site, path):
    phone.goto(site.url(path))
    block = phone.locator(".swv-contactblok").bounding_box()
    answer = phone.locator(".swv-vraag").first.bounding_box()
    assert block["y"] + block["height"] <= answer["y"], path


@pytest.mark.parametrize("path", VOORZIENINGEN_SCHOLEN)
def test_contact_block_comes_right_after_the_key_facts(phone, site, path):
    phone.goto(site.url(path))
    bottom = _phone_link_bottom(phone)
    first_section = phone.locator("article h2").first.bounding_box()
    assert bottom <= first_section["y"], path


@pytest.mark.parametrize("path", PROCEDURES)
def test_steps_show_numbers_and_a_line(phone, site, path):
    phone.goto(site.url(path))
    steps = phone.locator("ol.swv-stappen > li.swv-stap")
    count = steps.count()
    assert count == len([s for s in CONTENT.procedures[path.split("/")[2]]["stappen"] if s])
    for index in range(count):
        step = steps.nth(index)
        number = step.evaluate("e => getComputedStyle(e, '::before').content")
        assert number == "counter(swv-stap)", (path, number)
        width = step.evaluate("e => parseFloat(getComputedStyle(e, '::before').width)")
        assert width >= 24, (path, index, width)
        if index < count - 1:
            assert step.evaluate(
                "e => getComputedStyle(e, '::after').borderInlineStartStyle") == "solid"
        else:
            assert step.evaluate("e => getComputedStyle(e, '::after').display") == "none"


@pytest.mark.parametrize("path", PROCEDURES)
def test_every_step_is_visible_in_print(page, site, path):
    page.goto(site.url(path))
    page.emulate_media(media="print")
    steps = page.locator("ol.swv-stappen > li.swv-stap")
    assert steps.count() >= 1
    for index in range(steps.count()):
        step = steps.nth(index)
        assert step.is_visible(), (path, index)
        assert step.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
        for part in ("h3", "dl"):
            assert step.locator(part).first.is_visible(), (path, index, part)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
