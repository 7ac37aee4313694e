"""`swvsite import-scholen`: school records from DUO's open data.

The fixtures in tests/fixtures/duo/ are in DUO's format (semicolons,
Windows-1252, CRLF, upper-case names, postcodes without a space, phone numbers
with a dash, web addresses without https://) and describe fictional schools
with BRIN numbers starting with 9. Golden reports and records live in
tests/golden/; rewrite them after a deliberate change with
`SWVSITE_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_import.py`.
"""

from __future__ import annotations

import csv as csv_module
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
import yaml
from test_scaffold import FILL, assert_golden, fill_in

from swvsite.content.load import load_site
from swvsite.content.problems import ContentError
from swvsite.tools import importer
from swvsite.tools.importer import ImportFailed, import_scholen
from swvsite.tools.importer import school as duo_school

from conftest import run_swvsite

DUO = Path(__file__).resolve().parent / "fixtures" / "duo"
BO = DUO / "vestigingen-bo.csv"
VO = DUO / "vestigingen-vo.csv"
TODAY = dt.date(2026, 10, 5)
HEADER = ("BRIN NUMMER;VESTIGINGSNUMMER;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;"
          "POSTCODE;PLAATSNAAM;GEMEENTENAAM;DENOMINATIE;TELEFOONNUMMER;INTERNETADRES")


