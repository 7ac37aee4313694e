"""`swvsite check --taal` and the readability summary of `swvsite build`."""

from __future__ import annotations

from conftest import make_project, run_swvsite

MOEILIJK = ("De ondersteuningsstructuur binnen het samenwerkingsverband faciliteert een "
            "integrale, handelingsgerichte en multidisciplinaire benadering van "
            "onderwijsondersteuningsbehoeften, waarbij ketenpartners gezamenlijk "
            "verantwoordelijkheid dragen voor een doorgaande ontwikkelingslijn.")


def test_taal_reports_per_file_and_field_and_fails(tmp_path, minimal_content):
    path = minimal_content / "voorzieningen/opdc-test.yml"
    path.write_text(path.read_text().replace("doelgroep: Leerlingen van 12 tot 16 jaar.",
                                             f"doelgroep: {MOEILIJK}"))
    config = make_project(tmp_path / "project", minimal_content)
    plain = run_swvsite("check", "-f", str(config))
    assert plain.returncode == 0
    result = run_swvsite("check", "--taal", "-f", str(config))
    assert result.returncode == 1
    assert "content/voorzieningen/opdc-test.yml, regel 4, veld 'doelgroep'" in result.stdout
    assert "Traceback" not in result.stderr


def test_thresholds_come_from_mkdocs_yml(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    config.write_text(config.read_text().replace(
        "      content_dir:", "      taal:\n        max_zinslengte: 3\n      content_dir:", 1))
    result = run_swvsite("check", "--taal", "-f", str(config))
    assert result.returncode == 1
    assert "(max 3)" in result.stdout
    config.write_text(config.read_text().replace("max_zinslengte: 3", "max_zinslengte: veel"))
    bad = run_swvsite("check", "--taal", "-f", str(config))
    assert bad.returncode == 1 and "veld 'taal'" in bad.stderr and "Traceback" not in bad.stderr


def test_build_prints_a_readability_summary(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    result = run_swvsite("build", "-f", str(config), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert "Taalniveau B1:" in result.stdout and "Flesch-Douma" in result.stdout
