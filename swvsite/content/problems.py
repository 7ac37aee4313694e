"""Problems found in content: each names file, line and field in plain Dutch."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the content.

    Every problem has a line: a problem with the file as a whole (empty, not
    UTF-8, missing) is on line 1. File, field and message are made printable
    (control characters and lone surrogates escaped), so a report can always
    be printed, whatever a file name or a value contained."""

    file: str
    line: int | None
    field: str | None
    message: str
    # A notice is not a mistake: the content is published, but staff should know
    # (a reference through an old id, for example). Printed after "let op:".
    notice: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.line, int) or self.line < 1:
            object.__setattr__(self, "line", 1)
        object.__setattr__(self, "file", printable(self.file))
        object.__setattr__(self, "message", printable(self.message))
        if self.field is not None:
            object.__setattr__(self, "field", printable(self.field))

    def __str__(self) -> str:
        where = f"{self.file}, regel {self.line}"
        if self.field:
            where += f", veld '{self.field}'"
        return f"{where}: {'let op: ' if self.notice else ''}{self.message}"


def printable(text: str) -> str:
    """`text` with every control, separator-line, format-less or surrogate
    character replaced by a visible escape such as \\u0007."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " or _visible(c) else f"\\u{ord(c):04x}"
                   for c in text)


def _visible(char: str) -> bool:
    # Non-ASCII spaces (such as the no-break space) are not "printable" for
    # Python but harmless in a message.
    return unicodedata.category(char) == "Zs"


class ContentError(Exception):
    """Raised when content has problems; carries all of them at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(p for p in problems if not p.notice), key=_sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = "1 fout gevonden" if count == 1 else f"{count} fouten gevonden"
        lines = [f"{head} in de inhoud; er is niets gepubliceerd."]
        lines += [f"- {p}" for p in self.problems]
        return "\n".join(lines)


def notices_report(notices: list[Problem]) -> str:
    """The notices of a load, for the terminal: nothing when there are none."""
    if not notices:
        return ""
    count = len(notices)
    head = "1 melding" if count == 1 else f"{count} meldingen"
    lines = [f"{head} (de site wordt wel gebouwd):"]
    lines += [f"- {p}" for p in sorted(set(notices), key=_sort_key)]
    return "\n".join(lines)


def _sort_key(problem: Problem) -> tuple:
    return (problem.file, problem.line or 0, problem.field or "", problem.message)


class BuildFailed(Exception):
    """The build did not succeed; the published site was left untouched.

    Defined here, not in publish, so that the command line can catch it
    without importing MkDocs for commands that do not build."""