def run(csv: Path, content: Path, **options) -> importer.ImportReport:
    options.setdefault("today", TODAY)
    return import_scholen(csv, content, **options)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def write_csv(tmp_path: Path, *rows: str, name: str = "duo.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(("\r\n".join((HEADER, *rows)) + "\r\n").encode("cp1252"))
    return path


# --------------------------------------------------------------------------
# Golden reports and records
# --------------------------------------------------------------------------


def test_import_po_golden(minimal_content: Path) -> None:
    report = run(BO, minimal_content, swv="po")
    assert_golden("import-bo-po.txt", report.text())
    assert report.exit_code == 0
    scholen = minimal_content / "scholen"
    assert_golden("import-obs-de-esdoorn-tilburg.yml",
                  (scholen / "obs-de-esdoorn-tilburg.yml").read_text(encoding="utf-8"))
    assert_golden("import-bs-test.yml", (scholen / "bs-test.yml").read_text(encoding="utf-8"))


def test_import_vo_golden(minimal_content: Path) -> None:
    report = run(VO, minimal_content, swv="vo")
    assert_golden("import-vo-vo.txt", report.text())
    data = yaml.safe_load((minimal_content / "scholen" / "vakcollege-de-smederij-tilburg.yml")
                          .read_text(encoding="utf-8"))
    assert data["niveaus"] == ["vmbo-bb", "vmbo-kb"]
    assert data["swv"] == "vo"


def test_identity_fields_from_duo(minimal_content: Path) -> None:
    run(BO, minimal_content, swv="po")
    scholen = minimal_content / "scholen"
    noord = yaml.safe_load((scholen / "obs-de-esdoorn-locatie-noord-tilburg.yml").read_text(
        encoding="utf-8"))
    assert noord["naam"] == "OBS De Esdoorn; Locatie Noord"  # quoted field with a ';'
    assert noord["vestiging"] == "01"
    assert noord["adres"] == {"straat": "Hélène Swarthlaan 3-A", "postcode": "5042 CD",
                              "plaats": "Tilburg"}  # Windows-1252 read correctly
    assert noord["telefoon"] == "013 - 123 45 68"
    assert noord["website"] == "https://www.obsdeesdoorn.example/noord"
    sint_jan = yaml.safe_load((scholen / "rkbs-sint-jan-goirle.yml").read_text(encoding="utf-8"))
    assert sint_jan["gemeente"] == "Goirle"
    assert sint_jan["website"] == "http://www.rkbssintjan.example"
    assert sint_jan["denominatie"] == "Rooms-Katholiek"
    sbo = yaml.safe_load((scholen / "sbo-de-wegwijzer-tilburg.yml").read_text(encoding="utf-8"))
    assert sbo["niveaus"] == ["sbo"]
    assert sbo["adres"]["straat"] == "Pater van den Elsenlaan 40"
    assert sbo["telefoon"] == "0134561234"
    al_noor = yaml.safe_load((scholen / "ibs-al-noor-berkel-enschot.yml").read_text(
        encoding="utf-8"))
    assert al_noor["gemeente"] == "Tilburg" and al_noor["adres"]["plaats"] == "Berkel-Enschot"
    assert al_noor["adres"]["straat"] == "Laan van de Linden 8"
    assert "telefoon" not in al_noor and "website" not in al_noor


def test_new_records_wait_for_staff_updated_record_stays_valid(minimal_content: Path) -> None:
    report = run(BO, minimal_content, swv="po")
    with pytest.raises(ContentError) as caught:
        load_site(minimal_content)
    problems = caught.value.problems
    created = {r.file for r in report.created}
    assert {p.file for p in problems} == created
    assert all(p.message.startswith("dit veld is verplicht") for p in problems)
    assert {p.field for p in problems} == {"samenvatting", "basisondersteuning",
                                           "contactpersoon.naam", "contactpersoon.functie",
                                           "vastgesteld_op"}
    # Once staff fill in the profile, the whole site is valid.
    for name in created:
        path = minimal_content.parent / name
        path.write_text(fill_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    site = load_site(minimal_content)
    assert site.scholen["bs-test"]["telefoon"] == "013 - 000 12 34"
    assert site.scholen["obs-de-esdoorn-tilburg"]["naam"] == "OBS De Esdoorn"
    assert site.scholen["obs-de-esdoorn-tilburg"]["samenvatting"] == FILL["samenvatting"]


# --------------------------------------------------------------------------
# Idempotence, hand edits, dry run
# --------------------------------------------------------------------------


def test_second_run_changes_nothing(minimal_content: Path) -> None:
    first = run(BO, minimal_content, swv="po")
    assert first.changed
    after_first = snapshot(minimal_content)
    second = run(BO, minimal_content, swv="po", today=TODAY + dt.timedelta(days=30))
    assert snapshot(minimal_content) == after_first
    assert not second.created and not second.updated
    assert len(second.unchanged) == len(first.created) + len(first.updated)
    assert_golden("import-bo-po-tweede-keer.txt", second.text())


def test_hand_written_fields_and_comments_survive(minimal_content: Path, tmp_path: Path) -> None:
    run(BO, minimal_content, swv="po")
    path = minimal_content / "scholen" / "obs-de-esdoorn-tilburg.yml"
    text = fill_in(path.read_text(encoding="utf-8"))
    text = text.replace("samenvatting: Een korte samenvatting.",
                        "# Door Anna geschreven, met de intern begeleider\n"
                        "samenvatting: >-\n  Een openbare school\n  met veel aandacht voor taal.")
    text = text.replace("telefoon: 013 - 123 45 67", "telefoon: '0131234567'  # hoofdnummer")
    text = text.replace("naam: OBS De Esdoorn", "naam: OBS de Esdoorn  # zo schrijft de school het")
    path.write_text(text, encoding="utf-8")
    # DUO: the school has moved and has a new phone number.
    moved = tmp_path / "verhuisd.csv"
    moved.write_bytes(BO.read_bytes().replace(b"ESDOORNLAAN;12;5041AB", b"ESDOORNLAAN;14;5041AC")
                      .replace(b"013-1234567", b"013-7654321"))
    report = run(moved, minimal_content, swv="po")
    assert [r.file for r in report.updated] == ["content/scholen/obs-de-esdoorn-tilburg.yml"]
    assert [(c.field, c.old, c.new) for c in report.updated[0].changes] == [
        ("adres.straat", "Esdoornlaan 12", "Esdoornlaan 14"),
        ("adres.postcode", "5041 AB", "5041 AC"),
        ("telefoon", "0131234567", "013 - 765 43 21"),
    ]
    new_text = path.read_text(encoding="utf-8")
    expected = (text.replace("straat: Esdoornlaan 12", "straat: Esdoornlaan 14")
                .replace("postcode: 5041 AB", "postcode: 5041 AC")
                .replace("telefoon: '0131234567'  # hoofdnummer",
                         "telefoon: '013 - 765 43 21'  # hoofdnummer"))
    assert new_text == expected  # only those three values changed, comments and quotes kept
    assert "naam: OBS de Esdoorn  # zo schrijft de school het" in new_text


def test_demo_style_record_is_edited_in_place(minimal_content: Path, tmp_path: Path) -> None:
    """Block style, quoted values with comments, CRLF and a BOM all stay."""
    path = minimal_content / "scholen" / "bs-test.yml"
    original = (
        "naam: Basisschool De Test\r\nbrin: 99ZZ\r\nvestiging: \"00\"\r\nswv: po\r\n"
        "niveaus:\r\n  - basisonderwijs\r\nadres:\r\n  straat: Laan 3\r\n"
        "  postcode: 5038 AD  # klopt\r\n  plaats: Tilburg\r\ngemeente: Tilburg\r\n"
        "# Het nummer van de administratie\r\ntelefoon: \"013 - 000 99 99\"  # fictief\r\n"
        "samenvatting: Een school.\r\nbasisondersteuning:\r\n  - Hulp bij lezen.\r\n"
        "contactpersoon:\r\n  naam: Bert Jansen\r\n  functie: Intern begeleider\r\n"
        "vastgesteld_op: 2025-01-01\r\ngecontroleerd_op: 2026-09-15\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + original.encode("utf-8"))
    csv = write_csv(tmp_path, "99ZZ;00;BASISSCHOOL DE TEST;LAAN;5;5038AD;TILBURG;TILBURG;"
                              "Openbaar;013-0001234;www.bsdetest.example")
    report = run(csv, minimal_content, swv="po")
    assert [c.field for c in report.updated[0].changes] == ["adres.straat", "denominatie",
                                                            "telefoon", "website"]
    expected = (original.replace("straat: Laan 3", "straat: Laan 5")
                .replace("gemeente: Tilburg\r\n", "gemeente: Tilburg\r\ndenominatie: Openbaar\r\n")
                .replace('"013 - 000 99 99"  # fictief\r\n', '"013 - 000 12 34"  # fictief\r\n'
                         'website: https://www.bsdetest.example\r\n'))
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.encode("utf-8")
    load_site(minimal_content)


def test_unsafe_edits_are_left_alone(minimal_content: Path, tmp_path: Path) -> None:
    path = minimal_content / "scholen" / "bs-test.yml"
    original = (
        "naam: >-\n  Basisschool\n  De Toets\n"
        "brin: 99ZZ\nvestiging: \"00\"\nswv: po\n"
        "niveaus:\n  - sbo  # tijdelijk\n  - so\n"
        "adres: {straat: Laan 3, postcode: 5038 AD, plaats: Tilburg}\n"
        "gemeente: Tilburg\n"
        "samenvatting: Een school.\nbasisondersteuning: [Hulp bij lezen.]\n"
        "contactpersoon: {naam: Bert Jansen, functie: Intern begeleider}\n"
        "vastgesteld_op: 2025-01-01\ngecontroleerd_op: 2026-09-15\n")
    path.write_text(original, encoding="utf-8")
    csv = write_csv(tmp_path, "99ZZ;00;BASISSCHOOL DE TEST;LAAN;3;5038AD;TILBURG;TILBURG;;;")
    report = run(csv, minimal_content, swv="po")
    assert path.read_text(encoding="utf-8") == original
    assert not report.updated and [r.file for r in report.unchanged] == [
        "content/scholen/bs-test.yml"]
    left = {(item.field, item.reason) for item in report.left_alone}
    assert ("naam", "niet aangepast: de waarde staat over meerdere regels. Volgens DUO: "
            "Basisschool De Test") in left
    assert ("niveaus", "niet aangepast: er staat commentaar of een lege regel in de lijst. "
            "Volgens DUO: basisonderwijs") in left
    assert "content/scholen/bs-test.yml, veld 'naam': niet aangepast" in report.text()


def test_niveaus_known_to_staff_are_kept(minimal_content: Path, tmp_path: Path) -> None:
    path = minimal_content / "scholen" / "bs-test.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "niveaus: [basisonderwijs]", "niveaus: [basisonderwijs, isk]"), encoding="utf-8")
    csv = write_csv(tmp_path, "99ZZ;00;BASISSCHOOL DE TEST;LAAN;3;5038AD;TILBURG;TILBURG;;;")
    assert not run(csv, minimal_content, swv="po").updated
    path.write_text(path.read_text(encoding="utf-8").replace(
        "niveaus: [basisonderwijs, isk]", "niveaus: [sbo]"), encoding="utf-8")
    report = run(csv, minimal_content, swv="po")
    assert [(c.field, c.old, c.new) for c in report.updated[0].changes] == [
        ("niveaus", "sbo", "basisonderwijs")]
    assert "niveaus: [basisonderwijs]\n" in path.read_text(encoding="utf-8")


def test_missing_group_is_written_out(minimal_content: Path, tmp_path: Path) -> None:
    path = minimal_content / "scholen" / "bs-test.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("adres: {straat: Laan 3, postcode: 5038 AD, plaats: Tilburg}\n",
                                 ""), encoding="utf-8")
    csv = write_csv(tmp_path, "99ZZ;00;BASISSCHOOL DE TEST;LAAN;3;5038AD;TILBURG;TILBURG;;;")
    report = run(csv, minimal_content, swv="po")
    assert [(c.field, c.old, c.new) for c in report.updated[0].changes] == [
        ("adres", None, "Laan 3, 5038 AD, Tilburg")]
    assert "niveaus: [basisonderwijs]\nadres:\n  straat: Laan 3\n  postcode: 5038 AD\n" \
           "  plaats: Tilburg\ngemeente: Tilburg\n" in path.read_text(encoding="utf-8")
    load_site(minimal_content)


def test_dry_run_writes_nothing(minimal_content: Path, tmp_path: Path) -> None:
    before = snapshot(minimal_content)
    dry = run(BO, minimal_content, swv="po", dry_run=True)
    assert snapshot(minimal_content) == before
    assert dry.text().splitlines()[1] == ("Proefdraai: er is niets opgeslagen. Zonder proefdraai "
                                          "gebeurt het volgende.")
    real = run(BO, minimal_content, swv="po")
    assert [r.file for r in dry.created] == [r.file for r in real.created]
    assert [(r.file, r.changes) for r in dry.updated] == [(r.file, r.changes)
                                                          for r in real.updated]


# --------------------------------------------------------------------------
# DUO's file quirks
# --------------------------------------------------------------------------


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"),
                                           ("cp1252", b""), ("utf-16", b"")])
