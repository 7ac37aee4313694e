"""MkDocs' log messages in Dutch, for staff: with file and line where there is one.

MkDocs (and its plugins) report in English ("Doc file 'ouders.md' contains a
link ..."); staff read the build output in the terminal, the preview and the
pipeline. `dutch` turns the messages staff can act on into Dutch, naming the
file in docs/ and the line of the link; other messages keep their text behind a
Dutch level ("FOUT", "WAARSCHUWING").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

LEVELS = {logging.ERROR: "FOUT", logging.WARNING: "WAARSCHUWING", logging.INFO: "INFO",
          logging.DEBUG: "DETAIL", logging.CRITICAL: "FOUT"}


def _link_not_found(match: re.Match, where: Callable[[str, str], str]) -> str:
    page, link = match.group("page"), match.group("link")
    hint = f" Bedoelt u '{match.group('hint')}'?" if match.group("hint") else ""
    return (f"{where(page, link)}: de link '{link}' wijst naar een pagina die niet bestaat."
            f"{hint} Een link naar een record schrijft u als soort:id, zoals "
            "procedure:tlv-aanvragen.")


def _anchor_not_found(match: re.Match, where: Callable[[str, str], str]) -> str:
    page, link = match.group("page"), match.group("link")
    return (f"{where(page, link)}: de link '{link}' wijst naar een onderdeel "
            f"(#{match.group('anchor')}) dat niet bestaat op de pagina {match.group('target')}.")


def _absolute_link(match: re.Match, where: Callable[[str, str], str]) -> str:
    page, link = match.group("page"), match.group("link")
    return (f"{where(page, link)}: de link '{link}' begint met een /. Schrijf een link naar het "
            "bestand, zoals procedures/index.md, of naar een record als procedure:<id>.")


def _unrecognized_link(match: re.Match, where: Callable[[str, str], str]) -> str:
    page, link = match.group("page"), match.group("link")
    return (f"{where(page, link)}: de link '{link}' wijst niet naar een bestand. Schrijf de "
            "bestandsnaam met .md erachter, zoals contact.md, of schrijf pagina:contact.")


def _strict(match: re.Match, where: Callable[[str, str], str]) -> str:
    counts = match.group("counts").replace("warnings", "waarschuwingen").replace(
        "warning", "waarschuwing").replace("errors", "fouten").replace("error", "fout")
    counts = re.sub(r"\b1 (waarschuwing|fout)(?:en)?\b", r"1 \1", counts)
    return (f"De site is niet gebouwd: {counts}. Er wordt streng gebouwd: elke waarschuwing "
            "hierboven moet eerst opgelost worden.")


_Translation = Callable[[re.Match, Callable[[str, str], str]], str]
_TRANSLATIONS: tuple[tuple[re.Pattern, _Translation], ...] = (
    (re.compile(r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the "
                r"target(?: '[^']+')? is not found among documentation files\."
                r"(?: Did you mean '(?P<hint>[^']+)'\?)?$"), _link_not_found),
    (re.compile(r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the doc "
                r"'(?P<target>[^']+)' does not contain an anchor '#(?P<anchor>[^']+)'\.$"),
     _anchor_not_found),
    (re.compile(r"^Doc file '(?P<page>[^']+)' contains an absolute link '(?P<link>[^']+)', "
                r"it was left as is\..*$", re.S), _absolute_link),
    (re.compile(r"^Doc file '(?P<page>[^']+)' contains an unrecognized relative link "
                r"'(?P<link>[^']+)', it was left as is\..*$", re.S), _unrecognized_link),
    (re.compile(r"^Aborted with (?P<counts>.+) in strict mode!$"), _strict),
    (re.compile(r"^Aborted with a BuildError!$"),
     lambda match, where: "De site is niet gebouwd door de fout hierboven."),
)


def dutch(message: str, docs_dir: Path | None = None) -> str:
    """The Dutch text of one MkDocs message (unchanged if there is none)."""
    def where(page: str, link: str) -> str:
        line = _line_of(docs_dir / page, link) if docs_dir is not None else None
        return f"docs/{page}" + (f", regel {line}" if line else "")

    for pattern, translate in _TRANSLATIONS:
        match = pattern.match(message)
        if match:
            return translate(match, where)
    return message


def _line_of(path: Path, link: str) -> int | None:
    """The first line of a hand-written page that has this link target."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for needle in (f"]({link}", f"]: {link}", link):
        index = text.find(needle)
        if index >= 0:
            return text.count("\n", 0, index) + 1
    return None


class DutchFormatter(logging.Formatter):
    """'WAARSCHUWING -  docs/ouders.md, regel 12: de link ...' instead of MkDocs'
    'WARNING -  Doc file 'ouders.md' contains a link ...'."""

    def __init__(self, docs_dir: Path | None = None):
        super().__init__()
        self.docs_dir = docs_dir

    def format(self, record: logging.LogRecord) -> str:
        level = LEVELS.get(record.levelno, record.levelname)
        return f"{level:<12} -  {dutch(record.getMessage(), self.docs_dir)}"
