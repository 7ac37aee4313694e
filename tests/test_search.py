"""Search: the words parents use (zoekwoorden) and abbreviations work both ways in
the built site's own index (swvsite.pages.zoekindex); the one-pass scan of the
begrippen's names; low-value sections stay out of the index."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from swvsite.content.load import load_site
from swvsite.pages import search
from swvsite.pages import zoekindex as z

from conftest import FIXTURE_CONTENT


def built_index(site_root) -> z.Index:
    synonyms = z.Synonyms(search.synoniemen(load_site(FIXTURE_CONTENT)).groups)
    return z.build(z.site_entries(site_root), synonyms=synonyms)


def locations(site_root) -> list[str]:
    return [d[0] for block in sorted((site_root / "zoeken/index").glob("d-*.json"))
            for d in json.loads(block.read_text(encoding="utf-8"))]


def test_built_index_finds_both_directions(fixture_site):
    index = built_index(fixture_site.root)

    def found_by(word: str) -> set[str]:
        return {index.entries[n].url for n, _ in index.postings["nl"][z.stem(word, "nl")]}

    # "rugzakje" is a zoekwoord of the begrip Arrangement: each finds the other's answer.
    assert any(u.endswith("#wat-is-een-arrangement") for u in found_by("rugzakje"))
    assert any(u.endswith("#bestaat-het-rugzakje-nog") for u in found_by("arrangement"))


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



def test_low_value_sections_are_left_out_of_the_index(fixture_site):
    found = locations(fixture_site.root)
    assert not [x for x in found if x.endswith("#vragen-of-hulp-nodig")]
    assert not [x for x in found if x.startswith("scholen/") and x.endswith(
        ("#documenten", "#contactpersoon-voor-ondersteuning", "#basisondersteuning-voor-alle-"
         "leerlingen"))]
    # What parents search for stays: the school, its extra support, answers and steps.
    assert any(x.startswith("scholen/") and x.count("/") == 2 and "#" not in x for x in found)
    assert [x for x in found if x.startswith("scholen/") and "#extra-ondersteuning" in x]
    assert [x for x in found if "#stap-1" in x]
    assert [x for x in found if x.startswith("vragen/") and "#" in x]
