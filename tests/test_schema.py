"""The JSON Schemas exported from the model: current, and agreeing with the
validator on real content."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
import yaml
from jsonschema import Draft202012Validator

from swvsite.content import model as m
from swvsite.content.schema import schemas

from conftest import FIXTURE_CONTENT, FIXTURES, ROOT, run_swvsite


def as_json(value):
    """YAML data as an editor sees it: dates are strings."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat()
                                 if isinstance(v, dt.date) else str(v)))


def files_of(content_root, rtype):
    if rtype.file:
        return [content_root / rtype.file]
    return sorted((content_root / rtype.folder).glob("*.yml"))


def test_committed_schemas_are_current():
    for name, schema in schemas().items():
        committed = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
        assert committed == schema, f"schemas/{name} is outdated: run `make schemas`"


def test_schema_command_writes_them(tmp_path):
    result = run_swvsite("schema", "--out", str(tmp_path))
    assert result.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(schemas())


@pytest.mark.parametrize("content_root", [FIXTURE_CONTENT, FIXTURES / "minimal"],
                         ids=["test-site", "minimal"])
def test_valid_content_passes_the_json_schema(content_root):
    for rtype in m.RECORD_TYPES.values():
        validator = Draft202012Validator(schemas()[f"{rtype.name}.schema.json"])
        for path in files_of(content_root, rtype):
            data = as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
            errors = [e.message for e in validator.iter_errors(data)]
            assert not errors, f"{path}: {errors}"


@pytest.mark.parametrize("change, word", [
    (lambda d: d.update(onbekend="x"), "onbekend"),
    (lambda d: d.update(type="speciaal"), "speciaal"),
    (lambda d: d.pop("naam"), "naam"),
    (lambda d: d.update(tlv_nodig="misschien"), "misschien"),
    (lambda d: d["contact"].update(email="geen-mail"), "geen-mail"),
])
def test_invalid_content_fails_the_json_schema(change, word):
    data = as_json(yaml.safe_load((FIXTURES / "minimal/voorzieningen/opdc-test.yml").read_text()))
    change(data)
    validator = Draft202012Validator(schemas()["voorziening.schema.json"])
    errors = [e.message for e in validator.iter_errors(data)]
    assert errors and any(word in e for e in errors), errors


def _fields(obj_fields, prefix=""):
    for f in obj_fields:
        yield prefix + f.name, f
        inner = f.type.item if isinstance(f.type, m.ListOf) else f.type
        if isinstance(inner, m.Obj):
            yield from _fields(inner.fields, prefix + f.name + ".")


def test_every_field_is_documented_in_the_schema():
    for rtype in m.RECORD_TYPES.values():
        text = json.dumps(schemas()[f"{rtype.name}.schema.json"], ensure_ascii=False)
        for path, f in _fields(rtype.all_fields):
            assert f.help and f.help in text, f"{rtype.name}.{path}"


# --------------------------------------------------------------------------
# Patterns every JSON Schema validator accepts, messages the editor shows in Dutch
# --------------------------------------------------------------------------

import subprocess  # noqa: E402
import sys  # noqa: E402

import regress  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from swvsite.content import schema as schema_module  # noqa: E402

# Keywords whose message the YAML extension of the editor has in English only.
ENGLISH_ONLY = {"minLength", "maxLength", "minItems", "maxItems", "minProperties", "not",
                "multipleOf", "exclusiveMinimum", "exclusiveMaximum", "format", "const"}
# Keywords whose failure the editor reports with the subschema's errorMessage.
NEEDS_ERROR_MESSAGE = {"type", "enum", "required", "additionalProperties", "contains"}


def _subschemas(node, path="#"):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            if key in ("properties", "$defs"):
                for name, sub in value.items():
                    yield from _subschemas(sub, f"{path}/{key}/{name}")
            elif key in ("allOf", "anyOf", "oneOf"):
                for index, sub in enumerate(value):
                    yield from _subschemas(sub, f"{path}/{key}/{index}")
            elif key in ("items", "contains", "else", "then"):
                yield from _subschemas(value, f"{path}/{key}")


def _patterns():
    for name, schema in schemas().items():
        for path, node in _subschemas(schema):
            if "pattern" in node:
                yield f"{name}{path}", node["pattern"]


