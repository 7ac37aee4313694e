"""The site's one stylesheet and one script (swvsite.pages.bundle): what the small
minifiers keep and drop, and what the built test site serves. That the
minified stylesheet has exactly the rules of its sources, in the same order, is
checked in Chromium (tests/browser/test_bundle_browser.py)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from swvsite.pages import bundle


def test_css_comments_and_white_space_go():
    source = """/* A comment
       over lines. */
    .md-typeset  .swv-filter   legend ,
    .b   {
      font-weight : 700 ;   /* trailing */
      padding: 0 0.3rem;
    }
    """
    assert bundle.minify_css(source) == (
        ".md-typeset .swv-filter legend,.b{font-weight : 700;padding: 0 0.3rem}\n")


def test_css_strings_are_kept_as_written():
    source = 'a::after { content: " /* not a comment */ ;} " attr(href) \'  x\\\' \'; }'
    assert bundle.minify_css(source) == (
        'a::after{content: " /* not a comment */ ;} " attr(href) \'  x\\\' \'}\n')


def test_css_spaces_that_mean_something_stay():
    source = """.md-typeset :target > .headerlink { color: red }
    @media screen and (max-width: 76.234375em) { .a :focus-visible { outline: 0 } }"""
    minified = bundle.minify_css(source)
    assert ".md-typeset :target > .headerlink{" in minified
    assert "@media screen and (max-width: 76.234375em){.a :focus-visible{outline: 0}}" in minified


def test_css_comment_between_selectors_still_separates_them():
    assert bundle.minify_css(".a/* x */.b{}") == ".a .b{}\n"


@pytest.mark.parametrize("source", ['a { content: "open }', "/* open", "a { content: 'x\n' }"])
def test_css_that_cannot_be_read_safely_is_refused(source):
    with pytest.raises(ValueError):
        bundle.minify_css(source)


def test_js_comment_lines_and_indentation_go_code_lines_stay():
    source = """// Instant filtering.
    /* A block
     * comment. */
    (function () {
      "use strict";
      /* one line */
      var a = "// not a comment", b = '/* nor this */';  // kept: not a whole line
      toggle.click(); /* kept too */

      return a /
        b;
    })();
    """
    assert bundle.minify_js(source) == (
        '(function () {\n"use strict";\n'
        "var a = \"// not a comment\", b = '/* nor this */';  // kept: not a whole line\n"
        "toggle.click(); /* kept too */\nreturn a /\nb;\n})();\n")


def test_js_code_after_a_closing_comment_is_kept():
    assert bundle.minify_js("/* a\n b */ go();\n/* c */ stay(); /* d */\n") == (
        "go();\n/* c */ stay(); /* d */\n")


@pytest.mark.parametrize("source", ["var a = `x\n  y`;", 'var a = "x\\\n  y";', "/* open\n"])
def test_js_that_cannot_be_read_safely_is_refused(source):
    with pytest.raises(ValueError):
        bundle.minify_js(source)


def test_js_parts_may_not_depend_on_a_top_level_use_strict():
    with pytest.raises(ValueError):
        bundle.combine_scripts(['"use strict";\nvar a = 1;\n'])


def test_print_styles_come_last_so_they_override_the_screen_styles():
    assert bundle.STYLESHEET_SOURCES[-1] == "print.css"


def test_every_source_file_is_bundled_and_exists():
    for name in (*bundle.STYLESHEET_SOURCES, *bundle.SCRIPT_SOURCES):
        assert (bundle.SOURCES / name).is_file(), name
    assert bundle.script().count("}catch(e){setTimeout(function(){throw e})}") == len(
        bundle.SCRIPT_SOURCES)


def _own(addresses: list[str]) -> list[str]:
    return [re.sub(r"^(\.\./)+|^/", "", a) for a in addresses if "swvsite" in a]


def test_the_fixture_site_serves_one_stylesheet_and_one_script_of_its_own(fixture_site):
    """Every page: Material's files, then our one stylesheet and one script; a page
    with a feature (a filter, a step-by-step) adds exactly that feature's file, after ours."""
    expected_features = {"index.html": [], "404.html": [],
                         "voorzieningen/index.html": ["filters"],
                         "procedures/tlv-aanvragen/index.html": ["stappenplan"]}
    features = {f.name: f for f in bundle.FEATURES}
    for path, names in expected_features.items():
        page = BeautifulSoup((fixture_site.root / path).read_text(encoding="utf-8"), "html.parser")
        styles = [link["href"] for link in page.find_all("link", rel="stylesheet")]
        scripts = [s["src"] for s in page.find_all("script", src=True)]
        extra_styles = [features[n].stylesheet_path for n in names if features[n].stylesheets]
        extra_scripts = [features[n].script_path for n in names if features[n].scripts]
        assert _own(styles) == [bundle.STYLESHEET, *extra_styles], (path, styles)
        assert sorted(_own(scripts)) == sorted([bundle.SCRIPT, *extra_scripts]), (path, scripts)
        # Material's first (main.css, bundle.js), ours after them: ours override.
        assert re.search(r"stylesheets/main\.\w+\.min\.css$", styles[0]), styles
        assert styles.index(next(s for s in styles if s.endswith(bundle.STYLESHEET))) > 0
        assert scripts[-1].endswith(bundle.SCRIPT), scripts
        for address in extra_styles + extra_scripts:
            assert (fixture_site.root / address).is_file(), address
    css = (fixture_site.root / bundle.STYLESHEET).read_text(encoding="utf-8")
    assert "/*" not in css and "@media print{" in css
    assert (fixture_site.root / bundle.SCRIPT).read_text(encoding="utf-8") == bundle.script()
