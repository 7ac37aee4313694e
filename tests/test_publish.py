"""`swvsite build` publishes all or nothing: a failed build leaves the last
good site exactly as it was, and no traceback reaches the staff member."""

from __future__ import annotations

import hashlib
import shutil

from conftest import make_project, run_swvsite


def tree_digest(folder):
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_failed_build_leaves_the_published_site_intact(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    site = tmp_path / "site"
    first = run_swvsite("build", "-f", str(config), "--site-dir", str(site))
    assert first.returncode == 0, first.stderr
    assert "De site is gebouwd" in first.stdout
    before = tree_digest(site)

    # Break one file in a way that only the cross-record check notices.
    record = minimal_content / "scholen/bs-test.yml"
    record.write_text(record.read_text().replace("swv: po", "swv: mbo"))
    failed = run_swvsite("build", "-f", str(config), "--site-dir", str(site))
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert "content/scholen/bs-test.yml, regel 4, veld 'swv'" in failed.stderr
    assert "niet gebouwd" in failed.stderr
    assert tree_digest(site) == before
    assert not (tmp_path / ".site.new").exists()


def test_broken_link_in_a_page_fails_the_strict_build(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    docs = tmp_path / "docs"
    # A private docs folder with one broken link, so the repo's docs stay untouched.
    shutil.rmtree(tmp_path / "project" / "docs")
    docs.mkdir()
    for page in ("voorzieningen", "scholen", "procedures", "vragen"):
        (docs / page).mkdir()
        (docs / page / "index.md").write_text(f"# {page}\n")
    for page in ("index.md", "begrippen.md", "contact.md"):
        (docs / page).write_text("# Pagina\n\n[kapot](bestaat-niet.md)\n")
    (tmp_path / "project" / "docs").symlink_to(docs)
    result = run_swvsite("build", "-f", str(config), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "bestaat-niet.md" in result.stderr
    assert not (tmp_path / "site").exists()


def test_successful_rebuild_keeps_the_previous_site(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    site = tmp_path / "site"
    assert run_swvsite("build", "-f", str(config), "--site-dir", str(site)).returncode == 0
    before = tree_digest(site)
    record = minimal_content / "voorzieningen/opdc-test.yml"
    record.write_text(record.read_text().replace("naam: OPDC Test", "naam: OPDC Nieuw"))
    assert run_swvsite("build", "-f", str(config), "--site-dir", str(site)).returncode == 0
    assert "OPDC Nieuw" in (site / "voorzieningen/opdc-test/index.html").read_text()
    assert tree_digest(tmp_path / ".site.previous") == before


def test_rollback_restores_the_previous_release_and_can_be_undone(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    site = tmp_path / "site"
    assert run_swvsite("build", "-f", str(config), "--site-dir", str(site)).returncode == 0
    first = tree_digest(site)
    record = minimal_content / "voorzieningen/opdc-test.yml"
    record.write_text(record.read_text().replace("naam: OPDC Test", "naam: OPDC Nieuw"))
    assert run_swvsite("build", "-f", str(config), "--site-dir", str(site)).returncode == 0
    second = tree_digest(site)
    assert first != second

    back = run_swvsite("rollback", "-f", str(config), "--site-dir", str(site))
    assert back.returncode == 0, back.stderr
    assert tree_digest(site) == first
    assert run_swvsite("rollback", "-f", str(config), "--site-dir", str(site)).returncode == 0
    assert tree_digest(site) == second


def test_rollback_without_a_previous_release_says_so(tmp_path, minimal_content):
    config = make_project(tmp_path / "project", minimal_content)
    result = run_swvsite("rollback", "-f", str(config), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "geen vorige versie" in result.stderr
    assert "Traceback" not in result.stderr


def test_interrupted_build_leaves_the_published_site_intact(tmp_path, minimal_content):
    """Kill a build halfway (while MkDocs writes pages) and check nothing changed."""
    import os
    import signal
    import subprocess
    import time

    from conftest import ENV, SWVSITE

    config = make_project(tmp_path / "project", minimal_content)
    site = tmp_path / "site"
    assert run_swvsite("build", "-f", str(config), "--site-dir", str(site)).returncode == 0
    before = tree_digest(site)
    # Many records make the build long enough to interrupt while it writes.
    source = (minimal_content / "scholen/bs-test.yml").read_text()
    assert "brin: 99ZZ\n" in source
    for number in range(400):
        # Each its own school: a BRIN number and vestiging are one school's.
        brin = f"{number % 100:02d}{('ZY', 'ZX', 'ZW', 'ZV')[number // 100]}"
        (minimal_content / f"scholen/bs-test-{number}.yml").write_text(
            source.replace("brin: 99ZZ\n", f"brin: {brin}\n"))
    process = subprocess.Popen([*SWVSITE, "build", "-f", str(config), "--site-dir", str(site)],
                               env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    staging = tmp_path / ".site.new"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (staging / "scholen").exists():
        time.sleep(0.05)
    assert (staging / "scholen").exists(), "the build never started writing"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert tree_digest(site) == before
    # The next build cleans up the abandoned staging folder and publishes.
    assert run_swvsite("build", "-f", str(config), "--site-dir", str(site)).returncode == 0
    assert (site / "scholen/bs-test-399/index.html").is_file()
    assert not staging.exists()
