"""Editing an existing YAML file in place, keeping what staff wrote.

`swvsite import-scholen` (updating a school) and `swvsite new begrip`
(appending to the begrippenlijst) change files staff keep by hand. This module
is the one place that does that: a file is read through the hardened loader
(`swvsite.content.load.decode` and `compose`: UTF-8 only, no aliases, one
document, size and depth limits, Dutch messages), and only then given to
PyYAML's composer for the positions (index, column, quoting style) an edit
needs. An edit rewrites the text of one value or inserts the lines of one
field; comments, quoting, blank lines and the order of fields stay as they
were. An edit that cannot be made safely raises `Unsafe` with a Dutch reason,
and `verify` refuses any result that reads as more than the intended change.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from swvsite.content import load
from swvsite.content.problems import Problem
from swvsite.content.validate import Mapping, Node, Scalar, Sequence

NULL_TAG = "tag:yaml.org,2002:null"
STR_TAG = "tag:yaml.org,2002:str"


class Unsafe(Exception):
    """An edit that cannot be made without risking what staff wrote."""


class Unreadable(Exception):
    """The file cannot be read as content YAML; the message is Dutch."""


# --------------------------------------------------------------------------
# Reading and writing the text
# --------------------------------------------------------------------------


@dataclass
class RecordText:
    """A file's text with "\\n" line ends, and how to write it back as it was."""

    text: str
    bom: bool
    newline: str

    @classmethod
    def from_bytes(cls, raw: bytes) -> RecordText:
        """Decoded by the hardened loader; raises `Unreadable` with its message."""
        text = load.decode(raw)
        if isinstance(text, Problem):
            raise Unreadable(text.message)
        newline = "\r\n" if "\r\n" in text else "\n"
        return cls(text.replace("\r\n", "\n"), raw.startswith(b"\xef\xbb\xbf"), newline)

    def encoded(self) -> bytes:
        data = self.text.replace("\n", self.newline).encode("utf-8")
        return (b"\xef\xbb\xbf" if self.bom else b"") + data


def checked(text: str) -> Node | None:
    """The hardened node tree of `text` (lines, tags, values); raises `Unreadable`."""
    try:
        return load.compose(text)
    except load.Refused as exc:
        raise Unreadable(exc.message) from None
    except yaml.YAMLError as exc:
        raise Unreadable(f"dit is geen geldige YAML ({type(exc).__name__})") from None


def positioned(text: str) -> yaml.Node | None:
    """The node tree with positions, for text the hardened loader accepts.

    `checked` runs first: only a document without aliases, within the size
    and depth limits, reaches PyYAML's (recursive) composer."""
    checked(text)
    return yaml.compose(text, Loader=yaml.SafeLoader)


def child(node: yaml.Node | None, name: str) -> yaml.Node | None:
    """The value of field `name` in a positioned mapping, or None."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == name:
                return value
    return None


def scalar(node: yaml.Node | None) -> str | None:
    """The text of a positioned scalar that is not empty (null), or None."""
    if isinstance(node, yaml.ScalarNode) and node.tag != NULL_TAG:
        return node.value
    return None


def key_column(parent: yaml.MappingNode, name: str) -> int:
    for key, _ in parent.value:
        if isinstance(key, yaml.ScalarNode) and key.value == name:
            return key.start_mark.column
    return 0


# --------------------------------------------------------------------------
# Writing scalars
# --------------------------------------------------------------------------


def yaml_scalar(value: Any, *, flow: bool = False, style: str | None = None) -> str:
    """A YAML scalar for `value` that reads back as exactly that value.

    Strings stay plain where that is safe and get double quotes otherwise;
    `style` ("'" or '"') asks for a quoting style; `flow` for use inside [ ]
    or { }."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (int, dt.date)):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    text = str(value)
    if style == "'" and "\n" not in text:
        return "'" + text.replace("'", "''") + "'"
    if style != '"' and _plain_ok(text, flow):
        return text
    return json.dumps(text, ensure_ascii=False)


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or "\n" in text or " #" in text:
        return False
    if flow and any(c in text for c in ",[]{}"):
        return False
    try:
        loaded = yaml.safe_load(f"k: {text}\n")
    except yaml.YAMLError:
        return False
    return loaded == {"k": text}


# --------------------------------------------------------------------------
# Edits
# --------------------------------------------------------------------------

#: Lines of a field written at a column: `lines(column)`.
FieldLines = Callable[[int], list[str]]


