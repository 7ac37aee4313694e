"""Search index: the words parents use (zoekwoorden) and abbreviations work both ways."""

from __future__ import annotations

import json

from swvsite import search
from swvsite.load import load_site

from conftest import ROOT


def test_expand_index_adds_other_names_once_and_escaped():
    site = load_site(ROOT / "content")
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


def test_built_index_finds_both_directions(demo_site):
    docs = json.loads((demo_site.root / "search/search_index.json").read_text())["docs"]
    faq = next(d for d in docs if d["location"].endswith("#bestaat-het-rugzakje-nog"))
    assert "arrangement" in faq["text"].lower()
    arrangement = next(d for d in docs if d["location"].endswith("#wat-is-een-arrangement"))
    assert "rugzakje" in arrangement["text"]
