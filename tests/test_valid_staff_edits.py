"""Any valid staff edit publishes: the project copied, edited as staff edit it,
then checked and built through the command line.

This is the one generator test that starts from the demo content in content/:
it asserts nothing about that content, only that ordinary valid edits to
whatever is there keep `swvsite check` and a strict `swvsite build` green. The
edits pick their records by position, so they work on any content."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from swvsite.content import model as m

from conftest import ROOT, run_swvsite


def copy_project(target: Path) -> Path:
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copytree(ROOT / "docs", target / "docs")
    for name in ("overrides", "macros"):
        (target / name).symlink_to(ROOT / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target / "mkdocs.yml"


def first(folder: Path) -> Path:
    return sorted(folder.glob("*.yml"))[0]


def required_only(path: Path, rtype: m.RecordType) -> None:
    """Leave out every optional field (what a new school without website or
    leeftijd looks like)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    keep = {f.name for f in rtype.all_fields if f.required}
    path.write_text(yaml.safe_dump({k: v for k, v in data.items() if k in keep},
                                   allow_unicode=True, sort_keys=False), encoding="utf-8")


def add_old_id(path: Path, old: str) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["oude_ids"] = [*(data.get("oude_ids") or []), old]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def new_school(content: Path) -> None:
    source = yaml.safe_load(first(content / "scholen").read_text(encoding="utf-8"))
    taken = {(d.get("brin"), str(d.get("vestiging"))) for d in (
        yaml.safe_load(p.read_text(encoding="utf-8")) for p in (content / "scholen").glob("*.yml"))}
    brin = next(f"{n:02d}ZZ" for n in range(100) if (f"{n:02d}ZZ", "00") not in taken)
    source.update(naam="Basisschool De Nieuwe Test", brin=brin, vestiging="00")
    for optional in ("website", "email", "telefoon", "extra_ondersteuning", "documenten"):
        source.pop(optional, None)
    (content / "scholen/bs-de-nieuwe-test.yml").write_text(
        yaml.safe_dump(source, allow_unicode=True, sort_keys=False), encoding="utf-8")


def rename(content: Path, folder: str) -> None:
    old = first(content / folder)
    new = old.with_name(f"{old.stem}-nieuw.yml")
    old.rename(new)
    add_old_id(new, old.stem)


def remove(content: Path, folder: str) -> None:
    """Delete a record; its id goes to the record that takes its place (README)."""
    files = sorted((content / folder).glob("*.yml"))
    gone, heir = files[-1], files[0]
    gone.unlink()
    add_old_id(heir, gone.stem)
    for old in yaml.safe_load(heir.read_text(encoding="utf-8")).get("oude_ids") or []:
        assert old != heir.stem


def new_thema(content: Path) -> None:
    (content / "vragen/nieuw-thema-test.yml").write_text(
        "titel: Vragen over iets nieuws\n"
        "samenvatting: Een nieuw thema met een vraag.\n"
        "vragen:\n"
        "  - id: een-nieuwe-vraag-test\n"
        "    vraag: Wat is er nieuw?\n"
        "    antwoord: Er is een nieuw thema. Bel het steunpunt als u vragen heeft.\n"
        "gecontroleerd_op: 2026-12-01\n", encoding="utf-8")


def test_valid_staff_edits_publish(tmp_path):
    config = copy_project(tmp_path / "project")
    content = tmp_path / "project/content"
    required_only(first(content / "scholen"), m.SCHOOL)
    required_only(first(content / "voorzieningen"), m.VOORZIENING)
    new_school(content)
    rename(content, "procedures")
    rename(content, "voorzieningen")
    remove(content, "voorzieningen")
    new_thema(content)

    checked = run_swvsite("check", "-f", str(config), cwd=tmp_path / "project")
    assert checked.returncode == 0, checked.stderr
    built = run_swvsite("build", "-f", str(config), cwd=tmp_path / "project")
    assert built.returncode == 0, built.stderr
    site = tmp_path / "project/site"
    assert (site / "scholen/bs-de-nieuwe-test/index.html").is_file()
    assert (site / "vragen/nieuw-thema-test/index.html").is_file()
