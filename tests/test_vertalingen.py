"""Translations through the staff's path: `swvsite check` and `swvsite vertaling`."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, run_swvsite

TRANSLATIONS = FIXTURES / "vertalingen" / "content" / "vertalingen"


def _with_translations(content: Path) -> Path:
    shutil.copytree(TRANSLATIONS, content / "vertalingen")
    return content


def test_check_lists_unstamped_then_stale_translations_as_notices(minimal_content):
    content = _with_translations(minimal_content)
    first = run_swvsite("check", "--content", str(content))
    assert first.returncode == 0, first.stderr
    assert "content/vertalingen/en/procedures/tlv-aanvragen.yml, regel 1, veld 'vertaald_van'" \
        in first.stderr
    assert first.stderr.count("heeft geen stempel") == 4
    stamped = run_swvsite("vertaling", "stempel", "--alle", "--content", str(content))
    assert stamped.returncode == 0, stamped.stderr
    assert stamped.stdout.count("gestempeld") == 4
    clean = run_swvsite("check", "--content", str(content))
    assert clean.returncode == 0 and "vertaling" not in clean.stderr
    dutch = content / "procedures/tlv-aanvragen.yml"
    dutch.write_text(dutch.read_text().replace("U kunt bezwaar maken.",
                                               "U kunt bezwaar maken bij het SWV."))
    stale = run_swvsite("check", "--content", str(content))
    assert stale.returncode == 0, stale.stderr  # a stale translation never blocks a publish
    assert "de Nederlandse tekst is veranderd sinds deze vertaling" in stale.stderr
    assert "en/procedures/tlv-aanvragen.yml" in stale.stderr
    assert "en/vragen/algemeen.yml" not in stale.stderr  # its Dutch text did not change
    status = run_swvsite("vertaling", "status", "--content", str(content))
    assert "en/procedures/tlv-aanvragen.yml: verouderd" in status.stdout
    assert "en/organisatie.yml: actueel" in status.stdout
    one = content / "vertalingen/en/procedures/tlv-aanvragen.yml"
    again = run_swvsite("vertaling", "stempel", str(one), "--content", str(content))
    assert again.returncode == 0, again.stderr
    assert one.read_text().startswith('vertaald_van: "')
    assert "vertaald_door: Demo-vertaling" in one.read_text()
    after = run_swvsite("vertaling", "status", "--content", str(content))
    assert "en/procedures/tlv-aanvragen.yml: actueel" in after.stdout
    assert "ar/procedures/tlv-aanvragen.yml: verouderd" in after.stdout


def test_translation_mistakes_name_file_line_and_field(minimal_content):
    content = _with_translations(minimal_content)
    (content / "vertalingen/en/procedures/thuiszitten.yml").write_text(
        "titel: Staying home\nonbekend: x\ngecontroleerd_op: 2026-01-01\nstappen:\n"
        "  - titel: A talk\n")
    (content / "vertalingen/en/procedures/bestaat-niet.yml").write_text("titel: Nothing\n")
    (content / "vertalingen/en/vragen/algemeen.yml").write_text(
        "vragen:\n  - id: geen-vraag\n    vraag: What?\n")
    (content / "vertalingen/xx").mkdir()
    result = run_swvsite("check", "--content", str(content))
    assert result.returncode == 1
    where = "content/vertalingen/en/procedures/thuiszitten.yml"
    assert f"{where}, regel 2, veld 'onbekend': het Nederlandse bestand heeft geen veld" \
        in result.stderr
    assert f"{where}, regel 3, veld 'gecontroleerd_op': 'gecontroleerd_op' wordt niet vertaald" \
        in result.stderr
    assert f"{where}, regel 5, veld 'stappen': de Nederlandse lijst heeft 2 onderdelen, " \
        "de vertaling 1" in result.stderr
    assert "bestaat-niet.yml, regel 1: er is geen Nederlands bestand " \
        "procedures/bestaat-niet.yml" in result.stderr
    assert "algemeen.yml, regel 2, veld 'vragen[1].id': er is geen Nederlandse vraag met id " \
        "'geen-vraag'" in result.stderr
    assert "content/vertalingen/xx, regel 1: 'xx' is geen taal van deze site" in result.stderr


def test_a_language_is_added_with_one_line(minimal_content):
    content = _with_translations(minimal_content)
    (content / "vertalingen/talen.yml").write_text(
        "- {code: en, naam: English}\n- {code: ar, naam: العربية, richting: rtl}\n"
        "- {code: ti, naam: ትግርኛ}\n")
    (content / "vertalingen/ti/procedures").mkdir(parents=True)
    (content / "vertalingen/ti/procedures/tlv-aanvragen.yml").write_text(
        'vertaald_door: Demo-vertaling\ntitel: "TLV"\n')
    result = run_swvsite("vertaling", "status", "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert "ti/procedures/tlv-aanvragen.yml: geen stempel" in result.stdout


def test_b1_check_says_it_is_for_dutch_only(minimal_content):
    content = _with_translations(minimal_content)
    result = run_swvsite("check", "--taal", "--content", str(content))
    assert "Taalniveau B1 geldt alleen voor Nederlandse tekst; vertalingen worden niet " \
        "gecontroleerd." in result.stdout
    # The English translation's text is never judged as Dutch.
    assert "vertalingen/en" not in result.stdout
