"""axe-core (WCAG 2.0/2.1/2.2 A and AA) over every page of the built test site."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .axecheck import Violation, report, run_axe
from .conftest import DESKTOP, PHONE, serve

INACCESSIBLE = Path(__file__).resolve().parent.parent / "fixtures" / "inaccessible"
NARROW = {"width": 320, "height": 640}  # a 1280 px wide screen zoomed to 400 %

OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const culprits = [...document.querySelectorAll('article *')]
        .filter(e => e.getBoundingClientRect().right > width + 1)
        .slice(0, 3).map(e => e.tagName.toLowerCase() + ': '
            + (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50));
    return `${document.documentElement.scrollWidth}px wide; ${culprits.join(' | ')}`;
}"""


def check_pages(page, site, paths) -> list[Violation]:
    violations = []
    for path in paths:
        response = page.goto(site.url(path), wait_until="load")
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        violations += run_axe(page, label=path)
    return violations


@dataclass
class Survey:
    pages: int = 0
    seconds: float = 0.0
    violations: list[Violation] = field(default_factory=list)
    too_wide: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def survey(browser, site) -> Survey:
    """One pass over every page: axe at desktop size, then the same page
    narrowed to 320 px (no reload) to check that nothing scrolls sideways."""
    result = Survey(pages=len(site.pages))
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    started = time.monotonic()
    try:
        page = context.new_page()
        for path in site.pages:
            page.set_viewport_size(DESKTOP)
            response = page.goto(site.url(path), wait_until="load")
            assert response is not None and response.ok, \
                f"{path}: HTTP {response and response.status}"
            result.violations += run_axe(page, label=path)
            page.set_viewport_size(NARROW)
            overflow = page.evaluate(OVERFLOW)
            if overflow:
                result.too_wide.append(f"{path}: {overflow}")
    finally:
        context.close()
    result.seconds = time.monotonic() - started
    print(f"\naxe + reflow: {result.pages} pages in {result.seconds:.1f} s "
          f"({result.seconds / result.pages:.2f} s per page)")
    return result


def test_site_has_all_pages(site):
    """The page list is the whole site, not a sample: every sitemap entry is in it."""
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    locations = [line.split("<loc>")[1].split("</loc>")[0]
                 for line in sitemap.splitlines() if "<loc>" in line]
    assert locations
    paths = set(site.pages)
    for location in locations:
        path = "/" + location.split("://", 1)[1].split("/", 1)[1]
        assert path in paths, f"{path} from the sitemap is not checked"
    assert "/404.html" in paths


def one_page_per_section(pages: list[str]) -> list[str]:
    """The home page, the 404 page and the first two pages of every section."""
    chosen, seen = [], {}
    for path in pages:
        section = path.strip("/").split("/")[0]
        if seen.get(section, 0) < 2:
            chosen.append(path)
            seen[section] = seen.get(section, 0) + 1
    return chosen


def test_every_page_passes_axe(survey):
    """WCAG 2.0/2.1/2.2 A and AA rules of axe-core, on every page, zero violations."""
    assert survey.pages > 0
    assert not survey.violations, report(survey.violations)


def test_no_horizontal_scrolling_at_320px(survey):
    """WCAG 1.4.10 Reflow: at 320 CSS pixels wide no page scrolls sideways.
    axe does not check this."""
    assert not survey.too_wide, "pages wider than 320px:\n" + "\n".join(survey.too_wide)


def test_phone_layout_passes_axe(browser, site):
    """The phone layout has its own header and hides the sidebars; the content
    is the same as on desktop, so two pages of every section suffice."""
    context = browser.new_context(viewport=PHONE, locale="nl-NL", is_mobile=True,
                                  has_touch=True)
    try:
        page = context.new_page()
        violations = check_pages(page, site, one_page_per_section(site.pages))
    finally:
        context.close()
    assert not violations, report(violations)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_open_search_and_targeted_heading_pass_axe(browser, site, viewport):
    """States a page load does not show: search results, a heading reached by
    its anchor (its ¶ link is then visible), the menu drawer on phones."""
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    violations = []
    try:
        page = context.new_page()
        page.goto(site.url("/procedures/tlv-aanvragen/#stap-2"), wait_until="load")
        violations += run_axe(page, label="/procedures/tlv-aanvragen/#stap-2")

        page.locator("#swv-zoekvraag").focus()
        page.keyboard.type("TLV")
        page.keyboard.press("Enter")
        page.locator(".swv-zoek-resultaten li").first.wait_for(state="visible", timeout=15_000)
        violations += run_axe(page, label="/zoeken/?q=TLV")
        page.goto(site.url("/zoeken/?q=zzqxw"), wait_until="load")
        page.locator("#swv-zoek-status").get_by_text("Geen").wait_for()
        violations += run_axe(page, label="/zoeken/?q=zzqxw (no results)")
        page.goto(site.url("/zoeken/?q=basisondersteunin"), wait_until="load")
        page.locator("#swv-zoek-begrippen li").first.wait_for(state="visible")
        violations += run_axe(page, label="/zoeken/?q=basisondersteunin (matching begrippen)")

        if viewport is PHONE:
            page.goto(site.url("/"), wait_until="load")
            page.locator('.md-header label[for="__drawer"]').click()
            page.wait_for_timeout(400)  # the drawer slides in
            violations += run_axe(page, label="/ (menu open)")
    finally:
        context.close()
    assert not violations, report(violations)


def test_axe_fails_on_an_inaccessible_page(page):
    """The check can fail: a page with low-contrast text and an image without alt."""
    server, thread = serve(INACCESSIBLE)
    try:
        host, port = server.server_address[:2]
        page.goto(f"http://{host}:{port}/index.html", wait_until="load")
        violations = run_axe(page, label="/index.html")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    rules = {v.rule for v in violations}
    assert {"color-contrast", "image-alt"} <= rules, report(violations)
    message = report(violations)
    assert "/index.html" in message and "color-contrast" in message and "img" in message
