"""The readability check for Dutch (B1): syllables, sentences, Flesch-Douma,
findings with file/line/field, and the test site's content within its thresholds."""

from __future__ import annotations

import functools
import operator
from pathlib import Path

import pytest

from swvsite.content import model as m
from swvsite.content import taal
from swvsite.content.load import load_site
from swvsite.content.taal import Drempels, check_site, sentences, syllables, words

from conftest import FIXTURE_CONTENT

# --------------------------------------------------------------------------
# Syllables
# --------------------------------------------------------------------------

@pytest.mark.parametrize("word, count", [
    ("school", 1), ("scholen", 2), ("kind", 1), ("kinderen", 3), ("ouders", 2),
    ("moeite", 2),          # oei + final -e, which is pronounced in Dutch
    ("moeilijk", 2),        # oei, ij
    ("eeuw", 1), ("nieuw", 1), ("nieuwe", 2),   # eeu, ieu
    ("haai", 1), ("mooi", 1), ("mooie", 2),      # aai, ooi
    ("leerlingen", 3), ("ondersteuning", 4), ("samenwerkingsverband", 6),
    ("toelaatbaarheidsverklaring", 7),
    ("informatie", 4), ("situatie", 4),          # u-a is two sounds
    ("theorie", 3), ("procedure", 4),
    ("ideeën", 3), ("financiën", 4), ("België", 3),   # trema starts a syllable
    ("coördinator", 5), ("geïnteresseerd", 5), ("ruïne", 3),
    ("één", 1), ("café", 2),                     # other accents change nothing
    ("niveau", 2), ("bureau", 2),                # eau
    ("bijvoorbeeld", 3), ("duidelijk", 3), ("gesprek", 2), ("aanvraag", 2),
    ("uitleg", 2), ("psycholoog", 3), ("orthopedagoog", 5),
    ("praktijkonderwijs", 5), ("basisondersteuning", 6), ("Oisterwijk", 3),
    ("zo'n", 1), ("auto's", 2), ("Tilburg-Noord", 3), ("e-mail", 2),
    ("website", 2), ("jongerencoach", 4), ("wijkteam", 2),   # loan words
])
def test_syllables_of_dutch_words(word, count):
    assert syllables(word) == count


@pytest.mark.parametrize("word, count", [
    ("TLV", 3), ("OPP", 3), ("NT2", 3), ("SBO's", 3),   # capitals: one per character
    ("TLV-aanvraag", 5), ("vmbo", 4), ("vmbo-bb", 6), ("t/m", 3),
    ("2026", 1), ("9.00", 1), ("1.200", 1),               # numbers: one
    ("info@steunpunt.example", 1), ("-", 0), ("(", 0),
])
def test_syllables_of_abbreviations_numbers_and_non_words(word, count):
    assert syllables(word) == count


@pytest.mark.parametrize("word, count", [
    ("naïef", 2), ("zeeën", 2), ("reünie", 3), ("knieën", 2), ("egoïsme", 4), ("Ruïne", 3),
    ("financiële", 5), ("Coördinator", 5), ("crèche", 2), ("überhaupt", 3),
    ("vrijwilliger", 4), ("ijs", 1), ("bijeenkomst", 3), ("IJsselmonde", 4),
    ("(school),", 1), ("BELGIË", 6),       # punctuation is trimmed; capitals are spelled out
])
def test_syllables_with_trema_accents_and_ij(word, count):
    assert syllables(word) == count


def test_long_words_are_four_syllables_but_never_abbreviations_or_numbers():
    assert taal.is_long_word("samenwerkingsverband")
    assert taal.is_long_word("informatie")
    assert not taal.is_long_word("leerkracht")
    assert not taal.is_long_word("ADHD")
    assert not taal.is_long_word("vmbo-kb")
    assert not taal.is_long_word("2024-2028")
    assert taal.is_long_word("leerkracht", Drempels(lange_woorden_lettergrepen=2))


# --------------------------------------------------------------------------
# Sentences and words
# --------------------------------------------------------------------------

