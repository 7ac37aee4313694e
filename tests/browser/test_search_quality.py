"""Search quality through the site's own search box: the questions parents and
young people ask (tests/zoekvragen.yml) must find an answering page among the
first three results for at least 90% of them."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

QUESTIONS = yaml.safe_load((Path(__file__).parent.parent / "zoekvragen.yml").read_text())
MINIMUM_TOP3 = 0.90


def search(page, query: str) -> list[str]:
    """Type a query like a visitor and return the result pages, best first."""
    page.click(".md-search__input")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type(query)
    page.wait_for_function(
        "q => document.querySelector('.md-search__input').value === q && "
        "/overeenkomende/.test(document.querySelector('.md-search-result__meta').textContent)",
        arg=query)
    page.wait_for_timeout(300)  # let the last keystroke's results replace the previous ones
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item",
        "items => items.map(i => i.querySelector('a.md-search-result__link').href)")
    return [urlparse(h).path.lstrip("/") for h in hrefs]


def test_question_list_is_big_enough_and_points_at_real_pages(site):
    assert len(QUESTIONS) >= 40
    for question in QUESTIONS:
        for path in question["pagina"]:
            assert (site.root / path / "index.html").is_file(), (question["zoek"], path)


def test_top3_hit_rate(site, page):
    page.goto(site.url("/"))
    misses = []
    for question in QUESTIONS:
        top3 = search(page, question["zoek"])[:3]
        if not any(path in question["pagina"] for path in top3):
            misses.append(f"{question['zoek']!r} -> {top3}")
    rate = 1 - len(misses) / len(QUESTIONS)
    print(f"\nsearch quality: top-3 hit rate {rate:.0%} on {len(QUESTIONS)} questions")
    for miss in misses:
        print("  miss:", miss)
    assert rate >= MINIMUM_TOP3, "\n".join(misses)


@pytest.mark.parametrize("query, expected", [
    ("ouders", "vragen/"),          # plural finds the stemmed index
    ("thuiszitten", "thuiszitten"),
    ("rugzakje", "arrangement"),    # a zoekwoord of the begrip arrangement
])
def test_stemming_and_synonyms_really_apply(site, page, query, expected):
    page.goto(site.url("/"))
    results = search(page, query)
    assert results, query
    assert any(expected in r for r in results[:5]), results[:5]