def set_scalar(text: str, parent: yaml.Node | None, name: str, node: yaml.Node | None,
               value: str, insert: FieldLines, order: list[str], at_end: bool) -> str:
    """Field `name` of `parent` set to the one-line scalar `value`."""
    if not isinstance(parent, yaml.MappingNode):
        raise Unsafe("de groep velden eromheen ontbreekt")
    if node is None:
        return insert_field(text, parent, name, order, insert, at_end)
    if not isinstance(node, yaml.ScalarNode):
        raise Unsafe("hier staat een lijst of groep velden in plaats van één waarde")
    if node.style not in (None, "'", '"') or node.start_mark.line != node.end_mark.line:
        raise Unsafe("de waarde staat over meerdere regels")
    flow = bool(parent.flow_style)
    start, end = node.start_mark.index, node.end_mark.index
    if start == end:  # an empty value: `telefoon:`
        return text[:start] + " " + yaml_scalar(value, flow=flow) + text[end:]
    style = node.style if node.style in ("'", '"') else None
    return text[:start] + yaml_scalar(value, flow=flow, style=style) + text[end:]


def set_list(text: str, parent: yaml.Node | None, name: str, node: yaml.Node | None,
             items: list[str], insert: FieldLines, order: list[str], at_end: bool) -> str:
    """Field `name` of `parent` set to a list of one-line scalars."""
    if not isinstance(parent, yaml.MappingNode):
        raise Unsafe("de groep velden eromheen ontbreekt")
    if node is None:
        return insert_field(text, parent, name, order, insert, at_end)
    if isinstance(node, yaml.ScalarNode) and scalar(node) is None and not parent.flow_style:
        return _fill_empty_list(text, parent, name, node, items)
    if not isinstance(node, yaml.SequenceNode):
        raise Unsafe("hier staat geen lijst")
    if not all(isinstance(i, yaml.ScalarNode) and i.start_mark.line == i.end_mark.line
               for i in node.value):
        raise Unsafe("de lijst bevat iets anders dan losse waarden")
    if node.flow_style:
        if node.start_mark.line != node.end_mark.line:
            raise Unsafe("de lijst staat over meerdere regels")
        flow = "[" + ", ".join(yaml_scalar(i, flow=True) for i in items) + "]"
        return text[:node.start_mark.index] + flow + text[node.end_mark.index:]
    lines = text.split("\n")
    first = node.value[0].start_mark.line
    last = node.value[-1].end_mark.line
    block = lines[first:last + 1]
    if len(block) != len(node.value) or not all(
            re.fullmatch(r"\s*- [^#]*", line) for line in block):
        raise Unsafe("er staat commentaar of een lege regel in de lijst")
    dash = block[0].index("-")
    new = [" " * dash + f"- {yaml_scalar(i)}" for i in items]
    return "\n".join(lines[:first] + new + lines[last + 1:])


def _fill_empty_list(text: str, parent: yaml.MappingNode, name: str, node: yaml.ScalarNode,
                     items: list[str]) -> str:
    if node.start_mark.index != node.end_mark.index:
        raise Unsafe("hier staat geen lijst")
    lines = text.split("\n")
    key_line = node.start_mark.line
    column = key_column(parent, name)
    after = key_line + 1
    while after < len(lines) and re.fullmatch(r"\s+# -\s*", lines[after]):
        after += 1  # the template's placeholder item
    new = [" " * (column + 2) + f"- {yaml_scalar(i)}" for i in items]
    return "\n".join(lines[:key_line + 1] + new + lines[after:])


def fill_group(text: str, root: yaml.Node | None, name: str, body: FieldLines,
               insert: FieldLines, order: list[str]) -> str:
    """A missing or empty group field (such as `adres`) written out in full.

    `body(column)` gives the group's lines under its key, `insert(column)`
    the whole field with its key."""
    if not isinstance(root, yaml.MappingNode):
        raise Unsafe("de groep velden eromheen ontbreekt")
    node = child(root, name)
    if node is None:
        return insert_field(text, root, name, order, insert, at_end=True)
    if node.start_mark.index != node.end_mark.index:
        raise Unsafe(f"'{name}' is hier geen groep velden")
    lines = text.split("\n")
    key_line = node.start_mark.line
    new = body(key_column(root, name))
    return "\n".join(lines[:key_line + 1] + new + lines[key_line + 1:])


def insert_field(text: str, parent: yaml.MappingNode, name: str, order: list[str],
                 lines_at: FieldLines, at_end: bool) -> str:
    """Insert field `name` into a block mapping, next to its neighbours in
    `order` (the model's order of the mapping's fields). `at_end` allows
    adding it at the end of the file when it has no neighbour to go by."""
    if parent.flow_style:
        raise Unsafe("het veld ontbreekt en de groep staat op één regel")
    if not parent.value:
        raise Unsafe("het veld ontbreekt")
    column = parent.value[0][0].start_mark.column
    present = {k.value: (k, v) for k, v in parent.value if isinstance(k, yaml.ScalarNode)}
    lines = text.split("\n")
    position = order.index(name)
    at = None
    before = [n for n in order[:position] if n in present]
    after = [n for n in order[position + 1:] if n in present]
    if before:
        key, value_node = present[before[-1]]
        if isinstance(value_node, yaml.ScalarNode) and (
                value_node.start_mark.line == value_node.end_mark.line == key.start_mark.line):
            at = key.start_mark.line + 1
    if at is None and after:
        key, _ = present[after[0]]
        at = key.start_mark.line
        while at > 0 and lines[at - 1].startswith(" " * column + "#"):
            at -= 1  # keep a comment above the next field with that field
    if at is None and at_end:
        at = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
    if at is None:
        raise Unsafe("het veld ontbreekt en er is geen plek om het veilig toe te voegen")
    return "\n".join(lines[:at] + lines_at(column) + lines[at:])


