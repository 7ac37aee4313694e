"""Signalen through the paths staff and visitors take: `swvsite check`, `swvsite new`,
a real build of fixture content (tests/fixtures/minimal plus the signal files in
tests/fixtures/signalen/), its HTML pages and its /data/ exports.

The fixture: 2025-q4 and 2026-q1 are published; 2026-q2 has 3 signals in total
(below the threshold 5) and must appear nowhere.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, BuiltSite, build, copy_content, make_project, run_swvsite

SIGNALEN = FIXTURES / "signalen"


def _content(where: Path) -> Path:
    content = copy_content(FIXTURES / "minimal", where / "content")
    (content / "signalen").mkdir(exist_ok=True)
    for source in SIGNALEN.glob("*.yml"):
        shutil.copy(source, content / "signalen" / source.name)
    return content


@pytest.fixture(scope="module")
def signal_site(tmp_path_factory) -> BuiltSite:
    where = tmp_path_factory.mktemp("signalen")
    site = build(where, _content(where))
    assert site.result.returncode == 0, site.result.stderr
    return site


def _check(tmp_path: Path, files: dict[str, str], config_edit=None):
    content = _content(tmp_path)
    for name, text in files.items():
        (content / "signalen" / name).write_text(text, encoding="utf-8")
    config = make_project(tmp_path / "project", content)
    if config_edit:
        config.write_text(config_edit(config.read_text(encoding="utf-8")), encoding="utf-8")
    return run_swvsite("check", "-f", str(config))


VALID = """\
periode: 2026-q3
tellingen:
  - categorie: tlv
    door: ouder
    sector: po
    gemeente: Goirle
    aantal: 6
"""

# Realistic mistakes: (what is written, where it is, the personal data itself).
# Each replaces the marked line in VALID or is added as a line.
MISTAKES = [
    ("# moeder van Sanne belde drie keer\n", 1, None, "Sanne"),
    ("# teruggebeld: j.jansen@gmail.com\n", 1, None, "j.jansen@gmail.com"),
    ("# vader belt terug op 06-12345678\n", 1, None, "06-12345678"),
    ("# tel. +31 6 1234 5678 (oma)\n", 1, None, "+31 6 1234 5678"),
    ("# BSN 123456782 staat in het dossier\n", 1, None, "123456782"),
    ("# leerling Daan uit groep 7\n", 1, None, "Daan"),
    ("periode: 2026-q3 # ouders van De Vries\n", 1, None, "De Vries"),
]
FIELD_MISTAKES = [
    ("    gemeente: Kerkstraat 12, 5038 AB\n", "tellingen[1].gemeente", "5038 AB"),
    ("    gemeente: 5038 AB 12\n", "tellingen[1].gemeente", "5038 AB 12"),
    ("    aantal: 0612345678\n", "tellingen[1].aantal", "0612345678"),
    ("    opmerking: vader van Mohammed belde\n", "tellingen[1].opmerking", "Mohammed"),
    ("    contact: ouder@example.nl\n", "tellingen[1].contact", "ouder@example.nl"),
    ("    bsn: 1112.22.333\n", "tellingen[1].bsn", "1112.22.333"),
    ("    notitie: 'leerling Emma de Jong'\n", "tellingen[1].notitie", "Emma"),
]


def _with_comment(line: str) -> str:
    if line.startswith("periode:"):
        return VALID.replace("periode: 2026-q3\n", line)
    return line + VALID


def _with_field(line: str) -> tuple[str, int]:
    lines = VALID.splitlines(keepends=True)
    key = line.split(":")[0]
    index = next((i for i, text in enumerate(lines) if text.split(":")[0] == key), None)
    if index is None:
        lines.insert(6, line)
        index = 6
    else:
        lines[index] = line
    return "".join(lines), index + 1


@pytest.mark.parametrize("line, number, field, secret", MISTAKES)
def test_personal_data_in_a_comment_is_refused_without_repeating_it(tmp_path, line, number,
                                                                      field, secret):
    result = _check(tmp_path, {"2026-q3.yml": _with_comment(line)})
    assert result.returncode == 1, result.stdout
    output = result.stdout + result.stderr
    assert f"content/signalen/2026-q3.yml, regel {number}: in een opmerking (na #)" in output
    assert "persoonsgegevens" in output
    assert secret not in output


@pytest.mark.parametrize("line, field, secret", FIELD_MISTAKES)
def test_personal_data_in_a_field_is_refused_with_file_line_and_field(tmp_path, line, field,
                                                                        secret):
    text, number = _with_field(line)
    result = _check(tmp_path, {"2026-q3.yml": text})
    assert result.returncode == 1, result.stdout
    output = result.stdout + result.stderr
    assert f"content/signalen/2026-q3.yml, regel {number}, veld '{field}': hier staat iets " \
        "dat lijkt op" in output, output
    assert secret not in output


VALID_FILES = {
    "2026-03.yml": """\