def test_encodings(minimal_content: Path, tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = BO.read_bytes().decode("cp1252")
    folder = tmp_path / encoding / bom.hex()
    folder.mkdir(parents=True)
    csv = folder / BO.name
    csv.write_bytes(bom + text.encode(encoding))
    report = run(csv, minimal_content, swv="po", dry_run=True)
    assert report.text() == run(BO, minimal_content, swv="po", dry_run=True).text()
    real = run(csv, minimal_content, swv="po")
    assert "Hélène Swarthlaan 3-A" in (
        minimal_content.parent / real.created[1].file).read_text(encoding="utf-8")


def test_excel_resave_with_commas_and_lf(minimal_content: Path, tmp_path: Path) -> None:
    source = io.StringIO(BO.read_bytes().decode("cp1252"), newline="")
    rows = list(csv_module.reader(source, delimiter=";"))
    csv = tmp_path / "excel.csv"
    with open(csv, "w", encoding="utf-8", newline="\n") as handle:
        csv_module.writer(handle, delimiter=",", lineterminator="\n").writerows(rows)
    report = run(csv, minimal_content, swv="po", dry_run=True)
    assert len(report.created) == 6 and len(report.skipped) == 2


def test_newer_duo_column_names(minimal_content: Path, tmp_path: Path) -> None:
    csv = tmp_path / "nieuw.csv"
    csv.write_text(
        "INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;"
        "POSTCODE;PLAATSNAAM;GEMEENTENAAM\n"
        "99ZZ;99ZZ00;BASISSCHOOL DE TEST;LAAN;3;5038 AD;TILBURG;TILBURG\n", encoding="utf-8")
    report = run(csv, minimal_content, swv="po")
    assert [r.file for r in report.unchanged] == ["content/scholen/bs-test.yml"]


def test_duplicates_and_invalid_rows_are_skipped(minimal_content: Path, tmp_path: Path) -> None:
    csv = write_csv(
        tmp_path,
        "99AA;00;OBS DE ESDOORN;ESDOORNLAAN;12;5041AB;TILBURG;TILBURG;;;",
        "99AA;00;OBS DE ESDOORN;ESDOORNLAAN;12;5041AB;TILBURG;TILBURG;;;",
        "9AA;00;OBS ZONDER BRIN;LAAN;1;5041AB;TILBURG;TILBURG;;;",
        "99AB;XY;OBS RARE VESTIGING;LAAN;1;5041AB;TILBURG;TILBURG;;;",
        "99AC;00;OBS RARE POSTCODE;LAAN;1;ABCD;TILBURG;TILBURG;;;")
    report = run(csv, minimal_content, swv="po")
    assert [(s.line, s.reason) for s in report.skipped] == [
        (3, "deze school staat al eerder in het bestand (regel 2)"),
        (4, "'9AA' is geen geldig BRIN-nummer"),
        (5, "'XY' is geen geldig vestigingsnummer"),
    ]
    assert [r.file for r in report.created] == ["content/scholen/obs-de-esdoorn-tilburg.yml",
                                                "content/scholen/obs-rare-postcode-tilburg.yml"]
    assert any(item.field == "adres.postcode" and "'ABCD'" in item.reason
               for item in report.left_alone)


def test_same_brin_twice_in_content_is_left_alone(minimal_content: Path, tmp_path: Path) -> None:
    shutil.copy(minimal_content / "scholen" / "bs-test.yml",
                minimal_content / "scholen" / "bs-test-kopie.yml")
    before = snapshot(minimal_content)
    csv = write_csv(tmp_path, "99ZZ;00;BASISSCHOOL DE TEST;LAAN;9;5038AD;TILBURG;TILBURG;;;")
    report = run(csv, minimal_content, swv="po")
    assert snapshot(minimal_content) == before
    assert "content/scholen/bs-test-kopie.yml en content/scholen/bs-test.yml hebben allebei " \
           "BRIN 99ZZ en vestiging 00" in report.left_alone[0].reason


def test_record_of_another_swv_is_left_alone(minimal_content: Path, tmp_path: Path) -> None:
    path = minimal_content / "scholen" / "bs-test.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("swv: po", "swv: vo")
                    .replace("niveaus: [basisonderwijs]", "niveaus: [havo]"), encoding="utf-8")
    before = snapshot(minimal_content)
    csv = write_csv(tmp_path, "99ZZ;00;BASISSCHOOL DE TEST;LAAN;9;5038AD;TILBURG;TILBURG;;;")
    report = run(csv, minimal_content, swv="po")
    assert snapshot(minimal_content) == before
    assert "hoort bij samenwerkingsverband vo, deze import is voor po" in report.text()


