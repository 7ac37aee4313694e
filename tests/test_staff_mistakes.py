"""What staff run into, through the command line: every problem at once, at its
line, in Dutch; and the forms that keep working (old ids, links between pages).

Each test edits a copy of the fixture content (tests/fixtures/minimal) the way a
staff member would, then runs `swvsite check` or `swvsite build` on it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from conftest import ROOT, build, make_project, run_swvsite


def check(content: Path, cwd: Path):
    return run_swvsite("check", "--content", str(content), cwd=cwd)


def line_of(path: Path, needle: str) -> int:
    return next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if needle in text)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problem_lines(result) -> list[str]:
    return [x for x in result.stderr.splitlines() if x.startswith("- ")]


# --------------------------------------------------------------------------
# Every problem at once
# --------------------------------------------------------------------------


def test_file_problems_and_site_problems_come_in_one_pass(tmp_path, minimal_content):
    school = minimal_content / "scholen/bs-test.yml"
    edit(school, "gemeente: Tilburg", "gemeente: [Tilburg")  # a YAML mistake
    vragen = minimal_content / "vragen/algemeen.yml"
    edit(vragen, "procedures: [tlv-aanvragen]", "procedures: [tlv-aanvrage]")  # a wrong id
    result = check(minimal_content, tmp_path)
    assert result.returncode == 1
    found = problem_lines(result)
    assert any("bs-test.yml" in x and "de YAML klopt niet" in x for x in found), found
    assert any(f"algemeen.yml, regel {line_of(vragen, 'tlv-aanvrage')}" in x
               and "er bestaat geen procedure met id 'tlv-aanvrage'; bedoelt u 'tlv-aanvragen'?"
               in x for x in found), found


def test_a_reference_to_a_file_with_its_own_problem_is_not_reported_twice(tmp_path,
                                                                          minimal_content):
    edit(minimal_content / "procedures/tlv-aanvragen.yml", "titel: Een TLV aanvragen",
         "titel:")  # the procedure itself is wrong; what refers to it is not
    result = check(minimal_content, tmp_path)
    assert result.returncode == 1
    found = problem_lines(result)
    assert len(found) == 1 and "tlv-aanvragen.yml" in found[0], found


def test_two_files_for_one_school_are_refused(tmp_path, minimal_content):
    shutil.copy(minimal_content / "scholen/bs-test.yml", minimal_content / "scholen/bs-kopie.yml")
    result = check(minimal_content, tmp_path)
    assert result.returncode == 1
    found = [x for x in problem_lines(result) if "BRIN 99ZZ met vestiging 00" in x]
    assert len(found) == 1
    assert re.match(r"- content/scholen/bs-test\.yml, regel 2, veld 'brin': .* staat ook in "
                    r"content/scholen/bs-kopie\.yml", found[0]), found


# --------------------------------------------------------------------------
# No silent loss
# --------------------------------------------------------------------------


def test_a_colour_read_as_comment_says_so_at_its_line(tmp_path, minimal_content):
    organisatie = minimal_content / "organisatie.yml"
    organisatie.write_text(organisatie.read_text() + "huisstijl:\n  primair: #1f4e79\n")
    result = check(minimal_content, tmp_path)
    assert result.returncode == 1
    found = problem_lines(result)
    line = line_of(organisatie, "primair: #1f4e79")
    assert found == [
        f"- content/organisatie.yml, regel {line}, veld 'huisstijl.primair': de waarde begint "
        "met '#': YAML leest '#1f4e79' als een opmerking, en dan is dit veld leeg. Zet de "
        "waarde tussen aanhalingstekens, zoals \"#1f4e79\""], found


def test_text_cut_at_a_hash_is_a_problem_but_a_comment_is_not(tmp_path, minimal_content):
    school = minimal_content / "scholen/bs-test.yml"
    edit(school, "naam: Basisschool De Test", "naam: Basisschool #1 De Test")
    edit(school, "gemeente: Tilburg", "gemeente: Tilburg  # fictief")
    result = check(minimal_content, tmp_path)
    assert result.returncode == 1
    found = problem_lines(result)
    assert len(found) == 1, found
    assert found[0].startswith("- content/scholen/bs-test.yml, regel 1, veld 'naam': de tekst "
                               "na 'Basisschool' valt weg: YAML leest '#1 De Test' als een "
                               "opmerking")


def test_html_in_a_plain_text_field_is_refused(tmp_path, minimal_content):
    school = minimal_content / "scholen/bs-test.yml"
    edit(school, "samenvatting: Een school", "samenvatting: Een <b>school</b>")
    found = problem_lines(check(minimal_content, tmp_path))
    assert found == [f"- content/scholen/bs-test.yml, regel {line_of(school, '<b>')}, veld "
                     "'samenvatting': HTML werkt niet in dit veld: de tekst wordt precies zo "
                     "getoond, met '<b>' erin. Schrijf gewone tekst, zonder < en >"], found


def test_a_field_name_without_its_space_is_reported_at_its_own_line(tmp_path, minimal_content):
    school = minimal_content / "scholen/bs-test.yml"
    text = school.read_text().replace("naam: Basisschool De Test", "naam:Basisschool De Test")
    school.write_text(text)
    found = problem_lines(check(minimal_content, tmp_path))
    assert found == ["- content/scholen/bs-test.yml, regel 1: na 'naam:' hoort een spatie; "
                     "schrijf 'naam: ...' (zonder spatie leest YAML de hele regel als tekst en "
                     "niet als veld)"], found


def test_a_misspelt_required_field_is_reported_once_at_its_line(tmp_path, minimal_content):
    school = minimal_content / "scholen/bs-test.yml"
    edit(school, "samenvatting:", "samenvating:")
    found = problem_lines(check(minimal_content, tmp_path))
    assert found == [f"- content/scholen/bs-test.yml, regel {line_of(school, 'samenvating')}, "
                     "veld 'samenvating': 'samenvating' is geen bekend veld; bedoelt u "
                     "'samenvatting'?"], found


def test_taal_reports_findings_and_fails_with_one_verdict(tmp_path, minimal_content):
    vragen = minimal_content / "vragen/algemeen.yml"
    long_sentence = " ".join(["de ondersteuningsmogelijkheden"] * 30) + "."
    edit(vragen, "antwoord: Een TLV is een besluit.", f"antwoord: {long_sentence}")
    result = run_swvsite("check", "--taal", "--content", str(minimal_content), cwd=tmp_path)
    assert result.returncode == 1
    assert "De inhoud is in orde" not in result.stdout + result.stderr
    assert "algemeen.yml" in result.stdout
    assert result.stderr.strip().splitlines()[-1].startswith("De inhoud is geldig (")
    assert "taalniveau B1 niet (--taal" in result.stderr
    fine = run_swvsite("check", "--taal", "--content", str(ROOT / "tests/fixtures/minimal"),
                       cwd=tmp_path)
    assert fine.returncode == 0, fine.stdout + fine.stderr
    assert fine.stdout.strip().splitlines()[-1].startswith("De inhoud is in orde")


# --------------------------------------------------------------------------
# Renaming is a one-file change
# --------------------------------------------------------------------------


def rename_procedure(content: Path) -> None:
    """Rename tlv-aanvragen as the README says: the file, and its old id in oude_ids.
    Every other file still says tlv-aanvragen."""
    old = content / "procedures/tlv-aanvragen.yml"
    new = content / "procedures/tlv-aanvraag-indienen.yml"
    old.rename(new)
    new.write_text(new.read_text() + "oude_ids:\n  - tlv-aanvragen\n")


def test_a_rename_keeps_references_working_with_a_notice(tmp_path, minimal_content):
    rename_procedure(minimal_content)
    result = check(minimal_content, tmp_path)
    assert result.returncode == 0, result.stderr
    vragen = minimal_content / "vragen/algemeen.yml"
    assert (f"- content/vragen/algemeen.yml, regel {line_of(vragen, 'procedures:')}, veld "
            "'vragen[1].procedures[1]': let op: 'tlv-aanvragen' is een oude id van de "
            "procedure 'tlv-aanvraag-indienen'") in result.stderr
    site = build(tmp_path, minimal_content)
    assert site.result.returncode == 0, site.result.stderr
    thema = site.article("vragen/algemeen")
    assert thema.find("a", href="../../procedures/tlv-aanvraag-indienen/") is not None
    moved = site.path("procedures/tlv-aanvragen").read_text()
    assert "../tlv-aanvraag-indienen/" in moved  # the old address leads on (#stap-N kept)


def test_a_rename_keeps_hand_written_links_working(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    docs = tmp_path / "project/docs"
    (docs / "index.md").unlink()  # a symlink to the fixture page: write our own
    (docs / "index.md").write_text(
        "# Start\n\n- [TLV](procedures/tlv-aanvragen.md#stap-2)\n"
        "- [Zelfde](procedure:tlv-aanvragen)\n- [Vraag](vraag:wat-is-een-tlv)\n"
        "- [Contact](pagina:contact)\n", encoding="utf-8")
    rename_procedure(minimal_content)
    checked = run_swvsite("check", "-f", str(config), cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "docs/index.md, regel 3: let op" in checked.stderr
    result = run_swvsite("build", "-f", str(config), "--site-dir", str(tmp_path / "site"),
                         cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/index.html").read_text()
    assert 'href="procedures/tlv-aanvraag-indienen/#stap-2"' in page
    assert 'href="procedures/tlv-aanvraag-indienen/"' in page
    assert 'href="vragen/algemeen/#wat-is-een-tlv"' in page
    assert 'href="contact/"' in page


# --------------------------------------------------------------------------
# Links between records from text
# --------------------------------------------------------------------------


def test_text_links_records_and_pages_of_the_site(tmp_path, minimal_content):
    vragen = minimal_content / "vragen/algemeen.yml"
    edit(vragen, "Lees meer op [de site](https://www.example.nl).",
         "Zie [stap 2](procedure:tlv-aanvragen#stap-2), [het OPDC](voorziening:opdc-test), "
         "[wat een TLV is](begrip:tlv) en [contact](pagina:contact).")
    site = build(tmp_path, minimal_content)
    assert site.result.returncode == 0, site.result.stderr
    links = {a.get_text(): a["href"] for a in site.article("vragen/algemeen").find_all("a")}
    assert links["stap 2"] == "../../procedures/tlv-aanvragen/#stap-2"
    assert links["het OPDC"] == "../../voorzieningen/opdc-test/"
    assert links["wat een TLV is"] == "../../begrippen/#toelaatbaarheidsverklaring"
    assert links["contact"] == "../../contact/"


def test_a_text_link_to_nothing_is_refused_at_its_line(tmp_path, minimal_content):
    vragen = minimal_content / "vragen/algemeen.yml"
    edit(vragen, "Lees meer op [de site](https://www.example.nl).",
         "Zie [x](procedure:tlv-aanvrage), [y](procedure:tlv-aanvragen#stap-9) en "
         "[z](pagina:kontakt).")
    result = run_swvsite("check", "-f", str(make_project(tmp_path / "p", minimal_content)),
                         cwd=tmp_path)
    assert result.returncode == 1
    where = f"- content/vragen/algemeen.yml, regel {line_of(vragen, 'Zie [x]')}, veld " \
            "'vragen[1].antwoord': "
    found = problem_lines(result)
    assert where + ("er bestaat geen procedure met id 'tlv-aanvrage'; bedoelt u "
                    "'tlv-aanvragen'?") in found, found
    assert where + ("de link 'procedure:tlv-aanvragen#stap-9' wijst naar een stap die niet "
                    "bestaat; deze procedure heeft de stappen stap-1 tot en met stap-2") in found
    assert where + "er is geen pagina 'kontakt'; bedoelt u 'pagina:contact'?" in found


def test_a_link_to_the_sites_own_address_is_checked(tmp_path, minimal_content):
    vragen = minimal_content / "vragen/algemeen.yml"
    config = make_project(tmp_path / "p", minimal_content)
    own = yaml.safe_load(config.read_text().split("\ntheme:")[0])["site_url"].rstrip("/")
    edit(vragen, "https://www.example.nl", f"{own}/procedures/bestaat-niet/")
    result = run_swvsite("check", "-f", str(config), cwd=tmp_path)
    assert result.returncode == 1
    assert "wijst naar een pagina van deze site die niet bestaat" in result.stderr


def test_a_school_names_the_voorzieningen_it_works_with(tmp_path, minimal_content):
    school = minimal_content / "scholen/bs-test.yml"
    school.write_text(school.read_text() + "voorzieningen: [opdc-test]\n")
    site = build(tmp_path, minimal_content)
    assert site.result.returncode == 0, site.result.stderr
    assert site.article("scholen/bs-test").find("a", href="../../voorzieningen/opdc-test/")
    assert site.article("voorzieningen/opdc-test").find("a", href="../../scholen/bs-test/")
    school.write_text(school.read_text().replace("[opdc-test]", "[opdc-tset]"))
    found = problem_lines(check(minimal_content, tmp_path))
    assert any("er bestaat geen voorziening met id 'opdc-tset'; bedoelt u 'opdc-test'?" in x
               for x in found), found


# --------------------------------------------------------------------------
# Build messages in Dutch
# --------------------------------------------------------------------------


def test_build_messages_are_dutch_with_file_and_line(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    docs = tmp_path / "project/docs"
    (docs / "index.md").unlink()
    (docs / "index.md").write_text("# Start\n\nZie [contact](contact.md#nergens).\n",
                                   encoding="utf-8")
    result = run_swvsite("build", "-f", str(config), "--site-dir", str(tmp_path / "site"),
                         cwd=tmp_path)
    assert result.returncode == 1
    assert ("WAARSCHUWING -  docs/index.md, regel 3: de link 'contact.md#nergens' wijst naar "
            "een onderdeel (#nergens) dat niet bestaat op de pagina contact.md.") in result.stderr
    assert "De site is niet gebouwd: 1 waarschuwing." in result.stderr
    for english in ("WARNING", "ERROR", "Aborted", "Doc file"):
        assert english not in result.stderr
    assert not (tmp_path / "site").exists()
