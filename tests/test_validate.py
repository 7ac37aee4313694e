"""Loading and validation: valid records load, every kind of mistake is
reported with file, line and field, all mistakes of a run at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from swvsite.content.load import load_site
from swvsite.content.problems import ContentError

from conftest import FIXTURES, run_swvsite


def problems_for(content: Path) -> list:
    with pytest.raises(ContentError) as caught:
        load_site(content)
    return caught.value.problems


def edit(content: Path, file: str, old: str, new: str) -> None:
    path = content / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(content: Path, file: str, marker: str) -> int:
    lines = (content / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if marker in line)


def test_minimal_fixture_is_valid():
    site = load_site(FIXTURES / "minimal")
    assert set(site.voorzieningen) == {"opdc-test"}
    assert site.voorzieningen["opdc-test"]["tlv_nodig"] is False
    assert site.voorzieningen["opdc-test"]["beschrijving"] is None  # optional, filled in
    assert site.scholen["bs-test"]["expertise"] == []
    assert site.organisatie["demo"] is True  # "ja" is accepted as a boolean
    assert [b["id"] for b in site.begrippen_lijst] == ["toelaatbaarheidsverklaring",
                                                       "ontwikkelingsperspectief"]


# (file, old text, new text, marker for the expected line, field, message part)
CASES = [
    # organisatie
    ("organisatie.yml", "demo: ja", "demo: ja\ntelefoonnummer: 013", "telefoonnummer",
     "telefoonnummer", "geen bekend veld"),
    ("organisatie.yml", "email: info@steunpunt.example.nl", "email: info@steunpunt",
     "email: info@steunpunt", "contact.email", "geen geldig e-mailadres"),
    ("organisatie.yml", "    gemeenten: [Tilburg]", "    gemeenten: Tilburg", "gemeenten: Tilburg",
     "swvs[2].gemeenten", "hier hoort een lijst"),
    ("organisatie.yml", "    sector: vo", "    sector: mbo", "sector: mbo",
     "swvs[2].sector", "'mbo' is geen geldige keuze"),
    # voorziening
    ("voorzieningen/opdc-test.yml", "naam: OPDC Test\n", "", "type: opdc", "naam",
     "dit veld is verplicht"),
    ("voorzieningen/opdc-test.yml", "type: opdc", "type: speciaal", "type: speciaal", "type",
     "kies uit: sbo, so, vso"),
    ("voorzieningen/opdc-test.yml", "tlv_nodig: nee", "tlv_nodig: misschien", "tlv_nodig",
     "tlv_nodig", "hier hoort ja of nee"),
    ("voorzieningen/opdc-test.yml", "{van: 12, tot: 16}", "{van: twaalf, tot: 16}", "leeftijd",
     "leeftijd.van", "hier hoort een geheel getal"),
    ("voorzieningen/opdc-test.yml", "013 - 000 33 44", "013 - 00", "013 - 00",
     "contact.telefoon", "geen geldig telefoonnummer"),
    ("voorzieningen/opdc-test.yml", "procedures: [tlv-aanvragen]", "procedures: [tlv-aanvrage]",
     "procedures:", "procedures[1]", "bestaat geen procedure met id 'tlv-aanvrage'; bedoelt u "
     "'tlv-aanvragen'?"),
    ("voorzieningen/opdc-test.yml", "gecontroleerd_op: 2026-09-15", "gecontroleerd_op: 2026-13-01",
     "gecontroleerd_op", "gecontroleerd_op", "'2026-13-01' is geen geldige datum"),
    ("voorzieningen/opdc-test.yml", "samenvatting:", "samenvating:", "samenvating",
     "samenvating", "bedoelt u 'samenvatting'?"),
    ("voorzieningen/opdc-test.yml", "sector: [vo]", "sector: [vo, vo]", "sector",
     "sector[2]", "'vo' staat twee keer in deze lijst"),
    ("voorzieningen/opdc-test.yml", "sector: [vo]", "sector: []", "sector",
     "sector", "minstens 1 item"),
    ("voorzieningen/opdc-test.yml", "naam: OPDC Test", "naam: [OPDC, Test]", "naam:",
     "naam", "hier hoort een tekst, maar er staat een lijst"),
    ("voorzieningen/opdc-test.yml", "naam: OPDC Test", 'naam: "OPDC \\a Test"', "naam:",
     "naam", "stuurteken (U+0007)"),
    ("voorzieningen/opdc-test.yml", "type: opdc", "type: opdc\nduur: 1 \x07 jaar", "duur:",
     None, "stuurteken (U+0007)"),
    # school
    ("scholen/bs-test.yml", "brin: 99ZZ", "brin: 99Z", "brin", "brin", "geen geldig BRIN-nummer"),
    ("scholen/bs-test.yml", "swv: po", "swv: mbo", "swv:", "swv",
     "bestaat geen samenwerkingsverband met id 'mbo'"),
    ("scholen/bs-test.yml", "gemeente: Tilburg", "gemeente: Breda", "gemeente:", "gemeente",
     "hoort niet bij samenwerkingsverband 'po'"),
    ("scholen/bs-test.yml", "niveaus: [basisonderwijs]", "niveaus: [mavo]", "niveaus",
     "niveaus[1]", "'mavo' is geen geldige keuze"),
    ("scholen/bs-test.yml", "gemeente: Tilburg", "gemeente: Tilburg\nwebsite: www.detest.nl",
     "website", "website", "geen geldig webadres"),
    ("scholen/bs-test.yml", "    soort: [taal-spraak]", "    soort: [taal]", "soort:",
     "extra_ondersteuning[1].soort[1]", "'taal' is geen geldige keuze"),
    # procedure
    ("procedures/tlv-aanvragen.yml", "    wie: De school en u\n", "", "titel: Gesprek op school",
     "stappen[1].wie", "dit veld is verplicht"),
    ("procedures/tlv-aanvragen.yml", "  termijn: Binnen 6 weken",
     "  termijn: Binnen 6 weken\n  procedure: bezwaar", "procedure: bezwaar",
     "bezwaar.procedure", "bestaat geen procedure met id 'bezwaar'"),
    ("procedures/tlv-aanvragen.yml", "voorzieningen: [opdc-test]", "voorzieningen: [Opdc Test]",
     "voorzieningen:", "voorzieningen[1]", "'Opdc Test' is geen geldige id"),
    # thema / vraag
    ("vragen/algemeen.yml", "id: wat-is-een-tlv", "id: Wat is een TLV", "id: Wat",
     "vragen[1].id", "geen geldig id"),
    ("vragen/algemeen.yml", "antwoord: Een TLV is een besluit.",
     "antwoord: Een TLV is <script>alert(1)</script>.", "antwoord:", "vragen[1].antwoord",
     "HTML is niet toegestaan"),
    ("vragen/algemeen.yml", "[de site](https://www.example.nl)", "[de site](javascript:alert(1))",
     "antwoord:", "vragen[1].antwoord", "de link 'javascript:alert(1' is niet toegestaan"),
    ("vragen/algemeen.yml", "antwoord: Een TLV is een besluit.",
     "antwoord: Een TLV is een besluit {.x onclick=y}.", "antwoord:", "vragen[1].antwoord",
     "het teken '{' is niet toegestaan"),
    # begrippen
    ("begrippen.yml", "  - term: Ontwikkelingsperspectief",
     "  - term: Toelaatbaarheidsverklaring  # dubbel\n    uitleg: Nog een keer.\n"
     "  - term: Ontwikkelingsperspectief", "# dubbel", "begrippen[2]",
     "er is al een begrip met id 'toelaatbaarheidsverklaring'"),
    # YAML itself
    ("voorzieningen/opdc-test.yml", "tlv_nodig: nee", "tlv_nodig: nee\n\tduur: 1 jaar", "duur",
     None, "er staat een tab"),
    ("voorzieningen/opdc-test.yml", "naam: OPDC Test", "naam: &n OPDC Test\ndoelgroep2: *n",
     "doelgroep2", None, "ankers en verwijzingen"),
    ("voorzieningen/opdc-test.yml", "naam: OPDC Test", "naam: OPDC: Test", "naam:", None,
     "dubbele punt"),
    ("voorzieningen/opdc-test.yml", "naam: OPDC Test", "naam: OPDC Test\nnaam: Ander",
     "naam: Ander", "naam", "dit veld staat er twee keer"),
]


@pytest.mark.parametrize("file, old, new, marker, field, message", CASES,
                         ids=[f"{c[0]}:{c[5][:30]}" for c in CASES])
def test_mistake_is_reported_with_file_line_and_field(minimal_content, file, old, new, marker,
                                                      field, message):
    edit(minimal_content, file, old, new)
    problems = problems_for(minimal_content)
    expected_line = line_of(minimal_content, file, marker)
    matching = [p for p in problems if message in p.message]
    assert matching, f"no problem says {message!r}: {[str(p) for p in problems]}"
    problem = matching[0]
    assert problem.file == f"content/{file}"
    assert problem.line == expected_line, str(problem)
    assert problem.field == field, str(problem)
    assert str(problem).startswith(f"content/{file}, regel {expected_line}")


def test_all_problems_of_a_run_are_reported_together(minimal_content):
    edit(minimal_content, "voorzieningen/opdc-test.yml", "type: opdc", "type: speciaal")
    edit(minimal_content, "scholen/bs-test.yml", "brin: 99ZZ", "brin: 9")
    edit(minimal_content, "begrippen.yml", "afkorting: TLV", "afkorting: [TLV]")
    files = {p.file for p in problems_for(minimal_content)}
    assert files == {"content/voorzieningen/opdc-test.yml", "content/scholen/bs-test.yml",
                     "content/begrippen.yml"}


@pytest.mark.parametrize("raw, message", [
    (b"", "het bestand is leeg"),
    ("naam: \u00e9\u00e9n".encode("utf-16"), "UTF-16"),
    ("naam: caf\u00e9".encode("cp1252"), "niet opgeslagen als UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "geen tekstbestand"),
    (b"- een\n- lijst\n", "hier horen velden"),
    (b"naam: 'niet afgesloten\n", "de YAML klopt niet"),
])
def test_broken_files_give_a_clear_message(minimal_content, raw, message):
    (minimal_content / "voorzieningen/opdc-test.yml").write_bytes(raw)
    problems = problems_for(minimal_content)
    assert any(message in p.message and p.file == "content/voorzieningen/opdc-test.yml"
               for p in problems), [str(p) for p in problems]


def test_utf8_with_bom_is_accepted(minimal_content):
    path = minimal_content / "voorzieningen/opdc-test.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert "opdc-test" in load_site(minimal_content).voorzieningen


def test_alias_bomb_is_rejected_quickly(minimal_content):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n"
        for i in range(8))
    (minimal_content / "voorzieningen/opdc-test.yml").write_text(bomb)
    problems = problems_for(minimal_content)
    assert any("ankers en verwijzingen" in p.message for p in problems)


def test_oversized_file_is_rejected_without_parsing(minimal_content):
    (minimal_content / "voorzieningen/opdc-test.yml").write_text("naam: " + "x" * 1_100_000)
    problems = problems_for(minimal_content)
    assert any("te groot" in p.message for p in problems)


def test_unread_files_are_not_silently_dropped(minimal_content):
    (minimal_content / "voorzieningen/opdc-test.yml").rename(
        minimal_content / "voorzieningen/opdc-test.yaml")
    (minimal_content / "voorziening.yml").write_text("naam: x\n")
    (minimal_content / "scholen/Mijn School.yml").write_text("naam: x\n")
    messages = {p.file: p.message for p in problems_for(minimal_content)}
    assert "alleen .yml" in messages["content/voorzieningen/opdc-test.yaml"]
    assert "wordt niet gelezen" in messages["content/voorziening.yml"]
    assert "geen geldige bestandsnaam" in messages["content/scholen/Mijn School.yml"]


def test_missing_required_file(minimal_content):
    (minimal_content / "organisatie.yml").unlink()
    problems = problems_for(minimal_content)
    assert [p.file for p in problems] == ["content/organisatie.yml"]
    assert "ontbreekt" in problems[0].message


def test_duplicate_vraag_id_across_themes(minimal_content):
    text = (minimal_content / "vragen/algemeen.yml").read_text()
    (minimal_content / "vragen/tweede.yml").write_text(text)
    problems = problems_for(minimal_content)
    assert any(p.file == "content/vragen/tweede.yml" and p.line == 4
               and "de id 'wat-is-een-tlv' bestaat al in content/vragen/algemeen.yml" in p.message
               for p in problems), [str(p) for p in problems]


def test_check_command_exit_codes_and_output(minimal_content):
    ok = run_swvsite("check", "--content", str(minimal_content))
    assert ok.returncode == 0
    assert "De inhoud is in orde" in ok.stdout
    edit(minimal_content, "voorzieningen/opdc-test.yml", "type: opdc", "type: speciaal")
    bad = run_swvsite("check", "--content", str(minimal_content))
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr
    assert "content/voorzieningen/opdc-test.yml, regel 2, veld 'type'" in bad.stderr
    assert "1 fout gevonden" in bad.stderr
