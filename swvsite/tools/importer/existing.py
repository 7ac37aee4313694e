"""The school records already in content/scholen, indexed by BRIN and vestiging.

Every file is read through the hardened loader (`yamledit.checked`: the
content loader's decoding, composing and limits), not validated: a record
staff are still filling in is found all the same."""

from __future__ import annotations

from pathlib import Path

from swvsite.content import model as m
from swvsite.content.validate import Mapping, Node, Scalar, Sequence
from swvsite.tools import yamledit
from swvsite.tools.importer.report import ImportReport, LeftAlone


def _school_folder() -> str:
    if not m.SCHOOL.folder:
        raise TypeError("the school record type has no folder")
    return m.SCHOOL.folder


SCHOOL_FOLDER = _school_folder()


class ExistingRecords:
    """The school records in content/scholen, indexed by (brin, vestiging)."""

    def __init__(self, content: Path, report: ImportReport):
        self.content = content
        self.folder = content / SCHOOL_FOLDER
        self.by_key: dict[tuple[str, str], list[Path]] = {}
        self.ids: set[str] = set()
        if not self.folder.is_dir():
            return
        for path in sorted(self.folder.glob("*.yml")):
            self.ids.add(path.stem)
            try:
                root = yamledit.checked(yamledit.RecordText.from_bytes(path.read_bytes()).text)
            except yamledit.Unreadable:
                report.left_alone.append(LeftAlone(self.display(path), None, (
                    "dit bestand is geen geldige YAML en is overgeslagen; als het een school "
                    "uit DUO is, is die niet bijgewerkt (swvsite check laat de fout zien)")))
                continue
            self._index(path, root)

    def _index(self, path: Path, root: Node | None) -> None:
        old_ids = field_node(root, "oude_ids")  # their addresses redirect to this record
        if isinstance(old_ids, Sequence):
            self.ids |= {text for item in old_ids.items if (text := scalar_text(item))}
        brin = scalar_text(field_node(root, "brin"))
        vestiging = scalar_text(field_node(root, "vestiging"))
        if brin and vestiging:
            key = (brin.strip().upper(), vestiging.strip().zfill(2))
            self.by_key.setdefault(key, []).append(path)

    def display(self, path: Path) -> str:
        try:
            return path.relative_to(self.content.parent).as_posix()
        except ValueError:
            return str(path)


def field_node(node: Node | None, name: str) -> Node | None:
    """The value of field `name` in a hardened mapping node, or None."""
    if isinstance(node, Mapping):
        for key, value in node.pairs:
            if isinstance(key, Scalar) and key.value == name:
                return value
    return None


def scalar_text(node: Node | None) -> str | None:
    """The text of a hardened scalar node that is not empty (null), or None."""
    if isinstance(node, Scalar) and node.tag != yamledit.NULL_TAG:
        return node.value
    return None
