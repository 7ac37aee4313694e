"""Validation of YAML nodes against the content model, and of the site as a whole.

Validation works on a YAML node tree (not on constructed Python values) so
that every problem can name the line it is on. It returns plain Python data
with every optional field present: missing scalars and objects are None,
missing lists are [].

The node tree is the one `yamltree.compose` makes: `Scalar`, `Mapping` and
`Sequence` nodes, lighter than PyYAML's (they keep the tag, the value and the
line, which is all validation needs). `compose` refuses aliases and nesting
deeper than MAX_DEPTH, so the tree has no shared nodes; the validator walks it
only as deep as the model goes.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

import yaml

from swvsite.content import model as m
from swvsite.content.characters import first_control, quote
from swvsite.content.modelplans import plan_of, record_obj
from swvsite.content.problems import Problem
from swvsite.content.yamlnodes import Mapping, Node, Scalar, Sequence

# After this many problems in one file the rest is counted, not listed: a
# hostile file must not produce a report of hundreds of thousands of lines.
MAX_PROBLEMS_PER_FILE = 100
_constructor = yaml.constructor.SafeConstructor()

NULL_TAG = "tag:yaml.org,2002:null"
BOOL_TAG = "tag:yaml.org,2002:bool"
INT_TAG = "tag:yaml.org,2002:int"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# Tags a plain YAML value resolves to. Anything else was written explicitly
# (`!include`, `!!python/object`, `!!binary`, `%TAG` shorthands, ...): refused.
PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in (
    "str", "int", "float", "bool", "null", "timestamp", "merge", "value", "yaml", "seq", "map")}

JA_NEE = {"ja": True, "nee": False}

# Markdown fields: constructs that could smuggle HTML, attributes or foreign
# content into a page. Rejected with a clear message; render escapes them too.
# Each with a part every match contains, looked for first.
UNSAFE_MARKDOWN = (
    ("<", re.compile(r"<[A-Za-z!/?]"), "HTML is niet toegestaan; schrijf gewone tekst"),
    ("{", re.compile(r"\{"), "het teken '{' is niet toegestaan in dit veld (het wordt gebruikt "
     "voor sjablonen en opmaakcodes); laat het weg of gebruik haakjes ( )"),
    ("![", re.compile(r"!\["), "afbeeldingen zijn niet toegestaan"),
    ("#", re.compile(r"^\s{0,3}#", re.M), "koppen (#) zijn niet toegestaan in dit veld"),
)
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
# A link reference definition, `[naam]: adres`, makes `[tekst][naam]` a link.
LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s>]*)", re.M)
SAFE_LINK = re.compile(r"^(https?://|mailto:|tel:|#)", re.I)
# A link to a record or page of the site itself: `procedure:tlv-aanvragen`,
# `procedure:tlv-aanvragen#stap-2`, `vraag:wat-is-een-opp`, `pagina:contact`.
SITE_LINK = m.SITE_LINK
# Text in a plain-text field that looks like an HTML tag: shown literally, so refused.
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<!--")


# --------------------------------------------------------------------------
# Validating one file
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class PendingRef:
    """A reference to another record, which only the whole site can check;
    file, line and field say where to report it if there is no such record
    (a Problem is made only then: most references are fine)."""

    target: str
    value: str
    file: str
    line: int
    field: str
    # For a link in text (`procedure:tlv-aanvragen#stap-2`): the part after #,
    # and whether the reference is a link written in text (not an id field).
    anchor: str = ""
    in_text: bool = False


@dataclass
class Validator:
    """Validates the node tree of one file."""

    file: str
    source: str = ""  # the file's text (for the line count at its end)
    problems: list[Problem] = dc_field(default_factory=list)
    refs: list[PendingRef] = dc_field(default_factory=list)
    lines: dict[str, int] = dc_field(default_factory=dict)
    unlisted: int = 0  # problems counted but not listed, see MAX_PROBLEMS_PER_FILE
    first_unlisted_line: int = 1
    # Lines where YAML read the end of a plain value as a comment (' #...'):
    # line -> what was cut off (see yamltree.cut_comments).
    cut: dict[int, str] = dc_field(default_factory=dict)

    # -- reporting ---------------------------------------------------------

    def error(self, node: Node | None, path: str, message: str) -> None:
        line = node.line if node is not None else 1
        if self.full:
            self.unlisted += 1
            if self.unlisted == 1:
                self.first_unlisted_line = line
            return
        self.problems.append(Problem(self.file, line, path or None, message))

    @property
    def full(self) -> bool:
        """True once the file has as many problems as are listed."""
        return len(self.problems) >= MAX_PROBLEMS_PER_FILE

    # -- entry point -------------------------------------------------------

    def record(self, rtype: m.RecordType, root: Node | None) -> dict | None:
        """The record's data from the node tree `compose` made of its file."""
        if root is None or _is_null(root):
            self.error(None, "", "het bestand is leeg")
            return None
        if root.tag not in PLAIN_TAGS:
            self._refuse_tag(root, "")
            return None
        try:
            return self.obj(record_obj(rtype), root, "")
        finally:
            if self.unlisted:
                # On the last line, so that it comes after the listed problems.
                last_line = len(re.findall(r"\r\n|\r|\n", self.source.rstrip())) + 1
                self.problems.append(Problem(self.file, last_line, None, (
                    f"en nog {self.unlisted} {'fout' if self.unlisted == 1 else 'fouten'} in dit "
                    f"bestand (de eerste op regel {self.first_unlisted_line}) die hier niet "
                    "staan; los eerst de fouten hierboven op")))

    def _refuse_tag(self, node: Node, path: str) -> None:
        """Report a tag that is not one a plain YAML value resolves to."""
        tag = str(node.tag).replace("tag:yaml.org,2002:", "!!", 1)
        self.error(node, path, f"de YAML-tag {quote(tag)} is niet toegestaan; begint de "
                   "tekst met een uitroepteken (!), zet hem dan tussen aanhalingstekens")

    def _refuse_cut(self, node: Scalar, path: str) -> None:
        """A plain value followed by ' #...': YAML dropped that part as a comment."""
        lost = self.cut[node.line]
        self.error(node, path, f"de tekst na {quote(node.value.strip())} valt weg: YAML leest "
                   f"{quote(lost)} als een opmerking (alles na ' #'). Hoort het bij de tekst? Zet "
                   f"dan de hele waarde tussen aanhalingstekens, zoals "
                   f"\"{node.value.strip()} {lost}\"")

    def _refuse_cut_value(self, line: int, path: str) -> None:
        """A value that begins with '#' (`primair: #1f4e79`): YAML read it all as a
        comment, and the field as empty."""
        lost = self.cut[line]
        self.problems.append(Problem(self.file, line, path or None, (
            f"de waarde begint met '#': YAML leest {quote(lost)} als een opmerking, en dan is "
            f"dit veld leeg. Zet de waarde tussen aanhalingstekens, zoals \"{lost}\"")))

    def _refuse_control(self, node: Node, path: str, char: str) -> None:
        self.error(node, path, f"de tekst bevat een onzichtbaar stuurteken "
                   f"(U+{ord(char):04X}); "
                   "typ de tekst opnieuw in plaats van hem te plakken")

    # -- by field type -----------------------------------------------------

    def value(self, ftype: m.FieldType, node: Node, path: str) -> Any:
        if node.tag not in PLAIN_TAGS:
            return self._refuse_tag(node, path)
        if isinstance(node, Scalar):
            bad = first_control(node.value)
            if bad is not None:
                return self._refuse_control(node, path, bad)
            if self.cut and node.line in self.cut and node.tag != NULL_TAG:
                return self._refuse_cut(node, path)
            handler = _SCALAR_HANDLERS.get(type(ftype))
            if handler is not None:  # the usual case: a scalar where one belongs
                return handler(self, ftype, node, path)
        if isinstance(ftype, m.Obj):
            return self.obj(ftype, node, path)
        if isinstance(ftype, m.ListOf):
            return self.list_of(ftype, node, path)
        if not isinstance(node, Scalar):
            kind = "een lijst" if isinstance(node, Sequence) else "een groep velden"
            self.error(node, path, f"hier hoort {_a(ftype.label)}, maar er staat {kind}")
            return None
        # Only a scalar in a field whose type has no handler gets here: a
        # KeyError, which read_record reports as an internal error.
        return _SCALAR_HANDLERS[type(ftype)](self, ftype, node, path)

    def obj(self, ftype: m.Obj, node: Node, path: str) -> dict | None:
        if not isinstance(node, Mapping):
            self.error(node, path, "hier horen velden (naam: waarde), maar er staat "
                       f"{_describe(node)}")
            return None
        plan = plan_of(ftype)
        suggested: set[str] = set()
        given = self._given_fields(node, path, plan.known, suggested)
        result: dict[str, Any] = {}
        for name, field_type, required_message, is_list in plan.fields:
            value_node, value_path = given.get(name, _NOT_GIVEN)
            if value_node is None or _is_null(value_node):
                key_line = self.lines.get(value_path)
                if value_node is not None and key_line in self.cut:
                    self._refuse_cut_value(key_line, value_path)
                elif required_message and name not in suggested:
                    # A required field whose name was misspelt is reported once,
                    # by the misspelt key's own message ("bedoelt u ...?").
                    where = value_node if value_node is not None else node
                    self.error(where, _join(path, name), required_message)
                result[name] = [] if is_list else None
                continue
            result[name] = self.value(field_type, value_node, value_path)
        return result

    def _given_fields(self, node: Mapping, path: str, known: dict[str, m.Field],
                      suggested: set[str]) -> dict[str, tuple[Node, str]]:
        """The fields written in a mapping: name to value node and path.

        Reports keys that are no field name, repeated, tagged or unknown, in
        file order, and puts the line of every key into `lines`. The name
        checks are needed for unknown keys only: the model's own field names
        are valid ones (a test checks that)."""
        given: dict[str, tuple[Node, str]] = {}
        for key_node, value_node in node.pairs:
            # A str from here on: _key_ok refuses a key that is not a scalar.
            key: Any = key_node.value if isinstance(key_node, Scalar) else None
            is_known = key in known
            if not is_known and not self._key_ok(key_node, key, path):
                continue
            key_path = f"{path}.{key}" if path else key
            self.lines.setdefault(key_path, key_node.line)
            if key in given:
                self.error(key_node, key_path, "dit veld staat er twee keer; laat er één staan")
                continue
            given[key] = (value_node, key_path)
            if key_node.tag not in PLAIN_TAGS:
                self._refuse_tag(key_node, key_path)
                continue
            if is_known:
                continue
            if self.full:  # counted only: suggestions cost time on huge files
                self.unlisted += 1
            else:
                message, close = _unknown_key_message(key, known)
                if close and close not in given:
                    suggested.add(close)
                self.error(key_node, key_path, message)
        return given

    def _key_ok(self, key_node: Node, key: str | None, path: str) -> bool:
        if not isinstance(key, str) or not key.strip():
            self.error(key_node, path, "een veldnaam moet gewone tekst zijn, zoals 'naam'; "
                       f"hier staat {_describe(key_node)}")
            return False
        if not _is_field_name(key):
            self.error(key_node, path, f"{quote(key)} is geen geldige veldnaam: een "
                       "veldnaam is een kort woord, zoals 'naam' of 'gecontroleerd_op'")
            return False
        return True

    def list_of(self, ftype: m.ListOf, node: Node, path: str) -> list:
        if not isinstance(node, Sequence):
            self.error(node, path, "hier hoort een lijst: zet elk item op een eigen regel "
                       "met een streepje (- ) ervoor")
            return []
        items = []
        for index, item_node in enumerate(node.items, start=1):
            item_path = f"{path}[{index}]"
            self.lines[item_path] = item_node.line
            if _is_null(item_node):
                self.error(item_node, item_path, "dit item in de lijst is leeg")
                continue
            if self.full:  # the rest of a huge list is counted, not checked one by one
                self.unlisted += len(node.items) - index + 1
                break
            items.append(self.value(ftype.item, item_node, item_path))
        if len(node.items) < ftype.min_items:
            self.error(node, path, f"de lijst moet minstens {ftype.min_items} "
                       f"{'item' if ftype.min_items == 1 else 'items'} hebben")
        if ftype.unique:
            seen = set()
            pairs = zip(items, node.items, strict=False)  # empty or unchecked items left out
            for index, (item, item_node) in enumerate(pairs, start=1):
                if isinstance(item, str) and item in seen:
                    self.error(item_node, f"{path}[{index}]",
                               f"{quote(item)} staat twee keer in deze lijst")
                seen.add(item if isinstance(item, str) else None)
        return items

    def text(self, ftype: m.Text | m.Markdown, node: Scalar, path: str) -> str | None:
        value = node.value.strip()
        if not value:
            self.error(node, path, "dit veld is leeg")
            return None
        if ftype.max_length and len(value) > ftype.max_length:
            self.error(node, path, f"de tekst is te lang: {len(value)} tekens, "
                       f"het maximum is {ftype.max_length}")
        if isinstance(ftype, m.Markdown):
            self._check_markdown(node, path, value)
        elif "<" in value:
            self._check_plain_text(node, path, value)
        return value

    def _check_plain_text(self, node: Scalar, path: str, value: str) -> None:
        """HTML in a plain-text field would be shown as typed, tags and all."""
        tag = HTML_TAG.search(value)
        if tag:
            self.error(node, path, "HTML werkt niet in dit veld: de tekst wordt precies zo "
                       f"getoond, met {quote(tag.group())} erin. Schrijf gewone tekst, zonder "
                       "< en >")

    def _check_markdown(self, node: Scalar, path: str, value: str) -> None:
        # Each pattern needs a certain character, and looking for a character
        # is much faster than trying a pattern at every position of a long text.
        for needed, pattern, message in UNSAFE_MARKDOWN:
            if needed in value and pattern.search(value):
                self.error(node, path, message)
        targets = LINK_TARGET.findall(value) if "](" in value else []
        if "[" in value:
            targets += LINK_DEFINITION.findall(value)
        for target in targets:
            site_link = SITE_LINK.match(target) if ":" in target else None
            if site_link:
                kind, value, anchor = site_link.groups()
                self.refs.append(PendingRef(kind, value, self.file, node.line, path,
                                            anchor or "", in_text=True))
            elif not SAFE_LINK.match(target):
                self.error(node, path, f"de link {quote(target)} is niet toegestaan; een link "
                           "begint met https://, mailto: of tel:, of wijst naar een pagina van "
                           "deze site, zoals procedure:tlv-aanvragen of pagina:contact")
            elif target[:4].lower() == "http":
                self.refs.append(PendingRef(OWN_URL, target, self.file, node.line, path,
                                            in_text=True))

    def integer(self, ftype: m.Integer, node: Scalar, path: str) -> int | None:
        number = None
        if node.tag == INT_TAG and len(node.value) <= 20:
            try:
                # PyYAML's own reading of YAML 1.1 integers (0x1F, 0o17, 1_000, 1:30).
                number = _constructor.construct_yaml_int(yaml.ScalarNode(INT_TAG, node.value))
            except (ValueError, TypeError, IndexError):  # `!!int abc`: a tag on a non-number
                number = None
        if number is None:
            self.error(node, path,
                       f"hier hoort een geheel getal, maar er staat {quote(node.value)}")
            return None
        if ftype.minimum is not None and number < ftype.minimum:
            self.error(node, path, f"het getal moet minstens {ftype.minimum} zijn")
        if ftype.maximum is not None and number > ftype.maximum:
            self.error(node, path, f"het getal mag hoogstens {ftype.maximum} zijn")
        return number

    def boolean(self, ftype: m.Boolean, node: Scalar, path: str) -> bool | None:
        value = node.value.strip().lower()
        if node.tag == BOOL_TAG and value in _constructor.bool_values:
            return _constructor.bool_values[value]
        if value in JA_NEE:
            return JA_NEE[value]
        self.error(node, path, "hier hoort ja of nee (of true/false), maar er staat "
                   f"{quote(node.value)}")
        return None

    def date(self, ftype: m.Date, node: Scalar, path: str) -> dt.date | None:
        text = node.value.strip()
        try:
            value = dt.date.fromisoformat(text) if len(text) == 10 else None
        except ValueError:
            value = None
        if value is None:
            self.error(node, path, f"{quote(node.value)} is geen geldige datum; schrijf de datum "
                       "als JJJJ-MM-DD, bijvoorbeeld 2026-09-01")
        return value

    def pattern(self, ftype: m.Pattern, node: Scalar, path: str) -> str | None:
        value = node.value.strip()
        candidate = _SPACING.sub("", value) if ftype.normalise_spaces else value
        if not _compiled(ftype.regex).match(candidate):
            self.error(node, path, f"{quote(value)} is geen geldig {ftype.label}; "
                       f"bijvoorbeeld: {ftype.example}")
            return None
        return value

    def choice(self, ftype: m.Choice, node: Scalar, path: str) -> str | None:
        value = node.value.strip()
        if value not in ftype.options:
            options = ", ".join(ftype.options)
            self.error(node, path, f"{quote(value)} is geen geldige keuze; kies uit: {options}")
            return None
        return value

    def ref(self, ftype: m.Ref, node: Scalar, path: str) -> str | None:
        value = node.value.strip()
        if not _SLUG.match(value):
            self.error(node, path, f"{quote(value)} is geen geldige id (kleine letters, cijfers "
                       "en streepjes)")
            return None
        self.refs.append(PendingRef(ftype.target, value, self.file, node.line, path))
        return value