def test_gemeenten_instead_of_swv(minimal_content: Path) -> None:
    report = run(BO, minimal_content, gemeenten=["TILBURG"], dry_run=True)
    assert report.gemeenten == ["Tilburg"]  # spelled as in organisatie.yml
    assert [r.file for r in report.created] == [
        "content/scholen/obs-de-esdoorn-tilburg.yml",
        "content/scholen/obs-de-esdoorn-locatie-noord-tilburg.yml",
        "content/scholen/sbo-de-wegwijzer-tilburg.yml",
        "content/scholen/ibs-al-noor-berkel-enschot.yml"]
    assert [r.file for r in report.updated] == ["content/scholen/bs-test.yml"]
    # A basisschool in Tilburg belongs to swv po, the only PO swv with Tilburg.
    run(BO, minimal_content, gemeenten=["Tilburg"])
    data = yaml.safe_load((minimal_content / "scholen" / "obs-de-esdoorn-tilburg.yml")
                          .read_text(encoding="utf-8"))
    assert data["swv"] == "po" and data["gemeente"] == "Tilburg"


# --------------------------------------------------------------------------
# Clear Dutch errors
# --------------------------------------------------------------------------


@pytest.mark.parametrize("data, message", [
    (b"", "is leeg"),
    (b"naam,adres\nDe Klimop,Laan 1\n", "geen adressenbestand van DUO: in de kopregel ontbreken "
     "de kolommen BRIN NUMMER, VESTIGINGSNAAM, STRAATNAAM"),
    (HEADER.encode() + b"\n99AA;00;OBS DE ESDOORN;LAAN;1;5041AB;TILBURG\n",
     "regel 2: deze regel heeft 7 kolommen, maar de kopregel heeft er 11"),
    (HEADER.encode() + b"\n99AA;00;\"OBS DE ESDOORN;LAAN;1;5041AB;TILBURG;TILBURG;;;\n",
     "aanhalingsteken (\") wordt niet goed afgesloten"),
    (HEADER.encode() + b"\n", "bevat geen scholen"),
    (b"PK\x03\x04\x14\x00\x06\x00", "is een Excel-bestand"),
    (b"\x00\x01\x02binary", "geen CSV-bestand"),
])
def test_malformed_csv(minimal_content: Path, tmp_path: Path, data: bytes, message: str) -> None:
    csv = tmp_path / "kapot.csv"
    csv.write_bytes(data)
    before = snapshot(minimal_content)
    with pytest.raises(ImportFailed) as caught:
        run(csv, minimal_content, swv="po")
    assert message in str(caught.value)
    assert str(caught.value).startswith("kapot.csv")
    assert snapshot(minimal_content) == before


