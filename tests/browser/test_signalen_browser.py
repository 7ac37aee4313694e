"""The signalen pages of a fixture site in Chromium: axe, and the chart readable at
phone width (390 px): it scales to the screen, its labels keep a readable size,
and the table scrolls inside its own region instead of widening the page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .axecheck import report, run_axe
from .conftest import DESKTOP, PHONE, serve
from conftest import FIXTURES, build, copy_content


def _content(where: Path) -> Path:
    """tests/fixtures/minimal plus the signal files of tests/fixtures/signalen/."""
    content = copy_content(FIXTURES / "minimal", where / "content")
    (content / "signalen").mkdir(exist_ok=True)
    for source in (FIXTURES / "signalen").glob("*.yml"):
        shutil.copy(source, content / "signalen" / source.name)
    return content


@pytest.fixture(scope="module")
def signal_served(tmp_path_factory):
    where = tmp_path_factory.mktemp("signalen-browser")
    site = build(where, _content(where))
    assert site.result.returncode == 0, site.result.stderr
    server, thread = serve(site.root)
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


PAGES = ("/signalen/", "/signalen/2026-q1/")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_signal_pages_pass_axe(browser, signal_served, viewport):
    context = browser.new_context(viewport=viewport, locale="nl-NL",
                                  is_mobile=viewport is PHONE, has_touch=viewport is PHONE)
    try:
        page = context.new_page()
        violations = []
        for path in PAGES:
            response = page.goto(signal_served + path, wait_until="load")
            assert response is not None and response.ok
            violations += run_axe(page, label=path)
        assert not violations, report(violations)
    finally:
        context.close()


SIZES = """() => {
    const svg = document.querySelector('article svg.swv-grafiek');
    const box = svg.getBoundingClientRect();
    const labels = [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect());
    const table = document.querySelector('article .swv-tabel');
    return {
        viewport: document.documentElement.clientWidth,
        page: document.documentElement.scrollWidth,
        svgLeft: box.left, svgRight: box.right, svgWidth: box.width,
        smallestText: Math.min(...labels.map(r => r.height)),
        textRight: Math.max(...labels.map(r => r.right)),
        tableRight: table.getBoundingClientRect().right,
        tableOverflow: getComputedStyle(table).overflowX,
    };
}"""


@pytest.mark.parametrize("path", PAGES)
def test_the_chart_is_readable_at_phone_width(browser, signal_served, path):
    context = browser.new_context(viewport=PHONE, locale="nl-NL", device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(signal_served + path, wait_until="load")
        sizes = page.evaluate(SIZES)
        assert sizes["page"] <= sizes["viewport"], sizes  # nothing scrolls sideways
        assert sizes["svgLeft"] >= 0 and sizes["svgRight"] <= sizes["viewport"], sizes
        assert sizes["svgWidth"] >= 0.75 * sizes["viewport"] - 40, sizes  # uses the width
        assert sizes["textRight"] <= sizes["svgRight"] + 1, sizes  # no label cut off
        assert sizes["smallestText"] >= 11, sizes  # labels stay readable
        assert sizes["tableRight"] <= sizes["viewport"] + 1, sizes
        assert sizes["tableOverflow"] == "auto"
    finally:
        context.close()


def test_the_period_page_prints_as_a_report(browser, signal_served):
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(signal_served + "/signalen/2026-q1/", wait_until="load")
        page.emulate_media(media="print")
        for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
            assert page.eval_on_selector(chrome, "e => getComputedStyle(e).display") == "none"
        for block in (".swv-figuur", ".swv-tabel", ".swv-rapport-kop"):
            assert page.eval_on_selector(
                block, "e => getComputedStyle(e).breakInside") == "avoid", block
        assert page.eval_on_selector(
            ".swv-grafiek__staaf", "e => getComputedStyle(e).fill") == "rgb(0, 0, 0)"
        report_head = page.inner_text(".swv-rapport-kop")
        assert "eerste kwartaal 2026" in report_head and "Gemaakt op" in report_head
        assert page.is_visible("#kleine-aantallen")
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    finally:
        context.close()
