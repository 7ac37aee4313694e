"""JSON Schema export of the content model, for editors and other tools.

Generated from `model`, never written by hand: `swvsite schema` writes one file
per record type into schemas/, and a test keeps the committed copies current.

The schemas are written for the YAML extension of VS Code and github.dev
(redhat yaml-language-server), which reads YAML 1.2 (`00` is the number 0,
`ja` and `2026-09-01` are text) and shows, for a value that is wrong:

- `errorMessage` of the (sub)schema whose `type`, `enum`, `required`,
  `additionalProperties` or `contains` fails;
- `patternErrorMessage` of the (sub)schema whose `pattern` fails.

Every other keyword (`minLength`, `maxLength`, `minimum`, `maximum`, `minItems`,
`not`) has a fixed English message there, so those constraints are written
with the keywords above instead: a length as a pattern, a minimum number of
items as `contains`, a range as `if`/`else`. Each check is a subschema of its
own, so that each mistake gets its own Dutch message. Only `uniqueItems` has
no such alternative; the editor says "Array has duplicate items." for it.

The schemas accept what `swvsite check` accepts (tests/test_schema_agrees.py
compares the two on real files): `swvsite check` strips spaces around a
value, treats an empty value as a missing one and reads text, ids and numbers
as the characters written, so `naam: 12` is text and `vestiging: 00` a valid
vestigingsnummer. Every pattern is valid ECMA-262, with and without the u flag,
and means the same in Python: no `\\s`, `\\d` or `\\w` (whose meaning differs),
only escapes every engine knows.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from swvsite.content import model as m

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_BASE = "urn:swvsite:schema:"

NOT_NULL = ["string", "number", "boolean", "array", "object"]


def _char_class(chars: str) -> str:
    """The characters as the inside of a regex character class, each as \\uXXXX."""
    codes = sorted({ord(c) for c in chars})
    parts, start = [], None
    for i, code in enumerate(codes):
        if start is None:
            start = code
        if i + 1 == len(codes) or codes[i + 1] != code + 1:
            parts.append(f"\\u{start:04x}" if start == code else f"\\u{start:04x}-\\u{code:04x}")
            start = None
    return "".join(parts)


# The whitespace Python's str.strip() removes and its re module calls \s: what
# `swvsite check` ignores around a value (the check strips every value).
SPACE = _char_class("".join(chr(c) for c in range(0x10000) if chr(c).isspace()))
PAD = f"[{SPACE}]*"
# The characters `swvsite check` refuses in any value (characters.is_control),
# as far as a pattern can name them the same way in every engine: not the lone
# surrogates and not the noncharacters beyond U+FFFF (see the test's list).
CONTROL = ("\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ufeff"
           "\\ufdd0-\\ufdef\\ufffe\\uffff")
NO_CONTROL = f"^[^{CONTROL}]*$"
ANY = "[\\s\\S]"  # any character in every engine (`.` skips line breaks)

# Link schemes a Markdown link may use (validate.SAFE_LINK), without the i flag.
SAFE_SCHEME = ("(?:[hH][tT][tT][pP][sS]?://|[mM][aA][iI][lL][tT][oO]:|[tT][eE][lL]:|#)")


def _never(expression: str) -> str:
    """A pattern that matches a text only if `expression` occurs nowhere in it."""
    return f"^(?!{ANY}*(?:{expression}))"


# The Markdown checks of validate.UNSAFE_MARKDOWN, LINK_TARGET and LINK_DEFINITION.
MARKDOWN_CHECKS = (
    (_never("<[A-Za-z!/?]"),
     "HTML is niet toegestaan; schrijf gewone tekst. Opmaak kan met **vet**, *schuin*, "
     "een lijst (- ) en [tekst](https://...)."),
    ("^[^{]*$",
     "Het teken '{' is niet toegestaan in dit veld (het wordt gebruikt voor sjablonen en "
     "opmaakcodes); laat het weg of gebruik haakjes ( )."),
    (_never("!\\["), "Afbeeldingen zijn niet toegestaan."),
    (_never(f"(?:^|\\n)[{SPACE}]{{0,3}}#"),
     "Koppen (#) zijn niet toegestaan in dit veld; begin de regel niet met #."),
    (_never(f"\\]\\({PAD}(?![{SPACE}])(?:<(?!{SAFE_SCHEME})|(?!<)(?!{SAFE_SCHEME}))"),
     "Deze link is niet toegestaan: een link begint met https://, mailto: of tel:, "
     "bijvoorbeeld [tekst](https://www.voorbeeld.nl)."),
    (_never(f"(?:^|\\n) {{0,3}}\\[[^\\]]+\\]:[ \\t]*(?![ \\t])"
            f"(?:<(?!{SAFE_SCHEME})|(?!<)(?!{SAFE_SCHEME}))"),
     "Deze link is niet toegestaan: een link begint met https://, mailto: of tel:."),
)

CONTROL_MESSAGE = ("De tekst bevat een onzichtbaar stuurteken; typ de tekst opnieuw in plaats "
                   "van hem te plakken.")

# Pattern fields whose valid values can be written as bare digits, which YAML
# 1.2 reads as a number (`00` is 0, `0131234567` is 131234567, `+31...` is
# 31...). The schema cannot see the digits as written, so it accepts the
# numbers such a value can be: (minimum, maximum or None). A test checks
# that every digit string a pattern accepts is a number accepted here.
NUMBER_READINGS: dict[str, tuple[int, int | None]] = {
    m.Vestigingsnummer.regex: (0, 99),
    m.Telefoon.regex: (0, None),
    m.SLUG_REGEX: (0, None),
    m.DOEL_PAD.regex: (0, None),
}

# ECMA-262 in unicode mode allows a backslash only before these (and letters
# that make an escape): everywhere else it must go.
_SYNTAX = set("^$\\.*+?()[]{}|/")
_LETTER_ESCAPES = set("bBdDsSwWnrtfv0ux")


def ecma(regex: str) -> str:
    """A model regex as ECMA-262 text that means the same in Python and in
    ECMA, with and without the u flag: needless escapes (`\\"`) dropped, `\\d`
    (Unicode digits in Python, ASCII in ECMA) written as [0-9]."""
    out, i, in_class = [], 0, False
    while i < len(regex):
        char = regex[i]
        if char == "\\":
            nxt = regex[i + 1]
            if nxt == "d":
                out.append("0-9" if in_class else "[0-9]")
            elif nxt == "s":  # Python's \s is exactly SPACE; ECMA's is another set
                out.append(SPACE if in_class else f"[{SPACE}]")
            elif nxt in "SwWD":
                raise ValueError(f"{regex!r}: \\{nxt} differs between engines")
            elif nxt in _SYNTAX or nxt in _LETTER_ESCAPES or (nxt == "-" and in_class):
                out.append(char + nxt)
            else:
                out.append(nxt)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


def _body(regex: str) -> str:
    if not (regex.startswith("^") and regex.endswith("$")):
        raise ValueError(f"model patterns are anchored: {regex!r}")
    return regex[1:-1]


def _spaced(body: str, separators: str) -> str:
    """`body` with any number of `separators` allowed after every character
    or character class: the pattern of a value from which `swvsite check`
    removes those characters before it matches (telephone numbers)."""
    sep = f"[{separators}]*"
    out, i = [], 0
    while i < len(body):
        char = body[i]
        if char in "(|)":
            if body.startswith("(?:", i):
                out.append("(?:")
                i += 3
                continue
            out.append(char)
            i += 1
            continue
        if char == "[":
            end = body.index("]", i + 1)
            atom = body[i:end + 1]
            i = end + 1
        elif char == "\\":
            atom = body[i:i + 2]
            i += 2
        else:
            atom = char
            i += 1
        quantifier = re.match(r"\{\d+(,\d*)?\}|[?*+]", body[i:])
        if quantifier:
            i += quantifier.end()
            out.append(f"(?:{atom}{sep}){quantifier.group()}")
        else:
            out.append(f"{atom}{sep}")
    return "".join(out)


def value_pattern(ftype: m.Pattern) -> str:
    """The JSON Schema pattern of a Pattern field: the model's regex, allowing
    what `swvsite check` takes away first (spaces around it; for a telephone
    number spaces, brackets and dashes anywhere)."""
    body = ecma(_body(ftype.regex))
    if ftype.normalise_spaces:
        return f"^[{SPACE}()-]*{_spaced(body, SPACE + '()-')}$"
    return f"^{PAD}(?:{body}){PAD}$"


# A date as datetime.date.fromisoformat reads ten characters: an existing day
# of the years 0001 to 9999, or an ISO week date (2026-W36-1).
_DAY = ("(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
        "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
        "|02-(?:0[1-9]|1[0-9]|2[0-8]))")
_LEAP = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_YEAR = "(?!0000)[0-9]{4}"
_WEEK = "(?:W(?:0[1-9]|[1-4][0-9]|5[0-3])-[1-7])"
DATE_PATTERN = f"^{PAD}(?:{_YEAR}-{_DAY}|{_LEAP}-02-29|{_YEAR}-{_WEEK}){PAD}$"

# What `swvsite check` accepts for ja/nee: ja or nee in any case, and the YAML
# 1.1 words for true and false that YAML 1.2 reads as text.
BOOLEAN_PATTERN = (f"^(?:{PAD}(?:[jJ][aA]|[nN][eE][eE]){PAD}"
                   "|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$")


# --------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _example_text(value) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(_example_text(v) for v in value)
    return str(value)


def _choices(ftype: m.Choice) -> str:
    return "; ".join(f"{value} ({label})" for value, label in ftype.options.items())


def _what_to_write(ftype: m.FieldType, example) -> str:
    """One Dutch sentence: what belongs in a field of this type."""
    if isinstance(ftype, m.Choice):
        return f"Kies een van: {_choices(ftype)}."
    if isinstance(ftype, m.Pattern):
        return f"Vul een {ftype.what} in, bijvoorbeeld: {example or ftype.example}."
    if isinstance(ftype, m.Ref):
        return (f"Vul de id van een {ftype.target} in (kleine letters, cijfers en streepjes)"
                + (f", bijvoorbeeld: {_example_text(example)}." if example else "."))
    if isinstance(ftype, m.Date):
        return f"Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld {example or '2026-09-01'}."
    if isinstance(ftype, m.Boolean):
        return "Vul ja of nee in."
    if isinstance(ftype, m.Integer):
        return f"Vul een geheel getal in{_range_text(ftype)}."
    if isinstance(ftype, m.ListOf):
        return ("Zet elk item op een eigen regel met een streepje (- ) ervoor"
                + (f", bijvoorbeeld: - {_example_text(example[0])}." if example else "."))
    if isinstance(ftype, m.Obj):
        return "Hier horen velden (naam: waarde): " + ", ".join(f.name for f in ftype.fields) + "."
    assert isinstance(ftype, (m.Text, m.Markdown)), ftype  # every other type is handled above
    kind = "tekst (met opmaak)" if isinstance(ftype, m.Markdown) else "tekst"
    limit = f" van hoogstens {ftype.max_length} tekens" if ftype.max_length else ""
    return f"Vul {kind}{limit} in" + (f", bijvoorbeeld: {example}." if example else ".")


def _range_text(ftype: m.Integer) -> str:
    if ftype.minimum is not None and ftype.maximum is not None:
        return f" van {ftype.minimum} tot en met {ftype.maximum}"
    if ftype.minimum is not None:
        return f" van minstens {ftype.minimum}"
    if ftype.maximum is not None:
        return f" van hoogstens {ftype.maximum}"
    return ""


# --------------------------------------------------------------------------
# Schemas
# --------------------------------------------------------------------------


def _fail(message: str) -> dict:
    """A schema that refuses a number with `message` (the `else` of a range)."""
    return {"type": "string", "errorMessage": message}


def _number_range(minimum: int | None, maximum: int | None, message: str) -> dict:
    """Numbers outside the range refused with a Dutch message (`minimum` and
    `maximum` have English ones in the editor)."""
    bounds = {}
    if minimum is not None:
        bounds["minimum"] = minimum
    if maximum is not None:
        bounds["maximum"] = maximum
    return {"if": bounds, "else": _fail(message)}


def record_schema(rtype: m.RecordType) -> dict:
    defs: dict[str, dict] = {}
    body = _obj_schema(m.Obj(rtype.name, rtype.all_fields), defs, "dit bestand")
    body["type"] = "object"
    body["errorMessage"] = (f"Het bestand is leeg of bestaat niet uit velden (naam: waarde). "
                            f"Een {rtype.title.lower()} heeft deze velden: "
                            + ", ".join(f.name for f in rtype.all_fields) + ".")
    schema = {
        "$schema": DIALECT,
        "$id": f"{SCHEMA_BASE}{rtype.name}",
        "title": rtype.title,
        "description": rtype.help,
        "markdownDescription": f"**{rtype.title}**\n\n{rtype.help}",
        **body,
    }
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return schema


def _value(ftype: m.FieldType, defs: dict[str, dict], example=None) -> dict:
    """The schema of a value of this type. An empty value (null) passes:
    `swvsite check` treats it as a missing one, which `_present` refuses
    where a value is required."""
    message = _what_to_write(ftype, example)
    if isinstance(ftype, m.Obj):
        return {"$ref": f"#/$defs/{_obj_def(ftype, defs)}"}
    if isinstance(ftype, m.ListOf):
        return _list(ftype, defs, example, message)
    if isinstance(ftype, (m.Text, m.Markdown)):
        return _text(ftype, message)
    if isinstance(ftype, m.Integer):
        schema: dict[str, object] = {"type": ["integer", "null"], "errorMessage": message}
        if ftype.minimum is not None or ftype.maximum is not None:
            schema["allOf"] = [_number_range(ftype.minimum, ftype.maximum, message)]
        return schema
    if isinstance(ftype, m.Boolean):
        return {"type": ["boolean", "string", "null"], "errorMessage": message,
                "pattern": BOOLEAN_PATTERN, "patternErrorMessage": message,
                "examples": ["ja", "nee"]}
    if isinstance(ftype, m.Date):
        return {"type": ["string", "null"], "errorMessage": message,
                "pattern": DATE_PATTERN, "patternErrorMessage": message,
                "examples": [example or "2026-09-01"]}
    if isinstance(ftype, m.Choice):
        options = list(ftype.options)
        padded = f"^{PAD}(?:{'|'.join(re.escape(o) for o in options)}){PAD}$"
        return {"anyOf": [
            {"enum": options, "enumDescriptions": list(ftype.options.values()),
             "markdownEnumDescriptions": list(ftype.options.values()),
             "errorMessage": message},
            {"type": "null", "errorMessage": message},
            {"type": "string", "pattern": ecma(padded), "patternErrorMessage": message,
             "errorMessage": message},
        ]}
    if isinstance(ftype, m.Ref):
        return _pattern(m.Pattern(m.SLUG_REGEX, f"id van een {ftype.target}", "een-id"),
                        message, example)
    if isinstance(ftype, m.Pattern):
        return _pattern(ftype, message, example)
    raise TypeError(f"no JSON Schema for {ftype!r}")


def _text(ftype: m.Text | m.Markdown, message: str) -> dict:
    # `swvsite check` reads any scalar as the text written: 12 and true are text too.
    checks = [
        {"pattern": f"[^{SPACE}]", "patternErrorMessage": "Dit veld is leeg. " + message},
        {"pattern": NO_CONTROL, "patternErrorMessage": CONTROL_MESSAGE},
    ]
    if ftype.max_length:
        checks.append({
            "pattern": f"^{PAD}{ANY}{{0,{ftype.max_length}}}{PAD}$",
            "patternErrorMessage": f"De tekst is te lang: het maximum is {ftype.max_length} "
                                   "tekens (spaties meegeteld)."})
    if isinstance(ftype, m.Markdown):
        checks += [{"pattern": p, "patternErrorMessage": text} for p, text in MARKDOWN_CHECKS]
        checks.append({"contentMediaType": "text/markdown"})
    return {"type": ["string", "number", "boolean", "null"], "errorMessage": message,
            "allOf": checks}


def _pattern(ftype: m.Pattern, message: str, example) -> dict:
    types = ["string", "null"]
    checks: list[dict] = [{"pattern": NO_CONTROL, "patternErrorMessage": CONTROL_MESSAGE}]
    compiled = re.compile(ftype.regex)
    if compiled.match("true") and compiled.match("false"):
        types.append("boolean")  # `id: true` is the text 'true' to swvsite check
    reading = NUMBER_READINGS.get(ftype.regex)
    if reading is not None:
        types.append("integer")
        checks.append(_number_range(*reading, message))
    return {"type": types, "errorMessage": message,
            "pattern": value_pattern(ftype), "patternErrorMessage": message,
            "allOf": checks, "examples": [example or ftype.example]}


def _list(ftype: m.ListOf, defs: dict[str, dict], example, message: str) -> dict:
    item_example = example[0] if isinstance(example, list) and example else None
    item = _present(_value(ftype.item, defs, item_example),
                    "Dit item in de lijst is leeg; vul het in of haal het streepje weg.")
    schema: dict = {"type": ["array", "null"], "errorMessage": "Hier hoort een lijst. " + message,
                    "items": item}
    if ftype.min_items:
        if ftype.min_items != 1:
            raise ValueError("a minimum of more than one item has no Dutch message yet")
        # `contains` (not `minItems`): its message is ours in the editor.
        schema["allOf"] = [{"contains": {}, "errorMessage": "De lijst is leeg; zet er minstens "
                            "één item in. " + message}]
    if ftype.unique:
        schema["uniqueItems"] = True
    return schema


def _present(schema: dict, message: str) -> dict:
    """`schema`, but an empty value (null) refused with `message`."""
    return {"allOf": [{"type": NOT_NULL, "errorMessage": message}, schema]}


def _obj_def(ftype: m.Obj, defs: dict[str, dict]) -> str:
    if ftype.name not in defs:
        defs[ftype.name] = {}  # reserved first: an Obj may contain itself
        schema = _obj_schema(ftype, defs, f"de groep '{ftype.name}'")
        schema["type"] = ["object", "null"]
        schema["errorMessage"] = _what_to_write(ftype, None)
        defs[ftype.name] = schema
    return ftype.name


def _obj_schema(ftype: m.Obj, defs: dict[str, dict], what: str) -> dict:
    """Fields, unknown fields and each required field as its own subschema,
    each with its own message."""
    properties = {f.name: _property(f, defs) for f in ftype.fields}
    names = ", ".join(f.name for f in ftype.fields)
    checks: list[dict] = [{
        "properties": properties,
        "additionalProperties": False,
        "errorMessage": f"Dit veld bestaat niet in {what}. Kijk of de naam goed gespeld is "
                        f"(kleine letters); de velden zijn: {names}.",
    }]
    for f in ftype.fields:
        if f.required:
            checks.append({"required": [f.name],
                           "errorMessage": f"Het veld '{f.name}' ontbreekt; het is verplicht. "
                                           f"{_sentence(f.help)}"})
    return {"allOf": checks}


def _property(f: m.Field, defs: dict[str, dict]) -> dict:
    value = _value(f.type, defs, f.example)
    if f.required:
        value = _present(value, f"Dit veld is verplicht: {_sentence(f.help)} "
                         + _what_to_write(f.type, f.example))
    described = {"description": _description(f), "markdownDescription": _markdown(f)}
    examples = {"examples": [f.example]} if f.example is not None else {}
    return {**described, **examples, **value}


def _description(f: m.Field) -> str:
    flag = "Verplicht." if f.required else "Mag leeg blijven."
    return f"{_sentence(f.help)} {flag} {_what_to_write(f.type, f.example)}"


def _markdown(f: m.Field) -> str:
    flag = "**verplicht**" if f.required else "mag leeg blijven"
    text = f"{_sentence(f.help)}\n\n*{f.type.label}*, {flag}. {_what_to_write(f.type, f.example)}"
    if f.example is not None:
        shown = json.dumps(f.example, ensure_ascii=False) if isinstance(f.example, list) else (
            _example_text(f.example))
        text += f"\n\nVoorbeeld: `{f.name}: {shown}`"
    return text


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
