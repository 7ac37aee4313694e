"""Search index: the words parents use (zoekwoorden) and abbreviations work both ways;
pages are divided into sections exactly as Material's parser does; low-value sections
stay out of the index."""

from __future__ import annotations

import functools
import json
import re

import markdown as markdown_lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser
from mkdocs.config import load_config

from swvsite.content.load import load_site
from swvsite.engine import searchindex
from swvsite.pages import search
from swvsite.pages.markup import NOT_SEARCHED

from conftest import FIXTURE_CONTENT, FIXTURE_SITE, make_project, run_swvsite


def test_expand_index_adds_other_names_once_and_escaped():
    site = load_site(FIXTURE_CONTENT)
    index = {"docs": [
        {"location": "a/", "title": "Arrangement", "text": "<p>Een arrangement is extra hulp.</p>"},
        {"location": "b/", "title": "TLV", "text": "<p>De TLV aanvragen.</p>"},
        {"location": "c/", "title": "Niets", "text": "<p>Over iets anders.</p>"},
    ]}
    expanded = search.expand_index(index, search.synoniemen(site))
    a, b, c = (d["text"] for d in expanded["docs"])
    assert "rugzakje" in a and a.count("Zoekwoorden:") == 1 and "<p hidden>" in a
    assert "Toelaatbaarheidsverklaring" in b
    assert "Zoekwoorden" not in c


def test_built_index_finds_both_directions(fixture_site):
    docs = json.loads((fixture_site.root / "search/search_index.json").read_text())["docs"]
    faq = next(d for d in docs if d["location"].endswith("#bestaat-het-rugzakje-nog"))
    assert "arrangement" in faq["text"].lower()
    arrangement = next(d for d in docs if d["location"].endswith("#wat-is-een-arrangement"))
    assert "rugzakje" in arrangement["text"]


# --------------------------------------------------------------------------
# The words parents use: the one-pass scan finds what a regex over every name finds
# --------------------------------------------------------------------------


NAMES = ["TLV", "toelaatbaarheidsverklaring", "IB'er", "intern begeleider", "passend onderwijs",
         "onderwijs", "SO", "speciaal onderwijs", "rugzakje", "OPP", "zorg-plicht", "Ib"]


def reference_mentioned(names: list[str], text: str) -> set[str]:
    """What the index expansion did before: one regex with every name, longest first."""
    alternatives = "|".join(re.escape(n) for n in sorted({n.lower() for n in names},
                                                         key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)({alternatives})(?!\w)", re.I)
    return {match.group(1).lower() for match in pattern.finditer(text)}


def synonyms_of(names: list[str]) -> search.Synoniemen:
    by_name = {n.lower(): (0,) for n in names}
    return search.Synoniemen((tuple(names),), by_name, search._trie_pattern(list(by_name)))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(NAMES + ["de", "een", "school", "'s", "-", " ", "  ", "\n",
                                         ",", ".", "onderwijsje", "tlvs", "x", "é", "ß"]),
                max_size=30))
def test_one_pass_scan_finds_the_same_names_as_a_regex_of_all_names(parts):
    text = "".join(p if p in (" ", "  ", "\n") else p + " " * (len(p) % 2) for p in parts)
    assert synonyms_of(NAMES).mentioned(text) == reference_mentioned(NAMES, text)


def test_longest_name_wins_and_matches_do_not_overlap():
    synonyms = synonyms_of(NAMES)
    assert synonyms.mentioned("Passend onderwijs voor iedereen") == {"passend onderwijs"}
    assert synonyms.mentioned("speciaal onderwijs en onderwijs") == {"speciaal onderwijs",
                                                                     "onderwijs"}
    assert synonyms.mentioned("de IB'er en de ib") == {"ib'er", "ib"}
    assert synonyms.mentioned("tlvs en toelaatbaarheidsverklaringen") == set()


# --------------------------------------------------------------------------
# Dividing pages into search sections: the same as Material's parser
# --------------------------------------------------------------------------


def material_sections(content: str) -> list[tuple]:
    parser = Parser()
    parser.feed(content)
    parser.close()
    return [_kept(s) for s in parser.data]


def _kept(section) -> tuple:
    """What the index gets of a section (the text of an excluded one is dropped)."""
    if section.is_excluded():
        return (section.id, True)
    return (section.id, False, section.title, section.text)


def our_sections(content: str) -> list[tuple] | None:
    sections = searchindex.page_sections(content)
    if sections is None:
        return None
    return [_kept(s) for s in sections]


CAPTURE_HOOK = '''
import json
from pathlib import Path

contents = {}


def on_page_content(html, page, **kwargs):
    contents[page.file.src_uri] = html


def on_post_build(config, **kwargs):
    Path(__file__).with_name("contents.json").write_text(json.dumps(contents), encoding="utf-8")
'''


