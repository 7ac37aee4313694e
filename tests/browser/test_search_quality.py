"""Search quality through the site's own search box.

The quality measure runs on the demo site: the questions parents and young
people ask must find an answering page among the first three results. Three
sets (see their .md files): tests/zoekvragen.yml, written with the site;
tests/zoekvragen-vers.yml, written blind from parents' forums and other
steunpunten and used since to find what search missed; tests/zoekvragen-toets.yml,
written blind later and only measured. The first two must reach issue 15's 95 %,
the last (held out, so lower) 85 %. It measures the demo's search, so it builds
the demo (content/, docs/, mkdocs.yml) itself; a question whose pages the demo
no longer has is reported and left out, so removing or renaming pages in
content/ does not turn it red. That stemming and synonyms apply at all is a
generator property, checked on the test site.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from .conftest import ServedSite, page_paths, serve
from conftest import ENV, ROOT

TESTS = Path(__file__).parent.parent
QUESTIONS = yaml.safe_load((TESTS / "zoekvragen.yml").read_text())
QUESTION_SETS = {"eigen": QUESTIONS}
for name in ("vers", "toets"):
    if (TESTS / f"zoekvragen-{name}.yml").is_file():
        QUESTION_SETS[name] = yaml.safe_load((TESTS / f"zoekvragen-{name}.yml").read_text()) or []
MINIMUM_TOP3 = {"eigen": 0.95, "vers": 0.95, "toets": 0.85}
MINIMUM_QUESTIONS = 30


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo site, built from the repo's own mkdocs.yml, docs/ and content/, served."""
    tmp = tmp_path_factory.mktemp("demo")
    project = tmp / "project"
    project.mkdir()
    for name in ("docs", "overrides", "macros"):
        (project / name).symlink_to(ROOT / name)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace("content_dir: content", f"content_dir: {ROOT / 'content'}"),
        encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "swvsite", "build", "-f",
                             str(project / "mkdocs.yml"), "--site-dir", str(tmp / "site")],
                            cwd=tmp, capture_output=True, text=True, timeout=600,
                            env=ENV)
    assert result.returncode == 0, result.stderr
    root = tmp / "site"
    server, thread = serve(root)
    host, port = server.server_address[:2]
    try:
        yield ServedSite(root, f"http://{host}:{port}", f"{host}:{port}", page_paths(root))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def search(page, query: str) -> list[str]:
    """Type a query in the search box like a visitor, press Enter, and return
    the result pages of /zoeken/, best first."""
    page.fill("#swv-zoekvraag", "")
    page.click("#swv-zoekvraag")
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "q => location.pathname.endsWith('/zoeken/') && "
        "new URLSearchParams(location.search).get('q') === q && "
        "document.getElementById('swv-zoek-status').textContent !== ''", arg=query)
    hrefs = page.eval_on_selector_all(".swv-zoek-resultaten li a",
                                      "links => links.map(a => a.href)")
    return [urlparse(h).path.lstrip("/") for h in hrefs]


def answerable(site_root: Path, questions: list[dict] = QUESTIONS) -> tuple[list[dict], list[str]]:
    """The questions with at least one answering page on the site, and the others."""
    kept, gone = [], []
    for question in questions:
        pages = [p for p in question.get("pagina") or []
                 if (site_root / p / "index.html").is_file()]
        if pages:
            kept.append({**question, "pagina": pages})
        else:
            gone.append(question["zoek"])
    return kept, gone


def test_question_list_is_big_enough(demo):
    assert len(QUESTIONS) >= 40
    kept, gone = answerable(demo.root)
    for zoek in gone:
        print(f"\nsearch quality: no page of {zoek!r} on the demo site any more; left out")
    assert len(kept) >= MINIMUM_QUESTIONS, f"only {len(kept)} questions still have a page"


@pytest.mark.parametrize("question_set", sorted(QUESTION_SETS))
def test_top3_hit_rate(demo, page, question_set):
    questions, _ = answerable(demo.root, QUESTION_SETS[question_set])
    if not questions:
        pytest.skip(f"question set {question_set!r} has no question with an answering page yet")
    page.goto(demo.url("/"))
    misses = []
    for question in questions:
        top3 = search(page, question["zoek"])[:3]
        if not any(path in question["pagina"] for path in top3):
            misses.append(f"{question['zoek']!r} -> {top3}")
    rate = 1 - len(misses) / len(questions)
    print(f"\nsearch quality ({question_set}): top-3 hit rate {rate:.0%} "
          f"on {len(questions)} questions")
    for miss in misses:
        print("  miss:", miss)
    assert rate >= MINIMUM_TOP3[question_set], "\n".join(misses)


@pytest.mark.parametrize("query, expected", [
    ("ouders", "vragen/"),          # plural finds the stemmed index
    ("thuiszitten", "thuiszitten"),
    ("plusgroep", "plusklas"),      # only a zoekwoord of the begrip Plusklas
])
def test_stemming_and_synonyms_really_apply(site, page, query, expected):
    """On the test site. "plusgroep" is written on no page: only the begrip
    Plusklas's zoekwoorden lead to the pages that mention a plusklas."""
    page.goto(site.url("/"))
    results = search(page, query)
    assert results, query
    assert any(expected in r for r in results[:5]), results[:5]
