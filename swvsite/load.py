"""Loading the content directory: read every YAML file safely, validate it
against the model and check the site as a whole.

`load_site` either returns a complete `Site` or raises `ContentError` with
every problem of the run; it never returns part of the content.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from . import model as m
from .problems import ContentError, Problem
from .validate import PendingRef, Validator, check_site

MAX_FILE_BYTES = 1_000_000
RESERVED_IDS = {"index"}

try:  # The C loader is about 5x faster; fall back to pure Python where it is missing.
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]


def load_site(content_dir: str | Path) -> m.Site:
    """Load and validate all content; raise ContentError listing every problem."""
    loader = _Loader(Path(content_dir))
    site = loader.load()
    if loader.problems:
        raise ContentError(loader.problems)
    return site


class _Loader:
    def __init__(self, content_dir: Path):
        self.root = content_dir
        self.problems: list[Problem] = []
        self.refs: list[PendingRef] = []

    def load(self) -> m.Site | None:
        if not self.root.is_dir():
            self.problems.append(Problem(str(self.root), None, None,
                                         "de map met inhoud bestaat niet"))
            return None
        self._report_unknown_files()
        single = {t.name: self._load_file(t) for t in m.RECORD_TYPES.values() if t.file}
        folders = {t.name: self._load_folder(t) for t in m.RECORD_TYPES.values() if t.folder}
        if self.problems or None in single.values():
            return None
        site = m.Site(
            organisatie=single["organisatie"],
            begrippen=single["begrippen"],
            voorzieningen=folders["voorziening"],
            scholen=folders["school"],
            procedures=folders["procedure"],
            themas=folders["thema"],
        )
        self.problems += check_site(site, self.refs)
        return site

    # -- files -------------------------------------------------------------

    def _load_file(self, rtype: m.RecordType) -> m.Record | None:
        path = self.root / rtype.file
        if not path.is_file():
            self.problems.append(Problem(self._display(path), None, None,
                                         f"dit bestand ontbreekt ({rtype.help})"))
            return None
        return self._load_record(rtype, path, rtype.name)

    def _load_folder(self, rtype: m.RecordType) -> dict[str, m.Record]:
        folder = self.root / rtype.folder
        records: dict[str, m.Record] = {}
        if not folder.is_dir():
            return records
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".") or path.is_dir() and path.name == "__pycache__":
                continue
            record_id = path.stem
            if path.suffix != ".yml" or path.is_dir():
                self.problems.append(Problem(
                    self._display(path), None, None,
                    "dit bestand wordt niet gelezen: in deze map horen alleen .yml-bestanden"))
                continue
            if not re.match(m.SLUG_REGEX, record_id) or record_id in RESERVED_IDS:
                self.problems.append(Problem(
                    self._display(path), None, None,
                    f"'{record_id}' is geen geldige bestandsnaam: gebruik kleine letters, cijfers "
                    "en streepjes (de naam wordt het webadres)"
                    + (f"; '{record_id}' is gereserveerd" if record_id in RESERVED_IDS else "")))
                continue
            record = self._load_record(rtype, path, record_id)
            if record is not None:
                records[record_id] = record
        return records

    def _load_record(self, rtype: m.RecordType, path: Path, record_id: str) -> m.Record | None:
        display = self._display(path)
        parsed = self._parse(path, display)
        if parsed is None:
            return None
        root, text = parsed
        validator = Validator(display, text)
        data = validator.record(rtype, root)
        self.problems += validator.problems
        self.refs += validator.refs
        if data is None:
            return None
        return m.Record(rtype, record_id, display, data, validator.lines)

    def _parse(self, path: Path, display: str) -> tuple[yaml.Node | None, str] | None:
        """The file's YAML node tree (None if empty) and its text; None on failure."""
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            self.problems.append(Problem(display, None, None,
                                         f"het bestand is te groot ({size:,} bytes; het maximum "
                                         f"is {MAX_FILE_BYTES:,})".replace(",", ".")))
            return None
        text = decode(path.read_bytes())
        if isinstance(text, Problem):
            self.problems.append(Problem(display, text.line, None, text.message))
            return None
        try:
            return yaml.compose(text, Loader=SafeLoader), text
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            self.problems.append(Problem(display, line, None, yaml_message(exc)))
        except yaml.reader.ReaderError as exc:
            line = text[: exc.position].count("\n") + 1
            self.problems.append(Problem(display, line, None, (
                f"het bestand bevat een onzichtbaar stuurteken (U+{exc.character:04X}); typ de "
                "tekst opnieuw in plaats van hem te plakken")
                if isinstance(exc.character, int) else f"dit is geen geldige YAML ({exc})"))
        except yaml.YAMLError as exc:
            self.problems.append(Problem(display, None, None,
                                         f"dit is geen geldige YAML ({exc})"))
        except RecursionError:
            self.problems.append(Problem(display, None, None, "de inhoud is te diep genest"))
        return None

    def _report_unknown_files(self) -> None:
        expected = {t.file for t in m.RECORD_TYPES.values() if t.file}
        folders = {t.folder for t in m.RECORD_TYPES.values() if t.folder}
        for path in sorted(self.root.iterdir()):
            if path.name.startswith(".") or path.name in expected | folders:
                continue
            if path.suffix in (".yml", ".yaml"):
                known = ", ".join(sorted(expected | {f + "/" for f in folders}))
                self.problems.append(Problem(
                    self._display(path), None, None,
                    f"dit bestand wordt niet gelezen; inhoud hoort in: {known}"))

    def _display(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)


def decode(raw: bytes) -> str | Problem:
    """UTF-8 text of a file (a BOM is allowed), or a Problem saying what is wrong."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Problem("", None, None, "het bestand is opgeslagen als UTF-16; sla het op als "
                       "UTF-8 (in de meeste editors: 'Opslaan als' en kies UTF-8)")
    if b"\x00" in raw:
        return Problem("", None, None, "dit is geen tekstbestand (het bevat binaire gegevens)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Problem("", line, None, "het bestand is niet opgeslagen als UTF-8 (misschien "
                       "Windows-1252 uit Word of Excel); sla het op als UTF-8")


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
    ("found unexpected end of stream", "een aanhalingsteken wordt niet afgesloten"),
    ("did not find expected '-' indicator", "de inspringing van een lijst klopt niet"),
    ("found unknown escape character", "een backslash (\\) tussen dubbele aanhalingstekens; "
     "gebruik enkele aanhalingstekens"),
)


def yaml_message(exc: yaml.MarkedYAMLError) -> str:
    text = f"{exc.context or ''} {exc.problem or ''}"
    for needle, hint in YAML_HINTS:
        if needle in text:
            return f"de YAML klopt niet: {hint}"
    return f"de YAML klopt niet ({(exc.problem or exc.context or 'onbekende fout').strip()})"
