"""Review dates: overdue records are listed by check, warned about by build,
and stop the build under --streng."""

from __future__ import annotations

import subprocess
import sys

from conftest import ENV, make_project


def swvsite(*args, today="2026-11-23", cwd=None):
    env = {**ENV, "SWVSITE_VANDAAG": today}
    return subprocess.run([sys.executable, "-m", "swvsite", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_check_lists_overdue_records_with_file_line_and_age(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    fresh = swvsite("check", "-f", str(config))
    assert fresh.returncode == 0 and "LET OP" not in fresh.stderr
    late = swvsite("check", "-f", str(config), today="2027-10-01")
    assert late.returncode == 0
    assert "LET OP: 5 bestanden moeten opnieuw gecontroleerd worden" in late.stderr
    assert ("content/voorzieningen/opdc-test.yml, regel 16, veld 'gecontroleerd_op': laatst "
            "gecontroleerd op 2026-09-15, 381 dagen geleden (maximaal 365 dagen)") in late.stderr
    assert "begrippen.yml" not in late.stderr  # begrippen may go 730 days
    assert "organisatie.yml" not in late.stderr  # exactly 365 days is not overdue
    strict = swvsite("check", "--streng", "-f", str(config), today="2027-10-01")
    assert strict.returncode == 1


def test_limits_per_type_come_from_mkdocs_yml(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    config.write_text(config.read_text().replace("        school: 365", "        school: 30"))
    result = swvsite("check", "-f", str(config), today="2026-11-23")
    assert "content/scholen/bs-test.yml" in result.stderr
    assert "maximaal 30 dagen" in result.stderr
    assert "opdc-test.yml" not in result.stderr


def test_build_warns_and_publishes_but_not_under_streng(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    site = tmp_path / "site"
    warned = swvsite("build", "-f", str(config), "--site-dir", str(site), today="2027-10-01")
    assert warned.returncode == 0, warned.stderr
    assert "LET OP" in warned.stderr and (site / "index.html").is_file()
    before = (site / "index.html").read_bytes()
    refused = swvsite("build", "--streng", "-f", str(config), "--site-dir", str(site),
                      today="2027-10-01")
    assert refused.returncode == 1
    assert "De site is niet gebouwd (--streng)" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert (site / "index.html").read_bytes() == before


def test_unknown_type_in_limits_is_a_clear_error(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    config.write_text(config.read_text().replace("        school: 365", "        scholen: 365"))
    result = swvsite("build", "-f", str(config), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "onbekende soort(en) scholen" in result.stderr
