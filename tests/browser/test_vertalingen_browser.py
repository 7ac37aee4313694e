"""Pages in other languages in a real Chromium: the switcher by keyboard, the
right-to-left layout, and axe on every translated page of the fixture site."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from .axecheck import report, run_axe
from .conftest import served


@pytest.fixture(scope="module")
def translated(tmp_path_factory):
    from test_vertalingen_site import build_translated

    built = build_translated(tmp_path_factory.mktemp("vertaald-browser"))
    assert built.result.returncode == 0, built.result.stderr
    with served(built.root) as served_site:
        yield served_site


def test_switcher_is_reached_and_followed_by_keyboard(calm_page, translated):
    page = calm_page
    page.goto(translated.url("/procedures/tlv-aanvragen/"))
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == "ar":
            break
    else:
        pytest.fail("the link to the Arabic page is not reached with Tab")
    assert page.evaluate("document.activeElement.closest('nav.swv-talen') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ar/procedures/tlv-aanvragen/")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ar", "rtl"]


STEP_SIDES = """() => {
    const step = document.querySelector('.swv-stap');
    const style = getComputedStyle(step);
    const range = document.createRange();
    range.selectNodeContents(step.querySelector('h3').firstChild);
    const heading = range.getBoundingClientRect();
    const box = step.getBoundingClientRect();
    return {left: parseFloat(style.borderLeftWidth), right: parseFloat(style.borderRightWidth),
            gapLeft: heading.left - box.left, gapRight: box.right - heading.right};
}"""


def test_arabic_step_by_step_is_mirrored(page, translated):
    page.goto(translated.url("/ar/procedures/tlv-aanvragen/"))
    rtl = page.evaluate(STEP_SIDES)
    assert rtl["right"] > 0 and rtl["left"] == 0, rtl  # the step marker is on the right
    assert rtl["gapRight"] < rtl["gapLeft"], rtl  # the step's title starts at the right
    page.goto(translated.url("/procedures/tlv-aanvragen/"))
    ltr = page.evaluate(STEP_SIDES)
    assert ltr["left"] > 0 and ltr["right"] == 0, ltr
    assert ltr["gapLeft"] < ltr["gapRight"], ltr
    # Dutch text left untranslated reads left to right on the Arabic page.
    page.goto(translated.url("/ar/procedures/tlv-aanvragen/"))
    assert page.evaluate("getComputedStyle(document.querySelector('p[lang=nl]')).direction") \
        == "ltr"


def test_axe_finds_nothing_on_translated_pages(page, translated):
    paths = [p for p in translated.pages if p.startswith(("/en/", "/ar/"))]
    paths += ["/", "/procedures/tlv-aanvragen/", "/vragen/algemeen/"]
    assert len(paths) >= 7
    violations = []
    for path in paths:
        response = page.goto(translated.url(path), wait_until="load")
        assert response is not None and response.ok, path
        violations += run_axe(page, label=path)
    assert not violations, report(violations)


def test_search_on_an_english_page_finds_english_pages_only(page, translated):
    from .test_search_quality import search

    page.goto(translated.url("/en/procedures/tlv-aanvragen/"))
    assert page.inner_text("label[for=swv-zoekvraag]") == "Search this website"
    found = search(page, "TLV")
    assert urlparse(page.url).path.endswith("/en/zoeken/")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert found, "the English page's search finds nothing"
    assert all(path.startswith("en/") for path in found), found
    # And a Dutch page's search finds Dutch pages only.
    page.goto(translated.url("/procedures/tlv-aanvragen/"))
    found = search(page, "TLV")
    assert found and not any(path.startswith(("en/", "ar/")) for path in found), found


def test_out_of_date_notice_is_seen_on_a_phone_before_the_text(page, translated):
    """The honest notice of an out-of-date translation is on the first screen of a
    phone, in the page's language, above the translated text, and leads to the Dutch page."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(translated.url("/ar/procedures/tlv-aanvragen/"))
    notice = page.locator(".swv-vertaling-melding")
    assert notice.is_visible()
    assert "تغيّر النص الهولندي منذ هذه الترجمة" in notice.inner_text()
    box, heading = notice.bounding_box(), page.locator("article h2").first.bounding_box()
    assert box["y"] + box["height"] <= 844 and box["y"] < heading["y"]
    notice.locator("a[hreflang=nl]").click()
    page.wait_for_load_state()
    assert urlparse(page.url).path.endswith("/procedures/tlv-aanvragen/")
    assert page.evaluate("document.documentElement.lang") == "nl"
