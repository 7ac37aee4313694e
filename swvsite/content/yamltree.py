"""From a file's bytes to its YAML node tree, safely.

Decoding accepts only UTF-8 (a BOM is allowed) and says what else a file is
saved as. The node tree is composed from the parser's events without
recursion (PyYAML's C composer recurses and crashes the interpreter on
deeply nested input), refusing aliases, several documents, deep nesting and
very many nodes before they cost time or memory. The nodes are the
validator's (`swvsite.content.validate`).
"""

from __future__ import annotations

import re

import yaml

from swvsite.content.problems import Problem
from swvsite.content.yamlmessages import dotted, line_at
from swvsite.content.yamlnodes import MAX_DEPTH, Mapping, Node, Scalar, Sequence

try:  # The C parser is about 5x faster; fall back to pure Python where it is missing.
    from yaml import CSafeLoader as SafeLoader
    _OFFSETS_IN_BYTES = True  # libyaml reports reader errors at a UTF-8 byte offset
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]
    _OFFSETS_IN_BYTES = False

# The largest demo file has about 350 nodes; this allows a begrippenlijst of
# thousands of entries and keeps a hostile file's node tree small.
MAX_NODES = 50_000


# Line breaks for YAML 1.1 but not for most editors: refused, so that line
# numbers in messages are the ones staff see.
_ODD_LINE_BREAKS = "\x85\u2028\u2029"
_ODD_LINE_BREAK = re.compile(f"[{_ODD_LINE_BREAKS}]")


SAVE_AS_UTF8 = "sla het op als UTF-8 (in de meeste editors: 'Opslaan als' en kies UTF-8)"