def test_abbreviations_do_not_end_a_sentence():
    text = ("Bel bijv. op dinsdag. Dit geldt o.a. voor De Klimop. Dat is d.w.z. "
            "gratis. Vraag dhr. Jansen of J. de Vries. Groep 1 t/m 8 e.d. doet mee.")
    assert sentences(text) == [
        "Bel bijv. op dinsdag.",
        "Dit geldt o.a. voor De Klimop.",
        "Dat is d.w.z. gratis.",
        "Vraag dhr. Jansen of J. de Vries.",
        "Groep 1 t/m 8 e.d. doet mee.",
    ]


def test_enz_ends_a_sentence_only_before_a_capital():
    assert sentences("Lezen, rekenen enz. Daarna praten we.") == [
        "Lezen, rekenen enz.", "Daarna praten we."]
    assert sentences("Lezen, rekenen enz. zijn vakken.") == [
        "Lezen, rekenen enz. zijn vakken."]


def test_numbers_times_and_addresses_do_not_end_a_sentence():
    text = ("Wij zijn er van 9.00 tot 16.30 uur. Er zijn 1.200 leerlingen in groep 8. "
            "Mail naar info@steunpunt.example. Of kijk op www.steunpunt.example.")
    assert sentences(text) == [
        "Wij zijn er van 9.00 tot 16.30 uur.",
        "Er zijn 1.200 leerlingen in groep 8.",
        "Mail naar info@steunpunt.example.",
        "Of kijk op www.steunpunt.example.",
    ]


def test_question_and_exclamation_marks_end_a_sentence_and_a_colon_does_not():
    assert sentences("Wat is een OPP? Dat leest u hier! Let op: het is kort.") == [
        "Wat is een OPP?", "Dat leest u hier!", "Let op: het is kort."]


def test_markdown_list_items_are_sentences_of_their_own():
    text = ("In de brief staat:\n\n"
            "- voor welke soort school de TLV geldt;\n"
            "- de begindatum en\n  de einddatum\n"
            "* een uitleg\n"
            "1. wat u kunt doen als u het\n   niet eens bent.\n\n"
            "Bel ons als u vragen heeft.")
    assert sentences(text, markdown=True) == [
        "In de brief staat:",
        "voor welke soort school de TLV geldt;",
        "de begindatum en de einddatum",
        "een uitleg",
        "wat u kunt doen als u het niet eens bent.",
        "Bel ons als u vragen heeft.",
    ]


def test_plain_text_fields_keep_a_leading_dash_as_text():
    assert sentences("- dit is tekst\n- en dit ook", markdown=False) == [
        "- dit is tekst - en dit ook"]


def test_markdown_links_count_only_their_text_and_bold_is_dropped():
    text = ("Lees [de folder over de TLV](https://x.example/tlv.pdf?a=1). "
            "Dat is **heel** belangrijk en *echt* waar. Zie ook <https://x.example/a.b>.")
    result = sentences(text, markdown=True)
    assert result == ["Lees de folder over de TLV.", "Dat is heel belangrijk en echt waar.",
                      "Zie ook https://x.example/a.b."]
    assert words(result[0]) == ["Lees", "de", "folder", "over", "de", "TLV"]


def test_a_plain_paragraph_runs_on_over_line_breaks():
    assert sentences("Een zin\nloopt door.\n\nNieuwe alinea.") == [
        "Een zin loopt door.", "Nieuwe alinea."]


def test_quotes_and_brackets_around_sentence_ends_and_capitals():
    text = 'Lezen, rekenen enz. "Daarna praten we." (Zie ook e.v. [De bijlage].) Klaar.'
    assert sentences(text) == ["Lezen, rekenen enz.", '"Daarna praten we."', "(Zie ook e.v.",
                               "[De bijlage].)", "Klaar."]


def test_markdown_quotes_headings_and_numbered_items():
    text = "> Een citaat.\n> Gaat door.\n\n## Kop\n\n1) Een punt\n2. Nog een"
    assert sentences(text, markdown=True) == [
        "Een citaat.", "Gaat door.", "Kop", "Een punt", "Nog een"]


