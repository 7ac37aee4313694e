"""The test site (tests/fixtures/site/) is what the generator's tests need: the
repo's generator settings, content with every record type and every field, and
hand-written pages that call every macro. Its strict build is checked in
test_site.py (test_build_is_strict_and_clean)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import macros
from swvsite.content import model as m

from conftest import FIXTURE_CONTENT, FIXTURE_SITE, ROOT, run_swvsite


def _config(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_generator_settings_are_the_repos():
    ours, repo = _config(FIXTURE_SITE / "mkdocs.yml"), _config(ROOT / "mkdocs.yml")
    for key in ("theme", "plugins", "markdown_extensions", "validation", "not_in_nav", "extra",
                "docs_dir"):
        assert ours.get(key) == repo.get(key), key
    assert ours["site_url"] != repo["site_url"] and ours["site_name"] != repo["site_name"]
    for name in ("overrides", "macros"):
        link = FIXTURE_SITE / name
        assert link.is_symlink() and link.resolve() == (ROOT / name).resolve(), name


def field_paths(ftype: m.FieldType, prefix: str) -> set[str]:
    if isinstance(ftype, m.Obj):
        return {p for f in ftype.fields
                for p in {prefix + f.name} | field_paths(f.type, prefix + f.name + ".")}
    if isinstance(ftype, m.ListOf):
        return field_paths(ftype.item, prefix.removesuffix(".") + "[].")
    return set()


def present_paths(value, prefix: str = "") -> set[str]:
    if isinstance(value, dict):
        return {p for k, v in value.items()
                for p in {prefix + k} | present_paths(v, prefix + k + ".")}
    if isinstance(value, list):
        return {p for x in value for p in present_paths(x, prefix.removesuffix(".") + "[].")}
    return set()


def files_of(rtype: m.RecordType) -> list[Path]:
    if rtype.folder:
        return sorted((FIXTURE_CONTENT / rtype.folder).glob("*.yml"))
    return [FIXTURE_CONTENT / rtype.file]


def records_of(rtype: m.RecordType) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in files_of(rtype)]


def test_every_field_of_every_record_type_is_filled_somewhere():
    for rtype in m.RECORD_TYPES.values():
        wanted = {p for f in rtype.all_fields
                  for p in {f.name} | field_paths(f.type, f.name + ".")}
        present = set().union(*(present_paths(r) for r in records_of(rtype)))
        assert wanted - present == set(), rtype.name


def test_records_with_optional_fields_left_out_and_lists_empty():
    for rtype in m.RECORD_TYPES.values():
        if not rtype.folder:
            continue
        optional = {f.name for f in rtype.all_fields if not f.required}
        if rtype.name == "thema":  # only oude_ids; a vraag without its optional fields instead
            vragen = [v for r in records_of(rtype) for v in r["vragen"]]
            assert any(set(v) == {"id", "vraag", "antwoord"} for v in vragen)
            continue
        assert any(not {k for k in optional & set(r) if r[k] != []} for r in records_of(rtype)
                   ), rtype.name
    scholen = {p.stem: yaml.safe_load(p.read_text()) for p in files_of(m.RECORD_TYPES["school"])}
    voorzieningen = records_of(m.RECORD_TYPES["voorziening"])
    assert any("website" not in s for s in scholen.values())
    assert any("leeftijd" not in v for v in voorzieningen)
    assert any(s.get("expertise") == [] for s in scholen.values())
    assert any(len(s.get("extra_ondersteuning", [])) > 1 for s in scholen.values())
    assert yaml.safe_load((FIXTURE_CONTENT / "verwijderd.yml").read_text())["paginas"]


def test_the_content_passes_swvsite_check():
    result = run_swvsite("check", "-f", str(FIXTURE_SITE / "mkdocs.yml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "De inhoud is in orde" in result.stdout


def test_the_pages_call_every_macro_and_link_to_records_and_anchors():
    pages = {p.relative_to(FIXTURE_SITE / "docs").as_posix(): p.read_text(encoding="utf-8")
             for p in (FIXTURE_SITE / "docs").rglob("*.md")}
    text = "\n".join(pages.values())
    for name in macros.BLOCKS:
        assert re.search(r"\{\{ " + name + r"\(\) \}\}", text), name
    links = set(re.findall(r"\]\(([^)\s]+)\)", text))
    for kind in ("procedures", "voorzieningen", "scholen", "vragen"):
        assert any(re.fullmatch(rf"{kind}/[a-z0-9-]+\.md(#.*)?", link)
                   and not link.startswith(f"{kind}/index") for link in links), kind
    assert "procedures/tlv-aanvragen.md#stap-2" in links
    assert any(link.startswith("begrippen.md#") for link in links)
