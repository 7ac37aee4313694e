"""The staff commands through the real command line: new, import-scholen, velden."""

from __future__ import annotations

from conftest import FIXTURES, run_swvsite

DUO = FIXTURES / "duo"


def test_new_creates_a_template_that_check_refuses_until_filled(minimal_content):
    made = run_swvsite("new", "procedure", "verlof-aanvragen", "--content", str(minimal_content))
    assert made.returncode == 0, made.stderr
    path = minimal_content / "procedures/verlof-aanvragen.yml"
    assert path.is_file() and path.read_text().startswith("# yaml-language-server: $schema=")
    check = run_swvsite("check", "--content", str(minimal_content))
    assert check.returncode == 1
    assert "content/procedures/verlof-aanvragen.yml, regel" in check.stderr
    assert "dit veld is verplicht" in check.stderr
    again = run_swvsite("new", "procedure", "verlof-aanvragen", "--content", str(minimal_content))
    assert again.returncode == 1 and "Niet aangemaakt" in again.stderr
    bad = run_swvsite("new", "procedure", "Verlof Aanvragen", "--content", str(minimal_content))
    assert bad.returncode == 1 and "geen geldige id" in bad.stderr


def test_import_scholen_dry_run_writes_nothing_then_imports(minimal_content):
    before = sorted(p.name for p in (minimal_content / "scholen").iterdir())
    dry = run_swvsite("import-scholen", str(DUO / "vestigingen-bo.csv"), "--swv", "po",
                      "--proef", "--content", str(minimal_content))
    assert dry.returncode == 0, dry.stderr
    assert "Proefdraai" in dry.stdout
    assert sorted(p.name for p in (minimal_content / "scholen").iterdir()) == before
    real = run_swvsite("import-scholen", str(DUO / "vestigingen-bo.csv"), "--swv", "po",
                       "--content", str(minimal_content))
    assert real.returncode == 0
    assert (minimal_content / "scholen/obs-de-esdoorn-tilburg.yml").is_file()
    assert "Laan 5" in (minimal_content / "scholen/bs-test.yml").read_text()


def test_import_without_region_is_refused_clearly(minimal_content):
    result = run_swvsite("import-scholen", str(DUO / "vestigingen-bo.csv"),
                         "--content", str(minimal_content))
    assert result.returncode == 1
    assert "De import is gestopt" in result.stderr and "Traceback" not in result.stderr


def test_velden_lists_every_field_of_a_type():
    result = run_swvsite("velden", "school")
    assert result.returncode == 0
    for name in ("brin (", "extra_ondersteuning (", "  soort (", "oude_ids (",
                 "gecontroleerd_op ("):
        assert name in result.stdout
    assert run_swvsite("velden", "onbekend").returncode == 2