def test_missing_file(minimal_content: Path, tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="bestaat niet"):
        run(tmp_path / "weg.csv", minimal_content, swv="po")


@pytest.mark.parametrize("options, message", [
    ({}, "kies een samenwerkingsverband (--swv, bijvoorbeeld po, vo) of geef de gemeenten op "
     "(--gemeenten)"),
    ({"swv": "mbo"}, "er is geen samenwerkingsverband met id 'mbo' in organisatie.yml; kies uit: "
     "po, vo"),
    ({"swv": "vo", "gemeenten": ["Goirle"]}, "Goirle hoort niet bij samenwerkingsverband vo; "
     "kies uit: Tilburg"),
])
def test_bad_region(minimal_content: Path, options: dict, message: str) -> None:
    with pytest.raises(ImportFailed) as caught:
        run(BO, minimal_content, **options)
    assert str(caught.value) == message


# --------------------------------------------------------------------------
# Normalising DUO's values
# --------------------------------------------------------------------------


@pytest.mark.parametrize("duo, nice", [
    ("OBS DE VLIEGER", "OBS De Vlieger"),
    ("LAAN VAN DE LINDEN", "Laan van de Linden"),
    ("BASISSCHOOL 'T SCHRIJVERKE", "Basisschool 't Schrijverke"),
    ("'S-HERTOGENBOSCH", "'s-Hertogenbosch"),
    ("IJSSELSTEIN", "IJsselstein"),
    ("ALPHEN-CHAAM", "Alphen-Chaam"),
    ("VAN GOGHSTRAAT", "Van Goghstraat"),
    ("PROF. DR. DORGELOLAAN", "Prof. Dr. Dorgelolaan"),
    ("Basisschool de Klimop", "Basisschool de Klimop"),  # not all capitals: kept
])
def test_nice_name(duo: str, nice: str) -> None:
    assert importer.nice_name(duo) == nice


