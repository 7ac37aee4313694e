"""The site's one stylesheet and one script (swvsite.pages.bundle), as Chromium reads
them: the stylesheet has exactly the rules of its source files, in the same
order (so the cascade is what it was with separate files); an error in one part
of the script is still reported and does not stop the parts after it."""

from __future__ import annotations

from swvsite.content.load import load_site
from swvsite.engine import theme
from swvsite.pages import bundle

from conftest import FIXTURE_CONTENT

RULES = "() => [...document.styleSheets].flatMap(s => [...s.cssRules].map(r => r.cssText))"


def rules(page, stylesheets: list[str]) -> list[str]:
    styles = "".join(f"<style>{text}</style>" for text in stylesheets)
    page.set_content(f"<!doctype html><html><head>{styles}</head><body></body></html>")
    return page.evaluate(RULES)


def test_the_served_stylesheet_has_the_rules_of_its_sources_in_order(page, fixture_site):
    sources = [theme.css(load_site(FIXTURE_CONTENT))]
    sources += [(bundle.SOURCES / name).read_text(encoding="utf-8")
                for name in bundle.STYLESHEET_SOURCES]
    expected = rules(page, sources)
    served = rules(page, [(fixture_site.root / bundle.STYLESHEET).read_text(encoding="utf-8")])
    assert len(expected) > 30  # top-level rules; an @media rule holds its own
    assert any(rule.startswith("@media print") for rule in expected)
    assert served == expected


def test_an_error_in_one_part_of_the_script_does_not_stop_the_next(page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    script = bundle.combine_scripts([
        "window.ran = ['eerste'];\nthrow new Error('fout in het eerste deel');\n",
        "window.ran.push('tweede');\n",
    ])
    page.set_content(f"<!doctype html><html><body><script>{script}</script></body></html>")
    page.wait_for_function("() => window.ran && window.ran.length === 2")
    page.wait_for_timeout(100)  # the first part's error is rethrown from a timer
    assert page.evaluate("window.ran") == ["eerste", "tweede"]
    assert any("fout in het eerste deel" in error for error in errors), errors
