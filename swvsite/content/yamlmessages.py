"""What staff read when a YAML file cannot be read: Dutch messages for syntax
errors, and the line each one is about (counted as editors count lines)."""

from __future__ import annotations

import re

import yaml

from swvsite.content import model as m
from swvsite.content.problems import Problem

# Line breaks as YAML (and most editors) count them: CR LF, a lone CR, or LF.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
def line_at(text: str, index: int) -> int:
    """The line number (from 1) of the character at `index`."""
    return len(_LINE_BREAK.findall(text, 0, index)) + 1


def dotted(number: int) -> str:
    return f"{number:,}".replace(",", ".")


# A line that starts with a field name and a colon with no space after it
# (`naam:Basisschool`): YAML reads that as one piece of text, not as a field.
_NO_SPACE_KEY = re.compile(r"^([ \t]*(?:-[ \t]+)?)([a-z_][a-z0-9_]*):(?=[^\s])", re.M)


def missing_spaces(text: str, display: str) -> list[Problem]:
    """A problem for every line where a field name of the model is followed by a
    colon without a space."""
    if ":" not in text:
        return []
    found = []
    for match in _NO_SPACE_KEY.finditer(text):
        name = match.group(2)
        if name in m.FIELD_NAMES:
            line = line_at(text, match.start(2))
            found.append(Problem(display, line, None, (
                f"na '{name}:' hoort een spatie; schrijf '{name}: ...' (zonder spatie leest YAML "
                "de hele regel als tekst en niet als veld)")))
    return found


YAML_HINTS = (
    ("found character '\\t'", "er staat een tab; gebruik spaties om in te springen"),
    ("found a tab character", "er staat een tab; gebruik spaties om in te springen"),
    ("mapping values are not allowed", "er staat een dubbele punt (:) op een plek waar dat niet "
     "kan; zet de tekst tussen aanhalingstekens"),
    ("could not find expected ':'", "er ontbreekt een dubbele punt (:) na een veldnaam, of een "
     "tekst loopt door over meerdere regels zonder aanhalingstekens"),
    ("found undefined alias", "ankers en verwijzingen (& en *) zijn niet toegestaan"),
    ("did not find expected key", "de inspringing klopt niet: velden die bij elkaar horen "
     "moeten precies even ver inspringen"),
    ("found unexpected end of stream", "een aanhalingsteken of haakje wordt niet afgesloten"),
    ("did not find expected '-' indicator", "de inspringing van een lijst klopt niet"),
    ("block sequence entries are not allowed", "een streepje (-) staat op een plek waar geen "
     "lijst kan beginnen; begin de lijst op een nieuwe regel of zet de tekst tussen "
     "aanhalingstekens"),
    ("found unknown escape character", "een backslash (\\) tussen dubbele aanhalingstekens; "
     "gebruik enkele aanhalingstekens"),
    ("found invalid Unicode character escape code", "een backslash (\\) tussen dubbele "
     "aanhalingstekens; gebruik enkele aanhalingstekens"),
    ("did not find expected hexdecimal number", "een backslash (\\) tussen dubbele "
     "aanhalingstekens; gebruik enkele aanhalingstekens"),
    ("did not find expected <document start>", "na een regel met alleen '...' (het einde van "
     "het document) mag niets meer staan"),
    ("did not find expected ',' or ']'", "een lijst tussen [ ] wordt niet goed afgesloten; "
     "zet tekst met een komma of haakje tussen aanhalingstekens"),
    ("did not find expected ',' or '}'", "een groep tussen { } wordt niet goed afgesloten; "
     "zet tekst met een komma of haakje tussen aanhalingstekens"),
    ("found character that cannot start any token", "een regel begint met een teken dat in "
     "YAML iets betekent (zoals @, ` of %); zet de tekst tussen aanhalingstekens"),
    ("did not find expected node content", "er ontbreekt een waarde, of een teken als [, {, "
     "* of & staat aan het begin van een tekst; zet de tekst tussen aanhalingstekens"),
    ("while scanning a directive", "een regel die met % begint is een YAML-instructie; zet de "
     "tekst tussen aanhalingstekens"),
    ("found duplicate anchor", "ankers en verwijzingen (& en *) zijn niet toegestaan"),
    ("while scanning an anchor", "een tekst die met & begint moet tussen aanhalingstekens"),
    ("while scanning an alias", "een tekst die met * begint moet tussen aanhalingstekens"),
    ("while scanning a tag", "een tekst die met ! begint moet tussen aanhalingstekens"),
    ("while scanning a block scalar", "na | of > hoort de tekst op de volgende regels te "
     "beginnen, verder ingesprongen"),
)


def yaml_error_line(exc: yaml.MarkedYAMLError, text: str) -> int:
    """The line to show for a YAML syntax error.

    Where something is not closed (a quote, a [ or {), the error is found
    only further on, often at the end of the file; the line where it was
    opened is the one to fix."""
    mark = exc.problem_mark or exc.context_mark
    unclosed = "end of stream" in (exc.problem or "") or (exc.context or "").startswith(
        ("while parsing a flow", "while scanning a simple key"))
    if unclosed and exc.context_mark:
        mark = exc.context_mark
    if mark is None:
        return 1
    # At the end of the file libyaml points one line past the last one.
    return min(mark.line + 1, line_at(text, len(text)))


def yaml_message(exc: yaml.MarkedYAMLError, text: str = "") -> str:
    if _char_at(text, exc.problem_mark) == "\t":
        return f"de YAML klopt niet: {YAML_HINTS[0][1]}"
    if _line_length(text, exc.problem_mark) > MAX_KEY_LENGTH and exc.problem in (
            "mapping values are not allowed in this context", "could not find expected ':'"):
        return (f"de YAML klopt niet: een veldnaam mag hoogstens {MAX_KEY_LENGTH} tekens lang "
                "zijn, of een lange tekst loopt door over meerdere regels zonder "
                "aanhalingstekens")
    summary = f"{exc.context or ''} {exc.problem or ''}"
    for needle, hint in YAML_HINTS:
        if needle in summary:
            return f"de YAML klopt niet: {hint}"
    return f"de YAML klopt niet ({(exc.problem or exc.context or 'onbekende fout').strip()})"


MAX_KEY_LENGTH = 1024  # libyaml's limit for a key written without ?


def _line_length(text: str, mark) -> int:
    lines = text.split("\n")
    return len(lines[mark.line]) if mark is not None and 0 <= mark.line < len(lines) else 0


def _char_at(text: str, mark) -> str:
    if mark is None:
        return ""
    lines = text.split("\n")
    if not 0 <= mark.line < len(lines) or not 0 <= mark.column < len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]