def test_paragraphs_end_a_sentence_without_a_period():
    assert sentences("Een kop zonder punt\n\nEen nieuwe alinea.") == [
        "Een kop zonder punt", "Een nieuwe alinea."]


def test_words_skip_punctuation_and_keep_compounds():
    assert words("Van 9.00 - 16.30 uur, t/m vrijdag (Tilburg-Noord)!") == [
        "Van", "9.00", "16.30", "uur", "t/m", "vrijdag", "Tilburg-Noord"]


# --------------------------------------------------------------------------
# Flesch-Douma
# --------------------------------------------------------------------------

def test_flesch_douma_of_an_easy_text_by_hand():
    # De kat zit op de mat. Hij slaapt.
    # 8 words, 8 syllables, 2 sentences: 100 syllables per 100 words, 4 words a sentence.
    # 206.84 - 0.77 * 100 - 0.93 * 4 = 126.12
    assert taal.flesch_douma("De kat zit op de mat. Hij slaapt.") == pytest.approx(126.12)


def test_flesch_douma_of_a_hard_text_by_hand():
    # Het(1) samenwerkingsverband(6) neemt(1) de(1) beslissing(3).
    # Betrokkenen(4) ontvangen(3) schriftelijke(4) informatie(4).
    # 9 words, 27 syllables, 2 sentences: 300 per 100 words, 4.5 words a sentence.
    # 206.84 - 0.77 * 300 - 0.93 * 4.5 = -28.345
    text = ("Het samenwerkingsverband neemt de beslissing. "
            "Betrokkenen ontvangen schriftelijke informatie.")
    assert taal.flesch_douma(text) == pytest.approx(-28.345)


def test_flesch_douma_of_a_b1_paragraph_by_hand():
    # U(1) bent(1) vanaf(2) het(1) begin(2) betrokken(3). = 6 words, 10 syllables
    # De(1) school(1) vraagt(1) de(1) TLV(3) aan(1), maar(1) niet(1) zonder(2) u(1). = 10, 13
    # 16 words, 23 syllables, 2 sentences: 143.75 per 100 words, 8 words a sentence.
    # 206.84 - 0.77 * 143.75 - 0.93 * 8 = 88.7125
    text = "U bent vanaf het begin betrokken. De school vraagt de TLV aan, maar niet zonder u."
    assert taal.flesch_douma(text) == pytest.approx(88.7125)


def test_douma_formula():
    assert taal.douma(150, 10) == pytest.approx(206.84 - 115.5 - 9.3)


# --------------------------------------------------------------------------
# Checking fields
# --------------------------------------------------------------------------

DIFFICULT = (
    "Indien er sprake is van een ondersteuningsbehoefte die de mogelijkheden van de "
    "basisondersteuning overstijgt, kan de school in overleg met de ouders en na "
    "consultatie van het samenwerkingsverband een aanvraag voor een toelaatbaarheidsverklaring "
    "indienen. De toelaatbaarheidscommissie beoordeelt vervolgens de ontvankelijkheid."
)
B1 = (
    "Heeft uw kind meer hulp nodig dan de school kan geven? Dan praat de school eerst met u. "
    "Samen kijkt u wat uw kind nodig heeft. Soms past een andere school beter. Dan vraagt de "
    "school een TLV aan. U leest de aanvraag en u tekent hem."
)

RECORD_TYPE = m.RecordType(
    name="proef",
    title="Proef",
    folder="proef",
    title_field="titel",
    help="Een soort record voor de test.",
    fields=(
        m.Field("titel", m.Text(), "Titel."),
        m.Field("tekst", m.Markdown(), "Tekst."),
        m.Field("code", m.Pattern(r".*", "code", "x"), "Geen tekst."),
        m.Field("stappen", m.ListOf(m.Obj("stap", (
            m.Field("titel", m.Text(), "Titel."),
            m.Field("wat", m.Markdown(), "Wat."),
            m.Field("punten", m.ListOf(m.Text()), "Punten."),
        ))), "Stappen."),
    ),
)