def decode(raw: bytes) -> str | Problem:
    """UTF-8 text of a file (a BOM is allowed), or a Problem saying what is wrong."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return Problem("", 1, None, f"het bestand is opgeslagen als UTF-32; {SAVE_AS_UTF8}")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_utf16(raw):
        return Problem("", 1, None, f"het bestand is opgeslagen als UTF-16; {SAVE_AS_UTF8}")
    if b"\x00" in raw:
        before = raw[: raw.index(b"\x00")].decode("utf-8", "replace")
        line = line_at(before, len(before))
        return Problem("", line, None, "dit is geen tekstbestand: het bevat binaire gegevens "
                       "(een NUL-teken)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", "replace")
        line = line_at(before, len(before))
        return Problem("", line, None, "het bestand is niet opgeslagen als UTF-8"
                       + _cp1252_hint(raw[exc.start:exc.end + 1]) + f"; {SAVE_AS_UTF8}")
    # Looking for three characters is much faster than searching with the pattern.
    odd = _ODD_LINE_BREAK.search(text) if any(c in text for c in _ODD_LINE_BREAKS) else None
    if odd:
        return Problem("", line_at(text, odd.start()), None, (
            f"het bestand bevat een ongewoon regeleinde (U+{ord(odd.group()):04X}), vaak uit "
            "Word of een pdf; typ deze regel opnieuw"))
    return text


def _looks_like_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte order mark: mostly text with a NUL in every other byte."""
    sample = raw[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return False
    even, odd = sample[0::2], sample[1::2]
    return any(half.count(0) >= 0.7 * len(half) and other.count(0) == 0
               for half, other in ((even, odd), (odd, even)))


def _cp1252_hint(bad: bytes) -> str:
    """Which character a Windows-1252 byte was meant to be, if it looks like one."""
    try:
        char = bad[:1].decode("cp1252")
    except UnicodeDecodeError:
        return ""
    if not char.isprintable():
        return ""
    return (f" (er staat een '{char}' in de codering Windows-1252, zoals bij tekst uit Word of "
            "Excel)")


def reader_error_line(text: str, position: int) -> int:
    if _OFFSETS_IN_BYTES:
        position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
    return line_at(text, position)


class Refused(Exception):
    """YAML that is well-formed but not accepted as content; has a line and a message."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


ALIAS_MESSAGE = ("ankers en verwijzingen (& en *) zijn niet toegestaan; schrijf de tekst gewoon "
                 "uit")
MULTI_DOCUMENT_MESSAGE = ("het bestand bevat meer dan één YAML-document: een regel met alleen "
                          "'---' begint een nieuw document; haal die regel weg of zet het andere "
                          "document in een eigen bestand")


TOO_DEEP_MESSAGE = f"de inhoud is te diep genest (meer dan {MAX_DEPTH} niveaus)"
TOO_MANY_NODES_MESSAGE = (f"het bestand bevat te veel onderdelen (meer dan {dotted(MAX_NODES)}); "
                          "verdeel de inhoud over meer bestanden")

STR_TAG = "tag:yaml.org,2002:str"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"


def compose(text: str) -> Node | None:
    """The node tree of one YAML document (None if there is none).

    The same tree as `yaml.compose(text, Loader=SafeLoader)` for accepted
    input (same tags, values, structure and lines), but made of the
    validator's lighter nodes, composed without recursion, and raising
    `Refused` for aliases, a second document, more than MAX_NODES nodes and
    nesting deeper than MAX_DEPTH levels. Tags are kept as PyYAML keeps them;
    the validator refuses unknown ones."""
    loader = SafeLoader(text)
    try:
        return _compose_events(loader.get_event)
    finally:
        loader.dispose()


def _compose_events(next_event) -> Node | None:
    """Build the tree from the parser's events.

    There is one event per node, so this loop is where reading spends its
    time: it dispatches on the event's class, scalars (most nodes) first,
    keeps the open collections on lists instead of the call stack, and pairs
    a mapping's keys and values when the mapping ends. The limits are checked
    before a node is made. What is rare (the start of a collection, aliases,
    documents) is done by helpers: measured on the 10x benchmark content
    (942 files, CPU time), this loop is as fast as with everything inline."""
    open_nodes: list[Node] = []  # the collections being filled, outermost first
    # Theirs so far (a mapping's: key, value, key, ...), after the document's own list,
    # which receives the root node.
    children: list[list[Node]] = [[]]
    documents = nodes = 0
    too_deep_line = 0  # the last scalar nested deeper than MAX_DEPTH, reported at the end
    while True:
        event = next_event()
        kind = event.__class__
        if kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent \
                or kind is yaml.SequenceStartEvent:
            nodes += 1
            line = event.start_mark.line + 1
            if nodes > MAX_NODES:
                raise Refused(line, TOO_MANY_NODES_MESSAGE)
            tag = event.tag
            if kind is yaml.ScalarEvent:
                if tag is None or tag == "!":
                    tag = _scalar_tag(event.value, event.implicit[0])
                children[-1].append(Scalar(tag, event.value, line))
                if len(children) > MAX_DEPTH:
                    too_deep_line = line
                continue
            if len(children) > MAX_DEPTH:
                raise Refused(line, TOO_DEEP_MESSAGE)
            node, new_children = _collection(kind, tag, line)
            children[-1].append(node)
            open_nodes.append(node)
            children.append(new_children)
        elif kind is yaml.MappingEndEvent:
            flat = children.pop()
            # A mapping ends: the node open last is that mapping.
            open_nodes.pop().pairs = list(  # type: ignore[attr-defined]
                zip(flat[0::2], flat[1::2], strict=False))
        elif kind is yaml.SequenceEndEvent:
            open_nodes.pop()  # its items were added to it directly
            children.pop()
        elif kind is yaml.StreamEndEvent:
            if too_deep_line:
                raise Refused(too_deep_line, TOO_DEEP_MESSAGE)
            return next(iter(children[0]), None)
        else:
            documents = _other_event(event, kind, documents)


def _collection(kind: type, tag: str | None, line: int) -> tuple[Node, list[Node]]:
    """A new sequence or mapping, and the list that collects its children."""
    new_children: list[Node] = []
    if kind is yaml.SequenceStartEvent:
        return Sequence(SEQ_TAG if tag is None or tag == "!" else tag, line,
                        new_children), new_children
    return Mapping(MAP_TAG if tag is None or tag == "!" else tag, line, []), new_children


def _other_event(event: yaml.Event, kind: type, documents: int) -> int:
    """Refuse an alias or a second document; the number of documents so far.
    Nothing to do at the start of the stream and the end of a document."""
    if kind is yaml.AliasEvent:
        raise Refused(_line_of(event), ALIAS_MESSAGE)
    if kind is yaml.DocumentStartEvent:
        documents += 1
        if documents > 1:
            raise Refused(_line_of(event), MULTI_DOCUMENT_MESSAGE)
    return documents


def _line_of(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark else 1


def _scalar_tag(value: str, plain: bool) -> str:
    """The tag PyYAML's resolver gives a scalar written without one.

    For a plain (unquoted) scalar the first implicit resolver, chosen by the
    value's first character, whose pattern matches; otherwise str. This is
    `BaseResolver.resolve` without its generic parts, which SafeLoader does
    not use (path resolvers and resolvers for any first character; a test
    checks both are absent). Short values that some resolver could match
    (numbers, dates, words such as 'nee', field names such as 'naam') repeat
    a lot, so their tags are remembered."""
    if not plain:
        return STR_TAG
    candidates = IMPLICIT_RESOLVERS.get(value[:1])
    if not candidates:
        return STR_TAG
    if len(value) > _REMEMBERED_LENGTH:
        return _first_match(value, candidates)
    tag = _remembered_tags.get(value)
    if tag is None:
        if len(_remembered_tags) >= _REMEMBERED_TAGS:
            _remembered_tags.clear()
        tag = _remembered_tags[value] = _first_match(value, candidates)
    return tag


def _first_match(value: str, candidates: tuple[tuple[str, re.Pattern], ...]) -> str:
    return next((tag for tag, pattern in candidates if pattern.match(value)), STR_TAG)


# SafeLoader's implicit resolvers, first character to (tag, pattern) pairs, as
# they are when this module is imported (a test checks that they still are).
IMPLICIT_RESOLVERS = {first: tuple(pairs)
                      for first, pairs in SafeLoader.yaml_implicit_resolvers.items()}
_REMEMBERED_LENGTH = 40
_REMEMBERED_TAGS = 20_000
_remembered_tags: dict[str, str] = {}


# A comment that starts right after a plain value's space: ` #1` in `naam: School #1`.
_CUT_HINT = re.compile(r"[ \t]#\S")
_COMMENT_AFTER = re.compile(r"[ \t]*#\S.*")


def cut_comments(text: str) -> dict[int, str]:
    """Lines where YAML cut a plain (unquoted) value at ' #', and what it cut off.

    YAML reads ` #` as the start of a comment. `# fictief` (with a space) is a
    comment staff wrote on purpose; `#1` or `#1f4e79` right after the value is
    almost always part of it, and silently lost. Keyed by the line the value
    starts on (for an empty value: the line of its field name)."""
    if not _CUT_HINT.search(text):
        return {}
    lines = text.splitlines()
    cut: dict[int, str] = {}
    loader = SafeLoader(text)
    try:
        previous_key_line = 0
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                return cut
            if not isinstance(event, yaml.ScalarEvent) or event.style not in (None, ""):
                continue
            end, start = event.end_mark, event.start_mark
            assert end is not None and start is not None  # the parser marks every event
            rest = lines[end.line][end.column:] if end.line < len(lines) else ""
            found = _COMMENT_AFTER.match(rest)
            if found:
                line = start.line + 1 if event.value else previous_key_line
                cut.setdefault(line, found.group().strip())
            previous_key_line = start.line + 1
    except yaml.YAMLError:
        return cut
    finally:
        loader.dispose()