@pytest.fixture(scope="module")
def page_contents(tmp_path_factory) -> dict[str, str]:
    """The HTML of every page of the test site as the search plugin gets it (a
    MkDocs hook in a real build records it)."""
    tmp = tmp_path_factory.mktemp("contents")
    config = make_project(tmp / "project", FIXTURE_CONTENT)
    (tmp / "project" / "capture.py").write_text(CAPTURE_HOOK, encoding="utf-8")
    with open(config, "a", encoding="utf-8") as stream:
        stream.write("\nhooks:\n  - capture.py\n")
    result = run_swvsite("build", "-f", str(config), "--site-dir", str(tmp / "site"), cwd=tmp)
    assert result.returncode == 0, result.stderr
    return json.loads((tmp / "project" / "contents.json").read_text(encoding="utf-8"))


def test_every_page_is_divided_as_materials_parser_divides_it(page_contents):
    assert len(page_contents) > 40
    handled = 0
    for path, content in page_contents.items():
        ours = our_sections(content)
        if ours is None:
            continue
        handled += 1
        assert ours == material_sections(content), path
    generated = [p for p in page_contents if p.startswith(("scholen/", "voorzieningen/",
                                                            "procedures/", "vragen/"))]
    assert all(our_sections(page_contents[p]) is not None for p in generated)
    assert handled >= len(page_contents) - 3


def test_low_value_sections_are_left_out_of_the_index(fixture_site):
    docs = json.loads((fixture_site.root / "search/search_index.json").read_text())["docs"]
    locations = [d["location"] for d in docs]
    assert not [x for x in locations if x.endswith("#vragen-of-hulp-nodig")]
    assert not [x for x in locations if x.startswith("scholen/") and x.endswith(
        ("#documenten", "#contactpersoon-voor-ondersteuning", "#basisondersteuning-voor-alle-"
         "leerlingen"))]
    # What parents search for stays: the school, its extra support, answers and steps.
    assert any(x.startswith("scholen/") and x.count("/") == 2 and "#" not in x for x in locations)
    assert [x for x in locations if x.startswith("scholen/") and "#extra-ondersteuning" in x]
    assert [x for x in locations if "#stap-1" in x]
    assert [x for x in locations if x.startswith("vragen/") and "#" in x]
    # The attribute that leaves a section out is gone from the published page.
    for page in fixture_site.html_files():
        assert "data-search-exclude" not in page.read_text(encoding="utf-8"), page


@functools.cache
def site_markdown_config() -> tuple[list, dict]:
    """The Markdown extensions and their options of the test site's mkdocs.yml (the same as
    the repo's)."""
    config = load_config(str(FIXTURE_SITE / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def site_markdown() -> markdown_lib.Markdown:
    names, configs = site_markdown_config()
    return markdown_lib.Markdown(extensions=names, extension_configs=configs)


WORDS = st.sampled_from(["school", "Ouder", "TLV", "&", "<b>", "'", '"', "é", "a&amp;b",
                         "&lt;p&gt;", "1.", "-", "*", "_", "\\", "x"])
INLINE = st.lists(st.one_of(
    WORDS,
    WORDS.map(lambda w: f"**{w}**"),
    WORDS.map(lambda w: f"*{w}*"),
    WORDS.map(lambda w: f"`{w}`"),
    WORDS.map(lambda w: f"[{w}](https://example.nl/{len(w)})"),
    st.just("  \n"),
), min_size=1, max_size=8).map(" ".join)
BLOCK = st.one_of(
    INLINE,
    st.lists(INLINE, min_size=1, max_size=3).map(lambda xs: "\n".join(f"- {x}" for x in xs)),
    st.lists(INLINE, min_size=1, max_size=3).map(lambda xs: "\n".join(f"1. {x}" for x in xs)),
    st.tuples(st.integers(1, 4), INLINE).map(lambda t: f"{'#' * t[0]} {t[1]}"),
    st.tuples(st.integers(2, 3), INLINE, st.booleans()).map(
        lambda t: f"{'#' * t[0]} {t[1]} {{: {NOT_SEARCHED if t[2] else '#x'} }}"),
    st.tuples(INLINE, INLINE).map(lambda t: f"{t[0]}\n:   {t[1]}"),
    st.tuples(st.integers(2, 3), INLINE, INLINE).map(
        lambda t: f'<div class="swv-stap" markdown>\n\n{"#" * t[0]} {t[1]}\n\n{t[2]}\n\n</div>'),
    st.tuples(INLINE, INLINE).map(
        lambda t: f'<ul data-search-exclude="true" markdown>\n<li markdown>{t[0]}</li>\n'
                  f'<li markdown>{t[1]}</li>\n</ul>'),
    st.just("<span id=\"oud\"></span>"),
    st.just("!!! note\n    Let op"),
    st.just("???+ note \"Meer\"\n    Open"),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(BLOCK, min_size=1, max_size=12))
def test_any_markdown_is_divided_as_materials_parser_divides_it(blocks):
    content = site_markdown().convert("\n\n".join(blocks))
    ours = our_sections(content)
    if ours is not None:
        assert ours == material_sections(content), content
