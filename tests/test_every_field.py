"""Hostile text stays text, in every text field of every record type.

The test walks the model: every Text and Markdown field of every record type,
nested groups and list items included. In a copy of the minimal fixture every
record is filled completely (all optional fields too), and every text field
gets hostile text with a marker that says which field it is: Jinja, HTML,
Markdown tricks and a 300-letter word, as much as the field's maximum length
allows. The payloads that do not fit together are spread over a few builds,
run in parallel.

- Text fields: the build succeeds and the text shows literally, on the
  record's own page (anywhere on the site for organisatie).
- Markdown fields: validation refuses every dangerous construct with a clear
  message at exactly that field; and a build with that check switched off
  (so the render path alone has to keep them inert) shows nothing active.
- Every field must be found rendered. A new field that is never shown fails
  here; a field that is deliberately not shown goes into NOT_SHOWN with a
  reason.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from swvsite.content import model as m
from swvsite.content.load import read_record
from swvsite.pages import zoekindex

from conftest import (
    FIXTURES,
    BuiltSite,
    build_with_check_off,
    build_without_html_check,
    copy_content,
)

# Fields deliberately not shown on any page: {(record type, field path): reason}.
# They must still be known to the search index.
NOT_SHOWN: dict[tuple[str, str], str] = {
    ("begrippen", "begrippen[1].zoekwoorden[1]"):
        "synonyms for search only: the search index (zoekindex) knows their words",
}

MARKER = "Mk{:03d}"  # unique per record file and field; letters and digits only
LONG_WORD_LENGTH = 300

# Hostile plain text, one payload at a time as far as the field's length allows.
TEXT_PAYLOADS = [
    "{{ config.site_name }}",
    "{% if true %}x{% endif %}",
    "{# c #}",
    "<script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe src=x></iframe>",
    "[r]: javascript:alert(1)",
    "[x](javascript:alert(1))",
    "[d](data:text/html,x)",
    "{: onclick=alert(1) }",
    "# x",
    "&lt;b&gt; &#106;s",
]

# Dangerous Markdown constructs and what validation must say about each.
MARKDOWN_REFUSED = [
    ("{{ config.site_name }}", "het teken '{' is niet toegestaan"),
    ("{% if true %}x{% endif %}", "het teken '{' is niet toegestaan"),
    ("{# c #}", "het teken '{' is niet toegestaan"),
    ("<script>alert(1)</script>", "HTML is niet toegestaan"),
    ("Zie <img src=x onerror=alert(1)>", "HTML is niet toegestaan"),
    ("<iframe src=x></iframe>", "HTML is niet toegestaan"),
    ('<div markdown="1" onclick="alert(1)">*x*</div>', "HTML is niet toegestaan"),
    ("<javascript:alert(1)>", "HTML is niet toegestaan"),
    ("[klik][r]\n\n[r]: javascript:alert(1)", "de link 'javascript:alert(1)' is niet toegestaan"),
    ("[klik][r]\n\n[r]: data:text/html,x", "de link 'data:text/html,x' is niet toegestaan"),
    ("[x](javascript:alert(1))", "is niet toegestaan; een link begint met https://"),
    ("[x]( JaVaScRiPt:alert(1))", "is niet toegestaan; een link begint met https://"),
    ("[x](data:text/html,x)", "de link 'data:text/html,x' is niet toegestaan"),
    ("tekst {: onclick=alert(1) }", "het teken '{' is niet toegestaan"),
    ("# x", "koppen (#) zijn niet toegestaan"),
    ("   ## x", "koppen (#) zijn niet toegestaan"),
    ("![i](https://evil.example/x.png)", "afbeeldingen zijn niet toegestaan"),
]


def hostile_markdown(marker: str) -> str:
    """Every Markdown trick at once, for the build with validation switched off."""
    return "\n\n".join([
        f"{marker} {{{{ config.site_name }}}} {{% if true %}}x{{% endif %}} {{# c #}}",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)> <iframe src=x></iframe>",
        '<div markdown="1" onclick="alert(1)">**md_in_html**</div>',
        "[klik][r] en [x](javascript:alert(1)) en [d](data:text/html,x) en <javascript:alert(1)>",
        "[r]: javascript:alert(1)",
        "tekst {: onclick=alert(1) }",
        f"# Kop{marker}",
        "![i](https://evil.example/x.png)",
        f"!!! note\n    Admonitie{marker}",
        f"??? note\n    Details{marker}",
        f"{marker}" + "w" * (LONG_WORD_LENGTH - len(marker)),
    ])


def benign_markdown(marker: str) -> str:
    return f"{marker} met **vet**, *schuin* en een [link](https://www.example.nl).\n\n- een\n- twee"


# --------------------------------------------------------------------------
# Walking the model
# --------------------------------------------------------------------------


def text_slots(ftype: m.FieldType, path: str = "") -> list[tuple[str, m.Text | m.Markdown]]:
    """Every Text and Markdown field under `ftype`, with list items as [1]."""
    if isinstance(ftype, (m.Text, m.Markdown)):
        return [(path, ftype)]
    if isinstance(ftype, m.ListOf):
        return text_slots(ftype.item, f"{path}[1]")
    if isinstance(ftype, m.Obj):
        return [slot for f in ftype.fields
                for slot in text_slots(f.type, f"{path}.{f.name}" if path else f.name)]
    return []


def record_obj(rtype: m.RecordType) -> m.Obj:
    return m.Obj(rtype.name, rtype.all_fields)


# Ids of records in the minimal fixture, for references.
REF_IDS = {"procedure": "tlv-aanvragen", "voorziening": "opdc-test", "school": "bs-test",
           "swv": "po", "vraag": "wat-is-een-opp"}


def complete(ftype: m.FieldType, text: Callable[[str, Any], str], path: str = "",
             example: Any = None, suffix: str = "", given: Any = None) -> Any:
    """Data for `ftype` with every field filled; text fields get
    `text(path, ftype)`, other fields keep their value in `given` (the
    fixture's data) or get a valid example. Lists keep the fixture's further
    items (other pages may link to them, as to /procedures/x/#stap-2); their
    first item is filled completely. Lists of ids (such as oude_ids) get
    `suffix`, so that records do not clash."""
    if isinstance(ftype, (m.Text, m.Markdown)):
        return text(path, ftype)
    if isinstance(ftype, m.Obj):
        given = given if isinstance(given, dict) else {}
        return {f.name: complete(f.type, text, f"{path}.{f.name}" if path else f.name, f.example,
                                 suffix, given.get(f.name))
                for f in ftype.fields}
    if isinstance(ftype, m.ListOf):
        given = given if isinstance(given, list) else []
        item_example = example[0] if isinstance(example, list) and example else None
        if ftype.item is m.Slug:
            return [f"{item_example or 'oud'}-{suffix or 'x'}"]
        first = complete(ftype.item, text, f"{path}[1]", item_example, suffix,
                         given[0] if given else None)
        return [first] + given[1:]
    if given is not None:
        return given
    if isinstance(ftype, m.Ref):
        return REF_IDS[ftype.target]
    if isinstance(ftype, m.Pattern):
        return example if example is not None else ftype.example
    if isinstance(ftype, m.Choice):
        return example if example in ftype.options else next(iter(ftype.options))
    if isinstance(ftype, m.Integer):
        return example if example is not None else (ftype.minimum or 0)
    if isinstance(ftype, m.Boolean):
        return True
    if isinstance(ftype, m.Date):
        return dt.date.today()  # recently checked: no reminders in the build output
    raise AssertionError(f"no example for {ftype!r}: teach this test the new field type")


@dataclass(frozen=True, eq=False)
class RecordFile:
    """A record of the minimal fixture: its file, type and page."""

    file: str
    rtype: m.RecordType
    url: str | None  # its own page; None: shown on several pages (organisatie)

    @property
    def slots(self) -> list[tuple[str, m.Text | m.Markdown]]:
        return text_slots(record_obj(self.rtype))


def record_files() -> list[RecordFile]:
    records = []
    for rtype in m.RECORD_TYPES.values():
        if rtype.file:
            # organisatie is shown on several pages; verwijderd.yml on the removed
            # addresses it lists (the fixture removes procedures/oude-procedure).
            url = (None if rtype is m.ORGANISATIE else "procedures/oude-procedure/"
                   if rtype is m.VERWIJDERD else rtype.file.removesuffix(".yml") + "/")
            records.append(RecordFile(rtype.file, rtype, url))
        else:
            for path in sorted((FIXTURES / "minimal" / rtype.folder).glob("*.yml")):
                records.append(RecordFile(f"{rtype.folder}/{path.name}", rtype,
                                          f"{rtype.folder}/{path.stem}/"))
    return records


RECORDS = record_files()


@dataclass(frozen=True, eq=False)  # one object per field: hashed by identity
class Slot:
    record: RecordFile
    path: str
    ftype: m.Text | m.Markdown
    marker: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.record.rtype.name, self.path)

    @property
    def limit(self) -> int:
        return self.ftype.max_length or 10_000


SLOTS = [Slot(record, path, ftype, MARKER.format(index))
         for index, (record, (path, ftype)) in enumerate(
             (record, slot) for record in RECORDS for slot in record.slots)]
TEXT_SLOTS = [s for s in SLOTS if isinstance(s.ftype, m.Text)]
MARKDOWN_SLOTS = [s for s in SLOTS if isinstance(s.ftype, m.Markdown)]


def chunks_for(slot: Slot) -> list[str]:
    """The hostile values a text field gets, one per build: the marker and
    as many payloads as fit; the 300-letter word (starting with the marker)
    on its own where the field is long enough."""
    room = slot.limit - len(slot.marker) - 1
    chunks: list[list[str]] = [[]]
    for payload in TEXT_PAYLOADS:
        if len(payload) > room:
            continue  # does not fit this field at all
        if len(" ".join(chunks[-1] + [payload])) > room:
            chunks.append([])
        chunks[-1].append(payload)
    values = [f"{slot.marker} {' '.join(chunk)}".strip() for chunk in chunks]
    if slot.limit >= LONG_WORD_LENGTH:
        values.append(slot.marker + "w" * (LONG_WORD_LENGTH - len(slot.marker)))
    return values


TEXT_BUILDS = max(len(chunks_for(s)) for s in TEXT_SLOTS)


def value_in_build(slot: Slot, build_index: int) -> str:
    values = chunks_for(slot)
    return values[build_index % len(values)]


# --------------------------------------------------------------------------
# Writing content and building
# --------------------------------------------------------------------------


def write_content(target: Path, text: Callable[[Slot], str]) -> dict[str, dict]:
    """A copy of the minimal fixture with every record completely filled."""
    content = copy_content(FIXTURES / "minimal", target)
    by_place = {(s.record.file, s.path): s for s in SLOTS}
    data = {}
    for number, record in enumerate(RECORDS):
        fixture = yaml.safe_load((content / record.file).read_text(encoding="utf-8"))
        data[record.file] = complete(record_obj(record.rtype),
                                     lambda path, _, record=record:
                                     text(by_place[(record.file, path)]),
                                     suffix=str(number), given=fixture)
    # A school's gemeente must be one of its samenwerkingsverband's gemeenten.
    for record in RECORDS:
        if record.rtype is m.SCHOOL:
            school = data[record.file]
            swv = next(s for s in data["organisatie.yml"]["swvs"] if s["id"] == school["swv"])
            swv["gemeenten"].append(school["gemeente"])
    for file, record_data in data.items():
        (content / file).write_text(
            yaml.safe_dump(record_data, allow_unicode=True, sort_keys=False, width=10_000),
            encoding="utf-8")
    return data


def build_without_markdown_check(tmp: Path, content: Path) -> BuiltSite:
    return build_with_check_off("_check_markdown", tmp, content)


@dataclass
class Page:
    url: str
    soup: BeautifulSoup
    text: str  # visible text: scripts and styles left out


@dataclass
class Built:
    site: BuiltSite
    values: dict[Slot, str]
    pages: list[Page] = field(default_factory=list)

    def load_pages(self) -> None:
        for path in self.site.html_files():
            html = path.read_text(encoding="utf-8")
            soup = BeautifulSoup(html, "html.parser")
            visible = BeautifulSoup(html, "html.parser")
            for element in visible(["script", "style"]):
                element.decompose()
            url = path.relative_to(self.site.root).as_posix().removesuffix("index.html")
            self.pages.append(Page(url, soup, visible.get_text()))

    def pages_for(self, slot: Slot) -> list[Page]:
        if slot.record.url is None:
            return self.pages
        return [p for p in self.pages if p.url == slot.record.url]


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Built]:
    """TEXT_BUILDS builds with hostile plain text, one with hostile Markdown
    (validation of Markdown switched off); all at the same time."""
    jobs = {}
    for index in range(TEXT_BUILDS):
        tmp = tmp_path_factory.mktemp(f"text{index}")
        values = {s: value_in_build(s, index) if s in TEXT_SLOTS else benign_markdown(s.marker)
                  for s in SLOTS}
        write_content(tmp / "content", values.__getitem__)
        jobs[f"text{index}"] = (build_without_html_check, tmp, values)
    tmp = tmp_path_factory.mktemp("markdown")
    values = {s: hostile_markdown(s.marker) if s in MARKDOWN_SLOTS else f"{s.marker} tekst"
              for s in SLOTS}
    write_content(tmp / "content", values.__getitem__)
    jobs["markdown"] = (build_without_markdown_check, tmp, values)

    def run(name):
        runner, tmp, values = jobs[name]
        built = Built(runner(tmp, tmp / "content"), values)
        if built.site.result.returncode == 0:
            built.load_pages()
        return name, built

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(pool.map(run, jobs))


# --------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------


def test_the_walk_finds_every_record_type_and_many_fields():
    assert {r.rtype.name for r in RECORDS} == set(m.RECORD_TYPES)
    assert len(TEXT_SLOTS) > 50 and len(MARKDOWN_SLOTS) > 5
    for key in NOT_SHOWN:
        assert key in {s.key for s in SLOTS}, f"NOT_SHOWN lists {key}, which is not a text field"


def test_every_payload_that_fits_a_field_is_tried_in_it():
    for slot in TEXT_SLOTS:
        tried = " ".join(chunks_for(slot))
        for payload in TEXT_PAYLOADS:
            if len(slot.marker) + 1 + len(payload) <= slot.limit:
                assert payload in tried, (slot.key, payload)
        assert all(len(v) <= slot.limit for v in chunks_for(slot)), slot.key
        if slot.limit >= LONG_WORD_LENGTH:
            assert any(len(v) == LONG_WORD_LENGTH and " " not in v for v in chunks_for(slot))


@pytest.mark.parametrize("name", [f"text{i}" for i in range(TEXT_BUILDS)] + ["markdown"])
def test_build_succeeds(builds, name):
    result = builds[name].site.result
    assert result.returncode == 0, result.stderr[-5000:]


def browser_safe(url: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", url)
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned, re.I)
    return not scheme or scheme.group(1).lower() in {"http", "https", "mailto", "tel"}


def active_content(root) -> list[str]:
    """Everything under `root` (a page's head or body) that content could have
    made active. html.parser does not treat <title> as text only, as browsers
    do, so markup from content inside <title> is found too."""
    found = []
    for element in root.find_all(True) if root else []:
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"{element.name} has {name}")
            if name in ("href", "src", "action", "formaction", "data", "srcset") and \
                    not browser_safe(str(value)):
                found.append(f"{element.name} {name}={value!r}")
        if element.name == "script" and element.get("type") == "application/ld+json":
            # Structured data: inert as long as it is one well-formed JSON value
            # that content could not close early.
            try:
                json.loads(element.string or "")
            except ValueError:
                found.append(f"broken JSON-LD: {(element.string or '')[:80]!r}")
        elif element.name == "script" and "alert(" in (element.string or ""):
            found.append(f"script: {element.string[:80]!r}")
        if element.name in ("iframe", "object", "embed", "frame"):
            found.append(f"<{element.name}>")
        if element.name == "img" and ("evil.example" in element.get("src", "")
                                      or element.get("src") == "x"):
            found.append(f"img src={element.get('src')!r}")
        if element.name in ("h1", "h2", "h3", "h4", "h5", "h6") and \
                re.search(r"Kop\s*Mk\d{3}", element.get_text()):
            found.append(f"heading from content: {element.get_text()[:60]!r}")
        if element.name in ("div", "details") and re.search(
                r"(Admonitie|Details)Mk\d{3}", element.get_text()) and (
                "admonition" in element.get("class", []) or element.name == "details"):
            found.append(f"admonition from content: {element.get_text()[:60]!r}")
    return found


@pytest.mark.parametrize("name", [f"text{i}" for i in range(TEXT_BUILDS)] + ["markdown"])
def test_nothing_active_in_the_body_of_any_page(builds, name):
    built = builds[name]
    if built.site.result.returncode != 0:
        pytest.skip("build failed; see test_build_succeeds")
    found = {p.url: active_content(p.soup.body) for p in built.pages}
    assert not any(found.values()), {url: f for url, f in found.items() if f}


@pytest.mark.parametrize("name", [f"text{i}" for i in range(TEXT_BUILDS)] + ["markdown"])
def test_nothing_raw_in_the_search_index(builds, name):
    """The search client shows titles as text (textContent): the index holds each
    section's title as the page shows it, never its markup."""
    built = builds[name]
    if built.site.result.returncode != 0:
        pytest.skip("build failed; see test_build_succeeds")
    shown = {p.url: p.text for p in built.pages}
    raw = [f"{d[0]}: {d[1][:60]!r}"
           for block in sorted((built.site.root / "zoeken" / "index").glob("d-*.json"))
           for d in json.loads(block.read_text(encoding="utf-8"))
           if "".join(d[1].split()) not in "".join(shown.get(d[0].split("#")[0], "").split())]
    assert not raw, raw


def test_nothing_active_in_the_head_of_any_page(builds):
    found = {}
    for name, built in builds.items():
        if built.site.result.returncode != 0:
            pytest.skip("build failed; see test_build_succeeds")
        for page in built.pages:
            if findings := active_content(page.soup.head):
                found[f"{name} {page.url}"] = findings
    assert not found, found


def test_every_text_field_shows_literally_on_its_page(builds):
    """Plain text is shown exactly as typed; every Text field is shown."""
    missing: dict[tuple[str, str], str] = {}
    for index in range(TEXT_BUILDS):
        built = builds[f"text{index}"]
        if built.site.result.returncode != 0:
            pytest.skip("build failed; see test_build_succeeds")
        for slot in TEXT_SLOTS:
            value = built.values[slot]
            if not any(value in page.text for page in built.pages_for(slot)):
                where = slot.record.url or "any page"
                shown_elsewhere = [p.url for p in built.pages if value in p.text]
                missing.setdefault(slot.key, (
                    f"{slot.record.file} {slot.path}: {value!r} not on {where}"
                    + (f" (but on {shown_elsewhere})" if shown_elsewhere else "")))
    findings = {key: why for key, why in missing.items() if key not in NOT_SHOWN}
    assert not findings, "text fields not rendered literally:\n" + "\n".join(findings.values())
    shown_anyway = [key for key in NOT_SHOWN if key not in missing]
    assert not shown_anyway, f"listed in NOT_SHOWN but shown: {shown_anyway}"


def test_fields_not_shown_are_in_the_search_index_escaped(builds):
    for index in range(TEXT_BUILDS):
        built = builds[f"text{index}"]
        if built.site.result.returncode != 0:
            pytest.skip("build failed; see test_build_succeeds")
        known: set[str] = set()  # every word the index knows (its shards' word maps)
        for shard in (built.site.root / "zoeken" / "index" / "nl").glob("w-*.json"):
            known.update(json.loads(shard.read_text(encoding="utf-8")))
        for slot in TEXT_SLOTS:
            if slot.key in NOT_SHOWN:
                words = [w for w in zoekindex.words(built.values[slot], "nl") if len(w) >= 4]
                assert words and set(words) <= known, (slot.key, built.values[slot])


def test_every_markdown_field_is_rendered_inert_on_its_page(builds):
    built = builds["markdown"]
    if built.site.result.returncode != 0:
        pytest.skip("build failed; see test_build_succeeds")
    missing = []
    for slot in MARKDOWN_SLOTS:
        if slot.key in NOT_SHOWN:
            continue
        pages = [p for p in built.pages_for(slot) if slot.marker in p.text]
        if not pages:
            where = slot.record.url or "any page"
            missing.append(f"{slot.record.file} {slot.path}: not on {where}")
            continue
        # The tricks are visible as text, not executed or dropped.
        text = pages[0].text
        for shown in ("{{ config.site_name }}", "{% if true %}x{% endif %}", "{# c #}",
                      "<script>alert(1)</script>", "{: onclick=alert(1) }",
                      f"# Kop{slot.marker}", slot.marker + "w" * 10):
            if shown not in text:
                missing.append(f"{slot.record.file} {slot.path}: {shown!r} not shown as text")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("construct, message", MARKDOWN_REFUSED,
                         ids=[c[:24] for c, _ in MARKDOWN_REFUSED])
def test_markdown_validation_refuses_each_construct_in_every_field(construct, message):
    wrong = []
    for slot in MARKDOWN_SLOTS:
        data = complete(record_obj(slot.record.rtype),
                        lambda path, ftype, slot=slot: construct if path == slot.path else (
                            benign_markdown("x") if isinstance(ftype, m.Markdown) else "tekst"))
        raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
        _, problems, _ = read_record(slot.record.rtype, raw, "x.yml")
        if not any(p.field == slot.path and message in p.message and p.line >= 1
                   for p in problems):
            wrong.append(f"{slot.key}: {[str(p) for p in problems]}")
    assert not wrong, "\n".join(wrong)


def test_long_words_and_plain_markdown_are_accepted_in_every_markdown_field():
    for slot in MARKDOWN_SLOTS:
        value = benign_markdown("x") + "\n\n" + "w" * LONG_WORD_LENGTH
        data = complete(record_obj(slot.record.rtype),
                        lambda path, ftype, value=value: value if isinstance(ftype, m.Markdown)
                        else "tekst")
        raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
        record, problems, _ = read_record(slot.record.rtype, raw, "x.yml")
        assert not problems, [str(p) for p in problems]
