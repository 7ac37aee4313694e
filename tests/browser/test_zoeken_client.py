"""The search client (swvsite/assets/zoeken.js) against the Python reference
(swvsite.pages.zoekindex.search) on the test site: both must give the same top
results and the same "Bedoelde u ...?" for the same questions, so the two
implementations of the query rules cannot drift apart; and the benchmark's
count of the files a question downloads must be what the client fetches."""

from __future__ import annotations

import importlib.util
import json
from urllib.parse import quote, unquote

import pytest

from swvsite.content.load import load_site
from swvsite.pages import zoekindex as z

from conftest import FIXTURE_CONTENT, ROOT


def _benchmark(name: str):
    spec = importlib.util.spec_from_file_location(f"_bench_{name}",
                                                  ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sizes = _benchmark("zoekindex_sizes")

QUESTIONS = [
    "tlv",                              # abbreviation
    "dyslectie",                        # typo
    "dislexie op school",               # typo with stop words
    "thuiszitten",
    "leerplicht ambtenaar",             # two words joined
    "toelaatbaarheidsverklaring aanvragen",
    "ondersteuningsplan",
    "bezwaar maken tegen besluit",
    "ontwikkelingsperspectiefplan",     # a compound
    "onderwijsconsulent",
    "samenwerkingsverband",
    "wat doet het steunpunt",
    "klacht over school",
    "leerlingenvervoer aanvragen",
    "dyslex",                           # search as you type
    "zzqxw",                            # nothing
    "ondersteuningteam",                # typo in a compound
    "ik wil niet meer naar school",     # small words: title word pairs
    "mijn kind wil niet naar de klas",
    "wat is een opp",
    "speciaal onderwijs",               # a title exactly
    "so school",
    "perspectiefplan",                  # the end of a compound
]


@pytest.fixture(scope="module")
def reference(site):
    synonyms = z.Synonyms(z.begripnamen.synoniemen(load_site(FIXTURE_CONTENT)).groups)
    return z.build(z.site_entries(site.root), synonyms=synonyms)


@pytest.fixture(scope="module")
def search_page(site, browser):
    page = browser.new_page()
    page.goto(site.url("/zoeken/"))
    page.wait_for_function("window.swvZoeken")
    yield page
    page.close()


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_client_ranks_as_the_python_reference(question, reference, search_page):
    expected = [e.url for e in z.search(question, reference)][:5]
    answer = search_page.evaluate(
        "q => window.swvZoeken.ask(q, 10).then(a => ({urls: a.results.map(d => d[0]),"
        " meant: a.meant, begrippen: a.begrippen.map(d => d[0])}))", question)
    assert answer["urls"][:5] == expected
    assert answer["meant"] == z.bedoelde_u(question, reference)
    assert answer["begrippen"] == [e.url for e in z.begrippen_voor(question, reference)]


def test_the_reference_finds_something_for_the_questions(reference):
    found = [q for q in QUESTIONS if z.search(q, reference)]
    assert len(found) >= len(QUESTIONS) - 1
    with_begrippen = [q for q in QUESTIONS if z.begrippen_voor(q, reference)]
    assert len(with_begrippen) >= len(QUESTIONS) // 2


@pytest.mark.parametrize("question", ["dislexie op school", "ik wil niet meer naar school",
                                      "ondersteuningteam", "basisondersteunin"])
def test_the_benchmark_counts_the_files_the_client_really_fetches(question, site, browser,
                                                                  reference):
    """benchmarks/zoekindex_sizes.py measures the search downloads from
    client_files(); in Chromium the client fetches exactly those files."""
    context = browser.new_context()
    try:
        page = context.new_page()
        fetched: set[str] = set()
        page.on("request", lambda r: fetched.add(r.url.split("/zoeken/index/", 1)[1])
                if "/zoeken/index/" in r.url else None)
        page.goto(site.url(f"/zoeken/?q={quote(question)}"))
        page.wait_for_function(
            "() => document.getElementById('swv-zoek-status').textContent !== ''")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    manifest = json.loads((site.root / "zoeken" / "index" / "manifest.json").read_text())
    expected = sizes.client_files(question, reference, set(manifest["shards"]["nl"]))
    assert {unquote(f) for f in fetched} == expected | {"manifest.json"}
