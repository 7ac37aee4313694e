"""Procedures and FAQs print cleanly: no navigation chrome, web addresses
written out, a step or a question never split over two pages."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path, block", [
    ("/procedures/tlv-aanvragen/", ".swv-stap"),
    ("/vragen/ondersteuning-en-opp/", ".swv-vraag"),
])
def test_print_styles(site, page, path, block):
    page.goto(site.url(path))
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".swv-zoekbalk"):
        assert page.eval_on_selector(chrome, "e => getComputedStyle(e).display") == "none", chrome
    assert page.eval_on_selector(block, "e => getComputedStyle(e).breakInside") == "avoid"
    external = page.locator("article a[href^='http']").first
    after = external.evaluate("e => getComputedStyle(e, '::after').content")
    assert external.get_attribute("href") in after
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