def record(data: dict, lines: dict | None = None) -> m.Record:
    full = {"titel": None, "tekst": None, "code": None, "stappen": [],
            "gecontroleerd_op": None, **data}
    return m.Record(RECORD_TYPE, "proef", "content/proef/proef.yml", full, lines or {})


def test_a_difficult_text_fails_on_every_measure():
    found = taal.check_record(record({"tekst": DIFFICULT}, {"tekst": 3}))
    assert {b.maat for b in found} == {"zinslengte", "gemiddelde_zinslengte", "lange_woorden",
                                       "flesch_douma"}
    long = next(b for b in found if b.maat == "zinslengte")
    assert (long.bestand, long.regel, long.veld) == ("content/proef/proef.yml", 3, "tekst")
    assert (long.waarde, long.drempel) == (34, 20)
    assert long.bericht == "zin van 34 woorden (max 20): 'Indien er sprake is van een ...'"
    assert str(long).startswith("content/proef/proef.yml, regel 3, veld 'tekst': zin van 34")
    score = next(b for b in found if b.maat == "flesch_douma")
    assert score.waarde < 30 and score.drempel == 60
    assert "leesbaarheid (Flesch-Douma)" in score.bericht


def test_a_b1_text_passes():
    assert taal.Meting.van(sentences(B1)).flesch_douma > 70
    assert taal.check_record(record({"tekst": B1})) == []


def test_short_fields_are_checked_only_on_sentence_length():
    hard_but_short = "Betrokkenen ontvangen schriftelijke informatie. Toelaatbaarheidscommissie."
    assert taal.check_record(record({"tekst": hard_but_short})) == []
    one_long = " ".join(["woord"] * 21) + "."
    assert [b.maat for b in taal.check_record(record({"tekst": one_long}))] == ["zinslengte"]


def test_names_and_titles_are_checked_only_on_length():
    title = "Samenwerkingsverband toelaatbaarheidsverklaring ontwikkelingsperspectiefplan"
    assert taal.check_record(record({"titel": title})) == []
    long_title = " ".join(["Een"] * 13)
    found = taal.check_record(record({"titel": long_title}, {"titel": 1}))
    assert [(b.maat, b.veld, b.regel, b.bericht) for b in found] == [
        ("titellengte", "titel", 1, "titel van 13 woorden (max 12); maak hem korter")]


def test_page_scores_measure_prose_and_leave_out_names_and_labels():
    rec = record({"titel": "Een titel van vijf woorden", "tekst": B1,
                  "stappen": [{"titel": "Stap", "wat": "Tilburg", "punten": ["9.00 - 12.30 uur",
                                                                          "Kort. Goed."]}]})
    prose = [v.pad for v in taal.text_fields(rec) if taal.is_prose(v)]
    assert prose == ["tekst", "stappen[1].wat", "stappen[1].punten[2]"]
    score = taal.page_score(rec)
    expected = taal.Meting.van(sentences(B1) + ["Tilburg", "Kort.", "Goed."])
    assert score.meting == expected
    assert score.flesch_douma == pytest.approx(expected.flesch_douma)
    assert score.titel == "Een titel van vijf woorden"


def test_meting_som_is_the_sum_of_its_parts():
    parts = [taal.Meting.van(sentences(t)) for t in (B1, DIFFICULT, "Kort.", "")]
    assert taal.Meting.som(parts) == parts[0] + parts[1] + parts[2] + parts[3]
    assert taal.Meting.som(iter(parts)) == taal.Meting.som(parts)
    assert taal.Meting.som([]) == taal.LEEG


def test_long_words_follow_the_threshold_of_each_call():
    zinnen = sentences(B1 + " " + DIFFICULT)
    default = taal.Meting.van(zinnen)
    two = taal.Meting.van(zinnen, Drempels(lange_woorden_lettergrepen=2))
    assert set(default.lange_woorden) < set(two.lange_woorden)
    assert taal.Meting.van(zinnen) == default


