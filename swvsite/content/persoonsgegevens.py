"""Refusing files that look like they hold personal data.

For record types that must never name a person (`RecordType.refuse_personal_data`,
such as the signalen), every line of the file is searched, comments and
unknown fields included: e-mail addresses, phone numbers, numbers that pass
the BSN check (elfproef), postcodes with a house number, and a name after
words such as "moeder van" or "leerling". Each finding becomes a Dutch
problem with file, line and field (or "in een opmerking"), and never repeats
what was found: the report of a check may end up in a CI log.

Plain Python, no MkDocs; `scan` works on the text alone, so it finds personal
data also in a file whose YAML is broken.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from swvsite.content.problems import Problem
from swvsite.content.yamlnodes import Mapping, Node, Scalar, Sequence
from swvsite.content.yamltree import compose, decode


class Vondst(NamedTuple):
    """Something that looks like personal data: where, what kind, and the text
    itself (kept to filter other messages, never shown)."""

    line: int
    in_comment: bool
    wat: str
    tekst: str


_CAPITAL_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+"
_EMAIL = re.compile(r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
# Dutch numbers: 0 and nine digits (spaces, dots, dashes and (0) allowed), +31 or 0031.
_TELEFOON = re.compile(r"(?<![\w+])(?:\+31|0031|0)[\s.-]*(?:\(0\)[\s.-]*)?[1-9](?:[\s.-]*\d){8}"
                       r"(?![\d])")
# Nine digits, perhaps in groups: checked with the elfproef.
_NEGEN_CIJFERS = re.compile(r"(?<![\w.-])\d(?:[ .]?\d){8}(?![\w]|[.-]\d)")
_POSTCODE_HUISNUMMER = re.compile(
    r"\b[1-9]\d{3}(?:\s?[A-Z]{2}|[a-z]{2})\b\s*,?\s*\d{1,5}\b"
    r"|\b\d{1,5}[a-zA-Z]?\s*,?\s+[1-9]\d{3}\s?[A-Z]{2}\b")
_NAAM_NA = re.compile(
    r"\b(?i:(moeder|vader|ouders?|verzorgers?|zoon|dochter|kind|broer|zus|oma|opa)\s+van)"
    rf"\s+(?:de\s+|het\s+)?{_CAPITAL_WORD}"
    rf"|\b(?i:(leerlinge?))\s*:?\s+{_CAPITAL_WORD}")

_WHAT = {
    "email": "een e-mailadres",
    "telefoon": "een telefoonnummer",
    "bsn": "een burgerservicenummer (BSN)",
    "adres": "een adres (postcode met huisnummer)",
}


def scan(text: str) -> list[Vondst]:
    """Everything in `text` that looks like personal data, line by line."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        code, comment = split_comment(line)
        for part, in_comment in ((code, False), (comment, True)):
            if part:
                found += [Vondst(number, in_comment, wat, tekst) for wat, tekst in _in(part)]
    return found


def _in(part: str) -> list[tuple[str, str]]:
    found = [(_WHAT["email"], m.group()) for m in _EMAIL.finditer(part)]
    found += [(_WHAT["telefoon"], m.group()) for m in _TELEFOON.finditer(part)]
    found += [(_WHAT["bsn"], m.group()) for m in _NEGEN_CIJFERS.finditer(part)
              if elfproef(m.group())]
    found += [(_WHAT["adres"], m.group()) for m in _POSTCODE_HUISNUMMER.finditer(part)]
    for m in _NAAM_NA.finditer(part):
        word = " ".join((m.group(1) or m.group(2)).lower().split())
        after = f"'{word} van'" if m.group(1) else f"'{word}'"
        found.append((f"een naam van een persoon (na {after})", m.group()))
    return found


def elfproef(value: str) -> bool:
    """Whether nine digits pass the BSN check: 9·d1 + 8·d2 + ... + 2·d8 − d9 is a
    multiple of 11 (and not all digits are 0)."""
    digits = [int(c) for c in value if c.isdigit()]
    if len(digits) != 9 or not any(digits):
        return False
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0


def split_comment(line: str) -> tuple[str, str]:
    """A YAML line as (its content, its comment): a # at the start or after a
    space begins a comment, except inside quotes."""
    quote = None
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = None
        elif char in "'\"" and (index == 0 or line[index - 1] in " :-[{,"):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return line[:index], line[index + 1:]
    return line, ""


def problems(vondsten: list[Vondst], display: str, fields: dict[int, str]) -> list[Problem]:
    """One problem per finding; `fields` maps a line to the field on it."""
    result = []
    for vondst in vondsten:
        field = None if vondst.in_comment else fields.get(vondst.line)
        if field and any(v.tekst in field for v in vondsten):
            field = None  # a field name with personal data in it is not repeated either
        where = "in een opmerking (na #) " if vondst.in_comment else (
            "hier " if field else "op deze regel ")
        result.append(Problem(display, vondst.line, field, (
            f"{where}staat iets dat lijkt op {vondst.wat}. In dit bestand horen geen "
            "persoonsgegevens, alleen aantallen: haal het weg (ook uit opmerkingen)")))
    return result


def without_echoes(others: list[Problem], vondsten: list[Vondst]) -> list[Problem]:
    """The other problems of a file, leaving out those on a line with personal
    data and those whose message or field would repeat it."""
    lines = {v.line for v in vondsten}
    texts = [v.tekst for v in vondsten]
    return [p for p in others
            if p.line not in lines
            and not any(t in (p.message or "") or t in (p.field or "") for t in texts)]


def screen(raw: bytes, display: str, result: tuple) -> tuple:
    """`load`'s result for a file (record, problems, references, partial data)
    that may hold no personal data: unchanged when nothing is found; otherwise
    no record, the findings, and the other problems that do not repeat what was
    found."""
    text = decode(raw)
    if not isinstance(text, str):
        return result
    vondsten = scan(text)
    if not vondsten:
        return result
    try:
        fields = fields_by_line(compose(text))
    except Exception:  # noqa: BLE001 - broken YAML: the findings still have their line
        fields = {}
    record, others, refs, partial = result
    return (None, problems(vondsten, display, fields) + without_echoes(others, vondsten), refs,
            partial)


def fields_by_line(root: Node | None) -> dict[int, str]:
    """Line -> the path of the field written on it (`tellingen[2].gemeente`), from
    a node tree `yamltree.compose` made."""
    found: dict[int, str] = {}
    todo: list[tuple[Node, str]] = [(root, "")] if root is not None else []
    while todo:
        node, path = todo.pop()
        if isinstance(node, Mapping):
            for key, value in node.pairs:
                name = key.value if isinstance(key, Scalar) else "?"
                child = f"{path}.{name}" if path else str(name)
                found[key.line] = child
                todo.append((value, child))
        elif isinstance(node, Sequence):
            for index, item in enumerate(node.items, start=1):
                child = f"{path}[{index}]"
                found[item.line] = child
                todo.append((item, child))
        elif isinstance(node, Scalar) and path:
            found[node.line] = path
    return found
