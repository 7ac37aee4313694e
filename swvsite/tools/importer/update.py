"""Updating an existing school record in place, in DUO's identity fields only.

The edits are made by the shared editor (`swvsite.tools.yamledit`): only the
value of a changed field is rewritten, so comments, quoting and the order of
fields stay as staff left them. An edit that cannot be made safely is not
made and is reported instead."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from swvsite.content import model as m
from swvsite.tools import yamledit
from swvsite.tools.importer.existing import ExistingRecords
from swvsite.tools.importer.region import Region
from swvsite.tools.importer.report import Change, ImportReport, LeftAlone, SchoolResult
from swvsite.tools.importer.school import IDENTITY_FIELDS, School
from swvsite.tools.scaffold import field_lines


def update(path: Path, school: School, region: Region, existing: ExistingRecords,
           report: ImportReport, dry_run: bool) -> None:
    """Bring the identity fields of the record at `path` to DUO's values."""
    display = existing.display(path)
    record = yamledit.RecordText.from_bytes(path.read_bytes())
    wanted = school.values()
    current_swv = yamledit.scalar(yamledit.child(yamledit.positioned(record.text), "swv"))
    if current_swv and region.swv_id and current_swv.strip() != region.swv_id:
        report.left_alone.append(LeftAlone(display, None, (
            f"{school.label}: dit bestand hoort bij samenwerkingsverband {current_swv.strip()}, "
            f"deze import is voor {region.swv_id}; niet bijgewerkt")))
        return
    if current_swv:
        wanted.pop("swv", None)  # the import never moves a school to another swv
    result = SchoolResult(display, school.naam, school.brin, school.vestiging, school.plaats)
    edit = _Edit(record.text, result, report, display)
    for name in IDENTITY_FIELDS:
        if name in wanted:
            edit.field(name, wanted[name])
    for name, why in school.notes:
        report.left_alone.append(LeftAlone(display, name, why))
    if not result.changes:
        report.unchanged.append(result)
        return
    report.updated.append(result)
    if not dry_run:
        record.text = edit.text
        path.write_bytes(record.encoded())


class _Edit:
    """The text of one record while its identity fields are brought up to date."""

    def __init__(self, text: str, result: SchoolResult, report: ImportReport, display: str):
        self.text = text
        self.result = result
        self.report = report
        self.display = display

    def field(self, name: str, value: Any) -> None:
        f = _field(m.SCHOOL.fields, name)
        if not isinstance(f.type, m.Obj):
            self.apply((name,), value)
            return
        group = yamledit.child(yamledit.positioned(self.text), name)
        if not isinstance(group, yaml.MappingNode):
            self.apply_group(f, value)
            return
        for sub in f.type.fields:
            if value.get(sub.name) is not None:
                self.apply((name, sub.name), value[sub.name])

    def apply(self, path: tuple[str, ...], value: Any) -> None:
        """Bring one identity field to DUO's value, or report why not."""
        root = yamledit.positioned(self.text)
        parent = root if len(path) == 1 else yamledit.child(root, path[0])
        node = yamledit.child(parent, path[-1])
        current = _current(node)
        if current is not None and _same(path[-1], current, value):
            return
        fields = m.SCHOOL.all_fields if len(path) == 1 else _group_fields(path[0])
        f = _field(fields, path[-1])
        order = [x.name for x in fields]

        def lines(column: int) -> list[str]:
            return field_lines(f, column, value, active=True, comments=False)

        setter = yamledit.set_list if isinstance(value, list) else yamledit.set_scalar
        try:
            new_text = setter(self.text, parent, path[-1], node, value, lines, order,
                              len(path) == 1)
            yamledit.verify(self.text, new_text, path, value)
        except yamledit.Unsafe as exc:
            self._refused(".".join(path), exc, value)
            return
        self.result.changes.append(Change(".".join(path), _describe(current) if current else None,
                                          _describe(value)))
        self.text = new_text

    def apply_group(self, f: m.Field, value: dict) -> None:
        """A group field (adres) that is missing or empty, written out in full."""
        def whole(column: int) -> list[str]:
            return field_lines(f, column, value, active=True, comments=False)

        def body(column: int) -> list[str]:
            return whole(column)[1:]

        order = [x.name for x in m.SCHOOL.all_fields]
        try:
            new_text = yamledit.fill_group(self.text, yamledit.positioned(self.text), f.name,
                                           body, whole, order)
            yamledit.verify(self.text, new_text, (f.name,), value)
        except yamledit.Unsafe as exc:
            self._refused(f.name, exc, value)
            return
        self.result.changes.append(Change(f.name, None, _describe(value)))
        self.text = new_text

    def _refused(self, label: str, exc: yamledit.Unsafe, value: Any) -> None:
        self.report.left_alone.append(LeftAlone(self.display, label, (
            f"niet aangepast: {exc}. Volgens DUO: {_describe(value)}")))


def _field(fields: tuple[m.Field, ...], name: str) -> m.Field:
    return next(f for f in fields if f.name == name)


def _group_fields(name: str) -> tuple[m.Field, ...]:
    ftype = _field(m.SCHOOL.fields, name).type
    if not isinstance(ftype, m.Obj):
        raise yamledit.Unsafe("onbekende groep velden")
    return ftype.fields


def _current(node: yaml.Node | None) -> Any:
    if node is None:
        return None
    if isinstance(node, yaml.SequenceNode):
        return [item.value if isinstance(item, yaml.ScalarNode) else None for item in node.value]
    if isinstance(node, yaml.ScalarNode):
        return yamledit.scalar(node)
    return {}


def _describe(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v)
    return str(value)


def _same(name: str, current: Any, wanted: Any) -> bool:
    """Whether the record already says what DUO says, ignoring mere notation."""
    if isinstance(wanted, list):  # staff may know more levels than DUO shows; keep those
        return isinstance(current, list) and set(map(str, current)) >= set(wanted)
    if not isinstance(current, str):
        return False
    if name == "telefoon":
        return _digits(current) == _digits(wanted)
    if name == "postcode":
        return re.sub(r"\s", "", current).upper() == re.sub(r"\s", "", wanted).upper()
    if name == "website":
        return _bare_url(current) == _bare_url(wanted)
    if name == "vestiging":
        return current.strip().zfill(2) == wanted
    if name in ("brin", "swv"):
        return current.strip().upper() == wanted.upper()
    return re.sub(r"\s+", " ", current).strip().casefold() == wanted.casefold()


def _digits(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return "0" + digits[2:] if phone.strip().startswith("+31") else digits


def _bare_url(url: str) -> str:
    return re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower()).rstrip("/")