def test_nested_fields_are_found_by_walking_the_model():
    data = {
        "code": " ".join(["woord"] * 30),  # a Pattern field: not text, never checked
        "stappen": [
            {"titel": "Stap een", "wat": "Kort.", "punten": []},
            {"titel": "Stap twee", "wat": DIFFICULT, "punten": ["Goed.", DIFFICULT]},
        ],
    }
    lines = {"stappen[2].wat": 12, "stappen[2].punten[2]": 15}
    rec = record(data, lines)
    paths = [v.pad for v in taal.text_fields(rec)]
    assert paths == ["stappen[1].titel", "stappen[1].wat", "stappen[2].titel",
                     "stappen[2].wat", "stappen[2].punten[1]", "stappen[2].punten[2]"]
    found = taal.check_record(rec)
    assert {(b.veld, b.regel) for b in found} == {("stappen[2].wat", 12),
                                                 ("stappen[2].punten[2]", 15)}


def test_findings_in_real_content_carry_file_line_and_field(minimal_content: Path):
    path = minimal_content / "procedures" / "thuiszitten.yml"
    text = path.read_text(encoding="utf-8")
    old = "    wat: De school stuurt de aanvraag naar het samenwerkingsverband.\n"
    assert old in text
    path.write_text(text.replace(old, f"    wat: >-\n      {DIFFICULT}\n"), encoding="utf-8")
    site = load_site(minimal_content)
    found = [b for b in check_site(site) if b.veld == "stappen[2].wat"]
    assert found
    line = text.splitlines().index(old.rstrip("\n")) + 1
    for b in found:
        assert b.bestand.endswith("procedures/thuiszitten.yml")
        assert b.regel == line == site.procedures["thuiszitten"].line_of("stappen[2].wat")


# --------------------------------------------------------------------------
# Report, summary, thresholds
# --------------------------------------------------------------------------

def test_report_is_sorted_by_file_and_line_and_ends_with_a_count():
    b = taal.Bevinding
    found = [
        b("content/b.yml", 9, "x", "zinslengte", 21, 20, "zin van 21 woorden (max 20): 'a'"),
        b("content/a.yml", 12, "y", "zinslengte", 22, 20, "zin van 22 woorden (max 20): 'b'"),
        b("content/a.yml", 3, "z", "flesch_douma", 50, 60, "leesbaarheid (Flesch-Douma) 50"),
    ]
    assert taal.report(found).splitlines() == [
        "- content/a.yml, regel 3, veld 'z': leesbaarheid (Flesch-Douma) 50",
        "- content/a.yml, regel 12, veld 'y': zin van 22 woorden (max 20): 'b'",
        "- content/b.yml, regel 9, veld 'x': zin van 21 woorden (max 20): 'a'",
        "3 taalbevindingen in 3 velden en 2 bestanden.",
    ]
    assert taal.report([]) == ("Geen taalbevindingen: alle teksten halen de drempels voor "
                               "taalniveau B1.")


def test_thresholds_are_configurable_and_checked():
    assert Drempels.uit(None) == Drempels()
    strict = Drempels.uit({"max_zinslengte": 5, "min_flesch_douma": 80})
    assert (strict.max_zinslengte, strict.min_flesch_douma) == (5, 80.0)
    assert taal.check_record(record({"tekst": "Dit is een zin met acht woorden erin."}),
                             strict)
    with pytest.raises(ValueError, match="onbekende taaldrempel 'max_zinnen'"):
        Drempels.uit({"max_zinnen": 3})
    with pytest.raises(ValueError, match="geheel getal"):
        Drempels.uit({"max_zinslengte": 2.5})
    with pytest.raises(ValueError, match="getal"):
        Drempels.uit({"min_flesch_douma": "zestig"})
    with pytest.raises(ValueError, match="tussen 0 en 1"):
        Drempels.uit({"max_aandeel_lange_woorden": 15})


@pytest.fixture(scope="module")
def site_content():
    return load_site(FIXTURE_CONTENT)


def test_test_site_content_has_no_findings(site_content):
    found = check_site(site_content, Drempels())
    assert found == [], "\n" + taal.report(found)


