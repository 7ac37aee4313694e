"""Parent-first record pages, in the built test site (tests/fixtures/site/):

- every procedure is a step-by-step: the key facts, then one ordered list of all
  steps, each a list item with its stable `#stap-N` anchor, its title as a
  heading and who / how long / what is needed as a definition list;
- the steunpunt's contact block (phone as a tel: link, the opening hours from
  `openingstijden`, e-mail, "gratis en onafhankelijk") is on every procedure,
  thema, voorziening and school page, near the top; the hand-written pages for
  parents and young people call it as a macro, the young people's one in "je"
  with the jongerencoach's WhatsApp link;
- the steunpunt's hours are shown the same everywhere, from one field.
"""

from __future__ import annotations

import re

import pytest

from swvsite.content.load import load_site
from swvsite.pages import safe, zoekindex
from swvsite.pages.contactblok import LABELS

from conftest import FIXTURE_CONTENT, build, copy_content


@pytest.fixture(scope="module")
def content():
    return load_site(FIXTURE_CONTENT)


def _hours(content) -> list[str]:
    return [f"{t['dagen']}: {t['tijden']}" for t in content.organisatie["openingstijden"] if t]


def _assert_contactblok(block, content, where):
    assert block is not None, where
    contact = content.organisatie["contact"]
    tel = block.select_one("a.swv-contactblok__bel")
    assert tel is not None and tel["href"] == safe.tel_url(contact["telefoon"]), where
    assert tel.get_text() == contact["telefoon"], where
    assert block.find("a", href=f"mailto:{contact['email']}") is not None, where
    items = [li.get_text() for li in block.find_all("li")]
    assert items == _hours(content), where
    assert "gratis" in block.get_text(), where


def test_every_procedure_is_one_ordered_list_of_its_steps(fixture_site, content):
    for pid, procedure in content.procedures.items():
        article = fixture_site.article(f"procedures/{pid}")
        lists = article.select("ol.swv-stappen")
        assert len(lists) == 1, pid
        steps = lists[0].find_all("li", recursive=False)
        stappen = [s for s in procedure["stappen"] if s]
        assert [li["id"] for li in steps] == [f"stap-{n}" for n in range(1, len(stappen) + 1)]
        for li, stap in zip(steps, stappen, strict=True):
            heading = li.find("h3", recursive=False)
            assert heading is not None and stap["titel"] in heading.get_text(), (pid, li["id"])
            facts = li.find("dl", recursive=False)
            labels = [dt.get_text() for dt in facts.find_all("dt")]
            assert "Wie" in labels, (pid, li["id"])
            assert ("Hoe lang" in labels) == bool(stap["hoe_lang"]), (pid, li["id"])
            assert ("Wat is er nodig?" in labels) == bool(stap["documenten"]), (pid, li["id"])
            for document in stap["documenten"]:
                assert document in facts.get_text(), (pid, li["id"])
        # The overview links every step.
        overview = [a["href"] for a in article.select("a[href^='#stap-']")
                    if re.fullmatch(r"#stap-\d+", a["href"])]
        assert [f"#stap-{n}" for n in range(1, len(stappen) + 1)] == overview, pid


def test_key_facts_and_contact_come_before_the_steps(fixture_site, content):
    for pid, procedure in content.procedures.items():
        article = fixture_site.article(f"procedures/{pid}")
        order = [e for e in article.find_all(True)
                 if e.name == "h1" or "swv-contactblok" in e.get("class", [])
                 or "swv-kerngegevens" in e.get("class", []) or e.name == "ol"
                 and "swv-stappen" in e.get("class", [])]
        names = [e.name if e.name in ("h1", "ol") else e["class"][0] for e in order]
        expected = ["h1", "swv-contactblok"]
        facts = article.select_one(".swv-kerngegevens")
        if facts is not None:
            expected.append("swv-kerngegevens")
        assert names == [*expected, "ol"], pid
        _assert_contactblok(article.select_one(".swv-contactblok"), content, pid)
        if procedure["kosten"]:
            assert procedure["kosten"] in facts.get_text(), pid
        if procedure["termijn"]:
            assert procedure["termijn"] in facts.get_text(), pid


def test_contact_block_on_every_thema_voorziening_and_school_page(fixture_site, content):
    pages = [f"vragen/{t}" for t in content.themas] + \
        [f"voorzieningen/{v}" for v in content.voorzieningen] + \
        [f"scholen/{s}" for s in content.scholen]
    for url in pages:
        article = fixture_site.article(url)
        blocks = article.select(".swv-contactblok")
        assert len(blocks) == 1, url
        _assert_contactblok(blocks[0], content, url)
    for thema in content.themas:
        article = fixture_site.article(f"vragen/{thema}")
        first_answer = article.select_one(".swv-vraag")
        block = article.select_one(".swv-contactblok")
        # Before the first answer: in reach when the answer is read.
        assert block in first_answer.find_all_previous("aside"), thema


def test_hand_written_pages_call_the_contact_block(fixture_site, content):
    for url in ("", "ouders"):
        block = fixture_site.article(url).select_one(".swv-contactblok")
        _assert_contactblok(block, content, url or "home")
        assert LABELS["u"]["titel"] in block.get_text()
    block = fixture_site.article("jongeren").select_one(".swv-contactblok")
    _assert_contactblok(block, content, "jongeren")
    assert LABELS["je"]["titel"] in block.get_text()
    coach = next(p for p in content.organisatie["mensen"] if p["rol"] == "jongerencoach")
    app = block.find("a", href=lambda h: h and h.startswith("https://wa.me/"))
    assert app is not None and app["href"] == "https://wa.me/" + safe.tel_url(
        coach["whatsapp"]).removeprefix("tel:+")
    assert coach["naam"].split()[0] in app.get_text()


def test_the_contact_block_stays_out_of_search(fixture_site):
    entries = zoekindex.site_entries(fixture_site.root)
    assert not [e.url for e in entries if LABELS["u"]["titel"] in e.text]
    assert [e for e in entries if "#stap-1-titel" in e.url]


def test_hours_are_shown_the_same_on_the_contact_page(fixture_site, content):
    text = fixture_site.article("contact").get_text()
    for line in _hours(content):
        assert line in text


def test_free_text_that_states_hours_is_a_notice_and_not_shown(tmp_path):
    folder = copy_content(FIXTURE_CONTENT, tmp_path / "content")
    path = folder / "organisatie.yml"
    text = path.read_text(encoding="utf-8")
    old = "  bereikbaar: Stuurt u een e-mail? Dan krijgt u binnen 2 werkdagen antwoord.\n"
    assert old in text
    path.write_text(text.replace(old, "  bereikbaar: Maandag tot en met vrijdag vanaf 9.00 uur.\n"),
                    encoding="utf-8")
    line = text[:text.index(old)].count("\n") + 1
    site = build(tmp_path, folder)
    assert site.result.returncode == 0, site.result.stderr
    out = site.result.stdout + site.result.stderr
    assert (f"organisatie.yml, regel {line}, veld 'contact.bereikbaar': let op: hier staan "
            "tijden of dagen ('Maandag')") in out
    for url in ("", "contact", "procedures/tlv-aanvragen"):
        assert "vanaf 9.00 uur" not in site.article(url).get_text(), url
