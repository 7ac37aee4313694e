"""The parse cache of the preview server: a load with a LoadCache gives what a
load without one gives, whatever happened to the files in between, and
parses and validates only the files whose content changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from swvsite.content import model as m
from swvsite.content.load import TOO_COMPLEX, LoadCache, _Read, load_site
from swvsite.content.problems import ContentError, Problem

from conftest import FIXTURE_CONTENT, FIXTURES, copy_content

VOORZIENING = "voorzieningen/opdc-test.yml"
THEMA = "vragen/algemeen.yml"
PROCEDURE = "procedures/thuiszitten.yml"


def outcome(content: Path, cache: LoadCache | None = None) -> tuple:
    """Everything a load gives, comparable with ==: for a site every record's
    type, id, path, data and lines (in order), otherwise the problems."""
    try:
        site = load_site(content, cache)
    except ContentError as exc:
        return ("problems", [(p.file, p.line, p.field, p.message) for p in exc.problems])
    return ("site", [(r.type.name, r.id, r.path, repr(r.data), list(r.lines.items()))
                     for r in site.all_records()])


def same_with_and_without(content: Path, cache: LoadCache) -> tuple:
    cached = outcome(content, cache)
    assert cached == outcome(content), "a cached load differs from an uncached one"
    return cached


def displayed(content: Path, *files: str) -> list[str]:
    return [f"{content.name}/{file}" for file in files]


def edit(content: Path, file: str, old: str, new: str) -> None:
    path = content / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, file)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def content(tmp_path) -> Path:
    return copy_content(FIXTURES / "minimal", tmp_path / "content")


def test_a_second_load_parses_nothing_again(content):
    cache = LoadCache()
    first = same_with_and_without(content, cache)
    assert first[0] == "site"
    assert sorted(cache.reparsed) == sorted(displayed(
        content, *(str(p.relative_to(content)) for p in content.rglob("*.yml"))))
    assert same_with_and_without(content, cache) == first
    assert cache.reparsed == []


def test_only_the_changed_file_is_parsed_again(content):
    cache = LoadCache()
    same_with_and_without(content, cache)
    edit(content, VOORZIENING, "naam: OPDC Test", "naam: OPDC Anders")
    kind, records = same_with_and_without(content, cache)
    assert cache.reparsed == displayed(content, VOORZIENING)
    assert kind == "site" and any("OPDC Anders" in data for _, _, _, data, _ in records)


def test_a_file_that_breaks_and_is_fixed_again(content):
    cache = LoadCache()
    valid = same_with_and_without(content, cache)
    original = (content / VOORZIENING).read_bytes()

    edit(content, VOORZIENING, "tlv_nodig: nee", "tlv_nodig: misschien\nnaam: [")
    kind, problems = same_with_and_without(content, cache)
    assert kind == "problems" and all(p[0] == displayed(content, VOORZIENING)[0]
                                      for p in problems)
    assert cache.reparsed == displayed(content, VOORZIENING)

    edit(content, VOORZIENING, "naam: [", "naam: OPDC Test")
    kind, problems = same_with_and_without(content, cache)
    assert ("dit veld staat er twee keer; laat er één staan" in {p[3] for p in problems}
            and kind == "problems")

    (content / VOORZIENING).write_bytes(original)
    assert same_with_and_without(content, cache) == valid
    assert cache.reparsed == displayed(content, VOORZIENING)


def test_whole_site_checks_run_on_every_load(content):
    """References and duplicate ids involve files that come from the cache."""
    cache = LoadCache()
    same_with_and_without(content, cache)

    (content / VOORZIENING).unlink()
    kind, problems = same_with_and_without(content, cache)
    assert cache.reparsed == []
    assert kind == "problems" and {p[3] for p in problems} == {
        "er bestaat geen voorziening met id 'opdc-test'"}
    assert {p[0] for p in problems} == set(displayed(content, "procedures/tlv-aanvragen.yml",
                                                     THEMA))

    shutil.copyfile(content / THEMA, content / "vragen/nog-een.yml")
    shutil.copyfile(FIXTURES / "minimal" / VOORZIENING, content / VOORZIENING)
    kind, problems = same_with_and_without(content, cache)
    assert sorted(cache.reparsed) == displayed(content, VOORZIENING, "vragen/nog-een.yml")
    assert kind == "problems" and [p[3] for p in problems] == [
        f"de id 'wat-is-een-tlv' bestaat al in {displayed(content, THEMA)[0]}; kies een andere id"]

    (content / "vragen/nog-een.yml").unlink()
    assert same_with_and_without(content, cache)[0] == "site"
    assert cache.reparsed == []


def test_added_and_renamed_files_are_parsed(content):
    cache = LoadCache()
    same_with_and_without(content, cache)
    shutil.copyfile(content / VOORZIENING, content / "voorzieningen/opdc-twee.yml")
    kind, records = same_with_and_without(content, cache)
    assert cache.reparsed == displayed(content, "voorzieningen/opdc-twee.yml")
    assert ("voorziening", "opdc-twee") in {(r[0], r[1]) for r in records}

    # The same bytes under another name are another record: its id is the name.
    (content / "voorzieningen/opdc-twee.yml").rename(content / "voorzieningen/opdc-drie.yml")
    kind, records = same_with_and_without(content, cache)
    assert cache.reparsed == displayed(content, "voorzieningen/opdc-drie.yml")
    assert {r[1] for r in records if r[0] == "voorziening"} == {"opdc-test", "opdc-drie"}


def test_the_cache_keeps_only_the_latest_load(content):
    """A file removed and put back is parsed again: nothing of loads before
    the latest one is kept (the preview server runs for hours)."""
    cache = LoadCache()
    same_with_and_without(content, cache)
    kept = (content / PROCEDURE).read_bytes()
    (content / PROCEDURE).unlink()
    same_with_and_without(content, cache)
    (content / PROCEDURE).write_bytes(kept)
    same_with_and_without(content, cache)
    assert cache.reparsed == displayed(content, PROCEDURE)


def test_changing_a_loaded_site_does_not_reach_the_next_load(content):
    cache = LoadCache()
    expected = same_with_and_without(content, cache)
    site = load_site(content, cache)
    for record in site.all_records():
        for name, value in list(record.data.items()):
            if isinstance(value, list):
                value.append("erbij")
                value.reverse()
            elif isinstance(value, dict):
                value.clear()
            else:
                record.data[name] = "veranderd"
        record.data["nieuw"] = 1
        record.lines.clear()
        record.id = "ander-id"
    site.voorzieningen.clear()
    assert same_with_and_without(content, cache) == expected
    assert cache.reparsed == []
    nested = load_site(content, cache).procedures["thuiszitten"]["stappen"][0]
    nested["titel"] = "veranderd"
    assert load_site(content, cache).procedures["thuiszitten"]["stappen"][0]["titel"] == \
        "Gesprek op school"


def test_references_of_a_load_are_its_own(content):
    """A dangling reference found with records from the cache names the same
    file and line as without the cache, load after load."""
    cache = LoadCache()
    edit(content, THEMA, "voorzieningen: [opdc-test]", "voorzieningen: [opdc-tets]")
    first = same_with_and_without(content, cache)
    assert first[0] == "problems" and "bedoelt u 'opdc-test'?" in first[1][0][3]
    assert same_with_and_without(content, cache) == first


def test_results_that_may_change_are_not_kept():
    """A file too complex to read (memory ran out) is read again next time."""
    too_complex = _Read(None, (Problem("x.yml", 1, None, TOO_COMPLEX),), ())
    assert too_complex.may_change
    assert not _Read(None, (Problem("x.yml", 1, None, "de YAML klopt niet"),), ()).may_change


# Changes a preview-server user makes, as (file, old text, new text); None
# for old text deletes the file, None for new text restores the fixture's.
CHANGES = [
    (VOORZIENING, "naam: OPDC Test", "naam: OPDC Anders"),
    (VOORZIENING, "tlv_nodig: nee", "tlv_nodig: misschien"),
    (VOORZIENING, "sector: [vo]", "sector: [vo"),
    (VOORZIENING, "procedures: [tlv-aanvragen]", "procedures: [bestaat-niet]"),
    (VOORZIENING, None, ""),
    (THEMA, "id: wat-is-een-tlv", "id: Wat Is"),
    (THEMA, "titel: Algemeen", "titel: Algemeen\n\ttab: x"),
    (THEMA, None, ""),
    (PROCEDURE, "stappen:", "stappen: &a\n  - *a\nx:"),
    (PROCEDURE, "titel: Mijn kind zit thuis", "titel: Mijn kind\u2028zit thuis"),
    ("organisatie.yml", "demo: ja", "demo: ja\nonbekend: x"),
    ("scholen/bs-test.yml", "gemeente:", "gemeente: Nergens\nx:"),
    ("voorzieningen/kopie.yml", "", "copy " + VOORZIENING),
    ("vragen/kopie.yml", "", "copy " + THEMA),
    ("voorzieningen/kopie.yml", None, ""),
] + [(file, "", None) for file in (VOORZIENING, THEMA, PROCEDURE, "organisatie.yml",
                                    "scholen/bs-test.yml")]


def apply(content: Path, change: tuple[str, str | None, str | None]) -> None:
    file, old, new = change
    path = content / file
    if old is None:
        path.unlink(missing_ok=True)
    elif new is None:
        shutil.copyfile(FIXTURES / "minimal" / file, path)
    elif new.startswith("copy "):
        if (content / new[5:]).exists():
            shutil.copyfile(content / new[5:], path)
    elif path.exists():
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_any_sequence_of_changes_gives_the_same_results(tmp_path_factory):
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.sampled_from(CHANGES), min_size=1, max_size=8))
    def check(changes):
        content = copy_content(FIXTURES / "minimal", tmp_path_factory.mktemp("c") / "content")
        cache = LoadCache()
        same_with_and_without(content, cache)
        for change in changes:
            apply(content, change)
            same_with_and_without(content, cache)
            changed = {change[0]} | ({change[2][5:]} if (change[2] or "").startswith("copy ")
                                     else set())
            assert set(cache.reparsed) <= set(displayed(content, *changed))

    check()


def test_the_test_site_content_loads_the_same_from_the_cache(tmp_path):
    content = copy_content(FIXTURE_CONTENT, tmp_path / "content")
    cache = LoadCache()
    first = same_with_and_without(content, cache)
    assert first[0] == "site" and len(first[1]) == len(list(content.rglob("*.yml"))) > 15
    assert same_with_and_without(content, cache) == first and cache.reparsed == []
    assert all(isinstance(record.type, m.RecordType)
               and record.type is m.RECORD_TYPES[record.type.name]
               for record in load_site(content, cache).all_records())


def test_loading_leaves_the_cycle_collector_as_it_was(content):
    """load_site pauses Python's cycle collector while it loads (see
    _cycle_collection_paused), with or without a cache, also on problems."""
    import gc

    broken = content.parent / "broken"
    copy_content(content, broken)
    (broken / VOORZIENING).write_text("naam: [\n", encoding="utf-8")
    was_enabled = gc.isenabled()
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            for folder, cache in ((content, None), (content, LoadCache()), (broken, None)):
                try:
                    load_site(folder, cache)
                except ContentError:
                    assert folder == broken
                assert gc.isenabled() == enabled
    finally:
        (gc.enable if was_enabled else gc.disable)()