# --------------------------------------------------------------------------
# Checking an edit
# --------------------------------------------------------------------------


def plain(node: Node | None) -> Any:
    """A hardened node tree as comparable data: mappings as dicts, lists,
    strings for text, None for empty values and (tag, text) for the rest."""
    if isinstance(node, Mapping):
        return {plain(k): plain(v) for k, v in node.pairs}
    if isinstance(node, Sequence):
        return [plain(item) for item in node.items]
    if isinstance(node, Scalar):
        if node.tag == NULL_TAG:
            return None
        return node.value if node.tag == STR_TAG else (node.tag, node.value)
    return None


def verify(old_text: str, new_text: str, path: tuple[str, ...], value: Any) -> None:
    """The edited text must read as the old one with only field `path` set to
    `value` (text, a list of texts or a group of texts)."""
    try:
        old = plain(checked(old_text))
        new = plain(checked(new_text))
    except Unreadable:
        raise Unsafe("de aanpassing zou de YAML onleesbaar maken") from None
    expected = old if isinstance(old, dict) else {}
    target = expected
    for name in path[:-1]:
        if not isinstance(target.get(name), dict):
            target[name] = {}
        target = target[name]
    target[path[-1]] = value
    if new != expected:
        raise Unsafe("de aanpassing zou ook iets anders in het bestand veranderen")


# --------------------------------------------------------------------------
# Appending an item to a block list (the begrippenlijst)
# --------------------------------------------------------------------------


def block_list(text: str, name: str) -> yaml.SequenceNode | None:
    """The block list (one `- ` item per line) under top-level field `name`,
    or None when there is none; raises `Unreadable`."""
    root = positioned(text)
    value = child(root, name)
    if isinstance(value, yaml.SequenceNode) and not value.flow_style:
        return value
    return None


def list_items(text: str, name: str) -> list[Any] | None:
    """The list under top-level field `name` as `plain` data, read through the
    hardened loader; None when there is no list."""
    root = plain(checked(text))
    items = root.get(name) if isinstance(root, dict) else None
    return items if isinstance(items, list) else None


def append_item(text: str, sequence: yaml.SequenceNode, entry: FieldLines,
                default_column: int = 4) -> str:
    """`text` with the lines `entry(dash_column)` after the last item of
    `sequence`, separated by a blank line where the list uses them."""
    item_col = sequence.value[0].start_mark.column if sequence.value else default_column
    lines = text.split("\n")
    dash_col = _dash_column(lines, sequence, item_col)
    insert_at = _end_of_block(lines, sequence, dash_col)
    before = lines[:insert_at]
    blank = [""] if before and before[-1].strip() and _uses_blank_lines(text) else []
    new_text = "\n".join(before + blank + entry(dash_col) + lines[insert_at:])
    return new_text if new_text.endswith("\n") else new_text + "\n"


def verify_appended(old_text: str, new_text: str, name: str) -> Any:
    """The new text must read as the old list under `name` plus one item;
    returns that item (as `plain` data) or raises `Unsafe`."""
    try:
        shaped = block_list(new_text, name) is not None
        before, after = list_items(old_text, name), list_items(new_text, name)
    except Unreadable:
        raise Unsafe("de aanpassing zou de YAML onleesbaar maken") from None
    if not shaped or before is None or after is None or len(after) != len(before) + 1 \
            or after[:-1] != before:
        raise Unsafe("de lijst zou ook op een andere plek veranderen")
    return after[-1]


def text_of(value: Any) -> str:
    """A scalar of `plain` data as text: (tag, text) gives its text."""
    return value[1] if isinstance(value, tuple) else str(value)


def _dash_column(lines: list[str], sequence: yaml.SequenceNode, item_col: int) -> int:
    if sequence.value:
        line = lines[sequence.value[0].start_mark.line]
        found = line.rfind("-", 0, item_col)
        if found >= 0:
            return found
    return max(item_col - 2, 0)


def _end_of_block(lines: list[str], sequence: yaml.SequenceNode, dash_col: int) -> int:
    """Index of the line after the last line that belongs to the list."""
    last = sequence.start_mark.line
    for number in range(sequence.start_mark.line, len(lines)):
        line = lines[number]
        stripped = line.lstrip()
        if not stripped:
            continue
        col = len(line) - len(stripped)
        if stripped.startswith("#"):
            if col > dash_col:
                last = number
            continue
        if col < dash_col or (col == dash_col and not stripped.startswith("-")):
            break
        last = number
    return last + 1


def _uses_blank_lines(text: str) -> bool:
    return "\n\n  -" in text or "\n\n-" in text
