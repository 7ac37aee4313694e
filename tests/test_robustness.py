"""Any input, a clear answer.

1. A corpus of broken record files (tests/fixtures/broken/, plus a few made
   at test time because they are large or need the file system): for each,
   `swvsite check` runs as a subprocess under a memory and time limit and must
   exit 1 (0 for the valid ones) without a traceback, naming the file, a line
   and, where there is one, the field.
2. Property-based tests (hypothesis): arbitrary bytes and text never make
   `load_site` raise anything but ContentError, and every problem has a file
   and a line; documents built from the model with fields of the wrong type
   are reported at exactly those fields; valid documents built from the model
   load and round-trip.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from swvsite.content import model as m
from swvsite.content import yamltree
from swvsite.content.characters import first_control
from swvsite.content.characters import is_control as _is_control
from swvsite.content.load import (
    MAX_FILE_BYTES,
    _read_at_most,
    load_site,
    read_record,
)
from swvsite.content.problems import ContentError, Problem
from swvsite.content.validate import (
    HTML_TAG,
    LINK_DEFINITION,
    LINK_TARGET,
    UNSAFE_MARKDOWN,
    Validator,
    _is_field_name,
)
from swvsite.content.yamlnodes import MAX_DEPTH, Mapping, Scalar, Sequence
from swvsite.content.yamltree import Refused, compose

from conftest import ENV, FIXTURE_CONTENT, FIXTURES, copy_content

BROKEN = FIXTURES / "broken"
TIME_LIMIT = 10  # seconds of CPU time per `swvsite check` (enforced by the kernel, too)
WALL_LIMIT = 3 * TIME_LIMIT  # seconds of wall-clock time, generous for a busy machine
MEMORY_LIMIT = 1 << 30  # bytes of address space per `swvsite check`

# Which file of the minimal fixture a corpus file replaces, by name prefix.
TARGETS = {
    "organisatie-": "organisatie.yml",
    "begrippen-": "begrippen.yml",
    "thema-": "vragen/algemeen.yml",
}
DEFAULT_TARGET = "voorzieningen/opdc-test.yml"


def target_of(name: str) -> str:
    return next((t for prefix, t in TARGETS.items() if name.startswith(prefix)), DEFAULT_TARGET)


@dataclass(frozen=True)
class Expect:
    """What `swvsite check` must say: exit code, and for exit 1 a problem on
    `line` (any line if None) of the target file, with `field` (None: no
    field) and a message containing `message`."""

    line: int | None
    message: str
    field: str | None = None
    exit: int = 1
    max_output_lines: int = 200


VALID = Expect(None, "De inhoud is in orde", exit=0)

# One entry per file in tests/fixtures/broken/ (a test keeps the two in step).
CORPUS: dict[str, Expect] = {
    # valid, though unusual
    "valid-utf8-bom": VALID,
    "valid-crlf": VALID,
    "valid-document-markers": VALID,
    "valid-odd-unicode": VALID,
    "valid-str-tag": VALID,
    # YAML syntax
    "yaml-unclosed-quote": Expect(1, "aanhalingsteken"),
    "yaml-colon-in-text": Expect(8, "dubbele punt"),
    "yaml-bad-indentation": Expect(2, "de YAML klopt niet"),
    "yaml-unclosed-bracket": Expect(5, "lijst tussen [ ] wordt niet goed afgesloten"),
    "yaml-unclosed-brace": Expect(6, "groep tussen { } wordt niet goed afgesloten"),
    "yaml-tab-indentation": Expect(12, "er staat een tab"),
    "yaml-tab-before-key": Expect(8, "er staat een tab"),
    "yaml-backslash-in-double-quotes": Expect(8, "backslash"),
    "yaml-starts-with-at": Expect(8, "zet de tekst tussen aanhalingstekens"),
    "yaml-missing-colon": Expect(2, "dubbele punt"),
    "yaml-list-indentation": Expect(13, "inspringing"),
    "yaml-content-after-document-end": Expect(18, "'...'"),
    "yaml-unknown-directive": Expect(1, "YAML-instructie"),
    "yaml-lone-surrogate-escape": Expect(1, "backslash"),
    "yaml-raw-control-character": Expect(8, "stuurteken (U+001B)"),
    # encodings
    "encoding-utf16-le-bom": Expect(1, "UTF-16"),
    "encoding-utf16-be-bom": Expect(1, "UTF-16"),
    "encoding-utf16-le": Expect(1, "UTF-16"),
    "encoding-utf16-be": Expect(1, "UTF-16"),
    "encoding-utf32": Expect(1, "UTF-32"),
    "encoding-windows-1252": Expect(4, "'ë' in de codering Windows-1252"),
    "encoding-latin1-smart-quotes": Expect(8, "Windows-1252"),
    # not text
    "binary-png": Expect(3, "binaire gegevens"),
    "binary-high-bytes": Expect(1, "niet opgeslagen als UTF-8"),
    "nul-byte-in-text": Expect(3, "binaire gegevens"),
    # empty
    "empty": Expect(1, "het bestand is leeg"),
    "only-comments": Expect(1, "het bestand is leeg"),
    "only-whitespace": Expect(1, "het bestand is leeg"),
    "only-document-marker": Expect(1, "het bestand is leeg"),
    "only-null": Expect(1, "het bestand is leeg"),
    # structure
    "root-is-a-list": Expect(1, "hier horen velden (naam: waarde), maar er staat een lijst"),
    "root-is-text": Expect(1, "hier horen velden"),
    "multiple-documents": Expect(17, "meer dan één YAML-document"),
    "key-typo": Expect(3, "bedoelt u 'samenvatting'?", "samenvating"),
    "key-typo-nested": Expect(15, "bedoelt u 'telefoon'?", "contact.telefon"),
    "key-wrong-case": Expect(1, "bedoelt u 'naam'?", "Naam"),
    "list-where-mapping-expected": Expect(6, "maar er staat een lijst", "leeftijd"),
    "mapping-where-list-expected": Expect(5, "hier hoort een lijst", "sector"),
    "list-where-text-expected": Expect(2, "hier hoort een tekst, maar er staat een lijst", "naam"),
    "text-where-mapping-expected": Expect(14, "hier horen velden", "contact"),
    "empty-list-item": Expect(6, "dit item in de lijst is leeg", "sector[1]"),
    "required-field-empty": Expect(1, "dit veld is verplicht", "naam"),
    "duplicate-keys": Expect(3, "dit veld staat er twee keer", "naam"),
    "non-string-keys": Expect(18, "een veldnaam moet gewone tekst zijn"),
    "empty-key": Expect(17, "een veldnaam moet gewone tekst zijn"),
    "null-and-bool-keys": Expect(17, "'null' is geen bekend veld", "null"),
    # tags
    "tag-python-object": Expect(1, "'!!python/object/apply:os.system' is niet toegestaan", "naam"),
    "tag-python-name-key": Expect(17, "'!!python/name:os.system' is niet toegestaan", "extra"),
    "tag-include": Expect(17, "'!include' is niet toegestaan", "beschrijving"),
    "tag-custom-on-mapping": Expect(14, "'!contact' is niet toegestaan", "contact"),
    "tag-directive-shorthand": Expect(4, "is niet toegestaan", "type"),
    "tag-binary": Expect(1, "'!!binary' is niet toegestaan", "naam"),
    "tag-set": Expect(5, "'!!set' is niet toegestaan", "sector"),
    "tag-int-on-text": Expect(6, "hier hoort een geheel getal", "leeftijd.van"),
    "tag-int-empty": Expect(6, "hier hoort een geheel getal", "leeftijd.van"),
    "tag-bool-on-text": Expect(7, "hier hoort ja of nee", "tlv_nodig"),
    # aliases
    "alias-simple": Expect(4, "ankers en verwijzingen"),
    "alias-merge-key": Expect(8, "ankers en verwijzingen"),
    "alias-billion-laughs": Expect(2, "ankers en verwijzingen"),
    "alias-undefined": Expect(4, "ankers en verwijzingen"),
    # values
    "wrong-scalar-types": Expect(7, "hier hoort ja of nee", "tlv_nodig"),
    "huge-integer": Expect(6, "hier hoort een geheel getal", "leeftijd.van"),
    "control-character-escaped": Expect(1, "stuurteken (U+001B)", "naam"),
    "noncharacter-escaped": Expect(1, "stuurteken (U+FFFE)", "naam"),
    "bom-inside-text": Expect(1, "stuurteken (U+FEFF)", "naam"),
    "line-separator-in-text": Expect(1, "stuurteken (U+2028)", "naam"),
    "null-escape-in-url": Expect(16, "stuurteken (U+0000)", "contact.website"),
    "text-too-long": Expect(1, "de tekst is te lang", "naam"),
    # Markdown fields
    "markdown-script": Expect(17, "HTML is niet toegestaan", "beschrijving"),
    "markdown-html-block": Expect(17, "HTML is niet toegestaan", "beschrijving"),
    "markdown-img-onerror": Expect(17, "HTML is niet toegestaan", "beschrijving"),
    "markdown-iframe": Expect(17, "HTML is niet toegestaan", "beschrijving"),
    "markdown-javascript-link": Expect(17, "is niet toegestaan; een link begint met",
                                       "beschrijving"),
    "markdown-data-link": Expect(17, "de link 'data:text/html", "beschrijving"),
    "markdown-reference-definition": Expect(17, "de link 'javascript:alert(1)' is niet",
                                            "beschrijving"),
    "markdown-attribute-list": Expect(17, "het teken '{' is niet toegestaan", "beschrijving"),
    "markdown-jinja": Expect(17, "het teken '{' is niet toegestaan", "beschrijving"),
    "markdown-heading": Expect(17, "koppen (#) zijn niet toegestaan", "beschrijving"),
    "markdown-image": Expect(17, "afbeeldingen zijn niet toegestaan", "beschrijving"),
    # other record files
    "organisatie-is-a-list": Expect(1, "hier horen velden"),
    "begrippen-item-is-text": Expect(3, "hier horen velden", "begrippen[1]"),
    "thema-vragen-is-mapping": Expect(4, "hier hoort een lijst", "vragen"),
}


# Cases made at test time: too large to commit, or generated from a rule.
def _deep_block_mappings(levels: int) -> bytes:
    text = "".join(f"{' ' * depth}a:\n" for depth in range(levels)) + " " * levels + "x\n"
    return text.encode()


GENERATED: dict[str, tuple[Callable[[], bytes], Expect]] = {
    "huge-file": (lambda: b"naam: " + b"x" * (MAX_FILE_BYTES + 500_000) + b"\n",
                  Expect(1, "het bestand is te groot")),
    "huge-file-many-lines": (lambda: b"# opmerking\n" * 300_000, Expect(1, "te groot")),
    "just-under-the-size-cap": (lambda: b"naam: " + b"x" * (MAX_FILE_BYTES - 100) + b"\n",
                                Expect(1, "de tekst is te lang", "naam")),
    "very-long-line-of-words": (lambda: b"doelgroep: " + b"woord " * 150_000 + b"\n",
                                Expect(1, "de tekst is te lang", "doelgroep")),
    # libyaml allows keys of at most 1024 characters; longer ones are a syntax error
    "very-long-key": (lambda: b"x" * 500_000 + b": y\n", Expect(1, "hoogstens 1024 tekens")),
    "long-key": (lambda: b"naam" * 200 + b": y\n", Expect(1, "geen geldige veldnaam")),
    "deep-brackets-10000": (lambda: b"naam: " + b"[" * 10_000 + b"]" * 10_000 + b"\n",
                            Expect(1, "te diep genest")),
    "deep-brackets-unclosed-10000": (lambda: b"naam: " + b"[" * 10_000, Expect(1, "te diep")),
    # 100,000 levels crashed the interpreter (segmentation fault) in PyYAML's C composer.
    "deep-brackets-100000": (lambda: b"naam: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
                             Expect(1, "te diep genest")),
    "deep-flow-mappings-10000": (lambda: b"naam: " + b"{a: " * 10_000 + b"x" + b"}" * 10_000,
                                 Expect(1, "te diep genest")),
    "deep-block-sequences-10000": (lambda: b"naam: " + b"- " * 10_000 + b"x\n",
                                   Expect(1, "een streepje (-) staat op een plek")),
    "deep-block-mappings-1000": (lambda: _deep_block_mappings(1000), Expect(41, "te diep genest")),
    "deep-block-mappings-10000": (lambda: _deep_block_mappings(10_000), Expect(1, "te groot")),
    "many-nodes": (lambda: b"sector:\n" + b"  - vo\n" * 60_000, Expect(None, "te veel onderdelen")),
    "many-unknown-keys": (lambda: "".join(f"veld{i}: x\n" for i in range(20_000)).encode(),
                          Expect(20_000, "die hier niet staan", max_output_lines=120)),
    "many-wrong-items": (lambda: b"sector: [" + b"x, " * 40_000 + b"x]\n",
                         Expect(1, "die hier niet staan", max_output_lines=120)),
    "many-documents": (lambda: b"naam: x\n" + b"---\nnaam: x\n" * 50_000,
                       Expect(2, "meer dan één YAML-document")),
    "many-aliases": (lambda: b"a: &a x\nb: [" + b"*a, " * 100_000 + b"*a]\n",
                     Expect(2, "ankers en verwijzingen")),
}


# Cases that need more than the bytes of one file.
def _symlink_to_dev_zero(content: Path) -> None:
    target = content / DEFAULT_TARGET
    target.unlink()
    target.symlink_to("/dev/zero")


def _broken_symlink(content: Path) -> None:
    target = content / DEFAULT_TARGET
    target.unlink()
    target.symlink_to(content / "bestaat-niet.yml")


def _fifo(content: Path) -> None:
    target = content / DEFAULT_TARGET
    target.unlink()
    os.mkfifo(target)


def _directory_as_record(content: Path) -> None:
    (content / "organisatie.yml").unlink()
    (content / "organisatie.yml").mkdir()


def _non_utf8_file_name(content: Path) -> None:
    name = os.fsencode(content / "voorzieningen") + b"/caf\xe9-\x1b[31m.yml"
    with open(name, "wb") as stream:
        stream.write(b"naam: x\n")


def _missing_organisatie(content: Path) -> None:
    (content / "organisatie.yml").unlink()


FILE_SYSTEM: dict[str, tuple[Callable[[Path], None], str, Expect]] = {
    "symlink-to-dev-zero": (_symlink_to_dev_zero, DEFAULT_TARGET,
                            Expect(1, "dit is geen gewoon bestand")),
    "broken-symlink": (_broken_symlink, DEFAULT_TARGET, Expect(1, "dit is geen gewoon bestand")),
    "fifo": (_fifo, DEFAULT_TARGET, Expect(1, "dit is geen gewoon bestand")),
    "directory-as-record": (_directory_as_record, "organisatie.yml",
                            Expect(1, "dit is geen gewoon bestand")),
    "non-utf8-file-name": (_non_utf8_file_name, "voorzieningen/caf\\udce9-\\u001b[31m.yml",
                           Expect(1, "geen geldige bestandsnaam")),
    "missing-organisatie": (_missing_organisatie, "organisatie.yml",
                            Expect(1, "dit bestand ontbreekt")),
}


@dataclass
class Checked:
    target: str
    expect: Expect
    returncode: int  # negative: killed by that signal
    stdout: str
    stderr: str
    seconds: float  # wall clock
    cpu_seconds: float
    max_rss_mb: float


def _limits() -> None:  # runs in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (TIME_LIMIT, TIME_LIMIT))


def _check(content: Path) -> tuple[int, str, str, float, float, float]:
    """Run `swvsite check` on `content` under the limits: exit code, stdout,
    stderr, wall-clock seconds, CPU seconds and peak memory (MB) of the child."""
    out, err = content.parent / "stdout.txt", content.parent / "stderr.txt"
    start = time.monotonic()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "swvsite", "check", "--content", str(content)],
            cwd=content.parent, env=ENV, stdout=stdout, stderr=stderr, preexec_fn=_limits)
        killer = threading.Timer(WALL_LIMIT, process.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)  # wait4: this child's own usage
        finally:
            killer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - start
    return (process.returncode, out.read_text(errors="replace"), err.read_text(errors="replace"),
            seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> dict[str, Checked]:
    """Every case of the corpus, checked once, a few at a time."""
    jobs: list[tuple[str, Path, str, Expect]] = []

    def prepare(name: str) -> Path:
        content = tmp_path_factory.mktemp(name) / "content"
        copy_content(FIXTURES / "minimal", content)
        return content

    for path in sorted(BROKEN.glob("*.yml")):
        content = prepare(path.stem)
        shutil.copyfile(path, content / target_of(path.stem))
        jobs.append((path.stem, content, target_of(path.stem), CORPUS.get(path.stem)))
    for name, (make, expect) in GENERATED.items():
        content = prepare(name)
        (content / DEFAULT_TARGET).write_bytes(make())
        jobs.append((name, content, DEFAULT_TARGET, expect))
    for name, (change, target, expect) in FILE_SYSTEM.items():
        content = prepare(name)
        change(content)
        jobs.append((name, content, target, expect))

    def run(job):
        name, content, target, expect = job
        return name, Checked(target, expect, *_check(content))

    with ThreadPoolExecutor(max_workers=2 * (os.cpu_count() or 2)) as pool:
        return dict(pool.map(run, jobs))


PROBLEM_LINE = re.compile(r"^- (?P<file>.+?), regel (?P<line>\d+)(, veld '(?P<field>[^']+)')?: "
                          r"(?P<message>.+)$")


def test_corpus_table_matches_the_files():
    files = {p.stem for p in BROKEN.glob("*.yml")}
    assert files == set(CORPUS), (f"without expectation: {sorted(files - set(CORPUS))}; "
                                  f"without file: {sorted(set(CORPUS) - files)}")
    assert not set(GENERATED) & files and not set(FILE_SYSTEM) & files
    assert all(p.stat().st_size < 20_000 for p in BROKEN.iterdir()), "keep the corpus small"


CASES = sorted(CORPUS) + sorted(GENERATED) + sorted(FILE_SYSTEM)


@pytest.mark.parametrize("name", CASES)
def test_check_gives_a_clear_answer(checked, name):
    case = checked[name]
    expect = case.expect
    output = case.stdout + case.stderr
    assert case.returncode >= 0, f"crashed (signal {-case.returncode}): {output[-2000:]}"
    assert "Traceback" not in output, output[-3000:]
    assert case.cpu_seconds < TIME_LIMIT, f"took {case.cpu_seconds:.1f} s of CPU time"
    assert case.seconds < WALL_LIMIT, f"took {case.seconds:.1f} s"
    assert case.returncode == expect.exit, output[-3000:]
    if expect.exit == 0:
        assert expect.message in case.stdout
        return
    lines = case.stderr.strip().splitlines()
    assert len(lines) <= expect.max_output_lines, f"{len(lines)} lines of output"
    assert re.match(r"^\d+ (fout|fouten) gevonden in de inhoud", lines[0]), lines[0]
    problems = [PROBLEM_LINE.match(line) for line in lines[1:]]
    assert all(problems), [line for line, p in zip(lines[1:], problems, strict=False) if not p]
    wanted = f"content/{case.target}"
    matching = [p for p in problems
                if p["file"] == wanted and expect.message in p["message"]
                and (expect.line is None or int(p["line"]) == expect.line)
                and p["field"] == expect.field]
    assert matching, (f"no problem in {wanted}, line {expect.line}, field {expect.field!r}, "
                      f"saying {expect.message!r}:\n{case.stderr}")


def test_corpus_timings_are_reported(checked, capsys):
    slowest = sorted(checked.items(), key=lambda item: -item[1].cpu_seconds)[:4]
    largest = sorted(checked.items(), key=lambda item: -item[1].max_rss_mb)[:4]
    with capsys.disabled():
        print(f"\n{len(checked)} `swvsite check` runs; most CPU time: "
              + ", ".join(f"{name} {c.cpu_seconds:.2f} s" for name, c in slowest)
              + "; most memory: "
              + ", ".join(f"{name} {c.max_rss_mb:.0f} MB" for name, c in largest))


# --------------------------------------------------------------------------
# Property-based: any bytes, any text
# --------------------------------------------------------------------------

HYPOTHESIS = settings(max_examples=60, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def only_clear_problems(content: Path, target: Path) -> None:
    """load_site either succeeds or raises ContentError whose problems all
    have a file and a line within the file (never an internal error)."""
    raw = target.read_bytes()
    try:
        load_site(content)
    except ContentError as exc:
        problems = exc.problems
    else:
        return
    assert problems
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.file and isinstance(problem.line, int) and problem.line >= 1, problem
        assert "interne fout" not in problem.message, problem
        str(problem).encode("utf-8")  # printable, whatever the input was
        if problem.file.endswith(target.name):
            assert problem.line <= len(re.split(rb"\r\n|\r|\n", raw)), (problem, raw[:200])


@pytest.fixture
def content_dir(tmp_path) -> Path:
    return copy_content(FIXTURES / "minimal", tmp_path / "content")


@pytest.mark.parametrize("target", [DEFAULT_TARGET, "organisatie.yml"])
def test_arbitrary_bytes_give_clear_problems(content_dir, target):
    path = content_dir / target

    @HYPOTHESIS
    @given(st.binary(max_size=3000))
    def check(raw):
        path.write_bytes(raw)
        only_clear_problems(content_dir, path)

    check()


@pytest.mark.parametrize("target", [DEFAULT_TARGET, "begrippen.yml"])
def test_arbitrary_text_gives_clear_problems(content_dir, target):
    path = content_dir / target

    @HYPOTHESIS
    @given(st.text(max_size=2000))
    def check(text):
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        only_clear_problems(content_dir, path)

    check()


# YAML-like text: lines built from YAML's own special characters, the model's
# field names and odd values, so the parser gets past the first character.
FIELD_NAMES = sorted({f.name for t in m.RECORD_TYPES.values() for f in t.all_fields})
TOKENS = st.sampled_from([
    "- ", "? ", ": ", ":", "[", "]", "{", "}", ",", "&a ", "*a", "!!python/object ", "!x ",
    "!!int ", "!!str ", "|", ">", "'", '"', "#", "---", "...", "%YAML 1.1", "%TAG ! x:",
    "\t", "\\", "\\x00", "\\ud800", "~", "null", "ja", "nee", "2026-13-01", "12", "-1",
    "0x1F", "1e3", "<script>", "{{ x }}", "é", "\u200b", "\ufeff", "\x85", "\r", "\x00",
    "<<", "=", "\u2028",
])
YAML_LINE = st.tuples(
    st.integers(0, 6).map(lambda n: " " * n),
    st.lists(st.one_of(TOKENS, st.sampled_from(FIELD_NAMES), st.text(max_size=8)), max_size=6),
).map(lambda t: t[0] + "".join(t[1]))
YAML_LIKE = st.lists(YAML_LINE, max_size=30).map("\n".join)


@pytest.mark.parametrize("target", [DEFAULT_TARGET, "organisatie.yml", "vragen/algemeen.yml"])
def test_yaml_like_text_gives_clear_problems(content_dir, target):
    path = content_dir / target

    @settings(HYPOTHESIS, max_examples=100)
    @given(YAML_LIKE)
    def check(text):
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        only_clear_problems(content_dir, path)

    check()


# --------------------------------------------------------------------------
# Property-based: documents built from the model
# --------------------------------------------------------------------------

# Characters a valid text may contain: anything printable except what the
# validator refuses, plus line breaks and tabs inside.
TEXT_CHARS = st.characters(
    blacklist_categories=("Cc", "Cs", "Cn", "Co", "Zl", "Zp"),
    blacklist_characters="\ufeff\x85",
) | st.sampled_from("\n\t ")
# Markdown: a plain alphabet without the constructs the validator refuses.
MARKDOWN_CHARS = st.sampled_from("abcdeéëz ABZ0123456789.,;:?!'\"*_-+=%&@/\n")
SIMPLE_TEXT = st.text(st.sampled_from("abcxyz XYZ019éë-"), min_size=1, max_size=12).map(
    str.strip).filter(bool)


def _bad_chars(value: str) -> bool:
    return any(_is_control(c) for c in value)


def text_value(ftype: m.Text | m.Markdown) -> st.SearchStrategy[str]:
    alphabet = MARKDOWN_CHARS if isinstance(ftype, m.Markdown) else TEXT_CHARS
    limit = min(ftype.max_length or 80, 80)
    # A plain-text field refuses what looks like an HTML tag (it would show as typed).
    return st.text(alphabet, min_size=1, max_size=limit).map(str.strip).filter(
        lambda v: bool(v) and not HTML_TAG.search(v))


def pattern_value(ftype: m.Pattern) -> st.SearchStrategy[str]:
    return st.from_regex(ftype.regex, fullmatch=True).filter(
        lambda v: v == v.strip() and not _bad_chars(v) and "\n" not in v
        and _pattern_ok(ftype, v))


def _pattern_ok(ftype: m.Pattern, value: str) -> bool:
    candidate = re.sub(r"[\s()-]", "", value) if ftype.normalise_spaces else value
    return bool(re.match(ftype.regex, candidate))


def valid_value(ftype: m.FieldType) -> st.SearchStrategy[Any]:
    """Python data that the validator accepts for a field of this type."""
    if isinstance(ftype, (m.Text, m.Markdown)):
        return text_value(ftype)
    if isinstance(ftype, m.Integer):
        low = ftype.minimum if ftype.minimum is not None else -10_000
        high = ftype.maximum if ftype.maximum is not None else 10_000
        return st.integers(low, high)
    if isinstance(ftype, m.Boolean):
        return st.booleans()
    if isinstance(ftype, m.Date):
        return st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31))
    if isinstance(ftype, m.Pattern):
        return pattern_value(ftype)
    if isinstance(ftype, m.Choice):
        return st.sampled_from(sorted(ftype.options))
    if isinstance(ftype, m.Ref):
        return pattern_value(m.Slug)
    if isinstance(ftype, m.ListOf):
        return st.lists(valid_value(ftype.item), min_size=ftype.min_items,
                        max_size=max(ftype.min_items, 2), unique=ftype.unique)
    if isinstance(ftype, m.Obj):
        return st.fixed_dictionaries(
            {f.name: valid_value(f.type) for f in ftype.fields if f.required},
            optional={f.name: valid_value(f.type) for f in ftype.fields if not f.required})
    raise AssertionError(f"no strategy for {ftype!r}: add one for the new field type")


def _not_a_date(value: str) -> bool:
    try:
        return not (len(value.strip()) == 10 and dt.date.fromisoformat(value.strip()))
    except ValueError:
        return True


def wrong_value(ftype: m.FieldType) -> st.SearchStrategy[Any]:
    """Python data of the wrong type (or shape) for a field of this type."""
    a_list = st.lists(SIMPLE_TEXT, max_size=2)
    a_mapping = st.dictionaries(SIMPLE_TEXT, SIMPLE_TEXT, max_size=2)
    if isinstance(ftype, (m.Text, m.Markdown)):
        return a_list | a_mapping
    if isinstance(ftype, m.Integer):
        return SIMPLE_TEXT | st.floats(allow_nan=False).filter(lambda f: f != int(f)) | \
            st.booleans() | a_list | a_mapping
    if isinstance(ftype, m.Boolean):
        return st.integers() | SIMPLE_TEXT.filter(
            lambda v: v.strip().lower() not in {"ja", "nee"}) | a_list | a_mapping
    if isinstance(ftype, m.Date):
        return SIMPLE_TEXT.filter(_not_a_date) | st.integers() | a_list | a_mapping
    if isinstance(ftype, m.Pattern):
        return SIMPLE_TEXT.filter(lambda v: not _pattern_ok(ftype, v.strip())) | a_list | a_mapping
    if isinstance(ftype, m.Choice):
        return SIMPLE_TEXT.filter(lambda v: v.strip() not in ftype.options) | a_list | a_mapping
    if isinstance(ftype, m.Ref):
        return SIMPLE_TEXT.filter(lambda v: not re.match(m.SLUG_REGEX, v.strip())) | a_list | \
            a_mapping
    if isinstance(ftype, m.ListOf):
        return SIMPLE_TEXT | a_mapping
    if isinstance(ftype, m.Obj):
        return SIMPLE_TEXT | a_list
    raise AssertionError(f"no strategy for {ftype!r}: add one for the new field type")


def record_obj(rtype: m.RecordType) -> m.Obj:
    return m.Obj(rtype.name, rtype.all_fields)


def slots(ftype: m.FieldType, value: Any, path: str = ""):
    """Every place in `value` (data for `ftype`) where a field value sits:
    (path, field type, container, key). Missing optional fields included."""
    if isinstance(ftype, m.Obj) and isinstance(value, dict):
        for f in ftype.fields:
            sub = f"{path}.{f.name}" if path else f.name
            yield sub, f.type, value, f.name
            if f.name in value:
                yield from slots(f.type, value[f.name], sub)
    elif isinstance(ftype, m.ListOf) and isinstance(value, list):
        for index, item in enumerate(value):
            sub = f"{path}[{index + 1}]"
            yield sub, ftype.item, value, index
            yield from slots(ftype.item, item, sub)


def validate_text(rtype: m.RecordType, text: str) -> tuple[dict | None, Validator]:
    validator = Validator("x.yml", text)
    return validator.record(rtype, compose(text)), validator


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=80)


def _inside(path: str, other: str) -> bool:
    return path.startswith(other + ".") or path.startswith(other + "[")


RECORD_TYPES = sorted(m.RECORD_TYPES)


@pytest.mark.parametrize("type_name", RECORD_TYPES)
def test_wrong_types_are_reported_at_exactly_that_field(type_name):
    rtype = m.RECORD_TYPES[type_name]

    @settings(HYPOTHESIS, max_examples=25)
    @given(st.data())
    def check(data):
        record = data.draw(valid_value(record_obj(rtype)), label="valid record")
        places = list(slots(record_obj(rtype), record))
        picked = data.draw(st.lists(st.sampled_from(range(len(places))), min_size=1,
                                    max_size=4, unique=True), label="wrong fields")
        wrong: list[str] = []
        for index in sorted(picked, key=lambda i: len(places[i][0])):  # parents first
            path, ftype, container, key = places[index]
            if any(_inside(path, done) or path == done for done in wrong):
                continue  # already replaced as part of a wrong parent
            container[key] = data.draw(wrong_value(ftype), label=path)
            wrong.append(path)
        _, validator = validate_text(rtype, dump(record))
        fields = {p.field for p in validator.problems}
        for path in wrong:
            assert path in fields, (path, [str(p) for p in validator.problems])
        assert fields <= set(wrong), [str(p) for p in validator.problems if p.field not in wrong]
        assert all(p.line >= 1 for p in validator.problems)

    check()


def normalised(ftype: m.FieldType, value: Any) -> Any:
    """What the validator returns for valid data: every field present."""
    if isinstance(ftype, m.Obj):
        return {f.name: normalised(f.type, value[f.name]) if f.name in value
                else ([] if isinstance(f.type, m.ListOf) else None) for f in ftype.fields}
    if isinstance(ftype, m.ListOf):
        return [normalised(ftype.item, item) for item in value]
    return value


def without_empty(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_empty(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [without_empty(v) for v in value]
    return value


@pytest.mark.parametrize("type_name", RECORD_TYPES)
def test_valid_records_load_and_round_trip(type_name):
    rtype = m.RECORD_TYPES[type_name]
    obj = record_obj(rtype)

    @settings(HYPOTHESIS, max_examples=20)
    @given(valid_value(obj))
    def check(record):
        text = dump(record)
        loaded, problems, _ = read_record(rtype, text.encode("utf-8"), "x.yml", "x")
        assert not problems, ([str(p) for p in problems], text)
        assert loaded.data == normalised(obj, record)
        for path, _, container, key in slots(obj, record):
            if isinstance(container, list) or key in container:
                assert loaded.line_of(path), path
        again = dump(without_empty(loaded.data))
        reloaded, problems, _ = read_record(rtype, again.encode("utf-8"), "x.yml", "x")
        assert not problems and reloaded.data == loaded.data

    check()


def test_every_field_type_has_strategies():
    """A new field type needs a valid and a wrong strategy here (and handling
    in the validator); this fails loudly instead of silently skipping it."""
    def walk(ftype):
        yield ftype
        if isinstance(ftype, m.ListOf):
            yield from walk(ftype.item)
        if isinstance(ftype, m.Obj):
            for f in ftype.fields:
                yield from walk(f.type)

    for rtype in m.RECORD_TYPES.values():
        for ftype in walk(record_obj(rtype)):
            valid_value(ftype)
            wrong_value(ftype)


# --------------------------------------------------------------------------
# Smaller unit checks of the reading code
# --------------------------------------------------------------------------


def shape(node) -> tuple | None:
    """A node tree, PyYAML's or compose's, as nested tuples of kind, tag,
    line and value (a scalar's text, a collection's children)."""
    if node is None:
        return None
    if isinstance(node, yaml.Node):
        line = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            return ("scalar", node.tag, line, node.value)
        if isinstance(node, yaml.SequenceNode):
            return ("sequence", node.tag, line, [shape(item) for item in node.value])
        return ("mapping", node.tag, line, [(shape(k), shape(v)) for k, v in node.value])
    if isinstance(node, Scalar):
        return ("scalar", node.tag, node.line, node.value)
    if isinstance(node, Sequence):
        return ("sequence", node.tag, node.line, [shape(item) for item in node.items])
    assert isinstance(node, Mapping), node
    return ("mapping", node.tag, node.line, [(shape(k), shape(v)) for k, v in node.pairs])


def test_compose_matches_pyyaml_for_ordinary_documents():
    paths = sorted(FIXTURE_CONTENT.rglob("*.yml")) + sorted(FIXTURES.rglob("valid-*.yml"))
    for path in paths:
        text = path.read_text(encoding="utf-8-sig")
        assert shape(compose(text)) == shape(yaml.compose(text, Loader=yaml.SafeLoader)), path


# Scalars the resolver treats specially: numbers, booleans, nulls, dates, ...
RESOLVER_WORDS = st.sampled_from([
    "", "~", "null", "Null", "NULL", "nul", "ja", "nee", "yes", "No", "on", "OFF", "y", "n",
    "true", "False", "TRUE", "0", "-1", "+12", "0x1F", "0o17", "017", "0b101", "1_000", "1:30",
    "1.5", "-.5", ".inf", "-.Inf", ".nan", "1e3", "6.8523015e+5", "2026-09-01",
    "2026-9-1 10:00:00", "2001-12-14t21:59:43.10-05:00", "<<", "=", "!x", ".",
])  # no & or *: compose refuses aliases


@given(st.lists(RESOLVER_WORDS | st.text(st.sampled_from("0123456789.:-+_eExXoObB ~nNtTfFyY"),
                                          max_size=8), min_size=1, max_size=8),
       st.sampled_from(["{}", "'{}'", '"{}"', "!!str {}", "! {}"]))
@settings(HYPOTHESIS, max_examples=150)
def test_compose_resolves_tags_as_pyyaml_does(words, style):
    """compose resolves tags itself (PyYAML's resolver is slow): the same tag
    for every plain, quoted and tagged scalar."""
    text = "".join(f"k{i}: {style.format(word)}\n" for i, word in enumerate(words))
    try:  # the parser compose uses: libyaml and PyYAML's own differ for `! ` without text
        expected = shape(yaml.compose(text, Loader=yamltree.SafeLoader))
    except yaml.YAMLError:
        assume(False)
    assert shape(compose(text)) == expected


def test_resolver_has_only_what_compose_resolves():
    """compose's resolver leaves out the parts of PyYAML's that SafeLoader
    does not use, and takes its implicit resolvers as they were when it was
    imported; if either differs (a newer PyYAML), compose must learn it."""
    for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        assert not loader.yaml_path_resolvers
        assert None not in loader.yaml_implicit_resolvers
        assert yamltree.IMPLICIT_RESOLVERS == {
            first: tuple(pairs) for first, pairs in loader.yaml_implicit_resolvers.items()}


@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10) | st.dates(),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=20))
@settings(HYPOTHESIS, max_examples=100)
def test_compose_matches_pyyaml_on_any_dumped_data(data):
    text = yaml.safe_dump(data, allow_unicode=True)
    assume(len(text) < 5000)
    assert shape(compose(text)) == shape(yaml.compose(text, yaml.SafeLoader))


def test_every_problem_has_a_line():
    assert Problem("x.yml", None, None, "leeg").line == 1
    assert Problem("x.yml", 0, None, "leeg").line == 1
    assert str(Problem("x\udce9.yml", 3, "naam\x1b", "a\x07b")) == \
        "x\\udce9.yml, regel 3, veld 'naam\\u001b': a\\u0007b"


def test_deep_nesting_is_refused_without_walking_it_all():
    """10,000 levels of block mappings (far over the size cap as a file):
    refused at MAX_DEPTH, quickly, without recursion."""
    deep_block = "".join(f"{' ' * depth}a:\n" for depth in range(10_000)) + " " * 10_000 + "x\n"
    start = time.monotonic()
    with pytest.raises(Refused) as refused:
        compose(deep_block)
    assert refused.value.line == 41 and "te diep genest" in refused.value.message
    assert time.monotonic() - start < 5


TOO_DEEP = Problem("x.yml", 1, None, f"de inhoud is te diep genest (meer dan {MAX_DEPTH} niveaus)")


def nested_list(levels: int, inner: str = "x") -> str:
    return "[" * levels + inner + "]" * levels


def test_nesting_may_be_max_depth_levels_for_scalars_too():
    """The root is level 1, so `naam: [[...[x]...]]` has its x on level
    brackets + 2. A scalar one level too deep is refused like a collection,
    at its own line; of several, the last is named (as the validator did
    when it checked the depth); a collection too deep is refused at once."""
    def problems(text: str) -> list[Problem]:
        return read_record(m.VOORZIENING, text.encode(), "x.yml")[1]

    fits = problems(f"naam: {nested_list(MAX_DEPTH - 2)}\n")
    assert fits and all("te diep" not in p.message for p in fits), fits
    assert problems(f"naam: {nested_list(MAX_DEPTH - 1)}\n") == [TOO_DEEP]
    two_deep_scalars = f"a: {nested_list(MAX_DEPTH - 1)}\nb: {nested_list(MAX_DEPTH - 1, 'y')}\n"
    assert problems(two_deep_scalars) == [replace(TOO_DEEP, line=2)]
    deep_collection_later = f"a: {nested_list(MAX_DEPTH - 1)}\nb: {nested_list(MAX_DEPTH, '')}\n"
    assert problems(deep_collection_later) == [replace(TOO_DEEP, line=2)]
    assert problems(f"a: {nested_list(MAX_DEPTH - 1)}\nb: [\n")[0].message.startswith(
        "de YAML klopt niet"), "a syntax error further on comes first, as before"


def test_validator_walks_a_tree_only_as_deep_as_the_model():
    """A node tree of 10,000 levels made by hand (compose never makes one)
    where a text belongs: one problem, quickly, without recursion."""
    node = Scalar("tag:yaml.org,2002:str", "x", 1)
    for _ in range(10_000):
        key = Scalar("tag:yaml.org,2002:str", "a", 1)
        node = Mapping("tag:yaml.org,2002:map", 1, [(key, node)])
    root = Mapping("tag:yaml.org,2002:map", 1, [(Scalar("tag:yaml.org,2002:str", "naam", 1), node)])
    validator = Validator("x.yml", "naam:")
    start = time.monotonic()
    validator.record(m.VOORZIENING, root)
    assert time.monotonic() - start < 1
    assert [p.message for p in validator.problems if p.field == "naam"] == [
        "hier hoort een tekst, maar er staat een groep velden"]


# --------------------------------------------------------------------------
# The shortcuts of the validator and the reader give the same answers
# --------------------------------------------------------------------------


def test_first_control_finds_what_is_control_refuses_in_every_character():
    for code in range(0x110000):
        char = chr(code)
        assert first_control(char) == (char if _is_control(char) else None), hex(code)
        assert not (_is_control(char) and char.isprintable()), hex(code)


@given(st.text(st.characters(min_codepoint=0) | st.sampled_from(
    "\n\t\x1b\x7f\x85\xa0\xad\u200b\u2028\ufeff\ufdd0\ufffe\U0001fffe\U0010ffff\U0001f600"),
    max_size=40))
@settings(HYPOTHESIS, max_examples=300)
def test_first_control_is_the_first_refused_character(text):
    assert first_control(text) == next((c for c in text if _is_control(c)), None)


def test_model_field_names_need_no_name_checks():
    """The validator checks only unknown keys for being a valid field name."""
    def objs(ftype):
        if isinstance(ftype, m.ListOf):
            yield from objs(ftype.item)
        if isinstance(ftype, m.Obj):
            yield ftype
            for f in ftype.fields:
                yield from objs(f.type)

    for rtype in m.RECORD_TYPES.values():
        for obj in objs(record_obj(rtype)):
            for f in obj.fields:
                assert f.name.strip() == f.name and f.name and _is_field_name(f.name), f.name


MARKDOWN_ALPHABET = st.sampled_from("ab #![]()<>{}:/\n \tjavascript")


@given(st.text(MARKDOWN_ALPHABET, max_size=30))
@settings(HYPOTHESIS, max_examples=400)
def test_markdown_patterns_only_match_with_the_part_looked_for_first(text):
    for needed, pattern, _ in UNSAFE_MARKDOWN:
        assert not pattern.search(text) or needed in text, (needed, text)
    assert not LINK_TARGET.search(text) or "](" in text
    assert not LINK_DEFINITION.search(text) or "[" in text


@pytest.mark.parametrize("size", [0, 1, 4096, MAX_FILE_BYTES - 1, MAX_FILE_BYTES,
                                  MAX_FILE_BYTES + 1, MAX_FILE_BYTES + 4096])
def test_reading_stops_just_over_the_limit(tmp_path, size):
    path = tmp_path / "x.yml"
    data = os.urandom(size)
    path.write_bytes(data)
    with path.open("rb") as stream:
        assert _read_at_most(stream, MAX_FILE_BYTES + 1) == data[:MAX_FILE_BYTES + 1]


def test_reading_goes_on_past_the_size_the_file_had():
    """A file that grows after its size was asked for (here a pipe, whose
    size is 0) is read on, up to the limit."""
    reader, writer = os.pipe()
    os.write(writer, b"x" * 5000)
    os.close(writer)
    with os.fdopen(reader, "rb") as stream:
        assert _read_at_most(stream, 3000) == b"x" * 3000
    reader, writer = os.pipe()
    os.write(writer, b"y" * 100)
    os.close(writer)
    with os.fdopen(reader, "rb") as stream:
        assert _read_at_most(stream, 3000) == b"y" * 100
