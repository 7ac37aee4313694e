"""What an import did: the report staff read, in Dutch."""

from __future__ import annotations

from dataclasses import dataclass, field


class ImportFailed(Exception):
    """The import cannot start (unreadable CSV, unknown swv, ...); Dutch message."""


# --------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------


@dataclass
class Change:
    field: str
    old: str | None
    new: str


@dataclass
class SchoolResult:
    file: str
    naam: str
    brin: str
    vestiging: str
    plaats: str = ""
    changes: list[Change] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.naam} ({self.brin}, vestiging {self.vestiging})"


@dataclass
class LeftAlone:
    file: str | None
    field: str | None
    reason: str


@dataclass
class Skipped:
    line: int
    label: str
    reason: str


@dataclass
class ImportReport:
    """What an import did (or, with `dry_run`, would do)."""

    source: str
    swv: str | None
    gemeenten: list[str]
    dry_run: bool = False
    rows: int = 0
    created: list[SchoolResult] = field(default_factory=list)
    updated: list[SchoolResult] = field(default_factory=list)
    unchanged: list[SchoolResult] = field(default_factory=list)
    left_alone: list[LeftAlone] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def text(self) -> str:
        lines = [f"Scholen importeren uit {self.source} (open data van DUO)"]
        if self.dry_run:
            lines.append("Proefdraai: er is niets opgeslagen. Zonder proefdraai gebeurt het "
                         "volgende.")
        where = f"samenwerkingsverband {self.swv}, " if self.swv else ""
        lines.append(f"Alleen scholen in: {where}gemeenten {join_nl(self.gemeenten)}.")
        lines.append(
            f"{self.rows} {'school' if self.rows == 1 else 'scholen'} in het bestand: "
            f"{len(self.created)} nieuw, {len(self.updated)} bijgewerkt, "
            f"{len(self.unchanged)} al actueel, {len(self.skipped)} overgeslagen.")
        if self.created:
            lines += ["", f"Nieuw ({len(self.created)}):"]
            lines += [f"- {r.file}: {r.label}, {r.plaats}" for r in self.created]
            lines.append("  Vul in elk nieuw bestand de velden met (verplicht) in. Tot dan keurt "
                         "'swvsite check' het bestand af en wordt er niets gepubliceerd.")
        if self.updated:
            lines += ["", f"Bijgewerkt ({len(self.updated)}):"]
            for r in self.updated:
                lines.append(f"- {r.file}: {r.label}")
                lines += [f"    {c.field}: {_shown(c.old)} → {_shown(c.new)}" for c in r.changes]
        if self.unchanged:
            lines += ["", f"Al actueel, niets veranderd ({len(self.unchanged)}):"]
            lines += [f"- {r.file}: {r.label}" for r in self.unchanged]
        if self.left_alone:
            lines += ["", f"Niet overgenomen of niet aangepast ({len(self.left_alone)}):"]
            for item in self.left_alone:
                where = item.file or "?"
                if item.field:
                    where += f", veld '{item.field}'"
                lines.append(f"- {where}: {item.reason}")
        if self.skipped:
            lines += ["", f"Overgeslagen ({len(self.skipped)}):"]
            lines += [f"- regel {s.line}: {s.label}: {s.reason}" for s in self.skipped]
        if not self.changed:
            lines += ["", "Er is niets veranderd."]
        elif not self.dry_run:
            lines += ["", "Controleer het resultaat met: swvsite check"]
        return "\n".join(lines) + "\n"


def _shown(value: str | None) -> str:
    return "(leeg)" if value is None or value == "" else f"'{value}'"


def join_nl(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]