@pytest.mark.parametrize("duo, phone", [
    ("013-1234567", "013 - 123 45 67"), ("0161-123456", "0161 - 12 34 56"),
    ("013 1234567", "0131234567"), ("06-12345678", "06 - 12345678"),
    ("+31 13 1234567", "0131234567"), ("onbekend", None), ("", None), ("013-12", None),
])
def test_telefoon(duo: str, phone: str | None) -> None:
    assert duo_school.as_telefoon(duo) == phone


@pytest.mark.parametrize("duo, url", [
    ("www.school.nl", "https://www.school.nl"), ("WWW.School.NL/", "https://www.school.nl"),
    ("http://www.school.nl/po", "http://www.school.nl/po"), ("geen", None), ("", None),
])
def test_website(duo: str, url: str | None) -> None:
    assert duo_school.as_website(duo) == url


@pytest.mark.parametrize("structuur, niveaus, sector", [
    (None, ["basisonderwijs"], "po"),
    ("HAVO/VWO", ["havo", "vwo"], "vo"),
    ("VMBO-B/K", ["vmbo-bb", "vmbo-kb"], "vo"),
    ("VMBO-(G)T", ["vmbo-gt"], "vo"),
    ("PRO/LWOO", ["praktijkonderwijs"], "vo"),
    ("MAVO/HAVO/VWO", ["vmbo-gt", "havo", "vwo"], "vo"),
    ("VMBO/HAVO/VWO", None, "vo"),
    ("WEET NIET", None, None),
    ("", None, None),
])
def test_derive_niveaus(structuur: str | None, niveaus: list | None, sector: str | None) -> None:
    assert importer.derive_niveaus(structuur, "COLLEGE")[:2] == (niveaus, sector)


