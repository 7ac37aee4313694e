"""The engine-independent sharded search index (swvsite.pages.zoekindex), on
small built pages: what each mechanism must find, and what it must leave out."""

from __future__ import annotations

import json

from swvsite.pages import zoekindex as z
from swvsite.pages.zoekindex import bestanden


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
    keys = manifest["shards"]["nl"]
    stemmed = json.loads(files[f"nl/w-{z.shard_of('dyslexie', keys)}.json"])["dyslexie"]
    assert stemmed in json.loads(files[f"nl/p-{z.shard_of(stemmed, keys)}.json"])


def test_big_shards_split_by_a_longer_prefix(monkeypatch):
    monkeypatch.setattr(bestanden, "SHARD_BYTES", 40)
    built = index()
    keys = z.shard_keys(built, "nl")
    assert any(len(key) > z.PREFIX for key in keys)
    files = z.files(built)
    for word, stemmed in built.surfaces["nl"].items():
        shard = json.loads(files[f"nl/w-{z.shard_of(word, keys)}.json"])
        assert shard[word] == stemmed


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


def section_page(*sections: tuple[str, str, str]) -> str:
    """A page of h2 sections: (title, attributes, body)."""
    parts = "".join(f'<h2 id="s{i}"{attrs}>{title}</h2><p>{body}</p>'
                    for i, (title, attrs, body) in enumerate(sections))
    return (f'<html lang="nl"><body><article><h1 id="t">Pagina</h1><p>Inleiding.</p>{parts}'
            '</article></body></html>')


def test_an_excluded_heading_leaves_out_its_whole_section():
    markup = section_page(
        ("Antwoord", "", "Over de zorgplicht."),
        ("Vragen of hulp nodig?", ' data-search-exclude="true"', "Bel het steunpunt gratis."),
        ("Nog een antwoord", "", "Over de leerplicht."))
    entries = z.page_entries(markup, "p/")
    assert [e.title for e in entries] == ["Pagina", "Antwoord", "Nog een antwoord"]
    assert not any("steunpunt" in e.text for e in entries)
    assert "leerplicht" in entries[-1].text


def test_an_excluded_element_leaves_out_all_it_holds():
    markup = ('<html lang="nl"><body><article><h1 id="t">Pagina</h1>'
              '<div data-search-exclude="true"><div>Binnen</div><p>Ook weg</p></div>'
              '<p>Blijft</p></article></body></html>')
    [entry] = z.page_entries(markup, "p/")
    assert entry.text == "Blijft"


def test_a_title_that_says_the_question_in_its_order_ranks_first():
    # Both titles hold the question's one content word ("school") and as many
    # others; only a/ has "naar school" side by side. b/ comes first on a tie.
    entries = [*z.page_entries(page("School naar kind", "Wat u kunt doen."), "b/"),
               *z.page_entries(page("Mijn kind wil niet meer naar school", "Wat u kunt doen."),
                               "a/")]
    assert [e.url for e in z.search("ik wil niet meer naar school", z.build(entries))] == \
        ["a/", "b/"]
    assert z.word_pairs("ik wil niet meer naar school", "nl") == ["nar schol"]


def test_common_words_of_the_text_split_compounds():
    entries = [e for i in range(z.VOCABULARY_MIN_ENTRIES) for e in z.page_entries(
        page(f"Pagina {i}", "Problemen met gedrag in de klas."), f"p{i}/")]
    assert z.split_compound("gedragsproblemen", z.build(entries).vocabulary) == \
        ["gedrag", "problemen"]
    fewer = entries[:z.VOCABULARY_MIN_ENTRIES - 1]
    assert z.split_compound("gedragsproblemen", z.build(fewer).vocabulary) == []


def test_a_short_unknown_word_is_not_corrected_into_another():
    entries = z.page_entries(page("Stap 1", "De eerste stap."), "s/")
    assert z.bedoelde_u("snap", z.build(entries)) is None
    assert z.bedoelde_u("stapp", z.build(entries)) == "stap"


def test_a_title_of_just_the_question_ranks_first():
    # The weightier page has the word in its title too, among others; the
    # glossary term is the question exactly (its abbreviation in parentheses).
    entries = [*z.page_entries(page("Stap 6: Het samenwerkingsverband beslist", "Het besluit."),
                               "procedures/tlv/"),
               *z.page_entries(page("Samenwerkingsverband (SWV)", "Alle scholen samen."),
                               "begrippen/")]
    entries[0].boost = 2.0
    assert [e.url for e in z.search("samenwerkingsverband", z.build(entries))][:1] == \
        ["begrippen/"]
    assert z.title_signatures("Een toelaatbaarheidsverklaring (TLV) aanvragen", "nl") == \
        {"=aanvrag tlv toelaatbaarheidsverklar", "=aanvrag toelaatbaarheidsverklar", "=tlv"}


def test_the_end_of_a_compound_finds_the_compound():
    # Parents write "perspectiefplan" for the ontwikkelingsperspectiefplan (OPP).
    entries = [*z.page_entries(page("Ontwikkeling", "Hoe uw kind leert."), "o/"),
               *z.page_entries(page("Het OPP", "Het ontwikkelingsperspectiefplan."), "opp/")]
    index = z.build(entries)
    assert [e.url for e in z.search("perspectiefplan", index)] == ["opp/"]
    tails = z.compound_tails({"ontwikkelingsperspectiefplan": "x", "autismespectrumstoornis": "y"},
                             frozenset({"ontwikkeling", "autisme"}))
    assert tails["perspectiefplan"] == "x"            # after a linking s
    assert tails["spectrumstoornis"] == "y"           # a part that starts with s
    assert "leerplichtambtenaar" not in z.compound_tails(  # a head of "over", "door": none
        {"overleerplichtambtenaar": "z"}, frozenset({"over"}))