# The target of a PendingRef for an http(s) link in text: checked only when it
# points at the site's own address (see checks.own_site_links).
OWN_URL = "url"

_SCALAR_HANDLERS: dict[type, Callable[..., Any]] = {
    m.Text: Validator.text,
    m.Markdown: Validator.text,
    m.Integer: Validator.integer,
    m.Boolean: Validator.boolean,
    m.Date: Validator.date,
    m.Pattern: Validator.pattern,
    m.Choice: Validator.choice,
    m.Ref: Validator.ref,
}


_NOT_GIVEN = (None, "")
_SPACING = re.compile(r"[\s()-]")  # left out of phone numbers before they are checked
_SLUG = re.compile(m.SLUG_REGEX)
_compiled = functools.lru_cache(maxsize=None)(re.compile)


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def _is_null(node: Node) -> bool:
    return isinstance(node, Scalar) and node.tag == NULL_TAG


def _is_field_name(key: str) -> bool:
    return len(key) <= 60 and key.isprintable()


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _a(label: str) -> str:
    return label if label.startswith(("een ", "ja ")) else f"een {label}"


def _describe(node: Node) -> str:
    if isinstance(node, Sequence):
        return "een lijst"
    if isinstance(node, Mapping):
        return "een groep velden"
    return quote(node.value) if isinstance(node, Scalar) else "iets anders"


def _unknown_key_message(key: str, known: dict[str, m.Field]) -> tuple[str, str | None]:
    """The message for an unknown field name, and the known name it resembles."""
    message = f"{quote(key)} is geen bekend veld"
    close = difflib.get_close_matches(key, list(known), n=1)
    if close:
        return message + f"; bedoelt u '{close[0]}'?", close[0]
    return message + f"; bekende velden zijn: {', '.join(known)}", None
