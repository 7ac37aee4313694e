"""JSON Schema export of the content model, for editors and other tools.

Generated from `model`, never written by hand: `swvsite schema` writes one file
per record type into schemas/, and a test keeps the committed copies current.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import model as m

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_BASE = "urn:swvsite:schema:"


def record_schema(rtype: m.RecordType) -> dict:
    defs: dict[str, dict] = {}
    body = _obj(m.Obj(rtype.name, rtype.all_fields), defs, inline=True)
    schema = {
        "$schema": DIALECT,
        "$id": f"{SCHEMA_BASE}{rtype.name}",
        "title": rtype.title,
        "description": rtype.help,
        **body,
    }
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return schema


def _field_type(ftype: m.FieldType, defs: dict[str, dict]) -> dict:
    if isinstance(ftype, m.Obj):
        return _obj(ftype, defs)
    if isinstance(ftype, m.ListOf):
        schema = {"type": "array", "items": _field_type(ftype.item, defs)}
        if ftype.min_items:
            schema["minItems"] = ftype.min_items
        if ftype.unique:
            schema["uniqueItems"] = True
        return schema
    if isinstance(ftype, (m.Text, m.Markdown)):
        schema = {"type": "string", "minLength": 1}
        if ftype.max_length:
            schema["maxLength"] = ftype.max_length
        if isinstance(ftype, m.Markdown):
            schema["contentMediaType"] = "text/markdown"
        return schema
    if isinstance(ftype, m.Integer):
        schema = {"type": "integer"}
        if ftype.minimum is not None:
            schema["minimum"] = ftype.minimum
        if ftype.maximum is not None:
            schema["maximum"] = ftype.maximum
        return schema
    if isinstance(ftype, m.Boolean):
        return {"anyOf": [{"type": "boolean"}, {"enum": ["ja", "nee"]}]}
    if isinstance(ftype, m.Date):
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if isinstance(ftype, m.Pattern):
        pattern = ftype.regex
        if ftype.normalise_spaces:  # the validator folds spaces and dashes first
            pattern = r"^\+?[0-9][0-9 ()-]{6,18}[0-9]$"
        return {"type": "string", "pattern": pattern, "examples": [ftype.example]}
    if isinstance(ftype, m.Choice):
        return {"enum": list(ftype.options), "enumDescriptions": list(ftype.options.values())}
    if isinstance(ftype, m.Ref):
        return {"type": "string", "pattern": m.SLUG_REGEX,
                "x-swvsite-ref": ftype.target}
    raise TypeError(f"no JSON Schema for {ftype!r}")


def _obj(ftype: m.Obj, defs: dict[str, dict], inline: bool = False) -> dict:
    properties = {}
    for f in ftype.fields:
        prop = _field_type(f.type, defs)
        prop = {"description": f.help, **prop} if "$ref" not in prop else {
            "description": f.help, "allOf": [prop]}
        if f.example is not None:
            prop.setdefault("examples", [f.example])
        properties[f.name] = prop
    schema = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    required = [f.name for f in ftype.fields if f.required]
    if required:
        schema["required"] = required
    if inline:
        return schema
    defs[ftype.name] = schema
    return {"$ref": f"#/$defs/{ftype.name}"}


def schemas() -> dict[str, dict]:
    """File name -> schema, for every record type."""
    return {f"{t.name}.schema.json": record_schema(t) for t in m.RECORD_TYPES.values()}


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = out / name
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


def describe_fields(rtype: m.RecordType) -> str:
    """The fields of a record type as an indented plain-text list, for staff."""
    where = f"content/{rtype.folder}/<id>.yml" if rtype.folder else f"content/{rtype.file}"
    lines = [f"{rtype.title} ({where})", rtype.help, ""]
    _describe(rtype.all_fields, lines, indent=0)
    return "\n".join(lines)


def _describe(fields: tuple[m.Field, ...], lines: list[str], indent: int) -> None:
    for f in fields:
        inner = f.type.item if isinstance(f.type, m.ListOf) else f.type
        kind = f"lijst van {inner.label}" if isinstance(f.type, m.ListOf) else f.type.label
        if isinstance(inner, m.Choice):
            kind += ": " + " | ".join(inner.options)
        flag = "verplicht" if f.required else "optioneel"
        lines.append(f"{'  ' * indent}{f.name} ({kind}, {flag}): {f.help}")
        if isinstance(inner, m.Obj):
            _describe(inner.fields, lines, indent + 1)
