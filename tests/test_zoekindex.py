"""The engine-independent sharded search index (swvsite.pages.zoekindex), on
small built pages: what each mechanism must find, and what it must leave out."""

from __future__ import annotations

import json

from swvsite.pages import zoekindex as z


def page(title: str, body: str, lang: str = "nl", head: str = "") -> str:
    return (f'<html lang="{lang}"><head>{head}</head><body><article class="md-content__inner">'
            f'<h1 id="t">{title}</h1><p>{body}</p></article></body></html>')


PAGES = {
    "thuis/": page("Thuisonderwijs en thuiszitten", "Als uw kind thuiszit, belt u de school."),
    "leerplicht/": page("De leerplichtambtenaar", "De leerplichtambtenaar van de gemeente helpt."),
    "tlv/": page("TLV aanvragen", "Een toelaatbaarheidsverklaring voor speciaal onderwijs."),
    "bezwaar/": page("Bezwaar", "Bezwaar maken tegen een besluit over de tlv van uw kind."),
    "dyslexie/": page("Dyslexie", "Ondersteuning bij dyslexie op school."),
    "en/dyslexia/": page("Dyslexia", "Support for dyslexia at school.", lang="en"),
    "oud/": page("Oude pagina", "dyslexie", head='<meta http-equiv="refresh" content="0; url=/">'),
    "filter/": ('<html lang="nl"><body><article><h1 id="f">Scholen</h1>'
                '<ul data-search-exclude="true"><li>dyslexie</li></ul></article></body></html>'),
}


def index() -> z.Index:
    entries = [e for url, markup in PAGES.items() for e in z.page_entries(markup, url)]
    return z.build(entries)


def top(query: str, lang: str = "nl") -> list[str]:
    return [e.url for e in z.search(query, index(), lang)]


def test_dutch_stemmer_follows_snowball():
    assert [z.stem_nl(w) for w in ("ouders", "kinderen", "mogelijkheden", "verklaring",
                                   "lichamelijk", "maan")] == \
        ["ouder", "kinder", "mogelijk", "verklar", "licham", "man"]


def test_typo_finds_the_word_in_the_vocabulary():
    assert top("dyslectie")[:1] == ["dyslexie/"]
    assert z.query_terms("dyslectie", index())[1] == ["dyslexie"]


def test_compounds_split_and_joined():
    assert top("leerplicht ambtenaar")[:1] == ["leerplicht/"]
    assert top("toelaatbaarheids verklaring")[:1] == ["tlv/"]
    assert z.split_compound("toelaatbaarheidsverklaring",
                            frozenset({"toelaatbaarheid", "verklaring"})) == \
        ["toelaatbaarheid", "verklaring"]


def test_title_and_abbreviation_first():
    assert top("tlv")[:1] == ["tlv/"]


def test_stop_words_leave_the_content_words():
    assert top("ik wil dat mijn kind niet meer thuiszit")[:1] == ["thuis/"]


def test_redirects_and_filter_lists_are_no_results():
    found = top("dyslexie")
    assert "oud/" not in found and "filter/" not in found


def test_each_language_searches_its_own_pages():
    assert top("dyslexia", "en") == ["en/dyslexia/"]
    assert "en/dyslexia/" not in top("dyslexie")


def test_shards_hold_what_a_query_needs():
    files = z.files(index())
    manifest = json.loads(files["manifest.json"])
    assert sorted(manifest["shards"]) == ["en", "nl"]
    key = z.shard_of("dyslexie", manifest["shards"]["nl"])
    shard = json.loads(files[f"nl/t-{key}.json"])
    assert shard["w"]["dyslexie"] in shard["p"]


def test_big_shards_split_by_a_longer_prefix(monkeypatch):
    monkeypatch.setattr(z, "SHARD_BYTES", 40)
    built = index()
    keys = z.shard_keys(built, "nl")
    assert any(len(key) > z.PREFIX for key in keys)
    files = z.files(built)
    for word, stemmed in built.surfaces["nl"].items():
        shard = json.loads(files[f"nl/t-{z.shard_of(word, keys)}.json"])
        assert shard["w"][word] == stemmed


def test_every_begrip_is_an_entry_of_its_own():
    begrippen = ('<html lang="nl"><body><article><h1 id="begrippen">Begrippen</h1><dl>'
                 '<dt id="mentor">Mentor</dt><dd>De vaste docent van uw kind.</dd>'
                 '<dt id="opp">OPP</dt><dd>Het plan voor de ondersteuning.</dd>'
                 '</dl></article></body></html>')
    ouders = page("Voor ouders", "Praat met de mentor, de mentor weet veel. Mentor en school.")
    entries = z.page_entries(begrippen, "begrippen/") + z.page_entries(ouders, "ouders/")
    assert [e.url for e in z.search("wat is een mentor", z.build(entries))][:1] == \
        ["begrippen/#mentor"]


def test_bedoelde_u_offers_the_corrected_question():
    assert z.bedoelde_u("Dyslectie op school", index()) == "dyslexie op school"
    assert z.bedoelde_u("dyslexie op school", index()) is None
