"""Problems found in content: each names file, line and field in plain Dutch."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f", regel {self.line}"
        if self.field:
            where += f", veld '{self.field}'"
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised when content has problems; carries all of them at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = "1 fout gevonden" if count == 1 else f"{count} fouten gevonden"
        lines = [f"{head} in de inhoud; er is niets gepubliceerd."]
        lines += [f"- {p}" for p in self.problems]
        return "\n".join(lines)


def _sort_key(problem: Problem) -> tuple:
    return (problem.file, problem.line or 0, problem.field or "", problem.message)
