"""The JSON Schemas exported from the model: current, and agreeing with the
validator on real content."""

from __future__ import annotations

import json
import datetime as dt

import pytest
import yaml
from jsonschema import Draft202012Validator

from swvsite import model as m
from swvsite.schema import schemas

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