def test_check_jsonschema_accepts_the_schemas_with_ecma_regexes():
    files = sorted(str(p) for p in (ROOT / "schemas").glob("*.json"))
    for variant in ("default", "nonunicode"):  # ECMA-262 with and without the u flag
        result = subprocess.run(
            [sys.executable, "-m", "check_jsonschema", "--check-metaschema",
             "--regex-variant", variant, *files], capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr


def test_every_pattern_is_ecma_262_with_and_without_the_u_flag():
    patterns = list(_patterns())
    assert len(patterns) > 50
    for where, pattern in patterns:
        for flags in ("", "u"):
            try:
                regress.Regex(pattern, flags)
            except regress.RegressError as error:
                pytest.fail(f"{where}: {pattern!r} is not ECMA-262 (flags {flags!r}): {error}")
        assert "\\s" not in pattern.replace("[\\s\\S]", ""), where  # \s differs per engine
        assert "\\d" not in pattern and "\\w" not in pattern, where


def test_the_editor_messages_are_dutch():
    for name, schema in schemas().items():
        for path, node in _subschemas(schema):
            if path.endswith("/if"):
                continue
            english = ENGLISH_ONLY & set(node)
            assert not english, f"{name}{path}: {english} has an English message in the editor"
            if NEEDS_ERROR_MESSAGE & set(node) and node.get("additionalProperties") is not True:
                assert "errorMessage" in node, f"{name}{path}"
            if "pattern" in node:
                assert "patternErrorMessage" in node, f"{name}{path}"
            for key in ("errorMessage", "patternErrorMessage"):
                if key in node:
                    assert not re.search(r"\b(the|is not|must|expected)\b", node[key]), node[key]


def _validator(name):
    return Draft202012Validator(schemas()[name])


@pytest.mark.parametrize("data, expected", [
    ({"naam": None}, "Dit veld is verplicht: Naam van de voorziening."),
    ({"gemeentee": "Tilburg"}, "Dit veld bestaat niet in dit bestand."),
    ({"type": "speciaal"}, "Kies een van: sbo (Speciaal basisonderwijs (SBO));"),
    ({"contact": {"email": "geen-mail"}},
     "Vul een e-mailadres in, bijvoorbeeld: loket@voorbeeld.nl."),
    ({"tlv_nodig": "misschien"}, "Vul ja of nee in."),
    ({"sector": []}, "De lijst is leeg; zet er minstens één item in."),
    ({"leeftijd": {"van": 31}}, "Vul een geheel getal in van 0 tot en met 30."),
])
def test_a_mistake_gets_a_dutch_message_that_says_what_to_write(data, expected):
    """The messages the editor would show: errorMessage or patternErrorMessage of
    the failing subschema (jsonschema's own message is English)."""
    messages = []
    for error in _validator("voorziening.schema.json").iter_errors(data):
        for e in [error, *error.context]:
            key = "patternErrorMessage" if e.validator == "pattern" else "errorMessage"
            if isinstance(e.schema, dict) and key in e.schema:
                messages.append(e.schema[key])
    assert any(message.startswith(expected) for message in messages), messages


def test_a_missing_required_field_names_it():
    messages = [e.schema.get("errorMessage") for e in
                _validator("voorziening.schema.json").iter_errors({"type": "opdc"})]
    assert "Het veld 'naam' ontbreekt; het is verplicht. Naam van de voorziening." in messages


DIGITS = st.from_regex(r"\A\+?0{0,2}[0-9]{1,12}\Z")


@settings(max_examples=300, deadline=None)
@given(DIGITS)
def test_a_valid_value_written_as_bare_digits_passes_as_a_number(text):
    """YAML 1.2 reads `0131234567` as 131234567 and `00` as 0: wherever the model's
    pattern accepts such digits, the schema accepts the number."""
    for ftype in (m.Vestigingsnummer, m.Telefoon, m.Slug, m.Brin, m.Postcode, m.DOEL_PAD):
        if not re.match(ftype.regex, text):
            continue
        assert ftype.regex in schema_module.NUMBER_READINGS, (ftype.what, text)
        schema = {"$defs": {}, **schema_module._value(ftype, {})}
        assert Draft202012Validator(schema).is_valid(int(text)), (ftype.what, text)