def test_vestiging_and_id() -> None:
    assert duo_school.as_vestiging("99AA01", "99AA") == "01"
    assert duo_school.as_vestiging("1", "99AA") == "01"
    assert duo_school.as_vestiging("", "99AA") == "00"
    assert duo_school.as_vestiging("X1", "99AA") is None
    assert importer.school_id("Stedelijk Lyceum Tilburg", "Tilburg") == "stedelijk-lyceum-tilburg"
    assert importer.school_id("Café De Kleine Prins", "Den Haag") == "cafe-de-kleine-prins-den-haag"


# --------------------------------------------------------------------------
# Existing records are read by the content loader's hardened code
# --------------------------------------------------------------------------


def test_record_the_loader_refuses_is_left_alone(minimal_content: Path, tmp_path: Path) -> None:
    """An anchor (&) PyYAML alone would accept: the importer reads records as
    `swvsite check` does, so it neither matches nor edits that file."""
    path = minimal_content / "scholen" / "bs-test.yml"
    original = path.read_text(encoding="utf-8").replace(
        "plaats: Tilburg}\ngemeente: Tilburg\n", "plaats: &p Tilburg}\ngemeente: *p\n")
    path.write_text(original, encoding="utf-8")
    csv = write_csv(tmp_path, "99ZZ;00;BASISSCHOOL DE TEST;LAAN;5;5038AD;TILBURG;TILBURG;;;")
    result = run_swvsite("import-scholen", str(csv), "--swv", "po", "--content",
                         str(minimal_content))
    assert result.returncode == 0, result.stderr
    assert path.read_text(encoding="utf-8") == original
    assert ("- content/scholen/bs-test.yml: dit bestand is geen geldige YAML en is "
            "overgeslagen") in result.stdout
    check = run_swvsite("check", "--content", str(minimal_content))
    assert "content/scholen/bs-test.yml, regel 7" in check.stderr
    assert "ankers en verwijzingen (& en *) zijn niet toegestaan" in check.stderr


def test_organisatie_is_read_by_the_hardened_loader(minimal_content: Path) -> None:
    path = minimal_content / "organisatie.yml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    result = run_swvsite("import-scholen", str(BO), "--swv", "po", "--content",
                         str(minimal_content))
    assert result.returncode == 1
    assert "De import is gestopt:" in result.stderr and "organisatie.yml is niet te lezen" \
        in result.stderr and "Traceback" not in result.stderr