def test_summary_of_the_test_site_content(site_content):
    result = taal.summary(site_content)
    # Every record with a page of its own (a signal file has no text to read).
    records = [r for r in site_content.all_records() if r.type.own_pages]
    assert result.paginas == len(records)
    assert result.velden > 400
    assert (result.bevindingen, result.velden_met_bevindingen) == (0, 0)
    assert result.flesch_douma >= 60
    assert result.gemiddelde_zinslengte <= 15
    assert len(result.laagste) == 3
    assert result.laagste[0].flesch_douma <= result.laagste[-1].flesch_douma
    scores = taal.page_scores(site_content)
    assert [p.record for p in scores] and scores[0] == result.laagste[0]
    assert all(a.flesch_douma <= b.flesch_douma for a, b in zip(scores, scores[1:], strict=False))
    text = result.tekst()
    assert text.startswith(f"Taalniveau B1: {len(records)} pagina’s en ")
    assert "Geen taalbevindingen." in text and "Laagste scores: " in text


def test_summary_counts_findings_and_points_to_the_check(minimal_content: Path):
    path = minimal_content / "procedures" / "thuiszitten.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("rol_ouders: U praat mee en u tekent de aanvraag.",
                                 f"rol_ouders: >-\n  {DIFFICULT}"), encoding="utf-8")
    result = taal.summary(load_site(minimal_content))
    assert result.velden_met_bevindingen == 1 and result.bevindingen == 4
    assert "4 taalbevindingen in 1 veld; zie swvsite check --taal." in result.tekst()


# --------------------------------------------------------------------------
# The measurements follow from the word-level definitions
# --------------------------------------------------------------------------

STRICT = Drempels(max_gemiddelde_zinslengte=6, max_zinslengte=8, max_aandeel_lange_woorden=0.02,
                  lange_woorden_lettergrepen=3, min_flesch_douma=85, min_zinnen_voor_score=1,
                  min_woorden_voor_score=3, max_titellengte=2)


def measured_word_by_word(zinnen: list[str], drempels: Drempels) -> taal.Meting:
    """A Meting as defined: the words of each sentence, their syllables, the long ones."""
    all_words = [w for z in zinnen for w in words(z)]
    return taal.Meting(len(zinnen), len(all_words), sum(syllables(w) for w in all_words),
                       tuple(w for w in all_words if taal.is_long_word(w, drempels)))


def total(metingen) -> taal.Meting:
    return functools.reduce(operator.add, metingen, taal.LEEG)


@pytest.mark.parametrize("drempels", [Drempels(), STRICT], ids=["default", "strict"])
def test_every_field_is_measured_as_defined_word_by_word(site_content, drempels):
    checked = 0
    for record in site_content.all_records():
        for veld in taal.text_fields(record):
            if veld.naam:
                continue
            zinnen = sentences(veld.tekst, veld.markdown)
            assert taal.Meting.van(zinnen, drempels) == measured_word_by_word(zinnen, drempels)
            lengths = [len(words(z)) for z in zinnen]
            assert [b.waarde for b in taal.check_field(veld, drempels) if b.maat == "zinslengte"] \
                == [n for n in lengths if n > drempels.max_zinslengte]
            checked += 1
    assert checked > 300


@pytest.mark.parametrize("drempels", [Drempels(), STRICT], ids=["default", "strict"])
def test_summary_adds_up_the_field_checks_and_page_scores(site_content, drempels):
    result = taal.summary(site_content, drempels)
    found = check_site(site_content, drempels)
    assert (result.bevindingen > 0) == (drempels == STRICT)
    assert result.bevindingen == len(found)
    assert result.velden_met_bevindingen == len({(b.bestand, b.veld) for b in found})
    assert result.velden == sum(1 for r in site_content.all_records() for _ in taal.text_fields(r))
    scores = taal.page_scores(site_content, drempels)
    assert result.paginas == len(scores) and result.laagste == tuple(scores[:3])
    assert result.totaal == total(s.meting for s in scores)
    for score in scores:
        assert score.meting == total(
            measured_word_by_word(sentences(v.tekst, v.markdown), drempels)
            for v in taal.text_fields(score.record) if taal.is_prose(v))
