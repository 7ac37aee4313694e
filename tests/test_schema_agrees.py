"""The JSON Schemas give the same verdict as `swvsite check`, file by file.

For every file of the demo content (every valid file passes both), every file
of the broken corpus (tests/fixtures/broken/) and a set of edits made here, the
file is put into a copy of the minimal site and checked with `swvsite check`;
the same file is read as the editor's YAML extension reads it (YAML 1.2 core
schema: `00` is a number, `ja` and `2026-09-01` are text) and validated with
the schema of its record type, with Python's regexes and with ECMA-262 ones
(with and without the u flag, as in the editor). The verdicts must agree.

`swvsite check` also checks things no schema of one file can: references to
other records, ids used twice across files, colour contrast. Those problems
do not count (CROSS_RECORD). Files a schema cannot judge at all, or not the
way `swvsite check` does, are listed in NOT_JUDGED with the reason.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from check_jsonschema.regex_variants import RegexImplementation, RegexVariantName
from jsonschema import Draft202012Validator, validators

from swvsite.content import model as m
from swvsite.content.schema import schemas

from conftest import ENV, FIXTURES, ROOT

BROKEN = FIXTURES / "broken"
MINIMAL = FIXTURES / "minimal"

# Problems of `swvsite check` that depend on other records or files.
CROSS_RECORD = (
    "er bestaat geen ",  # a reference to a record that does not exist
    "bestaat al in ",  # a vraag id used in another thema
    "er is al een ",  # a begrip or swv id used twice (checked on the whole site)
    "hoort niet bij samenwerkingsverband",  # the school's gemeente and its swv
    "is de id van een bestaand record",  # oude_ids against the other records
    "één school hoort in één bestand",  # two files for one BRIN and vestiging
    "is een oude id van",  # a reference through an old id (a notice)
    "als oude id",
    "wordt al gebruikt in",
    "heeft een contrast van",  # two colours together (huisstijl)
)

# Broken-corpus files no schema can judge, with the reason.
SYNTAX = ("not YAML the editor can read: its YAML parser reports the mistake itself, "
          "before any schema")
ENCODING = ("the file's bytes are not UTF-8 text: the editor shows the text in another "
            "encoding, or the YAML parser reports it; a schema sees only decoded values")
ALIASES = ("aliases (&naam, *naam) and merge keys: the editor expands them before the schema "
           "sees the data; swvsite check refuses them")
TAGS = ("an explicit YAML tag (!!str, !!int, !include, ...): the schema sees the value the "
        "editor made of it, not the tag; swvsite check refuses or reads tags itself")
NOT_JUDGED: dict[str, str] = {
    **{name: SYNTAX for name in (
        "yaml-backslash-in-double-quotes", "yaml-bad-indentation", "yaml-colon-in-text",
        "yaml-list-indentation", "yaml-lone-surrogate-escape", "yaml-missing-colon",
        "yaml-raw-control-character", "yaml-unclosed-quote", "yaml-unclosed-bracket",
        "yaml-unclosed-brace", "yaml-tab-indentation", "yaml-tab-before-key",
        "yaml-starts-with-at", "yaml-unknown-directive", "yaml-content-after-document-end")},
    **{name: ENCODING for name in (
        "binary-high-bytes", "binary-png", "nul-byte-in-text", "encoding-latin1-smart-quotes",
        "encoding-utf16-be", "encoding-utf16-be-bom", "encoding-utf16-le",
        "encoding-utf16-le-bom", "encoding-utf32", "encoding-windows-1252")},
    **{name: ALIASES for name in (
        "alias-billion-laughs", "alias-merge-key", "alias-simple", "alias-undefined")},
    **{name: TAGS for name in (
        "tag-binary", "tag-bool-on-text", "tag-custom-on-mapping", "tag-directive-shorthand",
        "tag-include", "tag-int-empty", "tag-int-on-text", "tag-python-name-key",
        "tag-python-object", "tag-set", "valid-str-tag")},
    "duplicate-keys": "a key written twice: the YAML parser of the editor reports it "
                      "(\"Map keys must be unique\"); the data a schema gets has one of them",
    "non-string-keys": "a list or a group as a field name: JSON, and so a schema, knows only "
                       "text as names; the editor's YAML extension reports such a key itself",
    "multiple-documents": "two YAML documents in one file: the editor validates each "
                          "against the schema, swvsite check refuses the second",
    "noncharacter-escaped": "a noncharacter beyond U+FFFF (\\U0001FFFE): a pattern cannot "
                            "name it the same way with and without the u flag",
}

# --------------------------------------------------------------------------
# Edits made here: (base file of the minimal site, change, expected verdict).
# The expectation is what both must say; it documents the case.
# --------------------------------------------------------------------------

V = "voorzieningen/opdc-test.yml"
S = "scholen/bs-test.yml"
LONG = "x" * 301


def _replace(old: str, new: str):
    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return change


def _in_contact(line: str):
    return _replace("  telefoon: 013 - 000 33 44\n", f"  telefoon: 013 - 000 33 44\n{line}\n")


def _append(line: str):
    return lambda text: text.rstrip("\n") + "\n" + line + "\n"


EDITS: dict[str, tuple[str, object, bool]] = {
    "unknown-field": (V, _append("gemeentee: Tilburg"), False),
    "unknown-nested-field": (V, _in_contact("  faxnummer: 013 123"), False),
    "choice-unknown": (V, _replace("type: opdc", "type: speciaal"), False),
    "choice-quoted-with-spaces": (V, _replace("type: opdc", 'type: " opdc "'), True),
    "choice-number": (V, _replace("type: opdc", "type: 12"), False),
    "required-missing": (V, _replace("naam: OPDC Test\n", ""), False),
    "required-empty": (V, _replace("naam: OPDC Test", "naam:"), False),
    "required-null": (V, _replace("naam: OPDC Test", "naam: ~"), False),
    "text-is-a-number": (V, _replace("naam: OPDC Test", "naam: 12"), True),
    "text-is-true": (V, _replace("naam: OPDC Test", "naam: true"), True),
    "text-blank": (V, _replace("naam: OPDC Test", 'naam: "   "'), False),
    "text-empty-string": (V, _append('duur: ""'), False),
    "optional-empty": (V, _append("beschrijving:"), True),
    "optional-group-empty": (V, _replace("contact:\n  telefoon: 013 - 000 33 44\n",
                                         "contact:\n"), True),
    "text-too-long": (V, _replace("samenvatting: Een", f"samenvatting: {LONG} Een"), False),
    "text-at-limit-with-spaces": (V, _replace("samenvatting: Een tijdelijke plek voor "
                                              "leerlingen die even vastlopen.",
                                              f'samenvatting: "  {"y" * 300}  "'), True),
    "text-control-character": (V, _replace("naam: OPDC Test", 'naam: "OPDC\\a Test"'), False),
    "text-is-a-list": (V, _replace("naam: OPDC Test", "naam: [OPDC]"), False),
    "boolean-yes": (V, _replace("tlv_nodig: nee", "tlv_nodig: yes"), True),
    "boolean-Ja": (V, _replace("tlv_nodig: nee", "tlv_nodig: Ja"), True),
    "boolean-TRUE": (V, _replace("tlv_nodig: nee", "tlv_nodig: TRUE"), True),
    "boolean-quoted-true": (V, _replace("tlv_nodig: nee", 'tlv_nodig: "true"'), False),
    "boolean-other": (V, _replace("tlv_nodig: nee", "tlv_nodig: misschien"), False),
    "boolean-number": (V, _replace("tlv_nodig: nee", "tlv_nodig: 1"), False),
    "integer-too-large": (V, _replace("tot: 16", "tot: 31"), False),
    "integer-at-maximum": (V, _replace("tot: 16", "tot: 30"), True),
    "integer-negative": (V, _replace("van: 12", "van: -1"), False),
    "integer-quoted": (V, _replace("van: 12", 'van: "12"'), False),
    "list-empty": (V, _replace("sector: [vo]", "sector: []"), False),
    "list-duplicate": (V, _replace("sector: [vo]", "sector: [vo, vo]"), False),
    "list-null-item": (V, _replace("sector: [vo]", "sector: [vo, ~]"), False),
    "list-is-text": (V, _replace("sector: [vo]", "sector: vo"), False),
    "ref-is-a-number": (V, _replace("procedures: [tlv-aanvragen]", "procedures: [2024]"), True),
    "ref-invalid": (V, _replace("procedures: [tlv-aanvragen]", "procedures: [TLV]"), False),
    "email-invalid": (V, _in_contact("  email: geen-mail"), False),
    "email-valid": (V, _in_contact("  email: info@opdc.nl"), True),
    "url-valid": (V, _in_contact("  website: https://www.opdc.nl/over-ons?a=1"), True),
    "url-without-scheme": (V, _in_contact("  website: www.opdc.nl"), False),
    "url-control-escape": (V, _in_contact('  website: "https://www.opdc.nl/\\0"'), False),
    "phone-digits-only": (V, _replace("telefoon: 013 - 000 33 44", "telefoon: 0131234567"), True),
    "phone-brackets": (V, _replace("telefoon: 013 - 000 33 44", "telefoon: (013) 123-4567"),
                       True),
    "phone-international": (V, _replace("telefoon: 013 - 000 33 44",
                                        "telefoon: +31 13 123 45 67"), True),
    "phone-too-short": (V, _replace("telefoon: 013 - 000 33 44", "telefoon: 013 - 12"), False),
    "phone-letters": (V, _replace("telefoon: 013 - 000 33 44", "telefoon: 013 - ABC 33 44"),
                      False),
    "postcode-no-space": (V, _replace("postcode: 5038 AC", "postcode: 5038AC"), True),
    "postcode-lowercase": (V, _replace("postcode: 5038 AC", "postcode: 5038 ac"), False),
    "date-impossible": (V, _replace("gecontroleerd_op: 2026-09-15",
                                    "gecontroleerd_op: 2026-02-30"), False),
    "date-leap-day": (V, _replace("gecontroleerd_op: 2026-09-15",
                                  "gecontroleerd_op: 2024-02-29"), True),
    "date-no-leap-day": (V, _replace("gecontroleerd_op: 2026-09-15",
                                     "gecontroleerd_op: 2100-02-29"), False),
    # swvsite check reads dates with datetime.date.fromisoformat, which also takes
    # ISO week dates; the schema follows it (reported as a question for validate.py).
    "date-iso-week": (V, _replace("gecontroleerd_op: 2026-09-15",
                                  "gecontroleerd_op: 2026-W38-2"), True),
    "date-as-number": (V, _replace("gecontroleerd_op: 2026-09-15",
                                   "gecontroleerd_op: 20260915"), False),
    "date-dutch-order": (V, _replace("gecontroleerd_op: 2026-09-15",
                                     "gecontroleerd_op: 15-09-2026"), False),
    "markdown-html": (V, _append("beschrijving: Zie <b>dit</b>."), False),
    "markdown-less-than": (V, _append("beschrijving: Minder dan 5 < 6 leerlingen."), True),
    "markdown-brace": (V, _append("beschrijving: 'Tekst {{ x }}'"), False),
    "markdown-heading": (V, _append('beschrijving: "Eerst.\\n  # Kop"'), False),
    "markdown-image": (V, _append("beschrijving: '![foto](https://www.opdc.nl/a.png)'"), False),
    "markdown-safe-link": (V, _append("beschrijving: 'Zie [de site]( https://www.opdc.nl).'"),
                           True),
    "markdown-mail-link": (V, _append("beschrijving: 'Mail [ons](MAILTO:a@b.nl).'"), True),
    "markdown-autolink": (V, _append("beschrijving: 'Mail <mailto:a@b.nl>.'"), False),
    "markdown-bad-link": (V, _append("beschrijving: 'Zie [dit](javascript:alert(1)).'"), False),
    "markdown-empty-link": (V, _append("beschrijving: 'Zie [dit]().'"), False),
    "markdown-bad-definition": (V, _append('beschrijving: "Zie [dit][a].\\n\\n[a]: ftp://x.nl"'),
                                False),
    "markdown-safe-definition": (V, _append('beschrijving: "Zie [dit][a].\\n\\n[a]: https://x.nl"'),
                                 True),
    "vestiging-unquoted-00": (S, _replace('vestiging: "00"', "vestiging: 00"), True),
    "vestiging-unquoted-12": (S, _replace('vestiging: "00"', "vestiging: 12"), True),
    "vestiging-three-digits": (S, _replace('vestiging: "00"', "vestiging: 123"), False),
    "vestiging-letters": (S, _replace('vestiging: "00"', "vestiging: AB"), False),
    "brin-lowercase": (S, _replace("brin: 99ZZ", "brin: 99zz"), False),
    "object-is-text": (S, _replace("adres: {straat: Laan 3, postcode: 5038 AD, plaats: Tilburg}",
                                   "adres: Laan 3, Tilburg"), False),
    "required-nested-missing": (S, _replace("  functie: Intern begeleider\n", ""), False),
}

# Edits whose verdict a schema cannot give the way `swvsite check` does.
EDITS_NOT_JUDGED = {
    "markdown-hash-in-text": (
        V, _append("beschrijving: Groep 8 is nummer #1."),
        "YAML drops ' #1.' as a comment before any schema sees the value; swvsite check "
        "reads the file's text and refuses a value cut that way."),
    "vestiging-unquoted-0": (
        S, _replace('vestiging: "00"', "vestiging: 0"),
        "YAML 1.2 reads 0 and 00 as the same number; swvsite check reads the digits "
        "written and refuses '0'. The schema accepts every number a valid "
        "vestigingsnummer can be (0 to 99)."),
    "phone-bare-short-number": (
        V, _replace("telefoon: 013 - 000 33 44", "telefoon: 12345"),
        "a bare number: YAML 1.2 drops the leading 0 of 0131234567, so the schema "
        "cannot tell a valid number without spaces from a short one."),
    "boolean-quoted-yes": (
        V, _replace("tlv_nodig: nee", 'tlv_nodig: "yes"'),
        "YAML 1.2 reads yes and \"yes\" as the same text; swvsite check (YAML 1.1) takes "
        "yes as true and refuses the quoted text."),
    "integer-leading-zero": (
        V, _replace("van: 12", "van: 08"),
        "YAML 1.2 reads 08 as the number 8; YAML 1.1 (swvsite check) as text."),
    "integer-octal": (
        V, _replace("tot: 16", "tot: 031"),
        "YAML 1.1 (swvsite check) reads 031 as octal, 25; YAML 1.2 (the editor) as 31, "
        "which is more than the maximum of 30."),
    "integer-as-float": (
        V, _replace("van: 12", "van: 12.0"),
        "JSON Schema and the editor see 12.0 as the integer 12; swvsite check refuses "
        "a decimal number."),
}


# --------------------------------------------------------------------------
# Reading YAML as the editor does: YAML 1.2 core schema
# --------------------------------------------------------------------------


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML with the YAML 1.2 core schema's implicit types: no timestamps,
    no yes/no/on/off, no sexagesimal or 1_000 numbers, 0o17 octal."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, regex, first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(regex), list(first))


def _int12(loader, node):
    value = loader.construct_scalar(node)
    if value.startswith(("0o", "0x")):
        return int(value[2:], 8 if value[1] == "o" else 16)
    # JavaScript, the editor's language, reads a huge number as Infinity.
    return int(value, 10) if len(value) < 300 else float(value)


def _float12(loader, node):
    value = loader.construct_scalar(node).lower()
    if value.endswith(".inf"):
        return -math.inf if value.startswith("-") else math.inf
    return math.nan if value == ".nan" else float(value)


def _bool12(loader, node):
    return loader.construct_scalar(node).lower() == "true"


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int12)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _float12)
Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", _bool12)


def _json_data(value):
    """As the editor's JSON view of the YAML: keys are strings."""
    if isinstance(value, dict):
        return {k if isinstance(k, str) else json.dumps(k): _json_data(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_json_data(v) for v in value]
    return value


def read_as_editor(text: str):
    return _json_data(yaml.load(text, Loader=Yaml12Loader))


# --------------------------------------------------------------------------
# The two verdicts
# --------------------------------------------------------------------------


def _validator_class(variant: RegexVariantName | None):
    if variant is None:  # Python's re, jsonschema's default
        return Draft202012Validator
    regex = RegexImplementation(variant)
    return validators.extend(Draft202012Validator, {"pattern": regex.pattern_keyword})


ENGINES = {"python": None, "ecma-unicode": RegexVariantName.default,
           "ecma": RegexVariantName.nonunicode}


def schema_errors(type_name: str, text: str) -> dict[str, list[str]]:
    """Per regex engine, the schema's errors for the file's text."""
    schema = schemas()[f"{type_name}.schema.json"]
    data = read_as_editor(text)
    return {name: sorted(f"{list(e.absolute_path)}: {e.message}"[:300]
                         for e in _validator_class(variant)(schema).iter_errors(data))
            for name, variant in ENGINES.items()}


def check_problems(content: Path) -> dict[str, list[str]]:
    """`swvsite check`'s problems by file (content/...), cross-record ones left out.
    Review reminders (LET OP) are not problems."""
    result = subprocess.run([sys.executable, "-m", "swvsite", "check", "--content", str(content)],
                            cwd=content.parent, env=ENV, capture_output=True, text=True,
                            timeout=300)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    found: dict[str, list[str]] = {}
    if result.returncode == 0:
        return found
    listed = output.split("LET OP:")[0]
    for line in listed.splitlines():
        match = re.match(r"^- (content/[^,:]+)[,:]", line)
        if match and not any(c in line for c in CROSS_RECORD):
            found.setdefault(match.group(1), []).append(line)
    assert any(line.startswith("- ") for line in listed.splitlines()), output
    return found


# --------------------------------------------------------------------------
# The cases
# --------------------------------------------------------------------------


def _type_of(target: str) -> m.RecordType:
    folder, _, name = target.rpartition("/")
    return next(t for t in m.RECORD_TYPES.values()
                if (t.folder and t.folder == folder) or (not folder and t.file == name))


def _corpus_target(stem: str) -> str:
    for prefix, target in (("organisatie-", "organisatie.yml"), ("begrippen-", "begrippen.yml")):
        if stem.startswith(prefix):
            return target
    return f"vragen/{stem}.yml" if stem.startswith("thema-") else f"voorzieningen/{stem}.yml"


def _demo_cases() -> dict[str, tuple[str, bytes]]:
    cases = {}
    for rtype in m.RECORD_TYPES.values():
        paths = ([ROOT / "content" / rtype.file] if rtype.file
                 else sorted((ROOT / "content" / rtype.folder).glob("*.yml")))
        for path in paths:
            if path.is_file():
                target = path.relative_to(ROOT / "content").as_posix()
                cases[f"demo:{target}"] = (target, path.read_bytes())
    return cases


CASES: dict[str, tuple[str, bytes]] = {
    **_demo_cases(),
    **{f"broken:{p.stem}": (_corpus_target(p.stem), p.read_bytes())
       for p in sorted(BROKEN.glob("*.yml"))},
    **{f"edit:{name}": (base, change((MINIMAL / base).read_text(encoding="utf-8")).encode())
       for name, (base, change, _) in EDITS.items()},
    **{f"edit:{name}": (base, change((MINIMAL / base).read_text(encoding="utf-8")).encode())
       for name, (base, change, _) in EDITS_NOT_JUDGED.items()},
}


def _not_judged(name: str) -> str | None:
    kind, _, key = name.partition(":")
    if kind == "broken":
        return NOT_JUDGED.get(key)
    if kind == "edit" and key in EDITS_NOT_JUDGED:
        return EDITS_NOT_JUDGED[key][2]
    return None


def _placed(name: str, target: str) -> str:
    """Where a case goes in the minimal site: a record of a folder under a name of
    its own (so that one site holds many cases), a single file in its place."""
    if "/" not in target:
        return target
    folder = target.split("/")[0]
    kind, _, key = name.partition(":")
    key = Path(key).stem
    return f"{folder}/{kind}-{re.sub('[^a-z0-9]+', '-', key.lower()).strip('-')}.yml"


@pytest.fixture(scope="module")
def check_verdicts(tmp_path_factory) -> dict[str, list[str]]:
    """Every case checked by `swvsite check` in a copy of the minimal site: all
    records of folders in one site, each single file (organisatie.yml, ...) in
    a site of its own. Only the problems of the case's own file count."""
    sites: list[tuple[Path, dict[str, str]]] = []
    shared = tmp_path_factory.mktemp("shared") / "content"
    shutil.copytree(MINIMAL, shared)
    sites.append((shared, {}))
    for name, (target, raw) in CASES.items():
        placed = _placed(name, target)
        if "/" in placed:
            content, cases = sites[0]
        else:
            content = tmp_path_factory.mktemp("single") / "content"
            shutil.copytree(MINIMAL, content)
            cases = {}
            sites.append((content, cases))
        assert not (content / placed).exists() or "/" not in placed, placed
        (content / placed).parent.mkdir(parents=True, exist_ok=True)
        (content / placed).write_bytes(raw)
        cases[name] = f"content/{placed}"

    def run(site):
        content, cases = site
        problems = check_problems(content)
        return {name: problems.get(path, []) for name, path in cases.items()}

    verdicts: dict[str, list[str]] = {}
    with ThreadPoolExecutor(max_workers=2) as pool:
        for found in pool.map(run, sites):
            verdicts.update(found)
    return verdicts


@pytest.mark.parametrize("name", sorted(CASES))
def test_schema_and_check_agree(check_verdicts, name):
    reason = _not_judged(name)
    if reason:
        pytest.skip(f"a schema cannot judge this: {reason}")
    target, raw = CASES[name]
    text = raw.decode("utf-8-sig")
    errors = schema_errors(_type_of(target).name, text)
    assert errors["python"] == [] or all(errors[e] for e in ENGINES), errors
    assert all(bool(errors[e]) == bool(errors["python"]) for e in ENGINES), (
        f"the regex engines disagree: {errors}")
    problems = check_verdicts[name]
    assert bool(errors["python"]) == bool(problems), (
        f"schema: {errors['python'] or 'valid'}\nswvsite check: {problems or 'valid'}")
    kind, _, key = name.partition(":")
    if kind == "edit":
        assert (not problems) == EDITS[key][2], problems
    if kind == "demo":
        assert not problems, problems


def test_not_judged_lists_only_corpus_files():
    files = {p.stem for p in BROKEN.glob("*.yml")}
    assert set(NOT_JUDGED) <= files, sorted(set(NOT_JUDGED) - files)
    assert not set(EDITS) & set(EDITS_NOT_JUDGED)