# Signalen van maart 2026, bijgewerkt op 2026-04-02 (12 weken na de start).
# Een ouder van een leerling in groep 8 en de school meldden dit.
periode: 2026-03
tellingen:
  - categorie: vervoer  # leerlingenvervoer naar het so
    door: ouder
    sector: po
    gemeente: Tilburg
    aantal: 123
  - categorie: communicatie-school
    door: jongere
    sector: vo
    aantal: 0
""",
}


def test_valid_signal_files_give_no_false_alarm(tmp_path):
    result = _check(tmp_path, VALID_FILES)
    # March lies in the fixture's 2026-q1: that is the one problem, and no false alarm.
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "persoonsgegevens" not in output
    problems = [line for line in output.splitlines() if line.startswith("- ")]
    assert problems == [
        "- content/signalen/2026-03.yml, regel 3, veld 'periode': deze maand valt in het "
        "kwartaal 2026-q1 (content/signalen/2026-q1.yml); tel per kwartaal of per maand, "
        "niet allebei (anders telt alles dubbel)"]


def test_valid_signal_files_pass(tmp_path):
    text = VALID_FILES["2026-03.yml"].replace("2026-03", "2026-07")
    result = _check(tmp_path, {"2026-07.yml": text})
    assert result.returncode == 0, result.stderr


def test_a_category_must_come_from_mkdocs_yml(tmp_path):
    text = VALID.replace("categorie: tlv", "categorie: tvl")
    result = _check(tmp_path, {"2026-q3.yml": text})
    assert result.returncode == 1
    assert ("- content/signalen/2026-q3.yml, regel 3, veld 'tellingen[1].categorie': 'tvl' is "
            "geen categorie uit mkdocs.yml (signalen: categorieen); kies uit: zorgplicht, "
            "thuiszitten, tlv,") in result.stderr
    assert "bedoelt u 'tlv'?" in result.stderr


def test_the_categories_are_the_ones_in_mkdocs_yml(tmp_path):
    def only_tlv(config: str) -> str:
        return re.sub(r"categorieen:\n(\s+[\w-]+: .+\n)+", "categorieen:\n          tlv: TLV\n",
                      config)
    result = _check(tmp_path, {"2026-q3.yml": VALID}, only_tlv)
    assert result.returncode == 1
    # The fixture's other categories are now unknown; tlv is fine.
    assert "'thuiszitten' is geen categorie uit mkdocs.yml" in result.stderr
    assert "'tlv' is geen" not in result.stderr


def test_a_bad_threshold_in_mkdocs_yml_names_the_setting(tmp_path):
    result = _check(tmp_path, {}, lambda c: c.replace("drempel: 5", "drempel: 1"))
    assert result.returncode == 1
    assert re.search(r"mkdocs\.yml, regel \d+, veld 'signalen\.drempel': de drempel is een "
                     r"geheel getal van minstens 3", result.stderr), result.stderr


def test_a_gemeente_must_belong_to_an_swv(tmp_path):
    text = VALID.replace("gemeente: Goirle", "gemeente: Breda")
    result = _check(tmp_path, {"2026-q3.yml": text})
    assert result.returncode == 1
    assert ("content/signalen/2026-q3.yml, regel 6, veld 'tellingen[1].gemeente': deze gemeente "
            "hoort niet bij een samenwerkingsverband voor po in organisatie.yml; kies uit: "
            "Tilburg, Goirle") in result.stderr


def test_the_period_is_the_file_name(tmp_path):
    result = _check(tmp_path, {"2026-q4.yml": VALID})
    assert "regel 1, veld 'periode': de periode moet hetzelfde zijn als de bestandsnaam: " \
        "2026-q4" in result.stderr


def test_swvsite_new_signaal_writes_a_file_check_explains(tmp_path):
    content = _content(tmp_path)
    config = make_project(tmp_path / "project", content)
    result = run_swvsite("new", "signaal", "2026-q3", "-f", str(config))
    assert result.returncode == 0, result.stderr
    text = (content / "signalen" / "2026-q3.yml").read_text(encoding="utf-8")
    assert "periode: 2026-q3\n" in text and "  - categorie:\n" in text
    checked = run_swvsite("check", "-f", str(config))
    assert checked.returncode == 1
    assert "veld 'tellingen[1].categorie': dit veld is verplicht" in checked.stderr
    fields = run_swvsite("velden", "signaal")
    assert "categorie (categorie" in fields.stdout and "aantal (geheel getal" in fields.stdout


# -- the built site ------------------------------------------------------------


def _numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"(?<![<\w-])\d+(?![\w-])", text)]


def test_pages_per_published_period_and_none_below_the_threshold(signal_site):
    assert signal_site.path("signalen/2025-q4").is_file()
    assert signal_site.path("signalen/2026-q1").is_file()
    assert not signal_site.path("signalen/2026-q2").exists()
    overview = signal_site.article("signalen")
    assert "2026-q2" not in str(overview) and "tweede kwartaal" not in overview.get_text()


def test_no_number_below_the_threshold_on_any_signal_page(signal_site):
    for url in ("signalen", "signalen/2025-q4", "signalen/2026-q1"):
        article = signal_site.article(url)
        for cell in article.select("td"):
            text = cell.get_text(strip=True)
            assert text in ("<5", "x") or int(text) >= 5, (url, text)
        for label in article.select("svg text.swv-grafiek__getal"):
            text = label.get_text(strip=True)
            assert text in ("<5", "x") or int(text) >= 5, (url, text)


def test_the_period_page_shows_the_suppressed_table(signal_site):
    article = signal_site.article("signalen/2025-q4")
    table = article.select_one("table")
    rows = {tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.select("td")]
            for tr in table.select("tbody tr")}
    # thuiszitten po 9, vo 6; tlv po 3+8=11; bezwaar vo 2; vervoer po 12.
    assert rows["Thuiszitten"] == ["9", "6", "15"]
    # TLV vo is 0: hidden; then po would equal the row total, so it is hidden too.
    assert rows["TLV"] == ["x", "<5", "11"]
    assert rows["Bezwaar"][1] == "<5"
    assert "Totaal" in rows and rows["Totaal"][2] == "40"
    assert table.caption and table.select("th[scope=col]") and table.select("th[scope=row]")


def test_charts_are_accessible_svg_without_style_attributes(signal_site):
    for url in ("signalen", "signalen/2026-q1"):
        article = signal_site.article(url)
        svgs = article.select("svg")
        assert svgs
        for svg in svgs:
            assert svg["role"] == "img" and svg.get("viewbox")
            ids = svg["aria-labelledby"].split()
            assert svg.select_one("title")["id"] == ids[0]
            assert svg.select_one("desc")["id"] == ids[1]
            assert svg.select("text"), "labels are text, not colour"
        assert not article.select("[style]")
        assert not article.select("script")


def test_the_report_has_steunpunt_period_date_and_the_rule(signal_site):
    article = signal_site.article("signalen/2026-q1")
    kop = article.select_one("dl.swv-rapport-kop").get_text(" ", strip=True)
    assert "Steunpunt" in kop and "eerste kwartaal 2026" in kop and "Gemaakt op" in kop
    assert "minder dan 5" in article.get_text()
    assert article.select_one("#kleine-aantallen")


def test_exports_apply_the_same_suppression(signal_site):
    text = (signal_site.root / "data" / "signalen.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["periode"] for r in rows} == {"2025-q4", "2026-q1"}
    for row in rows:
        assert row["aantal"] in ("<5", "x") or int(row["aantal"]) >= 5, row
    data = json.loads((signal_site.root / "data" / "signalen.json").read_text(encoding="utf-8"))
    assert data["drempel"] == 5
    assert [p["periode"] for p in data["perioden"]] == ["2025-q4", "2026-q1"]
    for periode in data["perioden"]:
        for cel in periode["cellen"]:
            assert cel["aantal"] is None or cel["aantal"] >= 5, cel
            assert cel["weergave"] in ("<5", "x") or int(cel["weergave"]) == cel["aantal"]
    # The page and the export show the same numbers.
    page = signal_site.article("signalen/2025-q4")
    shown = [td.get_text(strip=True) for td in page.select("table")[0].select("td")]
    exported = [r["aantal"] for r in rows if r["periode"] == "2025-q4"
                and r["tabel"] == "categorie-sector"]
    assert sorted(shown) == sorted(exported)


def test_category_labels_from_mkdocs_yml_are_escaped(tmp_path):
    content = _content(tmp_path)
    config = make_project(tmp_path / "project", content)
    config.write_text(config.read_text(encoding="utf-8").replace(
        "tlv: TLV", "tlv: \"<script>alert(1)</script> & **TLV**\""), encoding="utf-8")
    site_dir = tmp_path / "site"
    result = run_swvsite("build", "-f", str(config), "--site-dir", str(site_dir))
    assert result.returncode == 0, result.stderr
    html = (site_dir / "signalen" / "2025-q4" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; **TLV**" in html


def test_without_signal_files_the_overview_and_exports_are_there_and_empty(tmp_path):
    """An SWV without signal files yet (or staff removing them) still publishes:
    the menu's Signalen page and the exports docs/data.md links to are there."""
    content = copy_content(FIXTURES / "minimal", tmp_path / "content")
    shutil.rmtree(content / "signalen", ignore_errors=True)
    site = build(tmp_path, content)
    assert site.result.returncode == 0, site.result.stderr
    text = (site.root / "data" / "signalen.csv").read_text(encoding="utf-8")
    assert text.splitlines() == [",".join(("periode", "tabel", "rij", "rij_naam", "kolom",
                                           "kolom_naam", "aantal"))]
    data = json.loads((site.root / "data" / "signalen.json").read_text(encoding="utf-8"))
    assert data["perioden"] == []
    assert "Er zijn nog geen signalen gepubliceerd." in site.article("signalen").get_text()
